"""Plain text: prose as it is, except URLs, e-mail addresses and paths, which are masked."""
from __future__ import annotations

import re

URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\"']+[^\s<>()\"'.,;:!?]", re.I)
EMAIL_ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PATH = re.compile(r"(?<![\w/])(?:~|\.{1,2})?/(?:[\w.-]+/)+[\w.-]*|\b[A-Za-z]:\\(?:[\w .-]+\\)*[\w.-]*")
INLINE_DIRECTIVE = re.compile(r"^[ \t]*jargonlint:.*$", re.M)


def blank(text: str) -> str:
    """Spaces for every character of `text` except line breaks (offsets and lines stay true)."""
    return "".join(c if c in "\r\n" else " " for c in text)


def mask(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: blank(m.group(0)), text)


def extract(text: str) -> str:
    for pattern in (URL, EMAIL_ADDRESS, PATH, INLINE_DIRECTIVE):
        text = mask(text, pattern)
    return text
