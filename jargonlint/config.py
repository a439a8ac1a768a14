"""Settings: defaults, then the closest config file above a file, then command-line flags.

Config files, closest to the linted file first (the first found wins, no merging up the tree):
`.jargonlint.toml`, `.jargonlint.yaml` / `.jargonlint.yml`, then `pyproject.toml` with a
`[tool.jargonlint]` table. `--config FILE` replaces discovery. Flags win over files.
This module never imports click: the CLI passes its flags in as a plain dict.
"""
from __future__ import annotations

import fnmatch
import functools
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .lexicon import AUDIENCES
from .models import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_NAMES = (".jargonlint.toml", ".jargonlint.yaml", ".jargonlint.yml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
KEYS = {"audience", "select", "ignore", "fail_on", "min_score", "model", "lexicons",
        "builtin_lexicons", "vocabulary", "rules", "per_file_ignores", "max_file_size", "max_document_size",
        "use_cache", "exclude", "extend_exclude", "respect_gitignore", "force_exclude", "kind", "kinds"}
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
# e-mail, mbox, .docx and .msg files carry attachments and images that are never read, so they
# get a larger limit of their own: a 20 MB mail with attachments is ordinary
DEFAULT_MAX_DOCUMENT_SIZE = 50 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    audience: str = "business"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    min_score: int | None = None
    model: str = "auto"
    lexicons: tuple[str, ...] = ()                 # extra lexicon files, absolute paths
    builtin_lexicons: bool = True
    accept: frozenset[str] = frozenset()           # lower-case words never flagged
    reject: tuple[tuple[str, str], ...] = ()       # (term, plain alternative or "")
    severities: dict[str, Severity] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (absolute glob, codes)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    max_document_size: int = DEFAULT_MAX_DOCUMENT_SIZE
    use_cache: bool = True
    # folder walks (walk.py): (base folder, .gitignore-style pattern); exclude None = the defaults
    exclude: tuple[tuple[str, str], ...] | None = None
    extend_exclude: tuple[tuple[str, str], ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False
    kind: str = "auto"                             # document kind: auto, incident, email, report
    kind_source: str = ""                          # where `kind` was set (for the JSON "why")
    kinds: tuple[tuple[str, str, str], ...] = ()   # (absolute glob, kind, glob as written)
    source: str = ""                               # the config file these came from, if any

    @property
    def fail_level(self) -> Severity | None:
        return None if self.fail_on == "never" else Severity.parse(self.fail_on)

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Codes ignored for one file by `per-file-ignores`."""
        absolute = os.path.abspath(path)
        codes: list[str] = []
        for pattern, pattern_codes in self.per_file_ignores:
            if fnmatch.fnmatch(absolute, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern):
                codes.extend(pattern_codes)
        return tuple(codes)

    def kind_for(self, path: str) -> tuple[str, str]:
        """(kind, where it was set) for one file: a matching `kinds` pattern, else `kind`.
        A later layer that sets `kind` clears the per-path patterns of earlier layers, so
        `--kind` on the command line always wins."""
        absolute = os.path.abspath(path)
        for pattern, kind, written in self.kinds:
            if fnmatch.fnmatch(absolute, pattern) or fnmatch.fnmatch(os.path.basename(path), written):
                return kind, f"kinds pattern {written!r}"
        return self.kind, self.kind_source


def _normalise_keys(table: Any, where: str) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of settings, got {type(table).__name__}")
    return {str(k).replace("-", "_").lower(): v for k, v in table.items()}


def _codes(value: Any, key: str, where: str) -> tuple[str, ...]:
    from .rules import valid_prefix

    if isinstance(value, str):
        value = [v for v in value.replace(" ", ",").split(",") if v]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of rule codes such as [\"JL101\", \"JL2\"]")
    for code in value:
        if not valid_prefix(code):
            raise ConfigError(f"{where}: '{key}' names unknown rule code {code!r} (see `jargonlint rules`)")
    return tuple(v.strip().upper() if v.lower() != "all" else "all" for v in value)


def _patterns(value: Any, key: str, where: str, base_dir: str) -> tuple[tuple[str, str], ...]:
    """Exclude patterns, each with the folder it is relative to (the config file's, or the
    current folder for flags)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of glob patterns such as [\"drafts/\", \"*.tmp.md\"]")
    return tuple((base_dir, v.strip()) for v in value)


def _parse_size(value: Any, where: str, key: str = "max-file-size") -> int:
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, str):
        text = value.strip().upper().replace(" ", "")
        for suffix, factor in (("MB", 1024 ** 2), ("KB", 1024), ("B", 1)):
            if text.endswith(suffix) and text[: -len(suffix)].replace(".", "", 1).isdigit():
                return int(float(text[: -len(suffix)]) * factor)
        if text.isdigit():
            return int(text)
    raise ConfigError(f"{where}: '{key}' must be a size such as 5MB or 500KB (got {value!r})")


def apply(settings: Settings, raw: dict[str, Any], where: str, base_dir: str) -> Settings:
    """Settings updated with one layer of raw values (from a file or from flags)."""
    from .rules import get_rule

    raw = _normalise_keys(raw, where)
    unknown = sorted(set(raw) - KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown setting {unknown[0]!r} (known: {', '.join(sorted(KEYS))})")
    changes: dict[str, Any] = {}
    if "audience" in raw:
        if raw["audience"] not in AUDIENCES:
            raise ConfigError(f"{where}: audience must be one of {', '.join(AUDIENCES)} (got {raw['audience']!r})")
        changes["audience"] = raw["audience"]
    for key in ("select", "ignore"):
        if key in raw:
            changes[key] = _codes(raw[key], key, where)
    if "fail_on" in raw:
        if raw["fail_on"] not in FAIL_ON:
            raise ConfigError(f"{where}: fail-on must be one of {', '.join(FAIL_ON)} (got {raw['fail_on']!r})")
        changes["fail_on"] = raw["fail_on"]
    if "min_score" in raw:
        value = raw["min_score"]
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not 0 <= value <= 100):
            raise ConfigError(f"{where}: min-score must be a number from 0 to 100 (got {value!r})")
        changes["min_score"] = None if value is None else int(value)
    if "model" in raw:
        if not isinstance(raw["model"], str) or not raw["model"].strip():
            raise ConfigError(f"{where}: model must be 'auto', 'none' or an installed spaCy pipeline name")
        changes["model"] = raw["model"].strip()
    if "lexicons" in raw:
        value = raw["lexicons"]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: lexicons must be a list of YAML file paths")
        changes["lexicons"] = settings.lexicons + tuple(
            os.path.normpath(os.path.join(base_dir, os.path.expanduser(v))) for v in value)
    for key in ("builtin_lexicons", "use_cache", "respect_gitignore", "force_exclude"):
        if key in raw:
            if not isinstance(raw[key], bool):
                raise ConfigError(f"{where}: {key.replace('_', '-')} must be true or false")
            changes[key] = raw[key]
    if "exclude" in raw:
        changes["exclude"] = _patterns(raw["exclude"], "exclude", where, base_dir)
    if "extend_exclude" in raw:
        changes["extend_exclude"] = settings.extend_exclude + _patterns(
            raw["extend_exclude"], "extend-exclude", where, base_dir)
    if "max_file_size" in raw:
        changes["max_file_size"] = _parse_size(raw["max_file_size"], where)
    if "max_document_size" in raw:
        changes["max_document_size"] = _parse_size(raw["max_document_size"], where, "max-document-size")
    if "kind" in raw or "kinds" in raw:
        changes.update(_kind(raw, where, base_dir))
    if "vocabulary" in raw:
        changes.update(_vocabulary(settings, raw["vocabulary"], where))
    if "rules" in raw:
        changes.update(_rules(settings, raw["rules"], where, get_rule))
    if "per_file_ignores" in raw:
        table = raw["per_file_ignores"]
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: per-file-ignores must map glob patterns to lists of rule codes")
        changes["per_file_ignores"] = settings.per_file_ignores + tuple(
            (os.path.join(base_dir, pattern) if not os.path.isabs(pattern) else pattern,
             _codes(codes, f"per-file-ignores[{pattern!r}]", where))
            for pattern, codes in table.items())
    return replace(settings, **changes)


def _kind(raw: dict[str, Any], where: str, base_dir: str) -> dict[str, Any]:
    from .kinds import KIND_CHOICES, KINDS

    kind = raw.get("kind")
    changes: dict[str, Any] = {}
    if kind is not None:
        if kind not in KIND_CHOICES:
            raise ConfigError(f"{where}: kind must be one of {', '.join(KIND_CHOICES)} (got {kind!r})")
        changes["kind"] = kind
        changes["kind_source"] = where if where == "command line" else f"config {where}"
        changes["kinds"] = ()
    table = raw.get("kinds")
    if table is not None:
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: kinds must map glob patterns to a kind, "
                              "e.g. {\"status/*.md\" = \"incident\"}")
        rows = []
        for pattern, value in table.items():
            if value not in KINDS:
                raise ConfigError(f"{where}: kinds[{pattern!r}] must be one of {', '.join(KINDS)} (got {value!r})")
            absolute = pattern if os.path.isabs(pattern) else os.path.join(base_dir, pattern)
            rows.append((absolute, value, str(pattern)))
        changes["kinds"] = tuple(rows)
    return changes


