"""The public Python API: lint a string or files, get FileResults back.

    >>> from jargonlint import lint_text
    >>> result = lint_text("We will leverage our synergies going forward.")
    >>> [f.code for f in result.findings]
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any, Iterator

from .models import FileResult, InputProblem


@dataclass
class LintRun:
    """What a run over paths produced: results per linted file, and files that could not be read."""

    results: list[FileResult] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    pipeline: str = ""


def lint_text(text: str, *, path: str = "<text>", format: str = "text", config: str | None = None,
              **settings: Any) -> FileResult:
    """Lint one string. Keyword settings are those of the config file (audience="technical" ...)."""
    from .config import settings_for
    from .linter import lint_documents
    from .sources import FORMATS

    resolved = settings_for(None, settings, config, discover=False)
    extract = FORMATS.get(format)
    if extract is None:
        raise ValueError(f"unknown format {format!r} (use {', '.join(FORMATS)})")
    from .models import Document

    document = Document(path=path, text=text, prose=extract(text), kind=format)
    return next(lint_documents([(document, resolved)]))


def lint_paths(paths: list[str], *, config: str | None = None, stdin_filename: str | None = None,
               jobs: int | None = None, **settings: Any) -> LintRun:
    """Lint files and directories (recursing over the lintable extensions, skipping excluded
    and git-ignored paths; see walk.py); "-" reads stdin.
    `jobs`: worker processes for large runs (default: $JARGONLINT_JOBS or the CPU count)."""
    from .config import settings_for
    from .errors import InputError
    from .linter import lint_documents
    from .nlp import build_pipeline
    from .sources import document_from_bytes, read_document
    from .walk import WalkRules, expand_paths

    def walk_rules(path: str, is_dir: bool) -> WalkRules:
        return WalkRules.from_settings(settings_for(path, settings, config, is_dir=is_dir))

    run = LintRun()
    files, problems = expand_paths([p for p in paths if p != "-"], walk_rules)
    run.problems.extend(problems)
    if "-" in paths:
        files.append("-")

    def documents() -> Iterator:
        for path in files:
            try:
                if path == "-":
                    name = stdin_filename or "<stdin>"
                    resolved = settings_for(stdin_filename, settings, config)
                    raw = sys.stdin.buffer.read(resolved.max_file_size + 1)
                    if len(raw) > resolved.max_file_size:
                        raise InputError(f"{name}: standard input is larger than max-file-size")
                    yield document_from_bytes(raw, name), resolved
                else:
                    resolved = settings_for(path, settings, config)
                    yield read_document(path, resolved.max_file_size), resolved
            except InputError as exc:
                run.problems.append(InputProblem(path, str(exc)))

    run.results.extend(lint_documents(documents(), jobs=jobs))
    run.pipeline = build_pipeline(settings_for(None, settings, config).model).label if run.results else ""
    return run
