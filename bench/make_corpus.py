#!/usr/bin/env python3
"""Generate the benchmark corpus: N provider-style files built from real paragraphs.

Paragraphs come from the shared corpus (../shared/corpus) when present, else from the texts in
tests/data and examples/. Files are assembled deterministically (fixed seed) so every run
measures the same 300 files / 35,000+ words.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def paragraphs(sources: list[Path]) -> list[str]:
    found = []
    for source in sources:
        for path in sorted(source.rglob("*.txt")) + sorted(source.rglob("*.md")):
            if path.name.endswith(".jargon.txt"):
                continue
            for block in path.read_text(encoding="utf-8").split("\n\n"):
                block = block.strip()
                if len(block.split()) >= 12:
                    found.append(block)
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "corpus")
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--min-words", type=int, default=36000)
    ap.add_argument("--source", type=Path, action="append")
    args = ap.parse_args(argv)
    sources = args.source or [p for p in (ROOT.parent / "shared" / "corpus", ROOT / "tests" / "data",
                                          ROOT / "examples") if p.is_dir()]
    pool = paragraphs(sources)
    if not pool:
        raise SystemExit("no source paragraphs found")
    rng = random.Random(20261125)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("msg_*"):
        old.unlink()
    per_file = max(1, args.min_words // args.files + 1)
    total = 0
    for i in range(args.files):
        words, chosen = 0, []
        while words < per_file:
            block = rng.choice(pool)
            chosen.append(block)
            words += len(block.split())
        suffix = ".md" if i % 3 == 0 else ".txt"
        (args.out / f"msg_{i:03d}{suffix}").write_text("\n\n".join(chosen) + "\n", encoding="utf-8")
        total += words
    print(f"wrote {args.files} files, {total} words to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
