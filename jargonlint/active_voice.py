"""Passive -> active when the sentence names the doer: "The server was restarted by our
engineer" -> "Our engineer restarted the server". Needs the dependency parse of a
statistical model; without one, or when the clause is not a simple
subject + be + participle + "by" + doer run (no relative clause, no verbs sharing the subject,
a doer without phrases of its own, none after it either), there is no rewrite (the finding stays advice).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SUBJECT_TO_OBJECT = {"i": "me", "we": "us", "he": "him", "she": "her", "they": "them", "who": "whom"}
_OBJECT_TO_SUBJECT = {"me": "I", "us": "we", "him": "he", "her": "she", "them": "they"}
_PLURAL_SUBJECTS = frozenset(["i", "we", "you", "they"])
_MODALS = frozenset(["will", "would", "can", "could", "shall", "should", "may", "might", "must"])
_HAVE = {"has": ("has", "have"), "have": ("has", "have"), "had": ("had", "had")}
_RELATIVE_WORDS = frozenset(["who", "whom", "whose", "which", "that"])
# words that count the doer: with "not", moving them to the front changes what is denied
# ("is not edited by more than one person" is not "more than one person does not edit")
_QUANTIFIERS = frozenset(["more", "than", "one", "any", "all", "every", "each", "many", "both", "only",
                          "several", "some", "few", "most", "no"])


@dataclass(frozen=True)
class ActiveRewrite:
    start: int          # character span of the passive clause "The server ... our engineer"
    end: int
    text: str           # the clause in the active voice


def _inflect(lemma: str, tag: str) -> str:
    import lemminflect

    forms = lemminflect.getInflection(lemma, tag=tag)
    return forms[0] if forms else ""


def _agent_subject(tokens) -> str:
    words = [t.text_with_ws for t in tokens]
    if len(tokens) == 1 and tokens[0].lower_ in _OBJECT_TO_SUBJECT:
        return _OBJECT_TO_SUBJECT[tokens[0].lower_]
    return "".join(words).strip()


def _object_phrase(tokens) -> str:
    if len(tokens) == 1 and tokens[0].lower_ in _SUBJECT_TO_OBJECT:
        return _SUBJECT_TO_OBJECT[tokens[0].lower_]
    return "".join(t.text_with_ws for t in tokens).strip()


def _verb_group(auxes, verb, plural: bool) -> str | None:
    """The active verb group for the passive auxiliaries: was -> past, is -> present,
    will be -> will, has been -> has + participle; "not" carried over."""
    words = [a.lower_ for a in auxes if a.dep_ != "neg"]
    negative = any(a.dep_ == "neg" for a in auxes)
    lemma = verb.lemma_.lower()
    if words in (["was"], ["were"]):
        return f"did not {lemma}" if negative else _inflect(lemma, "VBD")
    if words in (["is"], ["are"], ["am"]):
        if negative:
            return f"{'do' if plural else 'does'} not {lemma}"
        return _inflect(lemma, "VBP" if plural else "VBZ")
    if len(words) == 2 and words[0] in _MODALS and words[1] == "be":
        return f"{words[0]} not {lemma}" if negative else f"{words[0]} {lemma}"
    if len(words) == 2 and words[0] in _HAVE and words[1] == "been":
        have = _HAVE[words[0]][1 if plural else 0]
        participle = _inflect(lemma, "VBN")
        return f"{have} not {participle}" if negative else f"{have} {participle}"
    return None


def _doer_goes_on(token) -> bool:
    """Whether the word after the parsed doer still belongs to it: a noun ("the download
    bandwidth" parsed as "download" + adverb "bandwidth"), not a time word ("today") or an
    adverb in -ly ("by our engineer remotely")."""
    from .fit import _words

    if token.dep_ == "npadvmod" or token.lower_.endswith("ly") or token.lower_ in _words()["after_noun"]:
        return False
    return token.pos_ in ("NOUN", "PROPN", "ADV")


_PLACE_WORDS = frozenset(["on", "in", "at", "inside", "from"])
_TIME_ENTITIES = frozenset(["DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"])


def _date_word(token) -> bool:
    """A date, time or number by the parse's entity, or a date word ("Friday", "tonight")."""
    from .resources import data_yaml

    return token.ent_type_ in _TIME_ENTITIES or token.lower_ in data_yaml("relevance.yaml")["date_words"]


def _time_not_doer(doer) -> bool:
    """"cannot be resolved by 16:00", "will be done by Friday", "was contacted by telephone":
    after "by", a time, date or number says when, and a means without an article how, not who
    ("by courier"; but "by a courier" is a doer)."""
    from .fit import _words

    return (any(c.isdigit() for c in doer.text) or _date_word(doer)
            or (doer.lower_ in _words()["means_not_doers"]
                and not any(c.dep_ in ("det", "poss") for c in doer.children)))


def _says_when(token) -> bool:
    """"on Monday", "at 10:00", "in the morning": a time or date, not a place."""
    from .fit import _words

    return (_date_word(token) or re.fullmatch(r"[\d:.]+(?:am|pm)?", token.lower_) is not None
            or token.lower_ in _words()["times_of_day"])


def active_rewrite(doc, verb_index: int) -> ActiveRewrite | None:
    """The active form of the passive clause headed by doc[verb_index], or None."""
    verb = doc[verb_index]
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if subject is None or agent is None:
        return None
    doer = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if doer is None or doer.lower_ in ("whom", "which") or _time_not_doer(doer):
        return None
    left = subject.left_edge.i
    while left < subject.i and (doc[left].is_punct or doc[left].is_space):
        left += 1   # a list item's "-" that the parse hung on the subject stays where it is
    subject_tokens = doc[left:subject.right_edge.i + 1]
    if subject_tokens[-1].is_punct:
        return None   # "a shutdown of ..., followed by ... the array, will be initiated by": a subject with an aside
    if left > 0 and doc[left - 1].pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "DET"):
        return None   # "Conditional | Access policies": the parse cut the subject's name in two
    if any(t.text == ":" or (t.text in ("-", "\u2013", "\u2014") and t.whitespace_ and t.i and doc[t.i - 1].whitespace_)
           for t in subject_tokens):
        return None   # "10:45 - Initial triage has been completed by": a label or time is no part of the subject
    if verb.dep_ in ("relcl", "acl") or any(t.tag_ in ("WDT", "WP", "WP$") for t in subject_tokens):
        return None   # a relative clause ("people whose pipelines are affected by ...") stays
    between = doc[subject_tokens.end:verb.i]
    if not len(between) or any(t.dep_ not in ("aux", "auxpass", "neg") for t in between):
        return None
    after = verb.i + 1
    particle = ""
    if after < len(doc) and doc[after].dep_ == "prt":
        particle = " " + doc[after].text
        after += 1
    if after != agent.i or doer.left_edge.i != agent.i + 1:
        return None
    doer_tokens = doc[doer.left_edge.i:doer.right_edge.i + 1]
    if any(t.dep_ == "neg" for t in between) and any(t.lower_ in _QUANTIFIERS for t in doer_tokens):
        return None   # "must not be edited by more than one person": the denial's scope would change
    if any(t.text == "," for t in doer_tokens) or (doer_tokens.end < len(doc) and doc[doer_tokens.end].text == ","
                                                  and doc[doer_tokens.end + 1:doer_tokens.end + 2].text[:1].isupper()):
        return None   # "by our trainer, Rachel": a doer with a name in apposition moves badly
    if any(c.dep_ == "conj" for c in verb.children) or any(
            t.dep_ in ("prep", "relcl", "acl") or (t.dep_ == "conj" and t.pos_ == "VERB") for t in doer_tokens):
        # "were informed by the user via email, blocked ... and restored ...": the subject
        # belongs to the other verbs too ("collected by our engineer and securely wiped",
        # whatever the parse hung the second verb on), and a doer with its own phrases moves badly
        return None
    rest = doc[doer_tokens.end:min(len(doc), doer_tokens.end + 8)]
    if any(t.lower_ == "by" for t in rest):
        # "approved by the ECAB and, where possible, by a contact", "contacted by telephone by
        # your Head of Fundraising": a second "by" is the doer or another one; neither moves
        return None
    following = doc[doer_tokens.end] if doer_tokens.end < len(doc) else None
    if following is not None and (following.tag_ in ("VBN", "VBG") or following.lower_ in _RELATIVE_WORDS):
        # "caused by refactoring and cleanup intended to allow ...": a phrase that describes
        # the doer, whatever the parse made of it, would be left behind on the new object
        return None
    if (following is not None and doer.pos_ == "PROPN" and following.lower_ in ("for", "of", "on")
            and following.i + 1 < len(doc) and doc[following.i + 1].text[:1].isupper()
            and not _time_not_doer(doc[following.i + 1])):   # "by Rachel on Monday" moves
        # "protected by Veeam Backup for Microsoft 365 to ...": the name goes on past "for"
        return None
    place = next((c for c in following.children if c.dep_ == "pobj"), None) if following is not None else None
    if (following is not None and following.lower_ in _PLACE_WORDS and place is not None
            and not _says_when(place) and any(c.dep_ in ("det", "poss") for c in place.children)):
        # "controlled by ACLs on the existing FortiGate", "deleted by a user in the finance
        # team": where the doer is, not when ("on site" is how the work is done); moved after
        # the object it would say where the object is
        return None
    if following is not None and _doer_goes_on(following):
        # "throttled by the 100 Mbps download bandwidth": the parse ended the doer a word
        # early; moving it would leave "bandwidth" behind
        return None
    if doer.tag_ == "NNP" and doer.lower_.endswith("s") and not doer.lower_.endswith("ss"):
        return None   # "by Extended Security Updates", "by Microsoft Teams": a name's number is unclear
    plural = doer.tag_ in ("NNS", "NNPS") or doer.lower_ in _PLURAL_SUBJECTS or any(
        c.dep_ == "cc" for c in doer.children)
    group = _verb_group(list(between), verb, plural)
    if not group:
        return None
    start = subject_tokens[0].idx
    end = doer_tokens[-1].idx + len(doer_tokens[-1].text)
    if "\n" in doc.text[start:end] or any(c in doc.text[start:end] for c in "()[]"):
        return None   # a bracket ("spear phishing (targeted email scam)") would be cut in two
    new_subject = _agent_subject(list(doer_tokens))
    new_object = _object_phrase(list(subject_tokens))
    first = subject_tokens[0]
    # the sentence opens with the subject, perhaps after a list item's "-"
    if first.is_sent_start or all(t.is_punct or t.is_space for t in doc[first.sent.start:first.i]):
        # "Conditional Access policies": a name in capitals keeps its capital as the object
        title_case = first.pos_ != "DET" and len(subject_tokens) > 1 and subject_tokens[1].text[:1].isupper()
        if first.pos_ != "PROPN" and first.text != "I" and not first.text[1:2].isupper() and not title_case:
            new_object = new_object[:1].lower() + new_object[1:]
        new_subject = new_subject[:1].upper() + new_subject[1:]
    return ActiveRewrite(start, end, f"{new_subject} {group}{particle} {new_object}")