def _vocabulary(settings: Settings, table: Any, where: str) -> dict[str, Any]:
    table = _normalise_keys(table, f"{where}: vocabulary")
    unknown = sorted(set(table) - {"accept", "reject"})
    if unknown:
        raise ConfigError(f"{where}: vocabulary has unknown key {unknown[0]!r} (use accept and reject)")
    changes: dict[str, Any] = {}
    accept = table.get("accept", [])
    if not isinstance(accept, list) or not all(isinstance(w, str) and w.strip() for w in accept):
        raise ConfigError(f"{where}: vocabulary.accept must be a list of words")
    changes["accept"] = settings.accept | {w.strip().lower() for w in accept}
    reject = table.get("reject", [])
    pairs: list[tuple[str, str]] = []
    if isinstance(reject, dict):
        for term, plain in reject.items():
            if not isinstance(plain, str):
                raise ConfigError(f"{where}: vocabulary.reject[{term!r}] must be a plain alternative (a string)")
            pairs.append((str(term).strip(), plain.strip()))
    elif isinstance(reject, list) and all(isinstance(w, str) and w.strip() for w in reject):
        pairs.extend((w.strip(), "") for w in reject)
    else:
        raise ConfigError(f"{where}: vocabulary.reject must be a list of words, "
                          "or a table word = \"plain alternative\"")
    changes["reject"] = settings.reject + tuple(pairs)
    return changes


