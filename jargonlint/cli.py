"""Command line: check, fix, score, explain, rules, rule, lexicons. Exit codes: 0 clean, 1 findings at
the fail-on level (or a score under --min-score; for `fix`, a file changed or would change),
2 usage, config or input errors."""
from __future__ import annotations

import functools
import os
import sys
from collections import Counter
from typing import Any, Callable

import click

from . import __version__
from .errors import JargonlintError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13   # what a shell reports for a process ended by SIGPIPE
AUDIENCE_CHOICES = ("business", "staff", "technical")
# sources.FORMAT_NAMES, repeated so that `--help` does not import the readers
INPUT_FORMATS = ("text", "markdown", "html", "email", "mbox", "docx", "msg")
KIND_CHOICES = ("auto", "incident", "email", "report")   # jargonlint.kinds.KIND_CHOICES


def _want_color(stream) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _split_codes(values: tuple[str, ...]) -> list[str] | None:
    codes = [c for v in values for c in v.replace(" ", ",").split(",") if c]
    return codes or None


def lint_options(func: Callable) -> Callable:
    """Options shared by check, score and explain (flags win over config files)."""
    decorators = [
        click.argument("paths", nargs=-1, type=click.Path(), required=True),
        click.option("--audience", type=click.Choice(AUDIENCE_CHOICES), default=None,
                     help="Who reads the text: business (default), staff or technical."),
        click.option("--config", "config", type=click.Path(), default=None,
                     help="Use this config file instead of looking for one."),
        click.option("--select", multiple=True, help="Only rules whose code starts with these (e.g. JL1,JL201)."),
        click.option("--ignore", multiple=True, help="Skip rules whose code starts with these."),
        click.option("--kind", type=click.Choice(KIND_CHOICES), default=None,
                     help="Message kind: auto (default: detect), incident, email or report."),
        click.option("--model", default=None,
                     help="spaCy pipeline: auto (default: use an installed English model), none, or a name."),
        click.option("--stdin-filename", default=None,
                     help="Name to report for text read from '-' (its extension picks the format)."),
        click.option("--format-in", "format_in", type=click.Choice(INPUT_FORMATS), default=None,
                     help="Read every input as this format instead of choosing by extension and content."),
        click.option("--no-cache", is_flag=True, default=False, help="Do not read or write the lexicon cache."),
        click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
                     help="Worker processes for large runs (default: the CPU count, or $JARGONLINT_JOBS)."),
        click.option("--exclude", multiple=True, metavar="GLOB",
                     help="Skip these files and folders when walking folders, instead of the defaults "
                          "(hidden, node_modules, venv, build, dist...); .gitignore syntax, repeat or comma-separate."),
        click.option("--extend-exclude", multiple=True, metavar="GLOB",
                     help="Skip these too, on top of the defaults or --exclude."),
        click.option("--respect-gitignore/--no-respect-gitignore", default=None,
                     help="Skip files that .gitignore ignores, inside a git repository (default: on)."),
        click.option("--force-exclude/--no-force-exclude", default=None,
                     help="Apply the excludes and .gitignore to files named on the command line too "
                          "(as pre-commit passes them)."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _split_patterns(values: tuple[str, ...]) -> list[str] | None:
    patterns = [p.strip() for v in values for p in v.split(",") if p.strip()]
    return patterns or None


def _overrides(audience, select, ignore, model, no_cache, kind=None, jobs=None, exclude=(), extend_exclude=(),
               respect_gitignore=None, force_exclude=None, **extra) -> dict[str, Any]:
    values: dict[str, Any] = {"audience": audience, "select": _split_codes(select),
                              "ignore": _split_codes(ignore), "model": model, "kind": kind,
                              "exclude": _split_patterns(exclude),
                              "extend_exclude": _split_patterns(extend_exclude),
                              "respect_gitignore": respect_gitignore, "force_exclude": force_exclude}
    if no_cache:
        values["use_cache"] = False
    values.update(extra)
    return values


def _run(paths, overrides, config, stdin_filename, jobs=None, format_in=None):
    from .api import lint_paths

    return lint_paths(list(paths), config=config, stdin_filename=stdin_filename, jobs=jobs, format=format_in,
                      **overrides)


def handle_errors(func: Callable) -> Callable:
    """User errors -> one line on stderr and exit 2; never a traceback (JARGONLINT_DEBUG=1 shows it)."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except JargonlintError as exc:
            click.echo(f"jargonlint: error: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("jargonlint: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # the reader stopped reading (`jargonlint fix --diff | head`): stop quietly, as a
            # Unix tool killed by SIGPIPE would; stdout goes to /dev/null so that Python's
            # final flush does not fail again
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(EXIT_BROKEN_PIPE)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # a bug: say so in one line unless debugging
            if os.environ.get("JARGONLINT_DEBUG"):
                raise
            click.echo(f"jargonlint: internal error: {type(exc).__name__}: {exc} "
                       "(set JARGONLINT_DEBUG=1 for details and please report it)", err=True)
            sys.exit(EXIT_ERROR)
    return wrapper


def _report_problems(run) -> None:
    for problem in run.problems:
        click.echo(f"jargonlint: error: {problem.message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jargonlint")
def cli() -> None:
    """Lint IT provider messages for jargon, readability and business relevance."""


@cli.command()
@lint_options
@click.option("--format", "output_format", type=click.Choice(["text", "json", "sarif", "github"]),
              default="text", show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: warning).")
@click.option("--min-score", type=click.IntRange(0, 100), default=None,
              help="Exit 1 when a file's overall score is below this.")
@handle_errors
def check(paths, audience, config, select, ignore, kind, model, stdin_filename, format_in, no_cache, jobs,
          output_format, fail_on, min_score, **walk):
    """Lint files and folders ('-' reads standard input)."""
    from .config import settings_for
    from .formatters import FORMATTERS

    overrides = _overrides(audience, select, ignore, model, no_cache, kind, fail_on=fail_on, min_score=min_score,
                           **walk)
    run = _run(paths, overrides, config, stdin_filename, jobs, format_in)
    stream = sys.stdout
    click.echo(FORMATTERS[output_format](run, color=_want_color(stream) and output_format == "text"), nl=False)
    _report_problems(run)
    if run.problems:
        sys.exit(EXIT_ERROR)
    failed = False
    for result in run.results:
        settings = settings_for(result.path if result.path != "<stdin>" else None, overrides, config)
        level = settings.fail_level
        if level is not None and any(f.severity >= level for f in result.findings):
            failed = True
        if settings.min_score is not None and result.scores is not None and result.scores.overall < settings.min_score:
            failed = True
            click.echo(f"jargonlint: {result.path}: score {result.scores.overall} is below the minimum "
                       f"{settings.min_score}", err=True)
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


@cli.command()
@lint_options
@click.option("--unsafe-fixes", is_flag=True, default=False,
              help="Also apply unsafe fixes (probably right; the nuance may shift): review the result.")
@click.option("--diff", is_flag=True, default=False, help="Print a unified diff of the fixes; write nothing.")
@click.option("--stdout", "to_stdout", is_flag=True, default=False,
              help="Write the fixed text to standard output instead of the file ('-' always does).")
@handle_errors
def fix(paths, audience, config, select, ignore, kind, model, stdin_filename, format_in, no_cache, jobs,
        unsafe_fixes, diff, to_stdout, **walk):
    """Rewrite files in place with the plain-language fixes ('-' reads standard input).

    Safe fixes only, unless --unsafe-fixes. Exit 1 when a file changed (or would change with
    --diff), 0 when there was nothing to fix, 2 on errors. E-mail (.eml, .mbox), Word (.docx)
    and Outlook (.msg) files are display-only."""
    from .config import settings_for
    from .errors import InputError
    from .fixer import FixTask, fix_many
    from .sources import read_bytes
    from .walk import WalkRules, expand_paths
    from .writing import write_atomic

    overrides = _overrides(audience, select, ignore, model, no_cache, kind, **walk)

    def walk_rules(path: str, is_dir: bool) -> WalkRules:
        return WalkRules.from_settings(settings_for(path, overrides, config, is_dir=is_dir))

    files, problems = expand_paths([p for p in paths if p != "-"], walk_rules)
    messages = [p.message for p in problems]
    if "-" in paths:
        files.append("-")
    read: list[tuple[str, FixTask]] = []
    for path in files:
        try:
            if path == "-":
                name = stdin_filename or "<stdin>"
                settings = settings_for(stdin_filename, overrides, config)
                raw = sys.stdin.buffer.read(settings.max_file_size + 1)
                if len(raw) > settings.max_file_size:
                    raise InputError(f"{name}: standard input is larger than max-file-size")
            else:
                name = path
                settings = settings_for(path, overrides, config)
                raw = read_bytes(path, settings.max_file_size)
        except InputError as exc:
            messages.append(str(exc))
            continue
        read.append((path, FixTask(raw, name, settings, unsafe_fixes, format_in)))
    changed = 0
    for (path, task), result in zip(read, fix_many([task for _, task in read], jobs)):
        name, raw = task.name, task.raw
        if isinstance(result, InputError):
            messages.append(str(result))
            continue
        if result.display_only:
            click.echo(f"jargonlint: {name}: display-only (e-mail, Word and Outlook files are read as "
                       "extracted text): not fixed; see `jargonlint check` for the suggestions", err=True)
            if path == "-" and not diff:
                sys.stdout.buffer.write(raw)
            continue
        outcome = result.outcome
        if outcome is not None and not outcome.settled:
            click.echo(f"jargonlint: {name}: fixes still pending after {outcome.passes} passes; "
                       "run `fix` again", err=True)
        if result.data is not None:
            changed += 1
        if diff:
            if result.data is not None:
                click.echo(_unified_diff(result.original, outcome.text, name), nl=False)
            continue
        if path == "-" or to_stdout:
            sys.stdout.buffer.write(result.data if result.data is not None else raw)
            sys.stdout.buffer.flush()
            continue
        if result.data is not None:
            try:
                write_atomic(path, result.data)
            except InputError as exc:
                messages.append(str(exc))
                changed -= 1
                continue
            click.echo(f"jargonlint: fixed {name} ({_count(len(outcome.edits), 'edit')})", err=True)
    for message in messages:
        click.echo(f"jargonlint: error: {message}", err=True)
    if messages:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if changed else EXIT_OK)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _unified_diff(before: str, after: str, name: str) -> str:
    import difflib

    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=name, tofile=name)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


@cli.command()
@lint_options
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--min-score", type=click.IntRange(0, 100), default=None,
              help="Exit 1 when a file's overall score is below this.")
@handle_errors
def score(paths, audience, config, select, ignore, kind, model, stdin_filename, format_in, no_cache, jobs,
          output_format, min_score, **walk):
    """Show a table of scores per file (0-100, higher is plainer)."""
    import json

    from .config import settings_for

    overrides = _overrides(audience, select, ignore, model, no_cache, kind, min_score=min_score, **walk)
    run = _run(paths, overrides, config, stdin_filename, jobs, format_in)
    if output_format == "json":
        rows = [{"path": r.path, "words": r.words, "scores": r.scores.as_dict() if r.scores else None,
                 "document_kind": r.document_kind.as_dict() if r.document_kind else None}
                for r in run.results]
        click.echo(json.dumps({"version": 1, "pipeline": run.pipeline, "files": rows}, indent=2))
    else:
        width = max([len(r.path) for r in run.results] + [4])
        click.echo(f"{'file':<{width}}  {'words':>6}  {'overall':>7}  {'readab.':>7}  {'jargon':>6}  "
                   f"{'relev.':>6}  {'grade':>5}  {'jargon/100w':>11}")
        for r in run.results:
            if r.scores is None:
                click.echo(f"{r.path:<{width}}  {r.words:>6}  {r.notice}")
                continue
            s = r.scores
            grade = s.readability["flesch_kincaid_grade"]
            click.echo(f"{r.path:<{width}}  {r.words:>6}  {s.overall:>7}  {s.readability['score']:>7}  "
                       f"{s.jargon['score']:>6}  {s.relevance['score']:>6}  "
                       f"{grade if grade is not None else '-':>5}  {s.jargon['per_100_words']:>11}")
    _report_problems(run)
    if run.problems:
        sys.exit(EXIT_ERROR)
    below = [r for r in run.results if r.scores is not None
             and (m := settings_for(r.path, overrides, config).min_score) is not None and r.scores.overall < m]
    sys.exit(EXIT_FINDINGS if below else EXIT_OK)


@cli.command()
@lint_options
@click.option("--rewrite", is_flag=True, default=False,
              help="Also show the whole text rewritten with every safe and unsafe fix.")
@handle_errors
def explain(paths, audience, config, select, ignore, kind, model, stdin_filename, format_in, no_cache, jobs, rewrite,
            **walk):
    """A reading guide to a message you received: jargon in plain words, what it leaves out,
    the questions worth asking, then a verdict."""
    overrides = _overrides(audience, select, ignore, model, no_cache, kind, **walk)
    run = _run(paths, overrides, config, stdin_filename, jobs, format_in)
    for result in run.results:
        click.echo(_explain_text(result))
        if rewrite and result.scores is not None:
            click.echo(_rewritten_text(result, overrides, config, stdin_filename))
    _report_problems(run)
    sys.exit(EXIT_ERROR if run.problems else EXIT_OK)


_GLOSSARY_CODES = ("JL101", "JL102", "JL103", "JL105")


def _rewritten_text(result, overrides, config, stdin_filename) -> str:
    """The text of `result` with every safe and unsafe fix made, read again from its file
    (e-mail too: the rewrite is shown, never written)."""
    from .config import settings_for
    from .fixer import fix_document
    from .sources import read_documents

    if result.path == (stdin_filename or "<stdin>"):
        return "Rewritten: not available for standard input; use `jargonlint fix --unsafe-fixes -`.\n"
    if "mailbox" in result.meta:
        return "Rewritten: not available for a message inside a mailbox file.\n"
    settings = settings_for(result.path, overrides, config)
    document = next(read_documents(result.path, settings.max_file_size, settings.max_document_size))
    outcome = fix_document(document, settings, unsafe=True)
    heading = f"Rewritten ({_count(len(outcome.edits), 'edit')}, score "
    after = outcome.result.scores.overall if outcome.result and outcome.result.scores else "-"
    heading += f"{result.scores.overall} -> {after}/100):"
    return heading + "\n\n" + outcome.text.rstrip("\n") + "\n"


def _explain_text(result) -> str:
    from .resources import data_yaml

    guide = data_yaml("reading_guide.yaml")
    lines = [f"{result.path}", "=" * min(len(result.path), 79)]
    if result.document_kind is not None:
        lines.append(f"This reads as {guide['kind_names'][result.document_kind.kind]}.")
    seen: set[str] = set()
    items = []
    for f in result.findings:
        if not f.code.startswith(_GLOSSARY_CODES):
            continue
        key = " ".join(f.match.lower().split())   # a term may run over a wrapped line
        if key in seen:
            continue
        seen.add(key)
        items.append(f)
    if items:
        lines.append("Terms you may not know, in order of appearance:")
        for f in items:
            meaning = f.explanation or "not a common word; ask what it means"
            plain = f" Plainly: {f.suggestions[0]}." if f.suggestions and not f.suggestions[0].startswith("<") else ""
            lines.append(f"  - \"{' '.join(f.match.split())}\" (line {f.line}): {meaning}{plain}")
    else:
        lines.append("No jargon found.")
    lines.extend(_missing_and_questions(result, guide["missing"]))
    lines.append("")
    lines.append("Verdict: " + _verdict(result, len(items)))
    lines.append("")
    return "\n".join(lines)


def _missing_and_questions(result, missing: dict) -> list[str]:
    """What the message leaves out and the questions worth asking, chosen by the findings of
    the communication rules (data/reading_guide.yaml); nothing when nothing is missing."""
    found = {f.code for f in result.findings}
    rows = [row for code, row in missing.items() if code in found]
    if not rows:
        return []
    lines = ["", "What the message leaves out:"]
    lines += [f"  - {row['leaves_out'][0].upper()}{row['leaves_out'][1:]}." for row in rows]
    lines += ["", "Questions worth asking your provider:"]
    asked: list[str] = []
    for row in rows:
        if row["ask"] not in asked:
            asked.append(row["ask"])
    lines += [f"  - \"{question}\"" for question in asked]
    return lines


def _verdict(result, terms: int) -> str:
    s = result.scores
    if s is None:
        return "the message is empty."
    grade = s.readability["flesch_kincaid_grade"]
    density = s.jargon["per_100_words"]
    if s.overall >= 75 and terms <= 1:
        return f"a clear message (score {s.overall}/100): plain words and reads at grade {grade}."
    if s.jargon["score"] < 50:
        return (f"heavy on jargon ({terms} terms, {density} per 100 words; score {s.overall}/100): "
                "ask your provider what it means for your business and what you need to do.")
    if grade is not None and grade > 12:
        return (f"hard going (reads at grade {grade}; score {s.overall}/100): the facts are there, "
                "but ask for a shorter summary in plain words.")
    return (f"mostly understandable (score {s.overall}/100, {terms} unfamiliar terms): "
            "check the terms above before you act on it.")


@cli.command("rules")
def rules_command() -> None:
    """List every rule with its code, name, default severity and summary."""
    from .rules import RULES

    width = max(len(rule.name) for rule in RULES.values())
    for rule in RULES.values():
        model = " (uses a model when installed)" if rule.needs_model else ""
        click.echo(f"{rule.code}  {rule.name:<{width}} {rule.severity.label:<8} {rule.summary()}{model}")


@cli.command("rule")
@click.argument("code")
def rule_command(code: str) -> None:
    """Show the documentation of one rule (by code or name)."""
    from .rules import get_rule

    rule = get_rule(code)
    if rule is None:
        click.echo(f"jargonlint: error: unknown rule {code!r} (see `jargonlint rules`)", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"{rule.code} {rule.name} (default severity: {rule.severity.label})\n")
    click.echo(rule.docs())
    if rule.options:
        click.echo("\n## Options")
        for name, default in rule.options.items():
            click.echo(f"- {name.replace('_', '-')} (default: {default if default is not None else 'per audience'})")


@cli.group("lexicons")
def lexicons_group() -> None:
    """Inspect and validate lexicons."""


@lexicons_group.command("list")
@handle_errors
def lexicons_list() -> None:
    """Entries per lexicon file and per category."""
    from .lexicon import read_lexicon
    from .resources import bundled_lexicon_files

    total = 0
    categories: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for path in bundled_lexicon_files():
        lexicon = read_lexicon(path)
        total += len(lexicon.entries)
        categories.update(e.category for e in lexicon.entries)
        kinds.update(e.kind for e in lexicon.entries)
        click.echo(f"{path.name:<28} {len(lexicon.entries):>5}  {lexicon.title}")
    click.echo(f"{'total':<28} {total:>5}")
    click.echo("\nby kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    click.echo("by category: " + ", ".join(f"{k} {n}" for k, n in categories.most_common()))


@lexicons_group.command("check")
@click.argument("paths", nargs=-1, type=click.Path(), required=True)
@click.option("--examples", is_flag=True, default=False,
              help="Also run every entry's example and counterexamples through the linter "
                   "(on each installed pipeline), and check its plain alternative and fix.")
def lexicons_check(paths, examples) -> None:
    """Validate lexicon files or folders of them (exit 2 when one is broken or, with
    --examples, fails a check)."""
    from pathlib import Path

    from .lexicon import load_lexicons, read_lexicon
    from .resources import bundled_lexicon_files

    failed = False
    # a folder stands for the YAML files in it ("jargonlint lexicons check lexicons/")
    paths = [str(f) for p in paths for f in (sorted(Path(p).glob("*.y*ml")) if Path(p).is_dir() else [p])]
    if not paths:
        click.echo("jargonlint: error: no lexicon files (*.yaml, *.yml) in the folders given", err=True)
        sys.exit(EXIT_ERROR)
    for path in paths:
        try:
            lexicon = read_lexicon(Path(path))
            click.echo(f"{path}: ok ({len(lexicon.entries)} entries)")
        except JargonlintError as exc:
            click.echo(f"jargonlint: error: {exc}", err=True)
            failed = True
    if failed:
        sys.exit(EXIT_ERROR)
    mine = tuple(str(Path(p).resolve()) for p in paths)
    others = tuple(str(b) for b in bundled_lexicon_files() if str(Path(b).resolve()) not in mine)
    try:
        entries = load_lexicons(others + mine, False)
    except JargonlintError as exc:
        click.echo(f"jargonlint: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    if examples:
        problems = _example_problems([e for e in entries if str(Path(e.source).resolve()) in mine], others + mine)
        for problem in problems:
            click.echo(f"jargonlint: error: {problem}", err=True)
        if problems:
            click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}", err=True)
            sys.exit(EXIT_ERROR)
        click.echo("examples, counterexamples, plain alternatives and fixes: ok")
    sys.exit(EXIT_OK)


def _example_problems(entries, lexicon_paths) -> list[str]:
    from . import lexicon_check
    from .config import Settings
    from .lexicon import load_lexicons
    from .linter import lexicon_for
    from .nlp import build_pipeline, resolve_model

    problems = lexicon_check.check_text(entries)
    problems += lexicon_check.check_near_duplicates(load_lexicons(tuple(lexicon_paths), False), only=entries)
    models = ["none"] + (["auto"] if resolve_model("auto") else [])
    for model in models:
        settings = Settings(model=model, builtin_lexicons=False, lexicons=lexicon_paths, use_cache=False)
        pipeline, lexicon = build_pipeline(model), lexicon_for(settings)
        problems += lexicon_check.check_matching(entries, lexicon, pipeline)
        if model == "none":
            problems += lexicon_check.check_plain(entries, lexicon, pipeline)
    problems += lexicon_check.check_rules_and_fixes(
        entries, {"model": "none", "builtin_lexicons": False, "lexicons": list(lexicon_paths)})
    return problems


@lexicons_group.command("show")
@click.argument("term")
@handle_errors
def lexicons_show(term: str) -> None:
    """Show the entry for a term: plain alternatives and explanation."""
    from .lexicon import load_lexicons
    from .resources import bundled_lexicon_files

    entries = load_lexicons(tuple(str(p) for p in bundled_lexicon_files()))
    wanted = term.strip()
    hits = [e for e in entries if any(f == wanted or (not e.case_sensitive and f.lower() == wanted.lower())
                                      for f in e.forms)]
    if not hits:
        click.echo(f"jargonlint: error: no lexicon entry for {term!r}", err=True)
        sys.exit(EXIT_ERROR)
    for e in hits:
        click.echo(f"{e.term}  ({e.kind}, {e.category}; {os.path.basename(e.source)}:{e.line})")
        if e.expansion:
            click.echo(f"  stands for: {e.expansion}")
        if e.plain:
            click.echo(f"  plain: {', '.join(e.plain)}")
        click.echo(f"  means: {e.explain}")
        click.echo(f"  action: {e.action} ({e.safety}); jargon for: {', '.join(e.audiences)}")
        if e.variants:
            click.echo(f"  variants: {', '.join(e.variants)}")
        click.echo(f"  example: {e.example}")


def main(argv: list[str] | None = None) -> int:
    """Entry point for the console script and `python -m jargonlint`."""
    try:
        cli.main(args=argv, prog_name="jargonlint", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_ERROR)
    return EXIT_OK
