"""Document scores from counts and findings: pure functions, no spaCy, no I/O.

Formulas (docs/scores.md has the full text; constants in data/scoring.yaml):
- readability: textstat's formulas on our counts. score = Flesch reading ease clamped to 0-100.
- jargon: weighted jargon findings per 100 words (density); score = 100 x exp(-density / 8).
- relevance v2: five named components, each 0-1 - impact in the reader's terms, reader focus
  (you vs we / the system), actionability (next steps with an owner or a date), commitments
  (concrete times against hedges) and plain content (1 - the share of sentences that are only
  technical detail); score = 100 x their weighted sum.
- overall: weighted mean of the three.
"""
from __future__ import annotations

import bisect
import math
from typing import Iterable

from .models import Finding, Scores
from .resources import data_yaml
from .textstats import ACTION, DATE, IMPACT, PROVIDER, READER, TextStats


def _clamp(value: float, low: float = 0.0, high: float = 100.0) -> float:
    return max(low, min(high, value))


def readability(stats: TextStats) -> dict:
    """Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG and Coleman-Liau."""
    words, sentences = stats.words, max(stats.sentences, 1)
    if words == 0:
        return {"score": 100, "flesch_reading_ease": None, "flesch_kincaid_grade": None,
                "gunning_fog": None, "smog_index": None, "coleman_liau_index": None,
                "words_per_sentence": 0.0, "syllables_per_word": 0.0}
    wps = words / sentences
    spw = stats.syllables / words
    fre = 206.835 - 1.015 * wps - 84.6 * spw
    fk = 0.39 * wps + 11.8 * spw - 15.59
    fog = 0.4 * (wps + 100.0 * stats.polysyllables / words)
    smog = 1.043 * math.sqrt(stats.polysyllables * 30.0 / sentences) + 3.1291
    cli = 0.0588 * (100.0 * stats.letters / words) - 0.296 * (100.0 * sentences / words) - 15.8
    return {
        "score": round(_clamp(fre)),
        "flesch_reading_ease": round(fre, 1),
        "flesch_kincaid_grade": round(fk, 1),
        "gunning_fog": round(fog, 1),
        "smog_index": round(smog, 1),
        "coleman_liau_index": round(cli, 1),
        "words_per_sentence": round(wps, 1),
        "syllables_per_word": round(spw, 2),
    }


def jargon(stats: TextStats, findings: Iterable[Finding]) -> dict:
    config = data_yaml("scoring.yaml")["jargon"]
    weights: dict[str, float] = config["weights"]
    counts: dict[str, int] = {code: 0 for code in weights}
    for finding in findings:
        if finding.code in counts:
            counts[finding.code] += 1
    weighted = sum(weights[code] * n for code, n in counts.items())
    density = 100.0 * weighted / max(stats.words, config["min_words"]) if stats.words else 0.0
    return {"score": round(_clamp(100.0 * math.exp(-density / config["scale"]))),
            "per_100_words": round(density, 2), "terms": sum(counts.values()),
            "by_code": {code: n for code, n in counts.items() if n}}


def technical_sentences(stats: TextStats, jargon_starts: Iterable[int]) -> int:
    """Sentences that hold jargon and nothing for the reader: no you, no effect on their
    business, no next step (only technical detail)."""
    starts = stats.sentence_starts
    if not starts:
        return 0
    with_jargon = {max(0, bisect.bisect_right(starts, offset) - 1) for offset in jargon_starts}
    for_reader = READER | IMPACT | ACTION
    return sum(1 for i in with_jargon if not stats.sentence_flags[i] & for_reader)


def relevance(stats: TextStats, technical: int = 0, hedges: int = 0) -> dict:
    """Business relevance v2 (docs/scores.md). `technical`: sentences that are only technical
    detail (technical_sentences); `hedges`: hedged or vague commitments found (JL302)."""
    config = data_yaml("scoring.yaml")["relevance"]
    sentences = max(stats.sentences, 1)
    impact = min(1.0, stats.impact_hits / max(1.0, sentences / config["sentences_per_impact"]))
    # personal address (you; we owning the work, at half weight) against impersonal wording
    # ("the system", passive voice); +1 smoothing makes a text with neither score 0.5
    personal = stats.reader_refs + 0.5 * stats.provider_refs
    mentions = stats.reader_refs + stats.provider_refs + stats.system_refs + stats.passives
    focus = (personal + config["neutral_focus"]) / (mentions + 1)
    flags = stats.sentence_flags
    owned_steps = sum(1 for f in flags if f & ACTION and f & (READER | PROVIDER | DATE))
    action = min(1.0, owned_steps / max(1.0, sentences / config["sentences_per_action"]))
    concrete = sum(1 for f in flags if f & DATE and f & (PROVIDER | READER | ACTION))
    prior = config["commitment_prior"]
    commitment = (concrete + prior) / (concrete + hedges + 2 * prior)
    technical_share = min(1.0, technical / sentences)
    components = {"impact": impact, "reader_focus": focus, "actionability": action,
                  "commitments": commitment, "plain_content": 1.0 - technical_share}
    w = config["weights"]
    score = 100.0 * sum(w[name] * value for name, value in components.items())
    return {"score": round(_clamp(score)), "version": 2,
            "components": {name: round(value, 2) for name, value in components.items()},
            "impact": round(impact, 2), "reader_focus": round(focus, 2),
            "actionability": round(action, 2), "you_refs": stats.reader_refs,
            "we_refs": stats.provider_refs, "system_refs": stats.system_refs, "passives": stats.passives,
            "impact_mentions": stats.impact_hits, "next_steps": stats.action_hits,
            "owned_next_steps": owned_steps, "dates": stats.date_hits,
            "concrete_commitments": concrete, "hedges": hedges,
            "technical_sentences": technical, "technical_share": round(technical_share, 2)}


def score(stats: TextStats, findings: Iterable[Finding], rel: dict | None = None) -> Scores:
    """All scores; `rel` is the relevance already computed for the rules (else computed here
    without its technical-detail and hedge counts)."""
    read = readability(stats)
    jar = jargon(stats, findings)
    rel = rel if rel is not None else relevance(stats)
    w = data_yaml("scoring.yaml")["overall"]["weights"]
    overall = w["readability"] * read["score"] + w["jargon"] * jar["score"] + w["relevance"] * rel["score"]
    return Scores(overall=round(_clamp(overall)), readability=read, jargon=jar, relevance=rel)
