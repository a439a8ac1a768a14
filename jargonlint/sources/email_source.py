"""E-mail (.eml): subject plus the body the sender wrote, decoded.

The text jargonlint reports positions in is "Subject: ...", a blank line, then the decoded body
(text/plain preferred, else the HTML part through the HTML masker). Quoted replies ("> ..." and
everything from "On ... wrote:" or an Outlook "From: ... Sent:" header down) and the signature
after "-- " are masked. Because positions refer to decoded text, e-mail is never edited in place.
"""
from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage

from ..errors import InputError
from ..models import Document
from . import html, plain

QUOTED = re.compile(r"^[ \t]*>.*$", re.M)
REPLY_HEADER = re.compile(
    r"^(?:On .{4,200}wrote:[ \t]*$|-{2,}\s*Original Message\s*-{2,}|From:[^\n]*\n(?:[^\n]*\n){0,3}?Sent:)",
    re.M)
SIGNATURE = re.compile(r"^-- ?$", re.M)


def _body(message: EmailMessage) -> tuple[str, str]:
    """(text, kind) of the best body part: plain text first, else HTML."""
    for preference in (("plain",), ("html",)):
        part = message.get_body(preferencelist=preference)
        if part is None:
            continue
        try:
            content = part.get_content()
        except (LookupError, UnicodeError, AssertionError):
            payload = part.get_payload(decode=True) or b""
            content = payload.decode("utf-8", errors="replace")
        if isinstance(content, str):
            return content.replace("\r\n", "\n"), preference[0]
    return "", "plain"


def _mask_replies(body: str) -> str:
    cut = REPLY_HEADER.search(body)
    signature = SIGNATURE.search(body)
    ends = [m.start() for m in (cut, signature) if m is not None]
    if ends:
        end = min(ends)
        body = body[:end] + plain.blank(body[end:])
    return plain.mask(body, QUOTED)


_HTML_BODY = re.compile(r"<(?:html|body|p|div|br|table)\b", re.I)


def prose_of(text: str) -> str:
    """The prose mask of an e-mail's decoded text ("Subject: ..." plus body), rebuilt from that
    text alone: lets a rewritten body be linted again (`explain --rewrite`)."""
    header = ""
    if text.startswith("Subject: "):
        end = text.find("\n\n")
        end = len(text) if end < 0 else end + 2
        header, text = " " * len("Subject: ") + text[len("Subject: "):end], text[end:]
    body = html.extract(text) if _HTML_BODY.search(text) else plain.extract(text)
    return header + _mask_replies(body)


def extract(raw: bytes, name: str) -> Document:
    if not raw.strip():
        return Document(path=name, text="", prose="", kind="email", editable=False)
    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as exc:  # the parser is lenient; this guards truly broken input
        raise InputError(f"{name}: cannot parse e-mail ({exc})") from None
    if not isinstance(message, EmailMessage) or not message.keys():
        raise InputError(f"{name}: not an e-mail message (no headers found); "
                         "lint it as text with --stdin-filename or rename it to .txt")
    subject = str(message.get("subject", "") or "").strip()
    body, body_kind = _body(message)
    header = f"Subject: {subject}\n\n" if subject else ""
    prose_body = html.extract(body) if body_kind == "html" else plain.extract(body)
    prose_body = _mask_replies(prose_body)
    text = header + body
    prose = (" " * len("Subject: ") + subject + "\n\n" if subject else "") + prose_body
    meta = {"from": str(message.get("from", "") or ""), "date": str(message.get("date", "") or ""),
            "subject": subject, "positions": "decoded body"}
    return Document(path=name, text=text, prose=prose, kind="email", editable=False, meta=meta)
