"""Paths given on the command line -> the files to lint, in a stable order."""
from __future__ import annotations

import os

from .models import InputProblem
from .sources import LINTABLE_EXTENSIONS


def expand_paths(paths: list[str]) -> tuple[list[str], list[InputProblem]]:
    """Files named directly are linted whatever their extension; directories are walked for
    lintable extensions, skipping hidden folders and never following symlinked folders."""
    files: list[str] = []
    problems: list[InputProblem] = []
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            found = sorted(_walk(path))
            if not found:
                problems.append(InputProblem(path, f"{path}: no files to lint here (looked for "
                                             f"{', '.join(LINTABLE_EXTENSIONS)})"))
            candidates = found
        elif os.path.exists(path):
            candidates = [path]
        else:
            problems.append(InputProblem(path, f"{path}: no such file or directory"))
            continue
        for candidate in candidates:
            key = os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                files.append(candidate)
    return files, problems


def _walk(root: str):
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
        for name in names:
            if name.startswith("."):
                continue
            if name.lower().endswith(LINTABLE_EXTENSIONS):
                yield os.path.join(folder, name)
