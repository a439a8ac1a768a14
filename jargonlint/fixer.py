"""Apply the rules' fixes to a document until nothing changes: the engine behind `fix`.

Correct by construction:
- an edit is applied only where its whole span is prose (code, URLs, markup and quoted replies
  are masked in Document.prose, and a span that touches them is dropped);
- a fix the rule marked as not fitting its spot (an unsafe noun swap inside a compound,
  fit.stands_alone) is shown by `check` but not applied;
- edits in one pass never overlap: the first (leftmost) wins, the rest are retried next pass;
- after each pass the text is linted again; an edit whose inserted words are flagged in turn
  (a plain word that is itself jargon or rare, an acronym's expansion that would be rewritten)
  is undone and not tried again in this run, so fixes never make a text worse, inserted text
  is never re-fixed and the loop settles;
- at most MAX_PASSES passes; a settled result has nothing left to apply, so fixing twice gives
  the same text as fixing once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .config import Settings
from .models import Document, FileResult, Finding, Safety
from .rewrite import sentence_around

MAX_PASSES = 5
# findings about words: an inserted word that draws one of these made the text worse
WORD_CODES = ("JL101", "JL102", "JL103", "JL104", "JL105", "JL106", "JL302")
# rules whose edits rearrange the writer's own words (passive -> active): a word finding in
# the new wording counts against the edit only when the edit brought that word in
REORDERING_CODES = ("JL202",)


@dataclass(frozen=True)
class Edit:
    """One replacement of text[start:end] (offsets into the text the pass started from)."""

    start: int
    end: int
    replacement: str
    code: str
    safety: Safety

    def key(self, text: str) -> tuple[str, str, str]:
        """What the edit does, wherever it is: used to ban an edit that made things worse."""
        return (self.code, text[self.start:self.end], self.replacement)


@dataclass(frozen=True)
class AppliedEdit:
    """An edit that stayed in the result, with its sentence before the fix and the same
    sentence in the fixed text (other edits in it included), for review."""

    code: str
    safety: Safety
    before: str
    after: str
    sentence_before: str
    sentence_after: str


@dataclass
class FixOutcome:
    text: str
    edits: list[AppliedEdit] = field(default_factory=list)
    passes: int = 0
    settled: bool = True          # False when MAX_PASSES ran out with edits still to make
    result: FileResult | None = None   # the lint of the final text

    @property
    def changed(self) -> bool:
        return bool(self.edits)


def allowed_safeties(unsafe: bool) -> frozenset[Safety]:
    return frozenset({Safety.SAFE, Safety.UNSAFE} if unsafe else {Safety.SAFE})


_REPLY_SUBJECT = re.compile(r"[ \t]*Subject:[ \t]*(?:(?:RE|FW|FWD|AW)[ \t]*:[ \t]*)+", re.IGNORECASE)


def plan_edits(document: Document, findings: list[Finding], allowed: frozenset[Safety],
               banned: set[tuple[str, str, str]] = frozenset()) -> list[Edit]:
    """The edits one pass can make: allowed safety, entirely prose, a real change, not banned,
    not overlapping (leftmost first; between equal starts the shorter one, so an overlapping
    wider edit waits for the next pass)."""
    text, prose = document.text, document.prose
    candidates = []
    for finding in findings:
        fix = finding.fix
        if fix is None or fix.safety not in allowed or not fix.fits:
            continue
        if not 0 <= fix.start <= fix.end <= len(text):
            continue
        if text[fix.start:fix.end] != prose[fix.start:fix.end] or text[fix.start:fix.end] == fix.replacement:
            continue
        if _REPLY_SUBJECT.match(text, text.rfind("\n", 0, fix.start) + 1):
            continue   # "Subject: RE: VPN is unusable": the other party's words, which threading matches on
        edit = Edit(fix.start, fix.end, fix.replacement, finding.code, fix.safety)
        if edit.key(text) in banned:
            continue
        candidates.append(edit)
    candidates.sort(key=lambda e: (e.start, e.end, e.code))
    planned: list[Edit] = []
    reached = -1
    for edit in candidates:
        if edit.start < reached or (planned and edit.start == planned[-1].start):
            continue
        planned.append(edit)
        reached = edit.end
    return planned


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[tuple[int, int]]]:
    """The text with the (non-overlapping, sorted) edits applied, and where each replacement
    now sits."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    length = 0
    for edit in edits:
        parts.append(text[position:edit.start])
        length += edit.start - position
        parts.append(edit.replacement)
        spans.append((length, length + len(edit.replacement)))
        length += len(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts), spans


