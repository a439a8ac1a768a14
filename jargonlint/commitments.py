"""Hedged commitments and vague timing found by pattern (data/commitments.yaml).

The `vague` lexicon holds fixed terms ("shortly", "we will try to"); these patterns cover the
phrasings that vary ("we'll do our best", "we expect to ..." with no time). JL302 reports them,
and the relevance score counts them against the concrete commitments a text makes.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from .resources import data_yaml
from .textstats import DATE, TextStats, gated_pattern, lower_same_length


@dataclass(frozen=True)
class Hedge:
    start: int
    end: int
    category: str          # hedge | vague-time
    message: str


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, tuple[dict, ...]]:
    data = data_yaml("commitments.yaml")
    rows = tuple(data["patterns"])
    return gated_pattern([row["pattern"] for row in rows], data["first_words"]), rows


def find_hedges(text: str, stats: TextStats) -> list[Hedge]:
    """Every pattern match in the prose, except timed ones where the sentence names a time."""
    pattern, rows = _patterns()
    hedges = []
    starts = stats.sentence_starts
    for match in pattern.finditer(lower_same_length(text)):
        row = rows[int(match.lastgroup[1:])]  # groups are g0, g1 ...
        if row.get("unless_time") and starts:
            index = max(0, bisect.bisect_right(starts, match.start()) - 1)
            if stats.sentence_flags[index] & DATE:
                continue
        hedges.append(Hedge(match.start(), match.end(), row["category"],
                            row["message"].format(match=text[match.start():match.end()])))
    return hedges
