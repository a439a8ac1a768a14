"""Rare words a reader can still read: typos, prefixed verbs and run-together word pairs.

Word frequency alone rates "ssems" (seems), "reattached", "overwriting" and "timezone" as rare,
so the uncommon-word rule (JL105) would call them jargon. Each is built from words the reader
knows. A part the lexicon calls jargon keeps the word flagged: "redeploying" (deploy),
"ratelimits" (rate limit), "overcommit" (commit). Settings are in data/known_parts.yaml.
"""
from __future__ import annotations

import functools
import string
from typing import Callable

from .english import common_words, is_common
from .resources import data_yaml


@functools.lru_cache(maxsize=1)
def _settings() -> dict:
    return data_yaml("known_parts.yaml")


def _edits(word: str):
    """Every string one deletion, transposition, substitution or insertion away from `word`,
    keeping its first letter (typos rarely change it: "cabotage" is not "sabotage")."""
    letters = string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]
    for left, right in splits:
        if right:
            yield left + right[1:]
            for c in letters:
                yield left + c + right[1:]
        if len(right) > 1:
            yield left + right[1] + right[0] + right[2:]
        for c in letters:
            yield left + c + right


def typo_of_common_word(word: str) -> bool:
    """"ssems" -> "seems", "aggresively" -> "aggressively"."""
    settings = _settings()
    if len(word) < settings["min_typo_length"]:
        return False
    common = common_words(settings["typo_zipf"])
    return any(candidate in common for candidate in _edits(word) if candidate != word)


def _can_be_verb(word: str) -> bool:
    """Only asked of common words (is_common first), which the cached table covers."""
    from .inflection import common_verb_forms

    return word in common_verb_forms()


def reads_as_known_words(word: str, is_jargon: Callable[[str], bool]) -> bool:
    """Whether lower-case `word` is a typo of a common word, a prefix on a common verb
    ("reattached", "reupload"), or two common words run together ("readonly", "usecase"),
    with no part that `is_jargon`."""
    settings = _settings()
    zipf, shortest = settings["part_zipf"], settings["min_part_length"]
    for prefix in settings["verb_prefixes"]:
        base = word[len(prefix):]
        if word.startswith(prefix) and len(base) >= shortest and is_common(base, zipf) \
                and _can_be_verb(base) and not is_jargon(base):
            return True
    prefixes = set(settings["verb_prefixes"])
    for cut in range(shortest, len(word) - shortest + 1):
        first, second = word[:cut], word[cut:]
        if first not in prefixes and is_common(first, zipf) and is_common(second, zipf) and not is_jargon(first) \
                and not is_jargon(second) and not is_jargon(f"{first} {second}"):
            return True
    return typo_of_common_word(word)
