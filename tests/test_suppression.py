"""Suppression directives in Markdown, HTML and plain text; per-file-ignores for every format.

The rule cases (tests/rules/JL901.yaml, JL902.yaml) cover the plain-text grammar; these tests
cover where a directive counts (comments, code), what it covers, and how it shows in output.
"""
from __future__ import annotations

import json

import pytest
from conftest import PIPELINES

from jargonlint import lint_text
from jargonlint.suppression import markdown_code_blocks, markdown_comments

JARGON_LINE = "We remediated the outage."      # JL101 'remediated'
PLAIN_LINE = "Your internet is working again."   # nothing


def codes(text: str, fmt: str, model: str = "none", **settings) -> list[tuple[str, int, str]]:
    result = lint_text(text, format=fmt, model=model, **settings)
    return [(f.code, f.line, f.match) for f in result.findings if f.code.startswith(("JL10", "JL9"))]


def comment(body: str) -> str:
    return f"<!-- jargonlint: {body} -->"


@pytest.mark.parametrize("fmt, wrap", [
    ("markdown", lambda line: line),
    ("html", lambda line: f"<p>{line}</p>"),
])
class TestCommentDirectives:
    def test_same_line(self, fmt, wrap):
        text = wrap(f"{JARGON_LINE} {comment('ignore JL101')}") + "\n" + wrap(JARGON_LINE) + "\n"
        assert codes(text, fmt) == [("JL101", 2, "remediated")]

    def test_alone_on_its_line_covers_the_next_line_with_prose(self, fmt, wrap):
        text = f"{comment('ignore JL101')}\n\n{wrap(JARGON_LINE)}\n{wrap(JARGON_LINE)}\n"
        assert codes(text, fmt) == [("JL101", 4, "remediated")]

    def test_stacked_directives_cover_the_same_line(self, fmt, wrap):
        text = f"{comment('ignore JL101')}\n{comment('ignore JL103')}\n{wrap('We remediated it going forward.')}\n"
        assert codes(text, fmt) == []

    def test_disable_enable_block(self, fmt, wrap):
        text = (f"{wrap(JARGON_LINE)}\n{comment('disable JL101')}\n{wrap(JARGON_LINE)}\n{wrap(JARGON_LINE)}\n"
                f"{comment('enable JL101')}\n{wrap(JARGON_LINE)}\n")
        assert [line for _, line, _ in codes(text, fmt)] == [1, 6]

    def test_disable_without_enable_runs_to_the_end(self, fmt, wrap):
        text = f"{wrap(JARGON_LINE)}\n{comment('disable JL1')}\n{wrap(JARGON_LINE)}\n\n{wrap(JARGON_LINE)}\n"
        assert [line for _, line, _ in codes(text, fmt)] == [1]

    def test_enable_without_codes_reenables_all(self, fmt, wrap):
        text = f"{comment('disable JL101, JL103')}\n{wrap('We remediated it going forward.')}\n" \
               f"{comment('enable')}\n{wrap('We remediated it going forward.')}\n"
        assert [(c, line) for c, line, _ in codes(text, fmt, select=["JL101", "JL103", "JL9"])] == [
            ("JL101", 4), ("JL103", 4)]

    def test_narrower_enable_leaves_the_rest_disabled(self, fmt, wrap):
        text = f"{comment('disable JL1')}\n{wrap('We remediated it going forward.')}\n" \
               f"{comment('enable JL101')}\n{wrap('We remediated it going forward.')}\n"
        assert [(c, line) for c, line, _ in codes(text, fmt, select=["JL101", "JL103", "JL9"])] == [("JL101", 4)]

    def test_file_ignore_anywhere(self, fmt, wrap):
        text = f"{wrap(JARGON_LINE)}\n\n{wrap(JARGON_LINE)}\n{comment('file-ignore JL101')}\n"
        assert codes(text, fmt) == []

    @pytest.mark.parametrize("code", ["JL1", "JL10", "JL101", "all", "jargon-term", "ALL"])
    def test_prefixes_names_and_all(self, fmt, wrap, code):
        assert codes(f"{wrap(JARGON_LINE)} {comment('ignore ' + code)}\n", fmt) == []

    def test_several_codes_by_comma_or_space_and_a_reason(self, fmt, wrap):
        line = wrap("We remediated it going forward.")
        for body in ("ignore JL101,JL103", "ignore JL101 JL103", "ignore JL101, JL103 -- the IT team reads this"):
            assert codes(f"{line} {comment(body)}\n", fmt) == [], body

    def test_unused_directive_is_reported_where_it_is(self, fmt, wrap):
        text = f"{wrap(PLAIN_LINE)}\n{comment('ignore JL101')}\n{wrap(PLAIN_LINE)}\n"
        assert codes(text, fmt) == [("JL901", 2, comment("ignore JL101"))]

    def test_unknown_code_and_malformed_directives(self, fmt, wrap):
        text = (f"{wrap(JARGON_LINE)} {comment('ignore JL999')}\n{wrap(PLAIN_LINE)} {comment('ingore JL101')}\n"
                f"{wrap(PLAIN_LINE)} {comment('ignore')}\n")
        found = lint_text(text, format=fmt, model="none").findings
        invalid = [(f.line, f.severity.label, f.message) for f in found if f.code == "JL902"]
        assert [line for line, _, _ in invalid] == [1, 2, 3]
        assert all(level == "error" for _, level, _ in invalid)
        assert "unknown rule code 'JL999'" in invalid[0][2]
        assert "unknown action 'ingore'" in invalid[1][2]
        assert "needs rule codes" in invalid[2][2]
        assert ("JL101", 1) in [(f.code, f.line) for f in found]   # JL999 silenced nothing

    def test_valid_codes_next_to_an_unknown_one_still_apply(self, fmt, wrap):
        found = codes(f"{wrap(JARGON_LINE)} {comment('ignore JL101 JL999')}\n", fmt)
        assert [c for c, _, _ in found] == ["JL902"]

    def test_unused_not_reported_when_jl901_is_not_selected(self, fmt, wrap):
        text = f"{wrap(PLAIN_LINE)} {comment('ignore JL101')}\n"
        assert codes(text, fmt, select=["JL1"]) == []
        assert codes(text, fmt, ignore=["JL901"]) == []
        assert codes(text, fmt, select=["JL2", "JL9"]) == []   # JL101 did not run: not judged

    def test_a_directive_never_silences_its_own_report(self, fmt, wrap):
        text = f"{wrap(PLAIN_LINE)} {comment('ignore all')}\n"
        assert [c for c, _, _ in codes(text, fmt)] == ["JL901"]
        text = f"{wrap(PLAIN_LINE)} {comment('ignore JL999 JL9')}\n"
        assert [c for c, _, _ in codes(text, fmt)] == ["JL901", "JL902"]   # JL9 silenced nothing

    def test_another_directive_can_silence_jl901(self, fmt, wrap):
        text = f"{comment('file-ignore JL901')}\n{wrap(PLAIN_LINE)} {comment('ignore JL101')}\n"
        assert codes(text, fmt) == []
        # with nothing else unused, the file-ignore itself is unused
        assert [c for c, _, _ in codes(f"{comment('file-ignore JL901')}\n{wrap(PLAIN_LINE)}\n", fmt)] == ["JL901"]

    def test_comment_over_several_lines(self, fmt, wrap):
        text = f"<!--\n  jargonlint: ignore JL101\n-->\n{wrap(JARGON_LINE)}\n"
        assert codes(text, fmt) == []

    def test_unclosed_comment_is_invalid_and_not_applied(self, fmt, wrap):
        text = f"{wrap(JARGON_LINE)}\n<!-- jargonlint: file-ignore JL101\n"
        found = codes(text, fmt)
        assert ("JL101", 1, "remediated") in found
        assert [c for c, _, _ in found if c == "JL902"] == ["JL902"]

    def test_other_comments_are_not_directives(self, fmt, wrap):
        text = f"{wrap(JARGON_LINE)} <!-- reviewed by jargonlint team -->\n"
        assert codes(text, fmt) == [("JL101", 1, "remediated")]


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_suppression_is_the_same_with_and_without_a_model(pipeline):
    text = f"{JARGON_LINE} {comment('ignore JL101')}\n{PLAIN_LINE} {comment('ignore JL101')}\n"
    assert codes(text, "markdown", model=pipeline) == [("JL901", 2, comment("ignore JL101"))]


