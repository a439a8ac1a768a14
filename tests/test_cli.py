"""The command line: formats, options, exit codes, bad input. Runs on the blank pipeline."""
from __future__ import annotations

import json
import os

import pytest

from conftest import ROOT

JARGON = ("We remediated the BGP flap on the edge router per the RCA. Going forward we will "
          "leverage best practices to mitigate elevated latency.\n")
PLAIN = "Your internet was down for 20 minutes this morning. We fixed it, and it is working now.\n"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "jargon.txt").write_text(JARGON, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(PLAIN, encoding="utf-8")
    return tmp_path


def test_check_text_output_and_exit_1(cli, files):
    code, out, err = cli("check", "--model", "none", str(files / "jargon.txt"))
    assert code == 1
    first = out.splitlines()[0]
    path, line, col, rest = first.split(":", 3)
    assert path.endswith("jargon.txt") and line == "1" and col.isdigit()
    assert rest.strip().startswith("JL")
    assert "help:" in out and "score" in out and "pipeline: blank:en" in out
    assert "\x1b[" not in out  # no colour when not a terminal


def test_plain_file_passes(cli, files):
    code, out, err = cli("check", "--model", "none", str(files / "plain.txt"))
    assert code == 0, out
    assert "0 findings" in out


def test_json_schema(cli, files):
    code, out, _ = cli("check", "--model", "none", "--format", "json", str(files / "jargon.txt"))
    data = json.loads(out)
    assert data["version"] == 1
    assert set(data["tool"]) == {"name", "version", "pipeline"}
    entry = data["files"][0]
    assert {"path", "kind", "audience", "words", "scores", "findings"} <= set(entry)
    scores = entry["scores"]
    assert {"overall", "readability", "jargon", "relevance"} <= set(scores)
    assert "per_100_words" in scores["jargon"] and "score" in scores["readability"]
    text = (files / "jargon.txt").read_text(encoding="utf-8")
    for f in entry["findings"]:
        assert {"code", "name", "severity", "line", "column", "end_line", "end_column", "start", "end",
                "match", "message", "explanation", "suggestions", "fix"} <= set(f)
        assert text[f["start"]:f["end"]] == f["match"]
        assert f["fix"] is None or {"safety", "replacement"} <= set(f["fix"])
    codes = {f["code"] for f in entry["findings"]}
    assert {"JL101", "JL103"} <= codes


def test_sarif_structure(cli, files):
    code, out, _ = cli("check", "--model", "none", "--format", "sarif", str(files / "jargon.txt"))
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0" and "$schema" in sarif
    run = sarif["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "jargonlint" and driver["rules"]
    rule_ids = [r["id"] for r in driver["rules"]]
    for result in run["results"]:
        assert result["ruleId"] in rule_ids
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["message"]["text"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_github_annotations(cli, files):
    code, out, _ = cli("check", "--model", "none", "--format", "github", str(files / "jargon.txt"))
    lines = out.splitlines()
    assert lines and all(line.startswith(("::warning file=", "::notice file=", "::error file=")) for line in lines)
    assert ",line=1,col=" in lines[0]


def test_select_ignore_and_fail_on(cli, files):
    path = str(files / "jargon.txt")
    code, out, _ = cli("check", "--model", "none", "--format", "json", "--select", "JL103", path)
    assert {f["code"] for f in json.loads(out)["files"][0]["findings"]} == {"JL103"}
    code, out, _ = cli("check", "--model", "none", "--format", "json", "--ignore", "JL1", path)
    assert not any(f["code"].startswith("JL1") for f in json.loads(out)["files"][0]["findings"])
    assert cli("check", "--model", "none", "--fail-on", "never", path)[0] == 0
    assert cli("check", "--model", "none", "--fail-on", "error", path)[0] == 0
    code, _, err = cli("check", "--model", "none", "--select", "JL999", path)
    assert code == 2 and "JL999" in err


def test_min_score(cli, files):
    assert cli("check", "--model", "none", "--min-score", "99", "--fail-on", "never",
               str(files / "jargon.txt"))[0] == 1
    assert cli("check", "--model", "none", "--min-score", "1", "--fail-on", "never",
               str(files / "plain.txt"))[0] == 0


def test_stdin(cli):
    code, out, _ = cli("check", "--model", "none", "--format", "json", "-", input=JARGON)
    data = json.loads(out)
    assert data["files"][0]["path"] == "<stdin>" and data["files"][0]["findings"]
    code, out, _ = cli("check", "--model", "none", "--format", "json", "--stdin-filename", "note.md", "-",
                       input="Use `kubectl drain` now.\n")
    assert json.loads(out)["files"][0]["kind"] == "markdown"


def test_directory_recursion(cli, files):
    sub = files / "sub"
    sub.mkdir()
    (sub / "more.md").write_text("# Update\n\nWe will circle back shortly.\n", encoding="utf-8")
    (sub / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    hidden = files / ".git"
    hidden.mkdir()
    (hidden / "x.txt").write_text(JARGON, encoding="utf-8")
    code, out, _ = cli("check", "--model", "none", "--format", "json", str(files))
    paths = sorted(os.path.relpath(f["path"], files) for f in json.loads(out)["files"])
    assert paths == ["jargon.txt", "plain.txt", os.path.join("sub", "more.md")]


@pytest.mark.parametrize("name, content, message", [
    ("binary.txt", b"abc\x00\x01\x02", "binary file"),
    ("latin1.txt", "caf\xe9 latency".encode("latin-1"), "not UTF-8"),
])
def test_bad_files_are_reported_and_others_still_linted(cli, files, name, content, message):
    (files / name).write_bytes(content)
    code, out, err = cli("check", "--model", "none", "--format", "json", str(files / name), str(files / "jargon.txt"))
    assert code == 2
    assert message in err and name in err and "Traceback" not in err
    data = json.loads(out)
    assert [os.path.basename(f["path"]) for f in data["files"]] == ["jargon.txt"]
    assert data["errors"][0]["path"].endswith(name)


def test_missing_path_and_empty_directory(cli, tmp_path):
    code, _, err = cli("check", "--model", "none", str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in err
    (tmp_path / "empty").mkdir()
    code, _, err = cli("check", "--model", "none", str(tmp_path / "empty"))
    assert code == 2 and "no files to lint" in err


def test_empty_file_is_a_notice_not_an_error(cli, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, out, err = cli("check", "--model", "none", str(tmp_path / "empty.txt"))
    assert code == 0 and "empty file" in out


def test_large_file_is_refused_clearly(cli, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(JARGON * 60000, encoding="utf-8")  # ~8 MB
    code, _, err = cli("check", "--model", "none", str(big))
    assert code == 2 and "too large" in err and "max-file-size" in err


def test_several_mb_file_within_a_raised_limit_is_linted(cli, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(PLAIN * 30000, encoding="utf-8")  # ~2.6 MB
    (tmp_path / ".jargonlint.toml").write_text('max-file-size = "10MB"\n', encoding="utf-8")
    code, out, err = cli("check", "--model", "none", "--format", "json", str(big))
    assert code == 0, err
    assert json.loads(out)["files"][0]["words"] > 400000


def test_broken_config_is_one_clear_error(cli, files):
    (files / ".jargonlint.toml").write_text("audience = [unclosed\n", encoding="utf-8")
    code, _, err = cli("check", "--model", "none", str(files / "plain.txt"))
    assert code == 2 and ".jargonlint.toml" in err and "invalid TOML" in err and "Traceback" not in err


def test_broken_user_lexicon_is_one_clear_error(cli, files):
    (files / "ours.yaml").write_text(
        "schema: 1\nid: ours\ntitle: Ours\nsource: us\nentries:\n  - term: frob\n    kind: jargon\n"
        "    category: x\n    explain: A thing.\n    action: replace\n    safety: unsafe\n"
        "    audiences: [business]\n    example: frob it\n", encoding="utf-8")
    (files / ".jargonlint.yaml").write_text("lexicons: [ours.yaml]\n", encoding="utf-8")
    code, _, err = cli("check", "--model", "none", str(files / "plain.txt"))
    assert code == 2 and "ours.yaml" in err and "frob" in err and "plain" in err


def test_rules_and_rule_docs(cli):
    code, out, _ = cli("rules")
    assert code == 0
    for code_ in ("JL101", "JL102", "JL103", "JL104", "JL105", "JL201", "JL202", "JL203", "JL302"):
        assert code_ in out
    code, out, _ = cli("rule", "JL101")
    assert code == 0 and "## Why it matters" in out and "jargon-term" in out
    assert cli("rule", "long-sentence")[0] == 0
    assert cli("rule", "JL999")[0] == 2


def test_score_table(cli, files):
    code, out, _ = cli("score", "--model", "none", str(files / "jargon.txt"), str(files / "plain.txt"))
    assert code == 0
    header, first, second = out.splitlines()[:3]
    assert "overall" in header and "jargon.txt" in first and "plain.txt" in second
    plain_overall = int(second.split()[2])
    jargon_overall = int(first.split()[2])
    assert plain_overall > jargon_overall


def test_explain_for_recipients(cli, files):
    code, out, _ = cli("explain", "--model", "none", str(files / "jargon.txt"))
    assert code == 0
    assert "Terms you may not know" in out and "Verdict:" in out
    assert out.index('"remediated"') < out.index('"leverage"')  # order of appearance


def test_audience_changes_findings(cli, files):
    path = str(files / "jargon.txt")
    business = json.loads(cli("check", "--model", "none", "--format", "json", path)[1])
    technical = json.loads(cli("check", "--model", "none", "--format", "json", "--audience", "technical", path)[1])
    count = lambda d: sum(f["code"] == "JL101" for f in d["files"][0]["findings"])  # noqa: E731
    assert count(technical) < count(business)
    assert any(f["code"] == "JL103" for f in technical["files"][0]["findings"])


def test_examples_have_findings(cli):
    code, out, _ = cli("check", "--model", "none", "--format", "json", str(ROOT / "examples"))
    data = json.loads(out)
    assert len(data["files"]) == 3
    for entry in data["files"]:
        assert len(entry["findings"]) >= 5, entry["path"]


def test_color_only_on_terminal_and_no_color(monkeypatch):
    from jargonlint.cli import _want_color

    class Tty:
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _want_color(Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _want_color(Tty())


def test_python_dash_m(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text(PLAIN, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "jargonlint", "check", "--model", "none", str(tmp_path / "a.txt")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "0 findings" in proc.stdout


def test_output_closed_early_stops_quietly(tmp_path):
    """`jargonlint fix --diff | head -1`: no error message, no traceback, exit 141 (SIGPIPE's),
    and --diff writes nothing."""
    import subprocess
    import sys

    text = "We will utilize the spare laptop in order to finish the move.\n" * 2000
    for n in range(3):
        (tmp_path / f"r{n}.txt").write_text(text, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "jargonlint", "fix", "--diff", "--model", "none", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()    # the reader goes away, as `head -1` does
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert stderr == ""
    assert all((tmp_path / f"r{n}.txt").read_text(encoding="utf-8") == text for n in range(3))
