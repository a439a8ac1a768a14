"""Load and validate YAML lexicons into frozen entries.

Lexicons are data (docs/lexicon-format.md); this module is their only reader. A broken file
raises LexiconError naming the file, the line, the entry and what is wrong.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from .errors import LexiconError

KINDS = ("jargon", "acronym", "buzzword", "wordy", "vague")
ACTIONS = ("replace", "define", "suggest")
SAFETIES = ("safe", "unsafe", "display")
AUDIENCES = ("business", "staff", "technical")
POS_TAGS = ("NOUN", "VERB", "ADJ", "ADV", "PROPN")

TOP_KEYS = {"schema", "id", "title", "source", "description", "defaults", "entries"}
ENTRY_KEYS = {"term", "variants", "kind", "category", "expansion", "plain", "explain", "action",
              "safety", "audiences", "pos", "skip_if_prev", "skip_if_next", "example",
              "counterexamples", "provenance", "context", "gloss", "plain_by_object", "head_noun",
              "skip_if_near", "modifier", "keep_if_near", "plain_by_previous", "named_in_title_case"}
DEFAULT_KEYS = {"kind", "category", "action", "safety", "audiences", "pos", "provenance"}
REQUIRED_ENTRY_KEYS = ("term", "kind", "category", "explain", "action", "safety", "audiences", "example")
MAX_GLOSS_WORDS = 6
_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MODIFIER = re.compile(r"[a-z]+(?:-[a-z]+){0,2}")


@dataclass(frozen=True)
class LexiconEntry:
    term: str
    kind: str
    category: str
    explain: str
    action: str
    safety: str
    audiences: tuple[str, ...]
    example: str
    variants: tuple[str, ...] = ()
    expansion: str = ""
    plain: tuple[str, ...] = ()
    gloss: str = ""           # short plain noun phrase written in brackets after the term at first use
    # names: the plain word put between the name and a noun it modifies, where a gloss would
    # split the phrase ("the Veeam agent" -> "the Veeam backup agent")
    modifier: str = ""
    pos: str = ""
    skip_if_prev: frozenset[str] = frozenset()
    skip_if_next: frozenset[str] = frozenset()
    # (plain alternative, object words): the object after the term picks that alternative
    # ("identify the situation" -> "spot", where "find" reads wrong)
    plain_by_object: tuple[tuple[str, frozenset[str]], ...] = ()
    # (plain alternative, words): the word before a term that ends its phrase picks that
    # alternative ("under your SLA" is the contract, "a 30-minute SLA" a target)
    plain_by_previous: tuple[tuple[str, frozenset[str]], ...] = ()
    context: frozenset[str] = frozenset()   # the IT sense needs one of these in the sentence
    skip_if_near: frozenset[str] = frozenset()   # another sense: one of these in the sentence
    # still jargon, but the plain wording misreads here: one of these in the sentence ("API"
    # beside "plugins" and "methods" is a programming interface, not a "data connection")
    keep_if_near: frozenset[str] = frozenset()
    # acronyms: the noun a bare use stands for ("your CRM" is a system), written after the
    # spelled-out form where no noun follows: "your customer relationship management (CRM) system"
    head_noun: str = ""
    # written in Title Case the term is a product's own name for a role, feature or document
    # ("Global Administrator", the contract's "Service Level Agreement"): explained, not renamed
    named_in_title_case: bool = False
    counterexamples: tuple[str, ...] = ()
    lexicon: str = ""
    source: str = ""          # file the entry came from
    line: int = 0             # 1-based line of the entry in that file
    provenance: str = ""

    @property
    def case_sensitive(self) -> bool:
        """Acronyms match case-sensitively ("IT" is not "it"); everything else does not."""
        return self.kind == "acronym"

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.variants)

    def key(self) -> str:
        return self.term if self.case_sensitive else self.term.lower()


@dataclass(frozen=True)
class Lexicon:
    id: str
    title: str
    source: str
    path: str
    entries: tuple[LexiconEntry, ...]


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader that records each mapping's line and refuses duplicate keys."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    mapping = loader.construct_mapping(node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _fail(path: str, line: int | None, what: str, entry: str | None = None) -> LexiconError:
    where = f"{path}:{line}" if line else path
    subject = f" entry {entry!r}:" if entry else ""
    return LexiconError(f"{where}:{subject} {what}")


def _str_list(value: Any, field: str, fail) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        hint = (" (quote words YAML reads as true/false, such as 'on', 'off', 'yes', 'no')"
                if isinstance(value, list) and any(isinstance(v, bool) for v in value) else "")
        raise fail(f"'{field}' must be a list of non-empty strings{hint}")
    return tuple(v.strip() for v in value)


def _entry(raw: Any, defaults: dict, path: str, lexicon_id: str, index: int) -> LexiconEntry:
    if not isinstance(raw, dict):
        raise _fail(path, None, f"entry #{index + 1} is not a mapping (got {type(raw).__name__})")
    line = raw.pop("__line__", None)
    term = raw.get("term")
    label = term if isinstance(term, str) else f"#{index + 1}"

    def fail(what: str) -> LexiconError:
        return _fail(path, line, what, label)

    unknown = sorted(set(raw) - ENTRY_KEYS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (allowed: {', '.join(sorted(ENTRY_KEYS))})")
    merged = {**defaults, **raw}
    for key in REQUIRED_ENTRY_KEYS:
        if key not in merged or merged[key] in (None, "", []):
            raise fail(f"missing required key {key!r}")
    for key in ("term", "kind", "category", "explain", "action", "safety", "example"):
        if not isinstance(merged[key], str) or not merged[key].strip():
            raise fail(f"{key!r} must be a non-empty string")
    kind, action, safety = merged["kind"], merged["action"], merged["safety"]
    if kind not in KINDS:
        raise fail(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    if action not in ACTIONS:
        raise fail(f"action {action!r} is not one of {', '.join(ACTIONS)}")
    if safety not in SAFETIES:
        raise fail(f"safety {safety!r} is not one of {', '.join(SAFETIES)}")
    plain = _str_list(merged.get("plain", []), "plain", fail) if merged.get("plain") else ()
    if action == "replace" and not plain:
        raise fail("action 'replace' needs at least one 'plain' alternative")
    if action == "define" and kind != "acronym":
        raise fail("action 'define' is only for acronyms (use 'suggest' or 'replace')")
    expansion = merged.get("expansion", "")
    if not isinstance(expansion, str):
        raise fail("'expansion' must be a string")
    if action == "define" and not expansion.strip():
        raise fail("action 'define' needs an 'expansion'")
    if action == "suggest" and safety != "display":
        raise fail("action 'suggest' offers no automatic fix: its safety must be 'display'")
    audiences = _str_list(merged["audiences"], "audiences", fail)
    bad = [a for a in audiences if a not in AUDIENCES]
    if bad:
        raise fail(f"audience {bad[0]!r} is not one of {', '.join(AUDIENCES)}")
    pos = merged.get("pos", "") or ""
    if pos and pos not in POS_TAGS:
        raise fail(f"pos {pos!r} is not one of {', '.join(POS_TAGS)}")
    variants = _str_list(merged.get("variants", []), "variants", fail) if merged.get("variants") else ()
    counter = (_str_list(merged.get("counterexamples", []), "counterexamples", fail)
               if merged.get("counterexamples") else ())
    skip_prev = (_str_list(merged["skip_if_prev"], "skip_if_prev", fail) if merged.get("skip_if_prev") else ())
    skip_next = (_str_list(merged["skip_if_next"], "skip_if_next", fail) if merged.get("skip_if_next") else ())
    context = _str_list(merged["context"], "context", fail) if merged.get("context") else ()
    near = _str_list(merged["skip_if_near"], "skip_if_near", fail) if merged.get("skip_if_near") else ()
    keep_near = _str_list(merged["keep_if_near"], "keep_if_near", fail) if merged.get("keep_if_near") else ()
    gloss = merged.get("gloss", "") or ""
    if not isinstance(gloss, str):
        raise fail("'gloss' must be a string")
    gloss = " ".join(gloss.split())
    if gloss and (kind not in ("jargon", "acronym") or pos in ("VERB", "ADJ", "ADV")):
        raise fail("'gloss' is for nouns (jargon terms and acronyms): a bracketed gloss explains a name")
    if any(c in gloss for c in "()[]"):
        raise fail("'gloss' must not contain brackets: the fix writes it inside brackets")
    if len(gloss.split()) > MAX_GLOSS_WORDS:
        raise fail(f"'gloss' has {len(gloss.split())} words (at most {MAX_GLOSS_WORDS})")
    modifier = merged.get("modifier", "") or ""
    if not isinstance(modifier, str) or (modifier and not _MODIFIER.fullmatch(modifier)):
        raise fail("'modifier' must be one lower-case word, or words joined by hyphens (\"backup\", "
                   "\"device-management\")")
    if modifier and not gloss:
        raise fail("'modifier' goes with a 'gloss': it stands in for the gloss before a noun")
    by_object = _plain_by_words(merged.get("plain_by_object"), "plain_by_object", plain, action, fail)
    by_previous = _plain_by_words(merged.get("plain_by_previous"), "plain_by_previous", plain, action, fail)
    head_noun = merged.get("head_noun", "") or ""
    if not isinstance(head_noun, str) or (head_noun and not re.fullmatch(r"[a-z]+(?: [a-z]+)?", head_noun)):
        raise fail("'head_noun' must be one or two lower-case words (\"system\", \"tool\")")
    if head_noun and (kind != "acronym" or action != "define"):
        raise fail("'head_noun' is for acronyms that are spelled out ('kind: acronym', 'action: define')")
    named = merged.get("named_in_title_case", False)
    if not isinstance(named, bool):
        raise fail("'named_in_title_case' must be true or false")
    if named and (kind == "acronym" or all(" " not in form.strip() for form in (merged["term"], *variants))):
        raise fail("'named_in_title_case' is for terms of two or more words (\"global admin\"), not acronyms")
    provenance = merged.get("provenance", "")
    if not isinstance(provenance, str):
        raise fail("'provenance' must be a string")
    return LexiconEntry(
        term=merged["term"].strip(), kind=kind, category=merged["category"].strip(),
        explain=" ".join(merged["explain"].split()), action=action, safety=safety,
        audiences=audiences, example=merged["example"].strip(), variants=variants,
        expansion=expansion.strip(), plain=plain, gloss=gloss, modifier=modifier, pos=pos,
        skip_if_prev=frozenset(w.lower() for w in skip_prev),
        skip_if_next=frozenset(w.lower() for w in skip_next), plain_by_object=by_object,
        plain_by_previous=by_previous,
        context=frozenset(w.lower() for w in context), head_noun=head_noun, named_in_title_case=named,
        skip_if_near=frozenset(w.lower() for w in near), keep_if_near=frozenset(w.lower() for w in keep_near),
        counterexamples=counter, lexicon=lexicon_id, source=path, line=line or 0,
        provenance=provenance.strip())


def _plain_by_words(value, key: str, plain: tuple[str, ...], action: str,
                    fail) -> tuple[tuple[str, frozenset[str]], ...]:
    """`plain_by_object` or `plain_by_previous`: {plain alternative: [words]}; each key one of
    `plain` (not the first, which is the default) on a `replace` entry, each value a list of
    words."""
    if not value:
        return ()
    if not isinstance(value, dict):
        raise fail(f"'{key}' must be a mapping of a plain alternative to a list of words")
    if action != "replace":
        raise fail(f"'{key}' picks a rewrite: it is only for action 'replace'")
    picked = []
    for alternative, words in value.items():
        if alternative == "__line__":
            continue   # the loader's line number (_LineLoader)
        if not isinstance(alternative, str) or alternative not in plain[1:]:
            raise fail(f"'{key}': {alternative!r} is not one of the entry's other 'plain' alternatives")
        listed = _str_list(words, f"{key}[{alternative}]", fail)
        picked.append((alternative, frozenset(w.lower() for w in listed)))
    return tuple(picked)


def parse_lexicon(text: str, path: str) -> Lexicon:
    """Parse and validate one lexicon's YAML text; `path` is used in error messages."""
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise _fail(path, line, f"invalid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise _fail(path, None, "a lexicon must be a YAML mapping with 'schema', 'id', 'title', 'source' and 'entries'")
    data.pop("__line__", None)
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise _fail(path, None, f"unknown top-level key {unknown[0]!r} (allowed: {', '.join(sorted(TOP_KEYS))})")
    if data.get("schema") != 1:
        raise _fail(path, None, f"'schema' must be 1 (got {data.get('schema')!r})")
    lexicon_id = data.get("id")
    if not isinstance(lexicon_id, str) or not _KEBAB.match(lexicon_id):
        raise _fail(path, None, "'id' must be a kebab-case name such as 'networking'")
    for key in ("title", "source"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise _fail(path, None, f"missing required key {key!r}")
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise _fail(path, None, "'defaults' must be a mapping")
    defaults.pop("__line__", None)
    bad_defaults = sorted(set(defaults) - DEFAULT_KEYS)
    if bad_defaults:
        allowed = ", ".join(sorted(DEFAULT_KEYS))
        raise _fail(path, None, f"'defaults' cannot set {bad_defaults[0]!r} (allowed: {allowed})")
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise _fail(path, None, "'entries' must be a non-empty list")
    entries = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_entries):
        entry = _entry(raw, defaults, path, lexicon_id, index)
        for form in entry.forms:
            key = form if entry.case_sensitive else form.lower()
            if key in seen:
                raise _fail(path, entry.line, f"duplicate of the entry on line {seen[key]} ({form!r})", entry.term)
            seen[key] = entry.line
        entries.append(entry)
    return Lexicon(id=lexicon_id, title=data["title"].strip(), source=data["source"].strip(),
                   path=path, entries=tuple(entries))


def read_lexicon(path: Path) -> Lexicon:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file not found") from None
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: lexicon is not UTF-8 text (bad byte at offset {exc.start})") from None
    return parse_lexicon(text, str(path))


def merge_lexicons(lexicons: Iterable[Lexicon]) -> tuple[LexiconEntry, ...]:
    """All entries of several lexicons; a term defined twice across files is an error."""
    seen: dict[str, LexiconEntry] = {}
    ids: dict[str, str] = {}
    entries = []
    for lexicon in lexicons:
        if lexicon.id in ids:
            raise LexiconError(f"{lexicon.path}: lexicon id {lexicon.id!r} is already used by {ids[lexicon.id]}")
        ids[lexicon.id] = lexicon.path
        for entry in lexicon.entries:
            for form in entry.forms:
                key = form if entry.case_sensitive else form.lower()
                other = seen.get(key)
                if other is not None:
                    raise LexiconError(
                        f"{entry.source}:{entry.line}: entry {entry.term!r}: {form!r} is already defined "
                        f"in {other.source}:{other.line} (entry {other.term!r})")
                seen[key] = entry
            entries.append(entry)
    return tuple(entries)


def stamps(paths: Iterable[str]) -> tuple[tuple[str, int, int], ...] | None:
    """(path, mtime, size) of each file, or None if one cannot be read: what cached lexicons
    are keyed by, so an edited file is read again."""
    result = []
    for p in paths:
        try:
            info = os.stat(p)
        except OSError:
            return None
        result.append((os.path.abspath(p), info.st_mtime_ns, info.st_size))
    return tuple(result)


def load_lexicons(paths: tuple[str, ...], use_cache: bool = True) -> tuple[LexiconEntry, ...]:
    """Read, validate and merge lexicon files: once per process while no file changes, and
    from the on-disk cache across processes (parsing the YAML is a tenth of a cold start)."""
    key = stamps(paths)
    if key is None:
        return merge_lexicons(read_lexicon(Path(p)) for p in paths)  # reports the missing file
    return _load_stamped(tuple(paths), key, use_cache)


@functools.lru_cache(maxsize=32)
def _load_stamped(paths: tuple[str, ...], key: tuple, use_cache: bool) -> tuple[LexiconEntry, ...]:
    from . import cache

    def build() -> tuple[LexiconEntry, ...]:
        return merge_lexicons(read_lexicon(Path(p)) for p in paths)

    # this module's source too: a cached entry from before a field was added would lack it
    return cache.cached("lexicons", cache.digest(key, cache.source_digest(__file__)), build, use_cache)


def fingerprint(entries: Iterable[LexiconEntry]) -> str:
    """A digest of everything the cached forms depend on (matched forms, and the plain
    alternatives and expansions that are inflected to fit them)."""
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(repr((entry.term, entry.variants, entry.kind, entry.pos, entry.plain, entry.expansion,
                            entry.gloss, entry.modifier,
                            [alternative for alternative, _ in
                             entry.plain_by_object + entry.plain_by_previous])).encode())
    return digest.hexdigest()[:20]
