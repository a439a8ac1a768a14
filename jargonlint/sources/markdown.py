"""Markdown, masked by patterns: code, front matter, URLs, link targets, HTML, table pipes.

A simple, position-preserving masker good for reports and status updates; headings, list items
and table cells stay prose.
"""
from __future__ import annotations

import re

from . import html, plain

FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+)[ \t]*(?:\n|\Z)", re.S)
FENCE = re.compile(r"^([ \t]{0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?\2[ \t]*$|\Z)", re.S | re.M)
INDENTED_CODE = re.compile(r"(?:(?<=\n\n)|\A)((?:(?: {4}|\t)[^\n]*(?:\n|\Z))+)")
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.S)
LINK_TARGET = re.compile(r"(\]\s?)(\([^)\s]*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])")
REFERENCE_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", re.M)
AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]+>", re.I)
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
MARKERS = re.compile(r"^([ \t]*)(#{1,6}[ \t]|>[ \t]?|[-*+][ \t]|\d{1,3}[.)][ \t])", re.M)
TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M)
EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")


def extract(text: str) -> str:
    out = text
    for pattern in (FRONT_MATTER, FENCE, REFERENCE_DEF, TABLE_RULE, AUTOLINK):
        out = plain.mask(out, pattern)
    out = INDENTED_CODE.sub(lambda m: plain.blank(m.group(0)), out)
    out = IMAGE.sub(lambda m: plain.blank(m.group(0)), out)
    out = INLINE_CODE.sub(lambda m: plain.blank(m.group(0)), out)
    out = LINK_TARGET.sub(lambda m: m.group(1)[0].replace("]", " ") + m.group(1)[1:] + plain.blank(m.group(2)), out)
    out = out.replace("[", " ")
    out = html.mask_tags(out)
    out = MARKERS.sub(lambda m: m.group(1) + plain.blank(m.group(2)), out)
    out = EMPHASIS.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(1)), out)
    out = out.replace("|", " ")
    return plain.extract(out)
