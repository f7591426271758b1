{#- An e-mail address as a join key that is not the address: sha-256 (hex) of the trimmed,
    lower-cased address; null stays null. Public marts carry this, never the address. -#}
{% macro hash_email(email_expression) -%}
    {{ return(adapter.dispatch('hash_email', 'revenue_warehouse')(email_expression)) }}
{%- endmacro %}

{% macro default__hash_email(email_expression) -%}
    sha2(lower(trim({{ email_expression }})), 256)
{%- endmacro %}

{% macro duckdb__hash_email(email_expression) -%}
    sha256(lower(trim({{ email_expression }})))
{%- endmacro %}

{% macro postgres__hash_email(email_expression) -%}
    encode(sha256(convert_to(lower(trim({{ email_expression }})), 'UTF8')), 'hex')
{%- endmacro %}
