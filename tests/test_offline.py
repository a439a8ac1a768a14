"""Linting never opens a network socket, and never fetches NLTK data (textstat >= 0.7.9 would)."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from conftest import ROOT

GUARD = textwrap.dedent("""
    import socket, sys
    attempts = []
    def refuse(*args, **kwargs):
        attempts.append(repr(args)[:200])
        raise OSError("network access attempted")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    from jargonlint.cli import main
    code = main(sys.argv[1:])
    if attempts:
        sys.stderr.write("NETWORK ATTEMPTS: %r" % attempts)
        sys.exit(99)
    sys.exit(code)
""")


def test_lint_opens_no_socket(tmp_path):
    script = tmp_path / "guarded.py"
    script.write_text(GUARD, encoding="utf-8")
    for model in ("none", "auto"):
        proc = subprocess.run(
            [sys.executable, str(script), "check", "--model", model, "--fail-on", "never",
             "--format", "json", str(ROOT / "examples")],
            capture_output=True, text=True, cwd=tmp_path,
            env={"PATH": "", "HOME": str(tmp_path), "JARGONLINT_CACHE_DIR": str(tmp_path / "cache"),
                 "NLTK_DATA": str(tmp_path / "nltk_data")})
        assert proc.returncode == 0, proc.stderr
        files = json.loads(proc.stdout)["files"]
        assert len(files) == 3 and all(f["findings"] for f in files)
        assert not (tmp_path / "nltk_data").exists()
