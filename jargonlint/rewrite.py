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
        return replacement[0].upper() + replacement[1:]
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


def replacement_for(text: str, start: int, end: int, plain: str, fixed_case: bool = False) -> tuple[int, int, str]:
    """The edit (start, end, new text) that swaps text[start:end] for `plain`, article included."""
    original = text[start:end]
    if fixed_case:
        # acronyms and product names keep their capitals anywhere, so their capitals say
        # nothing about position: capitalise only at the start of a sentence
        head = text[:start].rstrip()
        new = plain[0].upper() + plain[1:] if (not head or head[-1] in ".!?\n:") else plain
    else:
        new = match_case(original, plain)
    article = article_edit(text, start, original, new)
    if article is not None:
        article_start, fixed = article
        return article_start, end, fixed + new
    return start, end, new


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
