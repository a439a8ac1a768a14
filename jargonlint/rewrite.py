"""Render a plain-language replacement so it fits the sentence it goes into.

Inflection comes from the lexicon match (matching.py looked it up in the cached tables); here
we follow the original's capitalisation and fix the article in front ("an SLA" -> "a ...").
"""
from __future__ import annotations

import re

_CONSONANT_SOUND_EXCEPTIONS = re.compile(r"^(?:uni|use|usu|uti|eu|one|once|ubiq|ure)", re.I)


def starts_with_vowel_sound(word: str) -> bool:
    """Whether "an" goes before `word` (rough but covers acronyms read letter by letter)."""
    if not word:
        return False
    if word.isupper() and len(word) > 1 and not word.isalpha():
        word = word.rstrip("s")
    if word[:2].isupper():  # an acronym said letter by letter: "an SLA", "a VPN", "an MFA"
        return word[0].upper() in "AEFHILMNORSX"
    if _CONSONANT_SOUND_EXCEPTIONS.match(word):
        return False
    return bool(re.match(r"^(?:[aeiou]|hour|honest|honou?r|heir)", word, re.I))


def match_case(original: str, replacement: str) -> str:
    """Give `replacement` the capitalisation pattern of `original` ("Utilize" -> "Use")."""
    if not replacement:
        return replacement
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[:1].isupper() and not replacement[:1].isupper():
        replacement = replacement[0].upper() + replacement[1:]
    parts = original.split("-")
    if " " not in original and len(parts) > 1 and all(p[:1].isupper() for p in parts if len(p) > 1):
        # "On-Premises" -> "On-Site": each part of a hyphenated word keeps its capital
        head, _, rest = replacement.partition(" ")
        head = "-".join(p[:1].upper() + p[1:] if len(p) > 1 else p for p in head.split("-"))
        replacement = f"{head} {rest}" if rest else head
    return replacement


def article_edit(text: str, start: int, old: str, new: str) -> tuple[int, str] | None:
    """If "a"/"an" right before `start` no longer fits `new`, return (article start, fixed article)."""
    before = text[max(0, start - 4):start]
    found = re.search(r"(?<![A-Za-z])(an?|An?|AN?)(\s+)$", before)
    if not found:
        return None
    article = found.group(1)
    wants_an = starts_with_vowel_sound(new)
    has_an = article.lower() == "an"
    if wants_an == has_an:
        return None
    fixed = "an" if wants_an else "a"
    if article[0].isupper():
        fixed = fixed.capitalize() if not article.isupper() or len(article) == 1 else fixed.upper()
    return start - len(found.group(0)), fixed + found.group(2)


_LETTERS = re.compile(r"[^\W\d_]{2,}")


