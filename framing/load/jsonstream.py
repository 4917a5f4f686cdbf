"""JSON read as a stream of records, so that memory follows the largest record, not the file.

In: the text of a .json file in chunks. Out: `Record`s (each value with its number and the line it starts on) and
`Failure`s. Shapes: a list of records, an object whose "articles" is a list of records, one record, or records one
after another (JSON lines saved as .json). Each value is parsed by the standard library's `raw_decode` over a
sliding buffer; a value cut by a chunk boundary is retried with more text. Control characters inside strings are
accepted (`strict=False`): a scraped text with a raw tab or form feed is still an article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from framing.load.sources import LimitExceeded

_DECODER = json.JSONDecoder(strict=False)
_SPACE = re.compile(r"[ \t\n\r\ufeff]*")
_TRIM_AT = 4 * 1024 * 1024  # characters of consumed text kept before the buffer is cut


@dataclass(frozen=True)
class Record:
    value: object
    number: int  # 1-based position among the records
    line: int  # line the value starts on
    top: bool = False  # a value standing alone (the whole file, or one per line), not an element of a list


@dataclass(frozen=True)
class Failure:
    message: str
    line: int | None


class _Stop(Exception):
    """A failure after which nothing further in the file can be trusted."""


class _Buffer:
    def __init__(self, chunks: Iterator[str], limit: int) -> None:
        self.chunks = chunks
        self.limit = limit
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.line = 1  # line number at self.counted
        self.counted = 0

    def more(self) -> bool:
        """Append the next chunk (cutting text already consumed); False at the end of the input."""
        if self.eof:
            return False
        if self.pos > _TRIM_AT:
            self.line_at(self.pos)
            self.buf = self.buf[self.pos :]
            self.counted -= self.pos
            self.pos = 0
        for chunk in self.chunks:
            if chunk:
                self.buf += chunk
                return True
        self.eof = True
        return False

    def line_at(self, pos: int) -> int:
        """The line number of position `pos` (positions are asked for in increasing order)."""
        if pos > self.counted:
            b, a = self.buf, self.counted
            self.line += b.count("\n", a, pos) + b.count("\r", a, pos) - b.count("\r\n", a, pos)
            self.counted = pos
        return self.line

    def column(self, pos: int) -> int:
        last = max(self.buf.rfind("\n", 0, pos), self.buf.rfind("\r", 0, pos))
        return pos - last

    def skip_space(self) -> None:
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()
            if self.pos < len(self.buf) or not self.more():
                return

    def peek(self) -> str:
        if self.pos >= len(self.buf) and not self.more():
            return ""
        return self.buf[self.pos]

    def value(self) -> object:
        """The JSON value at the current position (reading more text as needed); raises JSONDecodeError,
        RecursionError or LimitExceeded."""
        start = self.pos
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, start)
            except json.JSONDecodeError as exc:
                # cut by the chunk boundary: at the end of the text (within an escape like \\u00e4), or in a
                # string that the text ends inside
                incomplete = exc.pos >= len(self.buf) - 8 or exc.msg.startswith("Unterminated string")
                if incomplete and self._grow(start):
                    start = self.pos
                    continue
                raise
            if end >= len(self.buf) and self._grow(start):  # a number or literal may go on in the next chunk
                start = self.pos
                continue
            self.pos = end
            return value

    def _grow(self, start: int) -> bool:
        """Read until the text from `start` has doubled; False at the end of the input."""
        self.pos = start
        want = 2 * (len(self.buf) - start) + 1
        grew = False
        while len(self.buf) - self.pos < want and self.more():
            grew = True
        if len(self.buf) - self.pos > self.limit:
            raise LimitExceeded(f"the record at line {self.line_at(self.pos)} is larger than the limit for one "
                                "article")
        return grew


def _failure(b: _Buffer, what: str, exc: Exception) -> Failure:
    pos = getattr(exc, "pos", b.pos)
    pos = min(max(pos, b.counted), len(b.buf))
    line = b.line_at(pos)
    if isinstance(exc, RecursionError):
        return Failure(f"{what} is JSON nested too deeply to read; export the articles as a flat list of records",
                       line)
    reason = getattr(exc, "msg", str(exc))
    return Failure(f"{what} is not valid JSON ({reason} at line {line}, column {b.column(pos)})", line)


def _array(b: _Buffer, first: int = 1) -> Iterator[Record | Failure]:
    b.pos += 1  # [
    number = first - 1
    b.skip_space()
    if b.peek() == "]":
        b.pos += 1
        return
    while True:
        number += 1
        line = b.line_at(b.pos)
        try:
            value = b.value()
        except (json.JSONDecodeError, RecursionError) as exc:
            yield _failure(b, f"record {number}", exc)
            raise _Stop from None
        yield Record(value, number, line)
        b.skip_space()
        sep = b.peek()
        if sep == ",":
            b.pos += 1
            b.skip_space()
            if b.peek() == "]":  # a trailing comma: not JSON, but nothing is lost by accepting it
                b.pos += 1
                return
            continue
        if sep == "]":
            b.pos += 1
            return
        what = "the end of the file" if not sep else repr(sep)
        yield Failure(f"the list of records is not valid JSON after record {number}: expected ',' or ']', found "
                      f"{what} at line {b.line_at(b.pos)}, column {b.column(b.pos)}", b.line_at(b.pos))
        raise _Stop


def _object(b: _Buffer) -> Iterator[Record | Failure]:
    """One record, or a wrapper whose "articles" list is streamed."""
    line = b.line_at(b.pos)
    b.pos += 1  # {
    rest: dict = {}
    wrapped = False
    while True:
        b.skip_space()
        c = b.peek()
        if c == "}":
            b.pos += 1
            break
        try:
            if c != '"':
                raise json.JSONDecodeError("Expecting property name enclosed in double quotes", b.buf, b.pos)
            key = b.value()
            b.skip_space()
            if b.peek() != ":":
                raise json.JSONDecodeError("Expecting ':' delimiter", b.buf, b.pos)
            b.pos += 1
            b.skip_space()
            if key == "articles" and b.peek() == "[" and not wrapped:
                wrapped = True
                yield from _array(b)
            else:
                rest[key] = b.value()
            b.skip_space()
            c = b.peek()
            if c == ",":
                b.pos += 1
                continue
            if c == "}":
                b.pos += 1
                break
            raise json.JSONDecodeError("Expecting ',' delimiter", b.buf, b.pos)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield _failure(b, "the file", exc)
            raise _Stop from None
    if not wrapped:
        yield Record(rest, 1, line, top=True)


def records(chunks: Iterator[str], limit: int) -> Iterator[Record | Failure]:
    """Every record of a JSON file, in order; a Failure where the JSON breaks (after which only JSON lines, one
    record per line, are read on)."""
    b = _Buffer(chunks, limit)
    b.skip_space()
    c = b.peek()
    if not c:
        return
    number = 1
    if c == "[":
        try:
            yield from _array(b)
        except _Stop:
            return  # inside a list nothing after a break can be trusted
    elif c == "{":
        try:
            yield from _object(b)
        except _Stop:
            if not _skip_to_next_line_record(b):  # JSON lines saved as .json go on at the next line
                return
    else:
        line = b.line_at(b.pos)
        try:
            yield Record(b.value(), 1, line, top=True)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield _failure(b, "the file", exc)
            return
    # Further values after the first: JSON lines saved as .json, one record per line.
    while True:
        b.skip_space()
        c = b.peek()
        if not c:
            return
        line = b.line_at(b.pos)
        if c not in "{[":
            yield Failure(f"unexpected text after the JSON value at line {line}, column {b.column(b.pos)}; a .json "
                          "file holds one list of records (or one record per line)", line)
            return
        number += 1
        try:
            yield Record(b.value(), number, line, top=True)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield _failure(b, f"line {line}", exc)
            if not _skip_to_next_line_record(b):
                return


_NEXT_RECORD_LINE = re.compile(r"[\r\n][ \t]*\{")


def _skip_to_next_line_record(b: _Buffer) -> bool:
    """Move to the start of the next line that begins with '{' (JSON lines); False when there is none."""
    while True:
        m = _NEXT_RECORD_LINE.search(b.buf, b.pos)
        if m:
            b.line_at(m.start())
            b.pos = m.end() - 1
            return True
        b.pos = max(b.pos, len(b.buf) - 1)
        if not b.more():
            return False
