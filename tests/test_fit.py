"""fit.py: where a plain replacement reads right (no parse: the neighbouring words decide)."""
from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from jargonlint import fit
from jargonlint.resources import DATA_DIR


def test_word_lists_are_all_words():
    data = yaml.safe_load((DATA_DIR / "fit_words.yaml").read_text(encoding="utf-8"))
    for key, values in data.items():
        if isinstance(values, dict):   # a mapping: "move" -> "moving"
            values = [*values, *values.values()]
        elif values and isinstance(values[0], list):   # pairs: ["on", "off"]
            values = [word for pair in values for word in pair]
        assert all(isinstance(v, str) for v in values), f"{key}: a non-string (quote on/off/no/yes)"


@pytest.mark.parametrize("text, term, plain, compound", [
    ("We lowered the MTU on the router.", "MTU", "maximum chunk size", False),
    ("The certificate has expired.", "certificate", "digital ID", False),
    ("The shop is running on the LTE backup router.", "LTE", "mobile data", False),
    ("Please renew the QZX certificate today.", "certificate", "digital ID", True),
    ("UK data residency is in the contract.", "data residency", "data location", False),
    ("The VPC CNI was changed.", "VPC", "private network area", True),
    ("The CNI VPC was changed.", "VPC", "private network area", True),
    ("We checked the staging deployments.", "staging", "the test system", True),
    ("Our LDAP server is down.", "LDAP", "the staff directory", True),
    ("It was deleted in the `prod` namespace yesterday.", "namespace", "separate section", True),
    # a verb in the past, then the start of an object: the term is its subject
    ("The NOC received new alerts.", "NOC", "the network monitoring team", False),
    ("The NOC received 40 alerts.", "NOC", "the network monitoring team", False),
    ("The NOC sent two alerts.", "NOC", "the network monitoring team", False),
    ("The NOC sent reports.", "NOC", "the network monitoring team", False),
    ("The SOC flagged suspicious logins.", "SOC", "the security monitoring team", False),
    ("The ASG desired sizes.", "ASG", "the server group", True),
    ("The ISP supplied routers.", "ISP", "the internet provider", True),
    ("NOC sent reports.", "NOC", "the network monitoring team", True),
    ("The NOC desired size.", "NOC", "the network monitoring team", True),
])
def test_compounds_without_a_parse(text, term, plain, compound):
    start = text.index(term)
    assert fit.in_compound(text, start, start + len(term), plain) is compound


@pytest.mark.parametrize("text, term", [
    ("See security-audit-remediation-warehouse.md for details.", "remediation"),
    ("Read [how we fixed it](2023-audit-remediation.md) today.", "remediation"),
    ("The message says `an API Token must be used` here.", "API"),
    ("The container-runtime failed.", "runtime"),
])
def test_glued_terms_are_left_alone(text, term):
    start = text.index(term)
    assert fit.glued(text, start, start + len(term))


def test_spelled_out_acronym_is_a_definition():
    text = "It covered continuous integration / continuous deployment (CI/CD) settings."
    end = text.index("integration") + len("integration")
    assert fit.in_definition(text, end)


def test_a_neighbour_that_is_a_term_itself_is_rewritten_too():
    text = "Please renew the SSL certificate today."
    start = text.index("certificate")
    covered = bytearray(len(text))
    covered[text.index("SSL"):text.index("SSL") + 3] = b"\x01\x01\x01"
    assert fit.in_compound(text, start, start + len("certificate"), "digital ID", covered=covered) is False
    assert fit.in_compound(text, start, start + len("certificate"), "digital ID") is True


