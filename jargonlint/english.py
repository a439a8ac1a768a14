"""Everyday English words: how common each is (wordfreq) and how many syllables it has.

Both come from libraries that are slow to start: wordfreq's import and first lookup cost
~0.2 s, Pyphen's English dictionary ~0.08 s, together a third of a cold start. So the words
wordfreq lists with a Zipf frequency of at least 1.5 (about 160,000) are kept in jargonlint's
on-disk cache, most common first, with each word's Zipf value and, for the ~30,000 words with
Zipf >= 3 (which make up nearly all running text), its syllable count (Pyphen's hyphenation
points + 1: the offline method textstat uses, since its CMU-dictionary path would download
NLTK data). The table is built once, on the first run (~1.5 s).

- "Is this word at least this common?" is answered from a set of the words above the
  threshold, built on first use.
- Syllables of rarer words (and of names and typos) are estimated from vowel groups, so
  Pyphen is never loaded at run time.
"""
from __future__ import annotations

import bisect
import functools
import math
import operator
import re

from . import cache

MIN_ZIPF = 1.5
SYLLABLE_ZIPF = 3.0     # words at least this common get Pyphen's syllable count in the table
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "0"


def _pyphen_syllables(word: str, hyphenator) -> int:
    count = len(hyphenator.positions(word)) + 1
    if count == 1 and len(word) > 6:
        count = estimate_syllables(word)  # Pyphen leaves some long words unsplit ("outage")
    return count


def _build() -> tuple[str, list[float], bytes]:
    """(words joined by newlines, most common first; their Zipf values; their syllables)."""
    import pyphen
    import wordfreq

    hyphenator = pyphen.Pyphen(lang="en_US")
    rows = []
    for word, freq in wordfreq.get_frequency_dict("en", wordlist="large").items():
        if freq > 0 and word.isalpha() and word.isascii():
            zipf = math.log10(freq) + 9.0
            if zipf >= MIN_ZIPF:
                rows.append((-round(zipf, 2), word))
    rows.sort()
    words = [w for _, w in rows]
    # Pyphen takes ~30 us a word: count the common words (most of any text's running words)
    # with it, and leave 0 = "estimate" for the long tail
    syllables = bytes(min(255, _pyphen_syllables(w, hyphenator)) if -z >= SYLLABLE_ZIPF else 0
                      for z, w in rows)
    return "\n".join(words), [-z for z, _ in rows], syllables


@functools.lru_cache(maxsize=1)
def _table() -> tuple[list[str], list[float], bytes]:
    key = cache.digest(_version("wordfreq"), _version("pyphen"), MIN_ZIPF, "table-3")
    joined, zipfs, syllable_counts = cache.cached("english", key, _build)
    return joined.split("\n"), zipfs, syllable_counts


def _count_at_least(zipfs: list[float], threshold: float) -> int:
    """How many leading values of the descending list are >= threshold."""
    return bisect.bisect_right(zipfs, -threshold, key=operator.neg)


@functools.lru_cache(maxsize=16)
def _words_at_least(threshold: float) -> frozenset[str]:
    words, zipfs, _ = _table()
    return frozenset(words[:_count_at_least(zipfs, threshold)])


def common_words(threshold: float) -> frozenset[str]:
    """Lower-case words whose Zipf frequency is at least `threshold` (6 = very common,
    3 = uncommon); words rarer than 1.5, or not listed at all, are never in it."""
    return _words_at_least(round(float(threshold), 2))


_INFLECTIONS = (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                ("ed", "e"), ("es", ""), ("s", ""), ("ers", ""), ("er", ""), ("ers", "e"), ("er", "e"))


def base_forms(word: str) -> list[str]:
    """Plausible base forms of an inflected lower-case word ("escalations" -> "escalation",
    "finalising" -> "finalise", "finalize"), for a frequency list that rates rare inflections
    of common words as rare."""
    forms = []
    for suffix, replacement in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)] + replacement)
    if "is" in word:
        forms.extend(f.replace("is", "iz") for f in [word, *forms] if f.endswith(("ise", "ising", "ised", "isation")))
    return forms


def is_common(word: str, threshold: float) -> bool:
    """Whether a lower-case word, or its base form, is at least this common."""
    words = common_words(threshold)
    return word in words or any(form in words for form in base_forms(word))


@functools.lru_cache(maxsize=1)
def _syllable_table() -> dict[str, int]:
    words, _, counts = _table()
    return dict(zip(words, counts))


def estimate_syllables(word: str) -> int:
    """Vowel groups, less a silent final e: the fallback for words not in the table."""
    groups = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(1, groups)


@functools.lru_cache(maxsize=100_000)
def syllables(word: str) -> int:
    """Syllables in one lower-case word."""
    return _syllable_table().get(word) or estimate_syllables(word)
