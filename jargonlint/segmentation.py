"""Sentence boundaries for prose that comes with headings, bullet lists and wrapped lines.

spaCy's sentencizer splits only at end punctuation, and walks every token in Python; both
matter here. Headings and list items have no full stop, so they would merge into endless
"sentences", and the walk was a tenth of the run time. These components find boundaries from
the text and token offsets in bulk (numpy), then set them in one call.

- jl_sentences (blank pipeline): end punctuation, plus line breaks.
- jl_line_breaks (statistical pipeline, before the parser): line breaks only; the parser
  decides the rest and respects boundaries set before it.
"""
from __future__ import annotations

import re

# a line that starts a list item, a table row or a Markdown heading starts a sentence
_LIST_MARKER = re.compile(r"[ \t]*(?:(?:[-*+\u2022]|\d{1,3}[.)])[ \t]+|\||#{1,6}[ \t])")
_TERMINAL = (".", "!", "?", ":", ";")
_NEWLINES = re.compile(r"\n+")
END_PUNCTUATION = (".", "!", "?", "...", "\u2026", "!!", "??", "?!", "!?")


def line_break_starts(text: str, token_starts) -> list[int]:
    """Token indexes that start a sentence because of the line they begin: after a blank
    line, a list item, or a line after a short line with no end punctuation (a heading)."""
    import numpy

    n = len(token_starts)
    starts = []
    for newline in _NEWLINES.finditer(text):
        following = int(numpy.searchsorted(token_starts, newline.end(), side="left"))
        if following >= n:
            break
        if len(newline.group(0)) >= 2:
            starts.append(following)
            continue
        line_end = text.find("\n", newline.end())
        next_line = text[newline.end(): line_end if line_end >= 0 else len(text)]
        prev_line = text[text.rfind("\n", 0, newline.start()) + 1:newline.start()].strip()
        if (_LIST_MARKER.match(next_line) or not prev_line
                or (not prev_line.endswith(_TERMINAL) and len(prev_line) < 60
                    and next_line.lstrip()[:1].isupper())):
            starts.append(following)
    return starts


def sentence_start_flags(doc):
    """A boolean array: which tokens start a sentence (the first token always does). Read from
    token arrays, so callers need no Span or Token objects."""
    import numpy
    from spacy.attrs import SENT_START

    flags = doc.to_array(SENT_START).astype(numpy.int64) == 1
    if len(flags):
        flags[0] = True
    return flags


def mark_sentences(doc, text: str):
    """Set every token's SENT_START of a blank-pipeline doc; `text` is doc.text (passed in by
    callers that have it: Doc.text is rebuilt from the tokens on every access)."""
    import numpy
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, ORTH, SENT_START

    n = len(doc)
    if n == 0:
        return doc
    columns = doc.to_array([ORTH, IS_PUNCT, IS_SPACE, IDX])
    strings = doc.vocab.strings
    orth = columns[:, 0]
    is_end = numpy.zeros(n, dtype=bool)
    for mark in END_PUNCTUATION:
        is_end |= orth == numpy.uint64(strings.add(mark))
    skip = is_end | columns[:, 1].astype(bool) | columns[:, 2].astype(bool)
    flags = numpy.full(n, -1, dtype=numpy.int32)
    flags[0] = 1
    for i in numpy.flatnonzero(is_end):
        j = int(i) + 1
        while j < n and skip[j]:
            j += 1
        if j < n:
            flags[j] = 1
    for j in line_break_starts(text, columns[:, 3]):
        flags[j] = 1
    doc.from_array([SENT_START], flags.reshape(-1, 1).astype(numpy.uint64))
    return doc


def register() -> None:
    from spacy.language import Language

    if "jl_sentences" in Language.factories:
        return

    @Language.component("jl_sentences")
    def sentences(doc):
        """Every token's SENT_START from end punctuation and line breaks, set in one call."""
        return mark_sentences(doc, doc.text)

    @Language.component("jl_line_breaks")
    def line_breaks(doc):
        """Sentence starts at headings, list items and blank lines, before the parser runs."""
        from spacy.attrs import IDX

        if len(doc) == 0:
            return doc
        for j in line_break_starts(doc.text, doc.to_array(IDX)):
            doc[j].is_sent_start = True
        return doc
