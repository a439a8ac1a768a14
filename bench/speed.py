#!/usr/bin/env python3
"""Speed benchmark: whole-run seconds, steady-state words/s, cold start, peak memory.

    python bench/make_corpus.py          # once: 300 files, 36,000+ words in bench/corpus
    python bench/speed.py                # both pipelines (the model one if installed)

Whole run and cold start are measured as a user sees them: a fresh `jargonlint check`
process (best of --repeat). Steady state is the linting alone, in-process, after a warm-up,
with the default worker count and with one process (best of --repeat). Peak memory is the
largest maximum resident set size among the run's processes.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EMAIL = ROOT / "examples" / "client-email.eml"


def run_cli(args: list[str]) -> tuple[float, float, str]:
    """(seconds, peak MB of this child, stdout) of one jargonlint process."""
    script = ("import resource, subprocess, sys, time\n"
              "t = time.perf_counter()\n"
              "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
              "dt = time.perf_counter() - t\n"
              "mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
              "sys.stdout.write(f'{dt} {mb}\\n' + p.stdout)\n")
    proc = subprocess.run([sys.executable, "-c", script, sys.executable, "-m", "jargonlint", *args],
                          capture_output=True, text=True)
    first, _, rest = proc.stdout.partition("\n")
    seconds, mb = first.split()
    return float(seconds), float(mb), rest


def steady_state(corpus: Path, model: str, jobs: int | None, repeat: int) -> tuple[int, float]:
    """(words, best seconds) of linting the corpus in-process after a warm-up run."""
    from jargonlint.api import lint_paths

    lint_paths([str(corpus)], model=model, jobs=jobs)  # warm-up: imports, pipeline, lexicon, caches
    best = float("inf")
    words = 0
    for _ in range(repeat):
        start = time.perf_counter()
        run = lint_paths([str(corpus)], model=model, jobs=jobs)
        best = min(best, time.perf_counter() - start)
        words = sum(r.words for r in run.results)
    return words, best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--out", str(args.corpus)], check=True)
    files = [p for p in args.corpus.iterdir() if p.is_file()]
    os.environ.setdefault("JARGONLINT_CACHE_DIR", tempfile.mkdtemp(prefix="jl-bench-"))
    from jargonlint.nlp import resolve_model

    models = ["none"] + (["auto"] if resolve_model("auto") else [])
    report = {"files": len(files)}
    for model in models:
        run_cli(["check", "--model", model, "--fail-on", "never", str(EMAIL)])  # fill the lexicon cache
        whole = [run_cli(["check", "--model", model, "--fail-on", "never", "--format", "json", str(args.corpus)])
                 for _ in range(args.repeat)]
        best = min(whole, key=lambda r: r[0])
        words = sum(f["words"] for f in json.loads(best[2])["files"])
        cold = min(run_cli(["check", "--model", model, "--fail-on", "never", str(EMAIL)])[0:2]
                   for _ in range(args.repeat))
        steady_words, steady_seconds = steady_state(args.corpus, model, None, args.repeat)
        serial_words, serial_seconds = steady_state(args.corpus, model, 1, args.repeat)
        report[model] = {
            "words": words,
            "whole_run_seconds": round(best[0], 3),
            "whole_run_words_per_second": round(words / best[0]),
            "steady_words_per_second": round(steady_words / steady_seconds),
            "steady_words_per_second_one_process": round(serial_words / serial_seconds),
            "cold_start_seconds": round(cold[0], 3),
            "peak_memory_mb": round(max(r[1] for r in whole), 1),
            "cold_start_peak_memory_mb": round(cold[1], 1),
        }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"corpus: {report['files']} files")
        for model in models:
            r = report[model]
            label = "no model" if model == "none" else "with model"
            print(f"[{label}] {r['words']} words: whole run {r['whole_run_seconds']} s "
                  f"({r['whole_run_words_per_second']} words/s), steady state {r['steady_words_per_second']} words/s "
                  f"({r['steady_words_per_second_one_process']} in one process), "
                  f"cold start (one email) {r['cold_start_seconds']} s, peak memory {r['peak_memory_mb']} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
