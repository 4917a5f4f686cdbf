"""Where an article file's bytes come from, read so that nothing can block or grow without bound.

In: a path (or an archive member). Out: a binary stream that is known to be a regular file's content, read in
chunks, with every bound (one article, one file, one archive) checked while reading. Named pipes, sockets, devices
and links to them are described (`special_kind`), never opened for reading: a FIFO waits for a writer forever and
/dev/zero never ends. Lines are split only at `\\n`, `\\r\\n` and `\\r` (JSON lines, CSV), never at the other
characters `str.splitlines` knows (U+2028, NEL, VT, FF, ...), which are valid inside a JSON string or a CSV cell.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from framing.errors import InputError

MB = 1024 * 1024
CHUNK = 1 * MB  # bytes read at a time from any stream
RATIO_FLOOR = 64 * MB  # the compression-ratio bound applies once this much has been unpacked


@dataclass(frozen=True)
class Limits:
    """The bounds every reader keeps; each message names the bound and the variable that raises it."""

    article_bytes: int = 100 * MB  # one article, record, line or page read as one piece
    file_bytes: int = 50 * 1024 * MB  # bytes streamed from one file or archive member
    unpacked_bytes: int = 16 * 1024 * MB  # bytes unpacked from one compressed file or archive, in all
    ratio: int = 200  # unpacked bytes per compressed byte (text compresses 3-10x; archive bombs 1,000x and more)
    members: int = 250_000  # members of one archive

    ENV = {
        "article_bytes": ("FRAMING_MAX_ARTICLE_MB", MB),
        "file_bytes": ("FRAMING_MAX_FILE_MB", MB),
        "unpacked_bytes": ("FRAMING_MAX_UNPACKED_MB", MB),
        "ratio": ("FRAMING_MAX_RATIO", 1),
        "members": ("FRAMING_MAX_MEMBERS", 1),
    }

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        """The defaults, with any FRAMING_MAX_* variable applied; a bad value raises InputError."""
        environ = os.environ if environ is None else environ
        values = {}
        for name, (variable, unit) in cls.ENV.items():
            raw = environ.get(variable, "").strip()
            if not raw:
                continue
            try:
                number = float(raw)
            except ValueError:
                raise InputError(f"{variable}={raw!r} is not a number; set it to a positive number") from None
            if number <= 0:
                raise InputError(f"{variable}={raw!r} must be positive")
            values[name] = int(number * unit)
        return cls(**values)

    def describe(self, name: str) -> str:
        """'100 MB (FRAMING_MAX_ARTICLE_MB)': a bound and how to change it, for messages."""
        variable, unit = self.ENV[name]
        value = getattr(self, name)
        shown = f"{value / MB:,.0f} MB" if unit == MB else f"{value:,}"
        return f"{shown} (set {variable} to change it)"


class LimitExceeded(InputError):
    """A size bound was hit while reading; the message names it."""


class ArchiveLimit(LimitExceeded):
    """An archive-bomb bound (unpacked size, ratio, member count) was hit; the rest of the archive is not read."""


class NotRegular(InputError):
    """The path is not a regular file (FIFO, socket, device, folder)."""


# ---------------------------------------------------------------- what a path is

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)", "reading it would wait for a writer without end"),
    (stat.S_ISSOCK, "a socket", "it is a connection, not stored text"),
    (stat.S_ISCHR, "a character device", "a device such as /dev/zero or /dev/urandom gives data without end"),
    (stat.S_ISBLK, "a block device (a disk or partition)", "it is a whole disk, not an article file"),
    (stat.S_ISDIR, "a folder", "give it as a folder path instead"),
)


def special_kind(mode: int) -> tuple[str, str] | None:
    """(what it is, why it is not read) for anything but a regular file; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, what, why in _KINDS:
        if test(mode):
            return what, why
    return "a special file", "it is not a regular file"


