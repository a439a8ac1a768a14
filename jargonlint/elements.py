"""The elements of a message to a client (impact, status, next update, service levels ...),
found by the cues in data/message_elements.yaml. Rules ask whether an element is present in a
text or a sentence; the cues are data so they can be tuned without touching the rules."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .resources import data_yaml
from .textstats import lower_same_length, trie_pattern

_PLAIN = re.compile(r"[a-z0-9' -]+")


def _top_level_alternatives(cue: str) -> list[str]:
    """'a|b(?:c|d)|e' -> ['a', 'b(?:c|d)', 'e']: split at the |s outside brackets."""
    parts, depth, current, escaped = [], 0, [], False
    for char in cue:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


@functools.cache
def pattern(name: str) -> re.Pattern:
    """All cues of one element as one pattern over lower-cased text (^ and $ match at lines).
    Plain words and phrases among the cues go into one trie (textstats.trie_pattern): the
    engine branches on a character instead of trying each word in turn."""
    cues = data_yaml("message_elements.yaml")[name]
    if isinstance(cues, str):
        cues = [cues]
    plain, others = set(), []
    for cue in cues:
        for alternative in _top_level_alternatives(cue):
            if _PLAIN.fullmatch(alternative):
                plain.add(alternative)
            else:
                others.append(alternative)
    parts = ([trie_pattern(sorted(plain))] if plain else []) + [f"(?:{o})" for o in others]
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.MULTILINE)


@functools.lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    """Cues are lower case and run on the lower-cased text, without re.IGNORECASE (several
    times faster); rules ask about the same text many times, so it is lowered once."""
    return lower_same_length(text)


def find(name: str, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
    """Matches of an element's cues; offsets are the text's, `group(0)` is lower case."""
    return pattern(name).finditer(_lowered(text), start, len(text) if end is None else end)


def present(name: str, text: str, start: int = 0, end: int | None = None) -> bool:
    return pattern(name).search(_lowered(text), start, len(text) if end is None else end) is not None


@functools.lru_cache(maxsize=1)
def _negation() -> tuple[re.Pattern, re.Pattern]:
    words = data_yaml("message_elements.yaml")["resolved_negation"]
    return re.compile(rf"\b(?:{words})\b[\w\s']{{0,12}}$"), re.compile(r"\b(?:not|n't|never)\b")


def resolved_spans(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    """Statements that the problem is over, except negated ones ("has not been resolved",
    "until it is fixed"), and labels that close a thread or a retrospective ("Resolved -",
    "[Final message]", "## Resolution", "Incident report")."""
    negation, negated = _negation()
    lowered = _lowered(text)
    kept = list(find("resolved_label", text, start, end))
    for match in find("resolved", text, start, end):
        before = lowered[max(start, match.start() - 24):match.start()]
        if negation.search(before) or negated.search(match.group(0)):
            continue
        kept.append(match)
    return kept
