"""HTML: the text between tags is prose; everything else is masked, positions kept.

Python's own tolerant parser (html.parser) walks the file and reports where each piece starts
(getpos), so broken nesting or a stray "<" gives a best-effort result, never an error.

- Tags, comments, doctype and attribute values are masked. `alt` and `title` texts are not
  linted: they are fragments ("logo", "chart") that would count as sentences and skew the scores.
- Elements whose content is machine text (script, style, pre, code, template...; the list is in
  data/html_elements.yaml) are masked up to their end tag; an unclosed inline one (code) ends
  with its block.
- Entities are decoded in place: the decoded character sits at the "&" and the rest of the
  entity is spaces, so "Q&amp;A" reads "Q&    A" and the offsets still point into the file. (A
  separate offset map would read more naturally but every consumer would need it; masking keeps
  the one rule "prose[i] belongs to text[i]".) `&nbsp;` becomes a space; an entity that decodes
  to more than one character or to a line break is masked. The cost: an entity inside a word
  splits it ("don&rsquo;t" reads "don\u2019      t"), which adds a word to the counts; findings
  and positions stay exact, and most HTML writes apostrophes as characters.
- Block-level tags end a sentence: when the prose before one does not already end with end
  punctuation, the tag's "<" becomes ".", so "<li>Foo</li><li>Bar</li>" is two sentences.
"""
from __future__ import annotations

import functools
import html as html_lib
import re
from html.parser import HTMLParser

from ..positions import LineIndex
from ..resources import data_yaml
from . import plain

ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")
COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
TAG = re.compile(r"</?[A-Za-z][^<>]*>|<![^<>]*>|<\?[^<>]*\?>")
_TERMINAL = ".!?:;"


@functools.lru_cache(maxsize=1)
def _elements() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = data_yaml("html_elements.yaml")
    return frozenset(data["skip"]), frozenset(data["inline_skip"]), frozenset(data["block"])


def mask_tags(text: str) -> str:
    """Tags and comments masked by pattern (for inline HTML inside other formats)."""
    for pattern in (COMMENT, TAG):
        text = plain.mask(text, pattern)
    return text


class _ProseParser(HTMLParser):
    """Copies the characters of text nodes (outside skipped elements) into a masked buffer."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.out = [c if c in "\r\n" else " " for c in text]
        self.line_starts = LineIndex(text).starts
        self.skip, self.inline_skip, self.block = _elements()
        self.skipping: list[str] = []       # open elements whose content is masked
        self.last_prose = -1                # offset of the last non-space prose character
        self.prose_since_break = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _sentence_break(self, at: int) -> None:
        if self.prose_since_break and self.text[self.last_prose] not in _TERMINAL and self.out[at] == " ":
            self.out[at] = "."
        self.prose_since_break = False

    def handle_starttag(self, tag, attrs):
        if tag in self.block:
            if self.skipping and self.skipping[-1] in self.inline_skip:
                self.skipping = [t for t in self.skipping if t not in self.inline_skip]
            self._sentence_break(self._offset())
        if tag in self.skip:
            self.skipping.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag in self.block:
            self._sentence_break(self._offset())

    def handle_endtag(self, tag):
        if tag in self.skipping:
            while self.skipping and self.skipping.pop() != tag:
                pass
        elif tag in self.block and self.skipping and self.skipping[-1] in self.inline_skip:
            self.skipping = [t for t in self.skipping if t not in self.inline_skip]
        if tag in self.block:
            self._sentence_break(self._offset())

    def handle_data(self, data):
        if self.skipping or not data:
            return
        start = self._offset()
        if self.text.startswith(data, start):
            self._keep(start, data)

    def _keep(self, start: int, data: str) -> None:
        out = self.out
        for i, c in enumerate(data):
            if c not in "\r\n":
                out[start + i] = c
                if not c.isspace():
                    self.last_prose = start + i
                    self.prose_since_break = True

    def _entity(self):
        if self.skipping:
            return
        start = self._offset()
        match = ENTITY.match(self.text, start)
        if match is None:
            return
        decoded = html_lib.unescape(match.group(0))
        if decoded == match.group(0):          # not a known entity: keep it as written
            self._keep(start, decoded)
        elif decoded == "\xa0":
            return
        elif len(decoded) == 1 and decoded not in "\r\n":
            self._keep(start, decoded)

    def handle_entityref(self, name):
        self._entity()

    def handle_charref(self, name):
        self._entity()


def extract(text: str) -> str:
    parser = _ProseParser(text)
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # html.parser is tolerant; keep what was read if it ever gives up
        pass
    return plain.extract("".join(parser.out))
