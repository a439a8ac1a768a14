"""`jargonlint fix`: exit codes, --diff, --stdout and '-', unsafe fixes, selection, and that a
fixed file keeps its encoding, BOM, line endings and permissions (blank pipeline)."""
from __future__ import annotations

import codecs
import json
import os
import shutil

import pytest
from conftest import ROOT

WORDY = "We utilized a spare laptop.\nIn order to help, we will leverage the spare printer.\n"
SAFE_FIXED = "We used a spare laptop.\nTo help, we will leverage the spare printer.\n"
ALL_FIXED = "We used a spare laptop.\nTo help, we will use the spare printer.\n"
PLAIN = "Your internet was down for 20 minutes this morning. We fixed it, and it works now.\n"


def _write(path, text, **kwargs):
    path.write_text(text, encoding="utf-8", newline="", **kwargs)
    return str(path)


def test_safe_fixes_in_place_exit_1_then_0(cli, tmp_path):
    path = _write(tmp_path / "a.txt", WORDY)
    code, out, err = cli("fix", "--model", "none", path)
    assert code == 1, err
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == SAFE_FIXED
    assert "fixed" in err and "2 edits" in err
    code, _, err = cli("fix", "--model", "none", path)
    assert code == 0, err
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == SAFE_FIXED


def test_unsafe_fixes_on_request(cli, tmp_path):
    path = _write(tmp_path / "a.txt", WORDY)
    assert cli("fix", "--model", "none", "--unsafe-fixes", path)[0] == 1
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == ALL_FIXED


def test_nothing_to_fix_exits_0(cli, tmp_path):
    path = _write(tmp_path / "plain.txt", PLAIN)
    assert cli("fix", "--model", "none", path)[0] == 0
    assert (tmp_path / "plain.txt").read_text(encoding="utf-8") == PLAIN


def test_diff_writes_nothing(cli, tmp_path):
    path = _write(tmp_path / "a.txt", WORDY)
    code, out, _ = cli("fix", "--model", "none", "--diff", path)
    assert code == 1
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == WORDY
    assert out.startswith(f"--- {path}\n+++ {path}\n@@ ")
    assert "\n-We utilized a spare laptop.\n" in out and "\n+We used a spare laptop.\n" in out


def test_stdout_and_stdin(cli, tmp_path):
    path = _write(tmp_path / "a.txt", WORDY)
    code, out, err = cli("fix", "--model", "none", "--stdout", path)
    assert code == 1 and out == SAFE_FIXED
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == WORDY
    code, out, err = cli("fix", "--model", "none", "-", input=WORDY)
    assert code == 1 and out == SAFE_FIXED
    code, out, _ = cli("fix", "--model", "none", "-", input=PLAIN)
    assert code == 0 and out == PLAIN


def test_select_and_ignore_limit_the_fixes(cli, tmp_path):
    path = _write(tmp_path / "a.txt", "Please enable MFA. We utilized a spare laptop.\n")
    assert cli("fix", "--model", "none", "--select", "JL104", path)[0] == 1
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Please enable MFA. We used a spare laptop.\n"
    assert cli("fix", "--model", "none", "--ignore", "JL102", path)[0] == 0


def test_crlf_bom_and_permissions_are_kept(cli, tmp_path):
    target = tmp_path / "crlf.txt"
    target.write_bytes(codecs.BOM_UTF8 + WORDY.replace("\n", "\r\n").encode("utf-8"))
    os.chmod(target, 0o640)
    assert cli("fix", "--model", "none", str(target))[0] == 1
    assert target.read_bytes() == codecs.BOM_UTF8 + SAFE_FIXED.replace("\n", "\r\n").encode("utf-8")
    assert (os.stat(target).st_mode & 0o777) == 0o640


def test_utf16_file_stays_utf16(cli, tmp_path):
    target = tmp_path / "wide.txt"
    target.write_bytes(codecs.BOM_UTF16_LE + WORDY.encode("utf-16-le"))
    assert cli("fix", "--model", "none", str(target))[0] == 1
    assert target.read_bytes() == codecs.BOM_UTF16_LE + SAFE_FIXED.encode("utf-16-le")


def test_bytes_outside_the_edits_do_not_change(cli, tmp_path):
    text = "Caf\u00e9 notes \u2013 we utilized\ttabs,  two spaces and a trailing space \n\nEnd"
    target = tmp_path / "odd.txt"
    target.write_bytes(text.encode("utf-8"))
    assert cli("fix", "--model", "none", str(target))[0] == 1
    assert target.read_bytes() == text.replace("utilized", "used").encode("utf-8")


def test_markdown_code_is_left_alone(cli, tmp_path):
    text = "# Notes\n\nWe utilized the `utilize` flag:\n\n```\nutilize MFA\n```\n"
    path = _write(tmp_path / "notes.md", text)
    assert cli("fix", "--model", "none", path)[0] == 1
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == text.replace("We utilized", "We used")