@pytest.mark.parametrize("text, term, plain, alone", [
    ("# Azure Container Instance outage", "Instance", "server", False),
    ("Instance restarted at noon.", "Instance", "server", True),
    ("Ask the Director of Infrastructure today.", "Infrastructure", "systems", False),
    ("Just roll it back to a known working configuration.", "configuration", "settings", False),
    ("The configuration was wrong.", "configuration", "settings", False),
    ("We changed the configuration on Friday.", "configuration", "settings", True),
    ("The node rollover failed.", "node", "server", True),
    ("Add it to the QA test suite.", "QA", "testing", False),
    ("Problems with search and changelogs", "changelogs", "list of changes", False),
    ("Some teams were using old infrastructure components.", "infrastructure", "systems", False),
    ("Please renew your API key today.", "API", "data connection", False),
    # a plain wording of two content words takes a bare noun's place, and a compound's before a noun
    ("It is reachable via URL only.", "URL", "web address", True),
    ("The disk quota issue is solved.", "disk quota", "storage limit", True),
    ("Confirmed as fixed on GitHub and IRC.", "IRC", "online chat", True),
    ("Traefik v2 official API schema was wrong.", "API", "data connection", False),   # stacks a compound
    ("Increased the Azure VM capacity to 80.", "VM", "virtual server", False),          # after a name
    ("We updated JDK 8 on Monday.", "JDK", "programming toolkit", False),               # a version follows
    ("Your team was targeted by spear phishing.", "spear phishing", "targeted phishing", False),   # echoes
    ("We are phasing out old laptops and the deprecation ends soon.", "deprecation", "phasing out", False),
    # a headline drops its articles: a bare noun opening a title takes a phrase, not before a noun
    ("Brownout of the mirrors in our cloud (repo.example.org)\n\nDetails follow.", "Brownout",
     "planned short outage", True),
    ("## Brownout of the mirrors\n\nDetails follow.", "Brownout", "planned short outage", True),
    ("# Cluster upgrade tonight\n\nDetails follow.", "Cluster", "group of servers", False),
    ("# ALB 502 Errors\n\nDetails follow.", "ALB", "Amazon traffic splitter", False),
    ("Deprecation of egg uploads\n\nDetails follow.", "Deprecation", "phasing out", False),
    ("We saw brownout of the mirrors in our cloud on Monday and Tuesday.", "brownout", "planned short outage", False),
    # so does a list item
    ("Action items:\n- Memory leak in Traefik\n- More tests", "Memory leak", "memory-wasting fault", True),
    ("Plan:\n1. Brownout of the mirrors", "Brownout", "planned short outage", True),
    ("Plan:\n* Cluster upgrade tonight", "Cluster", "group of servers", False),
    ("Plan: Memory leak in Traefik is fixed", "Memory leak", "memory-wasting fault", False),
    # and a timeline's table cell; a verb in the past after the term leaves it a noun phrase
    ("| 08:38 | Pipeline re-triggered |", "Pipeline", "automated process", True),
    ("| Time | Event |\n| 08:38 | Pipeline failed |", "Pipeline", "automated process", True),
    ("| 08:38 | Pipeline speed dropped |", "Pipeline", "automated process", False),
    ("| 08:38 | Pipeline run failed |", "Pipeline", "automated process", False),
    # the plain wording swaps only the modifier: it fits in a compound too, unless it echoes
    ("The pkg.example.org SSL certificate expired.", "SSL certificate", "security certificate", True),
    ("It was hit by targeted attacks and spear phishing.", "spear phishing", "targeted phishing", False),
])
def test_strict_check_for_unsafe_noun_swaps(text, term, plain, alone):
    start = text.index(term)
    tag = "NNS" if term.endswith("s") and not term.isupper() else ""
    assert fit.stands_alone(text, start, start + len(term), tag, plain) is alone


def test_ing_form_used_as_a_noun_keeps_its_word():
    text = "Earthscope resource provisioning issue"
    start = text.index("provisioning")
    assert not fit.verb_fits(text, start, start + 12, "VBG", "", "setting up", False)
    text = "We stored it by provisioning storage separately."
    start = text.index("provisioning")
    assert fit.verb_fits(text, start, start + 12, "VBG", "", "setting up", False)
    text = "Everyone gets an email informing them of the change."   # the term's own object
    start = text.index("informing")
    assert fit.verb_fits(text, start, start + len("informing them of"), "VBG", "", "telling them about", False)


@pytest.mark.parametrize("text, fits", [
    ("We will mitigate the risk.", True),
    ("We need to quickly mitigate the risk.", True),           # an -ly adverb after "to"
    ("You could potentially mitigate the risk.", True),
    ("The team quickly mitigate the risk.", False),           # no verb context before the adverb
    ("See the mitigate plan.", False),
])
def test_a_bare_verb_needs_a_verb_context_without_a_parse(text, fits):
    start = text.index("mitigate")
    assert fit.verb_fits(text, start, start + len("mitigate"), "", "VERB", "reduce", False) is fits


@pytest.mark.parametrize("text, expected", [
    ("| 11:01 | LB detects new servers |", "Traffic splitter"),   # a table cell opens
    ("- LB detects new servers", "Traffic splitter"),             # so does a list bullet
    ("2. LB detects new servers", "Traffic splitter"),
    ("Then the LB detects new servers", "traffic splitter"),
])
def test_a_name_swap_takes_a_capital_where_a_line_cell_or_bullet_opens(text, expected):
    from jargonlint.rewrite import replacement_for

    start = text.index("LB")
    assert replacement_for(text, start, start + 2, "traffic splitter", fixed_case=True)[2] == expected


