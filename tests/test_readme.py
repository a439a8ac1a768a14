"""The README's sample sessions (```text blocks that start with "$ jargonlint ...") match what
the commands print today, on the blank pipeline the samples were made with: every line shown
must appear in the output, in order ("..." stands for lines left out)."""
from __future__ import annotations

import re
import shlex

import pytest
from conftest import ROOT

SESSION = re.compile(r"```text\n\$ (jargonlint [^\n]*)\n(.*?)```", re.DOTALL)
SESSIONS = SESSION.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_has_sample_sessions():
    assert len(SESSIONS) >= 3


@pytest.mark.parametrize("command, shown", SESSIONS, ids=[c for c, _ in SESSIONS])
def test_sample_session_matches_the_output(cli, monkeypatch, command, shown):
    monkeypatch.chdir(ROOT)
    subcommand, *args = shlex.split(command)[1:]
    _, out, err = cli(subcommand, "--model", "none", *args)
    lines = out.splitlines()
    position = 0
    for line in shown.splitlines():
        if not line.strip() or line.strip() == "...":
            continue
        assert line in lines[position:], f"README shows a line `{command}` no longer prints:\n{line}\n{err}"
        position = lines.index(line, position) + 1
