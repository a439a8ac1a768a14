"""The public Python API: lint a string or files, get FileResults back.

    >>> from jargonlint import lint_text
    >>> result = lint_text("We will leverage our synergies going forward.")
    >>> [f.code for f in result.findings]
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .models import FileResult, InputProblem


@dataclass
class LintRun:
    """What a run over paths produced: results per linted file, and files that could not be read."""

    results: list[FileResult] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    pipeline: str = ""


def lint_text(text: str, *, path: str = "<text>", format: str = "text", config: str | None = None,
              **settings: Any) -> FileResult:
    """Lint one string. `format`: text, markdown, html, or email (a whole message, headers
    included). Keyword settings are those of the config file (audience="technical" ...)."""
    from .config import settings_for
    from .linter import lint_documents
    from .models import Document
    from .sources import FORMATS, document_from_bytes

    resolved = settings_for(None, settings, config, discover=False)
    if format == "email":
        document = document_from_bytes(text.encode("utf-8"), path, "email")
    elif format in FORMATS:
        document = Document(path=path, text=text, prose=FORMATS[format](text), kind=format)
    else:
        raise ValueError(f"unknown format {format!r} (use {', '.join(FORMATS)} or email; "
                         "lint_paths reads mbox, docx and msg files)")
    return next(lint_documents([(document, resolved)]))


def lint_paths(paths: list[str], *, config: str | None = None, stdin_filename: str | None = None,
               jobs: int | None = None, format: str | None = None, **settings: Any) -> LintRun:
    """Lint files and directories (recursing over the lintable extensions, skipping excluded
    and git-ignored paths; see walk.py); "-" reads stdin (bytes, so .docx and .msg work too).
    `format` forces one input format (text, markdown, html, email, mbox, docx, msg) instead of
    choosing by extension and content.
    `jobs`: worker processes for large runs (default: $JARGONLINT_JOBS or the CPU count)."""
    from .config import settings_for
    from .errors import InputError
    from .linter import lint_documents
    from .nlp import build_pipeline
    from .sources import (
        EXTENSIONS,
        FORMAT_NAMES,
        documents_from_bytes,
        read_documents,
        size_limit,
    )
    from .walk import WalkRules, expand_paths

    def walk_rules(path: str, is_dir: bool) -> WalkRules:
        return WalkRules.from_settings(settings_for(path, settings, config, is_dir=is_dir))

    if format is not None and format not in FORMAT_NAMES:
        raise InputError(f"unknown input format {format!r} (use {', '.join(FORMAT_NAMES)})")
    run = LintRun()
    files, problems = expand_paths([p for p in paths if p != "-"], walk_rules)
    run.problems.extend(problems)
    if "-" in paths:
        files.append("-")

    def items(path: str, resolved) -> Iterator:
        if path == "-":
            name = stdin_filename or "<stdin>"
            known = format or EXTENSIONS.get(os.path.splitext(name)[1].lower())
            if known:
                limit, key = size_limit(known, resolved.max_file_size, resolved.max_document_size)
            else:  # sniffed: read under the larger limit, text is held to max-file-size after
                limit, key = max(resolved.max_file_size, resolved.max_document_size), "max-document-size"
            raw = sys.stdin.buffer.read(limit + 1)
            if len(raw) > limit:
                raise InputError(f"{name}: standard input is larger than {key}")
            return documents_from_bytes(raw, name, format, max_file_size=resolved.max_file_size)
        return read_documents(path, resolved.max_file_size, resolved.max_document_size, format)

    def documents() -> Iterator:
        for path in files:
            try:
                resolved = settings_for(stdin_filename if path == "-" else path, settings, config)
                for item in items(path, resolved):
                    if isinstance(item, InputProblem):
                        run.problems.append(item)
                    else:
                        yield item, resolved
            except InputError as exc:
                run.problems.append(InputProblem(path if path != "-" else (stdin_filename or "<stdin>"), str(exc)))

    run.results.extend(lint_documents(documents(), jobs=jobs))
    run.pipeline = build_pipeline(settings_for(None, settings, config).model).label if run.results else ""
    return run
