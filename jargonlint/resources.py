"""Where bundled data lives: the lexicons shipped in the wheel and the package's data files."""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

_PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = _PACKAGE_DIR / "data"


def bundled_lexicon_dir() -> Path:
    """The built-in lexicons: inside the installed package, else the repository's top-level folder."""
    inside = _PACKAGE_DIR / "lexicons"
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / "lexicons"


@functools.lru_cache(maxsize=1)
def bundled_lexicon_files() -> tuple[Path, ...]:
    """The bundled lexicon files (listed once per process)."""
    return tuple(sorted(bundled_lexicon_dir().glob("*.yaml")))


@functools.lru_cache(maxsize=None)
def data_yaml(name: str) -> dict:
    """A YAML data file of the package (thresholds, word lists), parsed once."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@functools.lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A one-word-per-line data file ('#' starts a comment), as a set."""
    words = set()
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(line)
    return frozenset(words)
