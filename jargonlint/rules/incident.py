"""Incident and status updates (JL4xx): what a client needs from every update during an outage.

These rules run only on documents of kind incident (jargonlint/kinds.py). JL401-JL406 report
an element that is missing from the whole update, so they are document-level findings, placed
on the first word of the text (line 1); JL407 reports a gap between two timestamped updates,
placed on the later timestamp.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any, ClassVar

from .. import elements, timeline
from ..models import Finding, Severity
from .base import Rule, RuleContext

JARGON_KINDS = ("jargon", "acronym")


class IncidentRule(Rule):
    """An element every incident update needs; reported once, at the start, when missing."""

    def applies(self, ctx: RuleContext) -> bool:
        return ctx.document_kind == "incident"

    def missing(self, ctx: RuleContext) -> bool:
        raise NotImplementedError

    def message(self, ctx: RuleContext) -> str:
        raise NotImplementedError

    suggestion: str = ""

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not self.applies(ctx) or not self.missing(ctx):
            return
        start, end = ctx.document_start()
        yield self.finding(ctx, start, end, self.message(ctx), suggestions=[self.suggestion])


def sentence_with_both(ctx: RuleContext, first: str, *others: str) -> bool:
    """Whether one sentence holds a cue of element `first` and of any of `others`: scan for
    `first` once, then look only inside the sentences it was found in."""
    text = ctx.document.prose
    starts = ctx.sentence_starts or [0]
    seen: set[int] = set()
    for match in elements.find(first, text):
        index = ctx.sentence_of(match.start())
        if index in seen:
            continue
        seen.add(index)
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        if any(elements.present(other, text, starts[index], end) for other in others):
            return True
    return False


def is_resolved(ctx: RuleContext) -> bool:
    """The update says the problem is over (in a thread: its latest entry does)."""
    text = ctx.document.prose
    entries = timeline.entries(ctx.document.text)
    if entries and max(entries, key=lambda e: e.time).resolved:
        return True
    if elements.present("resolved_label", text):
        return True  # "[Final message]", "Resolved -", a postmortem's "Resolution"
    return not entries and bool(elements.resolved_spans(text))


class AffectedService(IncidentRule):
    """Incident update does not name the affected service in the reader's terms.

    ## Why it matters
    The first thing a client asks during an outage is "is it the thing we use?". "The load
    balancer in eu-west-1 is degraded" does not tell them whether email, the website or the
    phones are affected; "Email is down" does.

    ## Example
    Bad: "The primary Exchange DAG node failed over and the secondary is degraded."
    Good: "Email is down for everyone at the Leeds office."

    ## Fix
    Name the service as the reader knows it (email, phones, the website, shared drives,
    payroll), then the component if it helps. Services are cues in data/message_elements.yaml
    (`affected_service`). A document-level finding, reported on the first word (line 1);
    warning, because an incident update that does not say what is affected fails its reader.
    """

    code = "JL401"
    name = "incident-affected-service"
    severity = Severity.WARNING
    suggestion = "Start with the service the reader uses: 'Email is down for all staff.'"

    def missing(self, ctx: RuleContext) -> bool:
        return not elements.present("affected_service", ctx.document.prose)

    def message(self, ctx: RuleContext) -> str:
        components = [m.text for m in ctx.matches if m.entry.kind in JARGON_KINDS][:2]
        if components:
            named = "', '".join(components)
            return f"Names components ('{named}') but not the service the reader uses: say what is affected"
        return "Does not say what is affected: name the service the reader uses"


class ReaderImpact(IncidentRule):
    """Incident update does not say who cannot do what.

    ## Why it matters
    "We are seeing elevated error rates" leaves the client to guess whether their staff can
    work. Impact is what they need to decide anything: send people home, call customers,
    switch to paper.

    ## Example
    Bad: "Elevated 5xx error rates on the API gateway."
    Good: "Staff cannot log in to the accounts system; card payments in the shop still work."

    ## Fix
    Say who is affected and what they cannot do, or that nothing is affected. The rule looks
    for an effect ("cannot", "unable to", "is down", "may see errors") in the same sentence as
    people ("you", "staff", "users", "customers") or a service they use ("email is down"), or
    a plain "no impact" (cues in data/message_elements.yaml). Document-level, on line 1;
    warning.
    """

    code = "JL402"
    name = "incident-impact"
    severity = Severity.WARNING
    suggestion = "Say who cannot do what: 'Staff at all offices cannot send or receive email.'"

    def missing(self, ctx: RuleContext) -> bool:
        if elements.present("impact_none", ctx.document.prose):
            return False
        return not sentence_with_both(ctx, "impact_effect", "impact_people", "affected_service")

    def message(self, ctx: RuleContext) -> str:
        return "Does not say how the reader is affected: who cannot do what"


class CurrentStatus(IncidentRule):
    """Incident update does not say where things stand now.

    ## Why it matters
    Every update should answer "is it still broken?". Without a status the reader cannot tell
    an old message from a new one, or whether to keep waiting.

    ## Example
    Bad: "A configuration change to the mail relay caused messages to queue."
    Good: "Email is still delayed; messages are arriving up to 30 minutes late."

    ## Fix
    Say the status in a word or a sentence: investigating, fixed and being watched, still down,
    resolved. Document-level, on line 1; warning.
    """

    code = "JL403"
    name = "incident-status"
    severity = Severity.WARNING
    suggestion = "Say where things stand: 'Email is still down; we have found the cause.'"

    def missing(self, ctx: RuleContext) -> bool:
        text = ctx.document.prose
        return not elements.present("status", text) and not elements.resolved_spans(text)

    def message(self, ctx: RuleContext) -> str:
        return "Does not say the current status: is it still broken, being fixed, or fixed?"


class ProviderAction(IncidentRule):
    """Incident update does not say what the provider is doing about it.

    ## Why it matters
    Clients judge a provider during an outage by what it is doing. "The service is down" with
    no action reads as nobody being on it.

    ## Example
    Bad: "The file server is unavailable."
    Good: "The file server is unavailable. Our engineers are replacing the failed disk."

    ## Fix
    Say what you are doing now, or what you did to fix it ("We restarted ...", "We are moving
    you to the backup line"). Document-level, on line 1; warning.
    """

    code = "JL404"
    name = "incident-provider-action"
    severity = Severity.WARNING
    suggestion = "Say what you are doing: 'Our engineers are replacing the failed part now.'"

    def missing(self, ctx: RuleContext) -> bool:
        return not elements.present("provider_action", ctx.document.prose)

    def message(self, ctx: RuleContext) -> str:
        return "Does not say what you are doing about it"


class ReaderAction(IncidentRule):
    """Incident update does not tell the reader what to do meanwhile (or that nothing is needed).

    ## Why it matters
    During an outage clients want to know whether to act: use webmail, take card payments by
    phone, save work locally, or do nothing. Saying "you don't need to do anything" is an
    answer too.

    ## Example
    Bad: "Email is down. We are working on it."
    Good: "Email is down. Until it is back, please use Teams for urgent messages; you don't
    need to restart anything."

    ## Fix
    Add one sentence: a workaround, an instruction, or "no action is needed". Not reported once
    the update says the problem is resolved (there is no "meanwhile" any more). Info, not a
    warning: many short updates rightly leave this to the first message of a thread.
    Document-level, on line 1.
    """

    code = "JL405"
    name = "incident-reader-action"
    severity = Severity.INFO
    suggestion = "Say what to do meanwhile: 'Until then, use webmail' or 'You don't need to do anything.'"

    def missing(self, ctx: RuleContext) -> bool:
        return not elements.present("reader_action", ctx.document.prose) and not is_resolved(ctx)

    def message(self, ctx: RuleContext) -> str:
        return "Does not say what the reader should do meanwhile, or that nothing is needed"


class NextUpdate(IncidentRule):
    """Unresolved incident update does not say when the next update will come.

    ## Why it matters
    Without a next-update time, clients keep refreshing the status page or phone the help desk.
    A promised time ("next update at 3 pm, or sooner if it is fixed") is the cheapest way to
    calm an outage, even when there is no news.

    ## Example
    Bad: "We are investigating and will update you in due course."
    Good: "We are investigating. Next update by 2:30 pm."

    ## Fix
    Promise the next update with a time or an interval ("at 3 pm", "in 30 minutes", "every
    hour"). Not reported when the update says the problem is resolved: in a thread, when the
    latest timestamped entry does or a closing label is there ("Resolved -", "[Final
    message]"); a retrospective (a "Resolution" section, an "Incident report" or postmortem
    heading) counts as resolved. Document-level, on line 1; warning.
    """

    code = "JL406"
    name = "incident-next-update"
    severity = Severity.WARNING
    suggestion = "Promise the next update: 'Next update at 3 pm, or sooner if it is fixed.'"

    def missing(self, ctx: RuleContext) -> bool:
        if sentence_with_both(ctx, "next_update_promise", "time_expression"):
            return False
        return not is_resolved(ctx)

    def message(self, ctx: RuleContext) -> str:
        return "Does not say when the next update will come"


class UpdateGap(Rule):
    """Gap between two updates of an incident thread is longer than promised.

    ## Why it matters
    During an outage silence reads as nobody working on it. Status-page practice is an update
    at least every hour until the problem is resolved, and at the time promised when an update
    names one ("next update in 30 minutes").

    ## Example
    Bad:
    "Update - We are still working on it. Next update in 30 minutes.
    Nov 25, 14:05 UTC
    Update - We have found the cause.
    Nov 25, 15:20 UTC"  (75 minutes, 30 promised)

    ## Fix
    Post an update at the promised time, even if only "no news yet; next update at ...".
    The rule reads the timestamps of the thread's entries: status-page histories ("Resolved -
    ..." followed by "Nov 25, 14:05 UTC"), bracketed labels ("[Update - 2023-03-29 15h50
    UTC]"), Markdown headings or bold lines with a date or time, and e-mail "Date:" headers.
    Times inside sentences and bullet-list timelines of a postmortem are not updates and are
    ignored. Gaps after an entry that says the problem is resolved are not counted. The
    finding is placed on the later timestamp and names both times; warning.
    """

    code = "JL407"
    name = "incident-update-gap"
    severity = Severity.WARNING
    options: ClassVar[dict[str, Any]] = {"interval_minutes": 60}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if ctx.document_kind != "incident":
            return
        text = ctx.document.text
        entries = sorted(timeline.entries(text), key=lambda e: e.time)
        default = float(self.option(ctx, "interval_minutes"))
        for earlier, later in pairwise(entries):
            if earlier.resolved:
                continue
            if not ctx.document.prose[later.start:later.end].strip():
                continue  # masked (code, quoted reply): not part of the thread's prose
            promised = timeline.promised_minutes(text, earlier)
            allowed = promised if promised is not None else default
            gap = (later.time - earlier.time).total_seconds() / 60
            if gap > allowed:
                source = "promised" if promised is not None else "expected"
                yield self.finding(
                    ctx, later.start, later.end,
                    f"{_minutes(gap)} between the update at {earlier.stamp} and the next at "
                    f"{later.stamp} ({_minutes(allowed)} {source})",
                    suggestions=["Post an update at least at the promised interval, even if there is no news yet"])


def _minutes(value: float) -> str:
    value = round(value)
    if value >= 120 and value % 60 == 0:
        return f"{value // 60} hours"
    if value >= 120:
        return f"{value // 60} h {value % 60} min"
    return f"{value} min"


