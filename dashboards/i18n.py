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
    "overview.trend": {"ko": "추이: {start} ~ {end}", "en": "Trend, {start} to {end}"},
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

# Acquisition, unit economics and segment pages (issue 14), the Overview's KPI additions
# and the deck's new slides.
TEXT.update(
    {
        "nav.funnel": {"ko": "퍼널 · 영업", "en": "Funnel & sales"},
        "nav.unit_economics": {"ko": "유닛 이코노믹스", "en": "Unit economics"},
        "nav.segments": {"ko": "세그먼트", "en": "Segments"},
        "filter.channel": {"ko": "채널", "en": "Channel"},
        "filter.owner": {"ko": "담당자", "en": "Owner"},
        "filter.icp_segment": {"ko": "ICP 세그먼트", "en": "ICP segment"},
        "gtm.empty": {
            "ko": "선택한 기간·조건에 해당하는 데이터가 없습니다 (또는 아직 마트가 없습니다).",
            "en": "No data for the chosen range and filters (or the mart is not built yet).",
        },
        # funnel & sales
        "funnel.title": {"ko": "퍼널 · 영업", "en": "Funnel & sales"},
        "funnel.by_cohort": {
            "ko": "리드 → MQL → SQL → 영업기회 → 수주",
            "en": "Lead → MQL → SQL → opportunity → won",
        },
        "funnel.cohort_note": {
            "ko": "{start} ~ {end}에 생성된 리드 코호트 (리드 생성월 기준). 각 단계는 그 "
            "코호트가 지금까지 도달한 수입니다.",
            "en": "Leads created {start} to {end} (cohort = month the lead was created); "
            "each step counts how far those leads have got so far.",
        },
        "funnel.stages": {"ko": "단계별 리드 수", "en": "Leads by step"},
        "funnel.rate": {"ko": "전환율", "en": "Conversion"},
        "funnel.stage_conversion": {
            "ko": "영업 단계 전환과 체류 기간 (딜이 멈추는 곳)",
            "en": "Stage conversion and days in stage (where deals stall)",
        },
        "funnel.stage_note": {
            "ko": "영업기회 이력 전체 기준 (기간 필터 미적용). 체류 일수는 끝난 체류의 중앙값.",
            "en": "All opportunity history (not filtered by month). Days in stage: median "
            "of stays that ended.",
        },
        "funnel.sla": {"ko": "MQL 응대 SLA", "en": "MQL follow-up SLA"},
        "funnel.sla_note": {
            "ko": "SLA: MQL 후 2시간 내 첫 접촉, 첫 접촉 후 24시간 내 두 번째, MQL 후 72시간 "
            "내 세 번째 접촉. 실패 단계는 처음 놓친 단계입니다.",
            "en": "SLA: first touch within 2 h of the MQL, a second within 24 h of the "
            "first, a third within 72 h of the MQL. The failed step is the first one missed.",
        },
        "funnel.sla_chart": {
            "ko": "주별 · 담당자별 SLA 준수율",
            "en": "SLA compliance by week and owner",
        },
        "funnel.win_rates": {
            "ko": "수주율과 영업 주기 (종료월 기준)",
            "en": "Win rate and sales cycle (by close month)",
        },
        "funnel.by_dimension": {
            "ko": "산업·담당자·ICP 세그먼트별 퍼널",
            "en": "Funnel by industry, owner and ICP segment",
        },
        "funnel.by_dimension_note": {
            "ko": "위와 같은 리드 코호트를 다른 기준으로 나눈 마트 값입니다. 색은 위에서 고른 "
            "전환율입니다.",
            "en": "The same lead cohorts cut another way, as the mart holds them; the colour "
            "is the conversion picked above.",
        },
        "funnel.dimension": {"ko": "기준", "en": "Cut by"},
        "dimension.owner": {"ko": "담당자", "en": "Owner"},
        "funnel.sql_compliance": {
            "ko": "SQL 표시 규칙 준수 (담당자별)",
            "en": "SQL marking against the SQL rule (by owner)",
        },
        "funnel.sql_compliance_note": {
            "ko": "담당자가 SQL로 표시한(SQL_Date__c) 리드 중 SQL 규칙을 어긴 리드: MQL이 "
            "아니었거나, MQL이 되기 전에 표시했거나, CHAMP(과제·권한·우선순위)가 비어 "
            "있습니다. 전체 기간 기준입니다.",
            "en": "Leads a rep marked SQL (SQL_Date__c) that break the SQL rule: never an "
            "MQL, marked before becoming an MQL, or CHAMP challenges / authority / "
            "prioritization missing. All time.",
        },
        "funnel.lead_scores": {
            "ko": "지금 점수가 높은 리드 (아직 MQL 아님)",
            "en": "Highest-scoring leads now (not yet MQL)",
        },
        "funnel.lead_scores_note": {
            "ko": "{date} 기준 리드 점수 상위 {count}건 (행동 점수 × 반감기 감쇠). 영업이 "
            "먼저 연락할 리드입니다.",
            "en": "Top {count} lead scores at {date} (behaviour points with half-life "
            "decay): the leads to call first.",
        },
        "col.leads_marked_sql": {"ko": "SQL 표시", "en": "Marked SQL"},
        "col.valid_sqls": {"ko": "규칙 충족", "en": "Valid"},
        "col.invalid_sqls": {"ko": "규칙 위반", "en": "Invalid"},
        "col.invalid_sql_rate": {"ko": "위반율", "en": "Invalid share"},
        "col.invalid_not_an_mql": {"ko": "MQL 아님", "en": "Never an MQL"},
        "col.invalid_mql_after_sql_date": {
            "ko": "MQL 전 표시",
            "en": "Marked before MQL",
        },
        "col.invalid_champ_missing": {"ko": "CHAMP 누락", "en": "CHAMP missing"},
        "col.company_name": {"ko": "회사", "en": "Company"},
        "col.lead_status": {"ko": "리드 상태", "en": "Lead status"},
        "col.lead_score": {"ko": "리드 점수", "en": "Lead score"},
        "col.behaviours_to_date": {"ko": "점수 행동 수", "en": "Scored behaviours"},
        "col.leads": {"ko": "리드", "en": "Leads"},
        "col.mqls": {"ko": "MQL", "en": "MQLs"},
        "col.sqls": {"ko": "SQL", "en": "SQLs"},
        "col.opportunities": {"ko": "영업기회", "en": "Opportunities"},
        "col.won": {"ko": "수주", "en": "Won"},
        "col.lead_to_mql_rate": {"ko": "리드→MQL", "en": "Lead → MQL"},
        "col.mql_to_sql_rate": {"ko": "MQL→SQL", "en": "MQL → SQL"},
        "col.sql_to_opportunity_rate": {"ko": "SQL→영업기회", "en": "SQL → opportunity"},
        "col.opportunity_to_won_rate": {"ko": "영업기회→수주", "en": "Opportunity → won"},
        "col.lead_to_won_rate": {"ko": "리드→수주", "en": "Lead → won"},
        "col.channel": {"ko": "채널", "en": "Channel"},
        "col.stage_name": {"ko": "영업 단계", "en": "Stage"},
        "col.opportunities_reached": {"ko": "도달 기회", "en": "Reached"},
        "col.opportunities_advanced": {"ko": "다음 단계 진행", "en": "Advanced"},
        "col.opportunities_lost_from_stage": {"ko": "이 단계에서 실주", "en": "Lost here"},
        "col.conversion_to_next_stage": {"ko": "다음 단계 전환율", "en": "Conversion to next"},
        "col.median_days_in_stage": {"ko": "체류 일수 (중앙값)", "en": "Median days in stage"},
        "col.mql_week": {"ko": "MQL 주 (월요일)", "en": "MQL week (Monday)"},
        "col.owner_name": {"ko": "담당자", "en": "Owner"},
        "col.mqls_sla_met": {"ko": "SLA 준수", "en": "SLA met"},
        "col.sla_compliance_rate": {"ko": "SLA 준수율", "en": "SLA compliance"},
        "col.failed_at_step_1": {"ko": "실패: 첫 접촉 2시간", "en": "Failed: 1st touch 2 h"},
        "col.failed_at_step_2": {"ko": "실패: 두 번째 24시간", "en": "Failed: 2nd touch 24 h"},
        "col.failed_at_step_3": {"ko": "실패: 세 번째 72시간", "en": "Failed: 3rd touch 72 h"},
        "col.median_hours_to_first_touch": {
            "ko": "첫 접촉까지 시간 (중앙값)",
            "en": "Median hours to first touch",
        },
        "col.type": {"ko": "영업기회 유형", "en": "Opportunity type"},
        "col.close_month": {"ko": "종료월", "en": "Close month"},
        "col.closed_opportunities": {"ko": "종료 기회", "en": "Closed"},
        "col.won_opportunities": {"ko": "수주 기회", "en": "Won"},
        "col.win_rate": {"ko": "수주율 (건수)", "en": "Win rate (count)"},
        "col.win_rate_amount": {"ko": "수주율 (금액)", "en": "Win rate (amount)"},
        "col.median_sales_cycle_days": {
            "ko": "영업 주기 (일, 중앙값)",
            "en": "Sales cycle (days, median)",
        },
        # unit economics
        "unit.title": {"ko": "유닛 이코노믹스", "en": "Unit economics"},
        "unit.window": {
            "ko": "{month} 값은 {start}부터 {month}까지 3개월 합산으로 계산합니다 (한 달이 "
            "조용해도 0으로 나누지 않도록). 비용은 그 달 말 환율로 환산합니다.",
            "en": "The {month} figures are over the three months {start} to {month} (so "
            "one quiet month never divides by zero); costs at each month's month-end rate.",
        },
        "unit.over_time": {"ko": "월별 추이 (3개월 창)", "en": "Over time (3-month window)"},
        "unit.by_channel": {"ko": "{month} 채널별 CAC", "en": "CAC by channel, {month}"},
        "unit.channel_note": {
            "ko": "채널별 CAC는 채널에 귀속되는 마케팅비만 포함합니다 (인건비·도구 제외, "
            "전체 CAC와 다름).",
            "en": "Channel CAC counts only the marketing spend attributable to the channel "
            "(payroll and tools excluded, so it is not the fully loaded CAC).",
        },
        "unit.channel_cac": {"ko": "채널별 CAC ({month})", "en": "CAC by channel ({month})"},
        "unit.channel_trend": {"ko": "채널별 CAC 추이", "en": "CAC by channel over time"},
        "col.window_start_month": {"ko": "창 시작월", "en": "Window start"},
        "col.acquisition_cost": {"ko": "획득 비용", "en": "Acquisition cost"},
        "col.marketing_spend": {"ko": "마케팅비", "en": "Marketing spend"},
        "col.cac": {"ko": "CAC", "en": "CAC"},
        "col.gross_margin_pct": {"ko": "매출총이익률", "en": "Gross margin"},
        "col.cac_payback_months": {"ko": "CAC 회수 (개월)", "en": "CAC payback (months)"},
        "col.ltv": {"ko": "LTV", "en": "LTV"},
        "col.ltv_to_cac": {"ko": "LTV / CAC", "en": "LTV / CAC"},
        # segments
        "segments.title": {"ko": "ICP 세그먼트", "en": "ICP segments"},
        "segments.table": {
            "ko": "세그먼트 비교 (비치헤드 선정)",
            "en": "Segment table (picking the beachhead)",
        },
        "segments.table_note": {
            "ko": "수주율·영업 주기는 세그먼트 고객사의 전체 종료 기회, CAC는 배분된 획득 "
            "비용, NRR·로고 이탈은 최근 12개월 기준입니다.",
            "en": "Win rate and cycle over all closed deals of the segment's accounts, CAC "
            "on allocated acquisition cost, NRR and logo churn over the last 12 months.",
        },
        "segments.references": {
            "ko": "세그먼트별 레퍼런스 고객",
            "en": "Reference customers per segment",
        },
        "segments.references_note": {
            "ko": "레퍼런스 고객: 현재 결제 중이고 건강도 초록, 6개월 이상 결제, 최근 NPS 9-10점. "
            "목표는 세그먼트당 {low}-{high}곳 (초록 띠).",
            "en": "Reference customer: paying now with green health, 6+ months paying, "
            "latest NPS answer 9-10. "
            "The goal is {low}-{high} per segment (green band).",
        },
        "segments.references_chart": {"ko": "레퍼런스 고객 수", "en": "Reference customers"},
        "segments.references_empty": {
            "ko": "레퍼런스 고객이 아직 없습니다.",
            "en": "No reference customers yet.",
        },
        "segments.pipeline": {"ko": "주별 세그먼트 파이프라인", "en": "Weekly segment pipeline"},
        "segments.pipeline_step": {"ko": "단계", "en": "Step"},
        "segments.red_flags": {
            "ko": "레드 플래그: 실주·이탈 사유",
            "en": "Red flags: loss and churn reasons",
        },
        "segments.red_flags_note": {
            "ko": "세그먼트·유형별로 가장 잦은 사유가 순위 1입니다.",
            "en": "Rank 1 is the most frequent reason of the segment and type.",
        },
        "segments.red_flags_empty": {"ko": "기록된 사유가 없습니다.", "en": "No reasons recorded."},
        "col.is_icp_fit": {"ko": "ICP 적합", "en": "ICP fit"},
        "col.accounts": {"ko": "고객사", "en": "Accounts"},
        "col.reference_customers": {"ko": "레퍼런스 고객", "en": "Reference customers"},
        "col.average_health_score": {"ko": "평균 건강도 점수", "en": "Avg health score"},
        "col.green_health_share": {"ko": "건강도 초록 비중", "en": "Green health share"},
        "col.paying_months": {"ko": "결제 개월", "en": "Months paying"},
        "col.latest_nps_score": {"ko": "최근 NPS", "en": "Latest NPS"},
        "col.week_start": {"ko": "주 (월요일)", "en": "Week (Monday)"},
        "col.meetings": {"ko": "미팅", "en": "Meetings"},
        "col.proposals": {"ko": "제안", "en": "Proposals"},
        "col.contracts": {"ko": "계약", "en": "Contracts"},
        "col.reason_type": {"ko": "유형", "en": "Type"},
        "col.reason": {"ko": "사유", "en": "Reason"},
        "col.occurrences": {"ko": "건수", "en": "Occurrences"},
        "col.share_of_type": {"ko": "유형 내 비중", "en": "Share of type"},
        "col.reason_rank": {"ko": "순위", "en": "Rank"},
        "reason_type.loss": {"ko": "실주", "en": "Lost deal"},
        "reason_type.churn": {"ko": "이탈", "en": "Churn"},
        "retention.cohort_average": {
            "ko": "평균 (고객 {n}곳 이상 코호트, 규모 가중)",
            "en": "Average (cohorts of {n}+, size-weighted)",
        },
        "retention.cohort_sizes": {
            "ko": "행 이름의 숫자는 코호트 고객 수입니다. {n}곳 미만 코호트는 회색 (한두 "
            "곳의 변화로 크게 흔들림) 이며 평균에서 빠집니다.",
            "en": "The number beside each cohort is its size. Cohorts under {n} accounts are "
            "grey (one account swings them) and left out of the average.",
        },
        "filter.product": {"ko": "상품", "en": "Product"},
        "bridge.by_plan": {
            "ko": "{month} 상품 · 결제 주기별 MRR",
            "en": "MRR by product and billing interval, {month}",
        },
        "bridge.by_plan_note": {
            "ko": "Stripe 상품과 결제 주기별, 계약은 상품 'contract'. 모두 더하면 기말 MRR과 "
            "같습니다. 요금제 변경은 한 요금제의 이탈과 다른 요금제의 신규로 나타납니다.",
            "en": "By Stripe product and billing interval; contracts are product 'contract'. "
            "They add up to ending MRR. A plan change shows as churn of one plan and new MRR "
            "of the other.",
        },
        "bridge.by_plan_trend": {"ko": "상품·결제 주기별 MRR 추이", "en": "MRR by plan over time"},
        "col.product_id": {"ko": "상품", "en": "Product"},
        "col.billing_interval": {"ko": "결제 주기", "en": "Billing interval"},
        "col.customers": {"ko": "고객 수", "en": "Customers"},
        "col.plan": {"ko": "요금제", "en": "Plan"},
        # board deck: executive summary, trend, acquisition and segment slides
        "deck.summary": {"ko": "요약", "en": "Executive summary"},
        "deck.summary_note": {
            "ko": "문장은 공개 마트 값으로 정해진 문형을 채워 만듭니다 (같은 데이터면 같은 문장).",
            "en": "Sentences are fixed templates filled with public-mart values (the same "
            "data always gives the same words).",
        },
        "deck.sum_mrr": {
            "ko": "{month} 기말 MRR은 {mrr} (ARR {arr}), 전월 대비 {change}{growth}입니다.",
            "en": "MRR ended {month} at {mrr} (ARR {arr}), {change}{growth} on the month.",
        },
        "deck.sum_movements": {
            "ko": "신규 {new}, 확장 {expansion}, 재활성 {reactivation}이 더해지고 이탈 {churn}, "
            "축소 {contraction}이 빠졌습니다{quick}.",
            "en": "New business added {new}, expansion {expansion} and reactivation "
            "{reactivation}; churn took {churn} and contraction {contraction}{quick}.",
        },
        "deck.sum_quick": {"ko": " (퀵 레이시오 {ratio})", "en": " (quick ratio {ratio})"},
        "deck.sum_top": {"ko": "가장 큰 고객 변동: {items}.", "en": "The largest moves: {items}."},
        "deck.sum_top_item": {
            "ko": "{account} {movement} {amount}",
            "en": "{movement} at {account} {amount}",
        },
        "deck.sum_retention": {
            "ko": "월간 NRR은 {nrr} (전월 대비 {nrr_change}), GRR은 {grr}입니다.",
            "en": "Monthly NRR was {nrr} ({nrr_change} on the month before) and GRR {grr}.",
        },
        "deck.sum_retention_12m": {
            "ko": "12개월 NRR은 {nrr} (전월 대비 {change})입니다.",
            "en": "Trailing-12-month NRR is {nrr} ({change}).",
        },
        "deck.sum_funnel": {
            "ko": "{month}에 리드 {leads}건이 생성되었습니다 (전월 대비 {change}).",
            "en": "{leads} leads were created in {month} ({change} on the month before).",
        },
        "deck.sum_wins": {
            "ko": "신규 영업 {won}건 수주, 수주율 {win_rate}, 영업 주기 중앙값 {cycle}일.",
            "en": "{won} new-business deals were won at a {win_rate} win rate, median cycle "
            "{cycle} days.",
        },
        "deck.trend": {"ko": "MRR · ARR 추이 (24개월)", "en": "MRR and ARR, last 24 months"},
        "deck.trend_note": {
            "ko": "막대: 월말 MRR (왼쪽 축). 오른쪽 축은 같은 막대를 ARR (= 12 × MRR)로 읽습니다.",
            "en": "Bars: month-end MRR (left axis). The right axis reads the same bars as "
            "ARR (= 12 × MRR).",
        },
        "deck.funnel": {"ko": "퍼널과 수주", "en": "Funnel and wins"},
        "deck.funnel_window": {
            "ko": "{start} ~ {end} 생성 리드의 현재 단계",
            "en": "Leads created {start} to {end}, by how far they got",
        },
        "deck.funnel_note": {
            "ko": "수주율 = 수주 ÷ 종료 기회 (신규 영업, 종료월 기준). 영업 주기 = 생성일부터 "
            "종료일까지 일수의 중앙값.",
            "en": "Win rate = won ÷ closed new-business opportunities by close month. Sales "
            "cycle = median days from creation to close of won deals.",
        },
        "deck.unit_economics": {"ko": "유닛 이코노믹스", "en": "Unit economics"},
        "deck.segments": {"ko": "ICP 세그먼트", "en": "ICP segments"},
        "deck.segments_note": {
            "ko": "비치헤드 후보: ICP 적합 세그먼트 먼저, 고객사 수 순. 레퍼런스 목표는 "
            "세그먼트당 3-5곳.",
            "en": "Beachhead candidates: ICP-fit segments first, then by accounts. The "
            "reference goal is 3-5 per segment.",
        },
        "deck.no_data": {
            "ko": "이 슬라이드의 마트가 아직 없습니다.",
            "en": "The marts of this slide are not built yet.",
        },
        "deck.notes.title": {
            "ko": "모든 숫자는 매출 웨어하우스의 공개 마트(dbt)에서 읽습니다. 금액은 보고 통화, "
            "월말 환율 기준입니다.",
            "en": "Every number is read from the revenue warehouse's public marts (dbt). "
            "Money is in the reporting currency at month-end rates.",
        },
        "deck.notes.summary": {
            "ko": "요약 문장은 마트 값으로 채운 정해진 문형입니다: MRR과 전월 대비 변화, "
            "브리지 변동, 가장 큰 고객 변동 두 건, NRR 변화, 리드와 수주.",
            "en": "The summary is fixed templates filled from the marts: MRR and its change, "
            "the bridge movements, the two largest account moves, the NRR change, leads "
            "and wins.",
        },
        "deck.notes.kpis": {
            "ko": "MRR: 월말 시점에 유효한 반복 매출. ARR = 12 × MRR. 고객 = MRR > 0인 "
            "고객사. NRR = (기초 + 확장 − 축소 − 이탈) ÷ 기초, GRR = (기초 − 축소 − 이탈) "
            "÷ 기초 (기초는 당월 환율). 12개월 값은 12개월 전 결제 고객 기준.",
            "en": "MRR: recurring revenue in force at month end. ARR = 12 × MRR. Customers "
            "= accounts with MRR > 0. NRR = (base + expansion − contraction − churn) ÷ "
            "base, GRR = (base − contraction − churn) ÷ base, base at the month's rates. "
            "12-month values use the accounts paying 12 months earlier.",
        },
        "deck.notes.trend": {
            "ko": "월말 MRR의 24개월 추이. ARR은 MRR의 12배로 같은 막대를 다른 축으로 읽습니다.",
            "en": "Month-end MRR over 24 months; ARR is 12 × MRR, the same bars on another axis.",
        },
        "deck.notes.bridge": {
            "ko": "기초 + 신규 + 확장 + 재활성 − 축소 − 이탈 + 환율 효과 = 기말. 신규: 처음 "
            "결제, 재활성: 0에서 다시 결제, 이탈: 전월 MRR 전체, 환율 효과: 전월 현지 통화 "
            "MRR × 환율 변화.",
            "en": "Beginning + new + expansion + reactivation − contraction − churn + FX = "
            "ending. New: first payment; reactivation: paying again after 0; churn: the "
            "whole prior MRR; FX: prior local MRR × the rate change.",
        },
        "deck.notes.retention": {
            "ko": "월간 NRR·GRR은 당월 환율로 본 기초 MRR 대비이며 신규·재활성은 제외합니다.",
            "en": "Monthly NRR and GRR are against beginning MRR at the month's rates; new "
            "and reactivation are excluded.",
        },
        "deck.notes.cohorts": {
            "ko": "코호트 = 첫 결제월. 매출 유지율 = 그 달 코호트 MRR ÷ 시작 MRR (각 월 환율).",
            "en": "Cohort = first paid month. Revenue retention = the cohort's MRR that "
            "month ÷ its starting MRR (each month at its own rates).",
        },
        "deck.notes.movements": {
            "ko": "환율 효과를 뺀 고객사별 MRR 변동 중 크기순 상위 10건.",
            "en": "The ten largest account movements by size, FX revaluation excluded.",
        },
        "deck.notes.funnel": {
            "ko": "리드 → MQL (행동 규칙 R1-R3) → SQL (MQL 이후 CHAMP 충족) → 영업기회 → "
            "수주, 리드 생성월 코호트 기준. 수주율 = 수주 ÷ 종료 기회.",
            "en": "Lead → MQL (behaviour rules R1-R3) → SQL (CHAMP met after the MQL) → "
            "opportunity → won, by the month the lead was created. Win rate = won ÷ closed.",
        },
        "deck.notes.unit_economics": {
            "ko": "모든 값은 최근 3개월(M−2..M) 합산. CAC = 획득 비용 ÷ 신규 고객. 매출총이익률 "
            "= (MRR − 서비스 비용) ÷ MRR. CAC 회수 = CAC ÷ (신규 고객당 MRR × 이익률). LTV = "
            "ARPA × 이익률 ÷ 매출 이탈률. LTV/CAC = LTV ÷ CAC.",
            "en": "Every figure is over the last three months (M−2..M). CAC = acquisition "
            "cost ÷ new customers. Gross margin = (MRR − cost to serve) ÷ MRR. Payback = "
            "CAC ÷ (new MRR per new customer × margin). LTV = ARPA × margin ÷ revenue churn "
            "rate. LTV/CAC = LTV ÷ CAC.",
        },
        "deck.notes.segments": {
            "ko": "ICP 세그먼트는 구매 구조·산업·규모 규칙으로 정합니다. 수주율·영업 주기는 "
            "전체 종료 기회, CAC는 배분된 획득 비용, NRR·로고 이탈은 최근 12개월, 레퍼런스는 "
            "6개월 이상 결제 중이고 건강도 초록인 NPS 추천 고객.",
            "en": "ICP segments come from buying-structure, industry and size rules. Win "
            "rate and cycle over all closed deals, CAC on allocated acquisition cost, NRR "
            "and logo churn over the last 12 months; a reference is a promoter with green "
            "health paying for 6+ months.",
        },
        "deck.notes.customer_success": {
            "ko": "건강 점수(0-100)는 도입·참여·지원·설문·결제·성장 요소의 가중 평균입니다. "
            "초록 ≥ 85, 노랑 70-84, 빨강 < 70. 90일 내 갱신 ARR은 계약·연간 구독의 갱신 "
            "예정 금액, 위험은 그중 빨강·노랑 계정. NPS = 100 × (추천 − 비추천) ÷ 응답.",
            "en": "Health (0-100) is the weighted mean of adoption, engagement, support, "
            "survey, billing and growth. Green ≥ 85, yellow 70-84, red < 70. ARR renewing in "
            "90 days: contract and annual-subscription terms due; at risk: those of red or "
            "yellow accounts. NPS = 100 × (promoters − detractors) ÷ responses.",
        },
        "definitions.board_metrics_note": {
            "ko": "각 지표를 경영진 관점에서 설명합니다. "
            "회색 글씨는 마트 컬럼의 정확한 계산식입니다.",
            "en": "Each number in plain words; the grey line is the exact formula of its "
            "mart column.",
        },
        "definitions.formula": {"ko": "계산식", "en": "Formula"},
        "filter.segment": {"ko": "세그먼트 (브리지·리텐션)", "en": "Segment (bridge, retention)"},
        "filter.segment_pick": {"ko": "세그먼트", "en": "Segment"},
        "filter.whole_company": {"ko": "회사 전체", "en": "Whole company"},
        "segment.showing": {
            "ko": "세그먼트 {segment}의 브리지와 리텐션입니다 "
            "(마트 mart_mrr_bridge_by_segment의 행).",
            "en": "Bridge and retention of the segment {segment} (rows of "
            "mart_mrr_bridge_by_segment).",
        },
        "segment.company_only": {
            "ko": "12개월 리텐션과 코호트는 회사 전체 기준입니다.",
            "en": "The 12-month and cohort views are company-wide.",
        },
        # account 360 additions
        "account.count_one": {"ko": "{n}개 고객사", "en": "{n} account"},
        "account.paying": {
            "ko": "그중 최근 월 결제 고객 {paying}곳 (나머지는 CRM에만 있거나 이탈한 고객사; "
            "개요의 고객 수는 결제 고객만 셉니다). MRR이 큰 순서입니다.",
            "en": "{paying} of them paying in the latest month (the rest are CRM-only or "
            "churned; the Overview's customers count paying accounts only). Largest MRR first.",
        },
        # overview additions
        "overview.movements": {"ko": "월별 MRR 변동", "en": "MRR movements by month"},
        "kpi.arpa": {"ko": "ARPA (고객당 MRR)", "en": "ARPA"},
        "kpi.quick_ratio": {"ko": "퀵 레이시오", "en": "Quick ratio"},
        "kpi.mrr_growth_rate": {"ko": "MRR 성장률 (전월 대비)", "en": "MRR growth (MoM)"},
        "kpi.growth_legend": {
            "ko": "ARPA = 기말 MRR ÷ 기말 고객 수 · 퀵 레이시오 = (신규 + 확장 + 재활성) ÷ "
            "(이탈 + 축소), 잃은 MRR이 없으면 표시하지 않음 · 성장률 = 기말 ÷ 기초 − 1",
            "en": "ARPA = ending MRR ÷ ending customers · quick ratio = (new + expansion + "
            "reactivation) ÷ (churn + contraction), blank when nothing was lost · growth = "
            "ending ÷ beginning − 1",
        },
        "col.arpa": {"ko": "ARPA", "en": "ARPA"},
        "col.quick_ratio": {"ko": "퀵 레이시오", "en": "Quick ratio"},
        "col.mrr_growth_rate": {"ko": "MRR 성장률", "en": "MRR growth"},
        "bridge.sign_convention": {
            "ko": "부호 규칙: 증가(신규·확장·재활성)는 +, 감소(축소·이탈)는 −로 표시합니다. "
            "마트의 contraction_mrr·churned_mrr 컬럼은 양수로 저장되고 표시할 때만 −를 붙입니다.",
            "en": "Sign convention: gains (new, expansion, reactivation) are +, losses "
            "(contraction, churn) are −. The mart stores contraction_mrr and churned_mrr as "
            "positive amounts; the boards show them with the bridge's minus sign.",
        },
        "segments.nrr": {
            "ko": "세그먼트·상품별 NRR ({month})",
            "en": "NRR by segment and product, {month}",
        },
        "segments.nrr_note": {
            "ko": "월 NRR은 전월 매출이 있던 고객의 이번 달 매출 ÷ 전월 매출(이번 달 환율), "
            "12개월 NRR은 12개월 전 매출이 있던 고객 기준입니다. 상품은 고객×상품 단위라 "
            "같은 상품 안의 결제 주기 변경은 이탈이 아닙니다. 왼쪽 필터(상품·산업·국가·ICP "
            "세그먼트)가 행을 고릅니다.",
            "en": "Monthly NRR: what last month's paying customers pay now ÷ what they paid "
            "(at this month's rates); 12-month NRR takes the customers paying twelve months "
            "ago. Products are measured per account and product, so a billing-interval "
            "switch within a product is not churn. The sidebar filters (product, industry, "
            "country, ICP segment) pick the rows.",
        },
        "segments.nrr_dimension": {"ko": "기준", "en": "Cut by"},
        "segments.nrr_chart": {"ko": "12개월 NRR 추이", "en": "12-month NRR over time"},
        "segments.nrr_empty": {
            "ko": "이 기간·필터에 해당하는 NRR 행이 없습니다.",
            "en": "No NRR rows for this month range and filter.",
        },
        "dimension.product": {"ko": "상품", "en": "Product"},
        "dimension.industry": {"ko": "산업", "en": "Industry"},
        "dimension.country": {"ko": "국가", "en": "Country"},
        "dimension.icp_segment": {"ko": "ICP 세그먼트", "en": "ICP segment"},
        "col.dimension_value": {"ko": "값", "en": "Value"},
        "col.base_accounts_12m": {
            "ko": "12개월 전 기준 고객 수",
            "en": "Base accounts (12 m ago)",
        },
        "col.base_mrr_12m": {"ko": "12개월 전 기준 MRR", "en": "Base MRR (12 m ago)"},
        "col.current_mrr_12m": {"ko": "기준 고객의 현재 MRR", "en": "Base accounts' MRR now"},
    }
)