def _lint(document: Document, settings: Settings) -> FileResult:
    from .linter import lint_documents

    return next(lint_documents([(document, settings)], jobs=1))


def _redocument(document: Document, text: str) -> Document:
    from .sources import prose_for

    return Document(path=document.path, text=text, prose=prose_for(document.kind, text),
                    kind=document.kind, editable=document.editable, meta=document.meta)


def _worse(result: FileResult, edits: list[Edit], spans: list[tuple[int, int]],
           allowed: frozenset[Safety], old_text: str, new_text: str) -> set[int]:
    """Indexes of the edits whose inserted text draws a word-level finding that would be fixed
    in turn (a loop in the making), or, for a replacement, any word-level finding (jargon
    swapped for jargon makes nothing plainer). An acronym's definition may keep technical
    words the run will not change: spelling the letters out is what that fix is for; and a
    spelled-out form that is jargon in turn may be rewritten by JL101 ("two-factor
    authentication (2FA)" -> "two-step sign-in (2FA)"), which JL102 still reads as a definition.
    An edit that only rearranges the writer's words (REORDERING_CODES: "refactoring caused the
    changes") answers for the words it brought in, not for the jargon it moved, which later
    passes fix as usual."""
    bad = set()
    for finding in result.findings:
        if not finding.code.startswith(WORD_CODES):
            continue
        refixed = finding.fix is not None and finding.fix.safety in allowed
        for index, (start, end) in enumerate(spans):
            if not (finding.start < end and finding.end > start):
                continue
            edit = edits[index]
            if edit.code in REORDERING_CODES and (new_text[finding.start:finding.end].lower()
                                                  in old_text[edit.start:edit.end].lower()):
                continue
            if edit.code != "JL102" or (refixed and finding.code != "JL101"):
                bad.add(index)
    return bad


def fix_document(document: Document, settings: Settings, unsafe: bool = False,
                 max_passes: int = MAX_PASSES) -> FixOutcome:
    """Lint, apply what may be applied, lint again, until nothing changes (see module doc)."""
    allowed = allowed_safeties(unsafe)
    banned: set[tuple[str, str, str]] = set()
    outcome = FixOutcome(text=document.text)
    current = document
    described: list[AppliedEdit] = []
    placed: list[tuple[int, int]] = []   # where each described edit now sits in the text
    pending: tuple[Document, list[Edit]] | None = None   # a pass not yet checked by a lint
    while True:
        result = _lint(current, settings)
        if pending is not None:
            base, edits = pending
            _, spans = apply_edits(base.text, edits)
            bad = _worse(result, edits, spans, allowed, base.text, current.text)
            if bad:
                banned.update(edits[i].key(base.text) for i in bad)
                kept = [e for i, e in enumerate(edits) if i not in bad]
                current = _redocument(base, apply_edits(base.text, kept)[0]) if kept else base
                pending = (base, kept) if kept else None
                continue
            placed = placed_after(edits, placed) + spans
            described.extend(_describe(base.text, edits))
            pending = None
        plan = plan_edits(current, result.findings, allowed, banned)
        if not plan:
            break
        if outcome.passes >= max_passes:
            outcome.settled = False
            break
        outcome.passes += 1
        pending = (current, plan)
        current = _redocument(current, apply_edits(current.text, plan)[0])
    outcome.text = current.text
    outcome.result = result
    # each edit with the sentence it ended up in (later passes may have changed it too)
    for edit, (start, end) in zip(described, placed):
        s0, s1 = sentence_around(current.text, start, end)
        outcome.edits.append(AppliedEdit(edit.code, edit.safety, edit.before, edit.after,
                                         edit.sentence_before, current.text[s0:s1]))
    return outcome


