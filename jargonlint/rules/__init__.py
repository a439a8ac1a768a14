"""The rule registry: every rule by code, in code order. Add a rule here to ship it."""
from __future__ import annotations

from .base import Rule, RuleContext
from .communication import (
    NoBusinessImpact,
    NoNextStep,
    ProviderCentric,
    VagueCommitment,
)
from .incident import (
    AffectedService,
    CurrentStatus,
    NextUpdate,
    ProviderAction,
    ReaderAction,
    ReaderImpact,
    UpdateGap,
)
from .jargon import Buzzword, HiddenVerb, JargonTerm, UncommonWord, UndefinedAcronym, WordyPhrase
from .ownership import Ownership
from .readability import LongSentence, PassiveVoice, ReadingGrade
from .report import ReportNextSteps, ReportTrend, ServiceLevelTarget
from .suppression import InvalidSuppression, UnusedSuppression

RULES: dict[str, Rule] = {rule.code: rule for rule in (
    JargonTerm(), UndefinedAcronym(), Buzzword(), WordyPhrase(), UncommonWord(), HiddenVerb(),
    LongSentence(), PassiveVoice(), ReadingGrade(), Ownership(), VagueCommitment(),
    NoBusinessImpact(), ProviderCentric(), NoNextStep(),
    AffectedService(), ReaderImpact(), CurrentStatus(), ProviderAction(), ReaderAction(),
    NextUpdate(), UpdateGap(),
    ServiceLevelTarget(), ReportTrend(), ReportNextSteps(),
    UnusedSuppression(), InvalidSuppression(),
)}


def get_rule(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    rule = RULES.get(key.upper())
    if rule is not None:
        return rule
    return next((r for r in RULES.values() if r.name == key.lower()), None)


def code_matches(code: str, prefixes: tuple[str, ...]) -> bool:
    return any(p.lower() == "all" or code.startswith(p.upper()) for p in prefixes)


def selected(select: tuple[str, ...], ignore: tuple[str, ...]) -> list[Rule]:
    """Rules whose code starts with a `select` prefix (all when empty) and no `ignore` prefix."""
    return [rule for code, rule in RULES.items()
            if (not select or code_matches(code, select)) and not code_matches(code, ignore)]


def valid_prefix(prefix: str) -> bool:
    prefix = prefix.strip()
    return prefix.lower() == "all" or any(code.startswith(prefix.upper()) for code in RULES)


__all__ = ["RULES", "Rule", "RuleContext", "get_rule", "selected", "code_matches", "valid_prefix"]
