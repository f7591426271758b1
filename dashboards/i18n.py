"""The one translation table (ko / en) for the boards and the board deck.

Every label a reader sees comes from TEXT; a key missing in one language is a test
failure (tests/test_dashboards_formatting.py), never a silent fallback in production.
"""

from __future__ import annotations

from typing import Any

LANGUAGES: tuple[str, ...] = ("ko", "en")
DEFAULT_LANGUAGE = "ko"
LANGUAGE_NAMES: dict[str, str] = {"ko": "한국어", "en": "English"}

TEXT: dict[str, dict[str, str]] = {
    # app shell
    "app.title": {"ko": "매출 분석 보드", "en": "Revenue analytics boards"},
    "app.language": {"ko": "언어", "en": "Language"},
    "app.caption": {
        "ko": "보고 통화 {currency} · 데이터: {path}",
        "en": "Reporting currency {currency} · data: {path}",
    },
    "app.build": {
        "ko": "빌드 {build} · 기준일 {as_of} · 완료 {finished} (UTC)",
        "en": "Build {build} · as of {as_of} · finished {finished} (UTC)",
    },
    "nav.overview": {"ko": "개요", "en": "Overview"},
    "nav.mrr_bridge": {"ko": "MRR 브리지", "en": "MRR bridge"},
    "nav.retention": {"ko": "리텐션", "en": "Retention"},
    "nav.account_360": {"ko": "고객사 360", "en": "Account 360"},
    "nav.definitions": {"ko": "지표 정의", "en": "Definitions"},
    # filters
    "filter.header": {"ko": "필터", "en": "Filters"},
    "filter.months": {"ko": "기간 (월)", "en": "Month range"},
    "filter.accounts": {"ko": "고객사 속성", "en": "Account attributes"},
    "filter.accounts_help": {
        "ko": "고객사 목록과 주요 변동에만 적용됩니다. "
        "회사 전체 지표(브리지, 리텐션)는 마트 값 그대로입니다.",
        "en": "Applies to account lists and top movements only. Company-level metrics "
        "(bridge, retention) are shown exactly as the marts hold them.",
    },
    "filter.country": {"ko": "국가", "en": "Country"},
    "filter.industry": {"ko": "산업", "en": "Industry"},
    "filter.currency": {"ko": "고객 통화", "en": "Customer currency"},
    "filter.all": {"ko": "전체", "en": "All"},
    # warehouse states
    "wh.missing": {
        "ko": "웨어하우스 파일이 없습니다: `{path}`. 저장소 루트에서 `make run`을 실행해 "
        "웨어하우스를 만든 뒤 이 페이지를 새로 고치세요 (다른 파일을 쓰려면 환경 변수 "
        "`WAREHOUSE_PATH`를 지정하세요).",
        "en": "The warehouse file does not exist: `{path}`. Build it with `make run` from "
        "the repository root, then reload this page (set `WAREHOUSE_PATH` to use another "
        "file).",
    },
    "wh.absent": {
        "ko": "웨어하우스 `{path}`에 테이블 {detail}이(가) 없습니다: dbt 빌드가 만들지 "
        "못했습니다. `make run`으로 다시 빌드하고 빌드 보고서를 확인한 뒤 새로 고치세요.",
        "en": "The warehouse `{path}` has no table {detail}: the dbt build did not create it. "
        "Rebuild with `make run`, check the build report, then reload.",
    },
    "wh.empty": {
        "ko": "웨어하우스 `{path}`에 아직 마트 데이터가 없습니다 ({detail}). `make run`으로 "
        "데이터를 적재하고 dbt 마트를 만든 뒤 새로 고치세요.",
        "en": "The warehouse `{path}` has no mart data yet ({detail}). Run `make run` to load "
        "the data and build the dbt marts, then reload.",
    },
    "wh.busy": {
        "ko": "웨어하우스 `{path}`를 지금 다른 작업이 쓰고 있습니다 (`make run` 진행 중). "
        "끝난 뒤 새로 고치세요.",
        "en": "The warehouse `{path}` is being written by another process (`make run` in "
        "progress). Reload when it has finished.",
    },
    "wh.error": {
        "ko": "웨어하우스 `{path}`를 읽을 수 없습니다 ({detail}). `make run`으로 다시 "
        "만든 뒤 새로 고치세요.",
        "en": "The warehouse `{path}` cannot be read ({detail}). Rebuild it with `make run`, "
        "then reload.",
    },
    "wh.how": {"ko": "웨어하우스 만들기", "en": "Build the warehouse"},
    # KPIs
    "kpi.ending_mrr": {"ko": "기말 MRR", "en": "Ending MRR"},
    "kpi.ending_arr": {"ko": "ARR", "en": "ARR"},
    "kpi.nrr": {"ko": "NRR (월간)", "en": "NRR (month)"},
    "kpi.grr": {"ko": "GRR (월간)", "en": "GRR (month)"},
    "kpi.nrr_12m": {"ko": "NRR (12개월)", "en": "NRR (trailing 12 m)"},
    "kpi.grr_12m": {"ko": "GRR (12개월)", "en": "GRR (trailing 12 m)"},
    "kpi.logo_churn_rate": {"ko": "고객 이탈률", "en": "Logo churn"},
    "kpi.ending_customers": {"ko": "고객 수", "en": "Customers"},
    "kpi.vs_prior": {"ko": "전월 대비", "en": "vs prior month"},
    "kpi.vs_year": {"ko": "전년 동월 대비", "en": "vs a year ago"},
    "kpi.legend": {
        "ko": "화살표: 전월 대비 변동 · 카드 아래: 전년 동월 대비 변동",
        "en": "Arrow: change vs prior month · below each card: change vs a year ago",
    },
    "kpi.no_comparison": {"ko": "비교 불가", "en": "no comparison"},
    # overview
    "overview.title": {"ko": "경영 개요", "en": "Executive overview"},
    "overview.as_of": {"ko": "{month} 기준", "en": "As of {month}"},
    "overview.trend": {"ko": "24개월 추이", "en": "24-month trend"},
    "overview.trend_mrr": {"ko": "기말 MRR과 고객 수", "en": "Ending MRR and customers"},
    "overview.trend_rates": {"ko": "NRR · GRR (월간)", "en": "NRR · GRR (month)"},
    "overview.table": {"ko": "월별 핵심 지표", "en": "Monthly headline metrics"},
    # bridge
    "bridge.title": {"ko": "MRR 브리지", "en": "MRR bridge"},
    "bridge.month": {"ko": "월 선택", "en": "Month"},
    "bridge.chart": {"ko": "{month} MRR 브리지", "en": "MRR bridge, {month}"},
    "bridge.table": {"ko": "브리지 구성", "en": "Bridge components"},
    "bridge.history": {"ko": "월별 브리지", "en": "Bridge by month"},
    "bridge.identity": {
        "ko": "기초 + 신규 + 확장 + 재활성 − 축소 − 이탈 + 환율 효과 = 기말",
        "en": "Beginning + new + expansion + reactivation − contraction − churn + FX = ending",
    },
    "bridge.top": {"ko": "{month} 주요 고객 변동", "en": "Top account movements, {month}"},
    "bridge.top_empty": {
        "ko": "선택한 조건에 해당하는 고객 변동이 없습니다.",
        "en": "No account movements match the filters.",
    },
    "component": {"ko": "항목", "en": "Component"},
    "amount": {"ko": "금액", "en": "Amount"},
    "comp.beginning": {"ko": "기초 MRR", "en": "Beginning MRR"},
    "comp.new": {"ko": "신규", "en": "New"},
    "comp.expansion": {"ko": "확장", "en": "Expansion"},
    "comp.reactivation": {"ko": "재활성", "en": "Reactivation"},
    "comp.contraction": {"ko": "축소", "en": "Contraction"},
    "comp.churn": {"ko": "이탈", "en": "Churn"},
    "comp.fx": {"ko": "환율 효과", "en": "FX"},
    "comp.ending": {"ko": "기말 MRR", "en": "Ending MRR"},
    # retention
    "retention.title": {"ko": "리텐션", "en": "Retention"},
    "retention.monthly": {"ko": "월간 NRR · GRR", "en": "Monthly NRR · GRR"},
    "retention.trailing": {"ko": "12개월 누적 NRR · GRR", "en": "Trailing-12-month NRR · GRR"},
    "retention.trailing_empty": {
        "ko": "12개월 리텐션은 13개월 이상의 데이터가 있어야 계산됩니다.",
        "en": "Trailing-12-month retention needs at least 13 months of data.",
    },
    "retention.cohorts": {"ko": "코호트 리텐션", "en": "Cohort retention"},
    "retention.cohort_mode": {"ko": "기준", "en": "Measure"},
    "retention.mode_logo": {"ko": "고객 수 (로고)", "en": "Logos"},
    "retention.mode_revenue": {"ko": "매출", "en": "Revenue"},
    "retention.cohort_axis": {"ko": "시작 후 경과 개월", "en": "Months since start"},
    "retention.cohort_month_axis": {"ko": "코호트 (첫 결제월)", "en": "Cohort (first paid month)"},
    "retention.cohort_note": {
        "ko": "첫 결제 후 {horizon}개월까지 표시합니다. 전체 기간은 아래 코호트 표에 있습니다. "
        "각 월의 MRR은 그 달의 환율로 환산한 값입니다.",
        "en": "Shows the first {horizon} months after the first payment; every month is in "
        "the cohort table below. Each month's MRR is at that month's FX rates.",
    },
    "bridge.axis_note": {
        "ko": "세로축은 0에서 시작하지 않습니다 (변동을 읽기 쉽게).",
        "en": "The vertical axis does not start at zero (so the movements are readable).",
    },
    "retention.cohort_empty": {"ko": "코호트 데이터가 없습니다.", "en": "No cohort data."},
    "retention.table": {"ko": "월별 리텐션", "en": "Retention by month"},
    "retention.cohort_table": {"ko": "코호트 표", "en": "Cohort table"},
    # account 360
    "account.title": {"ko": "고객사 360", "en": "Account 360"},
    "account.search": {"ko": "고객사 이름 검색", "en": "Search account name"},
    "account.pick": {"ko": "고객사", "en": "Account"},
    "account.none": {
        "ko": "조건에 맞는 고객사가 없습니다. 검색어나 필터를 바꿔 보세요.",
        "en": "No account matches. Change the search text or the filters.",
    },
    "account.count": {"ko": "{n}개 고객사", "en": "{n} accounts"},
    "account.history": {"ko": "MRR 추이", "en": "MRR history"},
    "account.history_table": {"ko": "월별 MRR", "en": "MRR by month"},
    "account.movements": {"ko": "MRR 변동 내역", "en": "MRR movements"},
    "account.movements_empty": {"ko": "변동 내역이 없습니다.", "en": "No movements."},
    "account.attributes": {"ko": "고객사 속성", "en": "Attributes"},
    "account.current_mrr": {"ko": "최근 MRR", "en": "Latest MRR"},
    "account.current_arr": {"ko": "최근 ARR", "en": "Latest ARR"},
    "account.deleted": {
        "ko": "CRM에서 삭제된 고객사입니다 (과거 매출은 그대로 집계됩니다).",
        "en": "This account was deleted in the CRM (its past revenue still counts).",
    },
    "account.unmapped": {
        "ko": "CRM 고객사와 연결되지 않은 결제 고객입니다.",
        "en": "This billing customer is not mapped to a CRM account.",
    },
    "attribute": {"ko": "속성", "en": "Attribute"},
    "value": {"ko": "값", "en": "Value"},
    "yes": {"ko": "예", "en": "Yes"},
    "no": {"ko": "아니오", "en": "No"},
    # definitions
    "definitions.title": {"ko": "지표 정의", "en": "Metric definitions"},
    "definitions.intro": {
        "ko": "아래 정의는 dbt 문서(`models/marts`의 YAML과 `{% docs %}` 블록)에서 그대로 "
        "읽어 옵니다. 보드와 보고 자료의 모든 숫자는 이 정의로 만든 마트에서 옵니다.",
        "en": "These definitions are read as written from the dbt docs (YAML under "
        "`models/marts` and `{% docs %}` blocks). Every number on the boards and in the "
        "deck comes from marts built to these definitions.",
    },
    "definitions.missing": {
        "ko": "아직 dbt 마트 문서가 없습니다 (`{path}`). 마트 YAML이 추가되면 여기에 표시됩니다.",
        "en": "No dbt mart docs yet (`{path}`). They appear here once the mart YAML files exist.",
    },
    "definitions.search": {"ko": "지표·컬럼 검색", "en": "Search metrics and columns"},
    "definitions.column": {"ko": "컬럼", "en": "Column"},
    "definitions.description": {"ko": "설명", "en": "Description"},
    "definitions.no_match": {"ko": "검색 결과가 없습니다.", "en": "Nothing matches."},
    "definitions.board_metrics": {"ko": "보드의 지표", "en": "Metrics on the boards"},
    "definitions.public_marts": {"ko": "공개 마트", "en": "Public marts"},
    "definitions.other_models": {"ko": "기타 마트", "en": "Other marts"},
    "definitions.docs_blocks_count": {"ko": "{n}개 정의", "en": "{n} definitions"},
    "definitions.docs_blocks": {
        "ko": "공통 정의 (docs 블록)",
        "en": "Shared definitions (docs blocks)",
    },
    "definitions.parse_error": {
        "ko": "읽지 못한 문서 파일: {files}",
        "en": "Doc files that could not be read: {files}",
    },
    # tables and downloads
    "download_csv": {"ko": "CSV 다운로드", "en": "Download CSV"},
    "col.month": {"ko": "월", "en": "Month"},
    "col.beginning_mrr": {"ko": "기초 MRR", "en": "Beginning MRR"},
    "col.new_mrr": {"ko": "신규 MRR", "en": "New MRR"},
    "col.expansion_mrr": {"ko": "확장 MRR", "en": "Expansion MRR"},
    "col.reactivation_mrr": {"ko": "재활성 MRR", "en": "Reactivation MRR"},
    "col.contraction_mrr": {"ko": "축소 MRR", "en": "Contraction MRR"},
    "col.churned_mrr": {"ko": "이탈 MRR", "en": "Churned MRR"},
    "col.fx_adjustment_mrr": {"ko": "환율 효과", "en": "FX adjustment"},
    "col.ending_mrr": {"ko": "기말 MRR", "en": "Ending MRR"},
    "col.ending_arr": {"ko": "ARR", "en": "ARR"},
    "col.beginning_customers": {"ko": "기초 고객 수", "en": "Beginning customers"},
    "col.new_customers": {"ko": "신규 고객", "en": "New customers"},
    "col.churned_customers": {"ko": "이탈 고객", "en": "Churned customers"},
    "col.reactivated_customers": {"ko": "재활성 고객", "en": "Reactivated customers"},
    "col.ending_customers": {"ko": "기말 고객 수", "en": "Ending customers"},
    "col.grr": {"ko": "GRR", "en": "GRR"},
    "col.nrr": {"ko": "NRR", "en": "NRR"},
    "col.logo_churn_rate": {"ko": "고객 이탈률", "en": "Logo churn rate"},
    "col.revenue_churn_rate": {"ko": "매출 이탈률", "en": "Revenue churn rate"},
    "col.base_accounts": {"ko": "기준 고객 수", "en": "Base accounts"},
    "col.base_mrr": {"ko": "기준 MRR", "en": "Base MRR"},
    "col.current_mrr": {"ko": "현재 MRR", "en": "Current MRR"},
    "col.nrr_12m": {"ko": "NRR (12개월)", "en": "NRR (12 m)"},
    "col.grr_12m": {"ko": "GRR (12개월)", "en": "GRR (12 m)"},
    "col.cohort_month": {"ko": "코호트", "en": "Cohort"},
    "col.months_since_start": {"ko": "경과 개월", "en": "Months since start"},
    "col.cohort_size": {"ko": "코호트 고객 수", "en": "Cohort size"},
    "col.cohort_starting_mrr": {"ko": "시작 MRR", "en": "Starting MRR"},
    "col.active_accounts": {"ko": "활성 고객 수", "en": "Active accounts"},
    "col.mrr": {"ko": "MRR", "en": "MRR"},
    "col.mrr_local": {"ko": "MRR (현지 통화)", "en": "MRR (local currency)"},
    "col.currency": {"ko": "통화", "en": "Currency"},
    "col.fx_rate": {"ko": "환율", "en": "FX rate"},
    "col.is_active": {"ko": "활성", "en": "Active"},
    "col.logo_retention": {"ko": "고객 유지율", "en": "Logo retention"},
    "col.revenue_retention": {"ko": "매출 유지율", "en": "Revenue retention"},
    "col.account_id": {"ko": "고객사 ID", "en": "Account ID"},
    "col.account_name": {"ko": "고객사", "en": "Account"},
    "col.parent_account_id": {"ko": "모회사 ID", "en": "Parent account ID"},
    "col.ultimate_parent_account_id": {"ko": "최상위 모회사 ID", "en": "Ultimate parent ID"},
    "col.industry": {"ko": "산업", "en": "Industry"},
    "col.country": {"ko": "국가", "en": "Country"},
    "col.is_unmapped": {"ko": "CRM 미연결", "en": "Unmapped"},
    "col.is_deleted_in_crm": {"ko": "CRM 삭제", "en": "Deleted in CRM"},
    "col.first_paid_month": {"ko": "첫 결제월", "en": "First paid month"},
    "col.icp_segment": {"ko": "ICP 세그먼트", "en": "ICP segment"},
    "col.account_currency": {"ko": "고객 통화", "en": "Customer currency"},
    "col.movement_type": {"ko": "변동 유형", "en": "Movement"},
    "col.mrr_change": {"ko": "MRR 변동", "en": "MRR change"},
    "movement.new": {"ko": "신규", "en": "New"},
    "movement.expansion": {"ko": "확장", "en": "Expansion"},
    "movement.contraction": {"ko": "축소", "en": "Contraction"},
    "movement.churn": {"ko": "이탈", "en": "Churn"},
    "movement.reactivation": {"ko": "재활성", "en": "Reactivation"},
    "movement.fx_adjustment": {"ko": "환율 효과", "en": "FX adjustment"},
    # charts
    "chart.mrr": {"ko": "MRR", "en": "MRR"},
    "chart.customers": {"ko": "고객 수", "en": "Customers"},
    "chart.month": {"ko": "월", "en": "Month"},
    "chart.rate": {"ko": "비율", "en": "Rate"},
    "chart.local": {"ko": "현지 통화", "en": "Local currency"},
    # board deck
    "deck.title": {"ko": "이사회 보고: 매출 현황", "en": "Board report: revenue"},
    "deck.subtitle": {
        "ko": "{month} · 보고 통화 {currency}",
        "en": "{month} · reporting currency {currency}",
    },
    "deck.generated": {
        "ko": "작성 {date} · 출처: 매출 웨어하우스 공개 마트",
        "en": "Generated {date} · source: revenue warehouse public marts",
    },
    "deck.kpis": {"ko": "핵심 지표", "en": "Headline KPIs"},
    "deck.metric": {"ko": "지표", "en": "Metric"},
    "deck.value": {"ko": "{month}", "en": "{month}"},
    "deck.bridge": {"ko": "MRR 브리지", "en": "MRR bridge"},
    "deck.retention": {"ko": "리텐션 추이", "en": "Retention trend"},
    "deck.cohorts": {"ko": "코호트 매출 유지율", "en": "Cohort revenue retention"},
    "deck.cohorts_note": {
        "ko": "최근 {n}개 코호트 · 경과 개월별 매출 유지율 (각 월 환율 기준)",
        "en": "Latest {n} cohorts · revenue retention by months since start "
        "(each month at its own rates)",
    },
    "deck.top_movements": {"ko": "{month} 주요 고객 변동", "en": "Top movements, {month}"},
    "deck.page": {"ko": "{n} / {total}", "en": "{n} / {total}"},
    "deck.none": {"ko": "해당 없음", "en": "None"},
    "deck.footnote_rates": {
        "ko": "NRR·GRR: 기초 MRR(당월 환율) 대비, 신규·재활성 제외. "
        "12개월 값은 12개월 전 고객 기준.",
        "en": "NRR·GRR: against beginning MRR at the month's rates; new and reactivation "
        "excluded. 12-month values use the accounts paying 12 months earlier.",
    },
    # restatements (mart_restatements): the Overview section and the deck slide
    "restated.title": {"ko": "정정된 지표", "en": "Restatements"},
    "restated.caption": {
        "ko": "처음 보고된 값과 지금 값이 다른 월·지표와, 그 보고 뒤에 적재된 원인 파일.",
        "en": "Months and KPIs whose value now differs from the value first reported, with "
        "the landing files loaded after that report.",
    },
    "restated.none": {
        "ko": "표시된 월은 모두 처음 보고된 값 그대로입니다.",
        "en": "Every month shown is as first reported.",
    },
    "restated.line": {
        "ko": "{month} {metric} {change} 정정 ({reported} → {current}, 최초 보고 "
        "{reported_at}): {cause}",
        "en": "{month} {metric} restated {change} ({reported} → {current}, first reported "
        "{reported_at}): {cause}",
    },
    "restated.more_files": {"ko": " 외 {n}개 파일", "en": " and {n} more files"},
    "restated.more_rows": {
        "ko": "그 밖에 {n}건: mart_restatements 참조",
        "en": "{n} more in mart_restatements",
    },
    "restated.cause.invoices": {
        "ko": "늦게 들어온 인보이스 {path}",
        "en": "late invoice in {path}",
    },
    "restated.cause.contracts": {"ko": "늦게 들어온 계약 {path}", "en": "late contract in {path}"},
    "restated.cause.fx_rates": {"ko": "새 환율 {path}", "en": "new FX rate in {path}"},
    "restated.cause.subscriptions": {
        "ko": "구독 변경 {path}",
        "en": "subscription change in {path}",
    },
    "restated.cause.prices": {"ko": "늦게 들어온 가격 {path}", "en": "late price in {path}"},
    "restated.cause.file": {"ko": "늦게 들어온 파일 {path}", "en": "late file {path}"},
    "restated.cause.none": {
        "ko": "새 적재 파일 없음 (규칙·설정 변경)",
        "en": "no new landing file (a rule or setting changed)",
    },
    "col.metric": {"ko": "지표", "en": "Metric"},
    "col.reported_value": {"ko": "최초 보고 값", "en": "First reported"},
    "col.current_value": {"ko": "현재 값", "en": "Now"},
    "col.difference": {"ko": "차이", "en": "Difference"},
    "col.reported_at": {"ko": "최초 보고 기준일", "en": "First reported as of"},
    "col.landing_files": {"ko": "원인 파일", "en": "Landing files"},
    "deck.restatements": {"ko": "정정된 지표", "en": "Restated numbers"},
}


def t(key: str, language: str | None = None, **values: Any) -> str:
    """Translate `key` into `language` (default: the board's current language)."""
    language = language or current_language()
    entry = TEXT.get(key)
    if entry is None:
        # A forgotten key shows itself rather than crashing a board in front of a CFO.
        return key
    text = entry.get(language) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def current_language() -> str:
    """The language picked in the sidebar (Streamlit session), else Korean."""
    try:
        import streamlit as st

        language = st.session_state.get("lang", DEFAULT_LANGUAGE)
    except Exception:  # noqa: BLE001 - outside a Streamlit session there is no state
        return DEFAULT_LANGUAGE
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def column_label(column: str, language: str | None = None) -> str:
    key = f"col.{column}"
    return t(key, language) if key in TEXT else column
