#!/usr/bin/env python3
"""Detection quality on the hand-annotated corpus: precision, recall and F1 of jargon findings.

    python bench/detection.py [--corpus ../shared/corpus] [--model none|auto] [--verbose]

Runs `jargonlint check --format json` over the corpus texts that have `.jargon.txt`
annotations and scores the findings with the corpus's own scorer (score_jargon.py), which
counts JL101, JL102, JL103 and JL105 findings as jargon predictions.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--model", default="none")
    ap.add_argument("--audience", default="business")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    scorer = args.corpus / "score_jargon.py"
    if not scorer.is_file():
        raise SystemExit(f"{scorer}: not found (point --corpus at the shared corpus)")
    texts = sorted(str(p) for p in args.corpus.glob("*.txt") if not p.name.endswith(".jargon.txt"))
    with tempfile.NamedTemporaryFile("w+", suffix=".json", delete=False) as out:
        lint = subprocess.run([sys.executable, "-m", "jargonlint", "check", "--format", "json", "--fail-on", "never",
                               "--model", args.model, "--audience", args.audience, *texts], stdout=out, check=False)
    if lint.returncode != 0:
        raise SystemExit(f"jargonlint check failed (exit {lint.returncode}); see the message above")
    command = [sys.executable, str(scorer), "--corpus", str(args.corpus), "--results", out.name]
    if args.verbose:
        command.append("--verbose")
    print(f"model: {args.model}, audience: {args.audience}")
    return subprocess.run(command).returncode


if __name__ == "__main__":
    raise SystemExit(main())