def in_capitals(text: str, start: int, end: int) -> bool:
    """Whether the line around text[start:end] is set in capitals (a heading, "URGENT: ..."),
    so that a replacement has to be in capitals too."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    line = line[:start - line_start] + line[end - line_start:]   # the words around the term
    words = _LETTERS.findall(line)
    return len(words) >= 2 and all(w.isupper() for w in words)


_HEADING_OPENING = re.compile(r"#{1,6}(?:[ \t]+\d+(?:\.\d+)*\.?)?")


def _opens_line_or_sentence(head: str) -> bool:
    """Whether what comes before a word ends a sentence, a line, a table cell or a list
    bullet, or is a title's label ("Subject:"): the word then takes a capital ("| LB detects"
    -> "| Traffic splitter detects", "Subject: P1 incident" -> "Subject: Top-priority ...").
    Emphasis marks and an opening quote or bracket before the word do not count ("- **MFA
    gaps:**" -> "- **Multi-factor ...")."""
    head = head.rstrip("*_\"'(\u201c\u2018 \t")
    if head.endswith("\n"):
        return not _wrapped_sentence(head[:-1].rsplit("\n", 1)[-1].strip())
    if not head or head[-1] in ".!?|":
        return True
    line = head[head.rfind("\n") + 1:].strip()
    if line in ("-", "*", "+", "\u2022") or (line[:-1].isdigit() and line[-1:] in ".)"):
        return True
    if _HEADING_OPENING.fullmatch(line):
        return True   # "### 3.1 P1 - Outage" -> "### 3.1 Priority 1 - Outage"
    from .fit import _words

    labels = line.lower().replace(" ", "").split(":")   # "Subject: Re:" -> ["subject", "re", ""]
    return len(labels) > 1 and not labels[-1] and all(label in _words()["title_labels"] for label in labels[:-1])


def _wrapped_sentence(line: str) -> bool:
    """Whether a line runs on into the next: a hard-wrapped line of a paragraph ("Your" at the
    end of "... to every endpoint. Your"), which ends in a small letter or a comma and is long,
    or ends in a word such as "the" or "your". A short line without a stop is a heading."""
    from .fit import _function_words

    if not line or not (line[-1].islower() or line[-1] in ",;"):
        return False
    words = line.split()
    return len(words) >= 5 or words[-1].lower().strip(",;") in _function_words()


def replacement_for(text: str, start: int, end: int, plain: str, fixed_case: bool = False) -> tuple[int, int, str]:
    """The edit (start, end, new text) that swaps text[start:end] for `plain`, article included."""
    original = text[start:end]
    if in_capitals(text, start, end):
        new = plain.upper()
    elif fixed_case:
        # acronyms and product names keep their capitals anywhere, so their capitals say
        # nothing about position: capitalise only at the start of a sentence
        head = text[:start].rstrip(" \t")
        new = plain[0].upper() + plain[1:] if _opens_line_or_sentence(head) else plain
    else:
        new = match_case(original, plain)
    new = keep_line_break(original, new)
    article = article_edit(text, start, original, new)
    if article is not None:
        article_start, fixed = article
        return article_start, end, fixed + new
    return start, end, new


_LINE_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")


def keep_line_break(original: str, new: str) -> str:
    """A term wrapped over two lines ("informing them\\n  of") keeps its line break after as
    many words of the new wording ("telling them\\n  about"), or at its last space when it is
    shorter; a one-word wording joins the lines."""
    wrap = _LINE_BREAK.search(original)
    words = new.split(" ")
    if wrap is None or len(words) < 2:
        return new
    at = min(max(len(original[:wrap.start()].split()), 1), len(words) - 1)
    return " ".join(words[:at]) + wrap.group(0) + " ".join(words[at:])


def apply_fixes(text: str, findings, include_unsafe: bool = False) -> tuple[str, int]:
    """Apply the findings' fixes to `text`, last to first, skipping overlapping edits.

    Returns the new text and how many edits were applied. Display-only suggestions are never
    applied; unsafe fixes only with `include_unsafe`.
    """
    allowed = {"safe", "unsafe"} if include_unsafe else {"safe"}
    edits = sorted({(f.fix.start, f.fix.end, f.fix.replacement) for f in findings
                    if f.fix is not None and f.fix.safety.value in allowed}, reverse=True)
    applied = 0
    limit = len(text) + 1
    for start, end, replacement in edits:
        if end > limit:
            continue  # overlaps an edit already applied further on
        text = text[:start] + replacement + text[end:]
        limit = start
        applied += 1
    return text, applied


# a sentence ends at end punctuation, a blank line, a line that starts a heading, list item,
# table row or capitalised line, and at a table cell border
_SENTENCE_END = re.compile(
    r"[.!?]['\")\u2019\u201d]*\s+|\n[ \t]*\n|\n(?=[ \t]*(?:(?:[-*+\u2022]|\d{1,3}[.)]|#{1,6})[ \t]|[|A-Z\[]))"
    r"|[ \t]\|[ \t]")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence (or heading, or list item) around text[start:end], without
    surrounding white space: the context shown with a suggested edit."""
    head = 0
    for found in _SENTENCE_END.finditer(text, max(0, start - 600), start):
        if found.end() <= start:
            head = found.end()
    tail = _SENTENCE_END.search(text, max(end, head))
    stop = tail.start() + len(tail.group(0).rstrip()) if tail else len(text)
    while head < start and text[head].isspace():
        head += 1
    while stop > end and text[stop - 1].isspace():
        stop -= 1
    return head, max(stop, end)


def suggested_sentence(text: str, start: int, end: int, replacement: str,
                       bounds: tuple[int, int] | None = None) -> str:
    """The sentence around an edit with the edit made: what a reader of the report checks."""
    s0, s1 = bounds if bounds is not None else sentence_around(text, start, end)
    s0, s1 = min(s0, start), max(s1, end)
    return (text[s0:start] + replacement + text[end:s1]).strip()
