"""Decoding: the bytes of a file in, its text out, with the encoding used and a warning when it was not UTF-8.

`decode` takes a whole (small) file: UTF-8 with or without BOM, UTF-16 with BOM, then cp1252; binary content is
refused. `Decoding` decodes a streamed file line by line or chunk by chunk (UTF-8 first, cp1252 for a line that is
not UTF-8; a UTF-16 file as a whole) and counts what fell back, for one warning per file.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator

from framing.errors import InputError
from framing.load.records import Problem
from framing.load.sources import physical_lines

CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")  # the five bytes cp1252 maps to no character
UNMAPPED_SHARE = 0.01  # more of those among a file's bytes than this: not cp1252 text at all


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252 (a byte it leaves
    undefined read as U+FFFD: see unmapped_bytes).

    Raises InputError for content that is binary or not the UTF-16 its byte-order mark says.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason}); "
                             "save it again as UTF-8") from exc
    if b"\x00" in raw[:8192]:
        raise InputError("looks binary (contains NUL bytes); save the article as text (UTF-8) and try again")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Only five bytes are undefined in cp1252: a stray one becomes U+FFFD (counted by unmapped_bytes, and said)
    # rather than costing the whole article; many of them mean the text is in no encoding tried here.
    unmapped = unmapped_bytes(raw)
    if unmapped > UNMAPPED_SHARE * len(raw):
        at = min(i for i in (raw.find(byte) for byte in CP1252_UNDEFINED) if i >= 0)
        raise InputError(f"is neither UTF-8, UTF-16 nor cp1252 (byte {raw[at]:#04x} at offset {at}, and "
                         f"{unmapped - 1:,} more that cp1252 has no character for); convert it to UTF-8")
    return raw.decode("cp1252", errors="replace"), "cp1252"


def unmapped_bytes(raw: bytes) -> int:
    """How many bytes of a text read as cp1252 have no character there (each read as U+FFFD)."""
    return sum(raw.count(byte) for byte in CP1252_UNDEFINED)


def unmapped_note(count: int, line: int | None = None) -> str:
    """The clause of a decoding warning that says how many such bytes became U+FFFD (and the first one's line);
    empty when none did."""
    if not count:
        return ""
    at = f", the first at line {line}" if line else ""
    many = count > 1
    return (f"; {count:,} byte{'s' if many else ''} that cp1252 has no character for {'were' if many else 'was'} "
            f"read as \ufffd{at}")


def control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad / len(sample)


def bom_encoding(head: bytes) -> str:
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return "utf-8"


def head_text(head: bytes) -> str:
    """The start of a file as text, for sniffing only (a character cut at the end is dropped)."""
    encoding = bom_encoding(head)
    if encoding == "utf-16":
        return head.decode("utf-16", errors="ignore")
    text = head.decode("utf-8-sig", errors="ignore")
    return text if text or not head else head.decode("cp1252", errors="replace")


class Decoding:
    """Per-file decoding of a streamed file, line by line: UTF-8 first, cp1252 for a line that is not UTF-8;
    a UTF-16 file (byte-order mark) is decoded as a whole. Counts what fell back, for one warning per file."""

    def __init__(self, head: bytes) -> None:
        self.encoding = bom_encoding(head)
        self.fallback_lines = 0
        self.first_fallback: int | None = None
        self.unmapped = 0  # bytes cp1252 has no character for, each read as U+FFFD
        self.first_unmapped: int | None = None  # the line of the first, where known

    def _cp1252(self, raw: bytes, number: int | None = None) -> str:
        """cp1252 text of bytes that are not UTF-8; a byte cp1252 leaves undefined becomes U+FFFD and is counted."""
        missing = unmapped_bytes(raw)
        if missing:
            self.unmapped += missing
            if self.first_unmapped is None:
                self.first_unmapped = number
        return raw.decode("cp1252", errors="replace")

    def _utf8(self, pieces: Iterable[bytes]) -> Iterator[bytes]:
        """UTF-16 transcoded to UTF-8 piece by piece, so that one line splitter serves every encoding."""
        if self.encoding != "utf-16":
            yield from pieces
            return
        decoder = codecs.getincrementaldecoder("utf-16")()
        for piece in pieces:
            yield decoder.decode(piece).encode("utf-8", "surrogatepass")
        yield decoder.decode(b"", final=True).encode("utf-8", "surrogatepass")

    def lines(self, pieces: Iterable[bytes], limit: int) -> Iterator[tuple[int, str | None, str]]:
        """(line number, text with its terminator or None when longer than `limit`, encoding of the line)."""
        for number, raw in enumerate(physical_lines(self._utf8(pieces), limit), start=1):
            if raw is None:
                yield number, None, self.encoding
                continue
            if number == 1 and self.encoding == "utf-8-sig":
                raw = raw[3:]
            if self.encoding == "utf-16":
                yield number, raw.decode("utf-8", "surrogatepass"), "utf-16"
                continue
            try:
                yield number, raw.decode("utf-8"), self.encoding
            except UnicodeDecodeError:
                self.fallback_lines += 1
                self.first_fallback = self.first_fallback or number
                yield number, self._cp1252(raw, number), "cp1252"

    def text_chunks(self, pieces: Iterable[bytes]) -> Iterator[str]:
        """The file's text in chunks; a UTF-8 file that turns out not to be UTF-8 is read as cp1252 from the chunk
        where that shows (counted as one fallback)."""
        if self.encoding in ("utf-16", "utf-8-sig"):
            decoder = codecs.getincrementaldecoder(self.encoding)()
            for piece in pieces:
                yield decoder.decode(piece)
            yield decoder.decode(b"", final=True)
            return
        decoder = codecs.getincrementaldecoder("utf-8")()
        fallen = False
        for piece in pieces:
            if fallen:
                yield self._cp1252(piece)
                continue
            pending = decoder.getstate()[0]
            try:
                yield decoder.decode(piece)
            except UnicodeDecodeError:
                fallen = True
                self.fallback_lines += 1
                yield self._cp1252(pending + piece)
        if not fallen:
            yield decoder.decode(b"", final=True)

    def warning(self, label: str) -> Problem | None:
        if self.encoding == "utf-16":
            return Problem(label, "decoded as utf-16, not UTF-8 (a spreadsheet's 'Unicode text' export); fine, "
                                  "nothing to do", severity="warning")
        if self.fallback_lines:
            where = f" ({self.fallback_lines:,} lines, the first at line {self.first_fallback})" if \
                self.first_fallback else ""
            lost = unmapped_note(self.unmapped, self.first_unmapped)
            return Problem(label, f"decoded as cp1252, not UTF-8{where}{lost}; save the file as UTF-8 to be sure of its "
                                  "characters", self.first_fallback, severity="warning")
        return None
