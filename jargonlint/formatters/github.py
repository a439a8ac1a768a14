"""GitHub Actions workflow commands: one `::warning file=...,line=...,col=...::message` per finding."""
from __future__ import annotations

from ..models import Severity

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(run, color: bool = False) -> str:
    lines = []
    for result in run.results:
        for f in result.findings:
            message = f.message
            if f.suggestions:
                message += f" (suggestion: {f.suggestions[0]})"
            if f.location:
                message += f" [{f.location}]"
            lines.append(
                f"::{_LEVEL[f.severity]} file={_escape_property(result.path)},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},"
                f"title={_escape_property(f'{f.code} {f.name}')}::{_escape_data(message)}")
    for problem in run.problems:
        lines.append(f"::error file={_escape_property(problem.path)}::{_escape_data(problem.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
