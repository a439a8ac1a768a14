"""One YAML file of cases per rule (tests/rules/JLxxx.yaml), after sqlfluff.

Each case has `pass_str` (the rule must not fire) or `fail_str` (it must), optional
`violations` (the expected matches, in order), `fix_str` (the text after applying the rule's
fixes; `unsafe: true` includes unsafe fixes), `suggested_str` (the first finding's suggested
sentence; for display-only fixes, which are never applied), `configs` (settings) and `model`
(`any`: run on every installed pipeline, the default; `none`: blank pipeline only;
`required`: the statistical model only, skipped without it).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import PIPELINES, requires_model
from jargonlint import lint_text
from jargonlint.rewrite import apply_fixes
from jargonlint.rules import RULES

CASE_DIR = Path(__file__).parent / "rules"


def _cases():
    for path in sorted(CASE_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            wanted = case.get("model", "any")
            pipelines = {"none": ["none"], "required": ["auto"]}.get(wanted, PIPELINES)
            marks = [requires_model] if wanted == "required" else []
            for pipeline in pipelines:
                yield pytest.param(data["rule"], case, pipeline, id=f"{data['rule']}-{case['name']}-{pipeline}",
                                   marks=marks)


@pytest.mark.parametrize("code, case, pipeline", list(_cases()))
def test_rule_case(code, case, pipeline):
    configs = dict(case.get("configs") or {})
    configs.setdefault("select", [code])
    text = case.get("fail_str", case.get("pass_str"))
    result = lint_text(text, model=pipeline, **configs)
    found = [f for f in result.findings if f.code == code]
    if "pass_str" in case:
        assert found == [], f"{code} fired on a passing case: {[(f.match, f.message) for f in found]}"
        return
    assert found, f"{code} did not fire on: {text!r}"
    if "violations" in case:
        expected = case["violations"]
        assert [f.match for f in found] == [v["match"] for v in expected]
        for finding, violation in zip(found, expected):
            if "severity" in violation:
                assert finding.severity.label == violation["severity"]
            assert text[finding.start:finding.end] == finding.match
    if "suggested_str" in case:
        assert found[0].suggested_sentence == case["suggested_str"]
        assert found[0].fix is not None and found[0].fix.safety.value == "display"
        assert apply_fixes(text, found, include_unsafe=True) == (text, 0)
    if "fix_str" in case:
        fixed, applied = apply_fixes(text, found, include_unsafe=bool(case.get("unsafe")))
        assert applied >= 1
        assert fixed == case["fix_str"]


def test_every_rule_has_cases_and_docs():
    files = {p.stem for p in CASE_DIR.glob("*.yaml")}
    for code, rule in RULES.items():
        assert code in files, f"{code} has no tests/rules/{code}.yaml"
        data = yaml.safe_load((CASE_DIR / f"{code}.yaml").read_text(encoding="utf-8"))
        kinds = {k for case in data["cases"] for k in ("pass_str", "fail_str") if k in case}
        assert kinds == {"pass_str", "fail_str"}, f"{code} needs passing and failing cases"
        docs = rule.docs()
        for section in ("## Why it matters", "## Example", "## Fix"):
            assert section in docs, f"{code} docs lack '{section}'"
        assert rule.name == rule.name.lower() and " " not in rule.name
