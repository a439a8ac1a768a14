"""Rules about what a message commits to and whether it serves the reader's business, as
opposed to the words it uses (JL302-JL305)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from .. import elements
from ..matching import LexiconMatch
from ..models import Finding, Severity
from .base import Rule, RuleContext
from .jargon import LexiconRule


class VagueCommitment(LexiconRule):
    """Vague timing, quantities or hedged commitments.

    ## Why it matters
    "Shortly", "in due course", "some users" and "we will try to" leave the reader unable to
    plan: are they affected, when will it be fixed, when will they hear more? Clients trust
    providers who commit to what they can deliver, even when the commitment is only
    "we are still working on it; next update at 3 pm".

    ## Example
    Bad: "Some users may see errors. We will try to fix this shortly."
    Good: "About 20 staff at the Leeds office cannot send email. We expect to fix it by 3 pm
    and will update you by 2 pm either way."

    ## Fix
    Say when (a time, a day, or when the next update will come), who (which people or how
    many), and what you will do. The suggestions show the kind of wording that works; the
    facts are yours to fill in, so there is no automatic fix. Fixed terms come from the
    `vague` lexicon; phrasings that vary ("we'll do our best", "ASAP", "we expect to ..." with
    no time in the sentence) from data/commitments.yaml.
    """

    code = "JL302"
    name = "vague-commitment"
    severity = Severity.WARNING
    kinds = ("vague",)

    def message(self, match: LexiconMatch) -> str:
        category = match.entry.category
        if category == "vague-quantity":
            return f"'{match.text}' is vague: say who, or how many"
        if category == "hedge":
            return f"'{match.text}' hedges: commit to what you will do and by when"
        return f"'{match.text}' is vague: say when"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        found = list(super().check(ctx))
        spans = [(f.start, f.end) for f in found]
        for hedge in ctx.hedges:
            if any(hedge.start < end and hedge.end > start for start, end in spans):
                continue  # the lexicon already reports these words
            suggestion = ("commit to an outcome and a time: 'We will restore email by 3 pm.'"
                          if hedge.category == "hedge" else "give a time: 'by 3 pm', 'on Friday'")
            found.append(self.finding(ctx, hedge.start, hedge.end, hedge.message, suggestions=[suggestion]))
        found.sort(key=Finding.sort_key)
        yield from found


class RelevanceRule(Rule):
    """A relevance component that is missing from a whole message (document-level, info).

    Reads the relevance score's components (ctx.relevance), never counts again. Short texts
    (under `min_words`, default 30) are not judged: a two-line note need not carry everything.
    """

    options: ClassVar[dict[str, Any]] = {"min_words": 30}
    skip_kinds: tuple[str, ...] = ()
    suggestion = ""

    def missing(self, ctx: RuleContext) -> bool:
        raise NotImplementedError

    def message(self, ctx: RuleContext) -> str:
        raise NotImplementedError

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if ctx.document_kind in self.skip_kinds or ctx.stats.words < int(self.option(ctx, "min_words")):
            return
        if not ctx.relevance or not self.missing(ctx):
            return
        start, end = ctx.document_start()
        yield self.finding(ctx, start, end, self.message(ctx), suggestions=[self.suggestion])


class NoBusinessImpact(RelevanceRule):
    """Message never says what it means for the reader's business.

    ## Why it matters
    A client reads an IT message to find out what it means for them: their staff, customers,
    orders, money, deadlines. A text about servers and patches that never says so leaves them
    to work it out, or to ignore it.

    ## Example
    Bad: "We patched the hypervisors and rebalanced the storage pools overnight."
    Good: "We updated the systems behind your file server overnight, so staff can save files
    again without the errors they saw on Monday."

    ## Fix
    Add a sentence on the effect on the reader's people, customers or work. Fires when the
    relevance score's impact component is zero (no impact wording at all, cues in
    data/relevance.yaml) in a text of at least `min_words` words (30). Not for incident updates,
    where JL402 asks the same question more precisely. Document-level, on the first word;
    info, so an ordinary email is not failed for it.
    """

    code = "JL303"
    name = "no-business-impact"
    severity = Severity.INFO
    skip_kinds = ("incident",)
    suggestion = "Say what it means for the reader: 'Your staff can now ...', 'Customers will not notice ...'"

    def missing(self, ctx: RuleContext) -> bool:
        return ctx.relevance["components"]["impact"] == 0

    def message(self, ctx: RuleContext) -> str:
        return "Never says what this means for the reader's business (their people, customers or work)"


class ProviderCentric(RelevanceRule):
    """Message talks about the provider and its systems, hardly about the reader.

    ## Why it matters
    "We", "our team" and "the system" in every sentence, and "you" in none, tells the client
    the message is about the provider. Readers engage with messages that address them.

    ## Example
    Bad: "We migrated our platform. The system now uses our new cluster. We monitored the
    servers."
    Good: "Your files are now on the new server. You can open them as before; if anything is
    missing, call us."

    ## Fix
    Rewrite from the reader's side: what they see, what changes for them, what they can do.
    Fires when the text mentions the provider or its systems (we/our, "the system"-style
    subjects, passives) at least `min_mentions` times (default 6) and "you/your" make at most
    `max_reader_share` (default 0.1) of all those mentions; at least `min_words` words (30).
    Not for incident updates: a postmortem is rightly about what the provider did, and JL402
    and JL405 ask the reader's questions there. Document-level, on the first word; info.
    """

    code = "JL304"
    name = "provider-centric"
    severity = Severity.INFO
    options: ClassVar[dict[str, Any]] = {"min_words": 30, "max_reader_share": 0.1, "min_mentions": 6}
    skip_kinds = ("incident",)
    suggestion = "Write from the reader's side: 'You can ...', 'Your staff will ...'"

    def missing(self, ctx: RuleContext) -> bool:
        rel = ctx.relevance
        provider = rel["we_refs"] + rel["system_refs"] + rel["passives"]
        share = rel["you_refs"] / max(1, rel["you_refs"] + provider)
        return (provider >= int(self.option(ctx, "min_mentions"))
                and share <= float(self.option(ctx, "max_reader_share")))

    def message(self, ctx: RuleContext) -> str:
        rel = ctx.relevance
        return (f"Written about the provider, not the reader: {rel['we_refs']} we/our, "
                f"{rel['system_refs']} 'the system'-style subjects, {rel['you_refs']} you/your")


class NoNextStep(RelevanceRule):
    """Message has no next step: nothing the reader or provider will do, and no date.

    ## Why it matters
    A message that ends without a next step leaves the reader wondering whether anything is
    expected of them, and when they will hear more.

    ## Example
    Bad: "The backup job failed on Tuesday due to a storage quota issue."
    Good: "The backup failed on Tuesday. We will rerun it tonight and confirm by 9 am tomorrow;
    you don't need to do anything."

    ## Fix
    Say who does what next, and when: "we will ... by Friday", "please ...", or "you don't need
    to do anything". Fires when the text has no next step with an owner or a date and no
    instruction (the actionability component is zero), at least `min_words` words (30). Not for
    incident updates, where JL404-JL406 are more precise. Document-level, on the first word;
    info.
    """

    code = "JL305"
    name = "no-next-step"
    severity = Severity.INFO
    skip_kinds = ("incident",)
    suggestion = "End with who does what next: 'We will ... by Friday' or 'You don't need to do anything.'"

    def missing(self, ctx: RuleContext) -> bool:
        return ctx.relevance["components"]["actionability"] == 0 and not elements.present(
            "reader_action", ctx.document.prose)

    def message(self, ctx: RuleContext) -> str:
        return "No next step: say who will do what next, and when"
