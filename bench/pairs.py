#!/usr/bin/env python3
"""Plain-language pairs: how often does the "after" text score better than the "before"?

    python bench/pairs.py [--pairs DIR] [--model none|auto]

Reads NAME.before.txt / NAME.after.txt pairs (default: ../shared/corpus/pairs, else
tests/data/pairs) and prints each pair's overall score and the rate of improved pairs,
overall and per source.
"""
from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    from jargonlint import lint_text

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = ROOT.parent / "shared" / "corpus" / "pairs"
    ap.add_argument("--pairs", type=Path, default=default if default.is_dir() else ROOT / "tests" / "data" / "pairs")
    ap.add_argument("--model", default="none")
    args = ap.parse_args(argv)
    rows = defaultdict(list)
    for before in sorted(args.pairs.glob("*.before.txt")):
        after = before.with_name(before.name.replace(".before.", ".after."))
        b = lint_text(before.read_text(encoding="utf-8"), model=args.model).scores
        a = lint_text(after.read_text(encoding="utf-8"), model=args.model).scores
        source = before.name.split("_")[2]
        rows[source].append(a.overall > b.overall)
        mark = "better" if a.overall > b.overall else ("same" if a.overall == b.overall else "WORSE")
        print(f"{before.name.replace('.before.txt', ''):<48} before {b.overall:>3}  after {a.overall:>3}  {mark}")
    everything = [x for values in rows.values() for x in values]
    for source, values in sorted(rows.items()):
        print(f"{source}: after scores better in {sum(values)}/{len(values)} pairs ({sum(values) / len(values):.0%})")
    print(f"all: after scores better in {sum(everything)}/{len(everything)} pairs "
          f"({sum(everything) / len(everything):.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
