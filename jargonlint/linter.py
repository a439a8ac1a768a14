"""Orchestration: documents + settings -> FileResults. The only module that knows every stage.

    path --sources--> Document --nlp.pipe--> Doc --matching--> lexicon matches
         --rules--> findings --select/ignore, directives (suppression)--> kept --scoring--> FileResult
"""
from __future__ import annotations

import bisect
import functools
import os
import sys
from typing import Iterable, Iterator

from . import kinds, scoring, suppression, textstats
from .commitments import find_hedges
from .config import Settings
from .hidden_verbs import entries_not_in
from .lexicon import LexiconEntry, load_lexicons, stamps
from .matching import CompiledLexicon
from .models import Document, FileResult, Finding
from .nlp import Pipeline, build_pipeline
from .positions import LineIndex
from .resources import bundled_lexicon_files, data_yaml
from .rewrite import suggested_sentence
from .rules import RULES, RuleContext, code_matches, selected
from .segmentation import mark_sentences

BATCH_SIZE = 32


def _reject_entries(reject: tuple[tuple[str, str], ...]) -> tuple[LexiconEntry, ...]:
    """Words the project's vocabulary bans, as lexicon entries reported by JL101."""
    entries = []
    for term, plain in reject:
        entries.append(LexiconEntry(
            term=term, kind="acronym" if term.isupper() and len(term) > 1 else "jargon",
            category="vocabulary", explain="Your project's vocabulary lists this as a word to avoid.",
            action="replace" if plain else "suggest", safety="unsafe" if plain else "display",
            audiences=("business", "staff", "technical"), example=term, plain=(plain,) if plain else (),
            lexicon="vocabulary", source="config: vocabulary.reject"))
    return tuple(entries)


@functools.lru_cache(maxsize=16)
def compiled_lexicon(model: str, paths: tuple[str, ...], file_stamps: tuple | None,
                     reject: tuple[tuple[str, str], ...], use_cache: bool) -> CompiledLexicon:
    """Lexicons for one settings combination, compiled once per process (again if a file
    changed: `file_stamps` is part of the key)."""
    entries = load_lexicons(paths, use_cache)
    banned = _reject_entries(reject)
    if banned:
        keys = {e.key() for e in banned}
        entries = tuple(e for e in entries if e.key() not in keys and not (
            {f.lower() for f in e.forms} & {k.lower() for k in keys})) + banned
    entries += entries_not_in(entries)
    return CompiledLexicon(entries, build_pipeline(model), use_cache=use_cache)


def lexicon_for(settings: Settings) -> CompiledLexicon:
    paths = (tuple(str(p) for p in bundled_lexicon_files()) if settings.builtin_lexicons else ()) + settings.lexicons
    return compiled_lexicon(settings.model, paths, stamps(paths), settings.reject, settings.use_cache)


def _place(findings: list[Finding], document: Document) -> None:
    index = LineIndex(document.text)
    labels = document.line_labels
    for finding in findings:
        finding.line, finding.column = index.locate(finding.start)
        finding.end_line, finding.end_column = index.locate(finding.end)
        if labels and finding.line <= len(labels):
            finding.location = labels[finding.line - 1]


def _suggest_sentences(findings: list[Finding], text: str, starts: list[int], ends: list[int]) -> None:
    """Each fixable finding's sentence with its fix made (shown in every output format)."""
    for finding in findings:
        fix = finding.fix
        if fix is None:
            continue
        index = bisect.bisect_right(starts, fix.start) - 1
        bounds = (starts[index], ends[index]) if 0 <= index < len(ends) else None
        finding.suggested_sentence = suggested_sentence(text, fix.start, fix.end, fix.replacement, bounds)


def lint_parsed(document: Document, doc, pipeline: Pipeline, settings: Settings,
                lexicon: CompiledLexicon | None = None) -> FileResult:
    """Rules and scores for one document already run through the pipeline."""
    profile = data_yaml("audiences.yaml")[settings.audience]
    lexicon = lexicon or lexicon_for(settings)
    all_matches = lexicon.find(doc, pipeline.has_model, document.prose)
    accept = settings.accept
    if accept:
        all_matches = [m for m in all_matches
                       if m.text.lower() not in accept and m.entry.term.lower() not in accept]
    matches = [m for m in all_matches if settings.audience in m.entry.audiences]
    stats = textstats.count(doc, document.prose, pipeline.has_model)
    read = scoring.readability(stats)
    kind = kinds.decide(document, settings.kind_for(document.path))
    hedges = find_hedges(document.prose, stats)
    vague = sum(1 for m in matches if m.entry.kind == "vague" and m.entry.category != "vague-quantity")
    technical = scoring.technical_sentences(
        stats, (m.start for m in matches if m.entry.kind in ("jargon", "acronym")))
    relevance = scoring.relevance(stats, technical, vague + len(hedges))
    covered = bytearray(len(document.prose))
    for m in all_matches:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    ctx = RuleContext(document=document, doc=doc, has_model=pipeline.has_model,
                      audience=settings.audience, profile=profile, matches=matches,
                      all_matches=all_matches, stats=stats, readability=read, accept=accept,
                      options=settings.rule_options, severities=settings.severities,
                      sentence_starts=stats.sentence_starts, covered=covered, lexicon=lexicon,
                      document_kind=kind.kind, hedges=hedges, relevance=relevance)
    # per-file-ignores match the file: an mbox message's path is "inbox.mbox#3"
    ignored = settings.ignored_for(document.meta.get("mailbox", document.path))
    rules = [rule for rule in selected(settings.select, settings.ignore)
             if not (ignored and code_matches(rule.code, ignored))]
    findings: list[Finding] = []
    for rule in rules:
        if not rule.after_suppression:
            findings.extend(rule.check(ctx))
    findings, suppressed = _suppress(findings, document, ctx, rules)
    findings.sort(key=Finding.sort_key)
    _place(findings, document)
    _suggest_sentences(findings, document.text, stats.sentence_starts, stats.sentence_ends)
    # scores come from the findings that are left: a directive is a decision like --ignore
    scores = scoring.score(stats, findings, relevance)
    return FileResult(path=document.path, kind=document.kind, audience=settings.audience,
                      words=stats.words, findings=findings, scores=scores, meta=dict(document.meta),
                      suppressed=suppressed, notice=document.notice, document_kind=kind)


