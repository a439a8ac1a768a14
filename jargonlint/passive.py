"""Passive voice: from the parse when a model is loaded, else a careful heuristic.

Used by rule JL202 and by the reader-focus part of the relevance score.
"""
from __future__ import annotations

import functools
import re
from typing import Iterator

from .resources import word_list

BE_FORMS = frozenset("am is are was were be been being 's 're".split())   # also matching.py's passives
_GET = frozenset("get gets got gotten getting".split())
_ADVERBS = frozenset("""not never also already now just still then being currently temporarily
fully partly partially quickly automatically successfully manually finally n't all both""".split())


def passive_spans(doc, text: str, has_model: bool) -> Iterator[tuple[int, int]]:
    """Character spans "was restarted", "were made" of passive constructions; `text` is the
    doc's text (Doc.text is rebuilt on every access, so callers pass the string they have)."""
    return _passive_with_model(doc) if has_model else _passive_heuristic(text)


def _passive_with_model(doc) -> Iterator[tuple[int, int]]:
    for token in doc:
        if token.dep_ in ("auxpass",) and token.head.i > token.i:
            verb = token.head
            yield token.idx, verb.idx + len(verb.text)


@functools.lru_cache(maxsize=1)
def _heuristic_pattern() -> re.Pattern:
    """be/get + up to three adverbs + a past participle, as one regular expression: scanning
    the text is ~20x faster than walking spaCy tokens in Python."""
    participles = "|".join(sorted(word_list("participles.txt"), key=len, reverse=True))
    adverbs = "|".join(sorted(_ADVERBS, key=len, reverse=True))
    auxiliaries = "|".join(sorted(BE_FORMS | _GET, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w'])(?P<aux>{auxiliaries})\s+(?:(?:{adverbs})\s+){{0,3}}"
        rf"(?P<verb>(?:{participles})|[a-z]{{2,}}ed)(?![\w'])(?P<after>\s+\w+)?",
        re.IGNORECASE)


def _passive_heuristic(text: str) -> Iterator[tuple[int, int]]:
    adjectives = word_list("not_passive.txt")
    for match in _heuristic_pattern().finditer(text):
        aux, verb = match.group("aux").lower(), match.group("verb").lower()
        if verb in adjectives:
            continue
        following = (match.group("after") or "").strip().lower()
        if following == "to" and verb in ("used", "supposed"):
            continue
        if aux == "'s" and following != "by":
            continue  # "it's fixed" is usually a state
        yield match.start("aux"), match.end("verb")
