"""Rules about suppression directives themselves (JL9xx). They run after every other rule,
once the directives have been applied (see jargonlint/suppression.py), and only report what
that stage found."""
from __future__ import annotations

from collections.abc import Iterator

from ..models import Finding, Severity
from .base import Rule, RuleContext


class UnusedSuppression(Rule):
    """A suppression directive that silenced nothing.

    ## Why it matters
    A directive left behind after the wording changed hides the next real problem on that
    line or in that block. Directives are for deliberate exceptions; one that suppresses
    nothing is noise a reviewer has to read and trust.

    ## Example
    Bad (the line has no jargon, so the directive does nothing):
    `<!-- jargonlint: ignore JL101 -->` above "Your internet is working again."
    Good: "We track MTTR (mean time to restore) weekly." with no directive, or the directive
    kept only where it silences a finding: `We track MTTR weekly. <!-- jargonlint: ignore JL102 -->`

    ## Fix
    Remove the directive, or the codes in it that match nothing. A code is only judged when
    every rule it names ran, so `--select JL2` never reports an `ignore JL101`. An `enable`
    that re-enables nothing is reported too.
    """

    code = "JL901"
    name = "unused-suppression"
    severity = Severity.WARNING
    after_suppression = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if ctx.suppressions is None:
            return
        for directive, codes in ctx.suppressions.unused:
            written = directive.describe()
            if directive.action == "enable":
                message = f"'{written}' re-enables nothing: no disable before it covers {_names(codes)}"
            elif tuple(codes) == directive.codes:
                message = f"'{written}' suppressed nothing: remove it"
            else:
                them = "it" if len(codes) == 1 else "them"
                message = f"{_names(codes)} in '{written}' suppressed nothing: remove {them}"
            yield self.finding(ctx, directive.start, directive.end, message,
                               suggestions=["remove the directive or the unused codes"])


class InvalidSuppression(Rule):
    """A suppression directive that cannot be read: an unknown rule code or a malformed directive.

    ## Why it matters
    A misspelt code ("JL011" for "JL101") or action ("ingore") suppresses nothing, so the
    finding it was meant to silence is still reported, or worse, the writer believes a check
    is off when it is on. Saying so at once is cheaper than puzzling over it later.

    ## Example
    Bad: `<!-- jargonlint: ignore JL999 -->`, `<!-- jargonlint: ingore JL101 -->`,
    `<!-- jargonlint: ignore -->` (no codes)
    Good: `<!-- jargonlint: ignore JL101 -- the client's IT team reads this -->`

    ## Fix
    Write `jargonlint:` then an action (`ignore`, `disable`, `enable`, `file-ignore`) and
    rule codes, prefixes (JL1), rule names (jargon-term) or `all`, separated by spaces or
    commas; a reason may follow " -- ". `jargonlint rules` lists the codes. Valid codes in a
    directive with an unknown one still apply.
    """

    code = "JL902"
    name = "invalid-suppression"
    severity = Severity.ERROR
    after_suppression = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if ctx.suppressions is None:
            return
        for directive in ctx.suppressions.invalid:
            yield self.finding(ctx, directive.start, directive.end,
                               "invalid suppression: " + "; ".join(directive.problems),
                               suggestions=["see `jargonlint rule JL902` for the directive syntax"])


def _names(codes) -> str:
    return ", ".join("all" if c == "ALL" else c for c in codes)
