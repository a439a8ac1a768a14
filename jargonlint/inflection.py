"""Inflected surface forms of lexicon terms, so "remediate" also finds "remediated".

A blank spaCy pipeline has no lemmatizer, so instead of lemmatizing the text we expand each
term into its inflections once (lemminflect) and match surface forms. lemminflect's tables take
~0.7 s to load, so the expansion is cached on disk, keyed by a digest of the lexicons.
"""
from __future__ import annotations

import functools
from typing import Iterable

from . import cache
from .lexicon import LexiconEntry, fingerprint

# words that end a noun phrase's head: the plural goes on the word before ("lists of changes")
_HEAD_END = frozenset("of for in on from with between behind inside that which who".split())


def _mass_nouns() -> frozenset[str]:
    from .resources import word_list

    return word_list("mass_nouns.txt")


_FUNCTION_WORDS = frozenset("""a an the to of in on at by for from with as per and or but not no
is are be it its that this than then so up out off down back over into onto via""".split())


def _word_forms(word: str, upos: str) -> dict[str, str]:
    """Inflections of one word as `upos` -> their Penn tags (in-vocabulary first, else
    lemminflect's rules for unknown words; only nouns and verb-like words get those)."""
    import lemminflect

    if not word.isalpha() or word.lower() in _FUNCTION_WORDS:
        return {}
    table = lemminflect.getAllInflections(word, upos=upos)
    if not table and upos in ("NOUN", "VERB") and not _is_known(word, "NOUN" if upos == "VERB" else "VERB"):
        # a word lemminflect does not know at all ("deprovision", "kubernetes"): its rules for
        # unknown words; odd forms such as "kubernetessed" never occur, so they cost nothing
        table = lemminflect.getAllInflectionsOOV(word, upos=upos)
    forms: dict[str, str] = {}
    for tag in ("NNS", "VBD", "VBN", "VBG", "VBZ", "JJR", "JJS"):
        for form in table.get(tag, ()):
            if form != word:
                forms.setdefault(form, tag)
    return forms


def is_noun(word: str) -> bool:
    """Whether lemminflect knows `word`, in any form, as a noun ("actions", not "ahead")."""
    import lemminflect

    return bool(lemminflect.getAllLemmas(word, upos="NOUN"))


def is_adjective(word: str) -> bool:
    """Whether lemminflect knows `word` as an adjective ("shared", "internal")."""
    import lemminflect

    return bool(lemminflect.getAllLemmas(word, upos="ADJ"))


def is_noun_only(word: str) -> bool:
    """Whether lemminflect knows `word` as a noun and as nothing else ("escrow", "policy";
    not "count" or "access", which are verbs too)."""
    import lemminflect

    lemmas = lemminflect.getAllLemmas(word)
    return bool(lemmas) and set(lemmas) == {"NOUN"}


def is_verb_only(word: str) -> bool:
    """Whether lemminflect knows `word` as a verb and as nothing else ("recommend", "start";
    not "review", which is a noun too, nor "full")."""
    import lemminflect

    lemmas = lemminflect.getAllLemmas(word)
    return bool(lemmas) and set(lemmas) <= {"VERB", "AUX"}


def is_gerund(word: str) -> bool:
    """Whether `word` is the -ing form of a verb lemminflect knows ("retiring", "setting")."""
    import lemminflect

    if not word.endswith("ing"):
        return False
    return any(word in lemminflect.getInflection(lemma, "VBG")
               for lemma in lemminflect.getLemma(word, upos="VERB"))


def _is_known(word: str, upos: str) -> bool:
    import lemminflect

    return bool(lemminflect.getAllInflections(word, upos=upos))


