"""Atomic writing: an interrupted write leaves the original file intact and no temporary file."""
from __future__ import annotations

import codecs
import os

import pytest

from jargonlint import writing
from jargonlint.errors import InputError


def test_interrupted_replace_keeps_the_original(tmp_path, monkeypatch):
    target = tmp_path / "update.txt"
    target.write_bytes(b"We utilized a spare laptop.\n")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(InputError, match="left it unchanged"):
        writing.write_atomic(str(target), b"We used a spare laptop.\n")
    assert target.read_bytes() == b"We utilized a spare laptop.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["update.txt"]


def test_write_failing_half_way_keeps_the_original(tmp_path, monkeypatch):
    target = tmp_path / "update.txt"
    target.write_bytes(b"original\n")
    real_fsync = os.fsync

    def failing_fsync(fd):
        real_fsync(fd)
        raise KeyboardInterrupt  # the user pressed Ctrl-C after the bytes were written

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(KeyboardInterrupt):
        writing.write_atomic(str(target), b"new text\n")
    assert target.read_bytes() == b"original\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["update.txt"]


def test_permissions_and_symlink_are_kept(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_bytes(b"old\n")
    os.chmod(target, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    writing.write_atomic(str(link), b"new\n")
    assert link.is_symlink() and target.read_bytes() == b"new\n"
    assert (os.stat(target).st_mode & 0o777) == 0o640


@pytest.mark.parametrize("raw", [
    "Caf\u00e9 \u2013 ready\n".encode("utf-8"),
    codecs.BOM_UTF8 + "Caf\u00e9\r\n".encode("utf-8"),
    codecs.BOM_UTF16_LE + "Caf\u00e9\r\n".encode("utf-16-le"),
    codecs.BOM_UTF16_BE + "Caf\u00e9\n".encode("utf-16-be"),
])
def test_encodings_round_trip(raw):
    from jargonlint.sources import decode

    text = decode(raw, "x.txt")
    encoding = writing.detect_encoding(raw)
    assert writing.round_trips(raw, text, encoding)
    assert encoding.encode(text) == raw
