"""What a rule is: a stable code, a kebab-case name, a default severity, fixed docs, options.

A rule's docs are its class docstring, with the fixed sections "Why it matters", "Example" and
"Fix"; `jargonlint rule CODE` prints them. A rule reads a RuleContext and yields Findings; it
never computes metrics another stage already has.
"""
from __future__ import annotations

import bisect
import inspect
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterator

from ..models import Document, Finding, Fix, Severity
from ..textstats import TextStats


@dataclass
class RuleContext:
    document: Document
    doc: Any                            # the spaCy Doc of document.prose
    has_model: bool
    audience: str
    profile: dict[str, Any]             # thresholds for the audience (data/audiences.yaml)
    matches: list                       # LexiconMatch, already filtered to the audience
    all_matches: list                   # every LexiconMatch, whoever the audience
    stats: TextStats
    readability: dict[str, Any]
    accept: frozenset[str]
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    severities: dict[str, Severity] = field(default_factory=dict)
    sentence_starts: list[int] = field(default_factory=list)   # char offset of each sentence
    covered: bytearray = field(default_factory=bytearray)      # 1 where a lexicon term matched
    lexicon: Any = None                 # the CompiledLexicon, for questions about words
    suppressions: Any = None            # the document's directives, once applied (JL9xx rules)
    _identifiers: list | None = field(default=None, repr=False)

    def identifiers(self) -> list:
        """Technical identifiers in the prose (file names, code names, labels, HTTP codes),
        found once per document: JL101 reports them, JL102 leaves acronyms inside them alone."""
        if self._identifiers is None:
            from .. import identifiers

            self._identifiers = list(identifiers.find(self.document.prose))
        return self._identifiers
    document_kind: str = "email"                               # incident, email or report
    hedges: list = field(default_factory=list)                 # commitments.Hedge, by pattern
    relevance: dict[str, Any] = field(default_factory=dict)    # scoring.relevance of the text

    def document_start(self) -> tuple[int, int]:
        """Where a document-level finding (something missing) is reported: the first word of
        the prose, so it lands on line 1 (or the first line with text)."""
        prose = self.document.prose
        start = next((i for i, c in enumerate(prose) if c.isalnum()), len(prose))
        end = start
        while end < len(prose) and (prose[end].isalnum() or prose[end] in "'-"):
            end += 1
        return start, max(end, start)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that contains character `offset`."""
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def sentence_text(self, index: int) -> str:
        starts = self.sentence_starts
        end = starts[index + 1] if index + 1 < len(starts) else len(self.document.prose)
        return self.document.prose[starts[index] if starts else 0:end]

    def opens_sentence(self, offset: int) -> bool:
        """Whether the word at `offset` is the first word of its sentence."""
        if not self.sentence_starts:
            return True
        start = self.sentence_starts[self.sentence_of(offset)]
        return not any(c.isalnum() for c in self.document.prose[start:offset])


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    needs_model: ClassVar[bool] = False     # True: uses the parse when a model is there
    options: ClassVar[dict[str, Any]] = {}  # option name -> default (per-rule config)
    after_suppression: ClassVar[bool] = False  # True: reports on the directives (runs last)

    @classmethod
    def summary(cls) -> str:
        return inspect.getdoc(cls).split("\n", 1)[0]

    @classmethod
    def docs(cls) -> str:
        return inspect.getdoc(cls)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        raise NotImplementedError

    # helpers for subclasses -------------------------------------------------------------
    def option(self, ctx: RuleContext, name: str) -> Any:
        return ctx.options.get(self.code, {}).get(name, self.options[name])

    def finding(self, ctx: RuleContext, start: int, end: int, message: str, *,
                severity: Severity | None = None, explanation: str = "",
                suggestions: list[str] | None = None, fix: Fix | None = None) -> Finding:
        level = ctx.severities.get(self.code, severity or self.severity)
        return Finding(code=self.code, name=self.name, severity=level, start=start, end=end,
                       message=message, match=ctx.document.text[start:end],
                       explanation=explanation, suggestions=list(suggestions or []), fix=fix)
