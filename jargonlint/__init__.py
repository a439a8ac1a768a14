"""jargonlint: lint IT provider messages for jargon, readability and business relevance."""
from __future__ import annotations

__version__ = "0.1.0"

from .api import lint_paths, lint_text  # noqa: E402

__all__ = ["__version__", "lint_text", "lint_paths"]
