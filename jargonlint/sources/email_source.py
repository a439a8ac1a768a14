"""E-mail (.eml): the subject plus the body its sender wrote, decoded.

Parsed with the standard library's `email` package and the modern policy. The text that
positions refer to is "Subject: ...", a blank line, then the decoded body: the text/plain part
when there is one, else the HTML part (its prose read by the HTML extractor). Transfer
encodings and charsets are decoded; an unknown or wrong charset is read as UTF-8, else
Windows-1252, with a notice. Malformed MIME gives a best-effort body and a notice, never an
error, unless the file has no e-mail headers at all.

Attachments are never decoded: only the chosen body part's content is read.
Quoted replies, signatures, sign-offs and disclaimers are masked by mail_text.
Because positions refer to the decoded body, e-mail is never edited in place (editable=False).
"""
from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage

from ..errors import InputError
from ..models import Document
from . import html, mail_text, plain

SUBJECT_PREFIX = "Subject: "
POSITIONS = "decoded: line 1 is the subject, the body starts on line 3"


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name, "")
        return " ".join(str(value or "").split())
    except Exception:  # a header the parser cannot fold: keep it raw, undecoded
        raw = message.get_all(name, failobj=[""]) if hasattr(message, "get_all") else [""]
        return " ".join(str(raw[0]).split())


def _decode_part(part: EmailMessage) -> tuple[str, str]:
    """(content, notice): the part's text, decoded; best effort for unknown charsets."""
    try:
        content = part.get_content()
        if isinstance(content, str):
            return content, ""
    except (LookupError, UnicodeError, ValueError, AssertionError, KeyError):
        pass
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "unknown"
    try:
        return payload.decode("utf-8"), f"unknown or wrong charset {charset!r}: the body was read as UTF-8"
    except UnicodeDecodeError:
        return (payload.decode("cp1252", errors="replace"),
                f"unknown or wrong charset {charset!r}: the body was read as Windows-1252")


def body_of(message: EmailMessage) -> tuple[str, str, str]:
    """(body, kind "plain" or "html", notice) of the best body part."""
    for preference in ("plain", "html"):
        try:
            part = message.get_body(preferencelist=(preference,))
        except Exception:  # broken structure deep inside: try the next preference
            part = None
        if part is not None:
            content, notice = _decode_part(part)
            return content, preference, notice
    # a multipart without (the right) boundary: its payload is the raw text of the parts
    payload = message.get_payload()
    if isinstance(payload, str) and payload.strip():
        return payload, "plain", "malformed MIME (multipart without its boundary): the whole body was read as text"
    return "", "plain", "no text or HTML body found"


def compose(name: str, subject: str, body: str, body_kind: str, meta: dict, notice: str = "") -> Document:
    """The Document of a mail: "Subject: ..." plus the body, boilerplate masked."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    subject = " ".join(subject.split())
    prose_body = html.extract(body) if body_kind == "html" else plain.extract(body)
    prose_body = mail_text.mask_boilerplate(prose_body, body)
    header = f"{SUBJECT_PREFIX}{subject}\n\n" if subject else ""
    prose_header = " " * len(SUBJECT_PREFIX) + plain.extract(subject) + "\n\n" if subject else ""
    meta = {**meta, "subject": subject, "body": "html" if body_kind == "html" else "plain", "positions": POSITIONS}
    return Document(path=name, text=header + body, prose=prose_header + prose_body, kind="email",
                    editable=False, meta=meta, notice=notice)


def from_message(message: EmailMessage, name: str) -> Document:
    body, body_kind, notice = body_of(message)
    meta = {"from": _header(message, "from"), "date": _header(message, "date")}
    return compose(name, _header(message, "subject"), body, body_kind, meta, notice)


_HTML_BODY = re.compile(r"<(?:html|body|p|div|br|table)\b", re.I)


def prose_of(text: str) -> str:
    """The prose mask of an e-mail's decoded text ("Subject: ..." plus body), rebuilt from that
    text alone: lets a rewritten body be linted again (`explain --rewrite`)."""
    header = ""
    if text.startswith(SUBJECT_PREFIX):
        end = text.find("\n\n")
        end = len(text) if end < 0 else end + 2
        header = " " * len(SUBJECT_PREFIX) + plain.extract(text[len(SUBJECT_PREFIX):end])
        text = text[end:]
    body = html.extract(text) if _HTML_BODY.search(text) else plain.extract(text)
    return header + mail_text.mask_boilerplate(body, text)


def parse(raw: bytes, name: str) -> EmailMessage:
    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as exc:  # the parser is lenient; this guards truly broken input
        raise InputError(f"{name}: cannot parse e-mail ({exc})") from None
    if not isinstance(message, EmailMessage) or not message.keys():
        raise InputError(f"{name}: not an e-mail message (no headers found); "
                         "lint it as text with --format-in text or rename it to .txt")
    return message


def extract(raw: bytes, name: str) -> Document:
    if not raw.strip():
        return Document(path=name, text="", prose="", kind="email", editable=False)
    return from_message(parse(raw, name), name)
