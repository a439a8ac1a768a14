"""Hidden-verb patterns (data/hidden_verbs.yaml) as lexicon entries of kind "hidden".

The matcher then finds them with every inflection of the light verb ("performed an upgrade
of") and inflects the hidden verb to fit ("upgraded"), exactly as it does for lexicon terms:
no second matcher on the hot path. Rule JL106 reports them.
"""
from __future__ import annotations

import functools
import re

from .lexicon import LexiconEntry
from .resources import data_yaml

KIND = "hidden"
_ARTICLE = re.compile(r"\b(?:a|an|the)\b")
_AUDIENCES = ("business", "staff", "technical")


def _variants(phrase: str) -> tuple[str, ...]:
    """The phrase with each of a / an / the in its article's place."""
    if not _ARTICLE.search(phrase):
        return ()
    forms = {_ARTICLE.sub(article, phrase, count=1) for article in ("a", "an", "the")}
    forms.discard(phrase)
    return tuple(sorted(forms))


@functools.lru_cache(maxsize=1)
def hidden_verb_entries() -> tuple[LexiconEntry, ...]:
    entries = []
    for pattern in data_yaml("hidden_verbs.yaml")["patterns"]:
        phrase, verb = pattern["phrase"], pattern["verb"]
        entries.append(LexiconEntry(
            term=phrase, kind=KIND, category="hidden-verb",
            explain=f"The verb is hidden in a noun: '{verb}' says the same in fewer words.",
            action="replace", safety=pattern.get("safety", "unsafe"), audiences=_AUDIENCES,
            example=phrase, variants=_variants(phrase), plain=(verb,), pos="VERB",
            skip_if_next=frozenset(w.lower() for w in pattern.get("skip_if_next", ())),
            lexicon="hidden-verbs", source="jargonlint/data/hidden_verbs.yaml"))
    return tuple(entries)


def entries_not_in(existing: tuple[LexiconEntry, ...]) -> tuple[LexiconEntry, ...]:
    """The hidden-verb entries whose phrases no loaded lexicon lists already (a lexicon entry
    for the same phrase, reported by JL104, wins)."""
    listed = {form.lower() for entry in existing for form in entry.forms}
    return tuple(e for e in hidden_verb_entries() if not listed & {f.lower() for f in e.forms})
