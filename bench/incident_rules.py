#!/usr/bin/env python3
"""Incident rules over the corpus incident texts: how often each rule fires, with samples.

    python bench/incident_rules.py [--corpus DIR] [--model none|auto] [--samples N]

Runs JL401-JL407 (kind forced to incident, as a status page would be configured) over every
`incident_*.txt` of ../shared/corpus (else tests/data/corpus) and prints, per rule, the share
of texts it fires on and up to N sample findings (file, line, message) to review by hand.
Also prints how many of the texts kind detection alone would call incidents.
"""
from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODES = ("JL401", "JL402", "JL403", "JL404", "JL405", "JL406", "JL407")


def main(argv: list[str] | None = None) -> int:
    from jargonlint import lint_text

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = ROOT.parent / "shared" / "corpus"
    ap.add_argument("--corpus", type=Path, default=default if default.is_dir() else ROOT / "tests" / "data" / "corpus")
    ap.add_argument("--model", default="none")
    ap.add_argument("--samples", type=int, default=6)
    args = ap.parse_args(argv)
    paths = sorted(p for p in args.corpus.glob("incident_*.txt") if not p.name.endswith(".jargon.txt"))
    fired: dict[str, list] = defaultdict(list)
    detected = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        detected += lint_text(text, model=args.model, select=["JL4"]).document_kind.kind == "incident"
        result = lint_text(text, path=path.name, model=args.model, kind="incident", select=list(CODES))
        for finding in result.findings:
            fired[finding.code].append((path.name, finding))
    print(f"{len(paths)} incident texts; kind detection calls {detected} of them incidents\n")
    for code in CODES:
        files = {name for name, _ in fired[code]}
        print(f"{code}: fires on {len(files)}/{len(paths)} texts ({len(files) / max(1, len(paths)):.0%}), "
              f"{len(fired[code])} findings")
        for name, finding in fired[code][: args.samples]:
            print(f"    {name}:{finding.line}: {finding.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
