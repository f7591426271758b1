{#- sources.md, Rules for every source: the same record may appear in many files and the
    newest version wins - highest version column (SystemModstamp for the CRM, updated_at
    for contracts and Zendesk) when there is one, otherwise the later file, then the later
    line. The one home of that rule: every staging model selects its rows with it.
    relation: a relation or CTE name; key: the record's identity (an expression list);
    version_column: the source's version field, if any;
    whole_file: keep every line of the newest file holding the key (a file that splits a
    record over several lines, summed by the caller) instead of one line.
    Adds version_rank (1 for the rows kept). -#}
{% macro newest_version(relation, key, version_column=none, whole_file=false) -%}
    select *
    from (
        select
            *,
            {% if whole_file -%}
            rank() over (partition by {{ key }} order by _file desc)
            {%- else -%}
            row_number() over (
                partition by {{ key }}
                order by {% if version_column %}{{ version_column }} desc, {% endif %}_file desc, _line desc
            )
            {%- endif %} as version_rank
        from {{ relation }}
    ) as versions
    where version_rank = 1
{%- endmacro %}
