"""The lexicon loader refuses broken files with one message naming file, line and entry."""
from __future__ import annotations

import pytest

from jargonlint.errors import LexiconError
from jargonlint.lexicon import merge_lexicons, parse_lexicon

HEAD = "schema: 1\nid: test\ntitle: Test\nsource: tests\nentries:\n"
ENTRY = ("  - term: {term}\n    kind: jargon\n    category: x\n    plain: [simple]\n"
         "    explain: Plain words.\n    action: replace\n    safety: unsafe\n"
         "    audiences: [business]\n    example: the {term} here\n")


def test_valid_lexicon_loads():
    lexicon = parse_lexicon(HEAD + ENTRY.format(term="frob"), "t.yaml")
    assert lexicon.entries[0].term == "frob" and lexicon.entries[0].line == 6


ACRONYM = ("  - term: FROB\n    kind: acronym\n    category: x\n    expansion: frob management\n"
           "    explain: A unit.\n    action: define\n    safety: safe\n    audiences: [business]\n"
           "    example: Send it to the FROB today.\n")


def test_named_in_title_case_loads():
    text = HEAD + ENTRY.format(term="frob unit") + "    named_in_title_case: true\n"
    entry = parse_lexicon(text, "t.yaml").entries[0]
    assert entry.named_in_title_case is True


def test_skip_if_near_loads_in_lower_case():
    text = HEAD + ENTRY.format(term="frob") + "    skip_if_near: [Cabling, sockets]\n"
    entry = parse_lexicon(text, "t.yaml").entries[0]
    assert entry.skip_if_near == frozenset({"cabling", "sockets"})


def test_head_noun_loads():
    entry = parse_lexicon(HEAD + ACRONYM + "    head_noun: system\n", "t.yaml").entries[0]
    assert entry.head_noun == "system"


def test_modifier_loads():
    text = HEAD + ENTRY.format(term="Frob") + "    gloss: backup software\n    modifier: backup\n"
    assert parse_lexicon(text, "t.yaml").entries[0].modifier == "backup"


def test_plain_by_object_loads_in_lower_case():
    text = (HEAD + ENTRY.format(term="frob").replace("[simple]", "[simple, easy]")
            + "    plain_by_object:\n      easy: [Thing, things]\n")
    entry = parse_lexicon(text, "t.yaml").entries[0]
    assert entry.plain_by_object == (("easy", frozenset({"thing", "things"})),)


def test_plain_by_previous_loads_in_lower_case():
    text = (HEAD + ENTRY.format(term="frob").replace("[simple]", "[simple, easy]")
            + "    plain_by_previous:\n      easy: [Under, our]\n")
    entry = parse_lexicon(text, "t.yaml").entries[0]
    assert entry.plain_by_previous == (("easy", frozenset({"under", "our"})),)


