"""Contract tests of the bundled lexicons: every entry's example fires with the right rule,
its counterexamples do not, plain alternatives are not themselves flagged, no duplicates."""
from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import PIPELINES
from jargonlint.lexicon import load_lexicons
from jargonlint.linter import lexicon_for
from jargonlint.config import Settings
from jargonlint.nlp import build_pipeline
from jargonlint.resources import bundled_lexicon_files

ENTRIES = load_lexicons(tuple(str(p) for p in bundled_lexicon_files()))
RULE_FOR_KIND = {"jargon": "JL101", "buzzword": "JL103", "wordy": "JL104"}


def rule_for(entry) -> str:
    if entry.kind == "acronym":
        return "JL101" if entry.action == "replace" else "JL102"
    return RULE_FOR_KIND[entry.kind]


@lru_cache(maxsize=None)
def _matcher(model: str):
    return build_pipeline(model), lexicon_for(Settings(model=model))


def _matches(text: str, model: str):
    pipeline, lexicon = _matcher(model)
    return lexicon.find(pipeline.nlp(text), pipeline.has_model)


def test_enough_entries_across_categories():
    assert len(ENTRIES) >= 250
    kinds = {e.kind for e in ENTRIES}
    assert kinds == {"jargon", "acronym", "buzzword", "wordy"}
    categories = {e.category for e in ENTRIES}
    for needed in ("networking", "security", "cloud", "infrastructure", "service-management"):
        assert needed in categories


def test_explanations_are_one_short_sentence():
    for e in ENTRIES:
        assert len(e.explain.split()) <= 25, f"{e.source}:{e.line} {e.term}: explanation over 25 words"
        assert e.explain[0].isupper() and e.explain.endswith("."), f"{e.term}: explanation is not a sentence"


def test_acronyms_have_expansions():
    for e in ENTRIES:
        if e.kind == "acronym":
            assert e.expansion, f"{e.term} has no expansion"


@pytest.mark.parametrize("model", PIPELINES)
def test_every_example_fires_and_counterexample_does_not(model):
    failures = []
    for e in ENTRIES:
        hits = [m for m in _matches(e.example, model) if m.entry == e]
        if not hits:
            failures.append(f"{e.source}:{e.line} {e.term!r}: example does not match: {e.example!r}")
        for counter in e.counterexamples:
            if any(m.entry == e for m in _matches(counter, model)):
                failures.append(f"{e.source}:{e.line} {e.term!r}: counterexample matches: {counter!r}")
    assert not failures, "\n".join(failures)


def test_every_example_is_reported_by_its_rule():
    from jargonlint import lint_text

    failures = []
    for e in ENTRIES:
        code = rule_for(e)
        result = lint_text(e.example, model="none", audience=e.audiences[0], select=[code])
        if not any(f.code == code for f in result.findings):
            failures.append(f"{e.term!r}: {code} does not fire on {e.example!r}")
    assert not failures, "\n".join(failures)


def test_plain_alternatives_are_not_flagged():
    failures = []
    for e in ENTRIES:
        for plain in e.plain[:1]:
            flagged = [m.text for m in _matches(plain, "none")
                       if m.entry.kind in ("jargon", "buzzword", "acronym") and "business" in m.entry.audiences]
            if flagged:
                failures.append(f"{e.term!r}: plain alternative {plain!r} contains jargon {flagged}")
    assert not failures, "\n".join(failures)


def test_replace_entries_fix_the_example_without_leaving_the_term():
    from jargonlint import lint_text
    from jargonlint.rewrite import apply_fixes

    failures = []
    for e in ENTRIES:
        if e.action != "replace" or e.safety == "display":
            continue
        result = lint_text(e.example, model="none", audience=e.audiences[0], select=[rule_for(e)])
        fixed, applied = apply_fixes(e.example, result.findings, include_unsafe=True)
        if not applied:
            failures.append(f"{e.term!r}: no fix applied to {e.example!r}")
            continue
        if any(m.entry == e for m in _matches(fixed, "none")):
            failures.append(f"{e.term!r}: still matches after the fix: {fixed!r}")
    assert not failures, "\n".join(failures)


def test_no_duplicate_examples():
    seen = {}
    for e in ENTRIES:
        assert e.example not in seen, f"{e.term!r} and {seen[e.example]!r} share an example"
        seen[e.example] = e.term
