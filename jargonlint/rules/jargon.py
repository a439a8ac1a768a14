"""Word-level rules: lexicon jargon, acronyms, buzzwords, wordy phrases, uncommon words."""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Iterator

from .. import acronyms, fit, identifiers
from ..english import common_words, is_common
from ..known_parts import reads_as_known_words
from ..matching import LexiconMatch
from ..models import Finding, Fix, Safety, Severity
from ..rewrite import replacement_for
from .base import Rule, RuleContext


def _lexicon_fix(ctx: RuleContext, match: LexiconMatch, retry: bool = True) -> Fix | None:
    """The fix for a `replace` entry (its span may take in an article: "an SLA" -> "a ...").
    `retry`: whether a wording that does not fit may be retried with another alternative (once:
    "Priority set to P2" would go from "priority 2", which repeats "Priority", to
    "high-priority", which needs a noun, and back)."""
    entry = match.entry
    if entry.action != "replace" or not match.plain or entry.safety == "display":
        return None
    if fit.status_value(ctx.document.text, match.start, match.end):
        return None   # "Status: IDENTIFIED" names a stage of the incident
    # a capital that belongs to the name ("Microsoft 365 admin centre", "Kubernetes") says
    # nothing about sentence position: the replacement is capitalised only at sentence start
    plain = _fitting_plain(ctx, match)
    said = fit.said_just_before(ctx.document.text, match.start, plain) if plain else None
    if said is not None:   # "the 4G LTE backup line" -> "the 4G backup line"
        return Fix(start=said, end=match.end, replacement="", safety=Safety(entry.safety))
    verb = fit.is_verb(match.tag, entry.pos)
    plural = _plural_noun(match)
    if plain is not None and (
            (not verb and fit.of_after_of(ctx.document.text, match.end, plain))
            or (plural and not fit.plural(plain) and fit.plural_verb_after(ctx.document.text, match.end))):
        # "File-level restore of 50 files": not "restore of single files of"; "sign-in logs
        # show": not "sign-in history show"
        match = _other_plain(ctx, match, plural=plural)
        plain = _fitting_plain(ctx, match) if match is not None else None
    elif plain is not None and fit.repeats_nearby(ctx.document.text, match.start, match.end, plain, verb):
        match = _other_plain(ctx, match)   # "The patch fixed it": "The update fixed it"
        plain = _fitting_plain(ctx, match) if match is not None else None
    elif plain is not None and not verb and fit.repeats_in_clause(ctx.document.text, match.start, match.end, plain):
        other = _other_plain(ctx, match, max_words=3)   # "a manual step in our written procedure"
        other_plain = _fitting_plain(ctx, other) if other is not None else None
        if other_plain is not None:
            match, plain = other, other_plain
        elif fit.repeats_in_clause(ctx.document.text, match.start, match.end, plain, every=True):
            return None   # "Remote access is via the SSL VPN": not "via the remote access"
    if plain is None:
        return None
    if plain == match.plain:
        plain = _participle_if_needed(ctx.document.text, match)   # "was demonstrated" -> "was shown"
        if not plain:
            return None
    gerund = None if verb and match.tag != "VBG" else fit.gerund_before_of(
        ctx.document.text, match.start, match.end, plain)
    if gerund is not None:
        plain = gerund[0]   # "- Migration of AD DS to Entra ID" -> "Moving AD DS", not "Move of"
    words = match.text.split()
    first_word = words[0].lower() if words else ""
    # a spelled-out form in Title Case ("Multi-Factor Authentication (MFA)") has the capitals
    # of its letters, not of its position
    long_form = _whole_long_form(ctx, match)
    fixed_case = entry.case_sensitive or long_form or any(
        form[:1].isupper() and form.split()[0].lower() == first_word for form in entry.forms)
    # a capital right after a word in lower case belongs to the term ("a Sev1 incident"), not
    # to the plain words; after punctuation it may mark a clause ("Denver - Identify ..."). A
    # term in Title Case ("Our Remote Monitoring and Management platform") has the capitals
    # of a name: the plain words take them only where a sentence starts.
    before = fit.token_before(ctx.document.text, match.start)
    named = match.text[:1].isupper() and ((before.isalpha() and before.islower()) or fit.title_cased(match.text))
    start, end, text = replacement_for(ctx.document.text, match.start, match.end, plain, fixed_case or named)
    if gerund is not None:
        end = gerund[1]
    elif _PLURAL_POSSESSIVE.match(ctx.document.text, match.end) and not text.endswith("s"):
        end = match.end + 1   # "individuals' rights" -> "people's rights", not "people' rights"
        text += ctx.document.text[match.end] + "s"
    if fit.title_case_line(ctx.document.text, match.start, match.end):
        # "# IT Budget & Hardware Refresh Plan" -> "Computer Replacement Plan", "# Proposal: SD-WAN and
        # 5G Backup" -> "A Centrally Managed Internet Setup and ..." (an acronym too)
        text = fit.title_case(text)
    elif fit.capitals_line(ctx.document.text, match.start):
        text = text.upper()   # "3. MULTI-FACTOR AUTHENTICATION" -> "3. TWO-STEP SIGN-IN"
    # "POP, IMAP, EAS and EWS": names in a list; "Personal (BYOD) devices": a label for the words before
    as_written = ((entry.kind == "acronym" and fit.in_acronym_list(ctx.document.text, match.start, match.end))
              or fit.bracketed_label(ctx.document.text, match.start, match.end)
              # "grant Global Administrator and Owner access": the role's own name takes a gloss
              or (entry.named_in_title_case and fit.title_cased(match.text)
                  and not fit.title_case_line(ctx.document.text, match.start, match.end)))
    fits = not as_written and (long_form or gerund is not None or fit.adverbial(match.text) or not (
        entry.safety == "unsafe" and entry.kind in ("jargon", "acronym") and entry.lexicon != "vocabulary"
        and not fit.is_verb(match.tag, entry.pos) and not fit.stands_alone(
            ctx.document.text, match.start, match.end, match.tag, plain, ctx.doc if ctx.has_model else None,
            common_noun=not fixed_case)))
    if retry and not fits and fit.plural(plain) and match.tag != "NNS" and fit.singular_context(
            ctx.document.text, match.start, match.end) and not fit.noun_follows(ctx.document.text, match.end):
        singular = _singular_plain(match)   # "The configuration of the servers needs": "The setup"
        if singular is not None:
            return _lexicon_fix(ctx, singular, retry=False)
    if (retry and not fits and fit.adjective_plain(plain)
            and not fit.noun_follows(ctx.document.text, match.end, match.start)
            and not fit.coordinated_modifier(ctx.document.text, match.end)   # "all P1 and P2 incidents"
            and not _LABEL_BEFORE.search(ctx.document.text, 0, match.start)   # "Priority: P1" is a value
            and ctx.document.text[match.end:match.end + 1] not in ("-", "\u2013", "/")   # "P2-P4"
            and not _after_determiner(ctx.document.text, match.start)):   # "The P1 has been logged"
        noun = _noun_plain(match)   # "escalated to P1": not "to top-priority" but "to priority 1"
        if noun is not None:
            return _lexicon_fix(ctx, noun, retry=False)
    return Fix(start=start, end=end, replacement=text, safety=Safety(entry.safety), fits=fits)


