"""Whether a plain replacement fits where the term stands, so a fix reads right.

A lexicon's plain alternative is written to replace the term ("the certificate has expired"
-> "the digital ID has expired"; its example is tested). It reads wrong where the term is
glued into something bigger ("container-runtime", a file name, a Markdown link target, code
in backticks), spells out an acronym ("continuous integration (CI)"), is part of a name
("VPC CNI", "`prod` namespace"), or where the plain brings an article into a compound ("our
LDAP server" -> "our the staff directory server"); a noun's plural right before "the" is a
verb ("an attempt that exploits the trust"); a verb without a parse needs a verb context
("Results & Impact" is a noun). Those fixes are withheld; the finding keeps its suggestions.
Word lists: data/fit_words.yaml. The lexicon tests check that every entry's own example still
gets its fix, so these checks stay to the clear cases.
"""
from __future__ import annotations

import functools
import re

from .english import is_common
from .identifiers import MODEL_NUMBER
from .resources import data_yaml, word_list

_GLUE_BEFORE = frozenset("-/_.@`#$%\\'\u2019<[=")
_GLUE_AFTER = frozenset("-/_@`\\>]=")
# the neighbouring word, also across a single line break (wrapped text)
_GAP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"
_WORD_AFTER = re.compile(rf"^{_GAP}([^\W\d_][\w'\u2019-]*)")


@functools.lru_cache(maxsize=1)
def _words() -> dict:
    """data/fit_words.yaml: word lists as sets, "_endings" as tuples, pairs as tuples of
    pairs, mappings as they are."""
    data = data_yaml("fit_words.yaml")

    def shaped(key: str, value):
        if isinstance(value, dict):
            return value   # a mapping ("move" -> "moving")
        if value and isinstance(value[0], list):
            return tuple(tuple(pair) for pair in value)   # pairs ("on", "off")
        return tuple(value) if key.endswith("_endings") else frozenset(value)

    return {key: shaped(key, value) for key, value in data.items()}


