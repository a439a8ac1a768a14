"""HTML, masked by patterns: tags, comments, script/style/pre/code contents; entities decoded in
place (the character, then spaces to keep the length)."""
from __future__ import annotations

import html as html_lib
import re

from . import plain

COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
RAW_BLOCK = re.compile(r"<(script|style|pre|code|textarea|head)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I)
TAG = re.compile(r"</?[A-Za-z][^<>]*>|<![^<>]*>|<\?[^<>]*\?>")
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def mask_tags(text: str) -> str:
    for pattern in (COMMENT, TAG):
        text = plain.mask(text, pattern)
    return text


def _entity(match: re.Match) -> str:
    decoded = html_lib.unescape(match.group(0))
    if len(decoded) != 1 or decoded in "\r\n":
        return plain.blank(match.group(0))
    if decoded == "\xa0":
        decoded = " "
    return decoded + " " * (len(match.group(0)) - 1)


def extract(text: str) -> str:
    out = plain.mask(text, COMMENT)
    out = plain.mask(out, RAW_BLOCK)
    out = plain.mask(out, TAG)
    out = ENTITY.sub(_entity, out)
    return plain.extract(out)