def placed_after(edits: list[Edit], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where spans of the text before `edits` were applied sit afterwards (a span that an
    edit touches grows to take in the replacement)."""
    def moved(position: int, right: bool) -> int:
        shift = 0
        for edit in edits:          # sorted, not overlapping
            if edit.end <= position:
                shift += len(edit.replacement) - (edit.end - edit.start)
            elif edit.start < position:   # inside an edit: to its replacement's edge
                return edit.start + shift + (len(edit.replacement) if right else 0)
            else:
                break
        return position + shift
    return [(moved(start, False), moved(end, True)) for start, end in spans]


def _describe(old: str, edits: list[Edit]) -> list[AppliedEdit]:
    """Each edit with its sentence before (the sentence after is filled in at the end)."""
    described = []
    for edit in edits:
        bounds = sentence_around(old, edit.start, edit.end)
        described.append(AppliedEdit(edit.code, edit.safety, old[edit.start:edit.end], edit.replacement,
                                     old[bounds[0]:bounds[1]], ""))
    return described


def fix_text(text: str, *, format: str = "text", unsafe: bool = False, path: str = "<text>",
             config: str | None = None, **settings) -> FixOutcome:
    """Fix one string (the Python counterpart of `jargonlint fix`); keyword settings as in
    lint_text (audience="technical", select=[...], model="none" ...)."""
    from .config import settings_for
    from .sources import FORMATS

    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r} (use {', '.join(FORMATS)})")
    resolved = settings_for(None, settings, config, discover=False)
    document = Document(path=path, text=text, prose=FORMATS[format](text), kind=format)
    return fix_document(document, resolved, unsafe=unsafe)


@dataclass
class FileFix:
    """A file's fix: the outcome, and the bytes to write (None when nothing changes)."""

    path: str
    outcome: FixOutcome | None
    original: str
    data: bytes | None = None
    display_only: bool = False


@dataclass(frozen=True)
class FixTask:
    """One file for fix_many: its bytes as read, the name to report, its settings."""

    raw: bytes
    name: str
    settings: Settings
    unsafe: bool = False
    forced: str | None = None


def _run_task(task: FixTask):
    from .errors import InputError

    try:
        return fix_bytes(task.raw, task.name, task.settings, task.unsafe, task.forced)
    except InputError as exc:
        return exc


def fix_many(tasks: list[FixTask], jobs: int | None = None):
    """fix_bytes over many files, in input order: a FileFix, or the InputError that file
    raised. Fixing lints each file two or three times, so a run of many files is spread over
    worker processes as linter.lint_documents spreads a check: the first file is fixed here
    (warming every cache), the rest in processes forked from this one (Linux only; elsewhere,
    one process). Writing stays with the caller, in the parent."""
    from .linter import can_fork, default_jobs, forked_imap

    jobs = default_jobs() if jobs is None else max(1, jobs)
    if not tasks:
        return
    yield _run_task(tasks[0])
    rest = tasks[1:]
    if jobs == 1 or len(rest) < 2 or not can_fork():
        yield from map(_run_task, rest)
        return
    workers = min(jobs, len(rest))
    yield from forked_imap(_run_task, rest, workers, chunksize=max(1, min(8, len(rest) // (4 * workers))))


def fix_bytes(raw: bytes, name: str, settings: Settings, unsafe: bool = False,
              forced: str | None = None) -> FileFix:
    """Fix a file's bytes; raises InputError when they cannot be fixed safely. Display-only
    documents (e-mail, mailboxes, Word and Outlook files, whose positions refer to extracted
    text) are returned unfixed. `forced` is the input format when not chosen by name."""
    from .errors import InputError
    from .sources import document_from_bytes
    from .writing import detect_encoding, round_trips

    document = document_from_bytes(raw, name, forced)
    if not document.editable:
        return FileFix(name, None, document.text, display_only=True)
    encoding = detect_encoding(raw)
    if not round_trips(raw, document.text, encoding):
        raise InputError(f"{name}: its bytes do not survive decoding and encoding unchanged, "
                         "so it is not fixed (lint it with `jargonlint check`)")
    if not document.prose.strip():
        return FileFix(name, FixOutcome(text=document.text, settled=True), document.text)
    outcome = fix_document(document, settings, unsafe=unsafe)
    data = encoding.encode(outcome.text) if outcome.text != document.text else None
    return FileFix(name, outcome, document.text, data)