def glued(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a bigger token, code or a link target: a file name,
    "container-runtime", `code`, "](path/remediation.md)"."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum() or before in _GLUE_BEFORE or after in _GLUE_AFTER:
        return True
    if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
        return True
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    if head.count("`") % 2 == 1:
        return True   # inside `code` in a format that does not mask it
    link = head.rfind("](")
    return link >= 0 and ")" not in head[link:]


_BOUNDARY_END = tuple(",;:.!?(\"'\u201c\u2018|*#>-")
_WORD_CHARS = frozenset("_'\u2019-")


def _gap_before(text: str, start: int, floor: int) -> int:
    """Where the white space before `start` begins: spaces and tabs with at most one line
    break among them (wrapped text); `start` itself when there is none. A scan, where a
    regular expression anchored at the end would be tried at every offset of the window
    (these helpers run for every fix checked)."""
    i = start
    while i > floor and text[i - 1] in " \t":
        i -= 1
    if i > floor and text[i - 1] == "\n":
        i -= 1
        if i > floor and text[i - 1] == "\r":
            i -= 1
        while i > floor and text[i - 1] in " \t":
            i -= 1
    return i


def word_before(text: str, start: int) -> str:
    """The word before the term across white space (one line break at most): letters,
    digits, apostrophes and hyphens from its first letter on; "" after punctuation."""
    floor = max(0, start - 40)
    end = _gap_before(text, start, floor)
    begin = end
    while begin > floor and (text[begin - 1].isalnum() or text[begin - 1] in _WORD_CHARS):
        begin -= 1
    while begin < end and not text[begin].isalpha():
        begin += 1
    return text[begin:end] if end < start else ""


def token_before(text: str, start: int) -> str:
    """The run of non-space characters before the term ("" after punctuation that ends a
    phrase, or at the start of a line or text)."""
    floor = max(0, start - 60)
    end = _gap_before(text, start, floor)
    begin = end
    while begin > floor and not text[begin - 1].isspace():
        begin -= 1
    token = text[begin:end]
    if end == start or not token or token.endswith(_BOUNDARY_END):
        return ""
    return token


_DEFINITION_AFTER = re.compile(r"[^.()\n]{0,60}\([A-Z][A-Za-z0-9/&-]*[A-Z][A-Za-z0-9/&-]*s?\)")


def in_definition(text: str, end: int) -> bool:
    """Part of an acronym's spelled-out form: "continuous integration / continuous deployment
    (CI/CD)": the words stand for the letters and are not rewritten."""
    return _DEFINITION_AFTER.match(text, end) is not None


# a line that starts a new item, not the rest of a wrapped one: "Service provider: ...", a
# bullet, a numbered item or a heading
_ITEM_LINE = re.compile(r"[ \t]*(?:[-*+\u2022]|\d+[.)]|#+|[A-Z][\w/&'() -]{0,30}:)(?:[ \t]|$)")


def word_after(text: str, end: int) -> str:
    """The next word, also on the next line of wrapped text (not on a line that starts an item
    of its own: "Priority: P1\nService provider: ...")."""
    found = _WORD_AFTER.search(text[end:end + 40])
    if found is None:
        return ""
    if "\n" in found.group(0) and _ITEM_LINE.match(text, end + found.group(0).index("\n") + 1):
        return ""
    return found.group(1)


def _line_around(text: str, start: int, end: int) -> tuple[int, str]:
    """Where the line holding text[start:end] starts, and the line (without its break)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, text[line_start:len(text) if line_end < 0 else line_end]


def _unknown_name(token: str, offset: int, covered) -> bool:
    """"CNI", "`prod`", "eu-west-1": a neighbour that is code or an acronym no lexicon knows
    (so it stays as it is) makes the term part of a name: "VPC CNI", "`prod` namespace".
    An acronym that is a term itself is rewritten too ("TLS handshake" -> "encryption
    connection set-up"), and an everyday one is plain ("UK data residency")."""
    core = token.strip(".,;:!?()\"'")
    if not core:
        return False
    if any(c in core for c in "`_/=<>{}[]"):
        return True
    letters = [c for c in core if c.isalpha()]
    if len(letters) < 2 or sum(c.isupper() for c in letters) < 2 or core.istitle():
        return False
    if core.rstrip("s") in word_list("everyday_acronyms.txt") or (
            core.isalpha() and len(core) > 2 and is_common(core.lower(), 4.0)):
        return False   # "UK", or a word in capitals ("PLEASE READ THE RCA"); not "SQL MI"
    return covered is None or not any(covered[offset:offset + len(token)])


def _ing_noun(doc, token) -> bool:
    """"DNS hosting for the domain": a word in -ing that names a service (ing_nouns), not
    followed by an object of its own ("the SQL server hosting the WMS" is a participle)."""
    if token.lower_ not in _words()["ing_nouns"]:
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is None or after.is_punct or after.is_space or after.pos_ in ("ADP", "AUX", "VERB", "CCONJ", "PART")


def _noun_follows(text: str, end: int, doc, span, start: int | None = None) -> bool:
    """Whether the next word is a noun the term modifies ("deployments" in "staging
    deployments"): the tagger says so with a model; otherwise any word that is not a
    function word, or a word in -ed used as an adjective before a noun ("desired size").
    `start`: where the term starts, when known (see _participle_modifier)."""
    words = _words()
    if doc is not None and span is not None:
        following = doc[span.end] if span.end < len(doc) else None
        if (following is not None and following.pos_ == "ADJ" and following.dep_ == "amod"
                and following.head.i == following.i + 1 and following.head.pos_ in ("NOUN", "PROPN")
                and following.head.dep_ != "npadvmod" and following.head.ent_type_ not in ("DATE", "TIME")):
            return True   # "Wasabi immutable storage": the name and the adjective both modify the noun
        if (following is not None and following.tag_ == "VBN" and following.dep_ == "amod"
                and following.head.i > following.i and following.head.pos_ in ("NOUN", "PROPN")):
            return True   # "Veeam hardened Linux repository", "Entra ID shared device mode"
        if (following is not None and following.pos_ == "VERB" and following.i + 2 < len(doc)
                and doc[following.i + 1].tag_ == "HYPH" and doc[following.i + 2].lower_ in words["particles"]
                and not following.whitespace_):
            return True   # "SAML sign-in", "the laptop roll-out": a verb and a particle, hyphenated, are a noun
        if following is None or following.lower_ in words["after_noun"] or following.dep_ == "npadvmod":
            return False
        if following.pos_ in ("NOUN", "PROPN") or _ing_noun(doc, following):
            return True
        from .inflection import is_noun_only

        # "BitLocker escrow", "the Wi-Fi 6 units": a word that is only ever a noun, which the
        # tagger took for a verb or an adjective, is still the noun the term modifies
        return following.is_lower and following.is_alpha and is_noun_only(following.text)
    after = word_after(text, end).lower()
    if after.endswith(words["verb_endings"]):
        return _participle_modifier(text, end, start)   # "the ASG desired size", not "the VMs restarted"
    if _past_verb_with_object(text, end, start):
        return False                             # "the core switch meant new devices"
    return bool(after) and after not in words["after_noun"] and after not in words["not_nouns_after_name"]


def noun_follows(text: str, end: int, start: int | None = None) -> bool:
    """Whether the next word, by its shape, is a noun that what ends here modifies."""
    return _noun_follows(text, end, None, None, start)


def noun_follows_here(text: str, start: int, end: int, doc=None) -> bool:
    """noun_follows, by the parse where there is one: the check a gloss makes (gloss_fits), so
    that a name's modifier and its noun's gloss never both go in ("the Traefik v2 pods got
    restarted": "got" has a noun's shape, but the parse knows it is the verb)."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    return _noun_follows(text, end, doc, span, start)


def adverbial(term: str) -> bool:
    """"within SLA", "out of hours": a term that opens with a preposition says when or how, and
    its plain wording ("within the agreed time") is no noun swap that could break a compound."""
    return term.split(maxsplit=1)[0].lower() in _words()["adverbial_openers"] and " " in term.strip()


def bare_noun_use(text: str, start: int, end: int) -> bool:
    """"connect the form to your CRM": a determiner before the term and no noun after it, so
    the term names a thing on its own (not "the CRM export", nor "via CRM")."""
    return word_before(text, start).lower() in _words()["determiners"] and not noun_follows(text, end)


def in_compound(text: str, start: int, end: int, plain: str, doc=None, covered=None) -> bool:
    """Whether a noun swap would break a compound. Only clear cases count, so that what a
    lexicon's author wrote as a drop-in ("the LTE backup router" -> "the mobile data backup
    router") stays a fix:
    - the term stands next to code or an acronym no lexicon knows, so it is part of a name
      ("VPC CNI", "`prod` namespace");
    - an acronym comes before a word with a capital: a product's name ("SQL Express"); or a
      version or level follows ("TPM 2.0", "RAID 6");
    - the plain alternative brings its own article but the term modifies the next word
      ("staging deployments" -> "the test system deployments", "our LDAP server")."""
    before = token_before(text, start)
    if before and _unknown_name(before, text.rfind(before, 0, start), covered):
        return True
    gap = len(text[end:]) - len(text[end:].lstrip(" \t"))
    following = text[end + gap:end + gap + 40].split()[:1]
    if gap and following and _unknown_name(following[0], end + gap, covered):
        return True
    if _name_goes_on(text, start, end) or (
            (text[start:end].isupper() or sum(c.isupper() for c in text[start:end]) >= 2)
            and _version_after(text, end)):
        # "SQL Express", "SQL Always On": a name that starts with the acronym; "TPM 2.0",
        # "RAID 6", "OAuth 2.0": a version or level makes an acronym a name ("no security
        # chip 2.0"; but "severity level 2" -> "priority level 2")
        return True
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    article = plain.split(" ", 1)[0].lower() in ("a", "an", "the")
    return article and _noun_follows(text, end, doc, span, start)


_CAPITALISED_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_CAPITALS_AFTER = re.compile(r"[ \t]+[A-Z](?:[a-z]|[A-Z]+\b)")


def _name_goes_on(text: str, start: int, end: int, acronym_after: bool = False) -> bool:
    """An acronym before a word with a capital on the same line is the start of a product's
    name ("SQL Express", "SQL Always On"): neither a swap nor a gloss goes inside it.
    `acronym_after`: another acronym after it counts too ("SMTP AUTH"), for a gloss; a swap
    may still fit there ("REST API" -> "web-based API")."""
    after = _CAPITALS_AFTER if acronym_after else _CAPITALISED_AFTER
    return text[start:end].isupper() and after.match(text, end) is not None


def _adjective_like(word: str) -> bool:
    lower = word.lower()
    words = _words()
    return lower in words["before_noun"] or (len(lower) > 5 and lower.endswith(words["adjective_endings"]))


_STATUS_BEFORE = re.compile(r"(?:^|\n)[^\n]*\b(?:status|state)[ \t*]*:[ \t*]*\[?$", re.IGNORECASE)
_STATUS_AFTER = re.compile(r"[ \t*\].]*(?:\r?\n|$)")
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t]*[\[*#]*[ \t]*$")
_AFTER_SENTENCE = re.compile(r"[a-z0-9)][.!?][ \t]+$")
_STAGE_AFTER = re.compile(r"[\]*]*[ \t]+[-\u2013\u2014|][ \t]+\S|[\]*]*[ \t]*(?:\r?\n|$)")


def status_value(text: str, start: int, end: int) -> bool:
    """"Status: IDENTIFIED", "State: Resolved", a status page's "Identified - 09 May 08:54" or
    "[Resolved]" on a line of its own, or a one-word sentence that ends a list item ("- Replace
    the firewall. Complete."): the stage of an incident or a task, named as on a status page;
    a plain word for it ("found", "finish") loses that meaning."""
    if _STATUS_BEFORE.search(text, max(0, start - 80), start):
        # "**Status:** Resolved - Pending Closure": a stage and its sub-stage
        return bool(_STATUS_AFTER.match(text, end) or _STAGE_AFTER.match(text, end))
    if _AFTER_SENTENCE.search(text, max(0, start - 4), start) and text[start:end].istitle():
        return bool(_STATUS_AFTER.match(text, end))   # "- Replace the firewall. Complete."
    return bool(_LINE_OPENING.search(text, max(0, start - 20), start)) and bool(_STAGE_AFTER.match(text, end))


def part_of_title(text: str, start: int, end: int) -> bool:
    """A term written with a capital mid-sentence is part of a name or a title ("Azure
    Container Instance", "Director of Infrastructure"); callers ask only for common nouns
    (terms a lexicon lists in lower case)."""
    term = text[start:end]
    if not (term[:1].isupper() and term[1:].replace(" ", "").islower() and term.replace(" ", "").isalpha()):
        return False   # "Sev1", "Sev 1": a label with a number, not a word of a title
    line_start = text.rfind("\n", 0, start) + 1
    if _opens_sentence(text, start) or not text[line_start:start].strip(" \t#>*-"):
        return False
    # a common noun capitalised mid-sentence is part of a name or title ("Azure Container
    # Instance", "Director of Infrastructure")
    return text[:start].rstrip()[-1:].isalpha()


def title_cased(term: str) -> bool:
    """Whether a term of two or more words is written in Title Case: every word of four or
    more letters capitalised ("Remote Monitoring and Management", "Multi-Factor
    Authentication"), the style of a name rather than of a sentence's first word."""
    long_words = [w for w in re.split(r"[\s-]+", term) if len(w) >= 4]
    return (len(term.split()) >= 2 and len(long_words) >= 2
            and all(w[:1].isupper() and w[1:].islower() for w in long_words))


def title_case_line(text: str, start: int, end: int) -> bool:
    """Whether the term stands in a line written in Title Case ("# IT Budget & Hardware Refresh
    Plan", "## Patch Compliance by Asset Class"): the term's words and at least two other
    words of four letters or more on the line all start with a capital (not in a table row,
    whose cells each start with one). Its plain wording then takes the same style ("Computer
    Replacement")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[line_start:start] + " " + text[end:line_end]
    if "|" in rest:
        return False   # a table row: each cell starts with a capital ("| Risk | Likelihood |")
    others = [w for w in re.findall(r"[A-Za-z][\w'-]*", rest) if len(w) >= 4]
    term = re.findall(r"[A-Za-z][\w'-]*", text[start:end])
    if term and all(w.isupper() for w in term) and not in_heading(text, start):
        return False   # an acronym in a line of names ("Intel Core Ultra 5, 16GB RAM, 512GB SSD")
    if len(others) == 1 and in_heading(text, start) and not text[line_start:start].strip(" \t#.0123456789"):
        # "## 3. SLA Performance": a heading's one other word, not its first, in capitals
        return others[0][:1].isupper() and not others[0].isupper() and all(w[:1].isupper() for w in term)
    return (len(others) >= 2 and bool(term) and all(w[:1].isupper() for w in others + term)
            and not all(w.isupper() for w in others))


def capitals_line(text: str, start: int) -> bool:
    """Whether the term stands in a heading written all in capitals ("4. DEVICES AND TOKENS"):
    three words or more of letters, every letter a capital."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", _line_around(text, start, start)[1])
    return len(words) >= 3 and all(w.isupper() for w in words)


def title_case(phrase: str) -> str:
    """"computer replacement" -> "Computer Replacement", "on-site" -> "On-Site"; small words
    stay lower case after the first ("Review of What Went Wrong")."""
    small = _words()["title_small_words"]

    def capital(part: str) -> str:
        return part[:1].upper() + part[1:] if part[:1].islower() else part

    # each part of a hyphenated word takes a capital, as in the heading's own "On-Premises"
    return " ".join(w if i and w.lower() in small else "-".join(capital(p) for p in w.split("-"))
                    for i, w in enumerate(phrase.split(" ")))


def repeats_neighbour(text: str, start: int, end: int, plain: str) -> bool:
    """"QA test suite" -> "testing test suite": a plain word that repeats the next (or
    previous) word's stem reads wrong."""
    words = plain.lower().split()
    if not words:
        return False
    after, before = word_after(text, end).lower(), word_before(text, start).lower()
    return (len(after) >= 4 and words[-1][:4] == after[:4]) or (len(before) >= 4 and words[0][:4] == before[:4])


def plural(plain: str) -> bool:
    """Whether the phrase's head noun is plural: the last word, or the last before "of"
    ("group of servers" is singular)."""
    head = plain.split(" of ")[0].split()
    last = head[-1].lower() if head else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


_SINGULAR_BEFORE = frozenset(["a", "an", "one", "each", "every", "this", "that", "another"])
_SINGULAR_VERBS = frozenset(["is", "was", "has", "does"])


def singular_context(text: str, start: int, end: int) -> bool:
    """Whether a singular term is held singular by its words: "a known working configuration",
    "the configuration was", or its verb further on when it opens the sentence ("Alerting in
    our RMM now triggers"): a plural plain ("settings") would break the agreement."""
    if word_after(text, end).lower() in _SINGULAR_VERBS:
        return True
    if _opens_clause(text, start) and _singular_verb_after(text, end):
        return True
    if (_opens_list_item(text, start) or _opens_heading(text, start)) and word_after(text, end).lower() == "of":
        return True   # "- Configuration of Failover Clustering": the work named, not "Settings of"
    head = text[max(0, start - 60):start].split()[-4:]
    for word in reversed(head):
        lower = word.lower().strip(",;:")
        if lower in _SINGULAR_BEFORE:
            return True
        if lower in _words()["after_noun"] or not lower.isalpha():
            return False   # a function word or punctuation: the noun phrase started after it
    return False


def _opens_clause(text: str, start: int) -> bool:
    """Whether the term, or its determiner ("The configuration ...", past a modifier or two:
    "The rota configuration ..."), opens a sentence or a list item: the term is then the
    subject of the verb that follows."""
    before = token_before(text, start)
    words = _words()
    for _ in range(2):   # past a modifier or two: "The rota configuration in our PSA tool has"
        if not (before.isalpha() and before.islower()) or before in words["determiners"] \
                or before in words["after_noun"] or before in words["before_noun"]:
            break
        start = text.rfind(before, 0, start)
        before = token_before(text, start)
    if before.lower() in words["determiners"]:
        start = text.rfind(before, 0, start)
        before = token_before(text, start)
    return not before or before[-1:] in ".!?:" or _opens_list_item(text, start)


def _singular_verb_after(text: str, end: int) -> bool:
    """Whether the first verb after a sentence's subject, within eight words and the clause, is
    singular: "is", "was", "has", "does" or a form in -s ("triggers"), not one after a
    preposition or determiner, where a word in -s is a plural noun ("for printers")."""
    from .inflection import common_verb_forms

    forms = common_verb_forms()
    clause = re.split(r"[,;:.!?()\n]", text[end:end + 90], maxsplit=1)[0].split()[:8]
    previous = ""
    for word in (w.lower() for w in clause):
        if word in _SINGULAR_VERBS:
            return True
        if word in ("are", "were", "have", "do"):
            return False
        form = forms.get(word)
        if (form is not None and word != form[0] and word in (form[0] + "s", form[0] + "es")
                and previous not in _words()["prepositions"] and previous not in _words()["determiners"]):
            return True
        previous = word
    return False


def plural_verb_after(text: str, end: int) -> bool:
    """Whether the first verb after the term, within eight words and the clause, is plural:
    "are", "were", "have", "do", or a verb's base form right after it ("sign-in logs show").
    A plural term whose plain wording stays singular ("sign-in history") would then break the
    agreement ("sign-in history show")."""
    from .inflection import common_verb_forms

    forms = common_verb_forms()
    clause = re.split(r"[,;:.!?()\n]", text[end:end + 90], maxsplit=1)[0].split()[:8]
    previous = ""
    for index, word in enumerate(w.lower() for w in clause):
        if word in _SINGULAR_VERBS:
            return False
        if word in _words()["plural_verbs"]:
            return True
        form = forms.get(word)
        if form is not None and index == 0 and word == form[0] and word not in _words()["after_noun"]:
            return True
        if (form is not None and word != form[0] and word in (form[0] + "s", form[0] + "es")
                and previous not in _words()["prepositions"] and previous not in _words()["determiners"]):
            return False
        previous = word
    return False


def of_after_of(text: str, end: int, plain: str) -> bool:
    """"File-level restore of 50 files" -> "restore of single files of 50 files": a plain
    wording that ends in an "of" phrase cannot take the text's own "of" after it."""
    return " of " in f" {plain.lower()} " and word_after(text, end).lower() == "of"


def stands_alone(text: str, start: int, end: int, tag: str, plain: str, doc=None, common_noun: bool = True) -> bool:
    """The strict check for an unsafe noun swap by a phrase of two or more words: whether the
    term is a noun phrase of its own, not part of a compound ("API key" -> "data connection
    key", "package metadata", "the Java runtime"), and not a bare noun ("plugins for
    rollback") that the phrase would need an article for. A one-word plain fits a compound
    too ("node rollover" -> "server rollover"). Lexicon examples may use compounds on
    purpose, so the rule keeps the fix (check shows it); `fix` applies it only where this
    holds."""
    if (common_noun and part_of_title(text, start, end)) or repeats_neighbour(text, start, end, plain):
        return False
    if adjective_plain(plain):
        # "top-priority" only before a noun, and not after "and": in "all P1 and P2
        # incidents" the first level would be left as it is ("P1 and high-priority incidents")
        return (noun_follows(text, end, start) and word_before(text, start).lower() not in ("and", "or")
                and text[max(0, start - 3):start].rstrip()[-1:] not in ("/", ",", "&"))
    if tag != "NNS" and plural(plain) and singular_context(text, start, end):
        return False
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if tag != "NNS" and plural(plain) and _noun_follows(text, end, doc, span, start):
        return False   # a plural as a modifier: "infrastructure components" -> "systems components"
    if tag == "NNS" and not plural(plain):
        return False   # "changelogs" -> "list of changes": the plural did not reach the head
    if tag != "NNS" and _bare_count_noun(text, start, end, plain):
        return False   # "including migration of firewall rules": not "including move of"
    if len(plain.split()) == 1:
        return True   # one noun for another reads right in a compound too ("server rollover")
    if _NUMBERED_LABEL.fullmatch(plain):
        # a numbered label needs no article, but is no modifier: "escalated to priority 1"
        return not noun_follows(text, end, start)
    if _same_head(text[start:end], plain) and not _echoes(text, start, end, plain.rsplit(" ", 1)[0]):
        # only the modifier changes ("SSL certificate" -> "security certificate"), and it
        # repeats no word close by ("spear phishing" -> "targeted phishing" after "targeted by")
        return True
    if _two_word_compound(plain) and not _version_after(text, end) and not _echoes(text, start, end, plain):
        # before a noun, only a compound for a compound ("the disk quota issue" -> "the storage
        # limit issue"): a one-word term there is often part of a fixed compound ("your API
        # key" is not "your data connection key")
        modifier = noun_follows(text, end, start)
        if (not modifier or " " in text[start:end].strip()) and _opens_noun_phrase(text, start, adjective=not modifier):
            return True   # "via direct URL" -> "via direct web address"
    if _opens_heading(text, start) or _opens_list_item(text, start):
        return _headline_noun(text, end, plain)
    if tag != "NNS" and plain.split(" ", 1)[0].lower() not in ("a", "an", "the"):
        # a bare noun needs the article that a plain wording of its own brings ("may have
        # intermittent connectivity" -> "may have an on-and-off connection")
        before = word_before(text, start).lower()
        if not before or before not in _words()["determiners"]:
            return False
    if span is not None:
        first, last = span[0], span[-1]
        if last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i:
            return False
        if any(c.dep_ in ("compound", "nmod") and c.i < first.i for c in span.root.children):
            return False
        preceding = doc[span.start - 1] if span.start > 0 else None
        if preceding is not None and _misread_base_verb(preceding):
            return False   # "executes database upgrade scripts": not "upgrade small programs"
        return not _noun_follows(text, end, doc, span, start) and not (
            preceding is not None and preceding.pos_ in ("NOUN", "PROPN"))
    if noun_follows(text, end, start):
        return False
    before = token_before(text, start)
    return not before or (before.replace("-", "").isalpha() and _adjective_like(before))


def _misread_base_verb(token) -> bool:
    """A verb in its base form with nothing that licenses one: no "to", modal or "do" on it,
    not an order opening its sentence, not joined to another verb ("the update executes
    database upgrade scripts", "at which point upgrade scripts completed"). The tagger's verb
    is then a noun modifying the term."""
    if token.tag_ != "VB" or token.dep_ in ("xcomp", "conj", "ccomp", "advcl", "relcl", "pcomp"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False
    before = [t for t in token.doc[token.sent.start:token.i] if not (t.is_punct or t.is_space)]
    return bool(before) and before[-1].lower_ not in _words()["order_openers"]


_NUMBERED_LABEL = re.compile(r"[a-z]+ \d+", re.IGNORECASE)   # "priority 1"


def adjective_plain(plain: str) -> bool:
    """Whether a plain wording is an adjective that needs a noun after it ("top-priority",
    "smart"): adjective_plain_heads in data/fit_words.yaml."""
    return re.split(r"[\s-]", plain.lower())[-1] in _words()["adjective_plain_heads"]


def _same_head(term: str, plain: str) -> bool:
    """Whether the plain wording keeps the term's head noun and its number of words, swapping
    only the modifier ("SSL certificate" -> "security certificate"): it then fits wherever the
    term did, in a compound too."""
    words, plain_words = term.lower().split(), plain.lower().split()
    return len(words) == len(plain_words) > 1 and words[-1] == plain_words[-1] and words != plain_words


def _two_word_compound(plain: str) -> bool:
    """A plain wording of two content words ("storage limit", "web address"): like one noun,
    it takes the term's place with or without an article, and before another noun."""
    return len(plain.split()) == 2 and _content_words(plain, hyphens=False)


def noun_modifier(plain: str) -> bool:
    """A plain wording of one or two content words, hyphenated ones too ("two-step sign-in"):
    it can stand before a noun as the term did ("two-step sign-in (MFA) methods")."""
    return 1 <= len(plain.split()) <= 2 and _content_words(plain, hyphens=True)


def _content_words(plain: str, hyphens: bool) -> bool:
    lists = _words()
    return all((w.replace("-", "") if hyphens else w).isalpha() and w.islower()
               # no function word or particle: "phasing out" is a verb's
               and w not in lists["before_noun"] and w not in lists["after_noun"] and w not in lists["particles"]
               for w in plain.split())


def _echoes(text: str, start: int, end: int, plain: str) -> bool:
    """"targeted by spear phishing" -> "targeted by targeted phishing": a plain word that
    repeats a word close by reads wrong."""
    near = re.findall(r"[a-z]{5,}", (text[max(0, start - 40):start] + " " + text[end:end + 40]).lower())
    stems = {w[:5] for w in near}
    return any(len(w) >= 5 and w[:5].lower() in stems for w in plain.split())


_ENDINGS = ("ing", "ed", "es", "er", "s", "d")
_NEAR_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]*)?")
_CLAUSE_BREAK = re.compile(r"[.!?;:|()\n]")
# a stop (not an abbreviation's: "incl.", "ref.", data/abbreviations.txt), a blank line, or a
# new list item ("- Fully patched: 55\n- Failed updates: 4")
_SENTENCE_BREAK = re.compile(
    "".join(rf"(?<!\b{re.escape(word[:-1])})" for word in sorted(word_list("abbreviations.txt")))
    + r"(?<!\be\.g)(?<!\bi\.e)[.!?;|]\s|\n\s*\n|\n[ \t]*(?:[-*+\u2022]|\d{1,3}[.)])[ \t]", re.IGNORECASE)


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[:-len(ending)]
    return word


@functools.lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return _words()["after_noun"] | _words()["before_noun"]


# an acronym in brackets after the term, with the phrase going on: "(SLA) Targets"
_ACRONYM_IN_BRACKETS = re.compile(r"[ \t]*\([A-Z][A-Za-z0-9&/-]{1,9}s?\)(?= [A-Za-z])")


def _clause_words_after(text: str, at: int, count: int, width: int = 30) -> list[str]:
    """The first `count` words (lower case) after `at` within `width` characters, not past
    the end of the clause (a stop, a colon, a bracket or a line)."""
    return _NEAR_WORD.findall(_CLAUSE_BREAK.split(text[at:at + width].lower())[0])[:count]


def _phrase_after(text: str, end: int) -> list[str]:
    """The words of the noun phrase that goes on after a modifier, up to five, not past a
    function word or a comma ("900 Mbps business broadband circuit")."""
    function_words = _function_words()
    words = []
    phrase = re.split(r"[,;:()/|]", text[end:end + 50], maxsplit=1)[0]   # a list goes on past a comma
    for word in _clause_words_after(phrase, 0, 5, 50):
        if word in function_words:
            break
        words.append(word)
    return words


def repeats_nearby(text: str, start: int, end: int, plain: str, verb: bool = False) -> bool:
    """"The patch fixed it" -> "The fix fixed it", "the server's BMC" -> "the server's server
    chip", "the SSL VPN to access" -> "the remote access to access": a plain word that repeats
    the word right before or one of the two after the term, or the third after a preposition
    and a function word ("the two VLANs on your network" -> "separate networks on your
    network"), reads wrong: its stem, past a plain ending or a possessive. So does a noun
    plain's head word again in the noun phrase the term modifies ("a full-fibre broadband
    900 Mbps business broadband circuit"). Function words ("the") and words the term itself
    has ("call routing" -> "call handling") do not count."""
    function_words = _function_words()
    term = set(re.findall(r"[a-z]+", text[start:end].lower()))
    # within the clause: not across a stop or a line ("All times in UTC.\n| Time |")
    before = _NEAR_WORD.findall(_CLAUSE_BREAK.split(text[max(0, start - 30):start].lower())[-1])[-1:]
    # past an acronym in brackets when the phrase goes on: "service level agreement (SLA) Targets"
    bracket = _ACRONYM_IN_BRACKETS.match(text, end)
    # "VPN to access", "VLANs on your network": two words, or three after a preposition and
    # a function word
    after = _clause_words_after(text, bracket.end() if bracket else end, 3)
    words = _words()
    if len(after) == 3 and not (after[0] in words["prepositions"] | words["prepositions_of_place"]
                                and after[1] in function_words):
        after = after[:2]
    bare = (re.sub(r"['\u2019]s?$", "", w) for w in before + after)   # "server's" -> "server"
    near = {form for w in bare if len(w) >= 3 and w not in function_words for form in (w, _stem(w))}
    if any(not near.isdisjoint((w, _stem(w))) for w in re.findall(r"[a-z]+", plain.lower())
           if len(w) >= 3 and w not in function_words and w not in term):
        return True
    head = (re.findall(r"[a-z]+", plain.lower()) or [""])[-1]
    if not verb and len(head) >= 5 and head not in term and head in _phrase_after(text, end):
        return True   # "An FTTP 900 Mbps business broadband circuit": "full-fibre broadband ... broadband"
    if not verb:
        return False
    # the plain verb also repeats a longer word further on in the sentence ("was confirmed by
    # your manager, who confirmed ..."); a noun may ("virtual servers ... test servers")
    sentence = _SENTENCE_BREAK.split(text[max(0, start - 60):start].lower())[-1] + " " + \
        _SENTENCE_BREAK.split(text[end:end + 60].lower())[0]
    far = {_stem(w) for w in _NEAR_WORD.findall(sentence) if len(w) >= 6 and w not in term}
    head = plain.lower().split()[0] if plain.strip() else ""
    return len(head) >= 3 and not far.isdisjoint((head, _stem(head)))


def repeats_in_clause(text: str, start: int, end: int, plain: str, every: bool = False) -> bool:
    """A weaker echo than repeats_nearby: a plain word of four letters or more that repeats one
    of the five words before the term in its clause ("a manual step in our runbook" ->
    "step-by-step guide", "reviewed by our change advisory board" -> "change review panel").
    Worth a shorter other wording, not worth leaving the term. `every`: all such plain words
    repeat, so the swap would say the clause's words again ("Remote access is via the SSL
    VPN" -> "via the remote access"), and is not worth making."""
    function_words = _function_words()
    term = set(re.findall(r"[a-z]+", text[start:end].lower()))
    before = _NEAR_WORD.findall(_CLAUSE_BREAK.split(text[max(0, start - 40):start].lower())[-1])[-5:]
    stems = {_stem(w) for w in before if len(w) >= 4 and w not in function_words and w not in term}
    if every:   # every word counts: "per-app remote access" says something new after "remote access box"
        stems |= {_stem(w) for w in before if w not in function_words and w not in term}
        words = [w for w in re.findall(r"[a-z]+", plain.lower()) if w not in function_words]
        return bool(words) and all(_stem(w) in stems for w in words)
    return any(_stem(w) in stems for w in re.findall(r"[a-z]+", plain.lower())
               if len(w) >= 4 and w not in function_words and w not in term)


def said_just_before(text: str, start: int, plain: str) -> int | None:
    """"the 4G LTE backup line": where the term's plain wording already stands right before it
    (the term only repeats it), the offset after those words, so the fix drops the term."""
    found = re.search(rf"(?<![\w-]){re.escape(plain)}([ \t]+)$", text[max(0, start - len(plain) - 8):start])
    return start - len(found.group(1)) if found else None   # same case: not "SQL Server instance"


def _bare_count_noun(text: str, start: int, end: int, plain: str) -> bool:
    """Whether a term used as a mass noun, with no article ("including migration of the
    rules", "fit for purpose; remediation quoted separately", "Wi-Fi, telephony and CCTV"),
    would become a noun that needs one ("move", "fix", "phone system"). Going back from the
    term past its modifiers ("and", "or" too: "test and hotfix prepared"): a determiner or an
    owner gives it an article; a verb's context ("to", "can") makes it a verb; another function
    word or a verb in -s leaves it bare. A label that opens a line, a cell, a sentence or
    follows a colon goes without an article ("| Leased line migration |", "Remediation: ...")."""
    words = plain.lower().split()
    data = _words()
    if not words or words[-1] not in data["count_only_plains"] or words[0] in ("a", "an", "the"):
        return False
    if noun_follows(text, end, start) or _opens_heading(text, start) or _opens_list_item(text, start):
        return False
    before = text[max(0, start - 80):start].replace("\u2019", "'")
    boundaries = list(_LABEL_BOUNDARY.finditer(before))
    found = boundaries[-1] if boundaries else None
    boundary = found.group(0).strip()[:1] if found else ("" if start > 80 else "\n")
    from .inflection import is_verb_only

    for index, word in enumerate(reversed(before[found.end() if found else 0:].lower().split())):
        if word in data["determiners"] or word.endswith(("'s", "s'")) or word.isdigit():
            return False
        if word in ("and", "or", "&", "/"):
            continue
        if word in data["verb_context"]:
            # right before the term it is a verb ("To remediate these", "they can remediate");
            # further back the term is its verb's object ("so they can start remediation")
            return index > 0
        if word in data["after_noun"] or (word.endswith("s") and not word.endswith("ss")) or (
                is_verb_only(word) and not word.endswith(("ed", "ing"))):   # "the planned migration", "validating test"
            return True   # "the work includes migration", "- Recommend migration of the array"
    return boundary in (",", ";")


_LABEL_BOUNDARY = re.compile(r"[.!?][\s*_]+|[,;:()|\n]")


def _opens_noun_phrase(text: str, start: int, adjective: bool = True) -> bool:
    """Whether the term starts its noun phrase: what comes before is a determiner or
    preposition, or punctuation, or (`adjective`) an adjective ("via direct URL"). After a
    noun or name ("the Azure VM capacity"), or an adjective when the term modifies a noun
    ("official API schema"), two more words would stack the compound."""
    before = token_before(text, start)
    if not before or not before[-1:].isalnum():
        return True
    word = word_before(text, start).lower()
    return word == before.lower() and (word in _words()["before_noun"] or (adjective and _adjective_like(word)))


def plural_reads_as_verb(text: str, start: int, end: int, tag: str) -> bool:
    """"an attempt that exploits the trust", "so mail flows through their filter": a plural
    noun form is the verb, and a noun replacement would read wrong. So it is right before a
    determiner; or, with no determiner before the term, before a word that goes with a verb
    ("through", "normally"). The same cues with a model: its tagger takes too many plural
    nouns for verbs ("# ADSync service accounts")."""
    if tag != "NNS":
        return False
    after = word_after(text, end).lower()
    if after in _words()["object_determiners"]:
        return True
    return after in _words()["verb_followers"] and word_before(text, start).lower() not in _words()["determiners"]


def phrasal_before_pronoun(text: str, end: int, plain: str) -> bool:
    """"set up" + "this": a phrasal verb cannot be followed by a pronoun object."""
    parts = plain.split()
    words = _words()
    return (len(parts) >= 2 and parts[-1].lower() in words["particles"]
            and word_after(text, end).lower() in words["pronoun_objects"])


def drop_doubled_article(text: str, start: int, plain: str) -> str:
    """"our" + "the staff directory" -> "our staff directory", "no" + "our change approval
    process" -> "no change approval process"."""
    head, _, rest = plain.partition(" ")
    before = word_before(text, start).lower()
    if head.lower() in ("a", "an") and before == "that":
        return plain   # "proposed that a few Cloud PCs": "that" joins a clause here
    if rest and head.lower() in ("a", "an", "the", "our", "your", "their") and before in _words()["determiners"]:
        return rest
    return plain


_OF_AFTER = re.compile(r"[ \t]+of\b")


def gerund_before_of(text: str, start: int, end: int, plain: str) -> tuple[str, int] | None:
    """A noun of action that opens a note or follows a preposition, with "of" and its object
    after it ("- Migration of AD DS to Entra ID", "followed by decommissioning of the old
    servers"), reads as the plain verb's -ing form with the object straight after it:
    ("Moving AD DS to Entra ID", "retiring the old servers"), not "Move of AD DS", "retiring
    of". Returns the wording and the end of the "of" it takes in, or None. After a modifier or
    a determiner ("a phased migration of", "the decommissioning of") the noun stays."""
    after = _OF_AFTER.match(text, end)
    first, _, rest = plain.partition(" ")
    if after is None or not first:
        return None
    gerund = _words()["gerunds_for_nouns"].get(first.lower())
    if gerund is None:
        from .inflection import is_gerund

        if not is_gerund(first.lower()):
            return None
        gerund = first.lower()
    if token_before(text, start) and word_before(text, start).lower() not in _words()["gerund_openers"]:
        return None
    return (f"{gerund} {rest}" if rest else gerund), after.end()


def doubles_a_word(text: str, start: int, end: int, plain: str) -> bool:
    """"I wanted to touch base in writing" -> "check in in writing": the plain wording's last
    word (or the last part of a hyphenated one) is the word after the term, or its first word
    (or first part) the word before (an article is dropped instead, see drop_doubled_article)."""
    words = plain.lower().split()
    if not words:
        return False
    # a hyphen's parts count: "cutover over" -> "switch-over over", "in on-prem AD" -> "in in-house"
    if words[-1].rsplit("-", 1)[-1] == word_after(text, end).lower():
        return True
    return words[0] not in ("a", "an", "the") and words[0].split("-", 1)[0] == word_before(text, start).lower()


def object_starts() -> frozenset[str]:
    """Words that open a verb's object ("the", "our", "all" ...): after an -ing word they make
    it a verb ("rate limiting the guest Wi-Fi"), not a noun."""
    words = _words()
    return words["object_determiners"] | words["object_starts"]


def state_follows(text: str, end: int) -> bool:
    """"(currently unmanaged)", "currently unavailable": a state after "currently". "Now"
    there reads as a change ("now unmanaged": it has just become so)."""
    after = word_after(text, end).lower()
    return ((after.startswith("un") and len(after) > 4) or after.endswith(("ed", "able", "ible"))
            or (len(after) > 5 and after.endswith(_words()["adjective_endings"])))


def past_narrative(text: str, start: int, end: int) -> bool:
    """Whether the sentence around the term tells of the past only ("null-routing was discussed
    but not actioned at this point in time"): "now" there would read as today."""
    words = _words()
    head = _SENTENCE_BREAK.split(text[max(0, start - 200):start])[-1]
    tail = _SENTENCE_BREAK.split(text[end:end + 200])[0]
    found = set(re.findall(r"[a-z']+", f"{head} {tail}".lower()))
    return bool(found & words["past_markers"]) and not found & words["present_markers"]


def perfect_clause(text: str, start: int, end: int) -> bool:
    """Whether the clause around the term is in the present perfect and nothing else ("No ETR
    has been provided at this time"): "now" there reads wrong, "so far" right."""
    words = _words()
    head = _COMMA_BREAK.split(_SENTENCE_BREAK.split(text[max(0, start - 200):start])[-1])[-1]
    tail = _SENTENCE_BREAK.split(text[end:end + 200])[0]
    # an opener's clause is the one after its comma: "At this time, we have not seen ..."
    tail = _COMMA_BREAK.split(tail.lstrip(" ,") if not head.strip(" \t\n*-") else tail)[0]
    clause = f"{head} {tail}".lower().replace("\u2019", "'")
    found = set(re.findall(r"[a-z']+", clause))
    if found & (words["present_markers"] - words["perfect_markers"]):
        return False
    # "has" with a participle after it ("has been given", "haven't seen"): not "we have no news"
    return any(after.endswith("ed") or after in word_list("participles.txt")
               for after in _PERFECT.findall(clause))


_PERFECT = re.compile(r"(?:\bhas|\bhave|'ve|\bhasn't|\bhaven't)\s+"
                      r"(?:(?:not|never|already|yet|just|also|still)\s+)?([a-z]+)")


_COMMA_BREAK = re.compile(r"[,:(\u2013\u2014]\s|\s-\s")


def possessive_after_determiner(text: str, start: int, plain: str) -> bool:
    """"the IIS logs" -> not "the Microsoft's web server software logs": a plain wording that
    opens with an owner cannot follow an article or another owner."""
    head = plain.split(" ", 1)[0].replace("\u2019", "'")
    return head.endswith("'s") and word_before(text, start).lower() in _words()["determiners"]


def is_verb(tag: str, pos: str) -> bool:
    return pos == "VERB" or tag.startswith("VB")


def sentence_has(text: str, start: int, end: int, words: frozenset[str]) -> bool:
    """Whether the sentence around text[start:end] (up to 200 characters each way) has one of
    `words` (lower case), the term itself left out."""
    before = _SENTENCE_BREAK.split(text[max(0, start - 200):start])[-1]
    after = _SENTENCE_BREAK.split(text[end:end + 200])[0]
    return not words.isdisjoint(w.lower() for w in re.findall(r"[\w'-]+", before + " " + after))


def table_row_has(text: str, start: int, end: int, words: frozenset[str]) -> bool:
    """Whether the term stands in a Markdown or plain table row ("| ... |") that has one of
    `words` (lower case) in another cell."""
    line_start, line = _line_around(text, start, end)
    if not line.lstrip().startswith("|"):
        return False
    row = line[:start - line_start] + " " + line[end - line_start:]
    return not words.isdisjoint(w.lower() for w in re.findall(r"[\w'-]+", row))


_SECTION_READ = 600   # how far into its section a heading's term is read for its sense


def section_has(text: str, start: int, end: int, words: frozenset[str]) -> bool:
    """Whether the term stands on a heading whose section has one of `words` (lower case) in
    its first lines, up to the next heading: a heading names what its section is about, so the
    section shows the sense ("DEVICES AND TOKENS" above "- YubiKey 5 NFC to be returned"). A
    short line below a blank line, with no closing stop, heads the lines under it too."""
    line_start, line = _line_around(text, start, end)
    line_end = line_start + len(line)
    if line_end >= len(text):
        return False
    follows_text = line_start > 0 and not text[:line_start].rstrip(" \t").endswith("\n\n")
    if not in_heading(text, start) and (follows_text or len(line.split()) > 6 or line.rstrip().endswith(_SENTENCE_END)):
        return False
    section, offset = [], line_end + 1
    for line in text[offset:offset + _SECTION_READ].split("\n"):
        if section and line.strip() and in_heading(text, offset):
            break
        section.append(line)
        offset += len(line) + 1
    return not words.isdisjoint(w.lower() for w in re.findall(r"[\w'-]+", " ".join(section)))


def gives_an_order(text: str, start: int, end: int, plain: str) -> bool:
    """Whether the term is a verb giving an order ("Require MFA for all admin roles", "-
    Require ..."), in its base form at the start of a sentence or list item, and the plain
    verb cannot give one ("Need MFA ..."): not_imperative in data/fit_words.yaml."""
    term = text[start:end]
    return (plain.split(" ", 1)[0].lower() in _words()["not_imperative"] and term[:1].isupper()
            and not term.lower().endswith(("s", "ed", "ing"))
            and (_opens_sentence(text, start) or _opens_list_item(text, start)))


def _gerund_as_noun(text: str, start: int) -> bool:
    """Whether a word in -ing is a noun: after a determiner or possessive, perhaps with an
    adjective or participle between ("its planned decommissioning", "the provisioning")."""
    words = re.findall(r"[\w'\u2019]+", text[max(0, start - 40):start].lower())[-2:]
    determiners = _words()["determiners"]
    if not words:
        return False
    return words[-1] in determiners or (
        len(words) == 2 and words[0] in determiners and (_adjective_like(words[1]) or words[1].endswith("ed")))


def verb_fits(text: str, start: int, end: int, tag: str, pos: str, plain: str, has_model: bool) -> bool:
    """Whether a verb's replacement reads right here:
    - without a parse, a verb entry in its base form needs a verb context ("to", a modal, a
      subject pronoun, the start of a sentence; an -ly adverb may come between: "to proactively
      mitigate"): "Results & Impact" is a noun, "we will impact" a verb; before a colon it is
      a label ("Impact:"), with or without a parse;
    - a participle used as an adjective ("Authenticated service") takes only a one-word plain
      (after "have" it is a verb: "have implemented automated checks" -> "have set up ...");
    - an -ing form takes a phrasal plain only after a word that makes it a verb ("by
      provisioning storage", not "resource provisioning issue"), or when the term holds its
      own pronoun object ("an email informing them of");
    - a phrasal verb never goes before a pronoun object ("set up this");
    - a phrasal verb used without an object ("we rolled back.") keeps its particle: a one-word
      plain ("undid") would need one;
    - a noun that looks like a verb stays a noun: a base form or an -ing form opening a
      sentence before its verb ("Impact appears", "Decommissioning should be"), an -ing form
      after an acronym at its clause's end ("NAS decommissioning"), a form in -s opening a
      sentence or after a determiner, adjective or preposition ("Requests raised", "many
      small requests")."""
    words = _words()
    before = word_before(text, start).lower().replace("\u2019", "'")
    after = word_after(text, end).lower()
    bare = not tag and not text[start:end].lower().endswith(("ed", "ing"))   # could be a noun
    opens = _opens_sentence(text, start)
    if not has_model and pos == "VERB" and bare and before not in words["verb_context"] and not opens \
            and not _adverb_in_verb_context(text, start):
        return False
    if bare and text[end:end + 1] == ":":
        return False   # "Impact:" is a label, a noun: not "Affect:"
    if pos == "VERB" and bare and opens and _verb_comes_next(after):
        return False   # "Impact appears to be ...", "Impact will be small": a noun, the subject
    if tag == "VBG" and opens and " " not in plain and plain.lower().endswith("ing") and _verb_comes_next(after):
        return False   # "Decommissioning should be considered": "Retiring" would be the people
    if text[start:end].lower().endswith("ing") and _gerund_as_noun(text, start):
        return False   # "following its planned decommissioning": a noun, not "its planned retiring"
    if (text[start:end].lower().endswith("ing") and _ACRONYM_BEFORE.search(text, max(0, start - 12), start)
            and _CLAUSE_ENDS_AFTER.match(text, end)):
        return False   # "user training and NAS decommissioning": a noun after its modifier
    if (not has_model and pos == "VERB" and tag == "VBZ"
            and (text[end:end + 40].lstrip(" \t")[:1] == "(" or after in words["modals"])):
        return False   # "HTTP GET requests (peak ...)", "New starter requests must ...": a plural noun
    if not has_model and tag == "VBZ" and _no_object_after(after) and _plural_noun_form(text[start:end]):
        return False   # "37 denied push requests across", "rejects requests due to": a plural noun
    if not has_model and tag == "VBZ" and _plural_noun_form(text[start:end]) and (
            opens or _opens_list_item(text, start) or (
                before in words["before_noun"] and before not in words["verb_context"]
                and before not in words["relative_pronouns"])):
        # "Requests raised out of hours ...", "sends many small requests": no verb in -s opens a
        # sentence or follows an adjective, a determiner or a preposition; "the client that
        # requests access" keeps its verb
        return False
    if plain.lower() in words["phrasal_verbs_not_before_to"] and after == "to" and tag in ("VBN", "VBD"):
        return False   # "changes will be implemented to client systems": not "set up to", "carried out to"
    one_word = not any(c.isspace() for c in text[start:end])
    if (tag in ("VBN", "VBD") and one_word and " " in plain and after and after not in words["after_noun"]
            and before not in words["perfect_auxiliaries"]):
        return False   # "Authenticated service" is an adjective; "have implemented the checks" a verb
    term = text[start:end].split()
    takes_pronoun = len(term) >= 2 and term[1].lower() in words["pronoun_objects"]   # "informing them of"
    if tag == "VBG" and " " in plain and before and before not in words["gerund_context"] and not opens \
            and not takes_pronoun:
        return False   # "resource provisioning issue" is a noun: not "resource setting up issue"
    if (len(term) >= 2 and term[-1].lower() in words["particles"] and len(plain.split()) == 1
            and (not after or after in words["intransitive_after"])):
        return False   # "we rolled back." / "rolled back to v1": "undid" needs an object
    if (tag != "VBN" and len(plain.split()) >= 2 and plain.split()[-1].lower() in words["particles_with_object"]
            and (not after or after in words["prepositions"] or after in words["not_nouns_after_name"])):
        return False   # "new starter requests ahead of", "P4 / requests |": "asks for" needs an object
    return not phrasal_before_pronoun(text, end, plain)


_NUMBER_AFTER = re.compile(r"[ \t]+\d{3,}\b")   # a port ("TCP 443"), not a version or level ("TLS 1.2", "RAID 6")


_ACRONYM_WORD = r"(?<![\w-])[A-Z][A-Z0-9]{1,9}"   # a word in capitals and digits: "NAS", "EWS", "M365"
_ACRONYM_BEFORE = re.compile(rf"{_ACRONYM_WORD}[ \t]+\Z")
_CLAUSE_ENDS_AFTER = re.compile(r"[ \t]*(?:[.,;:|)]|\r?\n|\Z)")


def _verb_comes_next(word: str) -> bool:
    """Whether the next word is a modal or a verb in its present form, so the term before it
    is the subject ("Impact appears", "Decommissioning should be")."""
    return word in _words()["modals"] or _finite_verb(word)


def _finite_verb(word: str) -> bool:
    """A verb's present form after a subject ("is", "has", "appears"), not also a plural noun
    ("updates"), so a word before it is its subject, not an order ("Request updates")."""
    from .inflection import common_verb_forms, is_noun

    if word in ("is", "was", "has"):
        return True
    form = common_verb_forms().get(word)
    return word.endswith("s") and form is not None and form[0] != word and not is_noun(word)


def _no_object_after(word: str) -> bool:
    """Whether no object follows: the clause ends, or a preposition or adverb comes next
    ("requests across 2 accounts", "requests due to")."""
    words = _words()
    return (not word or word in words["prepositions"] or word in words["not_nouns_after_name"]
            or word in words["no_object_words"])


def _plural_noun_form(term: str) -> bool:
    """A one-word verb form in -s that is also a plural noun ("requests", "reports")."""
    from .inflection import is_noun

    return " " not in term.strip() and term.lower().endswith("s") and is_noun(term.lower())


_ADVERB_BEFORE = re.compile(r"([\w'\u2019]+)[ \t]+\w{3,}ly[ \t]+\Z")


def _adverb_in_verb_context(text: str, start: int) -> bool:
    """An -ly adverb between a verb context and the verb: "to proactively mitigate", "we
    will quickly restart"."""
    found = _ADVERB_BEFORE.search(text, max(0, start - 60), start)
    return bool(found) and found.group(1).lower().replace("\u2019", "'") in _words()["verb_context"]


_ABBREVIATION_END = re.compile(r"(?:\be\.g|\bi\.e|\betc|\bapprox|\bvs|\bcf)\.\Z", re.IGNORECASE)


def _opens_sentence(text: str, start: int) -> bool:
    """After a full stop (or at the very start): an imperative ("Leverage it for ..."); not
    after an abbreviation's stop ("e.g. complete loss of service")."""
    head = text[:start].rstrip()
    return not head or (head[-1] in ".!?" and not _ABBREVIATION_END.search(head))


_OPEN_BRACKET = re.compile(r"\((?:[^()\n]|\n(?![ \t]*\n))*\Z")   # also over a wrapped line, not a blank one


def bracket_follows(text: str, end: int) -> bool:
    """"MFD (1st floor)": a bracket right after the term (a gloss or a spelled-out form would
    put two pairs side by side)."""
    return text[end:end + 2].lstrip(" ")[:1] == "("


def in_brackets(text: str, start: int) -> bool:
    """Whether a bracket opened before `start` (on its line, or the line before in wrapped
    text) is still open there: a second bracket inside it ("(500 megabits per second
    (Mbps))") reads badly."""
    return _OPEN_BRACKET.search(text, max(0, start - 200), start) is not None


# after a name: a version, a model number or a licence plan ("Traefik v2", "SQL Server 2016",
# "SonicWall TZ400", "Defender for Office 365 P2", "Microsoft 365 E3")
_PLAN = r"[PEFA][1-5]"   # a licence plan after a name: "Entra ID P2", "Microsoft 365 E3"
_VERSION = re.compile(rf"[ \t]+(?:(?:v(?:ersion)?\s?)?\d[\w.]*(?<!\.)|(?-i:{MODEL_NUMBER}|{_PLAN})(?![\w+-]))",
                      re.IGNORECASE)
_UNIT_AFTER = re.compile(r"[ \t]*([A-Za-z%]+)")
_EMPHASIS_END = re.compile(r"(?:\*\*?|__?)(?=[ \t])")   # "**" or "_" closing a name in bold or italics
_LICENCE_PLAN = re.compile(rf"[ \t]+{_PLAN}(?![\w+-])")


def _version_after(text: str, end: int):
    """The version after a name ("Traefik v2", "SQL Server 2016"), or None: a number with a
    unit after it is a quantity ("RTO 3 h 20 min", "RPO 15 minutes")."""
    found = _VERSION.match(text, end)
    if found is None:
        return None
    unit = _UNIT_AFTER.match(text, found.end())
    return None if unit and unit.group(1).lower() in _words()["units"] else found


_ACRONYM_RUN = re.compile(rf"{_ACRONYM_WORD}(?:(?:,[ \t]+|,?[ \t]+(?:and|or)[ \t]+){_ACRONYM_WORD}){{2,}}(?![\w-])")


_LABEL_IN_BRACKETS = re.compile(r"\w[ \t]+\(\Z")
_PHRASE_GOES_ON = re.compile(r"\)[ \t]+[a-z]")   # "(BYOD) devices"


def bracketed_label(text: str, start: int, end: int) -> bool:
    """Whether the term stands alone in brackets inside a phrase, a label for the words
    before it ("Personal (BYOD) devices"): its plain words would repeat them ("Personal (bring
    your own device) devices")."""
    return (_LABEL_IN_BRACKETS.search(text, max(0, start - 40), start) is not None
            and _PHRASE_GOES_ON.match(text, end, end + 4) is not None)


def in_acronym_list(text: str, start: int, end: int) -> bool:
    """Whether the acronym is one of a comma list of three or more acronyms ("Basic
    Authentication for POP, IMAP, EAS and EWS"): the names are listed as names, and a
    description in place of one reads as a description of its neighbour. Two ("32 GB RAM,
    RAID 5 array") are often separate items."""
    low = max(0, start - 60)
    for run in _ACRONYM_RUN.finditer(text[low:end + 60]):
        if run.start() + low <= start and end <= run.end() + low and "," in run.group(0):
            return True
    return False


def bound_acronym(text: str, start: int, end: int, expansion: str) -> bool:
    """Whether an acronym is bound into something its spelled-out form would split: a word it
    is hyphened to ("MDM-enrolled devices", "*VPN-Users*"), a product's name (between a
    capitalised name and a version: "GoldVision CRM v8.4"; after everyday words in capitals:
    "the Always On VPN", "a Meraki Auto VPN mesh"), or a noun after it that its last letter
    already stands for ("BYOD devices" would read "bring your own device (BYOD) devices"), or
    a region's name before it ("UK GDPR" is the law's own name, not "UK General Data
    Protection Regulation (GDPR)")."""
    before = token_before(text, start)
    if before[:1].isupper() and not before.isupper() and before.isalpha() and _version_after(text, end):
        return True
    if before in _words()["region_prefixes"]:
        return True
    if (text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha()) or (
            start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()):
        return True
    last = expansion.lower().split()[-1:] if expansion else []
    after = word_after(text, end).lower()
    if last and after and (after == last[0] or after.rstrip("s") == last[0].rstrip("s")):
        return True
    if not (before.isalpha() and before.istitle() and len(before) >= 2 and is_common(before.lower(), 4.0)):
        return False
    where = text.rfind(before, 0, start)
    line_head = text[text.rfind("\n", 0, where) + 1:where].strip(" \t#>*+-0123456789.|")
    return bool(line_head) and not line_head.endswith(":") and not _opens_sentence(text, where)


_CAMEL_NAME = re.compile(r"[ \t]+[a-z]{1,3}[A-Z][A-Za-z]+\b")   # "vSphere", "iPhone", "macOS"


def name_end(text: str, end: int) -> int:
    """Where a name ends, a version or model number after it included: "Traefik v2", "SQL
    Server 2016", "Java 8u292", "SonicWall TZ400", "VMware vSphere 8" (a gloss goes after it)."""
    camel = _CAMEL_NAME.match(text, end)
    if camel:
        end = camel.end()
    found = _version_after(text, end)
    return found.end() if found else end


_QUOTES = frozenset("\"\u201c\u201d")


def whole_quote(text: str, start: int, end: int) -> bool:
    """Whether the term is all that stands in quotation marks (the Microsoft 365 "Optimize"
    endpoints, the 'Resolved' status): a name or a label mentioned, not a word to reword."""
    pairs = {'"': '"', "\u201c": "\u201d", "'": "'", "\u2018": "\u2019"}
    return start > 0 and pairs.get(text[start - 1]) == text[end:end + 1] != ""


def in_quotation(text: str, start: int, end: int) -> bool:
    """Whether the term stands inside quotation marks on its line: someone else's words (an
    on-screen message, a phishing page's title, "Donation receipt - action required") are
    quoted word for word, so they are not reworded. So are the steps of a menu path, the
    words on screen ("go to Settings > General > VPN & Device Management")."""
    line_start, line = _line_around(text, start, end)
    return _quoted(line, start - line_start, end - line_start) or bool(
        _MENU_STEP_BEFORE.search(line, 0, start - line_start) or _MENU_STEP_AFTER.match(line, end - line_start))


# a menu's steps are words with capitals between ">" marks ("Settings > General > |VPN",
# "|VPN & Device Management > Install"); "latency > 100 ms" is no menu
_MENU_STEP_BEFORE = re.compile(r"[A-Z][\w&'-]*[ \t]+>[ \t]+(?:[A-Z&][\w&'-]*[ \t]+)*\Z")
_MENU_STEP_AFTER = re.compile(r"(?:[ \t]+[A-Z&][\w&'-]*)*[ \t]+>[ \t]+[A-Z]")


def _quoted(line: str, start: int, end: int) -> bool:
    """A term in quotation marks is mentioned, not used ("could be termed a \"forward proxy\"")."""
    return line[end:end + 1] in _QUOTES or line[:start].count('"') % 2 == 1 or (
        line[:start].count("\u201c") > line[:start].count("\u201d"))


# "and"/"or", perhaps after a list of acronyms ("MX, SPF and DKIM records"), then two words
_COORDINATED = re.compile(
    rf"(?:(?:,{_GAP}[A-Z][A-Z0-9]+)+,?)?{_GAP}(?i:and|or|&|/){_GAP}([\w'-]+){_GAP}([^\W\d_][\w'-]*)")


def coordinated_modifier(text: str, end: int) -> bool:
    """"Python and web development": the term and the next word both modify a noun after them,
    so a gloss would split the phrase. Without a parse: "and"/"or", a word that is not a
    function word, then a word that is not one either."""
    found = _COORDINATED.match(text, end, end + 80)
    if not found:
        return False
    first, second = found.group(1).lower(), found.group(2).lower()
    words = _words()
    return first not in words["determiners"] and second not in words["after_noun"]


_COORDINATED_BEFORE = re.compile(rf"([\w'-]+){_GAP}(?:and|or|&){_GAP}$", re.IGNORECASE)


def shares_its_head(text: str, start: int, end: int) -> bool:
    """"shared and resource mailboxes": a modifier before "and" shares the phrase's head noun
    with the term, so a swap of the whole phrase ("shared and booking calendars") drops it.
    The word before "and" must read as a modifier, a participle or an adjective, not a noun
    ("data theft or lateral movement", "test and hot fix" are lists) nor a verb after its
    helper ("was reset and multi-factor authentication"); the term must end its phrase."""
    if " " not in text[start:end].strip() or noun_follows(text, end, start) or text[end:end + 2] == " (":
        return False
    found = _COORDINATED_BEFORE.search(text, max(0, start - 40), start)
    if found is None:
        return False
    word = found.group(1).lower()
    helper = word_before(text, found.start(1)).lower()
    if helper in _words()["helper_verbs"] or (helper and helper not in _words()["after_noun"]
                                              and not helper.endswith("ing")):
        # "was reset and ...", "Feedback gathered and call flows changed": a verb, not a
        # modifier; a modifier follows punctuation, a function word or "excluding"
        return False
    from .inflection import is_adjective

    return word.endswith(("ed", "ing")) or is_adjective(word)


def contrasted(text: str, start: int, end: int) -> bool:
    """"between migrated and non-migrated users", "rapid onboarding and offboarding": the
    term's word comes back close by with "non-" or "un-", or with the opposite prefix; the
    pair is a contrast that a swap of one side breaks ("moved and non-migrated", "onboarding
    and leaver process")."""
    word = text[start:end].split()[-1].lower() if text[start:end].split() else ""
    if len(word) < 4:
        return False
    near = text[max(0, start - 60):end + 60].lower()
    if re.search(rf"\b(?:non|un)-?{re.escape(word)}\b", near) is not None:
        return True
    for first, second in _words()["opposite_prefixes"]:
        for prefix, other in ((first, second), (second, first)):
            if word.startswith(prefix) and len(word) - len(prefix) >= 4 and \
                    re.search(rf"\b{other}-?{re.escape(word[len(prefix):].lstrip('-'))}\b", near):
                return True
    return False


def says_next(text: str, end: int, words: str) -> bool:
    """Whether a word of four letters or more in `words` (a gloss) is one of the next two
    words after `end` ("exfiltration of data": "data theft" would say "data" twice)."""
    after = _clause_words_after(text, end, 2)
    # a part of a hyphenated word does not count ("secure remote-access service ... to access")
    return any(w in after for w in words.lower().split() if len(w) >= 4 and w.isalpha())


def verb_plain_for_noun(text: str, start: int, end: int, tag: str, plain: str) -> bool:
    """Whether a term in its base form is a noun here, joined by "and" to a noun ("server
    decommission and disposal", "Decommission and WEEE disposal"), while its plain wording
    is only ever a verb ("retire"): the swap would put a verb in a list of nouns."""
    from .inflection import is_verb_only

    words = plain.split()
    return (not tag and bool(words) and not text[start:end].lower().endswith(("ed", "ing", "s"))
            and is_verb_only(words[0].lower()) and _coordinated_with_noun(text, end))


def _coordinated_with_noun(text: str, end: int) -> bool:
    """Whether "and" or "&" and then a word that is only ever a noun follow (past a word in
    capitals: "and WEEE disposal"): the term before them is a noun too."""
    found = re.match(r"[ \t]+(?:and|&)[ \t]+(?:[A-Z0-9]{2,}[ \t]+)?([a-z]+)\b", text[end:end + 60])
    if found is None:
        return False
    from .inflection import is_noun_only

    word = found.group(1)
    return len(word) >= 4 and word not in _words()["after_noun"] and is_noun_only(word)


_CLAUSE_END = tuple(".!?:;,")
_SENTENCE_END = (*_CLAUSE_END, ")", "|")   # a line ending so is running text, not a label
_TITLE_WORDS = 20   # a subject line or title above a blank line may run this long


def _heading(text: str, line_start: int, line_end: int, line: str) -> bool:
    """A title, heading or short label: "#" in front, three words or fewer, a line of at most
    ten words without a closing stop that opens the text or stands before a blank line
    ("pkg.jenkins.io certificate expired"), or the text's first line above a blank line, a
    subject line, up to twenty words and with a bracket at its end allowed ("Brownout of the
    mirrored repositories in JFrog Artifactory (repo.jenkins-ci.org)"). A bullet item of more
    than three words is body text, also the last one before a blank line. Words are counted
    with a spelled-out acronym as one (_title_length)."""
    stripped = line.strip()
    words = _title_length(stripped)
    if stripped.startswith("#") or words <= 3:
        return True
    following = text[line_end + 1:].split("\n", 1)[0] if line_end >= 0 else ""
    opens, above_blank = not text[:line_start].strip(), not following.strip()
    if opens and above_blank and line_end >= 0 and words <= _TITLE_WORDS and not stripped.endswith(_CLAUSE_END):
        return True
    if words > 10 or stripped.endswith(_SENTENCE_END) or _BULLET.match(stripped):
        return False
    return opens or above_blank


_BULLET = re.compile(r"[-*+\u2022][ \t]")   # a bullet item is body text, not a title
_BRACKETED_SHORT_FORM = re.compile(r"\(([A-Z0-9][A-Za-z0-9&/-]{1,9})\)")


def _title_length(line: str) -> int:
    """A line's length in words, a spelled-out acronym ("multi-factor authentication (MFA)")
    counting as one: the term is the same term spelled out, so spelling it out (a safe fix)
    does not turn a title into running text and put its other acronyms up for definition."""
    words = line.split()
    if "(" not in line:
        return len(words)
    from .acronyms import SHORT_FORM, long_form_matches

    count = len(words)
    for index, word in enumerate(words):
        short = _BRACKETED_SHORT_FORM.fullmatch(word.rstrip(".,;:!?"))
        if short is None or not SHORT_FORM.match(short.group(1)):
            continue
        for size in range(1, min(index, len(short.group(1)) + 2) + 1):
            if long_form_matches(short.group(1), " ".join(words[index - size:index])):
                count -= size   # the long form and its short form count as the short form alone
                break
    return count


def _opens_heading(text: str, start: int) -> bool:
    """Whether the offset starts a title or heading line (after any "#" marks): a headline
    drops its articles, so a bare noun there needs none."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t#") and in_heading(text, start)


# a bullet or number, or a Markdown table row up to the start of a cell
_LIST_MARK = re.compile(r"\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+\Z|\s*\|(?:[^|\n]*\|)*[ \t]*\Z")


def _opens_list_item(text: str, start: int) -> bool:
    """Whether the offset starts a bullet or numbered list item, or a table cell: items and
    timeline cells are notes that drop their articles as headlines do ("- Memory leak in
    Traefik", "| 08:38 | Pipeline re-triggered |")."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_LIST_MARK.match(text, line_start, start)) if start > line_start else False


def _headline_noun(text: str, end: int, plain: str) -> bool:
    """Whether a term opening a headline is a noun phrase of its own, so a phrase may take its
    place without an article ("Brownout of the mirrors" -> "Planned short outage of the
    mirrors"): what follows on the line is nothing, punctuation, a function word or a verb in
    the past ("Pipeline re-triggered"), never a noun or number it modifies ("Cluster
    upgrade", "ALB 502 Errors"); and a phrase ending in a particle does not go before "of"
    ("Phasing out of uploads")."""
    line_end = text.find("\n", end)
    rest = text[end:line_end if line_end >= 0 else len(text)].lstrip(" \t")
    if not rest or not rest[0].isalnum():
        return True
    following = rest.split()[0].lower()
    words = _words()
    if following == "of" and plain.split()[-1].lower() in words["particles"]:
        return False
    return following in words["after_noun"] or _past_verb(following)


def _past_verb(word: str) -> bool:
    """A common verb's past form ("failed", "broke", "re-triggered"), not a noun that ends
    like one ("speed", "need")."""
    from .inflection import common_verb_forms

    last = word.rstrip(".,;:").rsplit("-", 1)[-1]   # "re-triggered" -> "triggered"
    form = common_verb_forms().get(last)
    return form is not None and form[1] == last


def in_heading(text: str, start: int) -> bool:
    """Whether the offset is on a title, heading or short label line (see _heading). Style
    guides define terms and acronyms at first use in the body: a heading names the subject,
    and the body's explanation covers it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return _heading(text, line_start, line_end, text[line_start:line_end if line_end >= 0 else len(text)])


_QUOTED_NAME_AFTER = re.compile("[ \t]+[\"\u201c\u2018'][A-Z]")   # 'Intune "Pause" function'


def gloss_fits(text: str, start: int, end: int, tag: str, doc=None, common_noun: bool = True,
               head: bool = False) -> bool:
    """Whether a bracketed gloss can follow the term here ("Traefik (web traffic router)"):
    the term must be a noun phrase's last word, so the gloss explains it and nothing else:
    - not glued to a bigger token, not part of an acronym's spelled-out form, not already
      followed or surrounded by brackets; a version after a name goes with it ("SQL Server
      2016 (Microsoft's database program)");
    - not a verb ("the page exploits the trust") and not modifying the next word ("Traefik
      pods": the gloss would split the compound); at the end of a compound it explains the
      compound's head, which reads right ("the ALB access logs (activity history)"), but not
      inside a name ("Azure Container Instances");
    - in running text, not a heading or a label of three words or fewer.
    `head`: the term is known to end its noun phrase (the "file" after a file name), so a
    word in -ing after it starts a clause ("`.pyc` files containing the code")."""
    if glued(text, start, end) or in_definition(text, end) or tag.startswith("VB"):
        return False
    if not common_noun:
        number = _NUMBER_AFTER.match(text, end)
        if text[start:end].isupper() and number and word_after(text, number.end()).lower() not in _words()["units"]:
            # "TCP 443": a port number makes the acronym a port, not the thing glossed; a value
            # with its unit does not ("RTO (recovery time target) 300 minutes")
            return False
        if _LICENCE_PLAN.match(text, end):
            return False   # "Entra ID P2": a licence to buy, not the service the gloss names
        end = name_end(text, end)   # a name's version goes with it: "Traefik v2 (web traffic router)"
        if _CAPITALS_AFTER.match(text, end):
            return False   # "Sophos Intercept X Advanced", "Datto SIRIS": the name goes on
    if bracket_follows(text, end) or in_brackets(text, start):
        return False
    if _version_after(text, end) or text[end:end + 1] in ("-", "/") or _name_goes_on(text, start, end, True):
        # two numbers after a name ("Sev 1 2"), a range ("2016-2019"), a longer name ("SQL
        # Always On")
        return False
    if common_noun and part_of_title(text, start, end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if _heading(text, line_start, line_end, line):
        return False
    if _quoted(line, start - line_start, end - line_start) or coordinated_modifier(text, end):
        return False
    if word_after(text, end).lower() in _words()["compound_adjective_heads"]:
        return False   # "Java based": a compound adjective
    if _QUOTED_NAME_AFTER.match(text, end):
        return False   # 'the Intune "Pause" function': the term and the quoted name go together
    emphasis = _EMPHASIS_END.match(text, end)
    if emphasis and noun_follows(text, emphasis.end(), start):
        return False   # "**Azure Virtual Desktop** host pool": the bold name modifies the noun
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if plural_reads_as_verb(text, start, end, tag) or (
            _noun_follows(text, end, doc, span, start) and not (head and _clause_follows(text, end))):
        return False
    if span is not None:
        root = span.root
        if root.pos_ in ("VERB", "AUX"):
            return False
        # a modifier of a noun to its right ("Azure automated processes"), or a noun with a
        # modifier after it (".NET classic"): the gloss would split the phrase
        if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i >= span.end:
            return False
        following = doc[span.end] if span.end < len(doc) else None
        if (following is not None and following.tag_ == "VBZ" and following.pos_ == "VERB"
                and following.lower_ not in _words()["after_noun"]
                and not _object_follows(text, following.idx + len(following))):
            return False   # "Maven builds to download", "ALB targets unhealthy": the tagger's verb may be a noun
        return following is None or not (following.head.i in range(span.start, span.end)
                                         and following.dep_ in ("amod", "compound", "nummod", "appos", "nmod"))
    # the end of a compound is its head, so the gloss explains the whole ("the security
    # certificate (digital ID)"); a verb is not glossed ("we deploy", "to provision"), a name
    # is never a verb ("moved to Frobnix")
    return not common_noun or word_before(text, start).lower() not in _words()["verb_context"] - {"and", "or", "not"}


# a word in lower case right after a name, not joined to more by a hyphen or slash
_NOUN_AFTER_NAME = re.compile(r"[ \t]+([a-z]{2,})\b(?![-/])")


def modifier_fits(text: str, start: int, end: int, modifier: str, doc=None) -> int | None:
    """Where a name's plain modifier goes when the name modifies a noun and a gloss would
    split the phrase ("the Veeam agent" -> "the Veeam backup agent"): the end of the name and
    its version, or None. The noun must follow in lower case on the same line, and neither it
    nor the next word may repeat the modifier ("the Veeam backup jobs", "Wasabi object
    storage" is not "Wasabi online-storage object storage"). The name must open a noun phrase
    (after a determiner or preposition, or opening a line, list item or table cell), since
    "Confirm MX and autodiscover point to" has a verb after it. A word in -ed or -ing after a
    name is taken for a verb ("the SQL server hosting"), and one in -s too unless a
    determiner comes first ("our Veeam jobs"; not "Veeam backs up"). With a model the tagger
    must also call the word a noun."""
    if glued(text, start, end) or in_definition(text, end) or in_brackets(text, start):
        return None
    end = name_end(text, end)
    if text[end:end + 1] in ("-", "/") or _name_goes_on(text, start, end, True):
        return None
    after = _NOUN_AFTER_NAME.match(text, end)
    if after is None:
        return None
    word = after.group(1)
    words = _words()
    if word in _function_words() or word in words["compound_adjective_heads"] or word in words["particles"] \
            or word in words["verb_context"] or word in words["not_nouns_after_name"] or word.endswith(("ed", "ing")):
        return None
    parts = {_stem(part) for part in modifier.split("-")}
    following = _clause_words_after(text, end, 3, width=40)
    if any(_stem(w.rstrip("s")) in parts or _stem(w) in parts for w in following):
        return None
    before = word_before(text, start).lower()
    determined = before in words["determiners"]
    if not (determined or before in words["prepositions"] or _opens_list_item(text, start)
            or not text[text.rfind("\n", 0, start) + 1:start].strip(" \t#>*")):
        return None
    if word.endswith("s") and not word.endswith("ss") and not determined:
        return None
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if not _noun_follows(text, end, doc, span, start):
        return None
    return end


def _clause_follows(text: str, end: int) -> bool:
    """"files containing the code", "files holding secrets": after a head noun, a word in -ing
    and then an object is a clause; "file handling was" (a function word after it) is a noun."""
    after = word_after(text, end)
    if not after.lower().endswith("ing"):
        return False
    gap = text.find(after, end) + len(after)
    following = word_after(text, gap).lower()
    return _object_follows(text, gap) or (bool(following) and following not in _words()["after_noun"])


def _object_follows(text: str, end: int) -> bool:
    """Whether an object starts after a verb in -s ("detects new servers", "detects this"):
    without one, "builds" or "targets" after a name is more likely a plural noun it modifies."""
    words = _words()
    after = word_after(text, end).lower()
    return (after in words["object_determiners"] or after in words["pronoun_objects"]
            or after in words["object_starts"] or after[:1].isdigit())


def _past_verb_with_object(text: str, end: int, start: int | None = None) -> bool:
    """"the core switch meant new devices", "the NOC sent 40 alerts", "our NOC sent reports": a
    verb in the past that does not end in -ed, then the start of an object, so the term before
    it is its subject."""
    after = word_after(text, end)
    if not _past_verb(after.lower()):
        return False
    gap = text.find(after, end) + len(after)
    return _object_follows(text, gap) or _plural_object(text, start, gap)


def _plural_object(text: str, start: int | None, gap: int) -> bool:
    """After a determiner, the term and a verb in the past: a plural in the next two words is
    the verb's object ("our NOC received alerts", "the SOC flagged suspicious logins"). A
    compound there keeps a singular ("the ASG desired size")."""
    if start is None or word_before(text, start).lower() not in _words()["determiners"]:
        return False
    first = word_after(text, gap)
    if not first or first.lower() in _words()["after_noun"]:
        return False
    if plural(first):
        return True
    second = word_after(text, text.find(first, gap) + len(first))
    return first.isalpha() and plural(second) and second.lower() not in _words()["after_noun"]


def _participle_modifier(text: str, end: int, start: int | None = None) -> bool:
    """"Azure automated processes": a word in -ed right after the term, then a word that is not
    a function word, is an adjective before a noun the term modifies too. ("CloudWatch alerted
    us", "Traefik restarted the pods", "the NOC received 40 alerts", "VSS timed out": a verb.)
    After a determiner and the term, a plural next is the verb's object (_plural_object), unless
    the word is a participle that makes adjectives ("the ISP supplied routers", fit_words.yaml)."""
    after = word_after(text, end)
    if not after.lower().endswith(tuple(_words()["verb_endings"])):
        return False
    gap = text.find(after, end) + len(after)
    following = word_after(text, gap).lower()
    words = _words()
    if after.lower() not in words["compound_participles"] and _plural_object(text, start, gap):
        return False
    return (bool(following) and not following.endswith("ly") and following not in words["after_noun"]
            and following not in words["particles"] and not _object_follows(text, gap))
