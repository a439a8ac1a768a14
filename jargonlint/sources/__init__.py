"""File -> Documents: read bytes safely, choose the format, extract the prose.

One module per format; each returns text whose prose mask is the same length as the text,
non-prose replaced by spaces (newlines kept), so positions stay true to the file (for e-mail,
.docx and .msg: to the decoded or extracted text, which is why those are not editable).

The format comes from --format-in (forced), else the file extension, else the content
(`sniff`). Text formats (text, markdown, html) are decoded here; the others read bytes.
Heavy readers (markdown-it, python-docx, extract-msg) are imported only when used.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator

from ..errors import InputError
from ..models import Document, InputProblem
from . import html, markdown, plain

TEXT_FORMATS = ("text", "markdown", "html")
BINARY_FORMATS = ("email", "mbox", "docx", "msg")
FORMAT_NAMES = TEXT_FORMATS + BINARY_FORMATS
# formats whose files carry attachments or images: limited by max-document-size, not max-file-size
CONTAINER_FORMATS = BINARY_FORMATS
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".html": "html", ".htm": "html",
    ".eml": "email",
    ".mbox": "mbox",
    ".docx": "docx",
    ".msg": "msg",
}
LINTABLE_EXTENSIONS = tuple(EXTENSIONS)

EMAIL_HEADER = re.compile(rb"^(?:From|To|Subject|Date|Received|Return-Path|Message-ID|MIME-Version|"
                          rb"Delivered-To|Reply-To|Cc|X-[\w-]+):[ \t]", re.I)
# the mbox separator: "From sender Tue Oct 14 10:00:00 2025" (asctime after the sender)
MBOX_FROM_LINE = re.compile(rb"From \S+\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) "
                            rb"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ")
HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!doctype\s+html|<html\b|<!--|<(?:head|body|p|div)\b)", re.I)


# text format -> prose masker; markdown-it itself is imported on the first Markdown file
FORMATS: dict[str, Callable[[str], str]] = {
    "text": plain.extract,
    "markdown": markdown.extract,
    "html": html.extract,
}


def format_for(name: str, forced: str | None = None, raw: bytes | None = None) -> str:
    """The format to read: forced, else by extension, else by content (when bytes are given)."""
    if forced:
        if forced not in FORMAT_NAMES:
            raise InputError(f"{name}: unknown input format {forced!r} (use {', '.join(FORMAT_NAMES)})")
        return forced
    by_extension = EXTENSIONS.get(os.path.splitext(name)[1].lower())
    if by_extension:
        return by_extension
    return sniff(raw) if raw is not None else "text"


def sniff(raw: bytes) -> str:
    """The format of a file with no known extension, from its first bytes:
    a zip holding word/document.xml is docx; the OLE signature is msg; "From " then a header
    line (and the date) is mbox; two or more RFC 5322 header lines at the very top are e-mail; a doctype,
    <html>, <head>, <body>, <p>, <div> or a comment first is HTML; anything else is text."""
    head = raw[:4096]
    if head.startswith(b"PK\x03\x04") and b"word/" in raw[:65536]:
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "msg"
    lines = head.replace(b"\r\n", b"\n").split(b"\n", 8)
    if MBOX_FROM_LINE.match(lines[0]) and len(lines) > 1 and EMAIL_HEADER.match(lines[1]):
        return "mbox"
    headers = 0
    for line in lines[:8]:
        if EMAIL_HEADER.match(line):
            headers += 1
        elif not line[:1].isspace():  # folded header lines continue the previous one
            break
    if headers >= 2:
        return "email"
    if HTML_START.match(head):
        return "html"
    return "text"


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
        from . import email_source
        return email_source.prose_of(text)
    return FORMATS.get(kind, plain.extract)(text)


def _too_large(name: str, size: int, limit: int, key: str) -> InputError:
    return InputError(f"{name}: file is too large ({size / 1048576:.1f} MB; the limit is "
                      f"{limit / 1048576:.1f} MB, set {key} to raise it)")


def size_limit(kind: str, max_file_size: int, max_document_size: int) -> tuple[int, str]:
    if kind in CONTAINER_FORMATS:
        return max_document_size, "max-document-size"
    return max_file_size, "max-file-size"


def read_bytes(path: str, max_size: int, key: str = "max-file-size") -> bytes:
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if size > max_size:
        raise _too_large(path, size, max_size, key)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def documents_from_bytes(raw: bytes, name: str, forced: str | None = None, *,
                         max_file_size: int | None = None) -> Iterator[Document | InputProblem]:
    """Every Document in the bytes (an mbox has one per message), and per-message problems.
    `max_file_size` re-checks text sniffed from a file that was read under the larger limit."""
    kind = format_for(name, forced, raw)
    if max_file_size is not None and kind not in CONTAINER_FORMATS and len(raw) > max_file_size:
        raise _too_large(name, len(raw), max_file_size, "max-file-size")
    if kind == "mbox":
        from . import mbox
        yield from mbox.extract(raw, name)
        return
    yield document_from_bytes(raw, name, kind)


def document_from_bytes(raw: bytes, name: str, forced: str | None = None) -> Document:
    """One Document (for an mbox: the first message; use documents_from_bytes for all)."""
    kind = format_for(name, forced, raw)
    if kind == "email":
        from . import email_source
        return email_source.extract(raw, name)
    if kind == "docx":
        from . import word
        return word.extract(raw, name)
    if kind == "msg":
        from . import outlook
        return outlook.extract(raw, name)
    if kind == "mbox":
        for item in documents_from_bytes(raw, name, kind):
            if isinstance(item, InputProblem):
                raise InputError(item.message)
            return item
    text = decode(raw, name)
    return Document(path=name, text=text, prose=FORMATS[kind](text), kind=kind)


def read_documents(path: str, max_file_size: int, max_document_size: int,
                   forced: str | None = None) -> Iterator[Document | InputProblem]:
    """The Documents of one file. Known container formats are read under max-document-size;
    a file with an unknown extension too, then held to max-file-size unless it sniffs as one."""
    known = forced or EXTENSIONS.get(os.path.splitext(path)[1].lower())
    if known:
        limit, key = size_limit(known, max_file_size, max_document_size)
        raw = read_bytes(path, limit, key)
        yield from documents_from_bytes(raw, path, known)
        return
    raw = read_bytes(path, max(max_file_size, max_document_size), "max-document-size")
    yield from documents_from_bytes(raw, path, None, max_file_size=max_file_size)
