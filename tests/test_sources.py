"""Inputs: masks keep offsets true; e-mail bodies are decoded and quoted replies dropped."""
from __future__ import annotations

from conftest import ROOT
from jargonlint.sources import document_from_bytes, markdown, html, plain


def test_masks_keep_length_and_lines():
    samples = [
        (markdown.extract, "# Title\n\n```\nkubectl drain node\n```\nSee [the docs](https://x.test/a) and `code`.\n"),
        (html.extract, "<p>Hello &amp; welcome<script>var x = 1;</script></p>\n<pre>code\nhere</pre>"),
        (plain.extract, "Visit https://status.example.com/x or mail ops@example.com today.\n"),
    ]
    for extract, text in samples:
        prose = extract(text)
        assert len(prose) == len(text)
        assert [i for i, c in enumerate(prose) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


def test_markdown_hides_code_and_link_targets():
    text = "Run `kubectl drain` or see [status](https://status.example.com/latency).\n\n    indented code\n"
    prose = markdown.extract(text)
    assert "kubectl" not in prose and "https" not in prose and "indented" not in prose
    assert "status" in prose and "Run" in prose


def test_html_decodes_entities_and_hides_scripts():
    prose = html.extract("<p>Q&amp;A</p><script>latency()</script>")
    assert "Q&" in prose and "latency" not in prose and "<p>" not in prose


def test_email_body_subject_and_reply_dropped():
    raw = (ROOT / "examples" / "client-email.eml").read_bytes()
    document = document_from_bytes(raw, "client-email.eml")
    assert document.kind == "email" and not document.editable
    assert document.meta["subject"] == "Re: Slow file access this morning"
    assert document.text.startswith("Subject: Re: Slow file access")
    assert "replication" in document.prose
    assert "shared drive is really slow" in document.text and "shared drive is really slow" not in document.prose
    assert "Service Delivery Manager" not in document.prose  # signature after "-- "


def test_email_edge_cases():
    import pytest

    from jargonlint.errors import InputError

    with pytest.raises(InputError, match="no headers found"):
        document_from_bytes(b"garbage without headers\n", "bad.eml")
    assert document_from_bytes(b"", "empty.eml").prose == ""
    unknown = document_from_bytes(
        b'Subject: hi\nContent-Type: text/plain; charset="x-unknown"\n\nWe will leverage the VPN.\n', "u.eml")
    assert "leverage the VPN" in unknown.prose
    html_only = document_from_bytes(
        b'Subject: hi\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/html\n\n'
        b"<p>Our <b>NOC</b> saw latency</p>\n--b--\n", "h.eml")
    assert "NOC" in html_only.prose and "<b>" not in html_only.prose


def test_plain_text_masks_link_targets_urls_with_brackets_and_format_placeholders():
    text = ("See [part two](2023-11-14-2-security-audit.md) and "
            "https://en.wikipedia.org/wiki/Brownout_(software_engineering). At 2022-06-02 HH:mm we acted.")
    prose = plain.extract(text)
    assert len(prose) == len(text)
    assert "security" not in prose and "software_engineering" not in prose and "HH" not in prose
    assert "[part two" in prose and prose.rstrip().endswith("we acted.")
