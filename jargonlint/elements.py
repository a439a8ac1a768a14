"""The elements of a message to a client (impact, status, next update, service levels ...),
found by the cues in data/message_elements.yaml. Rules ask whether an element is present in a
text or a sentence; the cues are data so they can be tuned without touching the rules."""
from __future__ import annotations

import functools
import re
from typing import Iterator

from .resources import data_yaml


@functools.lru_cache(maxsize=None)
def pattern(name: str) -> re.Pattern:
    """All cues of one element as one case-insensitive pattern (^ and $ match at lines)."""
    cues = data_yaml("message_elements.yaml")[name]
    if isinstance(cues, str):
        cues = [cues]
    return re.compile(rf"(?<!\w)(?:{'|'.join(f'(?:{c})' for c in cues)})(?!\w)",
                      re.IGNORECASE | re.MULTILINE)


def find(name: str, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
    return pattern(name).finditer(text, start, len(text) if end is None else end)


def present(name: str, text: str, start: int = 0, end: int | None = None) -> bool:
    return pattern(name).search(text, start, len(text) if end is None else end) is not None


def resolved_spans(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    """Statements that the problem is over, except negated ones ("has not been resolved",
    "until it is fixed"), and labels that close a thread or a retrospective ("Resolved -",
    "[Final message]", "## Resolution", "Incident report")."""
    negation = re.compile(rf"\b(?:{data_yaml('message_elements.yaml')['resolved_negation']})\b[\w\s']{{0,12}}$",
                          re.IGNORECASE)
    kept = list(find("resolved_label", text, start, end))
    for match in find("resolved", text, start, end):
        before = text[max(start, match.start() - 24):match.start()]
        if negation.search(before) or re.search(r"\b(?:not|n't|never)\b", match.group(0), re.I):
            continue
        kept.append(match)
    return kept