def _suppress(findings: list[Finding], document: Document, ctx: RuleContext,
              rules: list) -> tuple[list[Finding], int]:
    """Apply the document's directives, then run the rules that report on the directives."""
    directives = suppression.parse(document)
    if directives is None:
        return findings, 0
    findings, suppressed = directives.apply(findings)
    directives.settle(frozenset(rule.code for rule in rules), RULES)
    ctx.suppressions = directives
    about_directives = [f for rule in rules if rule.after_suppression for f in rule.check(ctx)]
    about_directives, more = directives.apply(about_directives)
    return findings + about_directives, suppressed + more


def empty_result(document: Document, settings: Settings) -> FileResult:
    notice = document.notice or "empty file: nothing to lint"
    return FileResult(path=document.path, kind=document.kind, audience=settings.audience, words=0,
                      findings=[], scores=None, meta=dict(document.meta), notice=notice)


def lint_documents(items: Iterable[tuple[Document, Settings]], jobs: int | None = None) -> Iterator[FileResult]:
    """Lint many documents, batching them through spaCy per pipeline; results in input order.

    With more than one job and enough documents, batches after the first are linted in
    worker processes forked from this one: they inherit the loaded pipeline, lexicons and
    tables, so a worker costs a fork, not a start-up (Linux only; elsewhere, one process)."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    items = iter(items)
    first = next(items, None)
    if first is None:
        return
    yield from _lint_batch([first])  # serially: warms every cache the workers will inherit
    batches = _batches(items)
    if jobs == 1 or not can_fork():
        for batch in batches:
            yield from _lint_batch(batch)
        return
    pending = list(batches)
    if len(pending) < 2:
        for batch in pending:
            yield from _lint_batch(batch)
        return
    for results in forked_imap(_lint_batch, pending, jobs, chunksize=1):
        yield from results


def forked_imap(function, items: list, jobs: int, chunksize: int) -> Iterator:
    """function(item) for each item, in order, computed in up to `jobs` processes forked from
    this one (they inherit its loaded pipeline, lexicons and tables). Callers check can_fork()
    and do the first item here, so that the caches are warm before the fork."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(min(jobs, len(items))) as pool:
        yield from pool.imap(function, items, chunksize=chunksize)


def _batches(items: Iterable[tuple[Document, Settings]]) -> Iterator[list[tuple[Document, Settings]]]:
    batch: list[tuple[Document, Settings]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def default_jobs() -> int:
    """$JARGONLINT_JOBS, else the CPUs this process may use (at most 8)."""
    configured = os.environ.get("JARGONLINT_JOBS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        available = os.cpu_count() or 1
    return max(1, min(available, 8))


def can_fork() -> bool:
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _lint_batch(batch: list[tuple[Document, Settings]]) -> list[FileResult]:
    results: dict[int, FileResult] = {}
    by_model: dict[str, list[int]] = {}
    for index, (document, settings) in enumerate(batch):
        if not document.prose.strip():
            results[index] = empty_result(document, settings)
        else:
            by_model.setdefault(settings.model, []).append(index)
    for model, indexes in by_model.items():
        pipeline = build_pipeline(model)
        # compile before parsing (errors surface before any work), once per settings object
        lexicons = {id(batch[i][1]): lexicon_for(batch[i][1]) for i in indexes}
        texts = [batch[i][0].prose for i in indexes]
        for index, doc in zip(indexes, _parse(pipeline, texts)):
            document, settings = batch[index]
            results[index] = lint_parsed(document, doc, pipeline, settings, lexicons[id(settings)])
    return [results[i] for i in range(len(batch))]


def _parse(pipeline: Pipeline, texts: list[str]) -> Iterator:
    """Run texts through the pipeline. The blank pipeline is only the tokenizer plus our
    sentence boundaries, which we set here with the text in hand (cheaper than the component,
    which has to rebuild the text from the tokens)."""
    if pipeline.has_model:
        yield from pipeline.nlp.pipe(texts, batch_size=BATCH_SIZE)
        return
    for text, doc in zip(texts, pipeline.nlp.tokenizer.pipe(texts, batch_size=BATCH_SIZE)):
        yield mark_sentences(doc, text)
