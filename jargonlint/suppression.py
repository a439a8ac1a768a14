"""Suppression directives: which findings a document's own comments silence, which directives
silenced nothing (JL901) and which could not be read (JL902). One grammar, in one place.

    We track MTTR weekly. <!-- jargonlint: ignore JL102 -->      Markdown and HTML
    <!-- jargonlint: disable JL1 --> ... <!-- jargonlint: enable -->
    <!-- jargonlint: file-ignore JL2, JL302 -- reason, ignored -->
    jargonlint: ignore JL101                                     plain text: a line of its own

`ignore` covers the line it is on; a directive alone on its line (nothing else there is prose)
covers the next line that has prose. A finding belongs to the line it starts on. `disable`
runs to the matching `enable` or the end of the file; `enable` with no codes re-enables all.
Codes are rule codes, prefixes (JL1), rule names (jargon-term) or `all`.

The directives are read from the file's text, not its prose (the extractors mask them): HTML
comments in Markdown and HTML, outside code (this module finds Markdown code itself, so it
does not depend on how an extractor works); `jargonlint:` lines in plain text; in other formats
either form, where the extractor masked it from the prose.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .models import Document, Finding
from .positions import LineIndex

ACTIONS = ("ignore", "disable", "enable", "file-ignore")
META_CODES = ("JL901", "JL902")   # about directives themselves; a directive never silences its own
ALL = "ALL"

# which directive forms each document kind reads; other kinds read both (where masked)
SYNTAXES = {"text": ("line",), "markdown": ("comment",), "html": ("comment",)}
DEFAULT_SYNTAXES = ("line", "comment")

# the same lines sources/plain.py masks from the prose (INLINE_DIRECTIVE)
LINE_DIRECTIVE = re.compile(r"^[ \t]*(jargonlint:[^\n]*?)[ \t\r]*$", re.MULTILINE)
COMMENT_BODY = re.compile(r"<!--[ \t\r\n]*jargonlint:(.*?)(-->|\Z)", re.DOTALL)
REASON = re.compile(r"(?:^|\s)--(?:\s|$)")
CODE_SHAPE = re.compile(r"[A-Za-z]+\d*")

# HTML: a comment, or an element whose content is raw text (a "comment" there is not one);
# leftmost first, so whichever starts earlier wins
HTML_TOKENS = re.compile(
    r"(?P<raw><(?P<tag>script|style|textarea|title)\b[^>]*>.*?(?:</(?P=tag)\s*>|\Z))"
    r"|(?P<comment><!--.*?(?:-->|\Z))", re.DOTALL | re.IGNORECASE)
# Markdown, inside a paragraph: a backslash escape, a backtick run (a code span opener) or a comment
MARKDOWN_TOKENS = re.compile(r"\\.|(?P<ticks>`+)|<!--", re.DOTALL)
BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
FENCE_OPEN = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$")
LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
QUOTE_PREFIX = re.compile(r"^[ \t>]*")
FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*\r?(?:\n|\Z)", re.DOTALL)


def matches(code: str, token: str) -> bool:
    return token == ALL or code.startswith(token)


def _covers(broad: str, narrow: str) -> bool:
    """Whether every code `narrow` matches is also matched by `broad`."""
    return broad == ALL or (narrow != ALL and narrow.startswith(broad))


@dataclass(eq=False)
class Directive:
    """One directive as written. `codes` holds the codes it applies (upper case, ALL for all);
    `problems` what JL902 reports; `used` the codes that silenced (enable: re-enabled) something."""

    action: str                 # one of ACTIONS; "" when the directive cannot be applied
    codes: tuple[str, ...]
    start: int                  # span of the whole directive in the file's text
    end: int
    problems: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def describe(self, codes: Iterable[str] | None = None) -> str:
        shown = " ".join("all" if c == ALL else c for c in (self.codes if codes is None else codes))
        return f"{self.action} {shown}".strip()


def read_directive(body: str, start: int, end: int, closed: bool = True) -> Directive:
    """Parse what follows "jargonlint:" (a reason after " -- " is dropped)."""
    from .rules import get_rule, valid_prefix

    body = REASON.split(body.strip(), maxsplit=1)[0].strip()
    words = body.split(None, 1)
    problems: list[str] = []
    if not closed:
        problems.append("the comment is not closed with '-->'")
    if not words:
        return Directive("", (), start, end, problems + [
            "no action: write ignore, disable, enable or file-ignore, then rule codes"])
    action = words[0].lower()
    if action not in ACTIONS:
        return Directive("", (), start, end, problems + [
            f"unknown action {words[0]!r} (use ignore, disable, enable or file-ignore)"])
    codes: list[str] = []
    tokens = [t for t in re.split(r"[\s,]+", words[1] if len(words) > 1 else "") if t]
    for token in tokens:
        rule = get_rule(token)
        if token.lower() == "all":
            codes.append(ALL)
        elif rule is not None:
            codes.append(rule.code)
        elif CODE_SHAPE.fullmatch(token) and valid_prefix(token):
            codes.append(token.upper())
        else:
            problems.append(f"unknown rule code {token!r} (see `jargonlint rules`)")
    if not tokens:
        if action != "enable":
            problems.append(f"'{action}' needs rule codes or 'all'")
        else:
            codes.append(ALL)
    if not closed or not codes:
        action = ""
    return Directive(action, tuple(dict.fromkeys(codes)), start, end, problems)


# --- finding directives in a file ----------------------------------------------------------

def markdown_code_blocks(text: str) -> list[tuple[int, int]]:
    """Offsets of front matter, fenced and indented code blocks: where a Markdown "comment" is
    code, not a comment. A small line scanner after CommonMark; lenient about fences (any
    indentation, inside block quotes), so a doubtful block counts as code."""
    regions: list[tuple[int, int]] = []
    position = 0
    front = FRONT_MATTER.match(text)
    if front:
        regions.append((0, front.end()))
        position = front.end()
    fence: tuple[str, int] | None = None     # (character, length) of the open fence
    block_start = 0
    in_list = False
    previous_blank = True
    indented = False
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        line = text[position:line_end]
        next_position = line_end + 1
        if fence is not None:
            stripped = QUOTE_PREFIX.sub("", line).rstrip()
            if stripped and stripped[0] == fence[0] and set(stripped) == {fence[0]} and len(stripped) >= fence[1]:
                regions.append((block_start, line_end))
                fence = None
            position = next_position
            continue
        if not line.strip():
            previous_blank = True
            position = next_position
            continue
        width = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if width >= 4 and (indented or previous_blank) and not in_list:
            if indented and regions and regions[-1][0] == block_start:
                regions[-1] = (block_start, line_end)
            else:
                block_start = position
                regions.append((position, line_end))
            indented = True
        else:
            indented = False
            opened = FENCE_OPEN.match(line)
            if opened and not (opened.group("fence")[0] == "`" and "`" in opened.group("info")):
                fence = (opened.group("fence")[0], len(opened.group("fence")))
                block_start = position
            elif width < 4:
                if LIST_ITEM.match(line):
                    in_list = True
                elif previous_blank:
                    in_list = False
        previous_blank = False
        position = next_position
    if fence is not None:                    # an unclosed fence runs to the end
        regions.append((block_start, length))
    return regions


def markdown_comments(text: str) -> Iterator[tuple[int, int]]:
    """Spans of HTML comments in Markdown, outside code blocks and code spans."""
    position = 0
    for block_start, block_end in [*markdown_code_blocks(text), (len(text), len(text))]:
        yield from _comments_in_prose(text, position, block_start)
        position = max(position, block_end)


def _comments_in_prose(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    position = start
    while True:
        token = MARKDOWN_TOKENS.search(text, position, end)
        if token is None:
            return
        if token.group("ticks"):
            ticks = token.group("ticks")
            paragraph = BLANK_LINE.search(text, token.end(), end)
            limit = paragraph.start() if paragraph else end
            closing = re.compile(r"(?<!`)" + ticks + r"(?!`)").search(text, token.end(), limit)
            position = closing.end() if closing else token.end()
        elif token.group(0) == "<!--":
            close = text.find("-->", token.end(), end)
            stop = end if close < 0 else close + 3
            yield token.start(), stop
            position = stop
        else:
            position = token.end()


def html_comments(text: str) -> Iterator[tuple[int, int]]:
    """Spans of HTML comments, except inside script, style, textarea and title."""
    for token in HTML_TOKENS.finditer(text):
        if token.group("comment"):
            yield token.span("comment")


def find_directives(document: Document) -> list[Directive]:
    """Every directive in the document, in order of position."""
    text = document.text
    if "jargonlint:" not in text:
        return []
    syntaxes = SYNTAXES.get(document.kind, DEFAULT_SYNTAXES)
    needs_mask = document.kind not in SYNTAXES
    found: list[Directive] = []
    if "comment" in syntaxes:
        if document.kind == "markdown":
            spans: Iterable[tuple[int, int]] = markdown_comments(text)
        else:
            spans = html_comments(text)
        for start, end in spans:
            body = COMMENT_BODY.match(text, start, end)
            if body is None or (needs_mask and document.prose[start:end].strip()):
                continue
            found.append(read_directive(body.group(1), start, end, closed=bool(body.group(2))))
    if "line" in syntaxes:
        for line in LINE_DIRECTIVE.finditer(text):
            start, end = line.span(1)
            if document.prose[start:end].strip():
                continue
            found.append(read_directive(line.group(1)[len("jargonlint:"):], start, end))
    found.sort(key=lambda d: d.start)
    return found


# --- applying them -------------------------------------------------------------------------

class Suppressions:
    """A document's directives, ready to answer "is this finding suppressed, and by what?"."""

    def __init__(self, document: Document, directives: list[Directive]):
        self.directives = directives
        self.unused: list[tuple[Directive, tuple[str, ...]]] = []
        self.invalid = [d for d in directives if d.problems]
        self._lines = LineIndex(document.text)
        self._by_start = {d.start: d for d in directives}
        self._file = [d for d in directives if d.action == "file-ignore"]
        self._by_line: dict[int, list[Directive]] = {}
        for directive in directives:
            if directive.action == "ignore":
                for line in self._target_lines(directive, document.prose):
                    self._by_line.setdefault(line, []).append(directive)
        self._region_starts: list[int] = []
        self._regions: list[tuple[tuple[Directive, str, frozenset[str]], ...]] = []
        self._build_regions()

    def _target_lines(self, directive: Directive, prose: str) -> range:
        first = self._lines.line_of(directive.start)
        last = self._lines.line_of(max(directive.start, directive.end - 1))
        line_start = self._lines.line_span(first, len(prose))[0]
        line_end = self._lines.line_span(last, len(prose))[1]
        if prose[line_start:directive.start].strip() or prose[directive.end:line_end].strip():
            return range(first, last + 1)
        for line in range(last + 1, len(self._lines.starts) + 1):
            start, end = self._lines.line_span(line, len(prose))
            if prose[start:end].strip():
                return range(line, line + 1)
        return range(0)

    def _build_regions(self) -> None:
        """Which disable codes are in force after each disable/enable (with narrower enables
        kept as exceptions: `disable JL1` then `enable JL101` leaves JL102... disabled)."""
        active: list[tuple[Directive, str, frozenset[str]]] = []
        for directive in self.directives:
            if directive.action == "disable":
                active = active + [(directive, code, frozenset()) for code in directive.codes]
            elif directive.action == "enable":
                still: list[tuple[Directive, str, frozenset[str]]] = []
                for owner, code, exceptions in active:
                    closing = [c for c in directive.codes if _covers(c, code)]
                    if closing:
                        directive.used.update(closing)
                        continue
                    narrower = [c for c in directive.codes if _covers(code, c)]
                    if narrower:
                        directive.used.update(narrower)
                        exceptions = exceptions | frozenset(narrower)
                    still.append((owner, code, exceptions))
                active = still
            else:
                continue
            self._region_starts.append(directive.end)
            self._regions.append(tuple(active))

    def suppressor(self, code: str, start: int, exclude: Directive | None = None) -> tuple[Directive, str] | None:
        """The directive (and its code) that silences a finding of `code` starting at `start`:
        the most specific one first (ignore, then disable, then file-ignore)."""
        for directive in self._by_line.get(self._lines.line_of(start), ()):
            if directive is not exclude:
                token = next((c for c in directive.codes if matches(code, c)), None)
                if token is not None:
                    return directive, token
        index = bisect.bisect_right(self._region_starts, start) - 1
        if index >= 0:
            for directive, token, exceptions in self._regions[index]:
                if directive is not exclude and matches(code, token) and not any(
                        matches(code, e) for e in exceptions):
                    return directive, token
        for directive in self._file:
            if directive is not exclude:
                token = next((c for c in directive.codes if matches(code, c)), None)
                if token is not None:
                    return directive, token
        return None

    def apply(self, findings: Iterable[Finding]) -> tuple[list[Finding], int]:
        """The findings no directive silences, and how many were silenced. A JL901/JL902
        finding is never silenced by the directive it reports on."""
        kept: list[Finding] = []
        silenced = 0
        for finding in findings:
            own = self._by_start.get(finding.start) if finding.code in META_CODES else None
            hit = self.suppressor(finding.code, finding.start, own)
            if hit is None:
                kept.append(finding)
            else:
                hit[0].used.add(hit[1])
                silenced += 1
        return kept, silenced

    def settle(self, active: frozenset[str], all_codes: Iterable[str]) -> None:
        """After the rules' findings went through `apply`: work out `unused`, the directives
        (and codes) that silenced nothing. A code is judged only when every rule it names ran
        (with --select JL2, `ignore JL101` says nothing either way). JL901/JL902 findings can
        be silenced by other directives, which counts as a use; hence the loop, which ends
        because uses only ever grow."""
        all_codes = tuple(all_codes)

        def judged(token: str) -> bool:
            named = [c for c in all_codes if matches(c, token)]
            rules = [c for c in named if c not in META_CODES] or named
            return bool(rules) and all(c in active for c in rules)

        if "JL902" in active:
            for directive in self.invalid:
                self._credit(self.suppressor("JL902", directive.start, directive))
        while True:
            self.unused = []
            for directive in self.directives:
                if not directive.action:
                    continue
                codes = tuple(c for c in directive.codes if c not in directive.used
                              and (directive.action == "enable" or judged(c)))
                if codes:
                    self.unused.append((directive, codes))
            if "JL901" not in active:
                return
            if not any(self._credit(self.suppressor("JL901", d.start, d)) for d, _ in self.unused):
                return

    @staticmethod
    def _credit(hit: tuple[Directive, str] | None) -> bool:
        if hit is None or hit[1] in hit[0].used:
            return False
        hit[0].used.add(hit[1])
        return True


def parse(document: Document) -> Suppressions | None:
    """The document's suppressions, or None when it has no directive (the common, fast case)."""
    directives = find_directives(document)
    return Suppressions(document, directives) if directives else None
