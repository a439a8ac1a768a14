"""Matching details: inflections, case, neighbours, sentence context."""
from __future__ import annotations

import pytest

from conftest import PIPELINES
from jargonlint import lint_text

LEXICON = """schema: 1
id: context-test
title: Context test
source: tests
entries:
  - term: build agent
    kind: jargon
    category: delivery
    plain: [build server]
    explain: A machine that compiles and tests software.
    action: replace
    safety: unsafe
    audiences: [business]
    context: [ci, pipeline, "@jargon"]
    example: The build agent on the CI server crashed.
"""


@pytest.fixture
def lexicon(tmp_path):
    path = tmp_path / "context.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("model", PIPELINES)
@pytest.mark.parametrize("text, fires", [
    ("The build agent on the CI server crashed.", True),              # a context word
    ("The build agent stopped when the Kubernetes cluster failed.", True),  # other jargon
    ("The estate agent said the build agent was late.", False),       # no context
])
def test_context_words_decide_the_sense(lexicon, model, text, fires):
    result = lint_text(text, model=model, lexicons=[lexicon], select=["JL101"])
    assert any(f.match == "build agent" for f in result.findings) is fires


@pytest.mark.parametrize("text, match", [
    ("We remediated it.", "remediated"),
    ("Traffic goes through two load balancers.", "load balancers"),
    ("Please restart the VMs.", "VMs"),
])
def test_inflected_forms_match(text, match):
    assert match in [f.match for f in lint_text(text, model="none", select=["JL1"]).findings]


def test_acronyms_are_case_sensitive():
    assert lint_text("it is fine. sla is a word here.", model="none", select=["JL1"]).findings == []


@pytest.mark.parametrize("model", PIPELINES)
@pytest.mark.parametrize("text, match", [
    # a hard-wrapped line inside a paragraph: the phrase still matches, reported on one line
    ("Traffic goes through two load\nbalancers in the office.", "load balancers"),
    ("The email was sent to them, informing them\n  of the change.", "informing them of"),
    ("- We will perform an upgrade\n  of the server on Friday.", "perform an upgrade of"),
    # a blank line, or masked text (a URL) between the words, still separates them
    ("Traffic goes through two load\n\nbalancers in the office.", None),
    ("Traffic goes through two load https://example.org/a/b balancers in the office.", None),
    ("Traffic goes through two load https://example.org/a/b\nbalancers in the office.", None),
])
def test_a_phrase_over_a_wrapped_line(model, text, match):
    found = [" ".join(f.match.split()) for f in lint_text(text, model=model, select=["JL1"]).findings
             if len(f.match.split()) > 1]
    assert found == ([match] if match else [])
