"""The pre-commit hooks: the manifest validates, and `pre-commit try-repo` runs them on a
temporary git repository: `jargonlint` fails on a jargon-heavy file and passes on a plain one;
`jargonlint-fix` rewrites a file (and fails, as fixers do), then passes on the fixed file."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_manifest_validates():
    proc = subprocess.run([*PRE_COMMIT, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """A git snapshot of the working tree (try-repo needs a git repository to clone)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("hookrepo")
    ignore = shutil.ignore_patterns(".git", "*.egg-info", "__pycache__", ".pytest_cache", "build", "dist", ".venv")
    for name in ("jargonlint", "lexicons", "pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=ignore)
        else:
            shutil.copy2(source, repo / name)
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "snapshot", cwd=repo)
    return repo


def test_try_repo_fails_on_jargon_and_passes_on_plain(hook_repo, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    _git("init", "-q", cwd=work)
    (work / "update.md").write_text(
        "# Incident update\n\nWe remediated the BGP flap on the edge router per the RCA. Going forward we "
        "will leverage best practices to mitigate elevated latency.\n", encoding="utf-8")
    (work / "plain.md").write_text(
        "# Update\n\nYour internet was down for 20 minutes this morning. We fixed it, and it is "
        "working now.\n", encoding="utf-8")
    _git("add", "-A", cwd=work)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}
    env.pop("JARGONLINT_CACHE_DIR", None)

    def run(*files, hook="jargonlint"):
        return subprocess.run([*PRE_COMMIT, "try-repo", str(hook_repo), hook, "--files", *files],
                              cwd=work, capture_output=True, text=True, env=env, timeout=900)

    failing = run("update.md")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "JL101" in failing.stdout and "update.md" in failing.stdout
    passing = run("plain.md")
    assert passing.returncode == 0, passing.stdout + passing.stderr

    # the fixer hook, in the same environment (PRE_COMMIT_HOME): rewrites, fails, then passes
    (work / "wordy.md").write_text("# Update\n\nWe utilized a spare laptop `utilize`.\n", encoding="utf-8")
    _git("add", "-A", cwd=work)
    fixing = run("wordy.md", hook="jargonlint-fix")
    assert fixing.returncode == 1, fixing.stdout + fixing.stderr
    assert (work / "wordy.md").read_text(encoding="utf-8") == "# Update\n\nWe used a spare laptop `utilize`.\n"
    _git("add", "-A", cwd=work)
    settled = run("wordy.md", hook="jargonlint-fix")
    assert settled.returncode == 0, settled.stdout + settled.stderr