def _compound_as_verb(text: str, match: LexiconMatch) -> bool:
    """A noun compound with no part of speech on its entry, met with a verb ending on its last
    word and used as a verb ("rate limited", "rate limiting the guest Wi-Fi"), or with a plain
    wording that took the ending on another word ("Cat6 cabling" -> "networking cable"): the
    term is left as it is. A gerund used as a noun keeps an unchanged plain wording
    ("Vulnerability scanning was done weekly" -> "Security check"); a plural in -s ("sign-in
    logs") is a noun (see _plural_noun)."""
    entry = match.entry
    if entry.pos or not match.tag.startswith("VB") or _plural_noun(match):
        return False
    words = match.text.lower().split()
    forms = [form.lower().split() for form in entry.forms]
    if len(words) < 2 or words in forms or not any(
            len(parts) == len(words) and parts[:-1] == words[:-1] for parts in forms):
        return False   # the term as listed, or inflected on its first word ("touch based")
    gerund_as_noun = (match.tag == "VBG" and bool(entry.plain) and match.plain == entry.plain[0]
                      and fit.word_after(text, match.end).lower() not in fit.object_starts())
    return not gerund_as_noun


def _kept_here(text: str, match: LexiconMatch) -> bool:
    """Whether a word of the entry's keep_if_near stands in the match's sentence: the term is
    meant in a sense its plain wording, gloss and spelled-out form all misread, so `fix` leaves
    it (it is still reported). In a table row the whole row is the context ("| Risk | Likelihood
    | Mitigation |": the risk register's column, not an incident's damage limitation); on a
    heading, the section's first lines are ("DEVICES AND TOKENS" above a YubiKey)."""
    keep = match.entry.keep_if_near
    return bool(keep) and (fit.sentence_has(text, match.start, match.end, keep)
                           or fit.table_row_has(text, match.start, match.end, keep)
                           or fit.section_has(text, match.start, match.end, keep))


def _plural_noun(match: LexiconMatch) -> bool:
    """Whether the term is a plural noun: tagged so, or a lower-case word in -s that the blank
    pipeline's tagger took for a verb ("sign-in logs show"), or a phrase listed in the plural
    ("local admin rights"), which has no tag of its own."""
    words = match.text.split()
    last = words[-1] if words else ""
    return match.tag == "NNS" or (match.tag in ("VBZ", "") and match.entry.pos != "VERB"
                                  and (match.tag == "VBZ" or len(words) > 1)
                                  and last.islower() and fit.plural(last))


def _after_determiner(text: str, start: int) -> bool:
    """"The P1 has been logged", "a P1 was raised", "the single P1": after a determiner (and
    perhaps one word more) a priority level names an incident; "the priority 1" would not."""
    determiners = fit._words()["determiners"]
    before = fit.word_before(text, start).lower()
    if before in ("a", "an") and fit.word_before(text, text.rfind(before, max(0, start - 10), start)).lower() == "as":
        return False   # "logged as a P1" -> "as a priority 1": a label, not the incident itself
    if before in determiners:
        return True
    floor = text.rfind(before, max(0, start - 40), start) if before else -1
    return floor > 0 and fit.word_before(text, floor).lower() in determiners

# a label and its colon right before a value on its line ("Priority: ", "**Severity:** ")
_LABEL_BEFORE = re.compile(r"\b[A-Za-z]+:[ \t*]*\Z")
_LABEL_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\**:[ \t*]*\Z")


def _noun_plain(match: LexiconMatch) -> LexiconMatch | None:
    """The match with the entry's first plain alternative that is a noun phrase of its own
    (not an adjective that needs a noun after it, see fit.adjective_plain), for a term that
    stands alone: "logged as P2" -> "logged as priority 2", where "high-priority" needs an
    "incident" after it; or None."""
    for alternative in match.entry.plain[1:]:
        if not fit.adjective_plain(alternative) and len(alternative.split()) <= 3:
            return dataclasses.replace(match, plain=alternative, participle="")
    return None


def _singular_plain(match: LexiconMatch) -> LexiconMatch | None:
    """The match with the entry's first singular plain alternative of one or two words, for a
    singular term whose first alternative is plural ("configuration": "settings", then
    "setup"), or None."""
    for alternative in match.entry.plain[1:]:
        if not fit.plural(alternative) and alternative != match.plain and len(alternative.split()) <= 2:
            return dataclasses.replace(match, plain=alternative, participle="")
    return None


def _other_plain(ctx: RuleContext, match: LexiconMatch, max_words: int = 0,
                 plural: bool = False) -> LexiconMatch | None:
    """The match with the entry's next plain alternative that repeats no word close by,
    inflected like the term (rare, so inflected here rather than when compiling), or None.
    Not before a noun: a modifier's other alternatives rarely fit ("QA test suite" is not a
    "checking test suite"). `max_words`: only an alternative this short, that repeats no word
    of its clause either (see fit.repeats_in_clause). `plural`: only one whose head noun is
    plural, and none that ends in an "of" phrase before the text's "of"."""
    from ..inflection import inflect_phrase

    text = ctx.document.text
    if fit.noun_follows(text, match.end) and not plural:   # `plural`: a verb follows, not a noun
        return None
    for alternative in match.entry.plain:
        inflected = inflect_phrase(alternative, match.tag) if match.tag else alternative
        if inflected == match.plain or fit.repeats_nearby(text, match.start, match.end, inflected,
                                                          fit.is_verb(match.tag, match.entry.pos)):
            continue
        if max_words and (len(inflected.split()) > max_words
                          or fit.repeats_in_clause(text, match.start, match.end, inflected)):
            continue
        if (plural and not fit.plural(inflected)) or fit.of_after_of(text, match.end, inflected):
            continue
        participle = inflect_phrase(alternative, "VBN") if match.tag in ("VBD", "VBN") else ""
        return dataclasses.replace(match, plain=inflected, participle=participle)
    return None


def _fitting_plain(ctx: RuleContext, match: LexiconMatch) -> str | None:
    """The plain alternative as it fits this spot, or None where a swap would read wrong
    (see fit.py): never inside a bigger token, code, a link or an acronym's spelled-out
    form; for an unsafe noun swap, never inside a name or with an article into a compound;
    a verb only where it reads as a verb."""
    text = ctx.document.text
    if fit.glued(text, match.start, match.end):
        return None
    if fit.in_definition(text, match.end) and not _whole_long_form(ctx, match):
        return None
    if _apostrophe_plural(text, match.end):
        return None
    if fit.verb_plain_for_noun(text, match.start, match.end, match.tag, match.plain):
        return None   # "server decommission and disposal": not "server retire and disposal"
    if fit.shares_its_head(text, match.start, match.end) or fit.contrasted(text, match.start, match.end):
        return None   # "shared and resource mailboxes", "migrated and non-migrated users"
    if fit.whole_quote(text, match.start, match.end) or fit.in_quotation(text, match.start, match.end):
        return None   # the Microsoft 365 "Optimize" endpoints: a label, not "Improve"; a quoted message
    if (text[match.start - 1:match.start] == "(" and text[match.end:match.end + 1] == ")") or \
            acronyms.defined_in_place(text, match.start, match.end, match.entry.expansion):
        return None   # "out of memory (OOM)", "(CI/CD)": the letters are being spelled out here
    entry = match.entry
    if entry.lexicon == "vocabulary":
        return match.plain   # the project's own vocabulary asked for this rewrite wherever it is
    if fit.gives_an_order(text, match.start, match.end, match.plain):
        return None   # "Require MFA for all admins" is an order: not "Need MFA ..."
    if _kept_here(text, match):
        return None   # "needs an API in one of the plugins": not "a data connection"
    label = _LABEL_WORD_BEFORE.search(text, max(0, match.start - 40), match.start)
    if label and label.group(1).lower() == match.plain.split(" ", 1)[0].lower():
        return None   # "Priority: P3 - Normal": not "Priority: priority 3"
    if _compound_as_verb(text, match):
        return None   # "Cat6 cabling", "rate limiting the guest SSID": not "networking cable", "usage cap the"
    if fit.is_verb(match.tag, entry.pos):
        if fit.part_of_title(text, match.start, match.end):
            return None   # "Exchange Hybrid Decommissioning - Plan": a title's word, not "Retiring"
        fits = fit.verb_fits(text, match.start, match.end, match.tag, entry.pos, match.plain, ctx.has_model)
        if (fits and match.tag == "VBG" and fit.plural(match.plain)
                and fit.singular_context(text, match.start, match.end)):
            return None   # a gerund as a singular subject: "Alerting ... now triggers", not "Automatic warnings"
        return match.plain if fits else None
    if entry.safety == "unsafe" and entry.kind in ("jargon", "acronym"):
        if fit.in_compound(text, match.start, match.end, match.plain, ctx.doc if ctx.has_model else None,
                           ctx.covered):
            return None
        if fit.plural_reads_as_verb(text, match.start, match.end, match.tag):
            return None
    if fit.phrasal_before_pronoun(text, match.end, match.plain):
        return None   # "expedite it": not "speed up it" (an entry without a part of speech)
    if fit.possessive_after_determiner(text, match.start, match.plain):
        return None   # "the IIS": not "the Microsoft's web server software"
    if fit.doubles_a_word(text, match.start, match.end, match.plain):
        return None   # "touch base in writing": not "check in in writing"
    if match.plain.lower() in fit._words()["present_time_plains"]:
        if fit.past_narrative(text, match.start, match.end) or fit.state_follows(text, match.end):
            return None   # "was discussed but not actioned at this point in time", "(currently unmanaged)": not "now"
        if fit.perfect_clause(text, match.start, match.end):
            # "No ETR has been provided at this time": "so far"
            return next(iter(fit._words()["present_time_in_perfect"]))
    return fit.drop_doubled_article(text, match.start, match.plain)