def expand_entry(entry: LexiconEntry) -> dict:
    """What the entry matches and how its plain alternative inflects.

    Returns {"forms": {surface form: Penn tag or ""}, "plain": {tag: inflected plain[0]},
    "expansion": {tag: inflected expansion}, "gloss": {"NNS": plural gloss}, "plain_by_object":
    {alternative: {tag: inflected alternative}}} ("VMs" -> "virtual machines"); the last holds
    plain_by_previous's alternatives too.
    The last word is inflected (nouns, verbs, adjectives as lemminflect knows them); in a
    phrase whose first word is a verb ("circle back", "make a decision") the first word is too.
    A `pos` on the entry narrows this: VERB inflects the first word only, NOUN/ADJ the last.
    Acronyms only gain a plural "s" ("VMs").
    """
    forms: dict[str, str] = {}
    for form in entry.forms:
        forms.setdefault(form, "")
        if entry.kind == "acronym" or _name(form, entry.pos):
            # an acronym or a one-word name ("UniFi", "SonicWall") takes a plural only: no
            # verb forms, which may be English words ("UniFi" -> "Unified")
            if not form.endswith(("s", "S")):
                forms.setdefault(form + "s", "NNS")
            continue
        for variant, tag in _phrase_forms(form, entry.pos).items():
            forms.setdefault(variant, tag)
    plain = {}
    tags = sorted(set(forms.values()) - {""})
    if entry.plain:
        # a past form that is also the participle ("demonstrated") is tagged VBD; the
        # participle of the plain ("shown") is kept too, for "was demonstrated"
        for tag in tags + (["VBN"] if "VBD" in tags and "VBN" not in tags else []):
            plain[tag] = inflect_phrase(entry.plain[0], tag)
    expansion = {tag: inflect_phrase(entry.expansion, tag) for tag in tags if entry.expansion}
    gloss = {"NNS": plural_gloss(entry.gloss)} if entry.gloss and "NNS" in tags else {}
    by_object = {alternative: {tag: inflect_phrase(alternative, tag) for tag in plain}
                 for alternative, _ in entry.plain_by_object + entry.plain_by_previous}
    return {"forms": forms, "plain": plain, "expansion": expansion, "gloss": gloss, "plain_by_object": by_object}


def _name(form: str, pos: str) -> bool:
    """A one-word name written with a capital ("UniFi", "Meraki", "Intune") and no part of
    speech on its entry."""
    return not pos and " " not in form and form[:1].isupper()


def _phrase_forms(phrase: str, pos: str) -> dict[str, str]:
    words = phrase.split()
    if not words:
        return {}
    first, last = words[0], words[-1]
    head_pos = {"VERB": (), "NOUN": ("NOUN",), "PROPN": (), "ADJ": ("ADJ",), "ADV": ()}.get(
        pos, ("NOUN", "VERB", "ADJ"))
    forms: dict[str, str] = {}
    for upos in head_pos:
        for form, tag in _word_forms(last, upos).items():
            forms.setdefault(" ".join([*words[:-1], form]), tag)
    if pos == "VERB" or (not pos and len(words) > 1 and _is_known(first, "VERB")):
        for form, tag in _word_forms(first, "VERB").items():
            forms.setdefault(" ".join([form, *words[1:]]), tag)
    return forms


