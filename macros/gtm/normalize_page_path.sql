{#- Page path as the lead-score seed names it: lower case, without query string, fragment or
    trailing slash ("/Pricing/?utm=x" -> "/pricing"). -#}
{% macro normalize_page_path(path) -%}
    nullif({{ trim_trailing(
        'lower(' ~ dbt.split_part(dbt.split_part(path, "'?'", 1), "'#'", 1) ~ ')', "'/'"
    ) }}, '')
{%- endmacro %}
