"""Periodic service reports (JL5xx): performance against targets, the trend, and next steps in
business terms. These rules run only on documents of kind report (jargonlint/kinds.py)."""
from __future__ import annotations

from collections.abc import Iterator

from .. import elements
from ..models import Finding, Severity
from .base import Rule, RuleContext


def _sentence_bounds(ctx: RuleContext, offset: int) -> tuple[int, int]:
    index = ctx.sentence_of(offset)
    starts = ctx.sentence_starts or [0]
    end = starts[index + 1] if index + 1 < len(starts) else len(ctx.document.prose)
    return starts[index], end


def _table_header(text: str, offset: int) -> tuple[int, int] | None:
    """The first line of the Markdown/plain table holding `offset`, if that line is a row."""
    line_start = text.rfind("\n", 0, offset) + 1
    if not text[line_start:].lstrip(" \t").startswith("|"):
        return None
    start = line_start
    while start > 0:
        previous = text.rfind("\n", 0, start - 1) + 1
        if not text[previous:start].lstrip(" \t").startswith("|"):
            break
        start = previous
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


class ReportRule(Rule):
    def applies(self, ctx: RuleContext) -> bool:
        return ctx.document_kind == "report"


class ServiceLevelTarget(ReportRule):
    """Service-level figure reported without its target.

    ## Why it matters
    "Availability was 99.2%" means nothing to a client until they know the agreed level: 99.2%
    against a target of 99.9% is a miss of about five hours of downtime a month; against 99% it
    is a success. A report that states performance without targets cannot be judged.

    ## Example
    Bad: "Email availability was 99.2% and we resolved 87% of tickets within 8 hours."
    Good: "Email availability was 99.2%, below the agreed 99.9% (about 5 hours of downtime).
    We resolved 87% of tickets within 8 hours; the target is 90%."

    ## Fix
    Put the target next to each figure ("99.2% against a target of 99.9%"), or in a Target
    column of the table. The rule finds figures tied to a service measure (availability,
    response or resolution times, tickets, backups, satisfaction; data/message_elements.yaml)
    and looks for a target in the same sentence, or in the header row of its table. Warning at
    the figure. A report with no service-level figure at all gets one info finding on its first
    word (line 1): a service report should say how the service performed.
    """

    code = "JL501"
    name = "report-service-level-target"
    severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not self.applies(ctx):
            return
        text = ctx.document.prose
        metrics = list(elements.find("service_metric", text))
        if not metrics:
            start, end = ctx.document_start()
            yield self.finding(ctx, start, end, "Does not report performance against agreed service levels",
                               severity=Severity.INFO,
                               suggestions=[("Add the figures that matter, each with its target: "
                                             "'Availability 99.95% (target 99.9%)'")])
            return
        reported: set[int] = set()
        for metric in metrics:
            start, end = _sentence_bounds(ctx, metric.start())
            header = _table_header(ctx.document.text, metric.start())
            if elements.present("service_target", text, start, end) or (
                    header is not None and elements.present("service_target", text, *header)):
                continue
            if start in reported:
                continue
            reported.add(start)
            yield self.finding(ctx, metric.start(), metric.end(),
                               f"'{text[metric.start():metric.end()]}' has no target: say what was agreed",
                               suggestions=["State the agreed level beside it: '... against a target of 99.9%'"])


class ReportTrend(ReportRule):
    """Service report gives no trend against the previous period.

    ## Why it matters
    A client cannot tell from one month's figures whether things are getting better or worse.
    "Up from 91% last month" turns a number into news.

    ## Example
    Bad: "We resolved 412 tickets this month."
    Good: "We resolved 412 tickets this month, down from 530 in March, because the new laptops
    stopped the Wi-Fi complaints."

    ## Fix
    Compare the main figures with the previous period (month, quarter, year) and say why they
    moved. Document-level, on the first word (line 1); warning, because a periodic report
    without a comparison misses its main job.
    """

    code = "JL502"
    name = "report-trend"
    severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not self.applies(ctx) or elements.present("trend", ctx.document.prose):
            return
        start, end = ctx.document_start()
        yield self.finding(ctx, start, end,
                           "No comparison with the previous period: is the service getting better or worse?",
                           suggestions=["Compare with last period: 'up from 91% in March'"])


class ReportNextSteps(ReportRule):
    """Service report has no next steps or recommendations, or only technical ones.

    ## Why it matters
    A report exists to support decisions. Recommendations like "upgrade the firmware on the
    core switches" do not tell a client why to approve them; "replace the office switches
    (£2,400) so the network stops dropping calls, which cost you about 6 hours last month" does.

    ## Example
    Bad: "Recommendations: migrate to Exchange Online; decommission SRV02."
    Good: "We recommend moving your email to Microsoft 365 (about £4 per person per month): no
    more weekend outages, and staff can read email on their phones."

    ## Fix
    Add next steps or recommendations and say, for each, what it means for the business: cost,
    risk, staff time, customers. Warning on the first word (line 1) when there are none; info
    on the first recommendation when none of them (with the three sentences after each)
    mentions a business term (data/message_elements.yaml, `business_terms`).
    """

    code = "JL503"
    name = "report-next-steps"
    severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not self.applies(ctx):
            return
        text = ctx.document.prose
        cues = list(elements.find("recommendation", text))
        if not cues:
            start, end = ctx.document_start()
            yield self.finding(ctx, start, end, "No next steps or recommendations",
                               suggestions=["End with what you recommend and what it means for the business"])
            return
        starts = ctx.sentence_starts or [0]
        for cue in cues:
            index = ctx.sentence_of(cue.start())
            end_index = min(index + 4, len(starts))
            end = starts[end_index] if end_index < len(starts) else len(text)
            if elements.present("business_terms", text, starts[index], end):
                return
        first = cues[0]
        yield self.finding(ctx, first.start(), first.end(),
                           "Next steps are in technical terms only: say what each means for the business",
                           severity=Severity.INFO,
                           suggestions=["Add cost, risk or staff time: "
                                        "'so staff stop losing ... (about £... a month)'"])
