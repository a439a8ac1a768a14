"""Acronyms in running text: where each is defined, and which all-caps words look like one.

Definitions follow Schwartz & Hearst (2003): "long form (SF)" or "SF (long form)", where the
short form's letters appear in order in the long form and its first letter starts a word.
"""
from __future__ import annotations

import re

from .resources import word_list

SHORT_FORM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9][A-Za-z0-9&/-]{1,9}$")
_ROMAN = re.compile(r"^(?=[MDCLXVI]+$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def core(short: str) -> str:
    """The acronym without a plural or possessive ending: "VMs" -> "VM", "SLA's" -> "SLA"."""
    if short.endswith("'s"):
        short = short[:-2]
    if len(short) > 2 and short.endswith("s") and short[:-1].isupper():
        short = short[:-1]
    return short


def long_form_matches(short: str, long: str) -> bool:
    """Schwartz & Hearst: every letter/digit of `short`, right to left, found in order in `long`,
    the first one at the start of a word."""
    short_l, long_l = core(short).lower(), long.lower()
    s, l = len(short_l) - 1, len(long_l) - 1
    while s >= 0:
        c = short_l[s]
        if not c.isalnum():
            s -= 1
            continue
        while l >= 0 and (long_l[l] != c or (s == 0 and l > 0 and long_l[l - 1].isalnum())):
            l -= 1
        if l < 0:
            return False
        s -= 1
        l -= 1
    return True


def definitions(doc, expansions: dict[str, str] | None = None) -> dict[str, int]:
    """Acronym -> character offset where the text first defines it."""
    found: dict[str, int] = {}
    expansions = expansions or {}
    tokens = [t for t in doc if not t.is_space]
    for i, token in enumerate(tokens):
        if token.text != "(" or i + 2 >= len(tokens):
            continue
        close = next((j for j in range(i + 1, min(i + 14, len(tokens))) if tokens[j].text == ")"), None)
        if close is None:
            continue
        inside = tokens[i + 1:close]
        if len(inside) == 1 and SHORT_FORM.match(inside[0].text):
            short = core(inside[0].text)
            window = tokens[max(0, i - min(len(short) + 5, 2 * len(short))):i]
            before = doc.text[window[0].idx:token.idx] if window else ""
            if before and (long_form_matches(short, before) or _expansion_in(expansions.get(short), before)):
                found.setdefault(short, inside[0].idx)
        elif i > 0 and SHORT_FORM.match(tokens[i - 1].text) and inside:
            short = core(tokens[i - 1].text)
            words = doc.text[inside[0].idx:tokens[close].idx]
            if long_form_matches(short, words) or _expansion_in(expansions.get(short), words):
                found.setdefault(short, tokens[i - 1].idx)
    return found


def _expansion_in(expansion: str | None, text: str) -> bool:
    if not expansion:
        return False
    squash = lambda s: re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()  # noqa: E731
    return squash(expansion) in squash(text)


def looks_like_acronym(text: str) -> bool:
    """All-caps short word with 2+ capitals, not a Roman numeral, not an everyday abbreviation."""
    if not SHORT_FORM.match(text):
        return False
    short = core(text)
    if short in word_list("everyday_acronyms.txt") or _ROMAN.match(short):
        return False
    letters = [c for c in short if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


def defined_in_place(text: str, start: int, end: int, expansion: str) -> bool:
    """Whether the acronym at text[start:end] is written with its expansion right beside it:
    "expansion (ACR)" or "ACR (expansion)". Catches forms the short-form pattern cannot,
    such as "Mbps" or "ISO 27001"."""
    if not expansion:
        return False
    after = text[end:end + len(expansion) + 40]
    inside = re.match(r"\s*\(([^)]{2,120})\)", after)
    if inside and _expansion_in(expansion, inside.group(1)):
        return True
    before = text[max(0, start - len(expansion) - 40):start]
    wrapped = re.search(r"([^()]{2,160})\(\s*$", before)
    if wrapped and text[end:end + 1] == ")":
        return _expansion_in(expansion, wrapped.group(1))
    return False
