"""Ownership (JL301): blame put elsewhere, and the provider's own mistakes told in a passive
with nobody doing them. Phrases and patterns are data (data/ownership.yaml)."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..models import Finding, Severity
from ..resources import data_yaml
from ..textstats import gated_pattern, lower_same_length
from .base import Rule, RuleContext

_SUBJECT = re.compile(r"((?:the|a|an|our|this|that|these|those|your)\s+(?:[\w-]+\s+){0,3}?)$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _data():
    data = data_yaml("ownership.yaml")

    deflection = (gated_pattern([row["pattern"] for row in data["deflection"]], data["first_words"]),
                  [row["suggest"] for row in data["deflection"]])
    passive = gated_pattern(data["passive_patterns"], data["first_words"])
    agents = re.compile(r"\s+by\s+(?:" + "|".join(re.escape(a) for a in data["owning_agents"]) + r")\b", re.IGNORECASE)
    return data, deflection, passive, agents


def _past(participle: str) -> str:
    """'deployed' -> 'deployed', 'forgotten' -> 'forgot' (data first, then the cached verb
    table built with lemminflect; a rarer regular verb's participle is its past tense)."""
    table = _data()[0]["past_tense"]
    if participle.lower() in table:
        return table[participle.lower()]
    from ..inflection import common_verb_forms

    return common_verb_forms().get(participle.lower(), (participle, participle))[1]


def owned_wording(text: str, start: int, passive: str) -> str:
    """The passive turned round so "we" did it: "The change was deployed without testing" ->
    "We made a mistake: we deployed the change without testing." A suggestion to adapt."""
    words = passive.split()
    if words and words[0].lower() in _data()[0]["fault_nouns"] + ["mistakes", "errors", "oversights"]:
        return "Say who and what: 'We made a mistake: we ... (what we did), and we are ... (the fix).'"
    subject = _SUBJECT.search(text[max(0, start - 60):start])
    thing = subject.group(1).strip() if subject else "it"
    thing = thing[0].lower() + thing[1:] if thing and not thing[:2].isupper() else thing
    rest = [w for w in words[1:3] if w.lower() != "been"] + words[3:]
    if rest and rest[0].lower() in ("not", "never"):
        from ..inflection import common_verb_forms

        verb = common_verb_forms().get(rest[1].lower(), (rest[1],))[0] if len(rest) > 1 else "do"
        said = f"we did {rest[0].lower()} {verb} {thing}" + (" " + " ".join(rest[2:]) if len(rest) > 2 else "")
    elif rest and rest[0].lower() in ("allowed", "left"):
        said = f"we let {thing} " + " ".join(rest[2:])
    elif rest:
        adverb = rest[0] if rest[0].lower().endswith("ly") and len(rest) > 1 else ""
        verb_at = 1 if adverb else 0
        tail = " ".join(rest[verb_at + 1:])
        said = f"we {adverb + ' ' if adverb else ''}{_past(rest[verb_at])} {thing}" + (f" {tail}" if tail else "")
    else:
        said = "we did it"
    return f"Own it: 'We made a mistake: {said.strip()}.'"


class Ownership(Rule):
    """Blame-shifting, deflection, or the provider's own mistake told with nobody doing it.

    ## Why it matters
    "User error", "beyond our control" and "caused by a third-party vendor" tell a client the
    provider is defending itself instead of fixing things; "mistakes were made" and "the change
    was deployed without testing" hide who did what. Clients forgive a provider that owns its
    mistakes and says what it will change; they stop trusting one that deflects.

    ## Example
    Bad: "Mistakes were made and the change was deployed without testing. The outage was
    beyond our control."
    Good: "We made a mistake: we deployed the change without testing it. We have rolled it back
    and now test every change on a copy first."

    ## Fix
    Say "we" for what you did, name a supplier's part without hiding behind it, and say what you
    are changing. The suggestion turns the passive round ("We made a mistake: we deployed the
    change without testing"); check it says what really happened. Deflection phrases come from
    data/ownership.yaml; without a statistical model, agentless passives are found by curated
    patterns (the fault is in the words: "without testing", "by mistake", "was overlooked");
    with one, the parse also finds them in other word orders. A passive with an owning agent
    ("was missed by our team") is not flagged. Warning: this is about trust, not style.
    """

    code = "JL301"
    name = "ownership"
    severity = Severity.WARNING
    needs_model = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        data, (deflection, suggestions), passive, agents = _data()
        text = ctx.document.prose
        lowered = lower_same_length(text)
        taken: list[tuple[int, int]] = []
        found: list[Finding] = []

        def free(start: int, end: int) -> bool:
            return all(end <= s or start >= e for s, e in taken)

        for m in deflection.finditer(lowered):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
                found.append(self.finding(
                    ctx, m.start(), m.end(), f"'{text[m.start():m.end()]}' shifts the blame: own what happened",
                    suggestions=[suggestions[int(m.lastgroup[1:])]]))
        for m in passive.finditer(lowered):
            if agents.match(text, m.end()) or not free(m.start(), m.end()):
                continue
            taken.append((m.start(), m.end()))
            found.append(self._passive(ctx, m.start(), m.end()))
        if ctx.has_model:
            for start, end in _parsed_fault_passives(ctx.doc, data):
                if free(start, end) and not agents.match(text, end):
                    taken.append((start, end))
                    found.append(self._passive(ctx, start, end))
        found.sort(key=Finding.sort_key)
        yield from found

    def _passive(self, ctx: RuleContext, start: int, end: int) -> Finding:
        text = ctx.document.prose
        phrase = text[start:end]
        return self.finding(ctx, start, end, f"'{phrase}' hides who did it: say 'we'",
                            suggestions=[owned_wording(text, start, phrase)])


def _parsed_fault_passives(doc, data) -> Iterator[tuple[int, int]]:
    """(start, end) of "aux ... verb [modifier]" for agentless passives the parse shows are
    the provider's fault: a fault verb, a fault noun as subject, or a fault modifier."""
    verbs, nouns = set(data["fault_verbs"]), set(data["fault_nouns"])
    modifiers = tuple(data["fault_modifiers"])
    for token in doc:
        if token.dep_ != "auxpass" or token.head.i <= token.i:
            continue
        verb = token.head
        if any(child.dep_ == "agent" for child in verb.children):
            continue
        subject_fault = any(c.dep_ == "nsubjpass" and c.lemma_.lower() in nouns for c in verb.children)
        after = doc.text[verb.idx + len(verb.text): verb.idx + len(verb.text) + 40].lower()
        modifier = next((m for m in modifiers if after.lstrip().startswith(m)), None)
        before = doc.text[max(0, token.idx - 1) : verb.idx].lower()
        negated = " not " in f" {before} " or " never " in f" {before} "
        if verb.lemma_.lower() in verbs or subject_fault or modifier or (
                negated and verb.lemma_.lower() in ("test", "check", "review", "renew", "apply", "monitor")):
            start = token.idx
            if subject_fault:
                start = min(c.idx for c in verb.children if c.dep_ == "nsubjpass")
            end = verb.idx + len(verb.text)
            if modifier:
                end += len(after) - len(after.lstrip()) + len(modifier)
            yield start, end
