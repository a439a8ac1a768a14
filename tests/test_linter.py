"""Orchestration: parallel runs equal serial ones; the on-disk cache is safe to lose or break."""
from __future__ import annotations

import os

from jargonlint.api import lint_paths
from jargonlint.formatters.json_format import file_dict

TEXTS = [
    "We remediated the BGP flap on the edge router per the RCA.",
    "Your internet was down for 20 minutes this morning. It works now.",
    "Going forward we will leverage best practices to mitigate elevated latency.",
    "# Update\n\n- moved the mail server\n- replaced the old switch\n",
]


def test_parallel_results_equal_serial(tmp_path):
    for i in range(140):  # several batches, so workers are used
        (tmp_path / f"m{i:03d}.txt").write_text(TEXTS[i % len(TEXTS)] * (1 + i % 3), encoding="utf-8")
    serial = lint_paths([str(tmp_path)], model="none", jobs=1)
    parallel = lint_paths([str(tmp_path)], model="none", jobs=2)
    assert [file_dict(r) for r in serial.results] == [file_dict(r) for r in parallel.results]
    assert [r.path for r in parallel.results] == sorted(str(p) for p in tmp_path.glob("*.txt"))


def test_broken_cache_files_are_rebuilt(tmp_path, monkeypatch):
    from jargonlint import cache

    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(tmp_path / "cache"))
    built = []
    value = cache.cached("thing", "k1", lambda: built.append(1) or {"a": 1})
    assert value == {"a": 1} and built == [1]
    assert cache.cached("thing", "k1", lambda: built.append(2) or {"a": 2}) == {"a": 1}  # from disk
    (tmp_path / "cache" / "thing-k1.pickle").write_bytes(b"not a pickle")
    assert cache.cached("thing", "k1", lambda: built.append(3) or {"a": 3}) == {"a": 3}
    assert built == [1, 3]


def test_unwritable_cache_directory_is_not_an_error(tmp_path, monkeypatch):
    from jargonlint import cache

    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(blocker / "cache"))
    assert cache.cached("thing", "k", lambda: 42) == 42
    assert not os.path.isdir(blocker)


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    from jargonlint import cache

    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("JARGONLINT_NO_CACHE", "1")
    assert cache.cached("thing", "k", lambda: 7) == 7
    assert not (tmp_path / "cache").exists()


def test_old_cache_files_are_pruned(tmp_path, monkeypatch):
    import time

    from jargonlint import cache

    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(tmp_path))
    for i in range(cache.KEEP_PER_KIND + 3):
        cache.cached("thing", f"k{i}", lambda i=i: i)
        time.sleep(0.01)
    kept = sorted(p.name for p in tmp_path.glob("thing-*.pickle"))
    assert len(kept) == cache.KEEP_PER_KIND
    assert "thing-k0.pickle" not in kept and f"thing-k{cache.KEEP_PER_KIND + 2}.pickle" in kept
