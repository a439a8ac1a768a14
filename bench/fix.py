#!/usr/bin/env python3
"""What `jargonlint fix --unsafe-fixes` does to real provider texts, before and after.

    python bench/fix.py [--corpus ../shared/corpus] [--model none|auto] [--seed 5] [--sample 50]
    python bench/fix.py --texts bench/heldout/set-c [--model auto]   # any folder of texts

Copies the corpus texts that have jargon annotations (NAME.txt with NAME.jargon.txt), or with
`--texts` every .txt and .md file of a folder (texts no rule was tuned on), to a
temporary folder, measures them (`jargonlint check --format json`), runs
`jargonlint fix --unsafe-fixes` on the copies, and measures again:

- jargon per 100 words: JL101, JL102, JL103 and JL105 findings (the codes bench/detection.py
  and the corpus scorer count as jargon) per 100 words, over all texts; also without JL105,
  which has no plain alternative, so no fix can reach it;
- Flesch-Kincaid grade and the overall score, averaged over the texts; the grade also over
  the texts long enough for the tool to judge a grade (`min_words_for_grade` in
  jargonlint/data/audiences.yaml, 40 words: a 23-word notice moves the plain mean by a
  whole grade point per four words), and weighted by each text's words.

Then it prints `--sample` applied edits drawn at random (fixed `--seed`), each as the sentence
before and after, for a person to review. The edits come from the same fixer the command ran
(jargonlint.fixer on the original bytes); the script checks that it gives the same text.
The corpus is never modified.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JARGON_CODES = ("JL101", "JL102", "JL103", "JL105")


def _check(paths: list[Path], model: str) -> dict[str, dict]:
    """check --format json over the paths -> {file name: file entry}."""
    proc = subprocess.run([sys.executable, "-m", "jargonlint", "check", "--format", "json", "--fail-on", "never",
                           "--model", model, *map(str, paths)], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"jargonlint check failed (exit {proc.returncode}): {proc.stderr.strip()}")
    return {Path(f["path"]).name: f for f in json.loads(proc.stdout)["files"]}


def annotated_texts(corpus: Path) -> list[Path]:
    """The corpus texts with jargon annotations (NAME.txt with NAME.jargon.txt), sorted."""
    texts = sorted(p for p in corpus.glob("*.txt")
                   if not p.name.endswith(".jargon.txt") and p.with_name(p.stem + ".jargon.txt").is_file())
    if not texts:
        raise SystemExit(f"{corpus}: no annotated texts (NAME.txt with NAME.jargon.txt) found")
    return texts


def folder_texts(folder: Path) -> list[Path]:
    """The .txt and .md files of a folder, sorted (no annotations needed)."""
    texts = sorted(p for p in folder.glob("*") if p.suffix in (".txt", ".md") and p.is_file())
    if not texts:
        raise SystemExit(f"{folder}: no .txt or .md texts found")
    return texts


def _min_words_for_grade() -> int:
    from jargonlint.resources import data_yaml

    return min(profile["min_words_for_grade"] for profile in data_yaml("audiences.yaml").values()
               if isinstance(profile, dict) and "min_words_for_grade" in profile)


def _measure(files: dict[str, dict], graded: set[str], weights: dict[str, int]) -> dict[str, float]:
    """Totals over `files`; `graded`: the texts long enough for a grade, `weights`: each
    text's words before fixing (the same subset and weights before and after)."""
    words = sum(f["words"] for f in files.values())
    jargon = sum(1 for f in files.values() for x in f["findings"] if x["code"] in JARGON_CODES)
    reachable = sum(1 for f in files.values() for x in f["findings"] if x["code"] in JARGON_CODES[:3])
    scored = [f["scores"] for f in files.values() if f["scores"]]
    grades = [s["readability"]["flesch_kincaid_grade"] for s in scored
              if s["readability"]["flesch_kincaid_grade"] is not None]
    by_text = {name: f["scores"]["readability"]["flesch_kincaid_grade"] for name, f in files.items()
               if f["scores"] and f["scores"]["readability"]["flesch_kincaid_grade"] is not None}
    long_enough = [grade for name, grade in by_text.items() if name in graded]
    return {
        "words": words,
        "jargon_per_100": 100 * jargon / words,
        "fixable_codes_per_100": 100 * reachable / words,
        "uncommon_per_100": 100 * (jargon - reachable) / words,
        "grade": sum(grades) / len(grades),
        "grade_long": sum(long_enough) / len(long_enough) if long_enough else 0.0,
        "grade_weighted": sum(grade * weights[name] for name, grade in by_text.items())
        / sum(weights[name] for name in by_text),
        "overall": sum(s["overall"] for s in scored) / len(scored),
    }


