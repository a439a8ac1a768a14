"""Find lexicon terms in a parsed document by the hashes spaCy gives its tokens.

Phrases match on lower case, acronyms on exact spelling, both over every inflected form the
inflection module generated. Context conditions (neighbouring words, part of speech) are applied
here so rules only see real matches.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from . import cache
from .identifiers import REFERENCE_TAIL
from .inflection import expand_all
from .lexicon import LexiconEntry
from .nlp import Pipeline
from .passive import BE_FORMS
from .segmentation import sentence_start_flags


@dataclass(frozen=True)
class LexiconMatch:
    entry: LexiconEntry
    start: int          # character offsets into the document text
    end: int
    token_start: int
    token_end: int
    text: str           # the matched words (a line break inside folded to a space)
    tag: str = ""       # Penn tag of the matched inflection ("" for the base form)
    plain: str = ""     # the entry's first plain alternative in the same inflection
    expansion: str = "" # an acronym's expansion in the same number ("virtual machines")
    gloss: str = ""     # the entry's gloss in the same number ("pods" -> "running copies of an app")
    participle: str = ""  # for a past form, the plain's participle ("demonstrated" -> "shown")


JARGON_NEARBY = "@jargon"


def _positions(sorted_keys, values) -> list[int]:
    """Indexes of `values` that occur in the sorted array `sorted_keys` (vectorised)."""
    import numpy

    if not len(sorted_keys) or not len(values):
        return []
    where = numpy.minimum(numpy.searchsorted(sorted_keys, values), len(sorted_keys) - 1)
    return numpy.flatnonzero(sorted_keys[where] == values).tolist()


class _Sentences:
    """Which sentence each token is in, and each sentence's words as hashes: built from token
    arrays once per document, so context checks create no Python object per token."""

    def __init__(self, doc):
        import numpy
        from spacy.attrs import LOWER

        starts = sentence_start_flags(doc)
        self._index = numpy.cumsum(starts) - 1
        self._bounds = list(numpy.flatnonzero(starts)) + [len(doc)]
        self._lower = doc.to_array(LOWER)
        self._words: dict[int, set[int]] = {}

    def of(self, token: int) -> int:
        return int(self._index[token])

    def has_any(self, token: int, hashes: frozenset[int]) -> bool:
        sentence = self.of(token)
        words = self._words.get(sentence)
        if words is None:
            words = self._words[sentence] = set(
                self._lower[self._bounds[sentence]:self._bounds[sentence + 1]].tolist())
        return not words.isdisjoint(hashes)


def _normalise(text: str) -> str:
    """Matched text with its inner whitespace folded, as the forms were written."""
    return " ".join(text.split())


def _neighbour(doc, index: int, step: int):
    """The nearest non-space token from `index` in direction `step`, or None."""
    index += step
    while 0 <= index < len(doc):
        token = doc[index]
        if not token.is_space:
            return token
        index += step
    return None


def _object_openers() -> frozenset[str]:
    """Words that open an object before its head noun ("the", "these", "new", "all"): the
    lists in data/fit_words.yaml that say an object starts after a verb."""
    from .fit import _words

    words = _words()
    return words["object_determiners"] | words["object_starts"] | words["pronoun_objects"]


_AUXILIARIES = frozenset("has have had will would may might can could should must not".split())


def _plain_for_object(entry: LexiconEntry, info: dict, doc, start: int, end: int, tag: str, plain: str,
                      forms: dict, has_model: bool) -> tuple[str, dict]:
    """The plain alternative the object picks (`plain_by_object`: "identify the situation" ->
    "spot"), with its inflected forms: the object's head word, after the term and past one
    word that opens the object ("the", "these", "new", a number); in a passive, the subject ("the
    servers were patched" -> "updated", "the risk was mitigated" -> "reduced")."""
    head = _passive_subject(doc, start, has_model) if tag in ("VBN", "VBD") else None
    if head is None:
        following = _neighbour(doc, end - 1, +1)
        if following is not None and (following.lower_ in _object_openers() or following.like_num):
            following = _neighbour(doc, following.i, +1)
        if following is None:
            return plain, forms
        head = _compound_head(doc, following, has_model)
    for alternative, words in entry.plain_by_object:
        if head.lower_ in words:
            return alternative, info["plain_by_object"].get(alternative, {})
    return plain, forms


def _plain_for_previous(entry: LexiconEntry, info: dict, doc, doc_text: str, start: int, span_end: int,
                        plain: str, forms: dict) -> tuple[str, dict]:
    """The plain alternative the word before picks (`plain_by_previous`: "under your SLA" ->
    "service agreement"), where the term ends its phrase: before a noun it modifies the noun
    ("our SLA performance" keeps the default)."""
    from .fit import noun_follows

    before = _neighbour(doc, start, -1)
    if before is None or noun_follows(doc_text, span_end):
        return plain, forms
    for alternative, words in entry.plain_by_previous:
        if before.lower_.replace("\u2019", "'") in words:
            return alternative, info["plain_by_object"].get(alternative, {})
    return plain, forms


def _passive_subject(doc, start: int, has_model: bool):
    """The subject of a past participle at `start` after "be" ("Product was patched" ->
    "Product"), or None when it is not a passive: with a model, its passive subject in the
    parse; without one, the word before "be" (past "has", "will", "not": "the form has been
    completed")."""
    before = _neighbour(doc, start, -1)
    if before is None or before.lower_.replace("\u2019", "'") not in BE_FORMS:
        return None
    if has_model:
        return next((c for c in doc[start].children if c.dep_ == "nsubjpass"), None)
    subject = _neighbour(doc, before.i, -1)
    while subject is not None and subject.lower_ in _AUXILIARIES:
        subject = _neighbour(doc, subject.i, -1)
    return subject if subject is not None and subject.is_alpha else None


def _compound_head(doc, token, has_model: bool):
    """The head of a two-word noun compound that starts at `token` ("management actions",
    "action items"), else `token`: "perform any management actions" takes actions ("take"),
    "perform the action items" does not. With a model, the parse decides; without one, the next
    word is the head when lemminflect knows it as a noun and it is not a word that follows a
    noun (data/fit_words.yaml after_noun: "is", "now"): "the situation ahead" keeps
    "situation". A hyphened modifier is passed over first ("power-related outages")."""
    from .fit import _words
    from .inflection import is_noun

    hyphen = _neighbour(doc, token.i, +1)
    hyphened = False
    while (hyphen is not None and hyphen.text == "-" and not token.whitespace_ and not hyphen.whitespace_
           and hyphen.i + 1 < len(doc) and doc[hyphen.i + 1].is_alpha):
        token, hyphened = doc[hyphen.i + 1], True   # past a hyphened modifier: "power-related outages"
        hyphen = _neighbour(doc, token.i, +1)
    if has_model and not hyphened:   # the parse of a hyphened modifier often strays to the next line
        # up the parse from a modifier to its noun: "all affected laptops", "service accounts"
        while token.dep_ in ("compound", "amod", "nummod") and token.i < token.head.i <= token.i + 3:
            token = token.head
        return token
    following = _neighbour(doc, token.i, +1)
    if following is None or not following.is_alpha or not token.is_alpha:
        return token
    word = following.lower_
    if word in _words()["after_noun"] or not is_noun(word):
        return token
    return following


_MIX = 0x9E3779B97F4A7C15
_MASK = (1 << 64) - 1


_NAMING_KINDS = frozenset({"jargon", "acronym", "buzzword"})


# the white space of a hard-wrapped line inside a paragraph ("informing them\n  of"): one line
# break, at most two spaces before it (a Markdown hard break) and a list item's indent after
# it. A blank line, or a longer run of spaces (masked text: a URL, code), still separates.
_LINE_WRAP = re.compile(r"[ \t]{0,2}\r?\n[ \t]{0,8}")


def _pair_code(first: int, second: int) -> int:
    """One 64-bit code for two token hashes (numpy computes the same with uint64 wrap-around)."""
    return (first * _MIX + second) & _MASK


class CompiledLexicon:
    """A set of lexicon entries compiled for one pipeline's vocabulary.

    Every form becomes the tuple of its tokens' hashes (lower case, or exact spelling for
    acronyms). One-token forms are indexed by that hash, longer ones by a code for their first
    two hashes, so common first words ("in order to", "at this point") cost nothing until
    the second word matches too. Matching finds candidate positions for a whole document with
    vectorised lookups in sorted arrays, then compares the few candidates in Python: no
    pattern Docs to build at start-up, no Python work for most tokens.
    """

    def __init__(self, entries: Iterable[LexiconEntry], pipeline: Pipeline, use_cache: bool = True):
        import numpy

        self.entries = tuple(entries)
        strings = pipeline.nlp.vocab.strings
        self._by_key: dict[int, tuple[LexiconEntry, dict]] = {}
        # per attribute (0: lower case, 1: exact spelling): one-token hash -> entry key, and
        # code of the first two hashes -> [(hashes of the whole form, entry key)], longest first
        self._singles: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self._multis: tuple[dict, dict] = ({}, {})
        expanded = expand_all(self.entries, use_cache=use_cache)
        all_forms = [f for group in expanded for f in group["forms"]]
        tokenized = iter(self._tokenize(pipeline, all_forms, use_cache))
        for index, (entry, group) in enumerate(zip(self.entries, expanded)):
            key = strings.add(f"jl{index}")
            tags = group["forms"] if entry.case_sensitive else {
                k.lower(): v for k, v in reversed(list(group["forms"].items()))}
            self._by_key[key] = (entry, {"tags": tags, "plain": group["plain"],
                                         "expansion": group.get("expansion", {}),
                                         "gloss": group.get("gloss", {}),
                                         "plain_by_object": group.get("plain_by_object", {})})
            listed = {f if entry.case_sensitive else f.lower() for f in entry.forms}
            attribute = 1 if entry.case_sensitive else 0
            singles, multis = self._singles[attribute], self._multis[attribute]
            for _form in group["forms"]:
                words, _spaces = next(tokenized)
                if not entry.case_sensitive:
                    words = [w.lower() for w in words]
                hashes = tuple(strings.add(w) for w in words)
                if len(hashes) == 1:
                    # a form an entry lists itself beats another entry's inflection of a
                    # different word ("hardening" the noun over "harden" the verb, inflected)
                    if hashes[0] not in singles or words[0] in listed:
                        singles[hashes[0]] = key
                else:
                    multis.setdefault(_pair_code(hashes[0], hashes[1]), []).append((hashes, key))
        for multis in self._multis:
            for candidates in multis.values():
                candidates.sort(key=lambda c: -len(c[0]))
        self._single_keys = tuple(numpy.array(sorted(t), dtype=numpy.uint64) for t in self._singles)
        self._multi_keys = tuple(numpy.array(sorted(t), dtype=numpy.uint64) for t in self._multis)
        self._context_hashes = {key: frozenset(strings.add(w) for w in entry.context if w != JARGON_NEARBY)
                                for key, (entry, _) in self._by_key.items() if entry.context}
        self._near_hashes = {key: frozenset(strings.add(w) for w in entry.skip_if_near)
                             for key, (entry, _) in self._by_key.items() if entry.skip_if_near}

    def skipped_after(self, word: str, previous: str) -> bool:
        """Whether the one-word entry for `word` is skipped after `previous` (its skip_if_prev):
        "Sophos endpoint" names the vendor's product, so "Sophos" takes no modifier before it."""
        from spacy.strings import get_string_id

        key = self._singles[0].get(get_string_id(word.lower()))
        return key is not None and previous.lower() in self._by_key[key][0].skip_if_prev

    def knows(self, phrase: str) -> bool:
        """Whether a jargon, acronym or buzzword entry lists `phrase` (any inflection, any
        context): "rate limits", "deploying". JL105 uses it to tell "readonly" (read + only,
        words the reader knows) from "ratelimits" (a term the lexicon calls jargon)."""
        from spacy.strings import get_string_id

        hashes = tuple(get_string_id(w) for w in phrase.lower().split())
        if not hashes:
            return False
        if len(hashes) == 1:
            keys = [self._singles[0].get(hashes[0])]
        else:
            keys = [key for form, key in self._multis[0].get(_pair_code(hashes[0], hashes[1]), ())
                    if form == hashes]
        return any(key is not None and self._by_key[key][0].kind in _NAMING_KINDS for key in keys)

    def _candidates(self, doc) -> list[tuple[int, int, int]]:
        """(entry key, first token, end token) of every form found in the doc."""
        import numpy
        from spacy.attrs import IS_SPACE, LOWER, ORTH

        n = len(doc)
        if not n:
            return []
        columns = doc.to_array([LOWER, ORTH, IS_SPACE])
        # a phrase may run over a wrapped line: its words are matched with the line's white
        # space left out, and `words` maps their positions back to the doc's tokens
        wraps = [i for i in numpy.flatnonzero(columns[:, 2]).tolist() if _LINE_WRAP.fullmatch(doc[i].text)]
        words = numpy.delete(numpy.arange(n), wraps) if wraps else None
        found = []
        for attribute in (0, 1):
            values = columns[:, attribute]
            singles, keys = self._singles[attribute], self._single_keys[attribute]
            for i in _positions(keys, values):
                found.append((singles[int(values[i])], i, i + 1))
            keys = self._multi_keys[attribute]
            if words is not None:
                values = values[words]
            count = len(values)
            if count < 2 or not len(keys):
                continue
            with numpy.errstate(over="ignore"):
                pairs = values[:-1] * numpy.uint64(_MIX) + values[1:]
            hits = _positions(keys, pairs)
            if not hits:
                continue
            as_list = values.tolist()
            multis = self._multis[attribute]
            for i in hits:
                for hashes, key in multis[int(pairs[i])]:
                    length = len(hashes)
                    if length == 2 or (i + length <= count and tuple(as_list[i:i + length]) == hashes):
                        if words is None:
                            found.append((key, i, i + length))
                        else:
                            found.append((key, int(words[i]), int(words[i + length - 1]) + 1))
        return found

    def _lists(self, key: int, text: str) -> bool:
        entry = self._by_key[key][0]
        if entry.case_sensitive:
            return text in entry.forms
        return _normalise(text).lower() in {f.lower() for f in entry.forms}

    @staticmethod
    def _tokenize(pipeline: Pipeline, forms: list[str], use_cache: bool) -> list[tuple[list[str], list[bool]]]:
        """Each form as (words, spaces) by the pipeline's tokenizer, from the on-disk cache."""
        import spacy

        nlp = pipeline.nlp

        def tokenize():
            return [([t.text for t in d], [bool(t.whitespace_) for t in d]) for d in nlp.tokenizer.pipe(forms)]

        key = cache.digest(pipeline.name, pipeline.version, spacy.__version__, forms)
        return cache.cached("patterns", key, tokenize, use_cache)

    def find(self, doc, has_model: bool, text: str | None = None) -> list[LexiconMatch]:
        """Non-overlapping matches (longest first), with context conditions applied. `text`
        is the doc's text when the caller has it (Doc.text is rebuilt on every access)."""
        raw = self._candidates(doc)
        # longest first; between equal spans, an entry that lists the text itself beats one
        # that only reaches it by inflection
        # (one-token forms were already resolved that way when compiling)
        raw.sort(key=lambda m: (-(m[2] - m[1]), m[1],
                                m[2] - m[1] > 1 and not self._lists(m[0], doc[m[1]:m[2]].text)))
        taken = bytearray(len(doc))
        matches = []
        doc_text = doc.text if text is None else text
        sentences = None
        jargon_sentences = None
        for key, start, end in raw:
            if any(taken[start:end]):
                continue
            entry, info = self._by_key[key]
            if not self._context_ok(entry, doc, start, end, has_model):
                continue
            last = doc[end - 1]
            if REFERENCE_TAIL.match(doc_text, last.idx + len(last.text)):
                continue   # "AP-WH-07": part of a host name or reference, not the term
            if entry.skip_if_near:
                if sentences is None:
                    sentences = _Sentences(doc)
                if sentences.has_any(start, self._near_hashes[key]):
                    continue   # "the points aren't patched to anything" in a sentence on cabling
            if entry.context:
                if sentences is None:
                    sentences = _Sentences(doc)
                if not sentences.has_any(start, self._context_hashes[key]):
                    if JARGON_NEARBY not in entry.context:
                        continue
                    # "@jargon": an everyday word is taken in its IT sense when its sentence
                    # also has unambiguous jargon ("the build agents on the Kubernetes cluster")
                    if jargon_sentences is None:
                        jargon_sentences = self._sentences_with_jargon(raw, doc, has_model, sentences)
                    if sentences.of(start) not in jargon_sentences:
                        continue
            taken[start:end] = b"\x01" * (end - start)
            matches.append(self._match(entry, info, doc, doc_text, start, end, has_model))
        matches.sort(key=lambda m: m.start)
        return matches

    def _sentences_with_jargon(self, raw, doc, has_model: bool, sentences: "_Sentences") -> set[int]:
        """Indexes of the sentences with an unambiguous jargon or acronym match."""
        found = set()
        for key, start, end in raw:
            entry, _ = self._by_key[key]
            if (not entry.context and entry.kind in ("jargon", "acronym")
                    and self._context_ok(entry, doc, start, end, has_model)):
                found.add(sentences.of(start))
        return found

    @staticmethod
    def _match(entry: LexiconEntry, info: dict, doc, doc_text: str, start: int, end: int,
               has_model: bool) -> LexiconMatch:
        span_start = doc[start].idx
        last = doc[end - 1]
        span_end = last.idx + len(last.text)
        text = doc_text[span_start:span_end]
        if "\n" in text:
            text = _normalise(text)   # a phrase over a wrapped line, as it is reported
        tag = info["tags"].get(text if entry.case_sensitive else _normalise(text).lower(), "")
        forms = info["plain"]
        fallback = entry.plain[0] if entry.plain else ""
        if entry.plain_by_object:
            fallback, forms = _plain_for_object(entry, info, doc, start, end, tag, fallback, forms, has_model)
        if entry.plain_by_previous and forms is info["plain"]:
            fallback, forms = _plain_for_previous(entry, info, doc, doc_text, start, span_end, fallback, forms)
        plain = forms.get(tag, fallback) if tag else fallback
        expansion = info["expansion"].get(tag, entry.expansion) if tag else entry.expansion
        gloss = info["gloss"].get(tag, entry.gloss) if tag else entry.gloss
        participle = forms.get("VBN", "") if tag in ("VBD", "VBN") else ""
        return LexiconMatch(entry, span_start, span_end, start, end, text, tag, plain, expansion, gloss, participle)

    @staticmethod
    def _context_ok(entry: LexiconEntry, doc, start: int, end: int, has_model: bool) -> bool:
        if entry.skip_if_prev:
            prev = _neighbour(doc, start, -1)
            if prev is not None and prev.lower_ in entry.skip_if_prev:
                return False
        if entry.skip_if_next:
            nxt = _neighbour(doc, end - 1, +1)
            if nxt is not None and nxt.lower_ in entry.skip_if_next:
                return False
        if has_model and entry.pos:
            token = doc[start] if entry.pos == "VERB" else doc[end - 1]
            wanted = {entry.pos, "PROPN"} if entry.pos == "NOUN" else {entry.pos}
            if entry.pos == "VERB":
                wanted.add("AUX")
            if token.pos_ not in wanted:
                return False
        return True

