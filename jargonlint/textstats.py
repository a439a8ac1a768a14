"""Count what the scores need, in one pass over the parsed prose.

textstat re-tokenizes the whole text for every formula (measured: ~57,000 words/s for five
formulas on this corpus), so we count words, sentences and syllables once from the spaCy doc
and apply textstat's formulas to those counts (scoring.py). Syllables come from Pyphen, the
hyphenation back-end textstat itself uses when a word is not in the CMU dictionary; textstat's
CMU path would download NLTK data at run time, which jargonlint must never do.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .passive import passive_spans
from .resources import data_yaml, word_list

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@functools.lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@functools.lru_cache(maxsize=100_000)
def syllables(word: str) -> int:
    """Syllables in one word: Pyphen's hyphenation points + 1 (textstat's offline method)."""
    word = word.lower()
    if not word:
        return 0
    count = len(_hyphenator().positions(word)) + 1
    if count == 1 and len(word) > 6:
        # Pyphen leaves some long words unsplit ("outage"): fall back to vowel groups
        groups = len(_VOWEL_GROUPS.findall(word))
        if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
            groups -= 1
        count = max(1, groups)
    return count


@dataclass
class TextStats:
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    letters: int = 0
    polysyllables: int = 0          # words of 3+ syllables (SMOG, Gunning fog)
    sentence_words: list[int] = field(default_factory=list)
    reader_refs: int = 0            # you / your ...
    provider_refs: int = 0          # we / our ...
    system_refs: int = 0            # "the system", "the server" ... as a subject of the text
    impact_hits: int = 0            # the reader's business named: staff, customers, orders ...
    action_hits: int = 0            # next steps: "please", "you can", "we will" ...
    date_hits: int = 0              # concrete times: "3 pm", "Friday", "tomorrow" ...
    passives: int = 0               # passive constructions (impersonal: who did it is unsaid)
    passive_spans: list[tuple[int, int]] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def _relevance_lexicon():
    data = data_yaml("relevance.yaml")
    return (frozenset(data["reader_words"]), frozenset(data["provider_words"]),
            frozenset(data["system_subjects"]), frozenset(data["impact_words"]),
            _phrase_pattern(data["impact_phrases"]), _phrase_pattern(data["action_phrases"]),
            frozenset(data["date_words"]))


def _phrase_pattern(phrases: list[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b", re.I)


def _is_instruction(sentence: str) -> bool:
    """Starts with an imperative verb (after an optional "please"), and is not a question."""
    words = _WORD.findall(sentence[:60].lower())
    if words and words[0] == "please":
        words = words[1:]
    return bool(words) and words[0] in word_list("imperative_verbs.txt") and not sentence.rstrip().endswith("?")


def count(doc, text: str, has_model: bool = False) -> TextStats:
    """TextStats for a parsed document; `text` is its prose (masked regions are spaces).

    Sentences come from the pipeline; words are counted by a regular expression over each
    sentence's text, which is much faster than creating a Python object per spaCy token."""
    reader, provider, system, impact, impact_phrases, action_phrases, dates = _relevance_lexicon()
    stats = TextStats()
    for sent in doc.sents:
        sentence = text[sent.start_char:sent.end_char]
        words = 0
        previous_lower = ""
        for match in _WORD.finditer(sentence):
            word = match.group(0)
            lower = word.lower()
            words += 1
            if word[0].isdigit():
                stats.syllables += 1
                stats.letters += len(word)
            else:
                bare = lower.replace("\u2019", "'")
                n = syllables(bare.split("'", 1)[0]) if "'" in bare else syllables(lower)
                stats.syllables += n
                stats.letters += sum(c.isalpha() for c in word)
                if n >= 3:
                    stats.polysyllables += 1
                lower = bare
            if lower in reader:
                stats.reader_refs += 1
            elif lower in provider:
                stats.provider_refs += 1
            elif lower in system and previous_lower == "the":
                stats.system_refs += 1
            if lower in impact:
                stats.impact_hits += 1
            if lower in dates:
                stats.date_hits += 1
            previous_lower = lower
        if words and _is_instruction(sentence):
            stats.reader_refs += 1     # an instruction addresses the reader ("Restart your PC.")
            stats.action_hits += 1     # and gives them a next step
        if words:
            stats.sentences += 1
            stats.words += words
            stats.sentence_words.append(words)
            stats.impact_hits += len(impact_phrases.findall(sentence))
            stats.action_hits += len(action_phrases.findall(sentence))
            stats.date_hits += len(_CLOCK.findall(sentence))
    stats.passive_spans = list(passive_spans(doc, text, has_model))
    stats.passives = len(stats.passive_spans)
    return stats
