"""Passive voice: from the parse when a model is loaded, else a careful heuristic.

Used by rule JL202 and by the reader-focus part of the relevance score.
"""
from __future__ import annotations

from typing import Iterator

from .resources import word_list

_BE = frozenset("am is are was were be been being 's 're".split())
_GET = frozenset("get gets got gotten getting".split())
_ADVERBS = frozenset("""not never also already now just still then being currently temporarily
fully partly partially quickly automatically successfully manually finally n't all both""".split())


def passive_spans(doc, has_model: bool) -> Iterator[tuple[int, int]]:
    """Character spans "was restarted", "were made" of passive constructions."""
    return _passive_with_model(doc) if has_model else _passive_heuristic(doc)


def _passive_with_model(doc) -> Iterator[tuple[int, int]]:
    for token in doc:
        if token.dep_ in ("auxpass",) and token.head.i > token.i:
            verb = token.head
            yield token.idx, verb.idx + len(verb.text)


def _passive_heuristic(doc) -> Iterator[tuple[int, int]]:
    participles = word_list("participles.txt")
    adjectives = word_list("not_passive.txt")
    tokens = [t for t in doc if not t.is_space]
    for i, token in enumerate(tokens):
        if token.lower_ not in _BE and token.lower_ not in _GET:
            continue
        j = i + 1
        while j < len(tokens) and j <= i + 3 and tokens[j].lower_ in _ADVERBS:
            j += 1
        if j >= len(tokens):
            continue
        word = tokens[j]
        lower = word.lower_
        if not word.is_alpha or lower in adjectives:
            continue
        if not (lower in participles or (lower.endswith("ed") and len(lower) > 3)):
            continue
        following = tokens[j + 1].lower_ if j + 1 < len(tokens) else ""
        if following in ("to",) and lower in ("used", "supposed"):
            continue
        if token.lower_ == "'s" and following not in ("by",):
            continue  # "it's fixed" is usually a state; "he's" is ambiguous
        yield token.idx, word.idx + len(word.text)


