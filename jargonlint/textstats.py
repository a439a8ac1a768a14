"""Count what the scores need, in one pass over the parsed prose.

textstat re-tokenizes the whole text for every formula (measured: ~57,000 words/s for five
formulas on this corpus), so we count words, sentences and syllables once and apply textstat's
formulas to those counts (scoring.py; a test checks the results against textstat). Syllables
come from english.py: Pyphen's counts, textstat's own offline method, precomputed and cached.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from .english import syllables
from .passive import passive_spans
from .resources import data_yaml, word_list
from .segmentation import sentence_start_flags

# what a sentence does for the reader (TextStats.sentence_flags, one bit each)
READER, PROVIDER, IMPACT, ACTION, DATE = 1, 2, 4, 8, 16

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
    sentence_starts: list[int] = field(default_factory=list)   # char offsets of each sentence
    sentence_ends: list[int] = field(default_factory=list)     # (sentences with words only)
    sentence_flags: list[int] = field(default_factory=list)    # READER | IMPACT | ... per sentence


@functools.lru_cache(maxsize=1)
def _relevance_lexicon():
    data = data_yaml("relevance.yaml")
    subjects = "|".join(re.escape(w) for w in sorted(data["system_subjects"], key=len, reverse=True))
    system = re.compile(rf"(?<!\w)the\s+(?:{subjects})(?!\w)", re.IGNORECASE)
    return (frozenset(data["reader_words"]), frozenset(data["provider_words"]),
            system, frozenset(data["impact_words"]),
            _phrase_pattern(data["impact_phrases"]), _phrase_pattern(data["action_phrases"]),
            frozenset(data["date_words"]), _flag_pattern(data))


def trie_pattern(words) -> str:
    """A regular expression matching any of `words` (longest first), built as a trie: Python's
    engine tries a plain alternation word by word at every position, a trie branches on one
    character (measured: ~3x faster on the relevance cue words)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 else branches[0]
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def gated_pattern(alternatives: list[str], first_words) -> re.Pattern:
    """Alternatives as one pattern (a named group each: g0, g1 ...) tried only where one of
    `first_words` starts: a trie lookahead rejects other words at once, so the engine does not
    try every alternative at every word (several times faster on prose)."""
    gate = trie_pattern(sorted({w.lower() for w in first_words}))
    groups = "|".join(f"(?P<g{i}>{a})" for i, a in enumerate(alternatives))
    return re.compile(rf"(?<![\w'])(?=(?:{gate})(?!\w))(?:{groups})(?![\w'])")


def _flag_pattern(data: dict) -> tuple[re.Pattern, dict[str, int]]:
    """One pattern for every cue word or phrase that flags a sentence, and the flags of each:
    one scan of the lower-cased text finds them all. "may" is left out of the dates here: in
    "you may see errors" it is not the month."""
    bits: dict[str, int] = {}
    for key, bit in (("action_phrases", ACTION), ("impact_phrases", IMPACT), ("impact_words", IMPACT),
                     ("reader_words", READER), ("provider_words", PROVIDER), ("date_words", DATE)):
        for word in data[key]:
            if key == "date_words" and word == "may":
                continue
            bits[word.lower()] = bits.get(word.lower(), 0) | bit
    # a next step that names its owner ("you can", "we will", "please ...") also counts as
    # addressing the reader, or as the provider speaking
    reader, provider = set(data["reader_words"]), set(data["provider_words"])
    for phrase in data["action_phrases"]:
        words = set(phrase.lower().replace("'", " '").split()) | set(phrase.lower().split())
        if words & reader or phrase.lower() == "please":
            bits[phrase.lower()] |= READER
        if words & provider:
            bits[phrase.lower()] |= PROVIDER
    return re.compile(rf"(?<![\w'])(?:{trie_pattern(bits)})(?![\w'])"), bits


# "Update - ...", "[Open Issue]", "Close: ...": a status label, not an instruction to the reader
_LABEL_AFTER = re.compile(r"\s*(?:[-:\]\u2013\u2014]|issue\b|message\b)", re.IGNORECASE)



