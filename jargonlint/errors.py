"""Errors a user can act on. The CLI prints their message and exits 2; never a traceback."""
from __future__ import annotations


class JargonlintError(Exception):
    """Base class: the message names the file and says what is wrong."""


class ConfigError(JargonlintError):
    pass


class LexiconError(JargonlintError):
    pass


class InputError(JargonlintError):
    pass


class ModelError(JargonlintError):
    pass