_APOSTROPHE_S = re.compile(r"['\u2019]s(?=\W)")
_PLURAL_POSSESSIVE = re.compile(r"(?<=s)['\u2019](?![\w'\u2019])")


def _apostrophe_plural(text: str, end: int) -> bool:
    """"details remediation's in cabotage": an apostrophe used for a plural (no noun owned
    after it); a swap would keep the slip ("fix's"), so the writer fixes both."""
    return bool(_APOSTROPHE_S.match(text, end)) and not fit.noun_follows(text, end + 2)


def _gloss_fix(ctx: RuleContext, match: LexiconMatch) -> Fix | None:
    """Where the term cannot be swapped (a product name, a term with no drop-in wording), the
    first use that reads right gets the entry's gloss in brackets: "Traefik (web traffic
    router)". The term then counts as explained for the rest of the text (see
    explained_terms), like a defined acronym. Unsafe: it adds words the writer did not choose."""
    entry = match.entry
    if (entry.safety == "display" and entry.action == "replace") or _APOSTROPHE_S.match(ctx.document.text, match.end):
        return None   # a gloss cannot go between a word and its "'s"
    common_noun = not entry.case_sensitive and not any(form[:1].isupper() for form in entry.forms)
    if _spelled_out_before(ctx, match):
        return None   # "New Commerce Experience (NCE) ... Under NCE": a gloss would say it again
    if _kept_here(ctx.document.text, match):
        return None   # the gloss would misread as the plain wording does
    if fit.shares_its_head(ctx.document.text, match.start, match.end):
        return None   # "shared and resource mailboxes": the gloss would explain half the phrase
    if not fit.gloss_fits(ctx.document.text, match.start, match.end, match.tag,
                          ctx.doc if ctx.has_model else None, common_noun=common_noun):
        return None if common_noun else _modifier_fix(ctx, match)
    if fit.says_next(ctx.document.text, match.end, match.gloss):
        return None   # "no exfiltration of data": not "exfiltration (data theft) of data"
    end = match.end if common_noun else fit.name_end(ctx.document.text, match.end)
    return Fix(start=match.start, end=end, replacement=f"{ctx.document.text[match.start:end]} ({match.gloss})",
               safety=Safety.UNSAFE, fits=True, kind="gloss")


def _modifier_fix(ctx: RuleContext, match: LexiconMatch) -> Fix | None:
    """A name that modifies a noun takes the entry's plain modifier instead of a gloss, which
    would split the phrase: "the Veeam agent" -> "the Veeam backup agent" (see
    fit.modifier_fits). Unsafe, like a gloss."""
    modifier = match.entry.modifier
    if not modifier:
        return None
    text = ctx.document.text
    end = fit.modifier_fits(text, match.start, match.end, modifier, ctx.doc if ctx.has_model else None)
    if end is None:
        return None
    if ctx.lexicon is not None and ctx.lexicon.knows(f"{modifier.rsplit('-', 1)[-1]} {fit.word_after(text, end)}"):
        return None   # "the Datto appliance": "backup appliance" is jargon of its own
    name_last = text[match.start:end].split()[-1]
    if ctx.lexicon is not None and ctx.lexicon.skipped_after(fit.word_after(text, end), name_last):
        return None   # "your Sophos endpoint renewal": the name and the noun are one product
    noun = len(text) - len(text[end:].lstrip(" \t"))
    if noun < len(ctx.covered) and ctx.covered[noun]:
        noun_end = noun
        while noun_end < len(ctx.covered) and ctx.covered[noun_end]:
            noun_end += 1   # the whole term: "the Intune app protection policy (...)"
        if not fit.noun_follows_here(text, noun, noun_end, ctx.doc if ctx.has_model else None):
            # "the Kubernetes cluster (group of servers)": the noun ends the phrase and takes
            # its own gloss there; one explanation is enough ("the Meraki firmware upgrade" has none)
            return None
    return Fix(start=match.start, end=end, replacement=f"{text[match.start:end]} {modifier}",
               safety=Safety.UNSAFE, fits=True, kind="gloss")


def _named_in_brackets(text: str, match: LexiconMatch) -> bool:
    """"(NIST 800-88, with certificates)": an acronym that names a standard or product with its
    number, inside brackets, where there is no room for its spelled-out form."""
    return fit.in_brackets(text, match.start) and fit.name_end(text, match.end) > match.end


def _spelled_out_before(ctx: RuleContext, match: LexiconMatch) -> bool:
    """Whether the text spelled out this term in capitals before ("New Commerce Experience
    (NCE)"). The term is still reported (a reader may not connect the two), but not glossed."""
    where = _defined_at(ctx, match)
    return where is not None and where <= match.start


def _defined_at(ctx: RuleContext, match: LexiconMatch) -> int | None:
    """Where the text spells out the acronym the match is written as ("long form (SF)" or "SF
    (long form)"), or None."""
    if not acronyms.looks_like_acronym(match.text):
        return None
    return _definitions(ctx.document.prose).get(acronyms.core(match.text))


@functools.lru_cache(maxsize=4)
def _definitions(prose: str) -> dict[str, int]:
    """acronyms.definitions, once per document (a string's hash is cached by Python)."""
    return acronyms.definitions(prose)


_BRACKETED = re.compile(r"\(([^()\n]{1,80})\)")
_CLOSE_GLOSS = 120   # characters: glosses this close on one line are read together


def _repeats_a_gloss(text: str, start: int, gloss: str, given: list[tuple[int, str]]) -> bool:
    """Whether a gloss close before on the same line ends in the same two words: "Traefik v1
    (web traffic router) as main ingress controller (incoming traffic router)" says it twice;
    the first explains the second. "(cloud setup tool) ... (server control tool)" are two
    tools. So do the words just before the term ("your firewall, a SonicWall TZ400 (firewall
    device)"). `given`: (offset, gloss) chosen earlier in this pass."""
    head = gloss.lower().split()[-2:]
    line_start = max(text.rfind("\n", 0, start) + 1, start - _CLOSE_GLOSS)
    if _kind_said_before(text, start, gloss):
        return True
    earlier = [g for offset, g in given if line_start <= offset < start]
    earlier += [m.group(1) for m in _BRACKETED.finditer(text, line_start, start)]
    return len(head) == 2 and any(g.lower().split()[-2:] == head for g in earlier)