def _phrase_pattern(phrases: list[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b", re.I)


def _sentence_bounds(doc, text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of every sentence, from token arrays (no Span objects)."""
    from spacy.attrs import IDX

    if not len(doc):
        return []
    offsets = doc.to_array(IDX)[sentence_start_flags(doc)].tolist()
    return list(zip(offsets, offsets[1:] + [len(text)]))


def count(doc, text: str, has_model: bool = False) -> TextStats:
    """TextStats for a parsed document; `text` is its prose (masked regions are spaces).

    Sentence boundaries come from the pipeline; words are counted and tallied by regular
    expressions and a Counter (C code), so the per-word work in Python (syllables, word lists)
    runs once per distinct word: much faster than a Python object per spaCy token."""
    reader, provider, system, impact, impact_phrases, action_phrases, dates, flag_cues = _relevance_lexicon()
    imperatives = word_list("imperative_verbs.txt")
    stats = TextStats()
    bounds = _sentence_bounds(doc, text)
    for start, end in bounds:
        words = len(_WORD.findall(text, start, end))
        if not words:
            continue
        stats.sentence_starts.append(start)
        stats.sentence_ends.append(end)
        stats.sentences += 1
        stats.words += words
        stats.sentence_words.append(words)
        stats.sentence_flags.append(0)
        # an instruction ("Restart your PC.", "Please call us.") addresses the reader and gives
        # them a next step; a question does not
        lead = _WORD.search(text, start, end)
        word = lead.group(0).lower()
        if word == "please":
            lead = _WORD.search(text, lead.end(), end)
            word = lead.group(0).lower() if lead else ""
        if (word in imperatives and words >= 3 and not text[start:end].rstrip().endswith("?")
                and not _LABEL_AFTER.match(text, lead.end())):
            stats.reader_refs += 1
            stats.action_hits += 1
            stats.sentence_flags[-1] |= READER | ACTION
    lowered = text.lower().replace("\u2019", "'")
    tally = Counter(_WORD.findall(lowered))
    for word, n in tally.items():
        if word[0].isdigit():
            stats.syllables += n
            stats.letters += n * len(word)
            continue
        stem = word.split("'", 1)[0] if "'" in word else word
        count_ = syllables(stem)
        stats.syllables += n * count_
        stats.letters += n * (len(word) if word.isalpha() else sum(c.isalpha() for c in word))
        if count_ >= 3:
            stats.polysyllables += n
        if word in reader:
            stats.reader_refs += n
        elif word in provider:
            stats.provider_refs += n
        if word in impact:
            stats.impact_hits += n
        if word in dates:
            stats.date_hits += n
    stats.system_refs = len(system.findall(text))
    stats.impact_hits += len(impact_phrases.findall(text))
    stats.action_hits += len(action_phrases.findall(text))
    clocks = [m.start() for m in _CLOCK.finditer(text)]
    stats.date_hits += len(clocks)
    if len(lowered) != len(text):
        lowered = lower_same_length(text)
    _flag_sentences(stats, lowered, flag_cues, clocks)
    stats.passive_spans = list(passive_spans(doc, text, has_model))
    stats.passives = len(stats.passive_spans)
    return stats


def lower_same_length(text: str) -> str:
    """The text in lower case with curly apostrophes made straight, offsets unchanged: a
    character whose lower case is longer ("İ") stays as it is. Patterns run on this without
    re.IGNORECASE, which lets the engine skip ahead to literal prefixes (much faster)."""
    lowered = text.lower().replace("\u2019", "'")
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text).replace("\u2019", "'")


def _flag_sentences(stats: TextStats, lowered: str, cues: tuple[re.Pattern, dict[str, int]],
                    clocks: list[int]) -> None:
    """Set each sentence's flags from the cues and clock times in it (one scan, then a bisect
    each). `lowered` is the text in lower case, offsets unchanged."""
    import bisect

    starts, flags = stats.sentence_starts, stats.sentence_flags
    if not starts:
        return
    pattern, bits = cues
    for match in pattern.finditer(lowered, starts[0]):
        flags[bisect.bisect_right(starts, match.start()) - 1] |= bits.get(match.group(0), 0)
    for offset in clocks:
        if offset >= starts[0]:
            flags[bisect.bisect_right(starts, offset) - 1] |= DATE