class TestMarkdownCode:
    def test_directive_inside_a_fence_does_not_count(self):
        for fence in ("```", "~~~", "````"):
            text = f"{fence}markdown\n{comment('file-ignore all')}\n{fence}\n\n{JARGON_LINE}\n"
            assert codes(text, "markdown") == [("JL101", 5, "remediated")], fence

    def test_unclosed_fence_runs_to_the_end(self):
        text = f"{JARGON_LINE}\n\n```\n{comment('file-ignore all')}\n"
        assert codes(text, "markdown") == [("JL101", 1, "remediated")]

    def test_directive_in_inline_code_does_not_count(self):
        text = f"Write `{comment('ignore all')}` to silence a line. {JARGON_LINE}\n"
        assert codes(text, "markdown") == [("JL101", 1, "remediated")]
        text = f"Write ``{comment('ignore all')} with a ` tick`` here. {JARGON_LINE}\n"
        assert codes(text, "markdown") == [("JL101", 1, "remediated")]

    def test_directive_in_indented_code_does_not_count(self):
        text = f"Example:\n\n    {comment('file-ignore all')}\n\n{JARGON_LINE}\n"
        assert codes(text, "markdown") == [("JL101", 5, "remediated")]

    def test_indented_comment_in_a_list_item_counts(self):
        text = f"- {PLAIN_LINE}\n\n  {comment('ignore JL101')}\n  {JARGON_LINE}\n"
        assert codes(text, "markdown") == []
        # four spaces in a list item continue the item: not code (CommonMark)
        assert markdown_code_blocks(f"- {PLAIN_LINE}\n\n    {comment('ignore JL101')}\n") == []
        assert markdown_code_blocks(f"{PLAIN_LINE}\n\n    {comment('ignore JL101')}\n") != []

    def test_comment_after_a_closed_fence_counts(self):
        text = f"```\ncode\n```\n{JARGON_LINE} {comment('ignore JL101')}\n"
        assert codes(text, "markdown") == []

    def test_unmatched_backtick_does_not_hide_a_directive(self):
        text = f"A lone ` tick. {JARGON_LINE} {comment('ignore JL101')}\n"
        assert codes(text, "markdown") == []

    def test_front_matter_is_not_prose_for_directives(self):
        text = f"---\ntitle: {comment('file-ignore all')}\n---\n{JARGON_LINE}\n"
        assert codes(text, "markdown") == [("JL101", 4, "remediated")]

    def test_helpers_report_code_blocks_and_comments(self):
        text = "a\n\n```\n<!-- x -->\n```\n<!-- y -->\n"
        blocks = markdown_code_blocks(text)
        assert [text[s:e] for s, e in blocks] == ["```\n<!-- x -->\n```"]
        assert [text[s:e] for s, e in markdown_comments(text)] == ["<!-- y -->"]


