"""Discovery: the paths a user gives in, the article files and manifests below them out.

In: files and folders. Out: article files (by extension), manifest files and problems (missing paths, files that
are not an article format, broken links, linked folders that are not followed). Folders are walked recursively in
sorted order; hidden files and folders and the patterns of a `.framingignore` file are skipped; a file reached by
two paths is listed once.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from framing.actors.gazetteer import ACTORS_FILE
from framing.load.manifest import MANIFEST_NAME
from framing.load.readers import ARTICLE_SUFFIXES, Problem

IGNORE_FILE = ".framingignore"


def _ignored(path: Path, root: Path, patterns: Sequence[str]) -> bool:
    rel = path.relative_to(root).as_posix()
    for pattern in patterns:
        p = pattern.rstrip("/")
        if fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(rel, p + "/*") or rel.startswith(p + "/"):
            return True
    return False


def ignore_patterns(folder: Path) -> list[str]:
    file = folder / IGNORE_FILE
    if not file.is_file():
        return []
    lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path], list[Problem]]:
    """Article files, manifest files and problems (missing paths, unsupported types) below the given paths."""
    files: list[Path] = []
    manifests: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key in seen:
            return
        seen.add(key)
        if path.name.lower() == MANIFEST_NAME:
            manifests.append(path)
        elif path.name.lower() == ACTORS_FILE:
            return  # the corpus's actors file (framing.actors), not an article
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            files.append(path)
        else:
            problems.append(Problem(str(path), f"skipped: {path.suffix or 'no'} extension is not an article format "
                                    f"({', '.join(sorted(ARTICLE_SUFFIXES))})", severity="warning"))

    for given in paths:
        root = Path(given)
        if root.is_dir():
            patterns = ignore_patterns(root)
            for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
                here = Path(dirpath)
                for d in dirnames:
                    if (here / d).is_symlink() and not d.startswith("."):
                        problems.append(Problem(str(here / d), "is a symbolic link to a folder and was not followed "
                                                "(links can loop); give its target as a path to include it",
                                                severity="warning"))
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (here / d).is_symlink()
                                     and not _ignored(here / d, root, patterns))
                for name in sorted(filenames):
                    path = here / name
                    if name.startswith(".") or _ignored(path, root, patterns):
                        continue
                    if path.is_symlink() and not path.exists():
                        problems.append(Problem(str(path), "is a broken symbolic link"))
                        continue
                    add(path)
        elif root.is_file():
            add(root)
            sibling = root.parent / MANIFEST_NAME
            if sibling.is_file() and sibling.resolve() not in seen:
                seen.add(sibling.resolve())
                manifests.append(sibling)
        else:
            problems.append(Problem(str(root), "does not exist; give a file or a folder of articles"))
    return files, manifests, problems