def _gloss_kind(gloss: str) -> str:
    """What a gloss says a thing is: its last word that is not a generic one ("backup" in
    "backup software", "firewall" in "firewall device"), or "" when that is too short to tell."""
    generic = fit._words()["generic_gloss_words"]
    kind = next((word for word in reversed(gloss.lower().split()) if word not in generic), "")
    return kind if len(kind) >= 4 else ""


def _kind_said_before(text: str, start: int, gloss: str) -> bool:
    """"your perimeter firewall, a SonicWall TZ400": the last words before the name on its
    line say what its gloss would ("firewall device")."""
    kind = _gloss_kind(gloss)
    line_start = max(text.rfind("\n", 0, start) + 1, start - 50)
    return bool(kind) and kind in re.findall(r"[\w'-]+", text[line_start:start].lower())[-3:]


# the word in lower case right after a name ("Veeam backups")
_WORD_AFTER_NAME = re.compile(r"[ \t]+([a-z][a-z-]*)")


def _named_with_its_kind(text: str, match: LexiconMatch) -> bool:
    """Whether a name comes with a word that says what it is, so it needs no gloss: its gloss's
    kind right after it ("the Veeam backups", "the FortiGate firewall") or before it, set off
    by a comma ("your firewall, a SonicWall TZ400"; not "the alert went to Opsgenie"). Not an
    acronym: its spelled-out form before it ("Virtual Private Server (VPS)") is the jargon, not
    an explanation."""
    entry = match.entry
    if (not match.gloss or entry.kind == "acronym"
            or not (entry.case_sensitive or any(form[:1].isupper() for form in entry.forms))):
        return False
    kind = _gloss_kind(match.gloss)
    before = text[max(0, match.start - 60):match.start].lower()
    if kind and re.search(rf"\b{re.escape(kind)}s?\s*,\s*(?:(?:a|an|the|our|your)\s+)?$", before):
        return True   # in apposition: "your firewall, a SonicWall TZ400"
    after = _WORD_AFTER_NAME.match(text, fit.name_end(text, match.end))
    if after is None:
        return False
    word = after.group(1)
    return bool(kind and word.rstrip("s") == kind.rstrip("s")) or (
        bool(entry.modifier) and word == entry.modifier)   # "the Veeam backup agent": what fix writes


def _as_fixed(match: LexiconMatch, fix: Fix | None) -> LexiconMatch:
    """The match with the plain alternative its fix wrote, when the fix took another than the
    first ("logged as P2" -> "priority 2", not "high-priority"), so message and fix agree."""
    if fix is None or fix.kind != "replace" or not fix.fits or not match.plain:
        return match
    written = fix.replacement.lower()
    if match.plain.lower() in written:
        return match
    other = next((alternative for alternative in match.entry.plain if alternative.lower() in written), None)
    return dataclasses.replace(match, plain=other) if other else match


def _suggestions(match: LexiconMatch) -> list[str]:
    first = [match.plain] if match.plain else []
    return first + [p for p in match.entry.plain[1:] if p not in first]


class LexiconRule(Rule):
    """Shared by the rules that report lexicon matches of one kind."""

    kinds: tuple[str, ...] = ()

    def wanted(self, match: LexiconMatch) -> bool:
        return match.entry.kind in self.kinds

    def message(self, match: LexiconMatch) -> str:
        raise NotImplementedError

    def reported(self, ctx: RuleContext) -> list[LexiconMatch]:
        """The matches this rule reports."""
        return [m for m in ctx.matches if self.wanted(m)]

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for match in self.reported(ctx):
            yield self.finding(ctx, match.start, match.end, self.message(match),
                               explanation=match.entry.explain, suggestions=_suggestions(match),
                               fix=_lexicon_fix(ctx, match))


# Right after a term, wording that explains it: "the RPO, which is how much ...",
# "failover (switching to the spare line)", "latency - the delay before ...", "a VLAN, or
# separate network, ...". The term then counts as explained, like a defined acronym.
_EXPLAINED_AFTER = re.compile(
    r"(?:\s*,\s*(?:which|that)\s+(?:(?:is|are)\s+(?:a|an|the|how|what|where|when|who|one|just|simply|basically)"
    r"|means?)\b"
    r"|\s*,?\s+(?:which\s+means|meaning|i\.e\.|that\s+is,|or\s+in\s+plain\s+terms)\b"
    r"|\s*,\s*or\s+\w+(?:\s+\w+){0,3}\s*,"
    r"|\s+\((?![A-Z0-9&/-]{2,10}s?\))(?!\s*(?:e\.g\.|eg\b|see\b|like\b))(?=[^()]*[A-Za-z]{3}[^()]*\))[^()]{3,120}\)"
    r"|\s+[\u2013\u2014-]{1,2}\s+(?:the|a|an|how|what|when|where|which|that)\b"
    r"|\s+(?:is\s+short\s+for|refers\s+to|stands\s+for)\b)",
    re.IGNORECASE)


def followed_by_gloss(text: str, match: LexiconMatch) -> bool:
    """Whether the entry's own gloss follows the term (after a version: "Traefik v2 (web
    traffic router)"): what `fix` wrote, so the term is explained from here on."""
    after = fit.name_end(text, match.end)
    return bool(match.gloss) and text[after:after + len(match.gloss) + 3].lower() == f" ({match.gloss.lower()})"


def explained_terms(ctx: RuleContext, matches) -> dict[str, int]:
    """Term -> offset of the match where the text explains it; later uses count as explained."""
    explained: dict[str, int] = {}
    text = ctx.document.prose
    for match in matches:
        if match.entry.term in explained:
            continue
        if (followed_by_gloss(text, match) or _EXPLAINED_AFTER.match(text, match.end)
                or _spelled_out_otherwise(ctx, match) or _named_with_its_kind(text, match)):
            explained[match.entry.term] = match.start
    return explained


def _spelled_out_otherwise(ctx: RuleContext, match: LexiconMatch) -> bool:
    """"Unified Threat Protection (UTP)": the text spells the acronym out where it uses it,
    with another meaning than the entry's (here not "unshielded twisted pair"), so the entry
    does not apply. Spelled out with the entry's own meaning ("Virtual Private Server (VPS)")
    it is still reported: that long form is the jargon."""
    if match.entry.kind != "acronym":
        return False
    where = _defined_at(ctx, match)
    if where is None or not match.start <= where <= match.end + 2 or not match.entry.expansion:
        return False
    text = ctx.document.prose
    window = re.findall(r"[a-z]+", text[max(0, match.start - 80):match.end + 80].lower())
    # the entry's meaning: a word of four letters or more from its long form near the acronym
    return not any(word in window for word in re.findall(r"[a-z]{4,}", match.entry.expansion.lower()))


# after a file name and its closing backtick or quote, the word saying what it is ("the
# `.pyc` file"), also across a line break; the gloss goes after that word
_FILE_WORD = re.compile(r"[`'\"\u2019\u201d]?(?:[ \t]+|[ \t]*\r?\n[ \t]*)(files?|folders?)\b", re.IGNORECASE)
# between two names, only a link: "`setup.py` or `pyproject.toml` files", "`a.py`, `b.py`"
_NAME_LINK = re.compile(r"[\s`'\"*]*(?:,|/|&|,?\s*\b(?:and|or)\b)[\s`'\"*]*", re.IGNORECASE)


