"""Glosses: a term with no drop-in plain wording is explained in brackets at its first use
("Frobnix (web traffic router)"), then counts as explained (jargonlint/rules/jargon.py
_gloss_fix, fit.gloss_fits). A lexicon of made-up terms keeps these tests independent of the
bundled glosses' wording."""
from __future__ import annotations

import textwrap

import pytest

from conftest import MODEL_INSTALLED
from jargonlint import fit, lint_text
from jargonlint.linter import lint_documents
from jargonlint.models import Document
from jargonlint.config import settings_for
from jargonlint.fixer import fix_document
from jargonlint.inflection import plural_gloss
from jargonlint.lexicon import LexiconError, parse_lexicon

LEXICON = textwrap.dedent("""\
    schema: 1
    id: test-glosses
    title: Made-up terms for the gloss tests
    source: written for the jargonlint tests
    defaults: {kind: jargon, category: products, action: suggest, safety: display, audiences: [business, staff]}
    entries:
      - term: Frobnix
        plain: [the program that sends visitors to the right app]
        gloss: web traffic router
        explain: A program that passes each visitor's request to the right application.
        example: Frobnix was restarted last night.
      - term: zorpod
        plain: [running copy of an app]
        gloss: running copy of an app
        explain: One small running unit of an application.
        pos: NOUN
        example: Two zorpods were restarted.
      - term: quibble store
        plain: [shared drive]
        gloss: shared drive
        explain: A place where files are kept for a whole team.
        action: replace
        safety: unsafe
        example: The quibble store is full.
    """)


@pytest.fixture()
def settings(tmp_path, model):
    path = tmp_path / "glosses.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    return settings_for(None, {"model": model, "lexicons": [str(path)], "builtin_lexicons": False}, discover=False)


@pytest.fixture(params=["none", "auto"])
def model(request):
    if request.param == "auto" and not MODEL_INSTALLED:
        pytest.skip("no statistical English pipeline installed")
    return request.param


def _document(text: str) -> Document:
    return Document(path="<test>", text=text, prose=text, kind="text")


def fix_text(text: str, settings, unsafe: bool):
    return fix_document(_document(text), settings, unsafe=unsafe)


def _fixed(text: str, settings) -> str:
    return fix_text(text, settings, unsafe=True).text


def lint_text_with(text: str, settings):
    return next(lint_documents([(_document(text), settings)], jobs=1)).findings


@pytest.mark.parametrize("before, after", [
    ("We found a memory fault in Frobnix on Monday. Frobnix is stable now.",
     "We found a memory fault in Frobnix (web traffic router) on Monday. Frobnix is stable now."),
    # the plural gets the plural gloss, its head noun before "of"
    ("Last night two zorpods crashed and came back.",
     "Last night two zorpods (running copies of an app) crashed and came back."),
    # in a compound the gloss would split it: the first use that stands alone gets it
    ("The Frobnix settings were wrong, so we restarted Frobnix at noon.",
     "The Frobnix settings were wrong, so we restarted Frobnix (web traffic router) at noon."),
    # a version goes with the name; the gloss follows it and explains later uses
    ("We moved the shop to Frobnix v2 on Monday. Frobnix is fine.",
     "We moved the shop to Frobnix v2 (web traffic router) on Monday. Frobnix is fine."),
    # already explained in brackets, or inside brackets: nothing is added
    ("We restarted Frobnix (the program in front of the shop) at noon.",
     "We restarted Frobnix (the program in front of the shop) at noon."),
    ("We restarted the router (and Frobnix too) at noon today.",
     "We restarted the router (and Frobnix too) at noon today."),
])
def test_gloss_at_first_use(before, after, settings):
    assert _fixed(before, settings) == after


def test_gloss_is_unsafe_and_later_uses_count_as_explained(settings):
    text = "We found a memory fault in Frobnix on Monday. Frobnix is stable now, and Frobnix logs are clean."
    findings = [f for f in lint_text_with(text, settings) if f.code == "JL101"]
    glossed = [f for f in findings if f.fix is not None]
    assert len(findings) == 3 and len(glossed) == 1
    assert glossed[0].fix.kind == "gloss" and glossed[0].fix.safety.value == "unsafe"
    fixed = _fixed(text, settings)
    assert [f for f in lint_text_with(fixed, settings) if f.code == "JL101"] == []
    assert fix_text(text, settings, unsafe=False).text == text   # a safe-only fix adds no gloss


def test_a_replace_term_is_replaced_where_it_fits(settings):
    assert _fixed("The quibble store is full.", settings) == "The shared drive is full."


def test_headings_and_short_labels_get_no_gloss(settings):
    text = "Frobnix outage\n\nWe restarted Frobnix at noon and it has been fine since.\n"
    assert _fixed(text, settings) == ("Frobnix outage\n\nWe restarted Frobnix (web traffic router) at noon "
                                      "and it has been fine since.\n")


