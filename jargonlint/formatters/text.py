"""Human output: `path:line:col: CODE message [location]`, a `help:` line, then a score line per
file. The bracketed location appears for extracted formats (.docx: "paragraph 4")."""
from __future__ import annotations

import click

from ..models import Severity

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _style(text: str, color: bool, **kwargs) -> str:
    return click.style(text, **kwargs) if color else text


def score_line(result, color: bool = False) -> str:
    s = result.scores
    if s is None:
        return f"{result.path}: {result.notice or 'no score'}"
    overall = _style(f"{s.overall}/100", color, bold=True)
    return (f"{result.path}: score {overall} (readability {s.readability['score']}, "
            f"jargon {s.jargon['score']}, relevance {s.relevance['score']}; "
            f"grade {s.readability['flesch_kincaid_grade']}, "
            f"{s.jargon['per_100_words']} jargon per 100 words) - {result.words} words")


def render(run, color: bool = False) -> str:
    out: list[str] = []
    total = 0
    for result in run.results:
        for f in result.findings:
            total += 1
            code = _style(f.code, color, fg=_COLOURS[f.severity], bold=True)
            where = f" [{f.location}]" if f.location else ""
            out.append(f"{result.path}:{f.line}:{f.column}: {code} {f.message}{where}")
            help_parts = []
            if f.fix is not None and f.fix.safety.value == "display":
                help_parts.append(f"suggestion: \"{_one_line(f.suggested_sentence)}\"" if f.suggested_sentence
                                  else "; ".join(f.suggestions[:3]))
            elif f.fix is not None:
                rewritten = f": \"{_one_line(f.suggested_sentence)}\"" if f.suggested_sentence else ""
                kind = f"{f.fix.safety.value} fix" if f.fix.fits else "suggestion; `fix` leaves it: part of a compound"
                verb = "explain at first use:" if f.fix.kind == "gloss" else "replace with"
                help_parts.append(f"{verb} '{_one_line(f.fix.replacement)}' ({kind}){rewritten}")
            elif f.suggestions:
                help_parts.append("; ".join(f.suggestions[:3]))
            if f.explanation:
                help_parts.append(f.explanation)
            if help_parts:
                out.append(_style("  help: ", color, fg="green") + " - ".join(help_parts))
        out.append(score_line(result, color))
        if result.notice and result.scores is not None:
            out.append(f"{result.path}: note: {result.notice}")
        if result.findings or result.scores is None:
            out.append("")
    files = len(run.results)
    summary = (f"{total} finding{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}"
               f" (pipeline: {run.pipeline or 'none'})")
    out.append(_style(summary, color, bold=True))
    return "\n".join(out) + "\n"


def _one_line(sentence: str) -> str:
    """A sentence (or a replacement) wrapped over several source lines, shown on the help line
    as one."""
    return " ".join(sentence.split())
