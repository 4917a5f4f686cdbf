"""Corpora the way researchers get them (round two of the hostile inputs, issue 17), generated at test time.

`build(folder)` writes every case into `folder` and returns an `Expected`: the exact articles that must load
(source_path, article_id, text), the errors-table rows that must name the other files and records (with the line
each starts on, and the text that `sed -n Np` of the file's own bytes must print there), and the unpacked bytes
of every file and archive member, for that check. Special files (a FIFO, a socket, links to /dev/zero,
/dev/urandom and /dev/null) are made too; `snapshot` fingerprints a folder without opening any of them.

The run is meant with ENV (small bounds, so that the bound cases stay small): one article at most 1 MB, 40
members per archive.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import hashlib
import io
import json
import lzma
import os
import socket
import stat
import tarfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from framing.load.records import display
from tests.helpers.bad_inputs import ARTICLE

ENV = {"FRAMING_MAX_ARTICLE_MB": "1", "FRAMING_MAX_MEMBERS": "40"}
ADVICE = (r"save|convert|copy|give|split|remove|fix|add|raise|unpack|pack|set|check|export|put|close|download|"
          r"point|filter|report|name|leave")
ENGLISH = ("NATO Secretary General Mark Rutte called for robust security guarantees for Ukraine during a visit to "
           "Kyiv on Friday. \"Ukraine needs a just peace,\" Rutte told reporters in the capital.\n")


def text_of(n: int, extra: str = "") -> str:
    """A distinct German report (the seed report with a numbered closing sentence), with paragraph breaks."""
    return f"{ARTICLE}Meldung {n}.{extra}\n"


def line_of(n: int) -> str:
    """The report on one line, for an unquoted CSV cell."""
    return " ".join(text_of(n).split())


@dataclass(frozen=True)
class Row:
    label: str  # source_path in the errors table
    line: int | None
    severity: str
    pattern: str  # regex the reason must match
    on_line: str | None = None  # what `sed -n {line}p` of the label's bytes must print (a part of it)


@dataclass
class Expected:
    folder: Path
    articles: list[tuple[str, str, str]] = field(default_factory=list)  # (source_path, article_id, text)
    rows: list[Row] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # label -> the file's (unpacked) bytes
    special: list[str] = field(default_factory=list)  # labels of the special files

    def label(self, name: str, member: str | None = None) -> str:
        path = display(str(self.folder / name))  # a name that is not UTF-8 is shown with \x escapes
        return f"{path}!/{member}" if member else path

    def article(self, name: str, article_id: str, text: str, member: str | None = None) -> None:
        self.articles.append((self.label(name, member), article_id, text))

    def row(self, name: str, line: int | None, severity: str, pattern: str, on_line: str | None = None,
            member: str | None = None) -> None:
        self.rows.append(Row(self.label(name, member), line, severity, pattern, on_line))


def _jsonl(records: list, sep: str = "\n") -> str:
    return sep.join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + sep


def build(folder: Path) -> Expected:
    folder.mkdir(parents=True, exist_ok=True)
    ex = Expected(folder)

    def write(name: str, data: str | bytes, unpacked: bytes | None = None) -> bytes:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(raw)
        ex.files[ex.label(name)] = raw if unpacked is None else unpacked
        return raw

    # ---- special files: never opened, each reported with what it is and what to do
    os.mkfifo(folder / "pipe.txt")
    ex.row("pipe.txt", None, "error", r"named pipe \(FIFO\).*not read.*save the articles as a regular file")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "feed.sock.jsonl"))
    sock.close()
    ex.row("feed.sock.jsonl", None, "error", r"is a socket.*not read")
    for name, target in (("zero.txt", "/dev/zero"), ("random.jsonl", "/dev/urandom"), ("null.csv", "/dev/null")):
        os.symlink(target, folder / name)
        ex.row(name, None, "error", rf"symbolic link to {target}, which is a character device.*remove the link")
    ex.special = [ex.label(n) for n in ("pipe.txt", "feed.sock.jsonl", "zero.txt", "random.jsonl", "null.csv")]

    # ---- lines are lines: separators inside JSON strings, CR LF, a broken line reported alone
    odd = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]
    records = [{"id": f"sep{i}", "text": text_of(i, f" Trenner{ch}hier.")} for i, ch in enumerate(odd)]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(3, '{"id": "broken-4", "text": "cut off')  # line 4
    lines.insert(6, "")  # line 7 is blank
    write("separators.jsonl", "\n".join(lines) + "\n")
    for r in records:
        ex.article("separators.jsonl", r["id"], r["text"])
    ex.row("separators.jsonl", 4, "error", r"line 4 is not valid JSON.*fix or remove that line", "broken-4")
    crlf = [json.dumps({"id": "crlf1", "text": text_of(20)}), "{not json}",
            json.dumps({"id": "crlf3", "text": text_of(21)})]
    write("windows.jsonl", "\r\n".join(crlf) + "\r\n")
    ex.article("windows.jsonl", "crlf1", text_of(20))
    ex.article("windows.jsonl", "crlf3", text_of(21))
    ex.row("windows.jsonl", 2, "error", r"line 2 is not valid JSON", "{not json}")
    big_line = json.dumps({"id": "huge-2", "text": "x" * 1_200_000})
    write("overlong.jsonl", _jsonl([{"id": "ol1", "text": text_of(22)}, big_line, {"id": "ol3", "text": text_of(23)}]))
    ex.article("overlong.jsonl", "ol1", text_of(22))
    ex.article("overlong.jsonl", "ol3", text_of(23))
    ex.row("overlong.jsonl", 2, "error", r"line 2 is longer than the limit of 1 MB \(set FRAMING_MAX_ARTICLE_MB",
           "huge-2")

    # ---- CSV: quoted cells over several lines; a record without text is reported on the line it starts on
    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"'

    csv_text = ("id,outlet,date,text\n"
                f"c1,nd,2025-08-22,{cell(text_of(30, ' Zweiter Absatz.'))}\n"
                "c2,taz,2025-08-23\n"
                f"c3,FAZ,22.08.2025,{cell('Erster Absatz.' + chr(10) + chr(10) + text_of(31))}\n")
    write("multiline.csv", csv_text)
    ex.article("multiline.csv", "c1", text_of(30, " Zweiter Absatz."))
    ex.article("multiline.csv", "c3", "Erster Absatz.\n\n" + text_of(31))
    c2_line = csv_text.split("\n").index("c2,taz,2025-08-23") + 1
    ex.row("multiline.csv", c2_line, "error", r"record 2 has no 'text' string; give every record", "c2,taz")

    # ---- spreadsheet exports: German Excel (;, cp1252, CR LF, 22.08.2025) and Excel's "Unicode text"
    excel = ("ID;Outlet;Date;Text\r\n"
             f"x1;Stuttgarter Zeitung;22.08.2025;{cell(text_of(40, ' Grüße – „Zitat“.'))}\r\n"
             f"x2;Badische Zeitung;23.08.2025;{line_of(41)}\r\n"
             ";;;\r\n")
    write("excel_export.csv", excel.encode("cp1252"))
    ex.article("excel_export.csv", "x1", text_of(40, " Grüße – „Zitat“."))
    ex.article("excel_export.csv", "x2", line_of(41))
    ex.row("excel_export.csv", 2, "warning", r"decoded as cp1252, not UTF-8.*save the file as UTF-8", "x1;Stuttgarter")
    unicode_text = "id\toutlet\tdate\ttext\r\n" + "".join(
        f"u{i}\tDer Standard\t{d}\t{line_of(50 + i)}\r\n"
        for i, d in enumerate(["2025-08-22T10:15:00+02:00", "Fri, 22 Aug 2025 10:15:00 GMT", "20250822"], 1))
    write("excel_unicode.txt", codecs.BOM_UTF16_LE + unicode_text.encode("utf-16-le"),
          unpacked=unicode_text.encode("utf-8"))
    for i in (1, 2, 3):
        ex.article("excel_unicode.txt", f"u{i}", line_of(50 + i))
    write("tab.tsv", "id\ttext\nt1\t" + line_of(55) + "\nt2\n")
    ex.article("tab.tsv", "t1", line_of(55))
    ex.row("tab.tsv", 3, "error", r"record 2 has no 'text' string", "t2")

    # ---- JSON: a list over many lines with a bad record, dates of every form
    dated = [{"id": "d-iso", "text": text_of(60), "date": "2025-08-22T10:15:00+02:00"},
             {"id": "d-rfc", "text": text_of(61), "date": "Fri, 22 Aug 2025 10:15:00 GMT"},
             "not a record",
             {"id": "d-num", "text": text_of(62), "date": 20250822},
             {"id": "d-unix", "text": text_of(63), "date": 1755850500},
             {"id": "d-month", "text": text_of(64), "date": "2024-12"}]
    body = json.dumps(dated, ensure_ascii=False, indent=2)
    write("dated.json", body)
    for r in dated:
        if isinstance(r, dict):
            ex.article("dated.json", r["id"], r["text"])
    bad_line = body.split("\n").index('  "not a record",') + 1
    ex.row("dated.json", bad_line, "error", r"record 3 is a str, not an object with a 'text' field; export each",
           "not a record")

    # ---- packed: .jsonl.gz, .json.bz2, .jsonl.xz, zip and tar.gz archives, a nested archive, bombs
    gz_body = _jsonl([{"id": "gz1", "text": text_of(70)}, {"id": "gz2", "text": text_of(71)}, "{oops",
                      {"id": "gz4", "text": text_of(72)}]).encode()
    write("feed.jsonl.gz", gzip.compress(gz_body), unpacked=gz_body)
    for i, n in ((1, 70), (2, 71), (4, 72)):
        ex.article("feed.jsonl.gz", f"gz{i}", text_of(n))
    ex.row("feed.jsonl.gz", 3, "error", r"line 3 is not valid JSON", "{oops")
    bz_body = json.dumps({"articles": [{"id": "bz1", "text": text_of(73)}]}).encode()
    write("export.json.bz2", bz2.compress(bz_body), unpacked=bz_body)
    ex.article("export.json.bz2", "bz1", text_of(73))
    xz_body = _jsonl([{"id": "xz1", "text": text_of(74)}]).encode()
    write("feed.jsonl.xz", lzma.compress(xz_body), unpacked=xz_body)
    ex.article("feed.jsonl.xz", "xz1", text_of(74))
    write("broken.jsonl.gz", gzip.compress(gz_body)[:60])
    ex.row("broken.jsonl.gz", None, "error", r"is not a valid gzip file.*download or pack it again")

    buffer = io.BytesIO()
    member_jsonl = _jsonl([{"id": "zj1", "text": text_of(81)}, "[1, 2]"])
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("ordner/a.txt", text_of(80))
        z.writestr("ordner/b.jsonl", member_jsonl)
        z.writestr("__MACOSX/ordner/._a.txt", b"\x00\x05\x16\x07 resource fork")
        z.writestr(".DS_Store", b"\x00\x00\x00\x01Bud1")
        z.writestr("bericht.pdf", b"%PDF-1.4")
        link = zipfile.ZipInfo("ordner/link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        z.writestr(link, "a.txt")
        inner = io.BytesIO()
        with zipfile.ZipFile(inner, "w") as zi:
            zi.writestr("deep.txt", text_of(82))
        z.writestr("inner.zip", inner.getvalue())
    write("bundle.zip", buffer.getvalue())
    ex.article("bundle.zip", "a", text_of(80), member="ordner/a.txt")
    ex.article("bundle.zip", "zj1", text_of(81), member="ordner/b.jsonl")
    ex.files[ex.label("bundle.zip", "ordner/b.jsonl")] = member_jsonl.encode()
    ex.row("bundle.zip", 2, "error", r"record 2 is a list", "[1, 2]", member="ordner/b.jsonl")
    ex.row("bundle.zip", None, "warning", r"extension is not an article format", member="bericht.pdf")
    ex.row("bundle.zip", None, "error", r"symbolic link inside the archive.*pack the article file itself",
           member="ordner/link.txt")
    ex.row("bundle.zip", None, "error", r"archive inside an archive.*unpack the outer archive", member="inner.zip")

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in (("corpus/c.md", f"---\noutlet: nd\ndate: 2025-08-21\n---\n{text_of(90)}"),
                           ("corpus/d.csv", f"id;text\ntd1;{line_of(91)}\n")):
            info = tarfile.TarInfo(name)
            info.size = len(data.encode())
            tar.addfile(info, io.BytesIO(data.encode()))
        fifo = tarfile.TarInfo("corpus/pipe")
        fifo.type = tarfile.FIFOTYPE
        tar.addfile(fifo)
    write("bundle.tar.gz", buffer.getvalue())
    ex.article("bundle.tar.gz", "c", text_of(90), member="corpus/c.md")
    ex.article("bundle.tar.gz", "td1", line_of(91), member="corpus/d.csv")
    ex.row("bundle.tar.gz", None, "error", r"named pipe \(FIFO\) inside the archive", member="corpus/pipe")

    buffer = io.BytesIO()  # a bomb: 80 MB of blank JSON lines in well under 1 MB, after one good member
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("vorher.txt", text_of(95))
        with z.open("bomb.jsonl", "w") as member:
            block = (b" " * 1023 + b"\n") * 1024
            for _ in range(80):
                member.write(block)
    write("bomb.zip", buffer.getvalue())
    ex.article("bomb.zip", "vorher", text_of(95), member="vorher.txt")
    ex.row("bomb.zip", None, "error", r"bound on the compression ratio.*unpack it yourself if it is genuine")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for i in range(45):
            z.writestr(f"m{i:02d}.txt", text_of(100 + i))
    write("many.zip", buffer.getvalue())
    ex.row("many.zip", None, "error", r"holds 45 members, over the bound of 40 \(set FRAMING_MAX_MEMBERS.*split it")

    # ---- bounds and language
    write("huge.txt", ("Sehr langer Text. " * 70_000))
    ex.row("huge.txt", None, "error", r"larger than the limit of 1 MB \(set FRAMING_MAX_ARTICLE_MB.*split it")
    write("english.txt", ENGLISH)
    ex.article("english.txt", "english", ENGLISH)
    ex.row("english.txt", None, "warning", r"in English \(en\), not German.*filter by language")
    write("gut.txt", text_of(99))
    ex.article("gut.txt", "gut", text_of(99))
    odd = os.fsdecode(b"Bericht_\xfcber.txt")  # a Latin-1 file name from an old archive: not valid UTF-8
    write(odd, text_of(98))
    ex.article(odd, "Bericht_\\xfcber", text_of(98))
    ex.row(odd, None, "warning", r"file name is not valid UTF-8.*rename the file")
    return ex


def snapshot(folder: Path) -> dict[str, str]:
    """What every entry below `folder` is, and the content hash of every regular file; nothing else is opened."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in sorted(dirnames + filenames):
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                out[path] = "link -> " + os.readlink(path)
            elif stat.S_ISREG(st.st_mode):
                with open(path, "rb") as fh:
                    out[path] = hashlib.sha256(fh.read()).hexdigest()
            else:
                out[path] = f"mode {stat.S_IFMT(st.st_mode):o}"
    return out