# ---- customer success (issue 13): pages Customer health and Renewals, Account 360, deck ----
TEXT.update(
    {
        "nav.customer_health": {"ko": "고객 건강도", "en": "Customer health"},
        "nav.renewals": {"ko": "계약 갱신", "en": "Renewals"},
        "cs.not_built": {
            "ko": "고객 성공 마트가 아직 없습니다. `make run`으로 웨어하우스를 다시 만드세요.",
            "en": "The customer-success marts are not built yet. Rebuild with `make run`.",
        },
        "health.title": {"ko": "고객 건강도", "en": "Customer health"},
        "health.as_of": {
            "ko": "{month} 말 기준 건강도 · 경보는 오늘 기준",
            "en": "Health at the end of {month} · alerts as of today",
        },
        "health.mix": {"ko": "건강도 구성 추이 (고객 수)", "en": "Health mix over time (accounts)"},
        "health.green": {"ko": "양호 (≥85)", "en": "Green (≥85)"},
        "health.yellow": {"ko": "주의 (70-84)", "en": "Yellow (70-84)"},
        "health.red": {"ko": "위험 (<70)", "en": "Red (<70)"},
        "health.arr_at_risk": {"ko": "위험·주의 고객 ARR", "en": "ARR at risk (red + yellow)"},
        "health.open_alerts": {"ko": "열린 경보", "en": "Open alerts"},
        "health.at_risk": {
            "ko": "위험·주의 고객과 가장 낮은 구성 요소",
            "en": "Red and yellow accounts and what drags each down",
        },
        "health.alerts": {"ko": "열린 경보 (경과 일수)", "en": "Open alerts and their age"},
        "health.none_at_risk": {
            "ko": "위험·주의 고객이 없습니다.",
            "en": "No red or yellow accounts.",
        },
        "health.no_alerts": {"ko": "열린 경보가 없습니다.", "en": "No open alerts."},
        "health.validation": {
            "ko": "건강도 검증: 색상별 3개월 내 이탈률",
            "en": "Does the score predict? Churn within 3 months by colour",
        },
        "color.green": {"ko": "양호", "en": "Green"},
        "color.yellow": {"ko": "주의", "en": "Yellow"},
        "color.red": {"ko": "위험", "en": "Red"},
        "component.adoption": {"ko": "채택", "en": "Adoption"},
        "component.engagement": {"ko": "참여", "en": "Engagement"},
        "component.support": {"ko": "지원", "en": "Support"},
        "component.survey": {"ko": "설문(NPS)", "en": "Survey (NPS)"},
        "component.billing": {"ko": "청구", "en": "Billing"},
        "component.growth": {"ko": "성장", "en": "Growth"},
        "action.adoption": {
            "ko": "비활성 라이선스 사용자 교육·활성화",
            "en": "Activate idle licences: train the users who have not logged in",
        },
        "action.engagement": {
            "ko": "사용량 감소 원인 파악 통화",
            "en": "Call about the drop in active users",
        },
        "action.support": {
            "ko": "지원 책임자와 미해결 이슈 검토",
            "en": "Review open issues with the support lead",
        },
        "action.survey": {
            "ko": "비추천 응답자에게 직접 연락",
            "en": "Call the detractor back and close the loop",
        },
        "action.billing": {
            "ko": "연체 청구서 확인·재무 연락",
            "en": "Chase the overdue invoice with finance",
        },
        "action.growth": {
            "ko": "가치 검토(EBR) 후 확장 기회 논의",
            "en": "Run a value review before the renewal",
        },
        "alert.usage_drop": {"ko": "사용량 급감", "en": "Usage drop"},
        "alert.ticket_burst": {"ko": "티켓 급증", "en": "Ticket burst"},
        "alert.detractor": {"ko": "NPS 비추천", "en": "NPS detractor"},
        "alert.invoice_overdue": {"ko": "청구서 30일 연체", "en": "Invoice 30 days overdue"},
        "alert.urgent_ticket_open": {
            "ko": "긴급 티켓 10일 미해결",
            "en": "Urgent ticket open 10 days",
        },
        "alert.inactive": {"ko": "60일 미사용", "en": "Inactive 60 days"},
        "renewals.title": {"ko": "계약 갱신", "en": "Renewals"},
        "renewals.as_of": {"ko": "오늘부터 120일 내 갱신", "en": "Renewals in the next 120 days"},
        "renewals.due_in": {"ko": "{n}일 내 갱신 ARR", "en": "ARR renewing in {n} days"},
        "renewals.at_risk_90": {
            "ko": "90일 내 위험·주의 ARR",
            "en": "At-risk ARR in the 90-day rescue window",
        },
        "renewals.calendar": {
            "ko": "갱신 캘린더: 기간별 ARR (건강도 색상)",
            "en": "Renewal calendar: ARR due by window and health",
        },
        "renewals.window": {"ko": "{n}일 이내", "en": "≤ {n} days"},
        "renewals.table": {"ko": "갱신 예정 계약", "en": "Terms coming up for renewal"},
        "renewals.none": {
            "ko": "120일 내 갱신 예정이 없습니다.",
            "en": "Nothing renews in the next 120 days.",
        },
        "renewals.rates": {
            "ko": "월별 갱신율 (첫 갱신 별도)",
            "en": "Renewal rate by month (first renewals apart)",
        },
        "renewals.rates_table": {"ko": "갱신율 표", "en": "Renewal rates"},
        "renewals.nps": {"ko": "NPS 추이", "en": "NPS trend"},
        "renewals.nps_table": {"ko": "NPS 표", "en": "NPS by month"},
        "account.cs": {"ko": "고객 성공", "en": "Customer success"},
        "account.health_now": {"ko": "건강도 ({month})", "en": "Health ({month})"},
        "account.next_renewal": {"ko": "다음 갱신일", "en": "Next renewal"},
        "account.health_history": {
            "ko": "건강도 추이와 구성 요소",
            "en": "Health history and components",
        },
        "account.alerts": {"ko": "경보", "en": "Alerts"},
        "account.tickets": {"ko": "지원 티켓", "en": "Support tickets"},
        "account.nps": {"ko": "NPS 응답", "en": "NPS answers"},
        "account.usage": {
            "ko": "사용 추이 (활성 사용자 / 좌석)",
            "en": "Usage trend (active users / seats)",
        },
        "account.opportunities": {"ko": "진행 중인 기회", "en": "Open opportunities"},
        "account.cs_none": {"ko": "데이터 없음", "en": "No data"},
        "col.health_score": {"ko": "건강도 점수", "en": "Health score"},
        "col.health_color": {"ko": "건강도", "en": "Health"},
        "col.adoption_score": {"ko": "채택", "en": "Adoption"},
        "col.engagement_score": {"ko": "참여", "en": "Engagement"},
        "col.support_score": {"ko": "지원", "en": "Support"},
        "col.survey_score": {"ko": "설문", "en": "Survey"},
        "col.billing_score": {"ko": "청구", "en": "Billing"},
        "col.growth_score": {"ko": "성장", "en": "Growth"},
        "col.missing_components": {"ko": "데이터 없는 요소", "en": "No data for"},
        "col.weakest_component": {"ko": "가장 낮은 요소", "en": "Weakest component"},
        "col.weakest_component_score": {"ko": "요소 점수", "en": "Component score"},
        "col.action": {"ko": "권장 조치", "en": "What to do"},
        "col.arr": {"ko": "ARR", "en": "ARR"},
        "col.open_alerts": {"ko": "열린 경보", "en": "Open alerts"},
        "col.oldest_open_alert_days": {"ko": "최장 경보 일수", "en": "Oldest alert (days)"},
        "col.next_renewal_date": {"ko": "다음 갱신일", "en": "Next renewal"},
        "col.alert_type": {"ko": "경보", "en": "Alert"},
        "col.fired_on": {"ko": "발생일", "en": "Fired on"},
        "col.is_open": {"ko": "열림", "en": "Open"},
        "col.age_days": {"ko": "경과 일수", "en": "Age (days)"},
        "col.source": {"ko": "구분", "en": "Source"},
        "col.source_id": {"ko": "계약/구독 ID", "en": "Contract / subscription"},
        "col.renewal_date": {"ko": "갱신일", "en": "Renewal date"},
        "col.days_to_renewal": {"ko": "남은 일수", "en": "Days to renewal"},
        "col.window": {"ko": "기간(일)", "en": "Window (days)"},
        "col.arr_due": {"ko": "갱신 대상 ARR", "en": "ARR due"},
        "col.is_first_renewal": {"ko": "첫 갱신", "en": "First renewal"},
        "col.arr_renewed": {"ko": "갱신된 ARR", "en": "ARR renewed"},
        "col.renewal_rate": {"ko": "갱신율", "en": "Renewal rate"},
        "col.first_renewal_arr_due": {"ko": "첫 갱신 대상 ARR", "en": "First-renewal ARR due"},
        "col.first_renewal_rate": {"ko": "첫 갱신율", "en": "First-renewal rate"},
        "col.responses": {"ko": "응답 수", "en": "Responses"},
        "col.promoters": {"ko": "추천", "en": "Promoters"},
        "col.passives": {"ko": "중립", "en": "Passives"},
        "col.detractors": {"ko": "비추천", "en": "Detractors"},
        "col.nps": {"ko": "NPS", "en": "NPS"},
        "col.accounts": {"ko": "고객 수", "en": "Accounts"},
        "col.churned_accounts": {"ko": "3개월 내 이탈", "en": "Churned by M+3"},
        "col.account_months": {"ko": "고객·월 수", "en": "Account months"},
        "col.churn_rate": {"ko": "이탈률", "en": "Churn rate"},
        "col.ticket_id": {"ko": "티켓", "en": "Ticket"},
        "col.created_date": {"ko": "생성일", "en": "Created"},
        "col.priority": {"ko": "우선순위", "en": "Priority"},
        "col.ticket_status": {"ko": "상태", "en": "Status"},
        "col.satisfaction_score": {"ko": "만족도", "en": "Rating"},
        "col.solved_date": {"ko": "해결일", "en": "Solved"},
        "col.response_id": {"ko": "응답", "en": "Response"},
        "col.submitted_date": {"ko": "응답일", "en": "Submitted"},
        "col.score": {"ko": "점수", "en": "Score"},
        "col.nps_class": {"ko": "구분", "en": "Class"},
        "col.active_users": {"ko": "활성 사용자", "en": "Active users"},
        "col.seats": {"ko": "좌석", "en": "Seats"},
        "col.seat_utilisation": {"ko": "좌석 활용률", "en": "Seat utilisation"},
        "col.opportunity_id": {"ko": "기회", "en": "Opportunity"},
        "col.type": {"ko": "유형", "en": "Type"},
        "col.stage": {"ko": "단계", "en": "Stage"},
        "col.amount": {"ko": "금액", "en": "Amount"},
        "col.close_date": {"ko": "마감 예정일", "en": "Close date"},
        "renewal_source.contract": {"ko": "계약", "en": "Contract"},
        "renewal_source.subscription": {"ko": "연간 구독", "en": "Annual subscription"},
        "nps_class.promoter": {"ko": "추천", "en": "Promoter"},
        "nps_class.passive": {"ko": "중립", "en": "Passive"},
        "nps_class.detractor": {"ko": "비추천", "en": "Detractor"},
        "deck.cs_title": {"ko": "고객 성공", "en": "Customer success"},
        "deck.cs_mix": {
            "ko": "양호 / 주의 / 위험 고객 ({month})",
            "en": "Green / yellow / red accounts ({month})",
        },
        "deck.cs_renewing": {"ko": "90일 내 갱신 ARR", "en": "ARR renewing in 90 days"},
        "deck.cs_at_risk": {"ko": "그중 위험·주의", "en": "of which red or yellow"},
        "deck.cs_alerts": {"ko": "열린 경보", "en": "Open alerts"},
        "deck.cs_nps": {"ko": "NPS ({month})", "en": "NPS ({month})"},
        "deck.cs_note": {
            "ko": "건강도: 월말 기준 6개 요소 가중 평균 (양호 ≥85, 주의 70-84, 위험 <70). "
            "경보·갱신은 오늘 기준.",
            "en": "Health: weighted mean of six components at month end (green ≥85, yellow "
            "70-84, red <70). Alerts and renewals as of today.",
        },
    }
)


