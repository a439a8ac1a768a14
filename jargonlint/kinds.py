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

KINDS = ("incident", "email", "report")
KIND_CHOICES = ("auto",) + KINDS
EMAIL_FORMATS = ("email", "mbox")    # source formats that are e-mail messages


@functools.lru_cache(maxsize=1)
def _cues() -> tuple[dict, dict[str, list[tuple[re.Pattern, float]]]]:
    data = data_yaml("kinds.yaml")
    compiled = {kind: [(re.compile(rf"(?<!\w)(?:{row['cue']})(?!\w)", re.IGNORECASE | re.MULTILINE),
                        float(row["weight"])) for row in rows]
                for kind, rows in data["kinds"].items()}
    return data, compiled


def detect(document: Document) -> KindDecision:
    """The kind whose cues weigh most in the prose; e-mail files stay email unless incident
    cues clearly dominate."""
    data, compiled = _cues()
    text = document.prose
    scores: dict[str, float] = {}
    found: dict[str, list[str]] = {}
    cap = data["max_hits_per_cue"]
    for kind, cues in compiled.items():
        total = 0.0
        hits: list[str] = []
        for pattern, weight in cues:
            matches = [m.group(0).strip(" []:-\t\n").lower() for m in pattern.finditer(text)]
            if not matches:
                continue
            n = min(len(matches), cap)
            total += weight * n
            hits.append(matches[0] + (f" (x{len(matches)})" if len(matches) > 1 else ""))
        scores[kind] = round(total, 2)
        found[kind] = hits
    best = max(KINDS, key=lambda k: (scores.get(k, 0.0), -KINDS.index(k)))
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
