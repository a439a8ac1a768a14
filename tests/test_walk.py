"""Walking folders: default and configured excludes, .gitignore inside git repositories,
symlinks, files named directly, force-exclude."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from jargonlint import sources, walk
from jargonlint.config import settings_for
from jargonlint.walk import WalkRules, expand_paths, repository_root

TEXT = "Your internet is working again.\n"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def make(root, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT, encoding="utf-8")


def found(root, rules: WalkRules | None = None, paths=None) -> list[str]:
    files, problems = expand_paths([str(p) for p in (paths or [root])],
                                   (lambda path, is_dir: rules) if rules else None)
    assert not [p for p in problems if "no files" not in p.message], problems
    return sorted(os.path.relpath(f, root).replace(os.sep, "/") for f in files)


def rules_from(root, **overrides) -> WalkRules:
    return WalkRules.from_settings(settings_for(str(root), overrides, is_dir=True))


def git_init(root) -> None:
    subprocess.run(["git", "init", "-q", str(root)], check=True, capture_output=True)


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "project"
    make(root, "a.md", "notes.txt", "page.html", "image.png", ".hidden.md", ".hidden/x.md",
         "node_modules/pkg/readme.md", "__pycache__/x.txt", "venv/doc.md", ".venv/doc.md",
         "build/out.md", "dist/out.md", "drafts/d.md", "sub/deeper/b.md")
    if repository_root(str(root)) is not None:
        pytest.skip("the temporary folder is inside a git repository")
    return root


def test_default_excludes(tree):
    assert found(tree) == ["a.md", "drafts/d.md", "notes.txt", "page.html", "sub/deeper/b.md"]


def test_defaults_live_in_a_data_file():
    assert {".*", "node_modules", "__pycache__", "venv", ".venv", "build", "dist", ".git"} <= set(
        walk.default_excludes())


def test_lintable_extensions_come_from_sources():
    assert walk.LINTABLE_EXTENSIONS is sources.LINTABLE_EXTENSIONS


def test_exclude_replaces_the_defaults(tree):
    got = found(tree, rules_from(tree, exclude=["drafts", "node_modules"]))
    assert "drafts/d.md" not in got and "node_modules/pkg/readme.md" not in got
    assert {".hidden.md", ".hidden/x.md", "build/out.md", "venv/doc.md"} <= set(got)


def test_extend_exclude_adds_to_the_defaults(tree):
    got = found(tree, rules_from(tree, extend_exclude=["drafts/", "*.html"]))
    assert got == ["a.md", "notes.txt", "sub/deeper/b.md"]


def test_config_patterns_are_relative_to_the_config_file(tree):
    (tree / ".jargonlint.toml").write_text('extend-exclude = ["/sub/deeper", "notes.*"]\n', encoding="utf-8")
    assert found(tree, rules_from(tree)) == ["a.md", "drafts/d.md", "page.html"]
    # walking the subfolder: the anchored pattern still means <project>/sub/deeper
    assert found(tree, rules_from(tree / "sub"), [tree / "sub"]) == []


def test_config_exclude_replaces_and_flags_win(tree):
    (tree / ".jargonlint.yaml").write_text("exclude: [drafts]\n", encoding="utf-8")
    assert "build/out.md" in found(tree, rules_from(tree))
    assert "drafts/d.md" in found(tree, rules_from(tree, exclude=["build"]))


def test_bad_exclude_config_is_one_clear_error(tree):
    from jargonlint.errors import ConfigError

    (tree / ".jargonlint.toml").write_text("exclude = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'exclude' must be a list of glob patterns"):
        rules_from(tree)


def test_excluded_folders_are_pruned_not_entered(tree, monkeypatch):
    make(tree, "node_modules/a/b/c/d.md")
    listed: list[str] = []
    real_scandir = os.scandir

    def counting(path):
        listed.append(os.path.basename(os.fspath(path)))
        return real_scandir(path)

    monkeypatch.setattr(walk.os, "scandir", counting)
    found(tree)
    assert not {"node_modules", "pkg", "a", ".hidden", "build", "venv"} & set(listed)
    assert listed.count("project") == 1


def test_folders_named_directly_are_walked_even_if_excluded(tree):
    assert found(tree, paths=[tree / "build"]) == ["build/out.md"]
    assert found(tree, paths=[tree / ".hidden"]) == [".hidden/x.md"]


def test_files_named_directly_are_linted_unless_force_exclude(tree):
    named = [tree / "build" / "out.md", tree / ".hidden.md", tree / "a.md"]
    assert found(tree, WalkRules(), named) == [".hidden.md", "a.md", "build/out.md"]
    forced = WalkRules(force_exclude=True)
    cwd = os.getcwd()
    os.chdir(tree)
    try:
        assert found(tree, forced, named) == ["a.md"]
        assert found(tree, forced, [tree / "build"]) == []
    finally:
        os.chdir(cwd)


def test_symlink_loop_terminates_with_each_file_once(tmp_path):
    root = tmp_path / "loop"
    make(root, "a/x.md", "a/b/y.md")
    try:
        os.symlink(root / "a", root / "a" / "b" / "back", target_is_directory=True)
        os.symlink(root, root / "a" / "root", target_is_directory=True)
        os.symlink(root / "a" / "x.md", root / "a" / "b" / "same.md")
        os.symlink(root / "missing.md", root / "broken.md")
    except (OSError, NotImplementedError):
        pytest.skip("symlinks are not available here")
    assert found(root) == ["a/b/y.md", "a/x.md"]     # x.md once: the file, not the link to it


@needs_git
class TestGitignore:
    @pytest.fixture
    def repo(self, tmp_path):
        root = tmp_path / "repo"
        root.mkdir()
        git_init(root)
        (root / ".gitignore").write_text("*.draft.md\ngenerated/\n# a comment\n", encoding="utf-8")
        make(root, "a.md", "x.draft.md", "generated/g.md", "secret.txt", "local.md",
             "docs/b.md", "docs/keep.draft.md", "docs/other.draft.md", "docs/secret.txt",
             "docs/inner/secret.txt", "docs/inner/c.md")
        (root / "docs" / ".gitignore").write_text("!keep.draft.md\n/secret.txt\n", encoding="utf-8")
        (root / "docs" / "inner" / ".gitignore").write_text("c.md\n", encoding="utf-8")
        (root / ".git" / "info").mkdir(exist_ok=True)
        (root / ".git" / "info" / "exclude").write_text("local.md\n", encoding="utf-8")
        return root

    def test_nested_gitignores_and_negations(self, repo):
        assert found(repo) == ["a.md", "docs/b.md", "docs/inner/secret.txt", "docs/keep.draft.md", "secret.txt"]

    def test_agrees_with_git(self, repo):
        listed = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"], cwd=repo,
                                check=True, capture_output=True, text=True).stdout.split()
        lintable = sorted(p for p in listed if p.endswith(walk.LINTABLE_EXTENSIONS) and not p.startswith("."))
        assert found(repo) == lintable

    def test_walking_a_subfolder_uses_the_gitignores_above_it(self, repo):
        assert found(repo, paths=[repo / "docs"]) == ["docs/b.md", "docs/inner/secret.txt", "docs/keep.draft.md"]

    def test_an_ignored_folder_named_directly_is_walked(self, repo):
        assert found(repo, paths=[repo / "generated"]) == ["generated/g.md"]

    def test_no_respect_gitignore(self, repo):
        got = found(repo, rules_from(repo, respect_gitignore=False))
        assert {"x.draft.md", "generated/g.md", "local.md", "docs/inner/c.md"} <= set(got)

    def test_respect_gitignore_false_in_config(self, repo):
        (repo / ".jargonlint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
        assert found(repo, rules_from(repo)) == found(repo, rules_from(repo, respect_gitignore=False))
        assert "x.draft.md" in found(repo, rules_from(repo))

    def test_force_exclude_applies_gitignore_to_named_files(self, repo):
        named = [repo / "x.draft.md", repo / "generated" / "g.md", repo / "docs" / "keep.draft.md"]
        assert len(found(repo, WalkRules(), named)) == 3
        assert found(repo, WalkRules(force_exclude=True), named) == ["docs/keep.draft.md"]

    def test_gitignore_outside_a_repository_is_not_used(self, repo):
        shutil.rmtree(repo / ".git")
        if repository_root(str(repo)) is not None:
            pytest.skip("the temporary folder is inside a git repository")
        assert "x.draft.md" in found(repo)

    def test_worktree_style_git_file_marks_a_repository(self, tmp_path):
        root = tmp_path / "worktree"
        make(root, "a.md", "b.draft.md")
        (root / ".git").write_text("gitdir: /elsewhere/.git/worktrees/x\n", encoding="utf-8")
        (root / ".gitignore").write_text("*.draft.md\n", encoding="utf-8")
        assert found(root) == ["a.md"]


class TestCli:
    def test_exclude_and_extend_exclude_options(self, cli, tree):
        def paths(*args):
            code, out, err = cli("check", "--model", "none", "--format", "json", *args, str(tree))
            assert code == 0, err
            return sorted(os.path.relpath(f["path"], tree) for f in json.loads(out)["files"])

        assert paths("--extend-exclude", "sub,*.html") == ["a.md", "drafts/d.md", "notes.txt"]
        assert "build/out.md" in paths("--exclude", "drafts")
        assert "drafts/d.md" not in paths("--exclude", "drafts", "--exclude", "node_modules")

    def test_score_and_explain_take_the_walk_options(self, cli, tree):
        code, out, _ = cli("score", "--model", "none", "--extend-exclude", "sub", str(tree))
        assert code == 0 and "b.md" not in out and "a.md" in out
        code, out, _ = cli("explain", "--model", "none", "--extend-exclude", "*.md,*.html", str(tree))
        assert code == 0 and "notes.txt" in out and "a.md" not in out

    def test_force_exclude_option(self, cli, tree, monkeypatch):
        monkeypatch.chdir(tree)
        code, out, _ = cli("check", "--model", "none", "--format", "json", "build/out.md", "a.md")
        assert len(json.loads(out)["files"]) == 2
        code, out, _ = cli("check", "--model", "none", "--format", "json", "--force-exclude", "build/out.md", "a.md")
        assert [f["path"] for f in json.loads(out)["files"]] == ["a.md"] and code == 0

    @needs_git
    def test_no_respect_gitignore_option(self, cli, tmp_path):
        root = tmp_path / "repo"
        make(root, "a.md", "b.draft.md")
        git_init(root)
        (root / ".gitignore").write_text("*.draft.md\n", encoding="utf-8")

        def count(*args):
            return len(json.loads(cli("check", "--model", "none", "--format", "json", *args, str(root))[1])["files"])

        assert count() == 1 and count("--no-respect-gitignore") == 2
