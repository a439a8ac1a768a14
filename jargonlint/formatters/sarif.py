"""SARIF 2.1.0 for code-scanning dashboards: one run, the rules as the driver's rules."""
from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..models import Severity
from ..rules import RULES

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    if path in ("-", "<stdin>") or path.startswith("<"):
        return "stdin"
    candidate = Path(path)
    return candidate.as_posix() if not candidate.is_absolute() else candidate.as_uri()


def _rules() -> list[dict]:
    return [{
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": rule.docs()},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "help": {"text": rule.docs()},
    } for rule in RULES.values()]


def render(run, color: bool = False) -> str:
    index = {code: i for i, code in enumerate(RULES)}
    results = []
    for result in run.results:
        for f in result.findings:
            item = {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": _LEVEL[f.severity],
                "message": {"text": f.message + (f" Suggestion: {f.suggestions[0]}." if f.suggestions else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(result.path)},
                    "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                               "endColumn": f.end_column, "charOffset": f.start,
                               "charLength": f.end - f.start},
                }}],
            }
            if f.location:  # extracted formats: lines are the extracted text's, so say where
                item["locations"][0]["message"] = {"text": f.location}
                item["locations"][0]["logicalLocations"] = [{"name": f.location, "kind": "paragraph"}]
            if f.fix is not None:
                shown = " ".join(f.fix.replacement.split())   # on one line, if it wraps a line
                item["fixes"] = [{
                    "description": {"text": f"Replace with '{shown}' ({f.fix.safety.value} fix)"},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": _uri(result.path)},
                        "replacements": [{"deletedRegion": {"charOffset": f.fix.start,
                                                            "charLength": f.fix.end - f.fix.start},
                                          "insertedContent": {"text": f.fix.replacement}}],
                    }],
                }]
            results.append(item)
    notifications = [{"level": "error", "message": {"text": p.message},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(p.path)}}}]}
                     for p in run.problems]
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "jargonlint", "version": __version__, "rules": _rules()}},
            "invocations": [{"executionSuccessful": not run.problems,
                             "toolExecutionNotifications": notifications}],
            "results": results,
        }],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
