"""Packed corpora: compressed files and archives read as if unpacked, streamed, never written to disk.

In: a `.gz` / `.bz2` / `.xz` file (one file of any accepted format, `a.jsonl.gz`) or a `.zip` / `.tar` /
`.tar.gz` / `.tgz` / `.tar.bz2` / `.tar.xz` archive of articles. Out: a stream of the unpacked bytes, or the
archive's members one at a time as (`bundle.zip!/folder/a.txt`, stream). Bounds against archive bombs are kept
while unpacking — bytes unpacked in all, unpacked bytes per compressed byte, members — and the message says which
was hit. Members that are not regular files (links, devices), hidden members and macOS `__MACOSX/` forks are not
read; a member's name is only ever a label (nothing is extracted, so `../` in a name can do no harm).
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import stat
import struct
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from framing.load.sources import CHUNK, MB, RATIO_FLOOR, ArchiveLimit, Limits

COMPRESSIONS = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz", ".lzma": "xz"}
TAR_SUFFIXES = {".tar": None, ".tar.gz": "gzip", ".tgz": "gzip", ".tar.bz2": "bzip2", ".tbz2": "bzip2",
                ".tbz": "bzip2", ".tar.xz": "xz", ".txz": "xz"}
ARCHIVE_SUFFIXES = {".zip", *TAR_SUFFIXES}
# Errors of a broken archive or compressed stream, from the standard library's modules.
BROKEN = (zipfile.BadZipFile, tarfile.TarError, gzip.BadGzipFile, lzma.LZMAError, EOFError, OSError, ValueError,
          NotImplementedError, zipfile.LargeZipFile, struct.error)


def archive_kind(name: str) -> tuple[str, str | None] | None:
    """('zip', None) or ('tar', compression) for an archive's file name; None for anything else."""
    lower = name.lower()
    if lower.endswith(".zip"):
        return "zip", None
    for suffix in sorted(TAR_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return "tar", TAR_SUFFIXES[suffix]
    return None


def compression_of(name: str) -> tuple[str, str] | None:
    """(compression, inner name) for `a.jsonl.gz`; None when the name has no compression suffix."""
    lower = name.lower()
    for suffix, kind in COMPRESSIONS.items():
        if lower.endswith(suffix) and len(name) > len(suffix):
            return kind, name[: -len(suffix)]
    return None


@dataclass
class Budget:
    """What one compressed file or archive has unpacked so far, against the bounds."""

    limits: Limits
    label: str  # the archive's path, for messages
    unpacked: int = 0

    def add(self, n: int, compressed: int) -> None:
        self.unpacked += n
        if self.unpacked > self.limits.unpacked_bytes:
            raise ArchiveLimit(f"stopped after unpacking {self.unpacked / MB:,.0f} MB: the bound on the total unpacked "
                               f"size of one archive is {self.limits.describe('unpacked_bytes')}; nothing after this "
                               "point was read: unpack it yourself if it is genuine")
        if self.unpacked > RATIO_FLOOR and self.unpacked > self.limits.ratio * max(compressed, 1):
            raise ArchiveLimit(f"stopped after unpacking {self.unpacked / MB:,.0f} MB from "
                               f"{max(compressed, 1) / MB:,.2f} MB: the bound on the compression ratio was hit "
                               f"(at most {self.limits.describe('ratio')} unpacked bytes per packed byte), as by an "
                               "archive bomb; nothing after this point was read: unpack it yourself if it is "
                               "genuine")


class Unpacked(io.RawIOBase):
    """A decompressing stream that charges every byte it returns to a Budget."""

    def __init__(self, inner: BinaryIO, budget: Budget, compressed: Callable[[], int],
                 also_close: BinaryIO | None = None) -> None:
        self.inner = inner
        self.budget = budget
        self.compressed = compressed
        self.also_close = also_close  # the packed file under a decompressor, which does not close it

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(CHUNK if size is None or size < 0 else min(size, CHUNK))
        self.budget.add(len(data), self.compressed())
        return data

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self.inner.close()
            if self.also_close is not None:
                self.also_close.close()
        finally:
            super().close()


def decompressor(kind: str, raw: BinaryIO) -> BinaryIO:
    if kind == "gzip":
        return gzip.GzipFile(fileobj=raw, mode="rb")
    if kind == "bzip2":
        return bz2.BZ2File(raw, mode="rb")
    return lzma.LZMAFile(raw, mode="rb")


def unpacked(kind: str, raw: BinaryIO, budget: Budget) -> BinaryIO:
    """The decompressed content of `raw`, charged to `budget` against the compressed bytes read so far."""
    return Unpacked(decompressor(kind, raw), budget, raw.tell, also_close=raw)


# ---------------------------------------------------------------- members


@dataclass(frozen=True)
class Member:
    name: str  # path inside the archive, without a leading "/" or "./"
    open: Callable[[], BinaryIO] | None  # None: not a regular file (see `skip`)
    size: int | None = None
    skip: str | None = None  # why it is not read (a link, a device, encrypted)


def _clean_name(name: str) -> str:
    name = name.replace("\\", "/")
    while name.startswith(("./", "/")):
        name = name[2:] if name.startswith("./") else name[1:]
    return name


def hidden(name: str) -> bool:
    """Hidden members (any part starting with '.') and macOS resource forks are skipped like hidden files."""
    parts = [p for p in name.split("/") if p]
    return not parts or any(p.startswith(".") for p in parts) or parts[0] == "__MACOSX"


def zip_member_count(fh: BinaryIO) -> int | None:
    """The member count of a zip's end-of-central-directory record, read before the directory itself is loaded
    (a directory of millions of entries would fill memory); None when the record is not found."""
    fh.seek(0, io.SEEK_END)
    size = fh.tell()
    tail_size = min(size, 65536 + 22)
    fh.seek(size - tail_size)
    tail = fh.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        fh.seek(0)
        return None
    count = struct.unpack("<H", tail[at + 10 : at + 12])[0]
    locator = tail.rfind(b"PK\x06\x07", 0, at)  # zip64: the count is in the zip64 end record
    if count == 0xFFFF and locator >= 0:
        offset = struct.unpack("<Q", tail[locator + 8 : locator + 16])[0]
        fh.seek(offset)
        record = fh.read(56)
        if record[:4] == b"PK\x06\x06":
            count = struct.unpack("<Q", record[32:40])[0]
    fh.seek(0)
    return count


def zip_members(fh: BinaryIO, budget: Budget) -> Iterator[Member]:
    limits = budget.limits
    count = zip_member_count(fh)
    if count is not None and count > limits.members:
        raise ArchiveLimit(f"holds {count:,} members, over the bound of {limits.describe('members')} members per "
                           "archive: nothing was read; split it into smaller archives or unpack it")
    archive = zipfile.ZipFile(fh)
    infos = archive.infolist()
    if len(infos) > limits.members:
        raise ArchiveLimit(f"holds {len(infos):,} members, over the bound of {limits.describe('members')} members "
                           "per archive: nothing was read; split it into smaller archives or unpack it")
    for info in infos:
        if info.is_dir():
            continue
        name = _clean_name(info.filename)
        mode = info.external_attr >> 16
        if mode and not stat.S_ISREG(mode) and stat.S_IFMT(mode):
            yield Member(name, None, skip=_member_kind(mode))
            continue
        if info.flag_bits & 0x1:
            yield Member(name, None, skip="is encrypted: not read; unpack it with its password and give the files")
            continue

        def opener(info=info) -> BinaryIO:
            return Unpacked(archive.open(info), budget, lambda info=info: info.compress_size)

        yield Member(name, opener, info.file_size)


def tar_members(stream: BinaryIO, budget: Budget) -> Iterator[Member]:
    """Members of a tar stream, in order; each must be read before the next is asked for."""
    limits = budget.limits
    archive = tarfile.open(fileobj=stream, mode="r|")
    count = 0
    for info in archive:
        archive.members = []  # stream mode keeps every TarInfo otherwise: memory would grow with the archive
        count += 1
        if count > limits.members:
            raise ArchiveLimit(f"holds more than {limits.members:,} members, the bound of "
                               f"{limits.describe('members')} members per archive: the rest was not read; split "
                               "it into smaller archives or unpack it")
        if info.isdir():
            continue
        name = _clean_name(info.name)
        if not info.isreg():
            what = ("a symbolic link" if info.issym() else "a hard link" if info.islnk() else
                    "a named pipe (FIFO)" if info.isfifo() else "a device" if info.isdev() else "a special entry")
            yield Member(name, None, skip=f"is {what} inside the archive, not a regular file: not read; pack the "
                                          "article file itself")
            continue
        yield Member(name, lambda info=info: archive.extractfile(info), info.size)


def _member_kind(mode: int) -> str:
    what = ("a symbolic link" if stat.S_ISLNK(mode) else "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special entry")
    return f"is {what} inside the archive, not a regular file: not read; pack the article file itself"
