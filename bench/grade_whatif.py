#!/usr/bin/env python3
"""Why `fix --unsafe-fixes` does not lower the mean Flesch-Kincaid grade: the same fixer run
with one kind of edit left out or added, over the jargon-annotated corpus texts.

    python bench/grade_whatif.py [--corpus ../shared/corpus] [--model none|auto]

For each variant it prints the change in the mean grade over the texts and in jargon per 100
words (JL101, JL102, JL103 and JL105, as bench/fix.py counts them):

- shipped: `fix --unsafe-fixes` as it is;
- no-glosses: no plain explanation in brackets after a term that stays ("Traefik (web
  traffic router)"); the terms stay unexplained;
- with-splits: JL201's long-sentence splits applied too (they are display-only: a split is
  only shown, never written by `fix`).

The variants change the fixer in this process only (they replace two of its functions), to
measure what each kind of edit does to the grade; they are not options of the tool.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from fix import JARGON_CODES, annotated_texts   # bench/fix.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ("shipped", "no-glosses", "with-splits")


def _jargon(result) -> int:
    return sum(1 for f in result.findings if f.code in JARGON_CODES)


def _measure(texts: list[Path], model: str) -> tuple[float, float, float]:
    """(mean grade change, jargon per 100 words before, after) over the texts."""
    from jargonlint.api import lint_text
    from jargonlint.fixer import fix_text

    changes, jargon_before, jargon_after, words_before, words_after = [], 0, 0, 0, 0
    for path in texts:
        text = path.read_text(encoding="utf-8")
        original = lint_text(text, model=model)
        fixed = fix_text(text, unsafe=True, model=model).result
        changes.append(fixed.scores.readability["flesch_kincaid_grade"]
                       - original.scores.readability["flesch_kincaid_grade"])
        jargon_before, words_before = jargon_before + _jargon(original), words_before + original.words
        jargon_after, words_after = jargon_after + _jargon(fixed), words_after + fixed.words
    return sum(changes) / len(changes), 100 * jargon_before / words_before, 100 * jargon_after / words_after


def _variant(name: str) -> None:
    """Change the fixer in this process for one variant."""
    from jargonlint import fixer
    from jargonlint.models import Safety
    from jargonlint.rules import jargon

    if name == "no-glosses":
        jargon._gloss_fix = lambda ctx, match: None
    elif name == "with-splits":
        plan_edits = fixer.plan_edits

        def with_splits(document, findings, allowed, banned=frozenset()):
            findings = [dataclasses.replace(f, fix=dataclasses.replace(f.fix, safety=Safety.UNSAFE))
                        if f.code == "JL201" and f.fix is not None else f for f in findings]
            return plan_edits(document, findings, allowed, banned)

        fixer.plan_edits = with_splits


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--model", default="none")
    ap.add_argument("--variant", choices=VARIANTS, help="one variant only (default: each, in a fresh process)")
    args = ap.parse_args(argv)
    texts = annotated_texts(args.corpus)
    if args.variant is None:
        import subprocess

        print(f"{len(texts)} annotated texts (model: {args.model})")
        print(f"{'variant':14} {'grade (mean)':>13} {'jargon per 100 words':>26}")
        for variant in VARIANTS:   # each in its own process: a variant changes the fixer
            subprocess.run([sys.executable, __file__, "--corpus", str(args.corpus), "--model", args.model,
                            "--variant", variant], check=True)
        return 0
    _variant(args.variant)
    change, before, after = _measure(texts, args.model)
    print(f"{args.variant:14} {change:+13.2f} {before:9.2f} -> {after:5.2f} ({100 * (after - before) / before:+.1f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
