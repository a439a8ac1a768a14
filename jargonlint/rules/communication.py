"""Rules about what a message commits to, as opposed to the words it uses (JL3xx)."""
from __future__ import annotations

from ..matching import LexiconMatch
from ..models import Severity
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
    facts are yours to fill in, so there is no automatic fix.
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
