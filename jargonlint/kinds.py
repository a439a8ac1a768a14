"""What kind of message a document is: an incident (status) update, an email, or a periodic
service report. Rules that check for missing elements apply per kind, so the kind decides
which of them run.

The kind comes from the settings when they name one (`--kind`, `kind`, or a `kinds` pattern
for the path); otherwise it is detected from weighted cues kept in data/kinds.yaml. The
decision keeps the cues that decided it, so JSON output can say why.
"""
from __future__ import annotations

import functools
import re

from .models import Document, KindDecision
from .resources import data_yaml
from .textstats import trie_pattern

KINDS = ("incident", "email", "report")
KIND_CHOICES = ("auto",) + KINDS
EMAIL_FORMATS = ("email", "mbox")    # source formats that are e-mail messages


@functools.lru_cache(maxsize=1)
def _cues() -> tuple[dict, re.Pattern, dict[str, int], re.Pattern | None, list, list[tuple[str, float]]]:
    """The cues compiled for three scans of the lower-cased text: every phrase in one trie
    pattern (phrase -> cue), every line cue in one pattern (a named group each), and the few
    free patterns; plus (kind, weight) per cue."""
    data = data_yaml("kinds.yaml")
    rows = [(kind, row) for kind, cues in data["kinds"].items() for row in cues]
    phrase_cue = {phrase.lower(): i for i, (_, row) in enumerate(rows) for phrase in row.get("phrases", ())}
    phrases = re.compile(rf"(?<![\w'])(?:{trie_pattern(phrase_cue)})(?![\w'])")
    line_rows = [(i, row["line"]) for i, (_, row) in enumerate(rows) if "line" in row]
    lines = re.compile("|".join(f"(?P<c{i}>{cue})" for i, cue in line_rows)) if line_rows else None
    patterns = [(i, re.compile(row["pattern"])) for i, (_, row) in enumerate(rows) if "pattern" in row]
    return data, phrases, phrase_cue, lines, patterns, [(kind, float(row["weight"])) for kind, row in rows]


def _hits(text: str) -> dict[int, list[str]]:
    """Cue index -> the matched texts, over the lower-cased text."""
    _, phrases, phrase_cue, lines, patterns, _ = _cues()
    hits: dict[int, list[str]] = {}
    for match in phrases.finditer(text):
        hits.setdefault(phrase_cue[match.group(0)], []).append(match.group(0))
    if lines is not None:
        for line in text.splitlines():
            match = lines.match(line.lstrip(" \t["))
            if match:
                hits.setdefault(int(match.lastgroup[1:]), []).append(match.group(0).strip(" []:-\t"))
    for index, pattern in patterns:
        found = pattern.findall(text)
        if found:
            hits[index] = found
    return hits


def detect(document: Document) -> KindDecision:
    """The kind whose cues weigh most in the prose; e-mail files stay email unless incident
    cues clearly dominate."""
    data, *_, weights = _cues()
    hits = _hits(document.prose.lower())
    scores = {kind: 0.0 for kind in KINDS}
    found: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for index in sorted(hits):
        kind, weight = weights[index]
        matches = hits[index]
        scores[kind] += weight * min(len(matches), data["max_hits_per_cue"])
        found[kind].append(matches[0] + (f" (x{len(matches)})" if len(matches) > 1 else ""))
    scores = {kind: round(value, 2) for kind, value in scores.items()}
    best = max(KINDS, key=lambda k: (scores[k], -KINDS.index(k)))
    if document.kind in EMAIL_FORMATS:
        if best == "incident" and scores["incident"] >= scores["email"] + data["email_format_margin"]:
            return KindDecision("incident", "detected", tuple(found["incident"]), scores)
        return KindDecision("email", "detected", ("e-mail file",) + tuple(found["email"]), scores)
    if scores[best] < data["min_score"]:
        return KindDecision(data["fallback"], "detected", ("no strong cues: the default kind",), scores)
    return KindDecision(best, "detected", tuple(found[best]), scores)


def decide(document: Document, configured: tuple[str, str]) -> KindDecision:
    """`configured` is (kind, where it was set) from the settings; "auto" means detect."""
    kind, where = configured
    if kind != "auto":
        return KindDecision(kind, where)
    return detect(document)