def _file_word(text: str, ident) -> tuple[tuple[int, int] | None, int, bool]:
    """Where a file name's gloss goes: after "file(s)"/"folder(s)" when one follows (the
    span of that word is returned too), else after the name and its closing backtick; and
    whether it takes the plural ("files", or a glob: "`*.pyc`")."""
    found = _FILE_WORD.match(text, ident.end)
    if found:
        return found.span(1), found.end(), found.group(1).lower().endswith("s")
    end = ident.end + (text[ident.end:ident.end + 1] == "`")
    return None, end, text[ident.start - 1:ident.start] == "*"


def _file_gloss_fits(ctx: RuleContext, found: list, index: int, word: tuple[int, int] | None, where: int) -> bool:
    """Whether a file name's gloss reads right where _file_word puts it: not where the name is
    one of two or more linked names ("in their `setup.py` or `pyproject.toml` files": the
    gloss would explain one of them), and where fit.gloss_fits allows a gloss after that word
    or name (by shape: a parse splits file names)."""
    text = ctx.document.prose
    ident = found[index]
    before = found[index - 1].end if index > 0 else -1
    after = found[index + 1].start if index + 1 < len(found) else -1
    if (before >= 0 and _NAME_LINK.fullmatch(text, before, ident.start)) or (
            after >= 0 and _NAME_LINK.fullmatch(text, ident.end, after)):
        return False
    if word is not None:
        return fit.gloss_fits(ctx.document.text, word[0], word[1], "", None, head=True)
    start = ident.start - (text[max(0, ident.start - 1):ident.start] == "*")   # a glob: "*.pyc"
    opened = text[max(0, start - 1):start] == "`"
    if opened != (where > ident.end):
        return False   # inside longer code: "`rm -rf *.pyc`"
    return fit.gloss_fits(ctx.document.text, start - opened, where, "", None, common_noun=False)


class JargonTerm(LexiconRule):
    """Technical term the reader is unlikely to know.

    ## Why it matters
    A business reader who meets "latency", "DNS propagation" or "the load balancer" either
    guesses or stops reading. Either way the message fails: they cannot judge the impact or
    decide what to do. Say what happened in the reader's terms.

    ## Example
    Bad: "We remediated the BGP flap on the edge router."
    Good: "We fixed a fault in the equipment that connects your office to the internet."

    ## Fix
    The finding offers the lexicon's plain alternatives, best first, and explains the term.
    A term the text explains where it uses it ("the RPO, which is how much recent work could
    be lost", "failover (switching to the spare line)") counts as explained from there on,
    and in a title or heading too: as style guides have it, a term is explained at its first
    use in the body.
    Technical names that no lexicon can list are found by their shape and reported too, for
    business and staff readers: file names (`appsettings.json`), names from code
    (`bdist_egg`, `userAccessControl`), system labels (`eu-central-1`, `arm64`) and HTTP error
    codes ("HTTP 503", "returning 404", "502 Bad Gateway"). Not reported: a number and what
    it counts ("3-year", "30-minute"), a name written like code that the text shows to be a
    firm's ("NorthPoint IT Services", data/identifiers.yaml company_words), and a term inside
    a host name or reference ("AP-WH-07"). Option `identifiers` turns that part on or off
    (default: per audience).
    `replace` entries carry a fix (unsafe unless the swap is exact). Where no swap fits (a
    product name, a term inside a compound), the first use that reads right gets the entry's
    gloss in brackets, an unsafe fix: "a memory leak in Traefik (web traffic router)"; the term
    then counts as explained. A name that modifies a noun takes its plain modifier instead ("the
    Veeam agent" -> "the Veeam backup agent"), and one with that word or its gloss's kind next
    to it ("the Veeam backups", "your firewall, a SonicWall TZ400") is explained already. A
    status code gets its meaning the same way ("returning 404
    (page not found)"), and so does a file name or file type with a meaning in
    data/identifiers.yaml: after "file"/"files"/"folder" where one follows ("in a `.pyc` file
    (ready-to-run program file)", "`.pyc` files (ready-to-run program files) containing"),
    else after the name ("appsettings.json (app settings file)"); none inside "`setup.py` or
    `pyproject.toml` files". Later uses of the same code, name or type count as explained.
    Acronyms that mean nothing to a business reader even when spelled out are reported here too.
    Configure: `audience` (technical readers may use technical terms), `vocabulary.accept`.
    """

    code = "JL101"
    name = "jargon-term"
    severity = Severity.WARNING

    def wanted(self, match: LexiconMatch) -> bool:
        entry = match.entry
        return entry.kind == "jargon" or (entry.kind == "acronym" and entry.action == "replace")

    options = {"identifiers": None}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        glossed: set[str] = set()
        given: list[tuple[int, str]] = []
        for match in self.reported(ctx):
            fix = _lexicon_fix(ctx, match)
            if (fix is None or not fix.fits) and match.gloss and match.entry.term not in glossed:
                gloss = _gloss_fix(ctx, match)
                if gloss is not None and not _repeats_a_gloss(ctx.document.text, match.start, match.gloss, given):
                    glossed.add(match.entry.term)
                    given.append((match.start, match.gloss))
                    fix = gloss
            yield self.finding(ctx, match.start, match.end, self.message(_as_fixed(match, fix)),
                               explanation=match.entry.explain, suggestions=_suggestions(match), fix=fix)
        if not identifiers_reported(ctx):
            return
        text, covered = ctx.document.prose, ctx.covered
        explained_codes: set[str] = set()
        glossed_codes: set[str] = set()
        found = ctx.identifiers()
        # a status code in a heading counts as explained when the body explains it anywhere
        explained_in_body = {identifiers.status_code(text[i.start:i.end]) for i in found
                             if i.kind == "status" and _EXPLAINED_AFTER.match(text, i.end)}
        for index, ident in enumerate(found):
            name = text[ident.start:ident.end]
            if any(covered[ident.checked_from:ident.end]) or name.lower() in ctx.accept:
                continue
            fix = None
            kind = identifiers.file_type(name) if ident.kind in ("file", "code") else ""
            if kind:
                if kind in explained_codes:
                    continue   # "`.pyc` files" after "a `.pyc` file (ready-to-run program file)"
                word, where, plural = _file_word(text, ident)
                if _EXPLAINED_AFTER.match(text, ident.end) or _EXPLAINED_AFTER.match(text, where):
                    explained_codes.add(kind)
                    continue
                if kind not in glossed_codes and _file_gloss_fits(ctx, found, index, word, where):
                    glossed_codes.add(kind)
                    fix = Fix(start=ident.start, end=where, safety=Safety.UNSAFE, fits=True, kind="gloss",
                              replacement=f"{ctx.document.text[ident.start:where]} "
                                          f"({identifiers.file_meaning(name, plural)})")
            elif ident.kind == "status":
                code = identifiers.status_code(name)
                meaning = identifiers.status_meaning(name)
                if code in explained_codes or (code in explained_in_body
                                               and fit.in_heading(ctx.document.text, ident.start)):
                    continue
                if meaning and _EXPLAINED_AFTER.match(text, ident.end):
                    explained_codes.add(code)   # "returning 404 (page not found)"
                    continue
                # the parse of "returning 404" is a verb's: the shape alone decides here
                if meaning and code not in glossed_codes and fit.gloss_fits(
                        ctx.document.text, ident.start, ident.end, "", None, common_noun=False):
                    glossed_codes.add(code)
                    fix = Fix(start=ident.start, end=ident.end, replacement=f"{name} ({meaning})",
                              safety=Safety.UNSAFE, fits=True, kind="gloss")
            yield self.finding(
                ctx, ident.start, ident.end,
                f"'{name}' is a technical name: say what it is in the reader's terms",
                explanation=identifiers.KINDS[ident.kind],
                suggestions=["say what it is and what it means for the reader"], fix=fix)

    def reported(self, ctx: RuleContext) -> list[LexiconMatch]:
        """Lexicon jargon, except where the text has explained the term (here or earlier), and
        in a heading when the body explains it (fit.in_heading)."""
        wanted = super().reported(ctx)
        explained = explained_terms(ctx, wanted)
        text = ctx.document.text
        return [m for m in wanted if m.entry.term not in explained
                or (explained[m.entry.term] > m.start and not fit.in_heading(text, m.start))]

    def message(self, match: LexiconMatch) -> str:
        entry = match.entry
        if match.plain and entry.action == "replace":
            return f"'{match.text}' is jargon: say '{match.plain}'"
        if entry.plain:
            return f"'{match.text}' is jargon: say what it means, e.g. '{entry.plain[0]}'"
        return f"'{match.text}' is jargon: say what it means for the reader"


