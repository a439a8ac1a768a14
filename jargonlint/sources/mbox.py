"""mbox mailboxes: one Document per message, each read as an .eml.

Messages are split at "From " lines that start the file or follow a blank line (the mbox
separator; a body line "From ..." is escaped as ">From ..." by mail programs, and with the
blank-line rule an unescaped one inside a paragraph does not split a message). ">From "
escapes are undone. The standard library's `mailbox` module needs a file on disk; splitting
the bytes ourselves also serves standard input.

Each message is reported as "PATH#N" (N counts from 1 in file order), so "inbox.mbox#3" is
the third message. A message that cannot be read becomes an input problem naming that label;
the other messages are still linted.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import InputError
from ..models import Document, InputProblem
from . import email_source

SEPARATOR = re.compile(rb"(?:\A|(?<=\n\n)|(?<=\n\r\n))From [^\n]*\n")
ESCAPED_FROM = re.compile(rb"^>(>*From )", re.M)


def label(name: str, number: int) -> str:
    return f"{name}#{number}"


def split(raw: bytes, name: str) -> list[bytes]:
    """The raw messages of a mailbox, "From " lines removed and ">From " unescaped."""
    starts = [m for m in SEPARATOR.finditer(raw)]
    if not starts or raw[:starts[0].start()].strip():
        raise InputError(f"{name}: not an mbox mailbox (it does not start with a 'From ' line)")
    messages = []
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(raw)
        messages.append(ESCAPED_FROM.sub(rb"\1", raw[match.end():end]))
    return messages


def extract(raw: bytes, name: str) -> Iterator[Document | InputProblem]:
    if not raw.strip():
        yield Document(path=name, text="", prose="", kind="email", editable=False,
                       notice="empty mailbox: no messages")
        return
    for number, message in enumerate(split(raw, name), start=1):
        where = label(name, number)
        try:
            document = email_source.extract(message, where)
        except InputError as exc:
            reason = str(exc).removeprefix(f"{where}: ").split(";")[0]
            yield InputProblem(where, f"{where}: message {number} of the mailbox skipped: {reason}")
            continue
        yield Document(path=document.path, text=document.text, prose=document.prose, kind="email",
                       editable=False, meta={**document.meta, "mailbox": name, "message": number},
                       notice=document.notice)