# --- the neighbouring word and token: scans, checked against the regular expressions they
# replaced (which were tried at every offset of their window) --------------------------------

_GAP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"
# with \Z: their "$" also matched before a final line break, so a word across a blank line
# counted as the neighbour ("our\n\nAPI"), which the scans fix
_WORD_BEFORE = re.compile(rf"([^\W\d_][\w'\u2019-]*){_GAP}\Z")
_TOKEN_BEFORE = re.compile(rf"(\S+){_GAP}\Z")


def _word_before_regex(text: str, start: int) -> str:
    found = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return found.group(1) if found else ""


def _token_before_regex(text: str, start: int) -> str:
    found = _TOKEN_BEFORE.search(text, max(0, start - 60), start)
    if not found or found.group(1).endswith(fit._BOUNDARY_END):
        return ""
    return found.group(1)


@pytest.mark.parametrize("text, word, token", [
    ("the API", "the", "the"),
    ("our\n  API", "our", "our"),
    ("our \r\nAPI", "our", "our"),
    ("our\n\nAPI", "", ""),                    # a blank line ends the phrase
    ("3rd-party API", "rd-party", "3rd-party"),
    ("it's API", "it's", "it's"),
    ("(see API", "see", "(see"),
    ("done. API", "", ""),
    ("API", "", ""),
    ("x_y API", "x_y", "x_y"),
])
def test_word_and_token_before(text, word, token):
    start = text.rindex("API")
    assert (fit.word_before(text, start), fit.token_before(text, start)) == (word, token)


# (not "½": the expression took a numeric that is not a digit for a letter; the scan does not)
@given(st.text(alphabet=st.sampled_from(list("ab1_-'\u2019. \t\n\r(,é\u00a0")), max_size=90))
@hypothesis_settings(max_examples=400, deadline=None)
def test_word_and_token_before_match_the_regular_expressions(text):
    for start in range(len(text) + 1):
        assert fit.word_before(text, start) == _word_before_regex(text, start), (text, start)
        assert fit.token_before(text, start) == _token_before_regex(text, start), (text, start)


@pytest.mark.parametrize("text, term, plain, repeats", [
    ("The patch fixed the login problem.", "patch", "fix", True),
    ("We fixed the patch today.", "patch", "fix", False),                   # not the next word
    ("Update the server's BMC tonight.", "BMC", "server chip", True),        # a possessive
    ("The patch was installed on Monday.", "patch", "fix", False),
    ("Check the server and the servers list.", "server", "machine", False),
    ("The node hosts the servers.", "node", "server", False),                # not the nearest word
    ("Reboot the servers' node now.", "node", "server", True),               # a plural ending
    ("The node is in the cluster of the office.", "node", "server", False),  # function words only
    ("The new call routing sends calls to Jo.", "call routing", "call handling", False),  # the term's own
])
def test_a_plain_word_that_repeats_a_word_close_by(text, term, plain, repeats):
    start = text.index(term)
    assert fit.repeats_nearby(text, start, start + len(term), plain) is repeats


@pytest.mark.parametrize("text, term, plain, verb, repeats", [
    ("It was validated by Jo, who confirmed the totals.", "validated", "confirmed", True, True),
    ("It was validated by Jo, who confirmed the totals.", "validated", "confirmed", False, False),
    ("It was validated by Jo. She confirmed the totals.", "validated", "confirmed", True, False),  # next sentence
    ("The VMs stopped, because they were test servers.", "VMs", "virtual servers", False, False),
])
def test_a_verb_also_repeats_a_word_further_on_in_the_sentence(text, term, plain, verb, repeats):
    start = text.index(term)
    assert fit.repeats_nearby(text, start, start + len(term), plain, verb) is repeats


@pytest.mark.parametrize("text, term, plain, end", [
    ("the 4G LTE backup line", "LTE", "4G", 6),
    ("the 4G  LTE backup line", "LTE", "4G", 6),
    ("the SQL Server instance", "instance", "server", None),   # a name's word, in capitals
    ("the 14G LTE backup line", "LTE", "4G", None),      # not the same word
    ("the mobile LTE line", "LTE", "4G", None),
])
def test_a_term_right_after_its_own_plain_wording(text, term, plain, end):
    assert fit.said_just_before(text, text.index(term), plain) == end   # just after the plain wording


