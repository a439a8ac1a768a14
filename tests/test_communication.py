"""Document kinds, update threads, relevance v2 and the reading guide (issue 6)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import DATA

from jargonlint import lint_text
from jargonlint.config import settings_for
from jargonlint.errors import ConfigError
from jargonlint.kinds import detect
from jargonlint.models import Document
from jargonlint.rules import RULES
from jargonlint.timeline import entries

INCIDENT = ("Investigating - Email is down for all staff. We are restarting the mail server.\n"
            "Nov 25, 12:00 UTC\n")
REPORT = ("Monthly service report - April\n\nAvailability was 99.95% against a target of 99.9%, up from "
          "99.8% last month. We resolved 412 tickets.\n")
EMAIL = "Hi Jordan,\n\nThe new laptops arrive on Friday. We will set them up on Monday.\n\nKind regards,\nSam\n"


def _doc(text: str, kind: str = "text") -> Document:
    return Document(path="x.txt", text=text, prose=text, kind=kind)


@pytest.mark.parametrize("text, kind", [(INCIDENT, "incident"), (REPORT, "report"), (EMAIL, "email")])
def test_kind_is_detected_with_its_cues(text, kind):
    decision = detect(_doc(text))
    assert decision.kind == kind and decision.source == "detected"
    assert decision.cues, "the cues that decided are reported"


def test_plain_text_with_no_cues_falls_back_to_email():
    decision = detect(_doc("The coffee machine is on the second floor."))
    assert decision.kind == "email" and "no strong cues" in decision.cues[0]


def test_email_format_stays_email_unless_incident_cues_dominate():
    assert detect(_doc("Hi all, the outage report is attached. Regards, Sam", kind="email")).kind == "email"
    thread = ("Investigating - Email is down. Next update at 10:00.\nUpdate - The outage continues; "
              "next update at 11:00.\nResolved - The incident has been resolved.\n")
    assert detect(_doc(thread, kind="email")).kind == "incident"


def test_corpus_incidents_are_mostly_detected_as_incidents():
    corpus = sorted((DATA / "corpus").glob("incident_*.txt"))
    assert corpus
    for path in corpus:
        assert detect(_doc(path.read_text(encoding="utf-8"))).kind == "incident", path.name


def test_kind_setting_and_per_path_kinds(tmp_path: Path):
    (tmp_path / ".jargonlint.toml").write_text('kind = "email"\n[kinds]\n"status/*.md" = "incident"\n')
    (tmp_path / "status").mkdir()
    settings = settings_for(str(tmp_path / "status" / "a.md"))
    assert settings.kind_for(str(tmp_path / "status" / "a.md"))[0] == "incident"
    assert settings.kind_for(str(tmp_path / "notes.md"))[0] == "email"
    # the command line wins over per-path patterns of the file
    flagged = settings_for(str(tmp_path / "status" / "a.md"), {"kind": "report"})
    assert flagged.kind_for(str(tmp_path / "status" / "a.md")) == ("report", "command line")


@pytest.mark.parametrize("raw, message", [({"kind": "memo"}, "kind must be one of"),
                                          ({"kinds": {"*.md": "memo"}}, "kinds['*.md']"),
                                          ({"kinds": ["*.md"]}, "kinds must map")])
def test_bad_kind_settings_are_one_clear_error(raw, message):
    from jargonlint.config import Settings, apply

    with pytest.raises(ConfigError, match=re.escape(message)):
        apply(Settings(), raw, "cfg.toml", "/tmp")


def test_json_reports_document_kind_and_why(cli, tmp_path: Path):
    path = tmp_path / "status.txt"
    path.write_text(INCIDENT, encoding="utf-8")
    code, out, _ = cli("check", "--model", "none", "--format", "json", "--fail-on", "never", str(path))
    assert code == 0
    entry = json.loads(out)["files"][0]
    assert entry["kind"] == "text"      # the source format, unchanged
    assert entry["document_kind"]["kind"] == "incident"
    assert entry["document_kind"]["source"] == "detected" and entry["document_kind"]["cues"]
    forced = json.loads(cli("check", "--model", "none", "--format", "json", "--fail-on", "never",
                            "--kind", "report", str(path))[1])["files"][0]["document_kind"]
    assert forced == {"kind": "report", "source": "command line", "cues": [], "scores": {}}
    scores = json.loads(cli("score", "--model", "none", "--format", "json", str(path))[1])["files"][0]
    assert scores["document_kind"]["kind"] == "incident"


def test_rules_of_one_kind_do_not_fire_on_other_kinds():
    text = "The load balancer failed. Availability was 97%. Recommendations: upgrade firmware."
    families = {"incident": "JL4", "report": "JL5"}
    for kind in ("incident", "email", "report"):
        codes = {f.code[:3] for f in lint_text(text, model="none", kind=kind).findings}
        for other, family in families.items():
            if other != kind:
                assert family not in codes, (kind, family)


def test_a_normal_email_gets_no_wall_of_document_findings():
    text = ("Hi Jordan,\n\nThanks for your note. The two new laptops for your sales team arrive on Friday. "
            "We will set them up on Monday morning and bring them to your office by 11 am, so your staff "
            "can start using them straight away. You don't need to do anything before then.\n\nKind regards,\nSam\n")
    result = lint_text(text, model="none")
    assert result.document_kind.kind == "email"
    assert [f for f in result.findings if f.code[:3] in ("JL3", "JL4", "JL5")] == []


def test_status_page_thread_entries_and_resolution():
    text = ("Resolved - This incident has been resolved.\nNov 25, 16:05 UTC\n"
            "Update - Still working on it. Next update in 30 minutes.\nNov 25, 14:05 UTC\n")
    found = entries(text)
    assert [e.stamp for e in found] == ["Nov 25, 16:05 UTC", "Nov 25, 14:05 UTC"]
    assert [e.resolved for e in found] == [True, False]


def test_update_gap_names_both_times():
    text = ("Update - Still working on it.\nNov 25, 14:05 UTC\n"
            "Investigating - Email is down for all staff.\nNov 25, 12:00 UTC\n")
    gap = [f for f in lint_text(text, model="none", kind="incident").findings if f.code == "JL407"]
    assert len(gap) == 1 and "Nov 25, 12:00 UTC" in gap[0].message and "Nov 25, 14:05 UTC" in gap[0].message


def test_relevance_v2_components_are_reported_and_back_compatible():
    rel = lint_text(EMAIL, model="none").scores.relevance
    assert {"score", "impact", "reader_focus", "actionability"} <= set(rel)
    assert set(rel["components"]) == {"impact", "reader_focus", "actionability", "commitments", "plain_content"}
    assert all(0 <= v <= 1 for v in rel["components"].values())


def test_hedges_lower_the_commitments_component():
    firm = lint_text("We will restore email by 3 pm today and call you at 2 pm.", model="none")
    hedged = lint_text("We will try to restore email shortly. Hopefully it will be back soon.", model="none")
    assert firm.scores.relevance["components"]["commitments"] > hedged.scores.relevance["components"]["commitments"]


def test_technical_only_sentences_lower_plain_content():
    technical = lint_text("The BGP session on the edge router flapped. DNS propagation and latency "
                          "spiked on the WAN.", model="none").scores.relevance
    plain = lint_text("Your staff could not open the website for ten minutes. It works now.",
                      model="none").scores.relevance
    assert technical["technical_share"] > 0.5 > plain["technical_share"]


def test_explain_is_a_reading_guide(cli, tmp_path: Path):
    path = tmp_path / "update.txt"
    path.write_text("Incident: the file server is down. We are replacing a disk and will fix it shortly.\n",
                    encoding="utf-8")
    code, out, _ = cli("explain", "--model", "none", str(path))
    assert code == 0
    assert "This reads as an incident or status update." in out
    assert "What the message leaves out:" in out and "When you will next hear from them." in out
    assert '"When will you next update us?"' in out
    assert '"What can you confidently commit to, and by when?"' in out


def test_reading_guide_covers_every_document_rule():
    from jargonlint.resources import data_yaml

    guide = data_yaml("reading_guide.yaml")["missing"]
    for code in RULES:
        if code[:3] in ("JL4", "JL5") or code in ("JL301", "JL302", "JL303", "JL304", "JL305"):
            assert code in guide, code


def _case_texts(code: str) -> list[str]:
    import yaml

    data = yaml.safe_load((Path(__file__).parent / "rules" / f"{code}.yaml").read_text(encoding="utf-8"))
    return [case.get("fail_str", case.get("pass_str")) for case in data["cases"]]


@pytest.mark.parametrize("name, rows_key, code", [("ownership.yaml", "deflection", "JL301"),
                                                   ("ownership.yaml", "passive_patterns", "JL301"),
                                                   ("commitments.yaml", "patterns", "JL302")])
def test_first_word_gates_lose_no_match(name, rows_key, code):
    """The fast gate (first_words) must not hide a match the plain patterns find."""
    from jargonlint.resources import data_yaml
    from jargonlint.textstats import gated_pattern, lower_same_length

    data = data_yaml(name)
    patterns = [row["pattern"] if isinstance(row, dict) else row for row in data[rows_key]]
    gated = gated_pattern(patterns, data["first_words"])
    plain = re.compile(r"(?<![\w'])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w'])")
    texts = _case_texts(code) + [p.read_text(encoding="utf-8") for p in sorted((DATA / "corpus").glob("*.txt"))]
    for text in texts:
        lowered = lower_same_length(text)
        assert [m.span() for m in gated.finditer(lowered)] == [m.span() for m in plain.finditer(lowered)], text


def test_customer_friendly_notice_outscores_terse_status_updates_on_relevance():
    """A guard for the calibration in docs/scores.md, on the corpus texts copied into tests."""
    friendly = lint_text((DATA / "corpus" / "email_09_pypi_2fa_required_notice.txt").read_text(encoding="utf-8"),
                         model="none").scores.relevance["score"]
    for name in ("incident_02_jenkins_ci_vm_agents_outage.txt", "incident_05_jenkins_pkg_ssl_certificate_expired.txt",
                 "incident_07_jenkins_website_outage.txt"):
        terse = lint_text((DATA / "corpus" / name).read_text(encoding="utf-8"), model="none").scores.relevance["score"]
        assert friendly > terse + 15, name
