"""The wheel carries the lexicons, and the installed package finds them."""
from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import ROOT
from jargonlint.resources import bundled_lexicon_files


def test_installed_package_finds_lexicons():
    files = bundled_lexicon_files()
    assert len(files) >= 5
    assert {p.name for p in files} >= {"acronyms.yaml", "buzzwords.yaml", "wordy.yaml"}


def test_wheel_contains_lexicons_and_data(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    wheel = next(tmp_path.glob("jargonlint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    lexicons = {n.rsplit("/", 1)[1] for n in names if n.startswith("jargonlint/lexicons/") and n.endswith(".yaml")}
    assert lexicons == {p.name for p in (ROOT / "lexicons").glob("*.yaml")}
    assert "jargonlint/data/audiences.yaml" in names
