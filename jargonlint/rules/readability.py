"""Sentence- and document-level readability rules: long sentences, passive voice, grade level."""
from __future__ import annotations

import functools
import re
from typing import Iterator

from .. import fit
from ..models import Finding, Fix, Safety, Severity
from ..resources import data_yaml
from .base import Rule, RuleContext

_SPLIT_WORDS = frozenset("and but so because which while although however whereas or then".split())


class LongSentence(Rule):
    """Sentence longer than the reader's limit.

    ## Why it matters
    Long sentences make readers hold many ideas at once; comprehension drops sharply past 25
    words. A busy manager skims, and the point is lost.

    ## Example
    Bad: "Following the scheduled maintenance on the primary storage array, which was extended
    because the vendor's firmware update took longer than expected, some users may have
    noticed slower file access until approximately 11:30."
    Good: "Our maintenance on Tuesday night ran late. Until 11:30, some files opened slowly."

    ## Fix
    Split the sentence at a natural break: one idea per sentence. The finding suggests a split
    point where one is clear, and where the break is a clause boundary after a comma (", and",
    ", but", ", which", ", so") it shows the sentence split there ("..., which caused" ->
    "... . This caused"), only where the second part reads as a sentence of its own: a
    subject after "and" ("and we restarted", not "and has worked"), no verb first after "but"
    or "so", no preposition after "which", and not before a list's last item ("automated,
    bot, and bulk signups"); the word lists are in data/sentence_splits.yaml. That rewrite is
    display-only: `fix` never applies it. The limit is per audience (data/audiences.yaml) or
    the rule option `max_words`.
    """

    code = "JL201"
    name = "long-sentence"
    severity = Severity.WARNING
    options = {"max_words": None}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        limit = self.option(ctx, "max_words") or ctx.profile["max_sentence_words"]
        stats, prose = ctx.stats, ctx.document.prose
        for count, start, end in zip(stats.sentence_words, stats.sentence_starts, stats.sentence_ends):
            if count <= limit:
                continue
            text = prose[start:end]
            start += len(text) - len(text.lstrip())
            end -= len(text) - len(text.rstrip())
            suggestions = ["split it into shorter sentences, one idea each"]
            split = _split_point(prose[start:end])
            if split:
                suggestions.insert(0, f"Split before '{split}'")
            rewritten = split_sentence(ctx.document.text[start:end], prose[start:end])
            fix = Fix(start, end, rewritten, Safety.DISPLAY) if rewritten else None
            yield self.finding(
                ctx, start, end,
                f"Sentence has {count} words (limit {limit} for {ctx.audience} readers): split it",
                suggestions=suggestions, fix=fix)


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _split_point(sentence: str) -> str:
    """A conjunction or "which" near the middle, after a comma where possible."""
    tokens = _TOKEN.findall(sentence)
    middle = len(tokens) / 2
    best = None
    for i in range(3, len(tokens) - 3):
        if tokens[i].lower() in _SPLIT_WORDS:
            score = abs(i - middle) - (3 if tokens[i - 1] in {",", ";"} else 0)
            if best is None or score < best[0]:
                best = (score, i)
    if best is None:
        return ""
    i = best[1]
    return " ".join(tokens[i:i + 3])


# clause openers after a comma -> how the second sentence starts (None: drop the word)
_OPENERS = {"and": None, "but": "But", "so": "So", "which": "This", "then": "Then", "however": "However,"}
_CLAUSE_BREAK = re.compile(r",\s+(and|but|so|which|then|however)\s+(?=[^\W\d_])", re.IGNORECASE)


def split_sentence(text: str, prose: str) -> str:
    """`text` split in two at the clause break nearest its middle (", and", ", which" ...),
    the second part capitalised; "" when there is no such break, a part would be short, or the
    second part would not read as a sentence (_reads_as_sentence)."""
    words = len(prose.split())
    candidates = []
    for found in _CLAUSE_BREAK.finditer(prose):
        before = len(prose[:found.start()].split())
        if before < 6 or words - before < 6 or not _reads_as_sentence(prose, found):
            continue
        candidates.append((abs(before - words / 2), found.start(), found))
    if not candidates:
        return ""
    found = min(candidates, key=lambda c: c[:2])[2]
    opener = _OPENERS[found.group(1).lower()]
    rest = text[found.end():]
    verb = rest.split(maxsplit=1)[0].lower() if rest.strip() else ""
    if opener == "This" and verb in _split_words()["which_plural_verbs"]:
        opener = "These"   # "switches installed in 2013, which are" -> "These are"
    if opener is None:
        rest = rest[:1].upper() + rest[1:]
    else:
        rest = f"{opener} {rest}"
    return text[:found.start()].rstrip() + ". " + rest


@functools.lru_cache(maxsize=1)
def _split_words() -> dict[str, frozenset[str]]:
    return {key: frozenset(value) for key, value in data_yaml("sentence_splits.yaml").items()}


_NEXT_WORD = re.compile(r"[\w'’-]+")


