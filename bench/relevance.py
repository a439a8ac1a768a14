#!/usr/bin/env python3
"""Business-relevance separation: do customer-friendly texts score above terse technical ones?

    python bench/relevance.py [--corpus DIR] [--model none|auto]

Reads the labelled groups in bench/relevance_groups.yaml (texts of ../shared/corpus) and
prints each text's relevance score and components, the mean per group, and the share of
correctly ordered cross-group pairs (every friendly text against every technical one; ties
count half). Then the same ordering for the plain-language before/after pairs.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def ordered_share(high: list[float], low: list[float]) -> float:
    """Share of (high, low) pairs where high > low; ties count half."""
    wins = sum(1.0 if h > lo else 0.5 if h == lo else 0.0 for h in high for lo in low)
    return wins / (len(high) * len(low))


def main(argv: list[str] | None = None) -> int:
    from jargonlint import lint_text

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--model", default="none")
    args = ap.parse_args(argv)
    groups = yaml.safe_load((ROOT / "bench" / "relevance_groups.yaml").read_text(encoding="utf-8"))
    scores: dict[str, list[float]] = {}
    for group, texts in groups.items():
        print(f"== {group}")
        scores[group] = []
        for name in texts:
            rel = lint_text((args.corpus / name).read_text(encoding="utf-8"), model=args.model).scores.relevance
            scores[group].append(rel["score"])
            parts = " ".join(f"{k[:6]}={v:.2f}" for k, v in rel.get("components", {}).items())
            print(f"  {rel['score']:>3}  {name:<50} {parts}")
    friendly, technical = scores["customer_friendly"], scores["terse_technical"]
    print(f"mean relevance: customer-friendly {sum(friendly) / len(friendly):.1f}, "
          f"terse technical {sum(technical) / len(technical):.1f}")
    print(f"correctly ordered cross-group pairs: {ordered_share(friendly, technical):.0%} "
          f"({len(friendly) * len(technical)} pairs)")
    pairs = sorted((args.corpus / "pairs").glob("*.before.txt"))
    better = 0
    for before in pairs:
        after = before.with_name(before.name.replace(".before.", ".after."))
        b = lint_text(before.read_text(encoding="utf-8"), model=args.model).scores.relevance["score"]
        a = lint_text(after.read_text(encoding="utf-8"), model=args.model).scores.relevance["score"]
        better += a > b
    if pairs:
        print(f"before/after pairs: relevance higher after in {better}/{len(pairs)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