def _plain_long_forms(ctx: RuleContext, expansion: str) -> tuple[str, ...]:
    """The plain wordings of an acronym's spelled-out form when that form is itself jargon
    ("two-factor authentication": "two-step sign-in"). `fix --unsafe-fixes` defines "2FA" as
    "two-factor authentication (2FA)" and then JL101 rewrites the expansion: "two-step sign-in
    (2FA)" still defines the acronym."""
    if not expansion or ctx.lexicon is None:
        return ()
    entry = _jargon_terms(ctx.lexicon).get(expansion.lower())
    if entry is None:
        return ()
    return tuple(w for w in (entry.gloss, *entry.plain) if w)


@functools.lru_cache(maxsize=4)
def _jargon_terms(lexicon) -> dict:
    """Lower-case form -> jargon entry, for the lexicon's JL101 terms."""
    return {form.lower(): entry for entry in lexicon.entries if entry.kind == "jargon" for form in entry.forms}


@functools.lru_cache(maxsize=4)
def _acronym_expansions(lexicon) -> dict[str, str]:
    """Acronym -> its spelled-out form, lower case, for the acronyms JL102 has defined (one
    the reader should not see at all, such as "VPS", is JL101's to replace)."""
    return {form: entry.expansion.lower() for entry in lexicon.entries
            if entry.kind == "acronym" and entry.expansion and entry.action != "replace" for form in entry.forms}


_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z0-9][A-Za-z0-9&/-]{1,9})\)")


def _whole_long_form(ctx: RuleContext, match: LexiconMatch) -> bool:
    """Whether the term is the whole spelled-out form of the known acronym in brackets after
    it, not modifying a noun ("enable multi-factor authentication (MFA) by Friday"): the plain
    wording may replace it, and JL102 reads "two-step sign-in (MFA)" as the definition
    (_plain_long_forms)."""
    found = _BRACKETED_ACRONYM.match(ctx.document.text, match.end)
    return (found is not None and ctx.lexicon is not None
            and _acronym_expansions(ctx.lexicon).get(found.group(1)) == match.text.lower()
            # "the continuous integration (CI) server": a plain phrase would split the compound,
            # a noun or two would not ("two-step sign-in (MFA) methods")
            and (not fit.noun_follows(ctx.document.text, found.end()) or fit.noun_modifier(match.plain)))


def _on_headings(text: str, starts: list[int]) -> set[int]:
    """The offsets that sit on a title or heading line (fit.in_heading), each looked at once."""
    return {start for start in starts if fit.in_heading(text, start)}


class UndefinedAcronym(Rule):
    """Acronym not spelled out the first time it is used.

    ## Why it matters
    "MFA", "SLA" or "RPO" are shorthand for the writer and a puzzle for the reader. Spelling an
    acronym out once, at first use, costs a few words and saves a phone call. All-caps words
    that no lexicon knows are reported at info level: they are often product or team names.
    Capitals in a reference number or host name ("INC-4411", "SRV-SQL01") and a model number
    ("TZ400", "MR46") are not abbreviations, and are not reported.

    ## Example
    Bad: "Please enable MFA by Friday."
    Good: "Please turn on multi-factor authentication (MFA) by Friday."

    ## Fix
    For known acronyms the fix writes "expansion (ACRONYM)" at first use (safe); one that
    should not be spelled out (a `suggest` entry such as UTC) gets its gloss in brackets
    instead, an unsafe fix: "09:55 UTC (world standard time)". Either
    "multi-factor authentication (MFA)" or "MFA (multi-factor authentication)" counts as a
    definition for the rest of the document. Where the spelled-out form is jargon itself,
    `fix --unsafe-fixes` gives it the plain wording JL101 suggests: "two-step sign-in (MFA)",
    which counts as a definition too. A title or heading is not where an acronym is defined:
    the first use in the body is reported, and a definition there covers the heading.
    Acronyms the reader should not see at all are reported by JL101 instead.
    """

    code = "JL102"
    name = "undefined-acronym"
    severity = Severity.WARNING
    options = {"unknown_severity": "info", "flag_unknown": True}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        known = [m for m in ctx.matches if m.entry.kind == "acronym" and m.entry.action != "replace"]
        # "HTTP" in "HTTP 502 errors": JL101 reports the whole error code, once
        status = [(i.start, i.end) for i in ctx.identifiers() if i.kind == "status"] \
            if known and identifiers_reported(ctx) else []
        known = [m for m in known if not any(s <= m.start and m.end <= e for s, e in status)]
        expansions = {m.entry.term: (m.entry.expansion, *_plain_long_forms(ctx, m.entry.expansion)) for m in known}
        defined = acronyms.definitions(ctx.document.prose, expansions)
        reported: set[str] = set()
        # a heading is not where an acronym is defined (fit.in_heading): the first use in
        # the body is, and the definition there covers the heading
        source = ctx.document.text
        headed = _on_headings(source, [m.start for m in known])
        in_body = {acronyms.core(m.text) for m in known if m.start not in headed}
        for match in known:
            short = acronyms.core(match.text)
            if short in reported:
                continue
            if match.start in headed and (short in in_body or short in defined):
                continue
            reported.add(short)
            where = defined.get(short)
            if where is not None and where <= match.end:
                continue
            entry = match.entry
            if acronyms.defined_in_place(ctx.document.text, match.start, match.end, entry.expansion):
                continue
            if followed_by_gloss(ctx.document.prose, match):
                continue   # "UTC (world standard time)": explained by its gloss
            fix = None
            expansion = match.expansion
            if fit.token_before(ctx.document.text, match.start).lower().lstrip("([") in ("1", "one"):
                from ..inflection import singular_after_one

                expansion = singular_after_one(expansion)   # "1 Gbps": "1 gigabit per second (Gbps)"
            spelled = f"{expansion} ({match.text})"
            if entry.action == "suggest" and match.gloss:
                fix = _gloss_fix(ctx, match)
            elif (entry.expansion and entry.safety != "display" and not _named_in_brackets(ctx.document.text, match)
                  and not fit.in_quotation(ctx.document.text, match.start, match.end)
                  and not fit.bound_acronym(ctx.document.text, match.start, match.end, entry.expansion)
                  and not fit.bracketed_label(ctx.document.text, match.start, match.end)   # "Personal (BYOD) devices"
                  and not _kept_here(ctx.document.text, match)):   # "the Opera PMS at a hotel's reception"
                # the article and a sentence-initial capital follow the expansion: "an SOP" ->
                # "a standard operating procedure (SOP)"
                owner = _APOSTROPHE_S.match(ctx.document.text, match.end)
                if owner:   # "the ISP's window" -> "the internet service provider's (ISP's) window"
                    apostrophe = owner.group(0)
                    spelled = f"{expansion}{apostrophe} ({match.text}{apostrophe})"
                elif fit.in_brackets(ctx.document.text, match.start) or \
                        fit.bracket_follows(ctx.document.text, match.end):
                    # "(500 Mbps)" -> "(500 megabits per second)"; "MFD (1st floor)" ->
                    # "multifunction device (1st floor)": no second pair of brackets
                    spelled = expansion
                elif entry.head_noun and fit.bare_noun_use(ctx.document.text, match.start, match.end):
                    spelled = f"{spelled} {entry.head_noun}"   # "your CRM" -> "your ... (CRM) system"
                start, end, text = replacement_for(ctx.document.text, match.start,
                                                   owner.end() if owner else match.end, spelled, True)
                if fit.title_case_line(ctx.document.text, match.start, match.end):
                    # "## MFA Enrolment" -> "## Multi-Factor Authentication (MFA) Enrolment"
                    text = fit.title_case(text)
                fix = Fix(start=start, end=end, replacement=text, safety=Safety(entry.safety))
            message = (f"'{match.text}' is not defined: write '{spelled}' the first time"
                       if entry.expansion else f"'{match.text}' is not defined at first use")
            yield self.finding(ctx, match.start, match.end, message, explanation=entry.explain,
                               suggestions=list(entry.plain), fix=fix)
        if not self.option(ctx, "flag_unknown"):
            return
        level = Severity.parse(self.option(ctx, "unknown_severity"))
        text, covered = ctx.document.prose, ctx.covered
        shouting: dict[int, bool] = {}
        caps = [(f.group(0), f.start()) for f in _CAPS_WORD.finditer(text)
                if not covered[f.start()] and acronyms.looks_like_acronym(f.group(0))]
        headed = _on_headings(source, [start for _, start in caps])
        in_body = {acronyms.core(word) for word, start in caps if start not in headed}
        for word, start in caps:
            short = acronyms.core(word)
            if short in reported or short.lower() in ctx.accept or word.lower() in ctx.accept:
                continue
            if start in headed and (short in in_body or short in defined):
                continue
            if (identifiers.REFERENCE_TAIL.match(text, start + len(word)) or _common_compound(text, start)
                    or re.fullmatch(identifiers.MODEL_NUMBER, word)):
                continue  # "INC-4411", "SRV-SQL01": a reference or host; "AS-IS": emphasis; "TZ400": a model
            if _common_word(short):
                continue
            sentence = ctx.sentence_of(start)
            if sentence not in shouting:
                shouting[sentence] = _shouting(ctx.sentence_text(sentence))
            if shouting[sentence]:
                continue
            reported.add(short)
            where = defined.get(short)
            if where is not None and where <= start + len(word):
                continue
            yield self.finding(
                ctx, start, start + len(word),
                f"'{word}' may be an unfamiliar abbreviation: spell it out at first use",
                severity=level,
                explanation="An abbreviation no lexicon knows; the reader may not know it either.",
                suggestions=[f"<full name> ({short})"])