@pytest.mark.parametrize("title", [
    # a subject line above a blank line is a title, however long, with a bracket at its end
    "Planned restart of Frobnix and the shared drive in the London office (fileserver.local)",
    "Frobnix restart on the weekend of the 8th and 9th for every office and every remote user",
])
def test_a_long_subject_line_gets_no_gloss(settings, title):
    text = f"{title}\n\nWe will restart Frobnix at noon on Saturday.\n"
    assert _fixed(text, settings) == (f"{title}\n\nWe will restart Frobnix (web traffic router) at noon "
                                      "on Saturday.\n")


def test_a_long_first_line_that_ends_a_sentence_is_running_text(settings):
    text = "We will restart Frobnix at noon on Saturday for every office and remote user.\n\nThanks.\n"
    assert "Frobnix (web traffic router)" in _fixed(text, settings)


def test_fixing_twice_equals_fixing_once(settings):
    text = "Two zorpods crashed. Frobnix restarted them, and the zorpods are fine. Frobnix is fine."
    once = _fixed(text, settings)
    assert once != text and _fixed(once, settings) == once


@pytest.mark.parametrize("gloss, plural", [
    ("web traffic router", "web traffic routers"),
    ("running copy of an app", "running copies of an app"),
    ("Amazon's monitoring service", "Amazon's monitoring services"),
    ("Amazon's on-demand software", "Amazon's on-demand software"),   # no plural
    ("digital ID", "digital IDs"),                                    # an acronym takes "s"
    ("sign-in key for software", "sign-in keys for software"),
])
def test_plural_gloss(gloss, plural):
    assert plural_gloss(gloss) == plural


@pytest.mark.parametrize("text, term, fits", [
    ("Overnight, Frobnix crashed twice.", "Frobnix", True),
    ("We restarted Frobnix at noon.", "Frobnix", True),
    ("The Frobnix settings were wrong.", "Frobnix", False),       # modifies the next word
    ("We read the ALB access logs today.", "logs", True),         # the head of a compound
    ("See frobnix.yaml for the settings.", "frobnix", False),      # part of a file name
    ("We will frobnix the printers.", "frobnix", False),           # a verb
    ("Restart it (Frobnix too) later today.", "Frobnix", False),   # already in brackets
    ("Frobnix status", "Frobnix", False),                          # a label, not running text
    ("We moved the shop to Frobnix 2016 last night.", "Frobnix", True),   # the gloss follows the version
    ("We moved the shop to Frobnix 2016 servers last night.", "Frobnix", False),
    ("We moved the shop to Frobnix v2 last night.", "Frobnix", True),
    ("We moved the shop to Frobnix v2 on Monday.", "Frobnix", True),        # after the version
    ("We moved the shop to Frobnix 2016-2019 on Monday.", "Frobnix", False),
    ("After a long day last night we finally moved the whole shop over to Frobnix", "Frobnix", True),  # text end
])
def test_gloss_fits_without_a_parse(text, term, fits):
    start = text.index(term)
    assert fit.gloss_fits(text, start, start + len(term), "", common_noun=term.islower()) is fits


@pytest.mark.parametrize("field, message", [
    ("gloss: a (bracketed) gloss", "must not contain brackets"),
    ("gloss: one two three four five six seven", "at most 6"),
    ("gloss: to fix\n    pos: VERB", "for nouns"),
])
def test_gloss_validation(field, message):
    text = LEXICON.replace("gloss: web traffic router", field)
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(text, "glosses.yaml")


@pytest.mark.parametrize("text, term, fits", [
    ("Teams used service accounts in their Azure automated processes.", "Azure", False),
    ("CloudWatch alerted us at noon yesterday.", "CloudWatch", True),
    ("We did not catch it in the move from Frobnix classic to Frobnix core.", "Frobnix", False),
])
def test_gloss_never_splits_a_modifier_from_its_noun(text, term, fits):
    start = text.index(term)
    assert fit.gloss_fits(text, start, start + len(term), "", common_noun=False) is fits


@pytest.mark.parametrize("name, meaning", [
    ("returning 404", "page not found"),
    ("HTTP 503", "service unavailable"),
    ("502 errors", "bad replies from another server"),
    ("returning 299", ""),                      # not a status the data explains
])
def test_status_meanings_follow_number(name, meaning):
    from jargonlint.identifiers import status_meaning

    assert status_meaning(name) == meaning



