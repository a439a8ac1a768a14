"""Golden rewrites (tests/fixes/rewrites.yaml): `fix` must turn each input into the output an
editor would write, on every installed pipeline (passive-voice cases need the model)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import MODEL_INSTALLED, PIPELINES

from jargonlint.fixer import fix_text

CASES = yaml.safe_load((Path(__file__).parent / "fixes" / "rewrites.yaml").read_text(encoding="utf-8"))["cases"]


def _params():
    for index, case in enumerate(CASES):
        wanted = case.get("model", "any")
        if wanted == "required":
            pipelines = ["auto"]
        elif wanted == "none":
            pipelines = ["none"]
        else:
            pipelines = PIPELINES
        for pipeline in pipelines:
            marks = [pytest.mark.skipif(not MODEL_INSTALLED, reason="needs the English model")] \
                if wanted == "required" else []
            yield pytest.param(case, pipeline, id=f"{case['group']}-{index}-{pipeline}", marks=marks)


def test_enough_golden_rewrites():
    groups = {c["group"] for c in CASES}
    assert len(CASES) >= 80
    assert {"inflection", "articles", "capitals", "punctuation", "acronyms", "hidden-verbs", "passive"} <= groups


@pytest.mark.parametrize("case, pipeline", list(_params()))
def test_golden_rewrite(case, pipeline):
    outcome = fix_text(case["input"], format=case.get("format", "text"), unsafe=bool(case.get("unsafe")),
                       model=pipeline)
    assert outcome.text == case["output"]
    assert outcome.settled
    again = fix_text(outcome.text, format=case.get("format", "text"), unsafe=bool(case.get("unsafe")),
                     model=pipeline)
    assert again.text == outcome.text, "fixing twice must equal fixing once"


@pytest.mark.parametrize("sentence, expected", [
    # a clause with its own subject after the break: shown split
    ("Other engineers were out at a conference in another time zone, but the staffing gap delayed our "
     "progress for most of the afternoon.",
     "Other engineers were out at a conference in another time zone. But the staffing gap delayed our "
     "progress for most of the afternoon."),
    ("The user is prompted to log in, and the requests are passed back to the real site without "
     "anyone noticing anything wrong.",
     "The user is prompted to log in. The requests are passed back to the real site without "
     "anyone noticing anything wrong."),
    # no subject after "and", a list's last item, a preposition after "which": no split
    ("The team has fixed all advisories that posed a significant risk where possible, and has worked "
     "with other teams to unblock further fixes where needed.", ""),
    ("Outlook is falling short of other major email providers in prevention of automated, bot, and bulk "
     "signups for new accounts this year.", ""),
    ("There is still a problem with the shortening logic in the account sync tool, which due to the "
     "directory constraints cannot be fixed this month.", ""),
])
def test_split_suggestion_only_where_both_parts_read_as_sentences(sentence, expected):
    from jargonlint.rules.readability import split_sentence

    assert split_sentence(sentence, sentence) == expected


@pytest.mark.parametrize("original, new, expected", [
    ("informing them\n  of", "telling them about", "telling them\n  about"),    # after as many words
    ("BGP\nflap", "on-off internet connection fault", "on-off\ninternet connection fault"),
    ("load  \nbalancer", "traffic splitter", "traffic  \nsplitter"),         # a Markdown hard break
    ("perform an upgrade\nof", "upgrade", "upgrade"),                        # one word: the lines join
    ("informing them of", "telling them about", "telling them about"),       # nothing to keep
])
def test_a_wrapped_term_keeps_its_line_break(original, new, expected):
    from jargonlint.rewrite import keep_line_break

    assert keep_line_break(original, new) == expected
