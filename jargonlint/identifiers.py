"""Technical identifiers in prose: file names, names from code, system labels, HTTP codes.

No lexicon can list `appsettings.json`, `bdist_egg`, `userAccessControl`, `eu-central-1`,
`arm64` or "HTTP 503", but their shape gives them away: a reader outside IT cannot know what
they refer to. Word lists (extensions, well-known brand spellings, status labels) are in
data/identifiers.yaml.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterator

from .english import is_common
from .resources import data_yaml

KINDS = {
    "file": "The name of a file on a computer or server; the reader cannot tell what it is or why it matters.",
    "code": "A name from program code or configuration; it means nothing to a reader outside IT.",
    "label": "An internal label for a system, region or chip type; say which service or place it means.",
    "status": "A technical error number; say what stopped working for the reader instead.",
    "product": "The name of a cloud provider's technical service; say what it does for the reader.",
}


@functools.lru_cache(maxsize=1)
def _status_meanings() -> dict[str, tuple[str, str]]:
    return {str(code): (forms[0], forms[1]) for code, forms in data_yaml("identifiers.yaml")["status_meanings"].items()}


def status_meaning(name: str) -> str:
    """What a status identifier means for the reader ("returning 404" -> "page not found";
    "502 errors" -> "bad replies from another server"), or "" (data/identifiers.yaml)."""
    forms = _status_meanings().get(status_code(name))
    if forms is None:
        return ""
    return forms[1] if name.lower().endswith(("errors", "responses")) else forms[0]


_STATUS_NUMBER = re.compile(r"[1-5]\d\d")


@functools.lru_cache(maxsize=1)
def _file_meanings() -> dict[str, tuple[str, str]]:
    return {str(key).lower(): (forms[0], forms[1])
            for key, forms in data_yaml("identifiers.yaml")["file_meanings"].items()}


def file_type(name: str) -> str:
    """What a file name's meaning is filed under: the whole name where the data has one
    ("setup.py", "__pycache__"), else its extension ("app.pyc", ".pyc" -> "pyc"); "" for
    none. Uses of the same type share one explanation."""
    lower = name.lower()
    meanings = _file_meanings()
    if lower in meanings:
        return lower
    extension = lower.rpartition(".")[2] if "." in lower else ""
    return extension if extension in meanings else ""


def file_meaning(name: str, plural: bool = False) -> str:
    """What a file is, in plain words ("app.pyc" -> "ready-to-run program file"), or ""."""
    forms = _file_meanings().get(file_type(name))
    return "" if forms is None else forms[plural]


def status_code(name: str) -> str:
    """The three-digit code in a status identifier ("returning 404" -> "404")."""
    found = _STATUS_NUMBER.search(name)
    return found.group(0) if found else ""


@dataclass(frozen=True)
class Identifier:
    start: int
    end: int
    kind: str     # a key of KINDS
    # where the part no lexicon covers starts: "AWS Glue" is a product name even where the
    # lexicon already knows "AWS"
    own_start: int = -1

    @property
    def checked_from(self) -> int:
        return self.start if self.own_start < 0 else self.own_start


_GLUE = frozenset("to of in on by and or a an".split())
# a run of text between spaces, brackets, quotes, slashes and clause punctuation
_CHUNK = re.compile(r"[^\s()\[\]{}<>\"'`*|/\u2018\u2019\u201c\u201d,;!?]+")
_STATUS_HINT = re.compile(r"\b[1-5]\d\d\b")


@functools.lru_cache(maxsize=1)
def _patterns() -> dict:
    """Whole-chunk patterns (one regular-expression scan over the text finds the chunks; most
    chunks are plain words and are skipped without trying any pattern)."""
    data = data_yaml("identifiers.yaml")
    extensions = "|".join(sorted(map(re.escape, data["file_extensions"]), key=len, reverse=True))
    codes = "|".join(str(c) for c in data["status_codes"])
    labels = "|".join(re.escape(label) for label in sorted(data["status_labels"], key=len, reverse=True))
    leads = "|".join(re.escape(w) for w in data["status_lead_words"])
    weak_leads = "|".join(re.escape(w) for w in data["status_weak_lead_words"])
    vendors = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in data["cloud_vendors"])
    return {
        "known": frozenset(data["known_names"]),
        "company_words": frozenset(data["company_words"]),
        # whole names with a meaning are found wherever they stand ("Dockerfile", "requirements.txt")
        "whole": frozenset(str(key) for key in data["file_meanings"] if "." in str(key) or not str(key).islower()),
        "file": re.compile(rf"(?:[\w-]+(?:\.[\w-]+)*\.(?:{extensions})"
                           rf"|\.(?:[a-z][a-z0-9_-]{{2,}}|{extensions}))", re.I),
        # names from code and product names written like code: snake_case, camelCase,
        # PascalCase with two or more humps ("IngressRoute"), capitals glued to a word
        # ("OOMKilled", "ADSync", "DevEX", "TestPyPI"), digits inside a word ("Log4Shell")
        "code": re.compile(r"__[A-Za-z0-9]+__|_{0,2}[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+_{0,2}"
                           r"|[a-z]{2,}[A-Z][A-Za-z0-9]*"
                           r"|[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+[A-Z]*s?|[A-Z]{2,}[a-z]+[A-Z][A-Za-z]*"
                           r"|[A-Z]{2,}[A-Z][a-z]{2,}s?"
                           r"|[A-Za-z]*[a-z][A-Za-z]*\d+[A-Za-z]+"),
        "person": re.compile(r"(?:Mc|Mac|O'|D')[A-Z][a-z]+"),
        "vendor_hint": re.compile(rf"\b(?:{vendors})\s+[A-Z]"),
        "product": re.compile(rf"\b(?:{vendors})\s+([A-Z][A-Za-z0-9]+(?:\s+[A-Z][A-Za-z0-9]+)?)\b"),
        "big_o": re.compile(r"\bO\((?:[1nNkK]|log\s*[nN]|[nNkK]\s*(?:\*\*|\^)\s*\d|[nN]\s*log\s*[nN]|[nNkK]\s*\d)\)"),
        "label": re.compile(r"[a-z]+[0-9]+[a-z0-9]*|[a-z0-9]+(?:-[a-z0-9]+)+"),
        "status": re.compile(
            rf"\b(?:(?:{leads})(?:[ /]+(?:code|status))?[ /]+(?:{codes}|[1-5]\d\d)\b(?:\s+(?:errors?|responses?))?"
            rf"|(?:{weak_leads})(?:[ /]+(?:code|status))?[ /]+(?:{codes})\b(?:\s+(?:errors?|responses?))?"
            rf"|(?:{codes})(?:\s+(?:{labels})\b|\s+errors?\b))",
            re.I),
    }


def known_names() -> frozenset[str]:
    """Names written like code that a business reader knows ("iPhone", "GitHub")."""
    return _patterns()["known"]


def _label(word: str) -> bool:
    """System labels: letters and digits mixed ("arm64", "s390x"), or hyphenated names with a
    number part or a part that is not an English word ("eu-central-1", "nfs-share-creator")."""
    parts = word.split("-")
    if any(p[:1].isalpha() and any(c.isdigit() for c in p) for p in parts):
        return True
    words = [p for p in parts if not p.isdigit()]
    if parts[0].isdigit() and words and all(is_common(p, 3.0) for p in words):
        return False  # a number and what it counts: "3-year", "30-minute", "24-hour"
    if len(words) < len(parts) and any(len(p) >= 2 and p not in _GLUE for p in words):
        return True  # "eu-central-1", "node-2"; not "1-to-1"
    return len(parts) >= 3 and any(not is_common(p, 3.0) for p in words)


# after a word, a hyphen and a part with a digit: the word is part of a reference number or
# a host name ("INC-4411", "PYSEC-2025-72", "SRV-SQL01", "AP-WH-07"), not a term of its own
REFERENCE_TAIL = re.compile(r"-(?:[A-Za-z0-9]+-)*[A-Za-z]*\d")
# a model or part number: capitals then two or more digits ("TZ400", "MR46", "DS1821+")
MODEL_NUMBER = r"[A-Z]{1,4}\d{2,}[A-Za-z]?\+?"


def _organisations(text: str) -> frozenset[str]:
    """Names written like code that the text shows to be a firm's ("NorthPoint IT Services",
    "BrightWave Ltd"): a company word follows one of their uses, and then every use is a name."""
    words = _patterns()["company_words"]
    return frozenset(m.group(1) for m in _NAME_BEFORE_WORD.finditer(text) if m.group(2) in words)


_NAME_BEFORE_WORD = re.compile(r"\b([A-Z][a-z]+(?:[A-Z][a-z0-9]*)+)[ \t]+([A-Z][A-Za-z]*)\b")


def find(text: str) -> Iterator[Identifier]:
    """Identifiers in `text` (prose with non-prose masked), in order, not overlapping."""
    p = _patterns()
    found: list[Identifier] = []
    if _STATUS_HINT.search(text):
        for m in p["status"].finditer(text):
            before = text[max(0, m.start() - 12):m.start()].lower()
            plural = m.group(0).lower().endswith("errors")
            number = re.search(r"\d{3}", m.group(0)).group(0)
            if plural and number.endswith("00") and not re.search(r"(http|status|code|return\w*)[ /]*$", before) \
                    and not re.match(r"(?i)(http|status|code|return)", m.group(0)):
                continue  # "500 errors" may be a count
            found.append(Identifier(m.start(), m.end(), "status"))
    if "O(" in text:
        found.extend(Identifier(m.start(), m.end(), "code") for m in p["big_o"].finditer(text))
    if p["vendor_hint"].search(text):
        found.extend(Identifier(m.start(), m.end(), "product", m.start(1)) for m in p["product"].finditer(text)
                     if not is_common(m.group(1).split()[0].lower(), 5.0))
    known, whole = p["known"], p["whole"]
    organisations = _organisations(text)
    for m in _CHUNK.finditer(text):
        chunk = m.group(0)
        if chunk.isalpha() and (chunk.islower() or chunk[1:].islower() or chunk.isupper()) and chunk not in whole:
            continue  # an ordinary word, capitalised word or acronym: most chunks stop here
        chunk = chunk.rstrip(".:")
        start, end = m.start(), m.start() + len(chunk)
        if len(chunk) < 2:
            continue
        if p["file"].fullmatch(chunk) or chunk in whole:
            found.append(Identifier(start, end, "file"))
        elif p["code"].fullmatch(chunk):
            if (chunk not in known and chunk.rstrip("s") not in known and not p["person"].fullmatch(chunk)
                    and chunk not in organisations):
                found.append(Identifier(start, end, "code"))
        elif len(chunk) >= 4 and p["label"].fullmatch(chunk) and _label(chunk):
            found.append(Identifier(start, end, "label"))
    found.sort(key=lambda i: (i.start, -(i.end - i.start)))
    last_end = -1
    for ident in found:
        if ident.start >= last_end:
            yield ident
            last_end = ident.end