def _rules(settings: Settings, table: Any, where: str, get_rule) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: rules must map rule codes to tables of options")
    severities = dict(settings.severities)
    options = {code: dict(values) for code, values in settings.rule_options.items()}
    for code, values in table.items():
        rule = get_rule(str(code))
        if rule is None:
            raise ConfigError(f"{where}: rules.{code}: unknown rule (see `jargonlint rules`)")
        values = _normalise_keys(values, f"{where}: rules.{code}")
        for key, value in values.items():
            if key == "severity":
                try:
                    severities[rule.code] = Severity.parse(str(value))
                except ValueError as exc:
                    raise ConfigError(f"{where}: rules.{code}.severity: {exc}") from None
            elif key in rule.options:
                options.setdefault(rule.code, {})[key] = value
            else:
                known = ", ".join(["severity", *rule.options]) or "severity"
                raise ConfigError(f"{where}: rules.{code}: unknown option {key!r} (known: {known})")
    return {"severities": severities, "rule_options": options}


def read_config_file(path: Path) -> dict[str, Any] | None:
    """The jargonlint table of a config file, or None for a pyproject.toml without one."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        if path.name == "pyproject.toml":
            return data.get("tool", {}).get("jargonlint")
        return data
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark is not None else ""
        raise ConfigError(f"{path}: invalid YAML{line}: {getattr(exc, 'problem', exc)}") from None
    return data if data is not None else {}


@functools.lru_cache(maxsize=1024)
def find_config(directory: str) -> str | None:
    """The closest config file at or above `directory` (cached per directory)."""
    current = Path(directory).resolve()
    for folder in (current, *current.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and read_config_file(candidate) is None:
                    continue
                return str(candidate)
    return None


@functools.lru_cache(maxsize=256)
def _settings_from_file(config_path: str | None) -> Settings:
    if config_path is None:
        return Settings()
    path = Path(config_path)
    data = read_config_file(path)
    if data is None:
        raise ConfigError(f"{path}: no [tool.jargonlint] table in this pyproject.toml")
    return replace(apply(Settings(), data, str(path), str(path.parent)), source=str(path))


def settings_for(path: str | None, overrides: dict[str, Any] | None = None,
                 config: str | None = None, discover: bool = True, is_dir: bool = False) -> Settings:
    """Settings for one file (or, with `is_dir`, a folder to walk): `config` if given, else the
    closest config file (unless `discover` is off); then flags."""
    if config is not None:
        if not os.path.isfile(config):
            raise ConfigError(f"{config}: config file not found")
        base = _settings_from_file(os.path.abspath(config))
    elif not discover:
        base = Settings()
    else:
        if not path:
            directory = os.getcwd()
        else:
            directory = os.path.abspath(path) if is_dir else os.path.dirname(os.path.abspath(path))
        base = _settings_from_file(find_config(directory))
    if overrides:
        base = apply(base, {k: v for k, v in overrides.items() if v is not None}, "command line", os.getcwd())
    return base