# ---- customer success boards show every mart (issue 14): churn analysis, CSQL, CSM
# coverage on Customer health; NPS by segment and tier, onboarding on Renewals ----
TEXT.update(
    {
        "cs.churn": {"ko": "이탈 분석", "en": "Churn analysis"},
        "cs.churn_note": {
            "ko": "월별 이탈·축소 고객과 ARR (MRR 감소 × 12). 사유가 회피 가능했는지, 첫해 이탈은 "
            "따로 봅니다. 기간은 사이드바의 월 범위입니다.",
            "en": "Churned and contracted logos and ARR (12 × MRR lost) by month; whether the "
            "reason was avoidable, first-year churn apart. Months follow the sidebar range.",
        },
        "cs.churn_none": {
            "ko": "이 기간에 이탈·축소가 없습니다.",
            "en": "No churn or contraction in this month range.",
        },
        "cs.churn_dimension": {"ko": "기준", "en": "Cut by"},
        "cs.churn_largest": {
            "ko": "그래프는 이탈 ARR이 가장 큰 {n}개 값만 그립니다. 표에는 모두 있습니다.",
            "en": "The chart draws the {n} values with the most churned ARR; the table has all.",
        },
        "cs.churn_chart": {
            "ko": "이탈 ARR · {dimension}",
            "en": "Churned ARR · {dimension}",
        },
        "churn_dimension.avoidability": {"ko": "회피 가능 여부", "en": "Avoidable or not"},
        "churn_dimension.churn_reason": {"ko": "이탈 사유", "en": "Churn reason"},
        "churn_dimension.industry": {"ko": "산업", "en": "Industry"},
        "churn_dimension.size_band": {"ko": "규모", "en": "Company size"},
        "churn_dimension.tenure_band": {"ko": "사용 기간", "en": "Tenure"},
        "churn_dimension.country": {"ko": "국가", "en": "Country"},
        "churn_dimension.channel": {"ko": "유입 채널", "en": "Channel"},
        "churn_dimension.product": {"ko": "상품", "en": "Product"},
        "churn_dimension.owner": {"ko": "담당자", "en": "Owner"},
        "churn_dimension.touch_tier": {"ko": "터치 등급", "en": "Touch tier"},
        "churn_dimension.icp_segment": {"ko": "ICP 세그먼트", "en": "ICP segment"},
        "avoidability.avoidable": {"ko": "회피 가능", "en": "Avoidable"},
        "avoidability.unavoidable": {"ko": "회피 불가", "en": "Not avoidable"},
        "avoidability.unknown": {"ko": "사유 없음", "en": "No reason recorded"},
        "tenure_band.first year": {"ko": "1년차", "en": "First year"},
        "tenure_band.second year": {"ko": "2년차", "en": "Second year"},
        "tenure_band.third year +": {"ko": "3년차 이상", "en": "Third year +"},
        "cs.csql": {"ko": "확장 신호 (CSQL)", "en": "Expansion signals (CSQL)"},
        "cs.csql_note": {
            "ko": "활성 사용자 ≥ 좌석의 80%, 또는 건강도 양호이면서 활성 사용자가 전월보다 늘었고 "
            "열린 확장 기회가 없는 고객 (CS가 영업에 넘길 리드).",
            "en": "Active users ≥ 80% of seats, or green health with active users up on the "
            "month before, and no Expansion opportunity open: leads CS hands to sales.",
        },
        "cs.csql_none": {
            "ko": "이 기간에 확장 신호가 없습니다.",
            "en": "No expansion signals in this month range.",
        },
        "cs.csql_accounts": {"ko": "CSQL 고객 ({month})", "en": "CSQL accounts ({month})"},
        "cs.csql_arr": {"ko": "CSQL 고객 ARR ({month})", "en": "Their ARR ({month})"},
        "cs.csql_chart": {"ko": "월별 CSQL 고객 수", "en": "CSQL accounts by month"},
        "cs.csql_top": {
            "ko": "CSQL 고객 {total}곳 중 ARR 상위 {n}곳. 전체 목록은 아래 CSV로 받으세요.",
            "en": "The {n} largest by ARR of {total} CSQL accounts; the full list is a CSV below.",
        },
        "cs.csql_download_all": {
            "ko": "CSQL 고객 전체 {n}곳 CSV",
            "en": "All {n} CSQL accounts (CSV)",
        },
        "cs.coverage": {
            "ko": "CSM 담당 현황과 권장 범위",
            "en": "CSM coverage vs the book's guide",
        },
        "cs.coverage_note": {
            "ko": "{month} 기준 CSM별 담당 고객 (터치 등급별). 권장:",
            "en": "Accounts per CSM by touch tier in {month}. Guide:",
        },
        "cs.coverage_none": {
            "ko": "고객 성공 부서 담당자가 없습니다.",
            "en": "No owner in the Customer Success department.",
        },
        "cs.coverage_chart": {
            "ko": "CSM별 하이·로우 터치 고객 수와 권장 범위",
            "en": "High- and low-touch accounts per CSM against the guide",
        },
        "cs.guide_band": {
            "ko": "{tier} CSM당 {low}-{high}개",
            "en": "{tier} {low}-{high} per CSM",
        },
        "cs.unassigned": {"ko": "(담당 CSM 없음)", "en": "(no CSM)"},
        "touch_tier.high_touch": {"ko": "하이 터치", "en": "High touch"},
        "touch_tier.low_touch": {"ko": "로우 터치", "en": "Low touch"},
        "touch_tier.tech_touch": {"ko": "테크 터치", "en": "Tech touch"},
        "load.below": {"ko": "권장 미만", "en": "Below guide"},
        "load.within": {"ko": "권장 범위", "en": "Within guide"},
        "load.above": {"ko": "권장 초과", "en": "Above guide"},
        "cs.nps_segment": {
            "ko": "세그먼트·터치 등급별 NPS",
            "en": "NPS by segment and touch tier",
        },
        "cs.nps_segment_none": {
            "ko": "이 기간에 NPS 응답이 없습니다.",
            "en": "No NPS answers in this month range.",
        },
        "cs.nps_dimension": {"ko": "기준", "en": "Cut by"},
        "cs.nps_segment_chart": {"ko": "NPS · {dimension}", "en": "NPS · {dimension}"},
        "cs.onboarding": {"ko": "온보딩", "en": "Onboarding"},
        "cs.onboarding_note": {
            "ko": "첫 결제일부터 30일 안에 핵심 기능을 쓴 고객 비율(30일 활성화), 첫 가치까지 "
            "걸린 일수(중앙값), 마일스톤 달성률. 첫 결제 월(코호트) 기준이며 30일이 지나지 않은 "
            "코호트는 히트맵에서 뺍니다.",
            "en": "Share of a cohort using a core feature within 30 days of its first paid day "
            "(30-day activation), median days to first value, milestone reach; by month of "
            "first payment. Cohorts whose 30 days are not over are left out of the heatmap.",
        },
        "cs.onboarding_none": {
            "ko": "이 기간에 시작한 코호트가 없습니다.",
            "en": "No cohort started in this month range.",
        },
        "cs.activation_chart": {
            "ko": "30일 활성화율 (코호트 × ICP 세그먼트)",
            "en": "30-day activation (cohort × ICP segment)",
        },
        "cs.milestones_chart": {
            "ko": "마일스톤 달성률 (코호트별)",
            "en": "Milestone reach by cohort",
        },
        "cs.onboarding_table": {
            "ko": "코호트·세그먼트별 온보딩",
            "en": "Onboarding by cohort and segment",
        },
        "cs.milestones_table": {"ko": "마일스톤별 달성", "en": "Milestones reached"},
        "milestone.first_login": {"ko": "첫 로그인", "en": "First login"},
        "milestone.first_core_feature": {"ko": "첫 핵심 기능 사용", "en": "First core feature"},
        "milestone.active_users_3": {"ko": "활성 사용자 3명", "en": "3 active users"},
        "milestone.integration_connected": {"ko": "연동 완료", "en": "Integration connected"},
        "col.churned_logos": {"ko": "이탈 고객", "en": "Churned logos"},
        "col.churned_arr": {"ko": "이탈 ARR", "en": "Churned ARR"},
        "col.contracted_logos": {"ko": "축소 고객", "en": "Contracted logos"},
        "col.contracted_arr": {"ko": "축소 ARR", "en": "Contracted ARR"},
        "col.first_year_churned_logos": {"ko": "첫해 이탈 고객", "en": "First-year churned"},
        "col.first_year_churned_arr": {"ko": "첫해 이탈 ARR", "en": "First-year churned ARR"},
        "col.previous_active_users": {"ko": "전월 활성 사용자", "en": "Active users month before"},
        "col.is_seats_full": {"ko": "좌석 80% 이상", "en": "Seats ≥ 80% used"},
        "col.is_green_and_growing": {"ko": "양호·사용 증가", "en": "Green and growing"},
        "col.csm_name": {"ko": "CSM", "en": "CSM"},
        "col.high_touch_accounts": {"ko": "하이 터치 고객", "en": "High-touch accounts"},
        "col.high_touch_load": {"ko": "하이 터치 권장 대비", "en": "High touch vs guide"},
        "col.low_touch_accounts": {"ko": "로우 터치 고객", "en": "Low-touch accounts"},
        "col.low_touch_load": {"ko": "로우 터치 권장 대비", "en": "Low touch vs guide"},
        "col.tech_touch_accounts": {"ko": "테크 터치 고객", "en": "Tech-touch accounts"},
        "col.high_touch_arr": {"ko": "하이 터치 ARR", "en": "High-touch ARR"},
        "col.red_accounts": {"ko": "위험 고객", "en": "Red accounts"},
        "col.yellow_accounts": {"ko": "주의 고객", "en": "Yellow accounts"},
        "col.activated_30d_accounts": {"ko": "30일 내 활성화", "en": "Activated ≤ 30 d"},
        "col.activation_rate_30d": {"ko": "30일 활성화율", "en": "30-day activation"},
        "col.median_days_to_first_value": {
            "ko": "첫 가치까지 일수 (중앙값)",
            "en": "Days to value (median)",
        },
        "col.completed_accounts": {"ko": "온보딩 완료", "en": "Completed"},
        "col.completion_rate": {"ko": "완료율", "en": "Completion rate"},
        "col.is_activation_window_complete": {"ko": "30일 경과", "en": "30 d over"},
        "col.milestone": {"ko": "마일스톤", "en": "Milestone"},
        "col.reached_accounts": {"ko": "달성 고객", "en": "Reached"},
        "col.reach_rate": {"ko": "달성률", "en": "Reach rate"},
        "col.median_days_to_reach": {"ko": "달성까지 일수 (중앙값)", "en": "Median days to reach"},
    }
)


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