def _reads_as_sentence(prose: str, found: re.Match) -> bool:
    """Whether the part after the break stands as a sentence (data/sentence_splits.yaml):
    after "and" or "then" it needs a subject ("and we restarted", not "and has worked"), and
    "and" must not end a list ("automated, bot, and bulk signups"); after "but", "so" or
    "however" no verb may come first; after "which" ("This ...") no preposition."""
    word = found.group(1).lower()
    following = _NEXT_WORD.match(prose, found.end())
    after = following.group(0) if following else ""
    lists = _split_words()
    if word in ("and", "then"):
        previous = prose.rfind(",", 0, found.start())
        if word == "and" and previous >= 0 and len(prose[previous + 1:found.start()].split()) <= 2:
            return False   # the last item of a list
        return after.lower() in lists["subject_starts"] or (after[:1].isupper() and after != after.upper())
    if word == "which":
        return after.lower() not in lists["which_not_before"]
    return after.lower() not in lists["fragment_starts"] and not after.lower().endswith(("ing", "ed"))


class PassiveVoice(Rule):
    """Passive voice hides who did what.

    ## Why it matters
    "The server was restarted" and "mistakes were made" leave the reader asking: by whom?
    Active sentences are shorter, clearer, and show ownership: "We restarted the server."

    ## Example
    Bad: "The backup job was misconfigured and the issue was not detected."
    Good: "We set up the backup job wrongly and did not notice."

    ## Fix
    Name who acted and make them the subject. When the sentence names the doer ("was
    restarted by our engineer") and a statistical model is installed, the finding carries an
    unsafe fix that turns the clause around: "Our engineer restarted the server". The doer
    keeps its words, jargon included, which `fix` then explains as anywhere else; there is no
    rewrite when a phrase after the doer describes it ("caused by changes intended to ...")
    or the subject belongs to other verbs too. With a statistical model the parse decides;
    without one a careful heuristic looks for a form of "be" or "get" followed by a past
    participle (irregular participles and common adjectives are listed in data files).
    """

    code = "JL202"
    name = "passive-voice"
    severity = Severity.INFO
    needs_model = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for start, end in ctx.stats.passive_spans:
            text = ctx.document.text[start:end]
            fix = self._active_fix(ctx, end) if ctx.has_model else None
            suggestions = ([f"Say who did it first: \"{fix.replacement}\""] if fix else
                           ["Rewrite with the doer as subject: \"We restarted the server.\""])
            yield self.finding(ctx, start, end, f"Passive voice ('{text}'): say who did it",
                               suggestions=suggestions, fix=fix)

    @staticmethod
    def _active_fix(ctx: RuleContext, verb_end: int) -> Fix | None:
        """With a parse, the active clause when the doer is named ("... by our engineer")."""
        from ..active_voice import active_rewrite

        span = ctx.doc.char_span(verb_end - 1, verb_end, alignment_mode="expand")
        if span is None:
            return None
        rewrite = active_rewrite(ctx.doc, span[0].i)
        if rewrite is None or fit.in_quotation(ctx.document.text, rewrite.start, rewrite.end):
            return None   # a quoted error message stays word for word
        return Fix(rewrite.start, rewrite.end, rewrite.text, Safety.UNSAFE)


class ReadingGrade(Rule):
    """Document reads above the audience's grade level.

    ## Why it matters
    Most adults read comfortably at about US school grade 8-9, whatever their education, and
    read more slowly above it. A client report at grade 14 gets skimmed or ignored.

    ## Example
    A report averaging 28 words a sentence full of "infrastructure", "remediation" and
    "configuration" scores about grade 15; the same facts in short sentences of everyday words
    score about grade 8.

    ## Fix
    Shorter sentences and shorter, everyday words. The grade is the Flesch-Kincaid grade of
    the prose (code, URLs and markup excluded); the target is per audience
    (data/audiences.yaml) or the rule option `max_grade`.
    """

    code = "JL203"
    name = "reading-grade"
    severity = Severity.WARNING
    options = {"max_grade": None, "min_words": None}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        grade = ctx.readability.get("flesch_kincaid_grade")
        target = self.option(ctx, "max_grade") or ctx.profile["target_grade"]
        min_words = self.option(ctx, "min_words") or ctx.profile["min_words_for_grade"]
        if grade is None or ctx.stats.words < min_words or grade <= target:
            return
        first = re.search(r"\S", ctx.document.prose)
        start = first.start() if first else 0
        end = ctx.document.prose.find("\n", start)
        end = end if end > start else len(ctx.document.prose)
        yield self.finding(
            ctx, start, end,
            f"Reading grade {grade:.1f} is above the target {target} for {ctx.audience} readers",
            explanation=(f"Flesch-Kincaid grade {grade:.1f}, Flesch reading ease "
                         f"{ctx.readability.get('flesch_reading_ease')}, "
                         f"{ctx.readability.get('words_per_sentence')} words per sentence."),
            suggestions=["Use shorter sentences and everyday words."])
