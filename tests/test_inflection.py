"""inflection.py: plain wordings put in the form of the term they replace (lemminflect)."""
from __future__ import annotations

import pytest

from jargonlint.inflection import inflect_phrase


@pytest.mark.parametrize("phrase, tag, expected", [
    ("restart", "NNS", "restarts"),                    # a noun lemminflect knows only as a verb
    ("update", "NNS", "updates"),
    ("software", "NNS", "software"),                   # a mass noun
    ("wipe and reinstall", "VBD", "wiped and reinstalled"),   # two joined verbs
    ("wipe and reinstall", "VBZ", "wipes and reinstalls"),    # spelled as the word: not "re-installs"
    ("check and fix", "VBG", "checking and fixing"),
    ("reset and reload", "VBN", "reset and reloaded"),
    ("pen and paper", "NNS", "pen and papers"),        # nouns: only the head
    ("digital ID", "NNS", "digital IDs"),
    ("roll out", "VBD", "rolled out"),
])
def test_inflect_phrase(phrase, tag, expected):
    assert inflect_phrase(phrase, tag) == expected