def test_a_heading_term_counts_as_explained_when_the_body_explains_it(settings):
    """Style guides define a term at its first use in the body, not in a title."""
    explained = "Frobnix outage\n\nThe site was down because Frobnix (web traffic router) crashed.\n"
    assert not [f for f in lint_text_with(explained, settings) if f.code == "JL101"]
    unexplained = "Frobnix outage\n\nThe site was down for an hour.\n"
    assert [f.start for f in lint_text_with(unexplained, settings) if f.code == "JL101"] == [0]
    fixed = fix_text("Frobnix outage\n\nThe site was down because Frobnix crashed.\n", settings, unsafe=True)
    assert fixed.text == "Frobnix outage\n\nThe site was down because Frobnix (web traffic router) crashed.\n"
    assert not [f for f in fixed.result.findings if f.code == "JL101"]


def test_a_heading_status_code_counts_as_explained_when_the_body_explains_it():
    text = "# All services returning 503\n\nFrom 9:00 every page was returning 503 (service unavailable).\n"
    assert not [f for f in lint_text(text, model="none").findings if f.code == "JL101"]
    assert [f.code for f in lint_text("# All services returning 503\n\nWe are on it.\n", model="none").findings
            ].count("JL101") == 1


@pytest.mark.parametrize("text, reported_at", [
    ("MFA for all staff\n\nPlease enable MFA by Friday.\n", 33),            # the body's first use
    ("MFA for all staff\n\nPlease enable it by Friday.\n", 0),               # only in the heading
    ("MFA for all staff\n\nPlease enable multi-factor authentication (MFA).\n", None),  # defined in the body
    ("WER cluster\n\nThe WER students overloaded it.\n", 17),                # an unknown acronym too
    ("Changes\n- The VPN to the boatyard workshop\n\nThe VPN was slow.\n", 14),  # a bullet is body text
])
def test_acronyms_are_defined_in_the_body_not_the_heading(text, reported_at):
    found = [f.start for f in lint_text(text, model="none").findings if f.code == "JL102"]
    assert found == ([] if reported_at is None else [reported_at])


def test_spelling_out_an_acronym_leaves_a_title_a_title():
    # nine words opening the text: a title; "SLA" spelled out makes eleven, but the long form
    # counts as one word, so MFA, explained in the body, stays unreported on the title
    title = "New MFA and SLA rules for remote staff today"
    body = "\nPlease turn on multi-factor authentication (MFA) by Friday.\n"
    for line in (title, title.replace("SLA", "service level agreement (SLA)")):
        found = [f.start for f in lint_text(line + body, model="none").findings if f.code == "JL102"]
        assert 4 not in found, line


def test_a_plain_wording_of_the_long_form_still_defines_the_acronym():
    text = "Please enable two-step sign-in (MFA) by Friday. MFA keeps you safe.\n"
    assert not [f for f in lint_text(text, model="none").findings if f.code in ("JL101", "JL102")]


# --- file names and file types (data/identifiers.yaml file_meanings) ----------------------

@pytest.mark.parametrize("before, after", [
    # after "file", the singular; after "files" (also across a line break), the plural
    ("The password was left in a `.pyc` file.",
     "The password was left in a `.pyc` file (ready-to-run program file)."),
    ("We found `.pyc` files containing old passwords on the shared drive.",
     "We found `.pyc` files (ready-to-run program files) containing old passwords on the shared drive."),
    ("We found `.pyc`\nfiles containing old passwords on the shared drive.",
     "We found `.pyc`\nfiles (ready-to-run program files) containing old passwords on the shared drive."),
    # otherwise right after the name; a whole name has its own meaning; a glob is plural
    ("The site could not read appsettings.json after the update.",
     "The site could not read appsettings.json (app settings file) after the update."),
    ("Please delete `*.pyc` from the shared drive today.",
     "Please delete `*.pyc` (ready-to-run program files) from the shared drive today."),
    ("We changed the Dockerfile so the app starts faster.",
     "We changed the Dockerfile (app packaging recipe) so the app starts faster."),
    # two types in a list each get theirs
    ("We checked the `.py` files, the `.csv` files and the printer yesterday.",
     "We checked the `.py` files (program code files), the `.csv` files (spreadsheet files) and the printer "
     "yesterday."),
    # a gloss inside "X or Y files" would explain one of them: none
    ("Users put passwords in their `setup.py` or `pyproject.toml` files by mistake.",
     "Users put passwords in their `setup.py` or `pyproject.toml` files by mistake."),
    # "file" modifies the next word; the name is inside longer code, a link, or brackets
    ("The `.pyc` file handling was broken for a week.", "The `.pyc` file handling was broken for a week."),
    ("Run `rm -rf *.pyc` on the server tonight please.", "Run `rm -rf *.pyc` on the server tonight please."),
    ("Please send the [`report.csv` file](https://example.com/report.csv) today.",
     "Please send the [`report.csv` file](https://example.com/report.csv) today."),
    ("We restarted the printer (and removed the `.pyc` files) at noon.",
     "We restarted the printer (and removed the `.pyc` files) at noon."),
    # a type whose meaning depends on the program has none
    ("The old `.egg` files are no longer accepted.", "The old `.egg` files are no longer accepted."),
])
def test_file_gloss_at_first_use(before, after, settings):
    assert _fixed(before, settings) == after


