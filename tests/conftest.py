"""Shared test helpers. Every test runs offline and with its own lexicon cache directory."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def model_installed() -> bool:
    from jargonlint.nlp import resolve_model

    return resolve_model("auto") is not None


MODEL_INSTALLED = model_installed()
requires_model = pytest.mark.skipif(not MODEL_INSTALLED, reason="no English spaCy model installed")
# Pipelines to exercise: always the blank one; the statistical one too when it is installed.
PIPELINES = ["none"] + (["auto"] if MODEL_INSTALLED else [])


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory):
    os.environ.setdefault("JARGONLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    os.environ.pop("NO_COLOR", None)
    yield


@pytest.fixture
def cli():
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from jargonlint.cli import cli as group

    def run(*args: str, input: str | bytes | None = None, env: dict | None = None):
        try:
            runner = CliRunner(mix_stderr=False)
        except TypeError:  # click >= 8.2 always separates stderr
            runner = CliRunner()
        result = runner.invoke(group, list(args), input=input, env=env, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run
