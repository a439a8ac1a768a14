"""Golden files per input format (tests/fixtures/golden): every finding's code, line, column and
matched text, and that each line:col points at those characters of the original file (for
.txt/.md/.html; of the decoded text for e-mail; of the right paragraph for .docx). Blank
pipeline (`--model none`), so the expectations hold with or without a statistical model.

After a deliberate change in rules or lexicons, regenerate and review the diff:

    python tests/test_fixtures.py --update
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "golden"
INPUTS = sorted(p for p in GOLDEN.iterdir() if not p.name.endswith(".expected.yaml"))


def _lint(path: Path):
    from jargonlint import lint_paths

    return lint_paths([str(path)], model="none", jobs=1, use_cache=True)


def _rows(result) -> list[list]:
    rows = []
    for f in result.findings:
        row = [f.code, f.line, f.column, f.match]
        if f.location:
            row.append(f.location)
        rows.append(row)
    return rows


def _expected_path(path: Path) -> Path:
    return path.with_name(path.name + ".expected.yaml")


def _actual(path: Path) -> dict:
    run = _lint(path)
    assert not run.problems, run.problems
    return {"files": [{"path": Path(r.path).name, "findings": _rows(r)} for r in run.results]}


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_golden_findings(path):
    expected = yaml.safe_load(_expected_path(path).read_text(encoding="utf-8"))
    assert _actual(path) == expected


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return starts[line - 1] + column - 1


@pytest.mark.parametrize("path", [p for p in INPUTS if p.suffix in (".txt", ".md", ".html")], ids=lambda p: p.name)
def test_locations_point_into_the_original_file(path):
    original = path.read_text(encoding="utf-8")
    (result,) = _lint(path).results
    assert result.findings
    for f in result.findings:
        start = _offset(original, f.line, f.column)
        assert original[start:start + len(f.match)] == f.match, (f.code, f.line, f.column, f.match)
        assert _offset(original, f.end_line, f.end_column) == start + len(f.match)


@pytest.mark.parametrize("path", [p for p in INPUTS if p.suffix in (".eml", ".mbox")], ids=lambda p: p.name)
def test_email_locations_point_into_the_decoded_text(path):
    from jargonlint.sources import documents_from_bytes

    documents = {d.path: d for d in documents_from_bytes(path.read_bytes(), str(path))}
    for result in _lint(path).results:
        text = documents[result.path].text
        assert result.meta["positions"].startswith("decoded")
        for f in result.findings:
            start = _offset(text, f.line, f.column)
            assert text[start:start + len(f.match)] == f.match


def test_docx_locations_name_the_paragraph():
    """Paragraph N, counted over every w:p of the body in document order (nested tables too),
    read independently of the extractor, holds the match."""
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    path = GOLDEN / "incident-dfds.docx"
    body = docx.Document(str(path)).element.body
    paragraphs = [Paragraph(p, None).text for p in body.iter(qn("w:p"))]
    (result,) = _lint(path).results
    assert result.findings
    for f in result.findings:
        number = int(f.location.split()[1])
        assert f.match in paragraphs[number - 1], (f.location, f.match)


def test_reply_chain_lints_only_the_newest_message():
    (result,) = _lint(GOLDEN / "reply-chain.eml").results
    matches = {f.match for f in result.findings}
    assert {"remediated", "Going forward"} <= matches
    # quoted Outlook reply, quoted Gmail reply, signature block and disclaimer: all masked
    assert not matches & {"leverage", "NOC", "SLA", "L2", "RCA", "per the", "Service Delivery Manager"}
    assert max(f.line for f in result.findings) <= 6


def test_html_only_email_is_read_through_the_html_extractor():
    (result,) = _lint(GOLDEN / "brownout-html-only.eml").results
    assert result.meta["body"] == "html" and result.meta["subject"].startswith("Brownout")
    assert {"Artifactory", "bandwidth"} <= {f.match for f in result.findings}
    from jargonlint.sources import document_from_bytes

    document = document_from_bytes((GOLDEN / "brownout-html-only.eml").read_bytes(), "b.eml")
    assert "Grüße" in document.text and "Grüße" not in document.prose      # sign-off block masked
    assert "href" not in document.prose and "removal plan" in document.prose
    assert "JVBERi" not in document.text                                    # the PDF attachment


def update() -> None:
    for path in INPUTS:
        data = _actual(path)
        header = ("# Findings of `jargonlint check --model none` on " + path.name + " (blank pipeline,\n"
                  "# business audience): [code, line, column, match(, location)].\n"
                  "# Regenerate after a deliberate change: python tests/test_fixtures.py --update\n")
        body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200, default_flow_style=None)
        _expected_path(path).write_text(header + body, encoding="utf-8")
        print(f"wrote {_expected_path(path).name}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        update()
    else:
        sys.exit("usage: python tests/test_fixtures.py --update")
