-- W = M-2..M (metrics.md, Unit economics): the window never starts anywhere else.
select *
from {{ ref('mart_unit_economics') }}
where window_start_month <> cast({{ dbt.dateadd('month', -2, 'month') }} as date)