def special_reason(mode: int, link_target: str | None = None, given: bool = False) -> str:
    """The errors-table reason for a path that is not a regular file (or a link to one); `given`: the path was
    given as a corpus path itself, not found inside a folder."""
    what, why = special_kind(mode) or ("a regular file", "")
    if link_target is not None:
        reason = (f"is a symbolic link to {link_target}, which is {what}, not a regular file: not read ({why}); "
                  "remove the link or point it at an article file")
    else:
        reason = (f"is {what}, not a regular file: not read ({why}); save the articles as a regular file "
                  "(.txt, .jsonl, .csv, ...) and give that")
    return reason + ("; give a folder or a regular file of articles instead" if given else "")


def open_regular(path: str | os.PathLike) -> BinaryIO:
    """The file opened for reading, only if it is a regular file (checked before opening and again on the open
    descriptor, so a file swapped for a FIFO in between cannot block); raises NotRegular or OSError."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegular(special_reason(st.st_mode))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(special_reason(st.st_mode))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


# ---------------------------------------------------------------- bounded reading


def read_bounded(stream: BinaryIO, limit: int, what: str, limits: Limits, prefix: bytes = b"") -> bytes:
    """All of the stream (after `prefix`, already read), or LimitExceeded once it passes `limit` bytes."""
    parts = [prefix] if prefix else []
    size = len(prefix)
    while size <= limit:
        chunk = stream.read(min(CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
    raise LimitExceeded(f"{what} is larger than the limit of {limits.describe('article_bytes')} for one article; "
                        "split it into smaller files")


def chunks(stream: BinaryIO, limits: Limits, prefix: bytes = b"") -> Iterator[bytes]:
    """The stream in chunks of CHUNK bytes, stopping with LimitExceeded past limits.file_bytes."""
    total = 0
    if prefix:
        total = len(prefix)
        yield prefix
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return
        total += len(chunk)
        if total > limits.file_bytes:
            raise LimitExceeded(f"stopped after {limits.file_bytes / MB:,.0f} MB, the limit for one file "
                                f"({limits.describe('file_bytes')}); split the file")
        yield chunk


def physical_lines(pieces: Iterable[bytes], limit: int) -> Iterator[bytes | None]:
    """Lines with their terminator (`\\n`, `\\r\\n`, `\\r`, or none at the very end), as `sed` and the CSV and
    JSON-lines formats count them; None in place of a line longer than `limit` bytes, whose bytes are dropped."""
    carry = bytearray()
    overlong = False  # the line being gathered is already too long: its bytes are not kept
    keep = limit + 2  # a line's bytes with its terminator

    def emit() -> bytes | None:
        nonlocal carry, overlong
        line = None if overlong or len(carry) - line_end(carry) > limit else bytes(carry)
        carry = bytearray()
        overlong = False
        return line

    def gather(part: bytes) -> None:
        nonlocal carry, overlong
        if not overlong:
            carry += part
            if len(carry) > keep:
                overlong = True
        if overlong:  # drop the bytes, but keep a final \r: it may be the first half of a \r\n
            carry = bytearray(b"\r") if part.endswith(b"\r") else bytearray()

    for piece in pieces:
        if not piece:
            continue
        if carry.endswith(b"\r"):  # a \r at the end of the last piece: a \r\n split in two, or a lone \r
            if piece.startswith(b"\n"):
                carry += b"\n"
                piece = piece[1:]
            yield emit()
            if not piece:
                continue
        if b"\n" not in piece and b"\r" not in piece:
            gather(piece)
            continue
        parts = piece.splitlines(keepends=True)
        last = parts.pop()
        if last.endswith(b"\n"):  # the piece ends exactly at a line end (a final \r waits for the next piece)
            parts.append(last)
            last = b""
        for i, part in enumerate(parts):
            if i == 0 and (carry or overlong):
                gather(part)
                yield emit()
            else:
                yield None if len(part) - line_end(part) > limit else part
        if last:
            gather(last)
    if carry or overlong:
        yield emit()


def line_end(line: bytes | bytearray) -> int:
    """Length of the terminator at the end of a physical line (0, 1 or 2)."""
    if line.endswith(b"\r\n"):
        return 2
    if line.endswith((b"\n", b"\r")):
        return 1
    return 0
