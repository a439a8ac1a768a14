"""Outlook (.msg): subject and body through extract-msg, an optional extra.

`pip install 'jargonlint[outlook]'` installs extract-msg (a maintained reader of the OLE
.msg format); without it a .msg file is an input problem with that advice.
The body text is preferred, else the HTML body; both then go through the same composition as
an .eml (subject line, boilerplate masked, positions in the decoded body, not editable).
"""
from __future__ import annotations

from ..errors import InputError
from ..models import Document
from . import email_source

MISSING_EXTRA = "reading .msg needs the outlook extra: pip install 'jargonlint[outlook]'"


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value.decode("cp1252", errors="replace")
    return str(value)


def from_message(message, name: str) -> Document:
    """Map an extract-msg message object (subject, sender, date, body, htmlBody) to a Document."""
    body = _text(getattr(message, "body", None))
    kind = "plain"
    if not body.strip():
        body, kind = _text(getattr(message, "htmlBody", None)), "html"
    notice = "" if body.strip() else "no text or HTML body found"
    meta = {"from": " ".join(_text(getattr(message, "sender", None)).split()),
            "date": _text(getattr(message, "date", None))}
    return email_source.compose(name, _text(getattr(message, "subject", None)), body, kind, meta, notice)


def extract(raw: bytes, name: str) -> Document:
    try:
        import extract_msg
    except ImportError:
        raise InputError(f"{name}: {MISSING_EXTRA}") from None
    if not raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(f"{name}: not an Outlook .msg file (no OLE compound-file signature)")
    try:
        # bytes work as well as a path (olefile reads them in memory); attachments stay unread
        message = extract_msg.openMsg(raw, delayAttachments=True)
    except Exception as exc:  # the library raises its own and olefile's errors on damaged files
        raise InputError(f"{name}: cannot read the Outlook message ({type(exc).__name__}: {exc})") from None
    try:
        return from_message(message, name)
    except Exception as exc:
        raise InputError(f"{name}: cannot read the Outlook message ({type(exc).__name__}: {exc})") from None
    finally:
        close = getattr(message, "close", None)
        if close is not None:
            close()
