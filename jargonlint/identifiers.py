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
}


@dataclass(frozen=True)
class Identifier:
    start: int
    end: int
    kind: str     # a key of KINDS


# the end of an identifier: no word character or hyphen next, and a dot only as punctuation
_END = r"(?![\w-])(?!\.\w)"
_GLUE = frozenset("to of in on by and or a an".split())


@functools.lru_cache(maxsize=1)
def _patterns() -> dict:
    data = data_yaml("identifiers.yaml")
    extensions = "|".join(sorted(map(re.escape, data["file_extensions"]), key=len, reverse=True))
    codes = "|".join(str(c) for c in data["status_codes"])
    labels = "|".join(re.escape(label) for label in sorted(data["status_labels"], key=len, reverse=True))
    leads = "|".join(re.escape(w) for w in data["status_lead_words"])
    return {
        "known": frozenset(data["known_names"]),
        "file": re.compile(rf"(?<![\w/.@-])(?:[\w-]+(?:\.[\w-]+)*\.(?:{extensions})|\.(?:[a-z][a-z0-9_-]{{2,}})){_END}", re.I),
        "snake": re.compile(rf"(?<![\w.@/-])(?:__[A-Za-z0-9]+__|_{{0,2}}[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+_{{0,2}}){_END}"),
        "camel": re.compile(rf"(?<![\w.@/-])[a-z]{{2,}}[A-Z][A-Za-z0-9]*{_END}"),
        "pascal": re.compile(rf"(?<![\w.@/-])(?:(?:[A-Z][a-z0-9]+){{3,}}|(?:[A-Z][a-z0-9]+)+(?:Error|Exception)){_END}"),
        "mixed": re.compile(rf"(?<![\w.@/-])[a-z]+[0-9]+[a-z0-9]*{_END}"),
        "kebab": re.compile(rf"(?<![\w.@/-])[a-z0-9]+(?:-[a-z0-9]+)+{_END}"),
        "status": re.compile(
            rf"\b(?:(?:{leads})(?:[ /]+(?:code|status))?[ /]+(?:{codes}|[1-5]\d\d)\b(?:\s+(?:errors?|responses?))?"
            rf"|(?:{codes})(?:\s+(?:{labels})\b|\s+errors?\b))",
            re.I),
    }


def _label(word: str) -> bool:
    """System labels: letters and digits mixed ("arm64", "s390x"), or hyphenated names with a
    number part or a part that is not an English word ("eu-central-1", "nfs-share-creator")."""
    parts = word.split("-")
    if any(p[:1].isalpha() and any(c.isdigit() for c in p) for p in parts):
        return True
    words = [p for p in parts if not p.isdigit()]
    if len(words) < len(parts) and any(len(p) >= 2 and p not in _GLUE for p in words):
        return True  # "eu-central-1", "node-2"; not "1-to-1"
    return len(parts) >= 3 and any(not is_common(p, 3.0) for p in words)


def find(text: str) -> Iterator[Identifier]:
    """Identifiers in `text` (prose with non-prose masked), in order, not overlapping."""
    p = _patterns()
    found: list[Identifier] = []
    for m in p["status"].finditer(text):
        before = text[max(0, m.start() - 12):m.start()].lower()
        plural = m.group(0).lower().endswith("errors")
        number = re.search(r"\d{3}", m.group(0)).group(0)
        if plural and number.endswith("00") and not re.search(r"(http|status|code|return\w*)[ /]*$", before) \
                and not re.match(r"(?i)(http|status|code|return)", m.group(0)):
            continue  # "500 errors" may be a count
        found.append(Identifier(m.start(), m.end(), "status"))
    for m in p["file"].finditer(text):
        found.append(Identifier(m.start(), m.end(), "file"))
    for key in ("snake", "camel", "pascal"):
        for m in p[key].finditer(text):
            if m.group(0) not in p["known"]:
                found.append(Identifier(m.start(), m.end(), "code"))
    for key in ("mixed", "kebab"):
        for m in p[key].finditer(text):
            word = m.group(0)
            if len(word) >= 4 and _label(word):
                found.append(Identifier(m.start(), m.end(), "label"))
    found.sort(key=lambda i: (i.start, -(i.end - i.start)))
    end = -1
    for ident in found:
        if ident.start >= end:
            yield ident
            end = ident.end
