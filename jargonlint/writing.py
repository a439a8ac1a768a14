"""Write fixed text back to a file atomically, in the file's own encoding.

A pre-commit hook rewrites files people are working on, so a write must never leave a file
half-written: the new bytes go to a temporary file in the same folder (same file system, so
the rename is atomic), which then replaces the original with os.replace. The encoding is the
one the file was read in (UTF-8, UTF-8 with BOM, UTF-16 with BOM) and the permission bits are
copied over, so nothing but the edited text changes.
"""
from __future__ import annotations

import codecs
import os
import stat
import tempfile
from dataclasses import dataclass

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF8, "utf-8"),
)


@dataclass(frozen=True)
class Encoding:
    """How a file's text is stored: a codec and the byte-order mark in front, if any."""

    codec: str = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


def detect_encoding(raw: bytes) -> Encoding:
    """The encoding sources.decode() read `raw` with (it accepts nothing else)."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return Encoding(codec, bom)
    return Encoding()


def round_trips(raw: bytes, text: str, encoding: Encoding) -> bool:
    """Whether writing `text` back unchanged gives exactly `raw`: only then can an edit
    promise that no byte outside it changes."""
    try:
        return encoding.encode(text) == raw
    except UnicodeEncodeError:
        return False


def write_atomic(path: str, data: bytes) -> None:
    """Replace the file at `path` with `data`, all or nothing, keeping its permission bits.
    A symbolic link is followed: the file it points to is replaced, the link stays."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError as exc:
        raise InputError(f"{path}: cannot read its permissions ({exc.strerror or exc})") from None
    try:
        handle, temporary = tempfile.mkstemp(prefix=".jargonlint-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{path}: cannot write in its folder ({exc.strerror or exc})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise InputError(f"{path}: could not write the fixed file, left it unchanged "
                             f"({exc.strerror or exc})") from None
        raise
