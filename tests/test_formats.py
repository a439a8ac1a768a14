"""Input formats: exact masking per extractor, format choice (extension, content, --format-in,
stdin), the same prose in every format giving the same findings, and bad input (malformed
MIME, unknown charsets, broken .docx, zip bombs, a 20 MB mail, broken HTML, mailboxes)."""
from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
import time
import zipfile
from collections import Counter
from types import SimpleNamespace

import pytest
from conftest import ROOT

from jargonlint import lint_paths, lint_text
from jargonlint.errors import InputError
from jargonlint.sources import (
    document_from_bytes,
    html,
    markdown,
    sniff,
)


def _same_shape(text: str, prose: str) -> None:
    assert len(prose) == len(text)
    assert [i for i, c in enumerate(prose) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


# -- Markdown ------------------------------------------------------------------------------------

def test_markdown_masks_markup_at_exact_positions():
    text = ("---\ntitle: SLA\n---\n"
            "# Our *NOC* report\n"
            "\n"
            "> Run `kubectl drain` or see [the status page](https://status.example.com/x \"Status\").\n"
            "> Q&amp;A \\*not emphasis\\*\n"
            "\n"
            "| Term | Meaning |\n"
            "|------|---------|\n"
            "| RCA | a `root` cause <b>report</b> |\n"
            "\n"
            "- item with <https://example.com> and ![diagram](img.png) done\n"
            "\n"
            "[status]: https://status.example.com\n"
            "\n"
            "    indented code\n"
            "\n"
            "```\nfenced latency\n```\n"
            "<!-- hidden SLA -->\n")
    expected = [
        "   ", "          ", "   ",
        "  Our  NOC  report",
        "",
        "  Run                 or see  the status page                                        .",
        "  Q&    A  *not emphasis *",
        "",
        "  Term   Meaning  ",
        "                  ",
        "  RCA   a        cause    report      ",
        "",
        "  item with                       and                     done",
        "",
        "                                    ",
        "",
        "                 ",
        "",
        "   ", "              ", "   ",
        "                   ",
        "",
    ]
    prose = markdown.extract(text)
    _same_shape(text, prose)
    assert prose.split("\n") == expected


def test_markdown_nested_links_code_spans_and_lazy_lines():
    text = "See [a `b` **c**](<x y> 'ti)tle') and ``a`b`` then [ref][r].\n> lazy\nline [x](y)\n\n[r]: /u\n"
    prose = markdown.extract(text)
    _same_shape(text, prose)
    assert prose.split("\n")[0] == "See  a       c                    and         then  ref    ."
    assert prose.split("\n")[1:5] == ["  lazy", "line  x    ", "", "       "]


# -- HTML ----------------------------------------------------------------------------------------

def test_html_masks_markup_and_decodes_entities_in_place():
    text = ('<h1>Status</h1><p title="NOC view">Q&amp;A: our <code>kubectl</code> fix &#8212; done&nbsp;now'
            '<script>latency()</script></p><ul><li>Foo</li><li>Bar</li></ul><pre>SLA\nRCA</pre>')
    prose = html.extract(text)
    _same_shape(text, prose)
    assert prose == ("    Status.                        Q&    A: our                      fix \u2014       "
                     "done      now                          .           Foo.        Bar.                 \n         ")


def test_html_broken_nesting_gives_a_best_effort_result():
    text = "<div><p>We <b>leverage <i>the NOC</div></b> today</p></i><li>Foo<li>Bar <code>unclosed</p> <p>Next</p"
    prose = html.extract(text)
    _same_shape(text, prose)
    for word in ("leverage", "the NOC", "today", "Foo", "Bar", "Next"):
        assert word in prose
    assert "unclosed" not in prose
    result = lint_text(text, format="html", model="none")
    assert {"leverage", "NOC"} <= {f.match for f in result.findings}


# -- e-mail --------------------------------------------------------------------------------------

def _eml(body: str, extra_headers: str = "") -> bytes:
    return (f"From: Sam <sam@example.test>\nDate: Tue, 14 Oct 2025 16:05:00 +0100\nSubject: Update\n"
            f"{extra_headers}Content-Type: text/plain; charset=utf-8\n\n{body}").encode()


def test_email_sign_off_block_and_disclaimer_masked_but_early_thanks_kept():
    body = ("Thanks,\n" + "We moved your mailbox to the new server tonight and checked every folder. " * 4 +
            "\n\nBest regards,\nSam Patel\nService Delivery Manager\n+44 20 7946 0000\n\n"
            "CONFIDENTIALITY NOTICE: this message may contain privileged information about the SLA.\n")
    document = document_from_bytes(_eml(body), "m.eml")
    assert document.prose.count("Thanks,") == 1
    assert "Best regards" not in document.prose and "Service Delivery" not in document.prose
    assert "SLA" not in document.prose and "checked every folder" in document.prose


def test_email_sign_off_line_above_a_short_message_keeps_the_message():
    document = document_from_bytes(_eml("Thanks,\nthe printer works again since this morning.\nSam\n"), "t.eml")
    assert "the printer works again" in document.prose and "Sam" in document.prose
    signed = document_from_bytes(_eml("The printer works again.\n\nCheers!\nSam Patel\nTel. 020 7946 0000\n"), "s.eml")
    assert "The printer works again." in signed.prose and "Cheers" not in signed.prose and "Tel" not in signed.prose


def test_email_meta_in_json(cli, tmp_path):
    path = tmp_path / "m.eml"
    path.write_bytes(_eml("We will leverage the VPN.\n"))
    _, out, _ = cli("check", "--model", "none", "--format", "json", str(path))
    meta = json.loads(out)["files"][0]["meta"]
    assert meta["from"] == "Sam <sam@example.test>" and meta["subject"] == "Update"
    assert meta["date"].startswith("Tue, 14 Oct 2025") and meta["positions"].startswith("decoded")


def test_malformed_mime_is_read_best_effort_and_other_files_still_linted(tmp_path):
    broken = tmp_path / "broken.eml"
    broken.write_bytes(b"Subject: x\nContent-Type: multipart/mixed\n\nWe will leverage the NOC.\n")
    bad_boundary = tmp_path / "boundary.eml"
    bad_boundary.write_bytes(b'Subject: y\nContent-Type: multipart/mixed; boundary="zz"\n\n--yy\n'
                             b"Content-Type: text/plain\n\nOur RCA is late.\n--yy--\n")
    bad_base64 = tmp_path / "b64.eml"
    bad_base64.write_bytes(b"Subject: z\nContent-Transfer-Encoding: base64\n\nV2Ugd2lsbCBsZXZlcmFnZSBpdC4=!!%%\n")
    good = tmp_path / "good.txt"
    good.write_text("We will leverage synergies.\n", encoding="utf-8")
    run = lint_paths([str(broken), str(bad_boundary), str(bad_base64), str(good)], model="none", jobs=1)
    assert not run.problems
    by_name = {r.path.rsplit("/", 1)[-1]: r for r in run.results}
    assert "malformed MIME" in by_name["broken.eml"].notice
    assert "leverage" in {f.match for f in by_name["broken.eml"].findings}
    assert "RCA" in {f.match for f in by_name["boundary.eml"].findings}
    assert "leverage" in {f.match for f in by_name["b64.eml"].findings}
    assert by_name["good.txt"].findings


def test_unknown_charset_is_read_best_effort_with_a_notice(cli, tmp_path):
    path = tmp_path / "u.eml"
    path.write_bytes(b'Subject: hi\nContent-Type: text/plain; charset="x-klingon"\n\nCaf\xe9: we will leverage it.\n')
    code, out, err = cli("check", "--model", "none", str(path))
    assert code == 1 and "Traceback" not in err
    assert "note: unknown or wrong charset 'x-klingon': the body was read as Windows-1252" in out
    assert "'leverage' is a buzzword" in out


def test_twenty_megabyte_mail_with_attachments_is_linted_without_decoding_them(tmp_path, monkeypatch):
    from email.message import EmailMessage

    attachment = base64.encodebytes(b"\x00\x01binary" * (1024 * 1024)).decode("ascii")  # ~11 MB encoded
    parts = [(b"From: a@example.test\nSubject: Monthly report\nMIME-Version: 1.0\n"
              b'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\n'
              b"We will leverage the attached RCA.\n")]
    for name in ("report.pdf", "logs.zip"):
        parts.append('--b\nContent-Type: application/octet-stream\n'
                     f'Content-Disposition: attachment; filename="{name}"\n'
                     f"Content-Transfer-Encoding: base64\n\n{attachment}".encode("ascii"))
    parts.append(b"--b--\n")
    path = tmp_path / "big.eml"
    path.write_bytes(b"".join(parts))
    assert path.stat().st_size > 20 * 1024 * 1024
    decoded = []
    original = EmailMessage.get_content
    monkeypatch.setattr(EmailMessage, "get_content",
                        lambda self, *a, **k: decoded.append(self.get_content_type()) or original(self, *a, **k))
    started = time.perf_counter()
    run = lint_paths([str(path)], model="none", jobs=1)
    assert not run.problems
    assert {"leverage", "RCA"} <= {f.match for f in run.results[0].findings}
    assert decoded == ["text/plain"]
    assert time.perf_counter() - started < 30


def test_mail_larger_than_max_document_size_is_refused_clearly(tmp_path):
    path = tmp_path / "big.eml"
    path.write_bytes(_eml("x" * 3000))
    run = lint_paths([str(path)], model="none", max_document_size="2KB")
    assert run.problems and "too large" in run.problems[0].message and "max-document-size" in run.problems[0].message


# -- mbox ----------------------------------------------------------------------------------------

def test_empty_mbox_is_reported_not_an_error(tmp_path):
    path = tmp_path / "empty.mbox"
    path.write_bytes(b"")
    run = lint_paths([str(path)], model="none")
    assert not run.problems and run.results[0].notice == "empty mailbox: no messages"


def test_mbox_with_one_broken_message_lints_the_others(cli, tmp_path):
    path = tmp_path / "inbox.mbox"
    path.write_bytes(b"From a@b Tue Oct 14 10:00:00 2025\nFrom: a@b\nSubject: one\n\nWe will leverage it.\n"
                     b">From now on it works.\n\n"
                     b"From x Tue Oct 14 10:00:00 2025\n\x00\x01 no headers at all\n\n"
                     b"From c@d Tue Oct 14 11:00:00 2025\nFrom: c@d\nSubject: three\n\nThe RCA is done.\n")
    code, out, err = cli("check", "--model", "none", "--format", "json", str(path))
    data = json.loads(out)
    assert code == 2 and "Traceback" not in err
    assert [f["path"].rsplit("/", 1)[-1] for f in data["files"]] == ["inbox.mbox#1", "inbox.mbox#3"]
    assert data["files"][0]["meta"]["message"] == 1
    assert "From now on it works." in document_from_bytes(path.read_bytes(), "i.mbox").text
    assert err.count("\n") == 1 and "inbox.mbox#2: message 2 of the mailbox skipped" in err


def test_per_file_ignores_apply_to_mbox_messages(tmp_path):
    (tmp_path / ".jargonlint.toml").write_text('[per-file-ignores]\n"*.mbox" = ["JL103"]\n', encoding="utf-8")
    path = tmp_path / "inbox.mbox"
    path.write_bytes(b"From a@b Tue Oct 14 10:00:00 2025\nFrom: a@b\nSubject: one\n\nWe will leverage the RCA.\n")
    (result,) = lint_paths([str(path)], model="none").results
    assert [f.match for f in result.findings] == ["RCA"]


def test_file_that_is_not_an_mbox(tmp_path):
    path = tmp_path / "x.mbox"
    path.write_bytes(b"hello\n")
    run = lint_paths([str(path)], model="none")
    assert "not an mbox" in run.problems[0].message


# -- Word ----------------------------------------------------------------------------------------

def _docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_not_a_zip_and_broken_zip(tmp_path):
    for name, raw in (("a.docx", b"Just text, renamed."), ("b.docx", b"PK\x03\x04broken"),
                      ("c.docx", _zip({"readme.txt": b"hi"}))):
        (tmp_path / name).write_bytes(raw)
    (tmp_path / "ok.txt").write_text("We will leverage it.\n", encoding="utf-8")
    run = lint_paths([str(tmp_path / n) for n in ("a.docx", "b.docx", "c.docx", "ok.txt")], model="none")
    assert [p.message.split(": ", 1)[1] for p in run.problems] == [
        "not a Word .docx file (it is not a zip archive)",
        "not a Word .docx file (broken zip archive: File is not a zip file)",
        "not a Word .docx file (the zip archive has no word/document.xml)"]
    assert [r.path for r in run.results] == [str(tmp_path / "ok.txt")]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_docx_zip_bomb_is_refused_before_unpacking(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        with archive.open("word/media/bomb.bin", "w", force_zip64=True) as member:
            chunk = bytes(4 * 1024 * 1024)
            for _ in range(70):           # 280 MB of zeros: a few hundred KB compressed
                member.write(chunk)
    raw = buffer.getvalue()
    assert len(raw) < 2 * 1024 * 1024
    with pytest.raises(InputError, match=r"refused: the \.docx would unpack to 280 MB \(the limit is 250 MB"):
        document_from_bytes(raw, "bomb.docx")


def test_docx_reads_from_memory_and_leaves_no_temp_files(tmp_path, monkeypatch):
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    document = document_from_bytes(_docx_bytes(["We will leverage it.", "", "Second one."]), "r.docx")
    assert document.text == "We will leverage it.\n\nSecond one."
    assert document.line_labels == ("paragraph 1", "paragraph 1", "paragraph 3")
    assert not document.editable and list(scratch.iterdir()) == []


def test_docx_from_stdin_and_locations_in_every_formatter(cli):
    raw = _docx_bytes(["Plain words here.", "We will leverage the NOC."])
    code, out, _ = cli("check", "--model", "none", "--stdin-filename", "report.docx", "-", input=raw)
    assert code == 1
    assert "report.docx:3:9: JL103 'leverage' is a buzzword: say 'use' [paragraph 2]" in out
    data = json.loads(cli("check", "--model", "none", "--format", "json", "--format-in", "docx", "-", input=raw)[1])
    assert {f["location"] for f in data["files"][0]["findings"]} == {"paragraph 2"}
    sarif = json.loads(cli("check", "--model", "none", "--format", "sarif", "--format-in", "docx", "-", input=raw)[1])
    assert sarif["runs"][0]["results"][0]["locations"][0]["message"] == {"text": "paragraph 2"}
    github = cli("check", "--model", "none", "--format", "github", "--format-in", "docx", "-", input=raw)[1]
    assert "[paragraph 2]" in github.splitlines()[0]


# -- Outlook .msg --------------------------------------------------------------------------------

def test_msg_without_the_extra_names_the_fix(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "extract_msg", None)     # import fails as if not installed
    path = tmp_path / "note.msg"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    run = lint_paths([str(path)], model="none")
    assert run.problems[0].message == (f"{path}: reading .msg needs the outlook extra: "
                                       "pip install 'jargonlint[outlook]'")


def test_msg_mapping_from_the_library_message(monkeypatch, tmp_path):
    from jargonlint.sources import outlook

    closed = []
    message = SimpleNamespace(subject="Planned work", sender="Sam <sam@example.test>",
                              date="Tue, 14 Oct 2025 16:05:00 +0100", body="",
                              htmlBody=b"<p>We will <b>leverage</b> the NOC.</p><p>Kind regards,<br>Sam</p>",
                              close=lambda: closed.append(True))
    monkeypatch.setitem(sys.modules, "extract_msg", SimpleNamespace(openMsg=lambda raw, **options: message))
    path = tmp_path / "note.msg"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    run = lint_paths([str(path)], model="none")
    (result,) = run.results
    assert result.kind == "email" and result.meta["from"] == "Sam <sam@example.test>"
    assert result.meta["body"] == "html" and closed == [True]
    assert {"leverage", "NOC"} <= {f.match for f in result.findings}
    message = SimpleNamespace(subject="S", body="Plain body wins.", htmlBody=b"<p>HTML</p>")
    plain = outlook.from_message(message, "n.msg")
    assert plain.text == "Subject: S\n\nPlain body wins." and not plain.editable


def test_msg_that_is_not_ole(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "extract_msg", SimpleNamespace(openMsg=lambda raw, **options: None))
    path = tmp_path / "fake.msg"
    path.write_bytes(b"not an outlook file")
    assert "not an Outlook .msg file" in lint_paths([str(path)], model="none").problems[0].message


# -- format choice -------------------------------------------------------------------------------

def test_sniffing_unknown_extensions():
    assert sniff(_eml("hi")) == "email"
    assert sniff(b"From a@b Tue Oct 14 10:00:00 2025\nFrom: a@b\n\nhi") == "mbox"
    assert sniff(b"<!DOCTYPE html><p>hi</p>") == "html"
    assert sniff(_docx_bytes(["hi"])) == "docx"
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest") == "msg"
    assert sniff(b"From the start of the year we will leverage it.\nSubject: none\n") == "text"
    assert sniff(b"Plain words.") == "text"


def test_format_in_forces_a_format(cli, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Run `kubectl drain` then <b>leverage</b> it.\n", encoding="utf-8")
    as_text = json.loads(cli("check", "--model", "none", "--format", "json", str(path))[1])
    as_md = json.loads(cli("check", "--model", "none", "--format", "json", "--format-in", "markdown", str(path))[1])
    assert as_text["files"][0]["kind"] == "text" and as_md["files"][0]["kind"] == "markdown"
    assert any("kubectl" in f["match"] for f in as_text["files"][0]["findings"])
    assert not any("kubectl" in f["match"] for f in as_md["files"][0]["findings"])
    code, _, err = cli("check", "--format-in", "pdf", str(path))
    assert code == 2 and "pdf" in err
    run = lint_paths([str(path)], model="none", format="html")
    assert run.results[0].kind == "html"


def test_stdin_is_sniffed_and_email_from_lint_text(cli):
    data = json.loads(cli("check", "--model", "none", "--format", "json", "-", input=_eml("We will leverage it.\n"))[1])
    assert data["files"][0]["kind"] == "email" and data["files"][0]["meta"]["subject"] == "Update"
    result = lint_text(_eml("We will leverage it.\n").decode(), format="email", model="none")
    assert result.kind == "email" and [f.match for f in result.findings] == ["leverage"]


def test_plain_text_path_imports_no_format_library():
    code = ("import sys; from jargonlint import lint_paths; "
            "run = lint_paths([sys.argv[1]], model='none', jobs=1); assert run.results; "
            "print(sorted(m for m in ('markdown_it', 'docx', 'extract_msg', 'mailbox', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(ROOT / "examples" / "incident-update.txt")],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- the same prose in every format --------------------------------------------------------------

# The 2i2c incident report of tests/fixtures/golden/incident-2i2c.txt (BSD-3-Clause, 2i2c-org)
TITLE = "Incident report July 11 2025 - CloudBank health check fail plus GroupExporter pod restarts"
BLOCKS = [
    ("h", "Summary"),
    ("p", ("After a PR from the community, the 2i2c team saw an alert for Cloudbank showing a failed "
           "health check and groups-exporter pods restarting.")),
    ("h", "Resolution"),
    ("p", ("Rolling back the PR did not resolve the issue, nor did restarts; disabling Jupyterhub "
           "configurator did.")),
    ("h", "What went well"),
    ("li", "Most of the hubs weren't in active use across 50ish community colleges."),
    ("li", "Collaboration with community technical contact & bumpy but ultimately prompt resolution of the issue."),
    ("h", "What Didn't Go So Well?"),
    ("p", ("We had one engineer working, both to triage and resolve the issue that started in her late "
           "afternoon. Other engineers were out or at a conference in PDT time zone - they were able to "
           "offer remote guidance, but the staffing gap delayed our progress.")),
]
HIDDEN = "kubectl rollout restart deployment/hub on the NOC cluster per the SLA"


def _as_text() -> str:
    return "\n\n".join([TITLE] + [("- " if kind == "li" else "") + text for kind, text in BLOCKS]) + "\n"


def _as_markdown() -> str:
    parts = [f"# {TITLE}"]
    for kind, text in BLOCKS:
        text = text.replace("the PR", "[the PR](https://github.com/2i2c-org/infrastructure/pull/1 \"NOC SLA\")", 1)
        parts.append({"h": "## ", "li": "- ", "p": ""}[kind] + text)
    parts.insert(3, f"```console\n{HIDDEN}\n```")
    parts.insert(5, f"<!-- {HIDDEN} -->")
    return "\n\n".join(parts) + "\n"


def _as_html() -> str:
    import html as html_lib

    parts = [f"<html><head><title>{HIDDEN}</title><style>p {{}}</style></head><body>", f"<h1>{TITLE}</h1>"]
    for kind, text in BLOCKS:
        text = html_lib.escape(text, quote=False)   # an entity inside a word splits it (see html.py)
        if kind == "li":
            parts.append(f"<ul><li>{text}</li></ul>")
        else:
            parts.append(f"<{'h2' if kind == 'h' else 'p'} class=\"{HIDDEN}\">{text}</{'h2' if kind == 'h' else 'p'}>")
    parts.insert(4, f"<pre>{HIDDEN}</pre><script>var x = '{HIDDEN}';</script>")
    return "\n".join(parts + ["</body></html>"]) + "\n"


def _as_email() -> bytes:
    body = "\n\n".join(("- " if kind == "li" else "") + text for kind, text in BLOCKS)
    return (f"From: 2i2c <support@2i2c.example>\nSubject: {TITLE}\nContent-Type: text/plain; charset=utf-8\n\n"
            f"{body}\n\nKind regards,\nThe 2i2c team\nNOC | SLA desk\n\n"
            f"On Fri, 11 Jul 2025 at 09:00, Sam <sam@example.test> wrote:\n> {HIDDEN}\n").encode()


def _as_docx() -> bytes:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = HIDDEN     # headers are not read
    document.add_heading(TITLE, 1)
    for kind, text in BLOCKS:
        if kind == "h":
            document.add_heading(text, 2)
        else:
            document.add_paragraph(text, style="List Bullet" if kind == "li" else None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_same_prose_gives_the_same_findings_in_every_format(tmp_path):
    files = {"report.txt": _as_text().encode(), "report.md": _as_markdown().encode(),
             "report.html": _as_html().encode(), "report.eml": _as_email(), "report.docx": _as_docx()}
    for name, raw in files.items():
        (tmp_path / name).write_bytes(raw)
    run = lint_paths([str(tmp_path / name) for name in files], model="none", jobs=1)
    assert not run.problems

    def summary(result):
        words = Counter((f.code, f.match) for f in result.findings if not f.code.startswith("JL2"))
        sentences = sorted(f.code for f in result.findings if f.code.startswith("JL2"))
        return words, sentences, result.words

    summaries = {r.path.rsplit("/", 1)[-1]: summary(r) for r in run.results}
    reference = summaries["report.txt"]
    assert reference[0][("JL101", "health check")] == 2 and reference[1]
    for name, found in summaries.items():
        assert found == reference, name