@pytest.mark.parametrize("text, term, value", [
    ("[10:05] Status: IDENTIFIED\nMore text.", "IDENTIFIED", True),
    ("Status: **Resolved**", "Resolved", True),
    ("State: [Resolved]", "Resolved", True),
    ("Status: resolved at 10:00 by our engineer.", "resolved", False),   # a sentence, not a value
    ("We resolved it. Status: done", "resolved", False),
    ("Intro.\nIdentified - 09 May 2024 08:54 BST\nThe issue", "Identified", True),   # a status page's stage
    ("[Resolved]\nAll good.", "Resolved", True),
    ("Resolved 3 tickets today.", "Resolved", False),
    ("Intro.\nResolved the printer issue - thanks.", "Resolved", False),
])
def test_the_value_of_a_status_line(text, term, value):
    start = text.index(term)
    assert fit.status_value(text, start, start + len(term)) is value


@pytest.mark.parametrize("text, term, inside", [
    ("Bandwidth (500 Mbps) is enough.", "Mbps", True),
    ("Bandwidth (500) is 900 Mbps now.", "Mbps", False),
    ("Bandwidth (500\nMbps) is enough.", "Mbps", True),      # over a wrapped line
    ("Bandwidth (500\n\nMbps) is enough.", "Mbps", False),   # not over a blank line
])
def test_in_brackets(text, term, inside):
    assert fit.in_brackets(text, text.index(term)) is inside


@pytest.mark.parametrize("text, term, bare", [
    ("Connect the form to your CRM next week.", "CRM", True),
    ("The CRM export runs nightly.", "CRM", False),          # a noun follows
    ("We use CRM daily.", "CRM", False),                     # no determiner
])
def test_a_bare_noun_use(text, term, bare):
    start = text.index(term)
    assert fit.bare_noun_use(text, start, start + len(term)) is bare


@pytest.mark.parametrize("text, term, after", [
    ("the load\nbalancer failed", "load", "balancer"),                 # a wrapped line
    ("Priority: P1\nService provider: Keystone", "P1", ""),            # a field line
    ("the P1\n- Second item", "P1", ""),                               # a bullet
    ("the P1\n2. Second item", "P1", ""),                              # a numbered item
    ("the P1\n## Heading", "P1", ""),
])
def test_the_next_word_stops_at_a_line_that_starts_an_item(text, term, after):
    assert fit.word_after(text, text.index(term) + len(term)) == after


@pytest.mark.parametrize("text, term, end", [
    ("We moved to Traefik v2 today.", "Traefik", "Traefik v2"),
    ("We upgraded SQL Server 2016 last weekend.", "SQL Server", "SQL Server 2016"),
    ("RTO 3 h 20 min.", "RTO", "RTO"),                          # a quantity with its unit
    ("The RPO 15 minutes was met.", "RPO", "RPO"),
    ("Use SLA 2 for this.", "SLA", "SLA 2"),
])
def test_a_version_after_a_name_but_not_a_quantity(text, term, end):
    start = text.index(term)
    assert text[start:fit.name_end(text, start + len(term))] == end


@pytest.mark.parametrize("term, title", [
    ("Remote Monitoring and Management", True),
    ("Multi-Factor Authentication", True),
    ("Remote monitoring", False),          # a sentence's first capital
    ("SSL certificate", False),
    ("Backup", False),                     # one word says nothing of style
])
def test_title_case_terms(term, title):
    assert fit.title_cased(term) is title


@pytest.mark.parametrize("text, name, fits", [
    ("Please renew the Veeam agent on the server.", "Veeam", True),
    ("The Azure bill went up in May.", "Azure", True),
    ("Restored with the Veeam 12 console.", "Veeam", True),          # after the version
    ("Veeam backs up the server each night.", "Veeam", False),        # a verb in -s, no determiner
    ("Our Veeam jobs failed.", "Veeam", True),                        # a plural after a determiner
    ("The Veeam backup jobs failed.", "Veeam", False),                # the modifier is there already
    ("The Azure-based app is slow.", "Azure", False),                 # a compound adjective
    ("We moved it to Azure last week.", "Azure", False),              # no noun after the name
    ("The Veeam Backup server is down.", "Veeam", False),             # a name goes on in capitals
    ("A full copy is taken via Veeam before the upgrade.", "Veeam", False),   # a function word follows
    ("A full copy is taken via Veeam prior to the upgrade.", "Veeam", False),  # so does an adverb
    ("The SQL server hosting the files is full.", "SQL server", False),       # a verb in -ing
    ("Confirm MX and Veeam point to the new server.", "Veeam", False),        # no noun phrase opens
    ("Copies go to the Veeam object backups store.", "Veeam", False),         # the modifier comes next
    ("- Veeam licence renewed", "Veeam", True),                               # a list item opens
])
def test_where_a_name_takes_its_modifier(text, name, fits):
    start = text.index(name)
    found = fit.modifier_fits(text, start, start + len(name), "backup")
    assert (found is not None) is fits
