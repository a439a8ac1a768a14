"""File -> Document: read bytes safely, decode, and mask what is not prose.

One module per format; each returns text of the same length as its input with non-prose
replaced by spaces (newlines kept), so positions stay true to the original file.
"""
from __future__ import annotations

import os

from ..errors import InputError
from ..models import Document
from . import email_source, html, markdown, plain

FORMATS = {
    "text": plain.extract,
    "markdown": markdown.extract,
    "html": html.extract,
}
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".html": "html", ".htm": "html",
    ".eml": "email",
}
LINTABLE_EXTENSIONS = tuple(EXTENSIONS)


def format_for(name: str, forced: str | None = None) -> str:
    if forced:
        return forced
    return EXTENSIONS.get(os.path.splitext(name)[1].lower(), "text")


def decode(raw: bytes, name: str) -> str:
    """Bytes -> str: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is an error."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name}: not valid UTF-16 text despite its byte-order mark") from None
    if b"\x00" in raw[:8192]:
        raise InputError(f"{name}: binary file (it contains NUL bytes), not text; skipped")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{name}: not UTF-8 text (byte 0x{raw[exc.start]:02x} on line {line}); "
            "save it as UTF-8 and try again") from None


def prose_for(kind: str, text: str) -> str:
    """The prose mask of `text` in format `kind` (text again after an edit, for example)."""
    if kind == "email":
        return email_source.prose_of(text)
    return FORMATS[kind](text)


def read_bytes(path: str, max_size: int) -> bytes:
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if size > max_size:
        raise InputError(
            f"{path}: file is too large ({size / 1048576:.1f} MB; the limit is {max_size / 1048576:.1f} MB, "
            "set max-file-size to raise it)")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def document_from_bytes(raw: bytes, name: str, forced: str | None = None) -> Document:
    kind = format_for(name, forced)
    if kind == "email":
        return email_source.extract(raw, name)
    text = decode(raw, name)
    return Document(path=name, text=text, prose=FORMATS[kind](text), kind=kind)


def read_document(path: str, max_size: int, forced: str | None = None) -> Document:
    return document_from_bytes(read_bytes(path, max_size), path, forced)
