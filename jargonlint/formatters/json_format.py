"""JSON output, schema version 1 (documented in docs/json-schema.md). Stable: add, never rename.

Schema 1 revisions: revision 2 added each finding's `replacement` and `suggested_sentence`
(null / "" when the finding has no fix), `fix.fits` (false: `fix` leaves this one, the term is
part of a compound) and the top-level `schema_revision`; revision 3 added `fix.kind` ("replace",
or "gloss": the term stays and a plain explanation in brackets follows it at first use)."""
from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..models import FileResult, Finding

SCHEMA_VERSION = 1
SCHEMA_REVISION = 3


def finding_dict(finding: Finding) -> dict[str, Any]:
    entry = {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "start": finding.start,
        "end": finding.end,
        "match": finding.match,
        "message": finding.message,
        "explanation": finding.explanation,
        "suggestions": list(finding.suggestions),
        "fix": None if finding.fix is None else {
            "safety": finding.fix.safety.value, "replacement": finding.fix.replacement,
            "start": finding.fix.start, "end": finding.fix.end, "fits": finding.fix.fits,
            "kind": finding.fix.kind},
        "replacement": None if finding.fix is None else finding.fix.replacement,
        "suggested_sentence": finding.suggested_sentence,
    }
    if finding.location:
        entry["location"] = finding.location   # where in the document (.docx: "paragraph 4")
    return entry


def file_dict(result: FileResult) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": result.path,
        "kind": result.kind,
        "audience": result.audience,
        "words": result.words,
        "document_kind": result.document_kind.as_dict() if result.document_kind else None,
        "scores": result.scores.as_dict() if result.scores else None,
        "findings": [finding_dict(f) for f in result.findings],
    }
    if result.suppressed:
        entry["suppressed"] = result.suppressed
    if result.meta:
        entry["meta"] = result.meta
    if result.notice:
        entry["notice"] = result.notice
    return entry


def document(run) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "schema_revision": SCHEMA_REVISION,
        "tool": {"name": "jargonlint", "version": __version__, "pipeline": run.pipeline},
        "files": [file_dict(r) for r in run.results],
        "errors": [{"path": p.path, "message": p.message} for p in run.problems],
    }


def render(run, color: bool = False) -> str:
    return json.dumps(document(run), indent=2, ensure_ascii=False) + "\n"
