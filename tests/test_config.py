"""Config discovery and layering: closest file wins, --config replaces discovery, flags win."""
from __future__ import annotations

import pytest

from jargonlint.config import settings_for
from jargonlint.errors import ConfigError


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_pyproject_table(tmp_path):
    _write(tmp_path / "pyproject.toml", '[tool.jargonlint]\naudience = "staff"\nfail-on = "error"\n'
           'ignore = ["JL105"]\n[tool.jargonlint.rules.JL201]\nmax-words = 30\nseverity = "info"\n')
    s = settings_for(str(tmp_path / "a.txt"))
    assert s.audience == "staff" and s.fail_on == "error" and s.ignore == ("JL105",)
    assert s.rule_options["JL201"]["max_words"] == 30 and s.severities["JL201"].label == "info"


def test_pyproject_without_table_is_skipped(tmp_path):
    _write(tmp_path / "pyproject.toml", '[tool.jargonlint]\naudience = "technical"\n')
    _write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert settings_for(str(tmp_path / "sub" / "a.txt")).audience == "technical"


def test_closest_file_wins_and_flags_win(tmp_path):
    _write(tmp_path / ".jargonlint.toml", 'audience = "technical"\n')
    _write(tmp_path / "reports" / ".jargonlint.yaml", "audience: staff\nmin-score: 70\n")
    assert settings_for(str(tmp_path / "a.txt")).audience == "technical"
    inner = settings_for(str(tmp_path / "reports" / "r.md"))
    assert inner.audience == "staff" and inner.min_score == 70
    assert settings_for(str(tmp_path / "reports" / "r.md"), {"audience": "business"}).audience == "business"


def test_explicit_config_replaces_discovery(tmp_path):
    _write(tmp_path / ".jargonlint.toml", 'audience = "technical"\n')
    _write(tmp_path / "other.yaml", "audience: staff\n")
    assert settings_for(str(tmp_path / "a.txt"), config=str(tmp_path / "other.yaml")).audience == "staff"


def test_vocabulary_and_lexicon_paths(tmp_path):
    _write(tmp_path / ".jargonlint.yaml",
           "lexicons: [terms/ours.yaml]\nvocabulary:\n  accept: [Xero, Acme]\n  reject: {synergize: work together}\n")
    s = settings_for(str(tmp_path / "a.txt"))
    assert s.lexicons == (str(tmp_path / "terms" / "ours.yaml"),)
    assert s.accept == {"xero", "acme"} and s.reject == (("synergize", "work together"),)


def test_per_file_ignores(tmp_path):
    _write(tmp_path / ".jargonlint.toml", '[per-file-ignores]\n"tech/*.md" = ["JL101"]\n')
    s = settings_for(str(tmp_path / "tech" / "a.md"))
    assert s.ignored_for(str(tmp_path / "tech" / "a.md")) == ("JL101",)
    assert s.ignored_for(str(tmp_path / "client" / "a.md")) == ()


@pytest.mark.parametrize("text, message", [
    ('audiense = "staff"\n', "unknown setting 'audiense'"),
    ('audience = "ceo"\n', "audience must be one of"),
    ('fail-on = "sometimes"\n', "fail-on must be one of"),
    ('min-score = 120\n', "min-score must be a number"),
    ('select = ["XX1"]\n', "unknown rule code"),
    ('[rules.JL201]\nmax-wordz = 3\n', "unknown option 'max_wordz'"),
    ('[rules.JL999]\nseverity = "info"\n', "unknown rule"),
    ('[rules.JL201]\nseverity = "loud"\n', "unknown severity"),
    ('max-file-size = "lots"\n', "max-file-size"),
    ('[vocabulary]\nreject = 3\n', "vocabulary.reject"),
])
def test_bad_config_values_name_the_file(tmp_path, text, message):
    _write(tmp_path / ".jargonlint.toml", text)
    with pytest.raises(ConfigError) as info:
        settings_for(str(tmp_path / "a.txt"))
    assert message in str(info.value) and ".jargonlint.toml" in str(info.value)


def test_bad_yaml_config(tmp_path):
    _write(tmp_path / ".jargonlint.yaml", "audience: [staff\n")
    with pytest.raises(ConfigError, match=r"\.jargonlint\.yaml: invalid YAML"):
        settings_for(str(tmp_path / "a.txt"))