def inflect_phrase(phrase: str, tag: str) -> str:
    """`phrase` put in the form `tag`: plural on the head noun (the last word, or the last
    before "of", "between" ...; not a mass noun such as "software"), verb tenses on the first."""
    import lemminflect

    words = phrase.split()
    if not words or not tag:
        return phrase
    if tag == "NNS":
        # the head noun: the last word before "of", "between" ... ("clashes between changes")
        index = next((i for i, w in enumerate(words) if i and w.lower() in _HEAD_END), len(words)) - 1
        upos = "NOUN"
        if words[index].lower() in _mass_nouns():
            return phrase
    elif tag.startswith("VB"):
        index, upos = 0, "VERB"
    else:
        return phrase
    word = words[index]
    if not word.isalpha() or word.lower() in _FUNCTION_WORDS:
        return phrase
    if upos == "NOUN" and len(word) > 1 and word.isupper():
        words[index] = word + "s"   # an acronym: "digital ID" -> "digital IDs", not "IDS"
        return " ".join(words)
    if not lemminflect.getAllInflections(word, upos=upos) and lemminflect.getAllLemmas(word):
        if upos == "NOUN" and lemminflect.getAllInflections(word, upos="VERB"):
            # a noun lemminflect knows only as a verb ("a restart"): its plural is spelled
            # as the verb's -s form ("restarts")
            words[index] = lemminflect.getInflection(word, tag="VBZ")[0]
            return " ".join(words)
        return phrase  # a known word that is not a noun/verb ("working together"): leave it
    inflected = lemminflect.getInflection(word, tag=tag, inflect_oov=True)
    if inflected:
        words[index] = _same_spelling(inflected, word)
    if upos == "VERB":
        # a second verb joined by "and"/"or" takes the same form: "wipe and reinstall" ->
        # "wiped and reinstalled", "check and fix" -> "checked and fixed"
        joint = next((i for i in (1, 2) if i + 1 < len(words) and words[i].lower() in ("and", "or")), None)
        if joint is not None and lemminflect.getAllInflections(words[joint + 1], upos="VERB"):
            second = lemminflect.getInflection(words[joint + 1], tag=tag)
            if second:
                words[joint + 1] = _same_spelling(second, words[joint + 1])
    return " ".join(words)


def _same_spelling(forms: tuple[str, ...], word: str) -> str:
    """The form spelled like the word: lemminflect may list "re-installs" before "reinstalls"."""
    return next((form for form in forms if form.count("-") == word.count("-")), forms[0])


def singular_after_one(phrase: str) -> str:
    """A spelled-out form in the singular, for a count of one: "1 Gbps" -> "1 gigabit per
    second (Gbps)", not "1 gigabits". The head is the word before "per", "of" ... or the last."""
    import lemminflect

    words = phrase.split()
    index = next((i for i, w in enumerate(words) if i and w.lower() in _HEAD_END | {"per"}), len(words)) - 1
    word = words[index] if words else ""
    if not word.isalpha() or not word.lower().endswith("s") or word.isupper():
        return phrase
    lemma = lemminflect.getLemma(word, upos="NOUN")
    if lemma and lemma[0] != word:
        words[index] = lemma[0]
    return " ".join(words)


def plural_gloss(gloss: str) -> str:
    """A gloss in the plural, for a plural term ("pods" -> "running copies of an app")."""
    return inflect_phrase(gloss, "NNS")


def expand_all(entries: Iterable[LexiconEntry], use_cache: bool = True) -> list[dict]:
    """expand_entry() for each entry, in order, from the on-disk cache when it is there."""
    entries = list(entries)
    # this module's code too: a change to how forms are made must not read forms made the old way
    key = cache.digest(lemminflect_version(), cache.source_digest(__file__), fingerprint(entries))
    return cache.cached("forms", key, lambda: [expand_entry(entry) for entry in entries], use_cache)


@functools.lru_cache(maxsize=1)
def common_verb_forms() -> dict[str, tuple[str, str]]:
    """Common words that are forms of a verb -> (lemma, past tense): "made" -> ("make",
    "made"), "forgotten" -> ("forget", "forgot"). Computed once with lemminflect and kept in
    the on-disk cache: loading lemminflect's tables costs ~0.5 s, in every worker process
    that would ask it at run time."""
    from .english import common_words
    from .resources import data_yaml

    words = sorted(common_words(data_yaml("known_parts.yaml")["verb_table_zipf"]))

    def build() -> dict[str, tuple[str, str]]:
        import lemminflect

        forms = {}
        for word in words:
            lemmas = lemminflect.getAllLemmas(word).get("VERB")
            if lemmas:
                past = lemminflect.getInflection(lemmas[0], tag="VBD")
                forms[word] = (lemmas[0], past[0] if past else word)
        return forms

    return cache.cached("verb-forms", cache.digest(lemminflect_version(), "lemma+past", "\n".join(words)), build)


def lemminflect_version() -> str:
    """Without importing lemminflect: that import is what the cache exists to avoid."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lemminflect")
    except PackageNotFoundError:
        return "0"
