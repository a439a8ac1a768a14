"""Output formats, one module each. A formatter turns a LintRun into a string."""
from __future__ import annotations

from . import github, json_format, sarif, text

FORMATTERS = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
}

__all__ = ["FORMATTERS"]
