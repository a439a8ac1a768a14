"""Find lexicon terms in a parsed document with spaCy's PhraseMatcher.

Phrases match on lower case, acronyms on exact spelling, both over every inflected form the
inflection module generated. Context conditions (neighbouring words, part of speech) are applied
here so rules only see real matches.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .inflection import expand_all
from .lexicon import LexiconEntry
from .nlp import Pipeline


@dataclass(frozen=True)
class LexiconMatch:
    entry: LexiconEntry
    start: int          # character offsets into the document text
    end: int
    token_start: int
    token_end: int
    text: str
    tag: str = ""       # Penn tag of the matched inflection ("" for the base form)
    plain: str = ""     # the entry's first plain alternative in the same inflection
    expansion: str = "" # an acronym's expansion in the same number ("virtual machines")


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


class CompiledLexicon:
    """A set of lexicon entries compiled into matchers for one pipeline's vocabulary."""

    def __init__(self, entries: Iterable[LexiconEntry], pipeline: Pipeline, use_cache: bool = True):
        from spacy.matcher import PhraseMatcher

        self.entries = tuple(entries)
        nlp = pipeline.nlp
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._by_key: dict[int, tuple[LexiconEntry, dict]] = {}
        expanded = expand_all(self.entries, use_cache=use_cache)
        strings = nlp.vocab.strings
        all_forms = [f for group in expanded for f in group["forms"]]
        docs = iter(nlp.tokenizer.pipe(all_forms))
        for index, (entry, group) in enumerate(zip(self.entries, expanded)):
            patterns = [next(docs) for _ in group["forms"]]
            key = f"jl{index}"
            tags = group["forms"] if entry.case_sensitive else {
                k.lower(): v for k, v in reversed(list(group["forms"].items()))}
            self._by_key[strings.add(key)] = (entry, {"tags": tags, "plain": group["plain"],
                                                      "expansion": group.get("expansion", {})})
            (self._acronyms if entry.case_sensitive else self._phrases).add(key, patterns)

    def find(self, doc, has_model: bool, text: str | None = None) -> list[LexiconMatch]:
        """Non-overlapping matches (longest first), with context conditions applied. `text`
        is the doc's text when the caller has it (Doc.text is rebuilt on every access)."""
        raw = list(self._phrases(doc)) + list(self._acronyms(doc))
        raw.sort(key=lambda m: (-(m[2] - m[1]), m[1]))
        taken = bytearray(len(doc))
        matches = []
        doc_text = doc.text if text is None else text
        for key, start, end in raw:
            if any(taken[start:end]):
                continue
            entry, info = self._by_key[key]
            if not self._context_ok(entry, doc, start, end, has_model):
                continue
            taken[start:end] = b"\x01" * (end - start)
            span_start = doc[start].idx
            last = doc[end - 1]
            span_end = last.idx + len(last.text)
            text = doc_text[span_start:span_end]
            tag = info["tags"].get(text if entry.case_sensitive else _normalise(text).lower(), "")
            plain = info["plain"].get(tag, entry.plain[0] if entry.plain else "") if tag else (
                entry.plain[0] if entry.plain else "")
            expansion = info["expansion"].get(tag, entry.expansion) if tag else entry.expansion
            matches.append(LexiconMatch(entry, span_start, span_end, start, end, text, tag, plain, expansion))
        matches.sort(key=lambda m: m.start)
        return matches

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

