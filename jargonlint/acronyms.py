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
    si, li = len(short_l) - 1, len(long_l) - 1
    while si >= 0:
        c = short_l[si]
        if not c.isalnum():
            si -= 1
            continue
        while li >= 0 and (long_l[li] != c or (si == 0 and li > 0 and long_l[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return False
        si -= 1
        li -= 1
    return True


_PARENS = re.compile(r"\(([^()\n]{1,120})\)")
_WORDS = re.compile(r"[\w][\w'&-]*")


def definitions(text: str, expansions: dict[str, str | tuple[str, ...]] | None = None) -> dict[str, int]:
    """Acronym -> character offset where `text` first defines it ("long form (SF)" or
    "SF (long form)"); `expansions`: the accepted long forms of known acronyms."""
    found: dict[str, int] = {}
    expansions = expansions or {}
    for group in _PARENS.finditer(text):
        inside = group.group(1).strip()
        if inside.endswith(("'s", "\u2019s")):
            inside = inside[:-2]   # "internet service provider's (ISP's)"
        head = inside.split(None, 1)[0].rstrip(",;:") if inside else ""
        if not SHORT_FORM.match(inside) and head != inside and SHORT_FORM.match(head):
            inside = head   # "Managed Services Agreement (MSA ref. MSA-0418)": the short form, then a note
        if SHORT_FORM.match(inside):
            short = core(inside)
            limit = min(len(short) + 5, 2 * len(short))
            before = _WORDS.findall(text[max(0, group.start() - 250):group.start()])[-limit:]
            long_form = " ".join(before)
            if long_form and (long_form_matches(short, long_form) or _expansion_in(expansions.get(short), long_form)):
                found.setdefault(short, group.start(1) + group.group(1).index(inside))
            continue
        previous = re.search(r"([A-Z0-9][A-Za-z0-9&/-]{1,9})\s*$", text[max(0, group.start() - 12):group.start()])
        if previous and SHORT_FORM.match(previous.group(1)):
            short = core(previous.group(1))
            if long_form_matches(short, inside) or _expansion_in(expansions.get(short), inside):
                window_start = max(0, group.start() - 12)
                found.setdefault(short, window_start + previous.start(1))
    for dash in _DASHED.finditer(text):
        # "MFA - multi-factor authentication is not enforced": a known long form right after
        short = core(dash.group(1))
        expansion = expansions.get(short)
        forms = expansion if isinstance(expansion, tuple) else (expansion,)
        after = text[dash.end():dash.end() + 120].lower()
        if any(form and after.startswith(form.lower()) for form in forms):
            found.setdefault(short, dash.start(1))
    return found


# an acronym, a dash or colon, and what follows: "MFA - multi-factor authentication ..."
_DASHED = re.compile(r"(?<![\w-])([A-Z][A-Za-z0-9&/]{1,9})[ \t]+[-\u2013\u2014:][ \t]+")


def _expansion_in(expansion: str | tuple[str, ...] | None, text: str) -> bool:
    """Whether the text holds the expansion (or one of several accepted long forms), in the
    singular or the plural."""
    if not expansion:
        return False
    if isinstance(expansion, tuple):
        return any(_expansion_in(form, text) for form in expansion if form)
    # word by word, a plural "s" aside: "1 gigabit per second (Gbps)" spells out "gigabits ..."
    squash = lambda s: re.sub(r"(?<=[a-z]{3})s\b", "", re.sub(r"[^a-z0-9]+", " ", s.lower())).strip()  # noqa: E731
    return squash(expansion) in squash(text)


_QUANTITY = re.compile(r"^\d+(?:[.,]\d+)?(?:[KMGTP]i?B|[KMG]Hz|[KMG]bps|MS|AM|PM|TB)$", re.I)


def looks_like_acronym(text: str) -> bool:
    """All-caps short word with 2+ capitals, not a Roman numeral, not an everyday abbreviation,
    not a quantity with its unit ("32GB", "100MB")."""
    if not SHORT_FORM.match(text) or _QUANTITY.match(text):
        return False
    short = core(text)
    if short in word_list("everyday_acronyms.txt") or _ROMAN.match(short):
        return False
    letters = [c for c in short if c.isalpha()]
    # all capitals: mixed case ("PyPI", "NuGet") is how brand and product names are written
    return len(letters) >= 2 and all(c.isupper() for c in letters)


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
