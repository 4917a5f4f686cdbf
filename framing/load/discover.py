"""Discovery: the paths a user gives in, the article files and manifests below them out, one at a time.

In: files and folders. Out (`walk`): article files (by name: an article format, compressed or not, or an archive),
manifest files and problems, in a stable order: folders are walked recursively, their entries sorted by name.
Hidden files and folders and the patterns of a `.framingignore` file are skipped, and so, with a note, is a
corpus's own documentation (README.md, LICENSE.txt: readers.DOCUMENTATION_STEMS) unless it is named as a path; a
file reached by two paths is listed once; links to folders are reported, not followed (links can loop). Only regular files are listed:
named pipes, sockets, devices and links to them (/dev/zero, /dev/urandom) are reported without being opened.

Memory does not grow with the number of files: a folder's names are sorted in runs of SORT_RUN names, and a larger
folder's runs are kept in a temporary file and merged, so a folder of a million files is listed in a few MB.
"""

from __future__ import annotations

import fnmatch
import heapq
import os
import stat
import struct
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from framing.load.manifest import MANIFEST_NAME
from framing.load.outlets import OUTLETS_NAME
from framing.load.readers import Problem, accepted, documentation_reason, is_documentation, skipped_reason
from framing.load.sources import special_reason

IGNORE_FILE = ".framingignore"
# Files of a corpus folder that describe the corpus for a later stage and are never articles: the user's actors
# file (framing.actors.gazetteer.ACTORS_FILE), the user's terms file (framing.terms.TERMS_FILE) and the user's
# outlets (framing.load.outlets.OUTLETS_NAME), which walk() yields as ("outlets", path).
METADATA_FILES = frozenset({"actors.csv", "terms.csv", OUTLETS_NAME})
SORT_RUN = 100_000  # names of one folder sorted in memory at a time


def _ignored(rel: str, patterns: Sequence[str]) -> bool:
    for pattern in patterns:
        p = pattern.rstrip("/")
        if fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(rel, p + "/*") or rel.startswith(p + "/"):
            return True
    return False


def ignore_patterns(folder: Path) -> list[str]:
    file = folder / IGNORE_FILE
    try:
        if not stat.S_ISREG(os.stat(file).st_mode):
            return []
        with open(file, "rb") as fh:
            lines = fh.read(1 << 20).decode("utf-8", errors="replace").splitlines()
    except OSError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


# ---------------------------------------------------------------- sorted listing with bounded memory

def _entry_kind(entry: os.DirEntry) -> bytes:
    """f(ile), d(irectory), l(ink) or o(ther), from the folder listing itself (no extra system call on Linux)."""
    try:
        if entry.is_symlink():
            return b"l"
        if entry.is_dir(follow_symlinks=False):
            return b"d"
        if entry.is_file(follow_symlinks=False):
            return b"f"
    except OSError:
        pass
    return b"o"


def _spilled_run(fd: int, offset: int, size: int) -> Iterator[bytes]:
    """The records of one sorted run in the spill file, read back 64 KiB at a time (os.pread: the runs share one
    file and each keeps its own position)."""
    end = offset + size
    buffer = b""
    while offset < end or buffer:
        if len(buffer) < 2 or len(buffer) < 2 + struct.unpack_from("<H", buffer)[0]:
            if offset >= end:
                return
            data = os.pread(fd, min(1 << 16, end - offset), offset)
            offset += len(data)
            buffer += data
            continue
        length = struct.unpack_from("<H", buffer)[0]
        yield buffer[2 : 2 + length]
        buffer = buffer[2 + length :]


