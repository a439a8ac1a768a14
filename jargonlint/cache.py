"""A small on-disk cache for derived data that is slow to rebuild at every start.

What is cached: lexicon entries parsed from YAML, their inflected forms (lemminflect takes
~0.7 s to load), and the word-frequency table. Each value is keyed by a digest of everything it
depends on, so a stale entry is never read, only left behind. Writes are atomic (temporary file
+ rename) and best effort: a read-only home directory just means no cache.

Location: $JARGONLINT_CACHE_DIR, else $XDG_CACHE_HOME/jargonlint, else ~/.cache/jargonlint.
JARGONLINT_NO_CACHE=1 (or the setting use-cache = false) turns it off. The newest few files
of each kind are kept; older ones are deleted when a new one is written.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, Callable

from . import __version__


def cache_dir() -> Path:
    configured = os.environ.get("JARGONLINT_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jargonlint"


def enabled(use_cache: bool = True) -> bool:
    return use_cache and os.environ.get("JARGONLINT_NO_CACHE") != "1"


@functools.lru_cache(maxsize=None)
def source_digest(path: str) -> str:
    """A module's code, for a cache key: what a changed module makes (in development, between
    releases) must not be read back as made the old way. Pass the module's __file__."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def digest(*parts: Any) -> str:
    h = hashlib.sha256(__version__.encode())
    for part in parts:
        h.update(repr(part).encode())
        h.update(b"\0")
    return h.hexdigest()[:24]


def cached(kind: str, key: str, build: Callable[[], Any], use_cache: bool = True) -> Any:
    """The value stored under (kind, key), else build() it and store it."""
    if not enabled(use_cache):
        return build()
    path = cache_dir() / f"{kind}-{key}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
        pass
    value = build()
    _write(path, value)
    return value


KEEP_PER_KIND = 8


def _write(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(path)
    except OSError:
        pass


def _prune(path: Path) -> None:
    """Keep the newest few files of this kind: keys change with every lexicon edit or upgrade."""
    kind = path.name.rsplit("-", 1)[0]
    siblings = sorted(path.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in siblings[KEEP_PER_KIND:]:
        try:
            old.unlink()
        except OSError:
            pass