def _one_line(text: str) -> str:
    """Text that a wrapped line split, on one line."""
    return " ".join(text.split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--model", default="none")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--texts", type=Path, help="a folder of .txt and .md texts to use instead of the corpus")
    args = ap.parse_args(argv)
    texts = folder_texts(args.texts) if args.texts else annotated_texts(args.corpus)

    with tempfile.TemporaryDirectory(prefix="jargonlint-fix-bench-") as folder:
        copies = []
        for text in texts:
            copy = Path(folder) / text.name
            shutil.copyfile(text, copy)
            copies.append(copy)
        checked = _check(copies, args.model)
        weights = {name: f["words"] for name, f in checked.items()}
        min_words = _min_words_for_grade()
        graded = {name for name, words in weights.items() if words >= min_words}
        before = _measure(checked, graded, weights)
        fix = subprocess.run([sys.executable, "-m", "jargonlint", "fix", "--unsafe-fixes", "--model", args.model,
                              *map(str, copies)], capture_output=True, text=True, check=False)
        if fix.returncode not in (0, 1):
            raise SystemExit(f"jargonlint fix failed (exit {fix.returncode}): {fix.stderr.strip()}")
        after = _measure(_check(copies, args.model), graded, weights)
        fixed_text = {c.name: c.read_bytes() for c in copies}

    from jargonlint.config import settings_for
    from jargonlint.fixer import fix_bytes

    edits = []
    settings = settings_for(None, {"model": args.model}, discover=False)
    for text in texts:
        result = fix_bytes(text.read_bytes(), str(text), settings, unsafe=True)
        expected = result.data if result.data is not None else text.read_bytes()
        if expected != fixed_text[text.name]:
            raise SystemExit(f"{text.name}: the fixer and `jargonlint fix` disagree")
        edits.extend((text.name, edit) for edit in result.outcome.edits)

    kind = "texts" if args.texts else "annotated texts"
    print(f"{len(texts)} {kind}, {before['words']} words before, {after['words']} after "
          f"(model: {args.model}); {len(edits)} edits applied by fix --unsafe-fixes\n")
    print(f"{'':30} {'before':>8} {'after':>8} {'change':>8}")
    for key, label in (("jargon_per_100", "jargon per 100 words"),
                       ("fixable_codes_per_100", "  JL101-103 per 100 words"),
                       ("uncommon_per_100", "  JL105 per 100 words"),
                       ("grade", "Flesch-Kincaid grade (mean)"),
                       ("grade_long", f"  texts of {min_words}+ words"),
                       ("grade_weighted", "  weighted by words"),
                       ("overall", "overall score (mean)")):
        change = after[key] - before[key]
        relative = f"{100 * change / before[key]:+.1f}%" if before[key] else ""
        print(f"{label:30} {before[key]:8.2f} {after[key]:8.2f} {change:+8.2f} {relative}")
    by_code: dict[str, int] = {}
    for _, edit in edits:
        by_code[edit.code] = by_code.get(edit.code, 0) + 1
    print("\nedits by rule: " + ", ".join(f"{code} {n}" for code, n in sorted(by_code.items())))

    sample = random.Random(args.seed).sample(edits, min(args.sample, len(edits)))
    print(f"\n{len(sample)} edits drawn at random (seed {args.seed}) for review:\n")
    for number, (name, edit) in enumerate(sample, 1):
        print(f"{number:2}. {name} [{edit.code}, {edit.safety.value}] '{_one_line(edit.before)}' -> "
              f"'{_one_line(edit.after)}'")
        print(f"    before: {_one_line(edit.sentence_before)}")
        print(f"    after:  {_one_line(edit.sentence_after)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