_CAPS_COMPOUND = re.compile(r"[A-Z]+(?:-[A-Z]+)+\b")


def _common_compound(text: str, start: int) -> bool:
    """A hyphenated word in capitals made of common words ("AS-IS", "FOLLOW-UP") is emphasis."""
    found = _CAPS_COMPOUND.match(text, start)
    return found is not None and all(is_common(part.lower(), 3.0) for part in found.group(0).split("-"))


def identifiers_reported(ctx: RuleContext) -> bool:
    """Whether JL101 reports technical identifiers for this audience (its `identifiers` option)."""
    wanted = ctx.options.get("JL101", {}).get("identifiers")
    return ctx.profile["flag_identifiers"] if wanted is None else bool(wanted)


_CAPS_WORD = re.compile(r"(?<![\w&-])[A-Z0-9][A-Za-z0-9&]*[A-Z][A-Za-z0-9&]*(?:'s)?(?![\w&])")
_SENTENCE_WORD = re.compile(r"[^\W\d_]{2,}")


def _shouting(sentence: str) -> bool:
    """A sentence mostly in capitals (a heading, "URGENT NOTICE") says nothing about acronyms."""
    words = _SENTENCE_WORD.findall(sentence)
    return len(words) >= 3 and sum(w.isupper() for w in words) / len(words) >= 0.6


@functools.lru_cache(maxsize=20_000)
def _common_word(short: str) -> bool:
    """"NOTE", "URGENT", "TEAM": a common English word in capitals, not an acronym."""
    return short.isalpha() and len(short) >= 3 and is_common(short.lower(), 3.5)


class Buzzword(LexiconRule):
    """Corporate filler that sounds busy and says little.

    ## Why it matters
    "Leverage", "synergy", "going forward" and "best practices" make a message longer and
    vaguer. Clients read them as spin, which costs trust, exactly when an update needs to be
    straight-talking.

    ## Example
    Bad: "Going forward, we will leverage best practices to drive synergies."
    Good: "From now on, we will check every change before it goes live."

    ## Fix
    Use the plain alternative offered, or say the concrete thing the buzzword stands for.
    Flagged for every audience, technical readers included.
    """

    code = "JL103"
    name = "buzzword"
    severity = Severity.WARNING
    kinds = ("buzzword",)

    def message(self, match: LexiconMatch) -> str:
        if match.plain and match.entry.action == "replace":
            return f"'{match.text}' is a buzzword: say '{match.plain}'"
        return f"'{match.text}' is a buzzword: say the concrete thing instead"


class WordyPhrase(LexiconRule):
    """Long-winded phrase with a shorter plain equivalent.

    ## Why it matters
    "In order to", "at this point in time" and "utilize" add words without adding meaning.
    Every extra word is one more for a busy reader to wade through.

    ## Example
    Bad: "In order to restore service at this point in time, we will utilize a spare server."
    Good: "To restore service now, we will use a spare server."

    ## Fix
    Most entries carry a fix; exact synonyms ("utilize" -> "use") are safe. Phrases that
    should simply go ("please be advised that") are shown as advice only.
    """

    code = "JL104"
    name = "wordy-phrase"
    severity = Severity.INFO
    kinds = ("wordy",)

    def message(self, match: LexiconMatch) -> str:
        if match.plain and match.entry.action == "replace":
            return f"'{match.text}' is wordy: say '{match.plain}'"
        return f"'{match.text}' is wordy: cut it or say it more simply"


@functools.lru_cache(maxsize=1)
def _perfect_or_passive() -> frozenset[str]:
    """"have" and "be" forms, after which a past form is the participle: fit_words.yaml's
    perfect_auxiliaries (also fit.verb_fits') and passive.BE_FORMS."""
    from ..passive import BE_FORMS

    return frozenset(fit._words()["perfect_auxiliaries"]) | BE_FORMS


