"""Contract tests of the bundled lexicons (jargonlint/lexicon_check.py, also behind
`jargonlint lexicons check --examples`): every entry's example fires with the right rule, its
counterexamples do not, plain alternatives are not themselves flagged, fixes remove the term."""
from __future__ import annotations

import pytest

from conftest import PIPELINES
from jargonlint import lexicon_check
from jargonlint.config import Settings
from jargonlint.lexicon import load_lexicons
from jargonlint.linter import lexicon_for
from jargonlint.nlp import build_pipeline
from jargonlint.resources import bundled_lexicon_files

ENTRIES = load_lexicons(tuple(str(p) for p in bundled_lexicon_files()))


def test_enough_entries_across_categories():
    assert len(ENTRIES) >= 250
    assert {e.kind for e in ENTRIES} == {"jargon", "acronym", "buzzword", "wordy", "vague"}
    categories = {e.category for e in ENTRIES}
    for needed in ("networking", "security", "cloud", "infrastructure", "service-management"):
        assert needed in categories


def test_entries_read_right():
    problems = lexicon_check.check_text(ENTRIES)
    assert not problems, "\n".join(problems)


def test_no_near_duplicates_across_files():
    problems = lexicon_check.check_near_duplicates(ENTRIES)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("model", PIPELINES)
def test_every_example_fires_and_counterexample_does_not(model):
    problems = lexicon_check.check_matching(ENTRIES, lexicon_for(Settings(model=model)), build_pipeline(model))
    assert not problems, "\n".join(problems)


def test_plain_alternatives_are_not_flagged():
    problems = lexicon_check.check_plain(ENTRIES, lexicon_for(Settings(model="none")), build_pipeline("none"))
    assert not problems, "\n".join(problems)


def test_every_example_is_reported_by_its_rule_and_fixed():
    problems = lexicon_check.check_rules_and_fixes(ENTRIES, {"model": "none"})
    assert not problems, "\n".join(problems)


def _our_lexicon(path, example: str = "The frobnicator is down.", extra: str = ""):
    """A user's one-entry lexicon file, with `extra` lines for the entry."""
    path.write_text(
        "schema: 1\nid: ours\ntitle: Ours\nsource: tests\nentries:\n"
        "  - term: frobnicator\n    kind: jargon\n    category: x\n    plain: [booking system]\n"
        "    explain: Our name for the booking system.\n    action: replace\n    safety: unsafe\n"
        f"    audiences: [business]\n    example: {example}\n{extra}", encoding="utf-8")
    return path


def test_lexicons_check_examples_command(cli, tmp_path):
    good = _our_lexicon(tmp_path / "ours.yaml", extra="    counterexamples: [The frobnicator of the frobnicator.]\n")
    code, out, err = cli("lexicons", "check", "--examples", str(good))
    assert code == 2 and "counterexample matches" in err
    good.write_text(good.read_text(encoding="utf-8").replace(
        "    counterexamples: [The frobnicator of the frobnicator.]\n", ""), encoding="utf-8")
    code, out, err = cli("lexicons", "check", "--examples", str(good))
    assert code == 0, err
    assert "ok (1 entries)" in out and "fixes: ok" in out


def test_lexicons_check_reports_a_context_word_the_tokenizer_splits(cli, tmp_path):
    ours = _our_lexicon(tmp_path / "ours.yaml", "The booking frobnicator is down.", "    context: [e-mail, booking]\n")
    code, out, err = cli("lexicons", "check", "--examples", str(ours))
    assert code == 2 and "context word 'e-mail' is split into several tokens" in err


def test_lexicons_check_takes_a_folder(cli, tmp_path):
    _our_lexicon(tmp_path / "ours.yaml")
    code, out, err = cli("lexicons", "check", str(tmp_path))
    assert code == 0 and "ours.yaml: ok (1 entries)" in out, err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = cli("lexicons", "check", str(empty))
    assert code == 2 and "no lexicon files" in err
