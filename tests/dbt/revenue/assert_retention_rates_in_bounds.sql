-- GRR lies in [0, 1] and NRR >= GRR (monthly and trailing 12 months), to float noise.
select 'monthly' as mart, month, grr, nrr
from {{ ref('mart_retention_monthly') }}
where grr < -0.000001 or grr > 1.000001 or nrr < grr - 0.000001
union all
select 'trailing_12m' as mart, month, grr_12m as grr, nrr_12m as nrr
from {{ ref('mart_retention_trailing_12m') }}
where grr_12m < -0.000001 or grr_12m > 1.000001 or nrr_12m < grr_12m - 0.000001