class HiddenVerb(LexiconRule):
    """Verb hidden in a noun: "perform an upgrade of", "make a decision".

    ## Why it matters
    A light verb plus a noun ("carry out an investigation into", "provide assistance to")
    takes three or four words to say what one verb says, and it reads like a form. Readers
    follow the action more easily when the verb carries it.

    ## Example
    Bad: "We performed an upgrade of the firewall and made changes to the Wi-Fi settings."
    Good: "We upgraded the firewall and changed the Wi-Fi settings."

    ## Fix
    The fix puts the hidden verb in the light verb's tense: "performed an upgrade of" ->
    "upgraded", "is making a decision" -> "is deciding", "have made a choice between" ->
    "have chosen between". Most fixes are unsafe (applied with `fix --unsafe-fixes`): the sentence may need
    a second look. The patterns live in data/hidden_verbs.yaml; phrases a lexicon already
    lists are reported as wordy phrases (JL104) instead.
    """

    code = "JL106"
    name = "hidden-verb"
    severity = Severity.INFO
    kinds = ("hidden",)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for match in self.reported(ctx):
            plain = _participle_if_needed(ctx.document.text, match)
            if plain != match.plain:
                match = LexiconMatch(match.entry, match.start, match.end, match.token_start, match.token_end,
                                     match.text, "VBN", plain, match.expansion)
            yield self.finding(ctx, match.start, match.end, self.message(match),
                               explanation=match.entry.explain, suggestions=[match.plain],
                               fix=_lexicon_fix(ctx, match))

    def message(self, match: LexiconMatch) -> str:
        return f"'{match.text}' hides the verb: say '{match.plain}'"


# a past form with nothing after it in its clause but adverbs ("Remediation performed",
# "Delta syncs performed nightly thereafter"): a transitive verb there has lost its object,
# so it is a participle
_NOTHING_AFTER = re.compile(
    r"(?:[ \t]+(?:[A-Za-z]+ly|thereafter|overnight|today|tonight|again|later|remotely|on\s+site))*"
    r"[ \t]*(?:[.;:,!?)]|\r?\n|$)")


def _participle_if_needed(text: str, match: LexiconMatch) -> str:
    """After have/be, a past form is the participle: "has made a choice" -> "has chosen",
    not "has chose" (the matcher tags "made" as past tense wherever it stands); so is one
    with its doer after it, a passive without "be" ("Roll back performed by hand" -> "done"),
    one with nothing after it in its clause ("Remediation performed" -> "Fix done") or only a
    word that ends a reduced relative clause ("the intervals indicated until" -> "shown"), or, for
    "did", only a preposition ("Threat hunt performed across" -> "done across"),
    and one joined by "and"/"or" to a participle ("was accessed or exfiltrated" -> "stolen").
    "" where the participle reads wrong ("a new lease was obtained": not "was gotten", nor
    "have gotten" in British English; fit_words.yaml participle_misfits; after "be" only,
    passive_misfits: "a delay may be experienced", not "be had"), or where a passive
    would end the plain on its preposition ("was facilitated by" -> not "was helped with by")."""
    if match.tag != "VBD":
        return match.plain
    helper = _helper_before(text[max(0, match.start - 60):match.start])
    after = fit.word_after(text, match.end).lower()
    if helper is None and after != "by" and not _NOTHING_AFTER.match(text, match.end) and not (
            match.plain.split()[0].lower() == "did" and after in fit._words()["prepositions_of_place"]) and (
            after not in fit._words()["after_reduced_relative"]):
        # "at the intervals indicated until ..." / "as indicated below": a participle after its noun
        # "Threat hunt performed across 84 endpoints": "did" takes an object, so a
        # preposition after it marks a passive note ("done across")
        return match.plain
    participle = match.participle or match.plain   # precomputed (inflection.expand_entry): no lemminflect here
    if participle.split()[0].lower() in fit._words()["participle_misfits"]:
        return ""
    from ..passive import BE_FORMS

    if helper in BE_FORMS and participle.split()[0].lower() in fit._words()["passive_misfits"]:
        return ""   # "a short delay may be experienced": not "may be had"

    stranded = fit._words()["particles_with_object"]
    if ((helper in BE_FORMS or helper is None) and participle.split()[-1].lower() in stranded
            and match.text.split()[-1].lower() not in stranded | {"of"}):
        return ""   # "was facilitated by": not "was helped with by" (but "was notified of" -> "was told about")
    return participle


def _helper_before(before: str) -> str | None:
    """The have/be form that the past form after `before` depends on: one of the two words
    before it ("has made", "was quickly made"), or the one before a participle it is joined
    to ("was accessed or exfiltrated", "were reviewed, tested and deployed")."""
    words = [w.strip(",").lower() for w in before.split()]
    helpers = _perfect_or_passive()
    for word in reversed(words[-2:]):
        if word in helpers:
            return word
    if len(words) < 3 or words[-1] not in ("and", "or"):
        return None
    for word in reversed(words[:-1][-6:]):
        if word in helpers:
            return word
        if not (word.endswith(("ed", "en", "ly")) or word in ("and", "or")):
            return None
    return None


class UncommonWord(Rule):
    """Word rare in everyday English that no lexicon knows.

    ## Why it matters
    Lexicons cannot list every technical word. A word that is rare in general English (by the
    word-frequency data shipped with the `wordfreq` package) is a good sign the reader will not
    know it either.

    ## Example
    "The hypervisor's ballooning driver reclaimed memory." -> "ballooning" is flagged.

    ## Fix
    Replace it with everyday words, or explain it. Names, product names (capitalised words
    mid-sentence), numbers, URLs, code and words in `vocabulary.accept` are never flagged, nor
    are rare words built from words the reader knows: typos of common words ("ssems"), a
    prefix on a common verb ("reattached"), two common words run together ("timezone"),
    unless a part is jargon ("redeploying", "ratelimits"; data/known_parts.yaml). The
    threshold (Zipf frequency) is set per audience in data/audiences.yaml and can be changed
    with the rule option `zipf`.
    """

    code = "JL105"
    name = "uncommon-word"
    severity = Severity.INFO
    options = {"zipf": None, "min_length": 4}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        threshold = self.option(ctx, "zipf")
        if threshold is None:
            threshold = ctx.profile["uncommon_zipf"]
        min_length = self.option(ctx, "min_length")
        common = common_words(threshold)
        knows = ctx.lexicon.knows if ctx.lexicon is not None else (lambda phrase: False)
        text, covered = ctx.document.prose, ctx.covered
        seen: set[str] = set()
        for found in _WORD.finditer(text):
            word = found.group(0)
            if len(word) < min_length:
                continue
            lower = word.lower()
            if lower in common or lower in seen:
                continue  # most words stop here: one set lookup
            if is_common(lower, threshold):
                continue  # an inflection of a common word ("escalations")
            start = found.start()
            if covered[start] or lower in ctx.accept:
                continue
            if not (word.islower() or (word[0].isupper() and word[1:].islower() and ctx.opens_sentence(start))):
                continue  # names and product names: capitalised mid-sentence
            if _code_like(text, start, found.end()):
                continue
            seen.add(lower)
            if lower in _known_names() or reads_as_known_words(lower, knows):
                continue
            if ctx.has_model:
                span = ctx.doc.char_span(start, found.end())
                if span is not None and span.root.pos_ == "PROPN":
                    continue
            yield self.finding(
                ctx, start, found.end(),
                f"'{word}' is an uncommon word: the reader may not know it",
                explanation="A word rarely used in everyday English; say it in common words or explain it.")


_WORD = re.compile(r"(?<![\w'\u2019])[^\W\d_]+(?![\w'\u2019])")


@functools.lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    """Well-known names written like code ("PyPI", "GitHub"), in lower case: "pypi" is the
    same name typed quickly, not an uncommon word."""
    return frozenset(name.lower() for name in identifiers.known_names())
_CODE_BEFORE = frozenset("_/\\=.$@#`<>{}[]:")
_CODE_AFTER = frozenset("_/\\=$@#`<>{}[](")


def _code_like(text: str, start: int, end: int) -> bool:
    """Glued to code punctuation: "config.yaml", "foo_bar", "/var/log", "@handle"."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in _CODE_BEFORE:
        return True
    if after in _CODE_AFTER:
        return True
    return after == "." and end + 1 < len(text) and text[end + 1].isalpha()