def test_file_gloss_skips_headings():
    from jargonlint.fixer import fix_text as fix_string

    text = "# Fixing appsettings.json\n\nWe edited appsettings.json this morning.\n"
    assert fix_string(text, format="markdown", unsafe=True).text == (
        "# Fixing appsettings.json\n\nWe edited appsettings.json (app settings file) this morning.\n")


def test_file_type_explained_once_covers_later_uses(settings):
    text = "A copy sat in a `.pyc` file on Monday. Later `*.pyc` files and old.pyc turned up too."
    findings = [f for f in lint_text_with(text, settings) if f.code == "JL101"]
    assert len(findings) == 3 and [f.fix.kind for f in findings if f.fix] == ["gloss"]
    assert findings[0].fix.safety.value == "unsafe"
    fixed = _fixed(text, settings)
    assert fixed.startswith("A copy sat in a `.pyc` file (ready-to-run program file) on Monday.")
    assert [f for f in lint_text_with(fixed, settings) if f.code == "JL101"] == []
    assert fix_text(text, settings, unsafe=False).text == text   # a safe-only fix adds no gloss
    # the writer's own explanation counts too; another type is still reported
    explained = "The `.pyc` files, which are the copies made as code runs, held it. Delete `*.pyc` and app.py."
    assert [explained[f.start:f.end] for f in lint_text_with(explained, settings) if f.code == "JL101"] == ["app.py"]


def test_fixing_file_glosses_twice_equals_fixing_once(settings):
    text = ("We found `.pyc` files containing old passwords. The site could not read appsettings.json, "
            "so we removed the `.pyc` files and edited appsettings.json again.")
    once = _fixed(text, settings)
    assert once.count("(") == 2 and _fixed(once, settings) == once


@pytest.mark.parametrize("name, plural, meaning", [
    ("app.pyc", False, "ready-to-run program file"),
    (".pyc", True, "ready-to-run program files"),
    ("backup.tar.gz", False, "compressed file"),
    ("setup.py", False, "project setup file"),       # a whole name before its extension
    ("Dockerfile", False, "app packaging recipe"),
    ("__pycache__", False, "folder of ready-to-run program files"),
    (".NET", False, ""),                            # found by shape, but not a file type
    ("poetry.lock", False, ""),                     # what it is depends on the program
])
def test_file_meanings(name, plural, meaning):
    from jargonlint.identifiers import file_meaning

    assert file_meaning(name, plural) == meaning


def test_file_meanings_are_plain_words():
    """`fix` bans a gloss whose words draw a finding in turn, also where IT words around it
    make an everyday word technical ("compiled" near "code")."""
    from jargonlint.api import lint_text
    from jargonlint.resources import data_yaml

    # the lexicons' usual context words, in the same sentence (context is per sentence)
    context = ("The Python code, bytecode, codebase, build, script, server, node, cluster, pod, Kubernetes, "
               "Docker container, registry, Git repository on GitHub, Jenkins CI job, disk, VM, API, Azure, "
               "AWS deployment and database")
    wordings = {w for forms in data_yaml("identifiers.yaml")["file_meanings"].values() for w in forms}
    assert all(len(forms) == 2 for forms in data_yaml("identifiers.yaml")["file_meanings"].values())
    lines = [f"{context} had the thing ({w}) in it." for w in sorted(wordings)]
    text = "\n\n".join(lines)
    glosses = [(text.index(f"({w})", text.index(line)), len(w) + 2) for w, line in zip(sorted(wordings), lines)]
    for audience in ("business", "staff"):
        findings = lint_text(text, audience=audience).findings
        words = [text[f.start:f.end] for f in findings if f.code in ("JL101", "JL102", "JL105")
                 and any(start <= f.start < start + length for start, length in glosses)]
        assert words == [], audience
    assert all("(" not in w and ")" not in w and 2 <= len(w.split()) <= 6 for w in wordings)


@pytest.mark.parametrize("text, fits", [
    ("We found `.pyc` files containing the old code.", True),     # a clause after the head noun
    ("We found `.pyc` files holding old passwords.", True),
    ("The `.pyc` file handling was broken.", False),               # a compound noun
])
def test_gloss_fits_after_a_head_noun(text, fits):
    start = text.index("file")
    end = text.index(" ", start)
    assert fit.gloss_fits(text, start, end, "", head=True) is fits