class TestHtml:
    def test_comment_inside_script_or_style_is_not_a_directive(self):
        text = (f"<script>var s = '{comment('file-ignore all')}';</script>\n"
                f"<style>/* {comment('file-ignore all')} */</style>\n<p>{JARGON_LINE}</p>\n")
        assert codes(text, "html") == [("JL101", 3, "remediated")]

    def test_comment_between_block_tags_covers_the_next_prose_line(self):
        text = f"<div>\n{comment('ignore JL101')}\n<p>\n  {JARGON_LINE}\n</p>\n</div>\n"
        assert codes(text, "html") == []


class TestPlainText:
    def test_line_directive_covers_the_next_line(self):
        text = f"jargonlint: ignore JL101\n{JARGON_LINE}\n{JARGON_LINE}\n"
        assert codes(text, "text") == [("JL101", 3, "remediated")]

    def test_block_and_file_ignore(self):
        text = f"jargonlint: disable JL101\n{JARGON_LINE}\njargonlint: enable JL101\n{JARGON_LINE}\n"
        assert [line for _, line, _ in codes(text, "text")] == [4]
        assert codes(f"{JARGON_LINE}\njargonlint: file-ignore all\n", "text") == []

    def test_html_comment_in_plain_text_is_prose_not_a_directive(self):
        text = f"{JARGON_LINE} {comment('ignore JL101')}\n"
        assert ("JL101", 1, "remediated") in codes(text, "text")

    def test_directive_lines_stay_masked_from_the_prose(self):
        result = lint_text("jargonlint: ignore JL101\nWe remediated it.\n", model="none")
        assert result.words == 3


