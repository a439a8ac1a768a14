"""Whether a plain replacement fits where the term stands, so a fix reads right.

A lexicon's plain alternative is written to replace the term as a whole phrase ("the
certificate has expired" -> "the digital ID has expired"). It reads wrong where the term is
glued into something bigger ("container-runtime", a file name, a Markdown link target, code in
backticks) or, for an unsafe noun swap, where the term is part of a compound ("SSL
certificate", "API key", "staging deployments"). Those fixes are withheld; the finding keeps
its suggestions. The parse decides compounds when a model is loaded; without one, the words
either side decide (lists in data/fit_words.yaml).
"""
from __future__ import annotations

import functools
import re

from .resources import data_yaml

_GLUE_BEFORE = frozenset("-/_.@`#$%\\'\u2019<[=")
_GLUE_AFTER = frozenset("-/_@`\\>]=")
# the neighbouring word, also across a single line break (wrapped text)
_GAP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"
_WORD_BEFORE = re.compile(rf"([^\W\d_][\w'\u2019-]*){_GAP}$")
_WORD_AFTER = re.compile(rf"^{_GAP}([^\W\d_][\w'\u2019-]*)")


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str] | tuple[str, ...]]:
    data = data_yaml("fit_words.yaml")
    return {key: (tuple(value) if key.endswith("_endings") else frozenset(value)) for key, value in data.items()}


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


_TOKEN_BEFORE = re.compile(rf"(\S+){_GAP}$")
_BOUNDARY_END = tuple(",;:.!?(\"'\u201c\u2018|*#>-")


def word_before(text: str, start: int) -> str:
    found = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return found.group(1) if found else ""


def token_before(text: str, start: int) -> str:
    """The run of non-space characters before the term ("" after punctuation that ends a
    phrase, or at the start of a line or text)."""
    found = _TOKEN_BEFORE.search(text, max(0, start - 60), start)
    if not found or found.group(1).endswith(_BOUNDARY_END):
        return ""
    return found.group(1)


_DEFINITION_AFTER = re.compile(r"[^.()\n]{0,60}\([A-Z][A-Za-z0-9/&-]*[A-Z][A-Za-z0-9/&-]*s?\)")


def in_definition(text: str, end: int) -> bool:
    """Part of an acronym's spelled-out form: "continuous integration / continuous deployment
    (CI/CD)": the words stand for the letters and are not rewritten."""
    return _DEFINITION_AFTER.match(text, end) is not None


def word_after(text: str, end: int) -> str:
    found = _WORD_AFTER.search(text[end:end + 40])
    return found.group(1) if found else ""


def _adjective_like(word: str) -> bool:
    lower = word.lower()
    words = _words()
    return lower in words["before_noun"] or (len(lower) > 5 and lower.endswith(words["adjective_endings"]))


def in_compound(text: str, start: int, end: int, doc=None) -> bool:
    """Whether the noun text[start:end] modifies the next word or is modified by a noun before
    it: the parse says so with a model; otherwise the neighbouring words do."""
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            last, first = span[-1], span[0]
            if last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i:
                return True
            if any(c.dep_ in ("compound", "nmod") and c.i < first.i for c in span.root.children):
                return True
            # a noun right next to it, whatever the parse made of it ("application and API key")
            following = doc[span.end] if span.end < len(doc) else None
            preceding = doc[span.start - 1] if span.start > 0 else None
            noun_after = (following is not None and following.pos_ in ("NOUN", "PROPN")
                          and following.dep_ != "npadvmod" and following.lower_ not in _words()["after_noun"])
            return noun_after or (preceding is not None and preceding.pos_ in ("NOUN", "PROPN"))
    words = _words()
    after = word_after(text, end).lower()
    if after and after not in words["after_noun"] and not after.endswith(words["verb_endings"]):
        return True
    before = token_before(text, start)
    if before and not (before.replace("-", "").isalpha() and _adjective_like(before)):
        return True
    return False


def plural_reads_as_verb(text: str, end: int, tag: str) -> bool:
    """"an attempt that exploits the trust": a plural noun form right before a determiner is
    the verb, and a noun replacement would read wrong."""
    return tag == "NNS" and word_after(text, end).lower() in _words()["determiners"]


def phrasal_before_pronoun(text: str, end: int, plain: str) -> bool:
    """"set up" + "this": a phrasal verb cannot be followed by a pronoun object."""
    parts = plain.split()
    words = _words()
    return (len(parts) >= 2 and parts[-1].lower() in words["particles"]
            and word_after(text, end).lower() in words["pronoun_objects"])


def drop_doubled_article(text: str, start: int, plain: str) -> str:
    """"our" + "the staff directory" -> "our staff directory"."""
    head, _, rest = plain.partition(" ")
    if rest and head.lower() in ("a", "an", "the") and word_before(text, start).lower() in _words()["determiners"]:
        return rest
    return plain


def is_verb(tag: str, pos: str) -> bool:
    return pos == "VERB" or tag.startswith("VB")


def verb_fits(text: str, start: int, end: int, tag: str, pos: str, plain: str, has_model: bool) -> bool:
    """Whether a verb's replacement reads right here:
    - without a parse, a verb entry in its base form needs a verb context ("to", a modal, a
      subject pronoun, the start of a sentence): "Results & Impact" is a noun, "we will
      impact" a verb;
    - "be required to" keeps its construction only with its own verb ("be needed to" does not);
    - a participle used as an adjective ("Authenticated service") takes only a one-word plain;
    - a phrasal verb never goes before a pronoun object ("set up this")."""
    words = _words()
    before = word_before(text, start).lower()
    after = word_after(text, end).lower()
    if not has_model and pos == "VERB" and not tag and before not in words["verb_context"] and not _opens_sentence(text, start):
        return False
    if tag in ("VBN", "VBD") and before in words["be_forms"] and after == "to":
        return False
    one_word = not any(c.isspace() for c in text[start:end])
    if tag in ("VBN", "VBD") and one_word and " " in plain and after and after not in words["after_noun"]:
        return False
    return not phrasal_before_pronoun(text, end, plain)


def _opens_sentence(text: str, start: int) -> bool:
    """After a full stop (or at the very start): an imperative ("Leverage it for ...")."""
    head = text[:start].rstrip()
    return not head or head[-1] in ".!?"


def bare_noun_takes_plain(text: str, start: int, tag: str, plain: str) -> bool:
    """A singular noun with no determiner before it ("plugins for rollback", "missing
    staging environment") takes a one-word plain; a noun phrase would need an article."""
    if tag == "NNS" or len(plain.split()) < 2:
        return True
    before = word_before(text, start).lower()
    return bool(before) and before in _words()["determiners"]
