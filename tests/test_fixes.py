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
