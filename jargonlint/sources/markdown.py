"""Markdown: markdown-it-py's token stream decides what is prose; positions come from the source.

markdown-it gives block tokens with line maps but no character offsets inside a line. So:

- Block structure from the tokens: only the lines of `inline` tokens (paragraphs, headings,
  list items, table cells) can hold prose. Fenced and indented code, front matter, thematic
  breaks, reference definitions and table delimiter rows belong to no inline token and stay
  masked. HTML blocks go through the HTML extractor (their text is prose, tags and comments
  are not).
- Inline pieces located in the source: a cursor walks each inline token's lines and finds
  every child where it is written: text (with backslash escapes and entities; an entity's
  decoded character sits at its "&", as in HTML), emphasis markers, code spans, links (the
  text is prose; "[", "](destination "title")" are not), autolinks, images (masked whole: alt
  texts are fragments) and inline HTML. Only located text is kept, so list markers, "#", ">"
  and table pipes are masked without a rule of their own.
- Front matter ("---" or "+++" fenced at the top) is masked and parsed as blank lines.

The result then goes through the plain-text masks (bare URLs, e-mail addresses, paths).
"""
from __future__ import annotations

import functools
import html as html_lib
import re

from ..positions import LineIndex
from . import html, plain

FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n.*?\n\1[ \t]*(?:\r?\n|\Z)", re.S)
ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
ESCAPABLE = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MARKERS = ("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close")


@functools.lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


class _Locator:
    """Finds each inline token's pieces in the source and copies the prose ones into `out`."""

    def __init__(self, text: str):
        self.text = text
        self.out = [c if c in "\r\n" else " " for c in text]
        self.line_starts = LineIndex(text).starts
        self.cursor = 0
        self._aligned_end = 0

    def _line_offset(self, line: int) -> int:
        return self.line_starts[line] if line < len(self.line_starts) else len(self.text)

    # -- blocks -------------------------------------------------------------------------------
    def html_block(self, start_line: int, end_line: int) -> None:
        start, end = self._line_offset(start_line), self._line_offset(end_line)
        self.out[start:end] = html.extract(self.text[start:end])

    def inline(self, token) -> None:
        start, limit = self._line_offset(token.map[0]), self._line_offset(token.map[1])
        self.cursor = max(self.cursor, start)
        children = token.children or []
        i = 0
        while i < len(children):
            child = children[i]
            kind = child.type
            if kind == "text":
                self._text(child.content, limit)
            elif kind in ("softbreak", "hardbreak"):
                newline = self.text.find("\n", self.cursor, limit)
                if newline >= 0:
                    self.cursor = newline + 1
            elif kind == "code_inline":
                self._code(child.markup, limit)
            elif kind in _MARKERS:
                found = self.text.find(child.markup, self.cursor, limit)
                if found >= 0:
                    self.cursor = found + len(child.markup)
            elif kind == "link_open" and child.markup == "autolink":
                self._skip_between("<", ">", limit)
                while i < len(children) and children[i].type != "link_close":
                    i += 1
            elif kind == "link_open":
                found = self.text.find("[", self.cursor, limit)
                if found >= 0:
                    self.cursor = found + 1
            elif kind == "link_close":
                found = self.text.find("]", self.cursor, limit)
                if found >= 0:
                    self.cursor = self._link_tail(found + 1, limit)
            elif kind == "image":
                found = self.text.find("![", self.cursor, limit)
                if found >= 0:
                    close = self._matching_bracket(found + 1, limit)
                    if close >= 0:
                        self.cursor = self._link_tail(close + 1, limit)
            elif kind == "html_inline":
                self._html_inline(child.content, limit)
            i += 1

    # -- inline pieces ------------------------------------------------------------------------
    def _text(self, content: str, limit: int) -> None:
        if not content:
            return
        first = content[0]
        text = self.text
        for p in range(self.cursor, limit):
            c = text[p]
            if c == first or c == "\\" or c == "&":
                kept = self._align(p, content, limit)
                if kept is not None:
                    for offset, char in kept:
                        self.out[offset] = char
                    self.cursor = self._aligned_end
                    return
            if c == "\n":
                return

    def _align(self, p: int, content: str, limit: int) -> list[tuple[int, str]] | None:
        """Where each character of `content` is written from offset p (None if it is not);
        sets `_aligned_end` to the offset after the last one."""
        text = self.text
        kept: list[tuple[int, str]] = []
        for char in content:
            if p >= limit:
                return None
            c = text[p]
            if c == "\\" and p + 1 < limit and text[p + 1] == char and char in ESCAPABLE:
                kept.append((p + 1, char))
                p += 2
            elif c == "&" and (m := ENTITY.match(text, p, limit)) and html_lib.unescape(m.group(0)) == char:
                kept.append((p, " " if char == "\xa0" else char))
                p = m.end()
            elif c == char:
                kept.append((p, char))
                p += 1
            else:
                return None
        self._aligned_end = p
        return kept

    def _code(self, markup: str, limit: int) -> None:
        run = re.compile(rf"(?<!`){re.escape(markup)}(?!`)")
        opening = run.search(self.text, self.cursor, limit)
        if opening is None:
            return
        closing = run.search(self.text, opening.end(), limit)
        self.cursor = closing.end() if closing else opening.end()

    def _skip_between(self, opener: str, closer: str, limit: int) -> None:
        found = self.text.find(opener, self.cursor, limit)
        if found >= 0:
            end = self.text.find(closer, found + 1, limit)
            self.cursor = end + 1 if end >= 0 else found + 1

    def _html_inline(self, content: str, limit: int) -> None:
        found = self.text.find(content, self.cursor, limit)
        if found >= 0:
            self.cursor = found + len(content)
            return
        # multi-line tags inside containers lose their "> " prefixes in `content`
        found = self.text.find("<", self.cursor, limit)
        if found >= 0:
            ending = "-->" if content.startswith("<!--") else ">"
            end = self.text.find(ending, found + 1, limit)
            self.cursor = end + len(ending) if end >= 0 else found + 1

    def _matching_bracket(self, p: int, limit: int) -> int:
        """Offset of the "]" closing the "[" at p (escapes and nesting respected), or -1."""
        depth = 0
        text = self.text
        while p < limit:
            c = text[p]
            if c == "\\":
                p += 2
                continue
            if c == "[":
                depth += 1
            elif c == "]":
                depth -= 1
                if depth == 0:
                    return p
            p += 1
        return -1

    def _link_tail(self, p: int, limit: int) -> int:
        """End of "(destination "title")" or "[label]" after a link's "]" (p if neither)."""
        text = self.text
        if p < limit and text[p] == "[":
            end = text.find("]", p, limit)
            return end + 1 if end >= 0 else p
        if p >= limit or text[p] != "(":
            return p
        depth, quote, q = 0, "", p
        while q < limit:
            c = text[q]
            if c == "\\":
                q += 2
                continue
            if quote:
                if c == quote:
                    quote = ""
            elif c in "\"'" and depth == 1 and q > p + 1 and text[q - 1] in " \t\n":
                quote = c
            elif c == "<" and depth == 1 and q == p + 1:
                end = text.find(">", q, limit)
                q = end if end >= 0 else q
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    return q + 1
            q += 1
        return p


def extract(text: str) -> str:
    front = FRONT_MATTER.match(text)
    source = plain.blank(front.group(0)) + text[front.end():] if front else text
    locator = _Locator(text)
    for token in _parser().parse(source):
        if token.type == "inline" and token.map:
            locator.inline(token)
        elif token.type == "html_block" and token.map:
            locator.html_block(*token.map)
    return plain.extract("".join(locator.out))
