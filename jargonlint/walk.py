"""Paths given on the command line -> the files to lint, in a stable order.

Folders are walked for the extensions the sources can read (sources.LINTABLE_EXTENSIONS).
The walk skips what `exclude` / `extend-exclude` name (defaults in data/walk.yaml) and, inside
a git repository, what its .gitignore files (nested ones too, with negations) and
.git/info/exclude ignore. Patterns use git's wildmatch rules through pathspec, so they mean
exactly what they mean to git. Each file and folder is judged once, as the walk reaches it:
excluded folders are pruned, not entered, and `os.scandir` supplies the file types without
another stat. Symlinked folders are never followed (a symlink loop cannot trap the walk);
symlinked files are linted, each real file once.

Files and folders named directly are linted even when excluded (pre-commit passes file names),
unless `force-exclude` is on. Inside a folder named directly that is itself excluded, patterns
are matched relative to that folder.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .models import InputProblem
from .resources import data_yaml
from .sources import LINTABLE_EXTENSIONS


def default_excludes() -> tuple[str, ...]:
    return tuple(data_yaml("walk.yaml")["default-exclude"])


@dataclass(frozen=True)
class WalkRules:
    """What to skip. `exclude` holds (base folder, pattern) pairs; an empty base means the
    folder being walked (the built-in defaults)."""

    exclude: tuple[tuple[str, str], ...] = tuple(("", p) for p in default_excludes())
    respect_gitignore: bool = True
    force_exclude: bool = False

    @classmethod
    def from_settings(cls, settings) -> WalkRules:
        exclude = settings.exclude if settings.exclude is not None else tuple(("", p) for p in default_excludes())
        return cls(tuple(exclude) + tuple(settings.extend_exclude), settings.respect_gitignore,
                   settings.force_exclude)


def _spec(patterns: list[str]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _relative(path: str, folder: str) -> str | None:
    """`path` relative to `folder` (both absolute and normalised), or None when outside it."""
    if path == folder:
        return ""
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    if path.startswith(prefix):
        return path[len(prefix):].replace(os.sep, "/")
    return None


def _as_entry(relative: str, is_dir: bool) -> str:
    return relative + "/" if is_dir else relative


class Excluder:
    """exclude / extend-exclude patterns for one walked root."""

    def __init__(self, rules: WalkRules, root: str):
        grouped: dict[str, list[str]] = {}
        for base, pattern in rules.exclude:
            grouped.setdefault(os.path.realpath(base) if base else "", []).append(pattern)
        self.specs = []
        for base, patterns in grouped.items():
            spec = _spec(patterns)
            anchor = base or root
            relative = _relative(root, anchor)
            # a root outside the base, or excluded itself (named on purpose): match inside it
            if relative is None or (relative and spec.match_file(_as_entry(relative, True))):
                anchor = root
            self.specs.append((anchor, spec))

    def excluded(self, path: str, is_dir: bool) -> bool:
        for anchor, spec in self.specs:
            relative = _relative(path, anchor)
            if relative and spec.match_file(_as_entry(relative, is_dir)):
                return True
        return False


def repository_root(folder: str) -> str | None:
    """The closest folder at or above `folder` with a .git folder or file (worktrees)."""
    current = folder
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


class GitIgnores:
    """The .gitignore files of one repository, loaded once per folder, applied as git does:
    the deepest file with a matching pattern decides, the last matching pattern in it wins,
    and .git/info/exclude comes last."""

    def __init__(self, repository: str):
        self.repository = repository
        self._specs: dict[str, object | None] = {}
        info = os.path.join(repository, ".git", "info", "exclude")
        self.info = self._read(info) if os.path.isfile(info) else None

    @staticmethod
    def _read(path: str):
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                return _spec(handle.read().splitlines())
        except OSError:
            return None

    def spec(self, folder: str, has_file: bool | None = None):
        """The folder's .gitignore as a spec (None without one); `has_file` saves a stat when
        the caller has listed the folder already."""
        if folder not in self._specs:
            path = os.path.join(folder, ".gitignore")
            exists = os.path.isfile(path) if has_file is None else has_file
            self._specs[folder] = self._read(path) if exists else None
        return self._specs[folder]

    def chain_to(self, folder: str) -> list[tuple[str, object]]:
        """(folder, spec) for every .gitignore from the repository root down to `folder`."""
        relative = _relative(folder, self.repository) or ""
        folders = [self.repository]
        for part in [p for p in relative.split("/") if p]:
            folders.append(os.path.join(folders[-1], part))
        return [(f, s) for f in folders if (s := self.spec(f)) is not None]

    def ignored(self, path: str, is_dir: bool, chain: list[tuple[str, object]]) -> bool:
        if os.path.basename(path) == ".git":
            return True
        for folder, spec in reversed(chain):
            relative = _relative(path, folder)
            if relative:
                decision = spec.check_file(_as_entry(relative, is_dir)).include
                if decision is not None:
                    return decision
        if self.info is not None:
            relative = _relative(path, self.repository)
            if relative:
                return bool(self.info.match_file(_as_entry(relative, is_dir)))
        return False

    def ignored_with_parents(self, path: str, is_dir: bool) -> bool:
        """Whether `path` or a folder above it (inside the repository) is ignored."""
        relative = _relative(path, self.repository)
        if not relative:
            return False
        parts = relative.split("/")
        current = self.repository
        for index, part in enumerate(parts):
            chain = self.chain_to(current)
            current = os.path.join(current, part)
            if self.ignored(current, is_dir or index < len(parts) - 1, chain):
                return True
        return False


def expand_paths(paths: list[str], rules_for: Callable[[str, bool], WalkRules] | None = None
                 ) -> tuple[list[str], list[InputProblem]]:
    """Files named directly are linted whatever their extension (unless force-exclude skips
    them); folders are walked. `rules_for(path, is_dir)` gives the walk settings for a path
    named on the command line (its config file's), defaults when not given."""
    rules_for = rules_for or (lambda path, is_dir: WalkRules())
    files: list[str] = []
    problems: list[InputProblem] = []
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            rules = rules_for(path, True)
            if rules.force_exclude and _named_path_excluded(path, True, rules):
                continue
            # a real file wins over a link to it; then the order is the paths' order
            found = sorted(_walk(path, rules, problems), key=lambda c: (c[2], c[0]))
            found = sorted((c for c in found if c[1] not in seen and not seen.add(c[1])), key=lambda c: c[0])
            if not found:
                problems.append(InputProblem(path, f"{path}: no files to lint here (looked for "
                                             f"{', '.join(LINTABLE_EXTENSIONS)}, outside excluded "
                                             "and git-ignored paths)"))
            files.extend(shown for shown, _, _ in found)
        elif os.path.exists(path):
            rules = rules_for(path, False)
            if rules.force_exclude and _named_path_excluded(path, False, rules):
                continue
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                files.append(path)
        else:
            problems.append(InputProblem(path, f"{path}: no such file or directory"))
    return files, problems


def _named_path_excluded(path: str, is_dir: bool, rules: WalkRules) -> bool:
    """force-exclude: a path named on the command line, judged like a walked one (its folders
    included), relative to the current folder."""
    real = os.path.realpath(path)
    parent = os.path.dirname(real)
    cwd = os.path.realpath(os.getcwd())
    anchor = cwd if _relative(real, cwd) else parent
    excluder = Excluder(rules, anchor)
    relative = _relative(real, anchor) or ""
    current = anchor
    parts = [p for p in relative.split("/") if p]
    for index, part in enumerate(parts):
        current = os.path.join(current, part)
        if excluder.excluded(current, is_dir or index < len(parts) - 1):
            return True
    if rules.respect_gitignore:
        repository = repository_root(real if is_dir else parent)
        if repository is not None and GitIgnores(repository).ignored_with_parents(real, is_dir):
            return True
    return False


def _walk(root: str, rules: WalkRules, problems: list[InputProblem]) -> Iterator[tuple[str, str, bool]]:
    """(path as shown, real path, is a symlink) of every lintable file under `root`."""
    real_root = os.path.realpath(root)
    excluder = Excluder(rules, real_root)
    gitignores = None
    chain: list[tuple[str, object]] = []
    if rules.respect_gitignore:
        repository = repository_root(real_root)
        if repository is not None:
            gitignores = GitIgnores(repository)
            chain = gitignores.chain_to(os.path.dirname(real_root)) if real_root != repository else []
            if gitignores.ignored(real_root, True, chain):
                chain = []          # an ignored folder named on purpose: only its own .gitignore files
    stack = [(real_root, root, chain)]
    while stack:
        folder, shown_folder, chain = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            problems.append(InputProblem(shown_folder, f"{shown_folder}: cannot read folder "
                                         f"({exc.strerror or exc})"))
            continue
        if gitignores is not None:
            spec = gitignores.spec(folder, any(e.name == ".gitignore" for e in entries))
            if spec is not None:
                chain = [*chain, (folder, spec)]
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                if not is_dir and not entry.name.lower().endswith(LINTABLE_EXTENSIONS):
                    continue
                if not is_dir and not entry.is_file():      # broken link, socket, symlinked folder
                    continue
            except OSError:
                continue
            if excluder.excluded(entry.path, is_dir):
                continue
            if gitignores is not None and gitignores.ignored(entry.path, is_dir, chain):
                continue
            shown = os.path.join(shown_folder, entry.name)
            if is_dir:
                stack.append((entry.path, shown, chain))
            else:
                link = entry.is_symlink()
                yield shown, os.path.realpath(entry.path) if link else entry.path, link