def sorted_entries(folder: str) -> Iterator[tuple[str, str]]:
    """(name, kind) of a folder's entries sorted by name; kind f(ile) / d(irectory) / l(ink) / o(ther).
    Raises OSError when the folder cannot be listed."""
    run: list[bytes] = []
    spill: BinaryIO | None = None
    spans: list[tuple[int, int]] = []

    def flush() -> None:
        nonlocal spill
        if spill is None:
            spill = tempfile.TemporaryFile(prefix="framing-names-")
        run.sort()
        start = spill.tell()
        spill.write(b"".join(struct.pack("<H", len(item)) + item for item in run))
        spans.append((start, spill.tell() - start))
        run.clear()

    with os.scandir(folder) as entries:
        for entry in entries:
            # NUL cannot occur in a file name and sorts first, so "name\0kind" sorts by name.
            run.append(os.fsencode(entry.name) + b"\0" + _entry_kind(entry))
            if len(run) >= SORT_RUN:
                flush()
    try:
        if spill is None:
            run.sort()
            merged: Iterable[bytes] = run
        else:
            if run:
                flush()
            spill.flush()
            merged = heapq.merge(*(_spilled_run(spill.fileno(), offset, size) for offset, size in spans))
        for item in merged:
            yield os.fsdecode(item[:-2]), chr(item[-1])
    finally:
        if spill is not None:
            spill.close()


# ---------------------------------------------------------------- the walk


class _Roots:
    """The folders walked so far (resolved), the files listed by name or through links: what a later path would
    list a second time."""

    def __init__(self) -> None:
        self.folders: list[tuple[Path, list[str]]] = []  # (resolved folder, its ignore patterns)
        self.files: set[str] = set()  # resolved paths of files given directly or reached through a link

    def covers(self, resolved: Path) -> bool:
        """True when walking a folder already walked (or being walked) reaches `resolved`."""
        for folder, patterns in self.folders:
            try:
                rel = resolved.relative_to(folder)
            except ValueError:
                continue
            parts = rel.parts
            if any(p.startswith(".") for p in parts):
                continue
            if parts and _ignored(rel.as_posix(), patterns):
                continue
            return True
        return False


def _kind_problem(path: Path) -> Problem:
    try:
        mode = os.lstat(path).st_mode
    except OSError as exc:
        return Problem(str(path), f"cannot be examined ({exc.strerror or exc}); check its permissions")
    return Problem(str(path), special_reason(mode))


def _link(path: Path, roots: _Roots) -> tuple[str, Path | Problem] | None:
    """What a symbolic link found in a folder yields: its target file, a problem, or nothing (target listed)."""
    try:
        st = os.stat(path)
    except OSError:
        target = os.readlink(path) if os.path.islink(path) else "?"
        return "problem", Problem(str(path), f"is a broken symbolic link (to {target}, which does not exist or "
                                             "loops); remove it or point it at an article file")
    if stat.S_ISDIR(st.st_mode):
        return "problem", Problem(str(path), "is a symbolic link to a folder and was not followed (links can loop); "
                                             "give its target as a path to include it", severity="warning")
    target = Path(os.path.realpath(path))
    if not stat.S_ISREG(st.st_mode):
        return "problem", Problem(str(path), special_reason(st.st_mode, str(target)))
    if str(target) in roots.files or (accepted(target.name) and roots.covers(target)):
        return None  # loaded once, under the file it points to
    roots.files.add(str(target))
    return "file", path


def walk(paths: Iterable[str | Path], manifests_only: bool = False) -> Iterator[tuple[str, Path | Problem]]:
    """("article", path), ("manifest", path), ("outlets", path) and ("problem", Problem) below the given paths, in
    order; with `manifests_only` just the manifests and outlets files (a quick first pass: folders are listed, files
    are not examined)."""
    roots = _Roots()
    for given in paths:
        root = Path(given)
        try:
            st = os.stat(root)
        except FileNotFoundError:
            if os.path.islink(root):
                if not manifests_only:
                    yield "problem", Problem(str(root), f"is a broken symbolic link (to {os.readlink(root)}); give "
                                                        "a file or a folder of articles")
                continue
            if not manifests_only:
                yield "problem", Problem(str(root), "does not exist; give a file or a folder of articles")
            continue
        except OSError as exc:
            if not manifests_only:
                yield "problem", Problem(str(root), f"cannot be examined ({exc.strerror or exc}); give a file or a "
                                                    "folder of articles")
            continue
        resolved = Path(os.path.realpath(root))
        if stat.S_ISDIR(st.st_mode):
            if roots.covers(resolved):
                continue
            patterns = ignore_patterns(root)
            walked_before = [folder for folder, _ in roots.folders]
            roots.folders.append((resolved, patterns))
            yield from _walk_folder(root, resolved, patterns, roots, walked_before, manifests_only)
        elif stat.S_ISREG(st.st_mode):
            if root.name.lower() == MANIFEST_NAME:
                yield "manifest", root
                continue
            if root.name.lower() == OUTLETS_NAME:
                yield "outlets", root
                continue
            for kind, name in (("manifest", MANIFEST_NAME), ("outlets", OUTLETS_NAME)):  # beside a file given
                sibling = root.parent / name
                if sibling.is_file() and os.path.realpath(sibling) not in roots.files:
                    roots.files.add(os.path.realpath(sibling))
                    yield kind, sibling
            if manifests_only:
                continue
            if str(resolved) in roots.files or roots.covers(resolved):
                continue
            roots.files.add(str(resolved))
            if accepted(root.name):
                yield "article", root
            else:
                yield "problem", _skipped(root)
        else:
            if not manifests_only:
                target = str(resolved) if os.path.islink(root) else None
                yield "problem", Problem(str(root), special_reason(st.st_mode, target, given=True))


