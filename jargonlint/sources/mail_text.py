"""What the sender of an e-mail wrote: masks quoted replies, signatures, legal disclaimers and
the sign-off block in a body's prose, keeping its length and line breaks.

The patterns are data (data/email_boilerplate.yaml). Order matters:
1. the earliest reply header, signature separator or disclaimer: it and everything below it
   are masked (an earlier message, a signature or legal text: none of it the sender's prose);
2. quoted lines ("> ...") left above it;
3. the first sign-off line ("Kind regards,") followed by at most N words (name, title, phone)
   and no sentence (four or more words ending in ".", "?" or "!" written in the text, not a
   sentence break the HTML extractor put at a tag): the sign-off and that block. A "Thanks,"
   above the message itself is therefore kept.
"""
from __future__ import annotations

import functools
import re

from ..resources import data_yaml
from . import plain

QUOTED = re.compile(r"^[ \t]*>.*$", re.M)
WORD = re.compile(r"\w+")
SENTENCE = re.compile(r"[^.?!\n]+[.?!](?=\s|$)")


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern, ...], re.Pattern, int]:
    data = data_yaml("email_boilerplate.yaml")
    flags = re.I | re.M
    cuts = tuple(re.compile(p, flags) for key in ("reply_headers", "signature_separators", "disclaimers")
                 for p in data[key])
    phrases = "|".join(re.escape(p).replace(r"\ ", r"[ \t]+")
                       for p in sorted(data["sign_offs"], key=len, reverse=True))
    # the phrase alone on its line; in HTML bodies a masked tag (3+ spaces, maybe the "." that
    # marks a block end) may follow it instead of a line break
    sign_off = re.compile(rf"^[ \t.]*(?:{phrases})[ \t]*[,!.]?(?:[ \t]*$|\.?[ \t]{{3,}})", flags)
    return cuts, sign_off, int(data["max_words_after_sign_off"])


def _has_sentence(prose: str, text: str, start: int) -> bool:
    for match in SENTENCE.finditer(prose, start):
        if text[match.end() - 1] in ".?!" and len(WORD.findall(match.group())) >= 4:
            return True
    return False


def mask_boilerplate(prose: str, text: str) -> str:
    """The body's prose (masked from `text`, same length) with everything but the sender's
    own words masked."""
    cuts, sign_off, max_words = _patterns()
    starts = [m.start() for m in (p.search(prose) for p in cuts) if m is not None]
    if starts:
        end = min(starts)
        prose = prose[:end] + plain.blank(prose[end:])
    if ">" in prose:
        prose = plain.mask(prose, QUOTED)
    for match in sign_off.finditer(prose):
        if len(WORD.findall(prose, match.end())) <= max_words and not _has_sentence(prose, text, match.end()):
            return prose[:match.start()] + plain.blank(prose[match.start():])
    return prose
