"""Check lexicon entries against the engine: examples fire, counterexamples do not, plain
alternatives are plain, `replace` fixes remove the term.

Used by `jargonlint lexicons check --examples` (for lexicon writers) and by the test suite
(for the bundled lexicons), so both hold entries to the same contract.
"""
from __future__ import annotations

from typing import Iterable

from .lexicon import LexiconEntry

RULE_FOR_KIND = {"jargon": "JL101", "buzzword": "JL103", "wordy": "JL104", "vague": "JL302"}
MAX_EXPLAIN_WORDS = 25


def rule_for(entry: LexiconEntry) -> str:
    """The rule that reports this entry."""
    if entry.kind == "acronym":
        return "JL101" if entry.action == "replace" else "JL102"
    return RULE_FOR_KIND[entry.kind]


def _where(entry: LexiconEntry) -> str:
    return f"{entry.source}:{entry.line}: {entry.term!r}"


def check_text(entries: Iterable[LexiconEntry]) -> list[str]:
    """Problems a reader would see without running anything: explanation length and form,
    missing expansions, examples shared between entries."""
    problems = []
    examples: dict[str, str] = {}
    for e in entries:
        words = len(e.explain.split())
        if words > MAX_EXPLAIN_WORDS:
            problems.append(f"{_where(e)}: explanation has {words} words (at most {MAX_EXPLAIN_WORDS})")
        if not (e.explain[:1].isupper() and e.explain.endswith(".")):
            problems.append(f"{_where(e)}: explanation should be one sentence, capitalised, ending with '.'")
        if e.kind == "acronym" and not e.expansion:
            problems.append(f"{_where(e)}: an acronym needs an 'expansion'")
        if e.example in examples:
            problems.append(f"{_where(e)}: same example as {examples[e.example]!r}")
        examples.setdefault(e.example, e.term)
    return problems


def _near_key(form: str, case_sensitive: bool) -> str:
    """A form with case (unless an acronym), spaces, hyphens and a plural "s" folded away."""
    key = form if case_sensitive else form.lower()
    key = "".join(c for c in key if c.isalnum())
    return key[:-1] if len(key) > 3 and key.endswith("s") else key


def check_near_duplicates(entries: Iterable[LexiconEntry], only: Iterable[LexiconEntry] | None = None) -> list[str]:
    """Entries whose forms differ only by spacing, hyphens, case or a plural "s"
    ("post-mortem" / "postmortems"): one of them should be a variant of the other.
    With `only`, report just the pairs that involve one of those entries."""
    problems = []
    wanted = None if only is None else set(only)
    seen: dict[tuple[bool, str], LexiconEntry] = {}
    for e in entries:
        for key in sorted({_near_key(f, e.case_sensitive) for f in e.forms}):
            other = seen.get((e.case_sensitive, key))
            different_pos = bool(e.pos and other and other.pos and e.pos != other.pos)  # "roll back" / "rollback"
            if (other is not None and other != e and not different_pos
                    and (wanted is None or e in wanted or other in wanted)):
                problems.append(f"{_where(e)}: near-duplicate of {_where(other)}")
            seen.setdefault((e.case_sensitive, key), e)
    return problems


def check_matching(entries: Iterable[LexiconEntry], lexicon, pipeline) -> list[str]:
    """Examples must match the entry and counterexamples must not, on this pipeline; context
    words must be single tokens (the matcher compares tokens)."""
    problems = []
    for e in entries:
        for word in sorted(e.context | e.skip_if_near):
            if not word.startswith("@") and len(pipeline.nlp.tokenizer(word)) != 1:
                problems.append(f"{_where(e)}: context word {word!r} is split into several tokens and never "
                                "matches: list its parts or another single word")
        doc = pipeline.nlp(e.example)
        if not any(m.entry == e for m in lexicon.find(doc, pipeline.has_model, e.example)):
            problems.append(f"{_where(e)}: example does not match ({pipeline.label}): {e.example!r}")
        for counter in e.counterexamples:
            doc = pipeline.nlp(counter)
            if any(m.entry == e for m in lexicon.find(doc, pipeline.has_model, counter)):
                problems.append(f"{_where(e)}: counterexample matches ({pipeline.label}): {counter!r}")
    return problems


def check_plain(entries: Iterable[LexiconEntry], lexicon, pipeline) -> list[str]:
    """The first plain alternative, the gloss and the modifier are what `fix` writes into the
    text: none may itself contain jargon for business readers."""
    problems = []
    for e in entries:
        for label, words in (("plain alternative", e.plain[0] if e.plain else ""), ("gloss", e.gloss),
                             ("modifier", e.modifier.replace("-", " "))):
            if not words:
                continue
            flagged = [m.text for m in lexicon.find(pipeline.nlp(words), pipeline.has_model, words)
                       if m.entry.kind in ("jargon", "buzzword", "acronym") and "business" in m.entry.audiences]
            if flagged:
                problems.append(f"{_where(e)}: {label} {words!r} contains jargon {flagged}")
    return problems


def check_rules_and_fixes(entries: Iterable[LexiconEntry], settings_overrides: dict | None = None) -> list[str]:
    """Each example is reported by the entry's rule; a `replace` fix removes the term."""
    from .api import lint_text
    from .rewrite import apply_fixes

    problems = []
    overrides = dict(settings_overrides or {})
    for e in entries:
        code = rule_for(e)
        result = lint_text(e.example, audience=e.audiences[0], select=[code], **overrides)
        if not any(f.code == code for f in result.findings):
            problems.append(f"{_where(e)}: {code} does not fire on its example {e.example!r}")
            continue
        if e.action != "replace" or e.safety == "display":
            continue
        fixed, applied = apply_fixes(e.example, result.findings, include_unsafe=True)
        if not applied:
            problems.append(f"{_where(e)}: no fix applied to {e.example!r}")
            continue
        again = lint_text(fixed, audience=e.audiences[0], select=[code], **overrides)
        if any(f.match.lower() == e.term.lower() or f.match == e.term for f in again.findings):
            problems.append(f"{_where(e)}: still reported after the fix: {fixed!r}")
    return problems
