"""Plain text: prose as it is, except URLs, e-mail addresses, paths and address lines
("From: ...", "Cc: ..."), which are masked."""
from __future__ import annotations

import re

# a URL may hold balanced parentheses ("https://en.wikipedia.org/wiki/Brownout_(software_engineering)")
URL = re.compile(r"\b(?:https?://|ftp://|www\.)(?:\([^\s<>()\"']*\)|[^\s<>()\"'])*"
                 r"(?:\([^\s<>()\"']*\)|[^\s<>()\"'.,;:!?])", re.I)
# the target of a Markdown-style link written in a plain-text message: "[our report](2023-07-pypi.md)"
LINK_TARGET = re.compile(r"(?<=\])\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)")
# bare host names ("pypi.org", "get.jenkins.io"): a dot-separated name ending in a common TLD
HOSTNAME = re.compile(r"(?<![\w@/.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
                      r"(?:com|org|net|io|dev|edu|gov|co|uk|de|eu|info|biz|app|cloud|ai|me|us|ca|au|nz|fr|nl|se|dk)"
                      r"(?:/[^\s<>()\"']*)?(?![\w-])", re.I)
EMAIL_ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PATH = re.compile(r"(?<![\w/])(?:~|\.{1,2})?/(?:[\w.-]+/)+[\w.-]*|\b[A-Za-z]:\\(?:[\w .-]+\\)*[\w.-]*")
# date and time format placeholders ("2022-06-02 HH:mm", "YYYY-MM-DD") are not words
FORMAT_PLACEHOLDER = re.compile(r"\b(?:YYYY|YY|MM|DD|HH|hh|mm|ss)(?:[-/:.](?:YYYY|YY|MM|DD|HH|hh|mm|ss))+\b")
INLINE_DIRECTIVE = re.compile(r"^[ \t]*jargonlint:.*$", re.M)
# a message's address lines pasted into a text ("From: BrightLink NOC <status@...>", "Cc: ..."):
# names of people and mailboxes, not the writer's prose (as in an .eml, where only the subject
# is read); "Subject:" and "Date:" lines stay prose
ADDRESS_HEADER = re.compile(r"^[ \t]*(?:From|To|Cc|CC|Bcc|BCC|Sent|Reply-To)[ \t]*:[^\n]*$", re.M)


def blank(text: str) -> str:
    """Spaces for every character of `text` except line breaks (offsets and lines stay true)."""
    return "".join(c if c in "\r\n" else " " for c in text)


def mask(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: blank(m.group(0)), text)


_TLD = re.compile(r"\.(?:com|org|net|io|dev|edu|gov|co|uk|de|eu|info|biz|app|cloud|ai|me|us|ca|au|nz|fr|nl|se|dk)\b",
                  re.I)

# each pattern with a cheap test that must pass before the (slower) pattern runs
_MASKS = (
    (URL, lambda t: "://" in t or "www." in t.lower()),
    (LINK_TARGET, lambda t: "](" in t),
    (EMAIL_ADDRESS, lambda t: "@" in t),
    (HOSTNAME, lambda t: _TLD.search(t) is not None),
    (PATH, lambda t: "/" in t or ":\\" in t),
    (FORMAT_PLACEHOLDER, lambda t: "HH" in t or "hh:" in t or "YY" in t),
    (INLINE_DIRECTIVE, lambda t: "jargonlint:" in t),
    (ADDRESS_HEADER, lambda t: ":" in t),
)


def extract(text: str) -> str:
    for pattern, worth_trying in _MASKS:
        if worth_trying(text):
            text = mask(text, pattern)
    return text