def test_eml_is_display_only(cli, tmp_path):
    source = ROOT / "examples" / "client-email.eml"
    target = tmp_path / "mail.eml"
    shutil.copy(source, target)
    before = target.read_bytes()
    code, _, err = cli("fix", "--model", "none", "--unsafe-fixes", str(target))
    assert code == 0
    assert "display-only" in err and "mail.eml" in err
    assert target.read_bytes() == before


def test_errors_exit_2_and_other_files_are_still_fixed(cli, tmp_path):
    good = _write(tmp_path / "a.txt", WORDY)
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 utilized\n")
    code, _, err = cli("fix", "--model", "none", good, str(tmp_path / "bad.txt"), str(tmp_path / "missing.txt"))
    assert code == 2
    assert "bad.txt: not UTF-8" in err and "missing.txt: no such file" in err
    assert "Traceback" not in err
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == SAFE_FIXED
    assert (tmp_path / "bad.txt").read_bytes() == b"caf\xe9 utilized\n"


def test_failed_write_is_an_error_and_the_file_is_intact(cli, tmp_path, monkeypatch):
    path = _write(tmp_path / "a.txt", WORDY)

    def broken_replace(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", broken_replace)
    code, _, err = cli("fix", "--model", "none", path)
    assert code == 2 and "left it unchanged" in err
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == WORDY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_check_output_shows_the_rewritten_sentence(cli, tmp_path):
    path = _write(tmp_path / "a.txt", "We utilized a spare laptop. It works.\n")
    code, out, err = cli("check", "--model", "none", path)
    assert "help: replace with 'used' (safe fix): \"We used a spare laptop.\"" in out
    _, out, _ = cli("check", "--model", "none", "--format", "json", path)
    data = json.loads(out)
    assert data["version"] == 1 and data["schema_revision"] == 3
    finding = next(f for f in data["files"][0]["findings"] if f["code"] == "JL104")
    assert finding["replacement"] == "used"
    assert finding["suggested_sentence"] == "We used a spare laptop."
    plain = [f for f in data["files"][0]["findings"] if f["fix"] is None]
    assert all(f["replacement"] is None and f["suggested_sentence"] == "" for f in plain)


def test_explain_rewrite_shows_the_whole_text_rewritten(cli, tmp_path):
    path = _write(tmp_path / "a.txt", WORDY)
    code, out, _ = cli("explain", "--model", "none", "--rewrite", path)
    assert code == 0
    assert "Rewritten (3 edits" in out and ALL_FIXED.strip() in out
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == WORDY


@pytest.mark.parametrize("args", [["--diff"], ["--stdout"]])
def test_display_only_eml_with_other_modes(cli, tmp_path, args):
    target = tmp_path / "mail.eml"
    shutil.copy(ROOT / "examples" / "client-email.eml", target)
    code, out, err = cli("fix", "--model", "none", *args, str(target))
    assert code == 0 and "display-only" in err and out == ""


def _many(folder, count=6):
    folder.mkdir()
    texts = {f"f{n}.txt": WORDY.replace("spare", f"spare no. {n}") for n in range(count)}
    for name, text in texts.items():
        _write(folder / name, text)
    return texts


def test_many_files_are_fixed_in_workers_as_in_one_process(cli, tmp_path):
    """Files after the first are fixed in forked workers (-j 2): the same diffs, in the same
    order, and the same files written, as with one process."""
    diffs = {}
    for jobs in ("1", "2"):
        texts = _many(tmp_path / f"j{jobs}")
        code, out, err = cli("fix", "--model", "none", "--diff", "-j", jobs, str(tmp_path / f"j{jobs}"))
        assert code == 1, err
        diffs[jobs] = out.replace(f"j{jobs}", "J")
        assert out.count("\n+We used a spare no. ") == len(texts)
        code, _, err = cli("fix", "--model", "none", "-j", jobs, str(tmp_path / f"j{jobs}"))
        assert code == 1 and err.count("jargonlint: fixed ") == len(texts)
        for name in texts:
            fixed = SAFE_FIXED.replace("spare", f"spare no. {name[1]}")
            assert (tmp_path / f"j{jobs}" / name).read_text(encoding="utf-8") == fixed
    assert diffs["1"] == diffs["2"]


def test_an_error_in_a_worker_names_its_file_and_the_others_are_fixed(cli, tmp_path, monkeypatch):
    from jargonlint import fixer
    from jargonlint.errors import InputError

    real = fixer.fix_bytes

    def failing(raw, name, *args, **kwargs):
        if name.endswith("f3.txt"):
            raise InputError(f"{name}: cannot be fixed (test)")
        return real(raw, name, *args, **kwargs)

    monkeypatch.setattr(fixer, "fix_bytes", failing)   # forked workers inherit the patch
    texts = _many(tmp_path / "many")
    code, _, err = cli("fix", "--model", "none", "-j", "2", str(tmp_path / "many"))
    assert code == 2
    assert "f3.txt: cannot be fixed (test)" in err and "Traceback" not in err
    assert (tmp_path / "many" / "f3.txt").read_text(encoding="utf-8") == texts["f3.txt"]
    assert err.count("jargonlint: fixed ") == len(texts) - 1
