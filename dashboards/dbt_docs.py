"""Read metric definitions from the dbt docs, so the Definitions page shows the tested text.

Sources: model and column descriptions in the YAML files under `models/marts/**`, and
`{% docs name %}...{% enddocs %}` blocks in any `models/**/*.md`; `{{ doc('name') }}`
references in descriptions are replaced by the block's text. Missing or broken files are
reported, never raised: other engineers write these files while the boards run.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]

DOCS_BLOCK = re.compile(
    r"{%-?\s*docs\s+([A-Za-z_][\w]*)\s*-?%}(.*?){%-?\s*enddocs\s*-?%}", re.DOTALL
)
DOC_REFERENCE = re.compile(
    r"{{-?\s*doc\(\s*(?:['\"][\w]+['\"]\s*,\s*)?['\"]([\w]+)['\"]\s*\)\s*-?}}"
)


@dataclass
class ColumnDoc:
    name: str
    description: str
    meta: dict = field(default_factory=dict)


@dataclass
class ModelDoc:
    name: str
    description: str
    path: str
    columns: list[ColumnDoc] = field(default_factory=list)


@dataclass
class DbtDocs:
    models: list[ModelDoc]
    blocks: dict[str, str]
    unreadable: list[str]
    marts_dir: Path

    @property
    def empty(self) -> bool:
        return not self.models and not self.blocks


def project_dir() -> Path:
    return Path(os.environ.get("DBT_PROJECT_DIR") or REPO_ROOT)


def source_files(project: Path | None = None) -> list[Path]:
    project = project or project_dir()
    models = project / "models"
    yaml_files = sorted((models / "marts").rglob("*.yml")) + sorted(
        (models / "marts").rglob("*.yaml")
    )
    return yaml_files + sorted(models.rglob("*.md"))


def files_fingerprint(project: Path | None = None) -> tuple[tuple[str, int], ...]:
    result = []
    for path in source_files(project):
        try:
            result.append((str(path), path.stat().st_mtime_ns))
        except OSError:
            continue
    return tuple(result)


def resolve(text: str, blocks: dict[str, str]) -> str:
    """Replace `{{ doc('name') }}` by the block text (twice deep: blocks may cite blocks)."""
    for _ in range(3):
        replaced = DOC_REFERENCE.sub(lambda m: blocks.get(m.group(1), m.group(0)), text)
        if replaced == text:
            break
        text = replaced
    return text.strip()


def load(project: Path | None = None) -> DbtDocs:
    project = project or project_dir()
    marts_dir = project / "models" / "marts"
    blocks: dict[str, str] = {}
    unreadable: list[str] = []
    files = source_files(project)
    for path in (p for p in files if p.suffix == ".md"):
        try:
            content = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            unreadable.append(str(path.relative_to(project)))
            continue
        for name, body in DOCS_BLOCK.findall(content):
            blocks[name] = body.strip()
    models: list[ModelDoc] = []
    for path in (p for p in files if p.suffix in {".yml", ".yaml"}):
        try:
            content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            unreadable.append(str(path.relative_to(project)))
            continue
        if not isinstance(content, dict):
            continue
        for entry in content.get("models") or []:
            if not isinstance(entry, dict) or not entry.get("name"):
                continue
            columns = [
                ColumnDoc(
                    str(c["name"]),
                    resolve(str(c.get("description") or ""), blocks),
                    c.get("meta") if isinstance(c.get("meta"), dict) else {},
                )
                for c in entry.get("columns") or []
                if isinstance(c, dict) and c.get("name")
            ]
            models.append(
                ModelDoc(
                    name=str(entry["name"]),
                    description=resolve(str(entry.get("description") or ""), blocks),
                    path=str(path.relative_to(project)),
                    columns=columns,
                )
            )
    return DbtDocs(models=models, blocks=blocks, unreadable=unreadable, marts_dir=marts_dir)


def executive_text(
    docs: DbtDocs, mart: str, column: str, language: str
) -> tuple[str | None, str | None]:
    """(label, executive definition) of a column in `language`: the column's `meta`
    (label / executive, each {ko, en}) else the docs block exec__<mart>__<column>__<lang>."""
    meta: dict = {}
    for model in docs.models:
        if model.name == mart:
            meta = next((c.meta for c in model.columns if c.name == column), {})
            break

    def pick(value: object) -> str | None:
        return (
            str(value[language]).strip()
            if isinstance(value, dict) and value.get(language)
            else None
        )

    label = pick(meta.get("label"))
    text = pick(meta.get("executive")) or docs.blocks.get(f"exec__{mart}__{column}__{language}")
    return label, text