def _skipped(path: Path) -> Problem:
    return Problem(str(path), skipped_reason(path.name), severity="warning")


def _folder_key(folder: Path) -> tuple[int, int]:
    st = os.stat(folder)
    return st.st_dev, st.st_ino


def _walk_folder(root: Path, resolved_root: Path, patterns: list[str], roots: _Roots, walked_before: list[Path],
                 manifests_only: bool) -> Iterator[tuple[str, Path | Problem]]:
    stack: list[tuple[Path, Path, str]] = [(root, resolved_root, "")]
    visited: set[tuple[int, int]] = set()  # (device, inode) of every folder walked: a bind mount cannot loop
    while stack:
        here, here_resolved, rel_here = stack.pop()
        try:
            key = _folder_key(here)
            if key in visited:
                if not manifests_only:
                    yield "problem", Problem(str(here), "is a folder already walked under another path (a bind mount "
                                                        "or a loop in the file system); it was not walked again: "
                                                        "give each folder once", severity="warning")
                continue
            visited.add(key)
            entries = sorted_entries(str(here))
            subfolders: list[tuple[Path, Path, str]] = []
            for name, kind in entries:
                if name.startswith("."):
                    continue
                rel = f"{rel_here}{name}"
                if patterns and _ignored(rel, patterns):
                    continue
                path = here / name
                if kind == "d":
                    target = here_resolved / name
                    if target not in walked_before:  # a folder walked as a path of its own is not listed twice
                        subfolders.append((path, target, rel + "/"))
                    continue
                if name.lower() == MANIFEST_NAME and kind == "f":
                    yield "manifest", path
                    continue
                if name.lower() == OUTLETS_NAME and kind == "f":
                    yield "outlets", path
                    continue
                if manifests_only and not (kind == "l" and name.lower() == MANIFEST_NAME):
                    continue
                if name.lower() in METADATA_FILES:
                    continue
                if accepted(name) and is_documentation(name) and kind in ("f", "l"):
                    yield "problem", Problem(str(path), documentation_reason(name), severity="warning")
                    continue
                if kind == "f":
                    if roots.files and str(here_resolved / name) in roots.files:
                        continue
                    yield ("article", path) if accepted(name) else ("problem", _skipped(path))
                elif kind == "l":
                    found = _link(path, roots)
                    if found is None:
                        continue
                    what, value = found
                    if what == "file" and name.lower() == MANIFEST_NAME:
                        yield "manifest", value
                    elif manifests_only:
                        continue
                    elif what == "file":
                        yield ("article", value) if accepted(name) else ("problem", _skipped(path))
                    else:
                        yield what, value
                else:
                    yield "problem", _kind_problem(path)
        except OSError as exc:
            if not manifests_only:
                yield "problem", Problem(str(here), f"folder cannot be listed ({exc.strerror or exc}); check its "
                                                    "permissions")
            continue
        stack.extend(reversed(subfolders))


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path], list[Problem]]:
    """Article files, manifest files (outlets files among them) and problems below the given paths, as lists (see
    `walk` for a stream)."""
    files: list[Path] = []
    manifests: list[Path] = []
    problems: list[Problem] = []
    for kind, value in walk(paths):
        if kind == "article":
            files.append(value)
        elif kind in ("manifest", "outlets"):
            manifests.append(value)
        else:
            problems.append(value)
    return files, manifests, problems
