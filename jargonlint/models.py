"""Plain data passed between the stages: documents in, findings and scores out.

Everything here is a frozen or simple dataclass so stages cannot reach back into each other.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """Finding severity; ordered so `severity >= fail_on` is a plain comparison."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning or info)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


class Safety(str, enum.Enum):
    """How sure a fix is (after ruff): safe fixes are applied by `fix`, unsafe ones on request."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"


@dataclass(frozen=True)
class Document:
    """A file's text plus a same-length mask of its prose.

    `prose` equals `text` except that everything that is not prose a person wrote (markup, code,
    URLs, quoted replies) is replaced by spaces, newlines kept. Offsets into `prose` are offsets
    into `text`, so line:column and fixes need no re-location.
    """

    path: str
    text: str
    prose: str
    kind: str = "text"            # source format: text, markdown, html, email
    editable: bool = True         # False where offsets refer to decoded content (.eml)
    meta: dict[str, Any] = field(default_factory=dict)
    notice: str = ""              # best effort taken while reading (e.g. unknown charset)
    # where each line of `text` came from, for formats whose text is extracted (.docx):
    # line_labels[line - 1] is e.g. "paragraph 4"; empty when line:col says it all
    line_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fix:
    """Replace `text[start:end]` of the file with `replacement`. The span may be wider than the
    finding's (an article that has to change with the word: "an SLA" -> "a ...")."""

    start: int
    end: int
    replacement: str
    safety: Safety
    # False: the swap may not read right here (the term is part of a compound or name), so
    # `fix` leaves it; it is still shown as a suggestion
    fits: bool = True
    # "replace": the term is rewritten; "gloss": the term stays and a plain explanation in
    # brackets follows it at first use ("Traefik (web traffic router)")
    kind: str = "replace"


@dataclass
class Finding:
    code: str
    name: str
    severity: Severity
    start: int
    end: int
    message: str
    match: str = ""
    explanation: str = ""
    suggestions: list[str] = field(default_factory=list)
    fix: Fix | None = None
    # filled in by the linter from the document
    suggested_sentence: str = ""  # the sentence with this finding's fix made (fixable findings)
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    location: str = ""            # from Document.line_labels, e.g. "paragraph 4"

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)


@dataclass
class Scores:
    """Per-document scores, each 0-100 (higher is better), with the raw metrics behind them."""

    overall: int
    readability: dict[str, Any]
    jargon: dict[str, Any]
    relevance: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"overall": self.overall, "readability": self.readability,
                "jargon": self.jargon, "relevance": self.relevance}


@dataclass(frozen=True)
class KindDecision:
    """What kind of message a document is (incident, email, report) and why: `source` is
    "detected" or where the setting came from; `cues` are the cues that decided."""

    kind: str
    source: str
    cues: tuple[str, ...] = ()
    scores: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "source": self.source, "cues": list(self.cues),
                "scores": dict(self.scores)}


@dataclass
class FileResult:
    path: str
    kind: str
    audience: str
    words: int
    findings: list[Finding]
    scores: Scores | None
    meta: dict[str, Any] = field(default_factory=dict)
    notice: str = ""              # e.g. "empty file": linted, nothing to report
    suppressed: int = 0           # findings silenced by the file's own directives
    # the message kind (incident, email, report); `kind` above is the source format
    document_kind: KindDecision | None = None


@dataclass(frozen=True)
class InputProblem:
    """A file that could not be linted (missing, binary, undecodable, too large)."""

    path: str
    message: str