@pytest.mark.parametrize("text, message", [
    (HEAD + ENTRY.format(term="frob") + "    colour: red\n", "unknown key 'colour'"),
    (HEAD + ENTRY.format(term="frob") + ENTRY.format(term="Frob"), "duplicate of the entry on line 6"),
    (HEAD + ENTRY.format(term="frob").replace("    plain: [simple]\n", ""), "needs at least one 'plain'"),
    (HEAD + ENTRY.format(term="frob").replace("kind: jargon", "kind: slang"), "kind 'slang'"),
    (HEAD + ENTRY.format(term="frob").replace("action: replace", "action: define"), "only for acronyms"),
    (HEAD + ENTRY.format(term="frob").replace("[business]", "[ceo]"), "audience 'ceo'"),
    (HEAD + ENTRY.format(term="frob").replace("    example: the frob here\n", ""), "missing required key 'example'"),
    (HEAD + "  - term: [unclosed\n", "invalid YAML"),
    ("schema: 2\nid: t\ntitle: T\nsource: s\nentries: []\n", "'schema' must be 1"),
    ("schema: 1\nid: Not Kebab\ntitle: T\nsource: s\nentries: [x]\n", "kebab-case"),
    (HEAD, "'entries' must be a non-empty list"),
    ("- just\n- a list\n", "must be a YAML mapping"),
    (HEAD + ENTRY.format(term="frob") + "    skip_if_next: [on]\n", "quote words"),
    (HEAD + ENTRY.format(term="frob").replace("kind: jargon", "kind: jargon\n    kind: acronym"), "duplicate key"),
    # plain_by_object names one of the other plain alternatives, on a replace entry
    (HEAD + ENTRY.format(term="frob") + "    plain_by_object:\n      easy: [thing]\n",
     "'easy' is not one of the entry's other 'plain' alternatives"),
    (HEAD + ENTRY.format(term="frob").replace("[simple]", "[simple, easy]") + "    plain_by_object: [easy]\n",
     "must be a mapping"),
    (HEAD + ENTRY.format(term="frob").replace("[simple]", "[simple, easy]").replace(
        "action: replace\n    safety: unsafe", "action: suggest\n    safety: display")
     + "    plain_by_object:\n      easy: [thing]\n", "only for action 'replace'"),
    (HEAD + ENTRY.format(term="frob").replace("[simple]", "[simple, easy]") + "    plain_by_object:\n      easy: 3\n",
     "must be a list of non-empty strings"),
    # plain_by_previous: the same shape and checks as plain_by_object
    (HEAD + ENTRY.format(term="frob") + "    plain_by_previous:\n      easy: [under]\n",
     "'plain_by_previous': 'easy' is not one of the entry's other 'plain' alternatives"),
    (HEAD + ENTRY.format(term="frob").replace("[simple]", "[simple, easy]") + "    plain_by_previous: [easy]\n",
     "'plain_by_previous' must be a mapping"),
    # head_noun: a word or two, on an acronym that is spelled out
    (HEAD + ENTRY.format(term="frob") + "    head_noun: system\n", "'head_noun' is for acronyms"),
    (HEAD + ACRONYM + "    head_noun: The System!\n", "'head_noun' must be one or two lower-case words"),
    # modifier: one lower-case word (or a few joined by hyphens), with a gloss
    (HEAD + ENTRY.format(term="Frob") + "    modifier: backup\n", "'modifier' goes with a 'gloss'"),
    (HEAD + ENTRY.format(term="Frob") + "    gloss: backup software\n    modifier: Backup tool\n",
     "'modifier' must be one lower-case word"),
    # named_in_title_case: a boolean, on a term of two or more words
    (HEAD + ENTRY.format(term="frob unit") + "    named_in_title_case: yes please\n",
     "'named_in_title_case' must be true or false"),
    (HEAD + ENTRY.format(term="frob") + "    named_in_title_case: true\n", "'named_in_title_case' is for terms of two"),
])
def test_broken_lexicons(text, message):
    with pytest.raises(LexiconError) as info:
        parse_lexicon(text, "lexicons/broken.yaml")
    assert "lexicons/broken.yaml" in str(info.value)
    assert message in str(info.value)


def test_duplicates_across_files():
    a = parse_lexicon(HEAD + ENTRY.format(term="frob"), "a.yaml")
    b = parse_lexicon(HEAD.replace("id: test", "id: other") + ENTRY.format(term="frob"), "b.yaml")
    with pytest.raises(LexiconError, match=r"b.yaml:6: entry 'frob'.*already defined in a.yaml:6"):
        merge_lexicons([a, b])


def test_acronyms_are_case_sensitive_and_phrases_are_not():
    text = HEAD + ENTRY.format(term="frob") + (
        "  - term: FROB\n    kind: acronym\n    category: x\n    expansion: Frobbing Unit\n"
        "    explain: A unit.\n    action: define\n    safety: safe\n    audiences: [business]\n"
        "    example: the FROB here\n")
    lexicon = parse_lexicon(text, "t.yaml")  # "frob" and "FROB" do not collide
    assert [e.case_sensitive for e in lexicon.entries] == [False, True]
