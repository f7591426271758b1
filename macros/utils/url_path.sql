{#- sources.md, Segment: a page view's path is properties.path, else the path of
    properties.url or context.page.url. The path of a URL: scheme and host, query string
    and fragment removed ("https://x.com/pricing?utm=a#b" -> "/pricing"; "https://x.com" ->
    "/"). Null for a null or empty URL. regexp_extract has the same form in DuckDB and Spark. -#}
{% macro url_path(url) -%}
    {{ return(adapter.dispatch('url_path', 'revenue_warehouse')(url)) }}
{%- endmacro %}

{% macro default__url_path(url) -%}
    case when nullif(trim({{ url }}), '') is not null then
        coalesce(
            nullif(regexp_extract(trim({{ url }}), '^(?:[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*)?([^?#]*)', 1), ''),
            '/'
        )
    end
{%- endmacro %}