def test_scores_use_the_findings_left_after_suppression():
    text = "We remediated the BGP flap on the edge router per the RCA.\n"
    plain = lint_text(text, model="none")
    silenced = lint_text(text + comment("file-ignore JL1") + "\n", format="markdown", model="none")
    assert plain.scores.jargon["terms"] > 0 and silenced.scores.jargon["terms"] == 0
    assert silenced.scores.overall > plain.scores.overall
    assert silenced.suppressed == len([f for f in plain.findings if f.code.startswith("JL1")])


def test_cli_json_counts_suppressed_findings_and_explain_respects_them(cli, tmp_path):
    page = tmp_path / "update.md"
    page.write_text(f"# Update\n\n{JARGON_LINE} {comment('ignore JL101')}\n", encoding="utf-8")
    code, out, _ = cli("check", "--model", "none", "--format", "json", str(page))
    entry = json.loads(out)["files"][0]
    assert entry["suppressed"] == 1 and not [f for f in entry["findings"] if f["code"] == "JL101"]
    code, out, _ = cli("explain", "--model", "none", str(page))
    assert "remediated" not in out
    code, out, _ = cli("check", "--model", "none", "--select", "JL101,JL9", str(page))
    assert code == 0


def test_cli_invalid_directive_fails_the_check(cli, tmp_path):
    page = tmp_path / "update.html"
    page.write_text(f"<p>{PLAIN_LINE} {comment('ignore JL11')}</p>\n", encoding="utf-8")
    code, out, _ = cli("check", "--model", "none", "--fail-on", "error", str(page))
    assert code == 1 and "JL902" in out and "unknown rule code 'JL11'" in out


EMAIL = (f"From: Help Desk <help@example.com>\nTo: you@example.com\nSubject: Outage\n"
         f"Content-Type: text/plain; charset=utf-8\n\n{JARGON_LINE}\n")


@pytest.mark.parametrize("name, content", [
    ("note.md", f"# Note\n\n{JARGON_LINE}\n"),
    ("note.html", f"<html><body><p>{JARGON_LINE}</p></body></html>\n"),
    ("note.txt", f"{JARGON_LINE}\n"),
    ("note.eml", EMAIL),
])
def test_per_file_ignores_work_for_every_format(cli, tmp_path, name, content):
    (tmp_path / ".jargonlint.toml").write_text(
        '[per-file-ignores]\n"technical/*" = ["JL101"]\n', encoding="utf-8")
    for folder in ("technical", "client"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(content, encoding="utf-8")
    _, out, _ = cli("check", "--model", "none", "--format", "json", str(tmp_path))
    found = {entry["path"].split("/")[-2]: [f["code"] for f in entry["findings"]]
             for entry in json.loads(out)["files"]}
    assert "JL101" in found["client"] and "JL101" not in found["technical"]


@pytest.mark.parametrize("content_type, body", [
    ("text/plain", f"jargonlint: ignore JL101\n{JARGON_LINE}\n{JARGON_LINE}\n"),
    ("text/html", f"<p>{comment('ignore JL101')}</p>\n<p>{JARGON_LINE}</p>\n<p>{JARGON_LINE}</p>\n"),
])
def test_email_reads_the_directive_form_its_body_hides(cli, tmp_path, content_type, body):
    message = (f"From: Help Desk <help@example.com>\nTo: you@example.com\nSubject: Update\n"
               f"Content-Type: {content_type}; charset=utf-8\n\n{body}")
    (tmp_path / "update.eml").write_text(message, encoding="utf-8")
    _, out, _ = cli("check", "--model", "none", "--format", "json", str(tmp_path / "update.eml"))
    entry = json.loads(out)["files"][0]
    assert entry["suppressed"] == 1
    assert [f["code"] for f in entry["findings"] if f["code"] in ("JL101", "JL901", "JL902")] == ["JL101"]


def test_html_comment_in_a_plain_text_email_is_not_a_directive(cli, tmp_path):
    message = ("From: help@example.com\nSubject: Update\nContent-Type: text/plain\n\n"
               f"{JARGON_LINE} {comment('ignore JL101')}\n")
    (tmp_path / "update.eml").write_text(message, encoding="utf-8")
    _, out, _ = cli("check", "--model", "none", "--format", "json", str(tmp_path / "update.eml"))
    assert "JL101" in [f["code"] for f in json.loads(out)["files"][0]["findings"]]
