-- A cohort is defined by its first month with MRR > 0, so at k = 0 every account is active
-- and the cohort holds all of its starting MRR.
select *
from {{ ref('mart_cohort_retention') }}
where months_since_start = 0
    and (
        abs(logo_retention - 1) > 0.000001
        or abs(revenue_retention - 1) > 0.000001
        or active_accounts <> cohort_size
    )
