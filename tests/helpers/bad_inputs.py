"""Bad input files of the kinds real users produce, generated at test time (no binary fixtures in the repository).

`build(folder)` writes every case into `folder` and returns the table of what each must yield: how many articles
load from it, and which errors-table rows (severity, reason pattern) name it. A file that yields no article must
always be named in the errors table with a reason; the only exception is a second path to the same file (a
symlink), which is loaded once. `assert_consistent(text, tables)` checks one article's analysis against its text.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from framing.schema import QUOTE_MODES, SECTION_KINDS, TERM_MODE, SPEAKER_KINDS, TONE_LABELS, VOICES

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "corpus"
GOOD = {  # two seed articles, copied unchanged: they must come out fully analysed
    "good_nd.txt": SEEDS / "000_f14cbd76eecdf04c.txt",
    "good_dpa.txt": SEEDS / "004_ca560b4285e4ed8d.txt",
}

# A short report with a direct quotation, an indirect one and umlauts; every encoding case writes this text.
ARTICLE = (
    "Kiew. Nato-Generalsekretär Mark Rutte hat in Kiew robuste Sicherheitsgarantien für die Ukraine gefordert. "
    "„Die Ukraine braucht einen gerechten Frieden“, sagte Rutte am Freitag.\n\n"
    "Kremlsprecher Dmitri Peskow sagte, Moskau werde keine Truppen der Nato in der Ukraine dulden. "
    "Die Gespräche über einen Waffenstillstand sollen in der nächsten Woche weitergehen.\n"
)
# The same report with Latin-1 quote marks (» «), which ISO-8859-1 can encode.
ARTICLE_LATIN1 = ARTICLE.replace("„", "»").replace("“", "«")

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Case:
    name: str  # path relative to the folder
    what: str  # what the user handed in, in words (for the README's table)
    articles: int  # articles that must load from this path
    rows: tuple[tuple[str, str], ...] = ()  # (severity, reason regex): each must match an errors row for this path
    texts: tuple[str, ...] = ()  # exact texts the loaded articles must have (in any order), when known
    silent: str | None = None  # why no article and no errors row is right for this path

    @property
    def outcome(self) -> str:
        if self.articles and self.rows:
            return "analysed, with " + " / ".join(f"{s}: {r}" for s, r in self.rows)
        if self.articles:
            return "analysed"
        if self.silent:
            return self.silent
        return "; ".join(f"{s}: {r}" for s, r in self.rows)


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)


def _csv_cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def build(folder: Path, outside: Path | None = None) -> list[Case]:
    """Write every bad-input case (and the two good seed articles) into `folder`; return what each must yield.

    `outside` is a folder beside `folder` for the target of a symlink that leaves the corpus.
    """
    folder.mkdir(parents=True, exist_ok=True)
    outside = outside or folder.parent / f"{folder.name}-outside"
    cases: list[Case] = []

    def case(name: str, content: str | bytes | None, what: str, articles: int, *rows: tuple[str, str],
             texts: tuple[str, ...] = (), silent: str | None = None) -> None:
        if content is not None:
            _write(folder / name, content)
        cases.append(Case(name, what, articles, tuple(rows), texts, silent))

    for name, seed in GOOD.items():
        text = seed.read_text(encoding="utf-8")
        case(name, text, f"a good seed article ({seed.name})", 1, texts=(text,))

    # ---- empty and binary
    case("empty.txt", b"", "an empty file (0 bytes)", 0, (ERROR, r"is empty"))
    case("blank.md", " \n\t\n  \n", "a file of white space only", 0, (ERROR, r"is empty"))
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    case("photo.txt", png, "a PNG image saved as .txt", 0, (ERROR, r"binary"))
    controls = bytes(b for b in range(1, 32) if b not in b"\t\n\r\x0c") * 200
    case("controls.txt", controls, "control characters without NUL bytes", 0, (ERROR, r"binary"))
    case("pdf_as.json", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x00stream",
         "a PDF renamed to .json", 0, (ERROR, r"binary"))

    # ---- encodings
    truncated = (ARTICLE + "Grüße").encode("utf-8")[:-4]  # cut inside the two-byte ü
    case("truncated_utf8.txt", truncated, "UTF-8 cut off inside a multi-byte character", 1,
         (WARNING, r"decoded as cp1252"))
    case("latin1.txt", ARTICLE_LATIN1.encode("latin-1"), "Latin-1 (ISO-8859-1)", 1,
         (WARNING, r"decoded as cp1252"), texts=(ARTICLE_LATIN1,))
    case("cp1252.txt", ARTICLE.encode("cp1252"), "Windows-1252 with „ “ quote marks", 1,
         (WARNING, r"decoded as cp1252"), texts=(ARTICLE,))
    case("utf16le_bom.txt", ARTICLE.encode("utf-16"), "UTF-16 little-endian with byte-order mark", 1,
         (WARNING, r"decoded as utf-16"), texts=(ARTICLE,))
    case("utf16be_bom.txt", b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "UTF-16 big-endian with byte-order mark", 1,
         (WARNING, r"decoded as utf-16"), texts=(ARTICLE,))
    case("utf16_no_bom.txt", ARTICLE.encode("utf-16-le"), "UTF-16 without byte-order mark", 0,
         (ERROR, r"binary \(contains NUL bytes\); save the article as text \(UTF-8\)"))
    case("utf16_broken.txt", b"\xff\xfe" + ARTICLE.encode("utf-16-le")[:40] + b"\x00\xd8A\x00",
         "UTF-16 with a lone surrogate", 0, (ERROR, r"not valid UTF-16"))
    case("utf8_bom.txt", "\ufeff" + ARTICLE, "UTF-8 with byte-order mark (Notepad)", 1, texts=(ARTICLE,))
    case("crlf.txt", ARTICLE.replace("\n", "\r\n"), "Windows line ends (CR LF)", 1, texts=(ARTICLE,))
    case("cr_only.txt", ARTICLE.replace("\n", "\r"), "old Mac line ends (CR only)", 1, texts=(ARTICLE,))
    late_nul = ARTICLE * 60 + "\x00" + ARTICLE  # one NUL byte after the 8 KiB binary sniff window
    case("late_nul.txt", late_nul, "one NUL byte deep inside a long text", 1, (WARNING, r"1 NUL character taken out"),
         texts=(late_nul.replace("\x00", ""),))

    # ---- quote marks and odd text
    only_quotes = "„“»«‚‘‹›\"'" * 300
    case("only_quotes.txt", only_quotes, "a file of nothing but quote marks of every style", 1, texts=(only_quotes,))
    unbalanced = ("„Das ist noch lange nicht vorbei, sagte der Minister. Er warnte vor »neuen Angriffen.\n\n"
                  "Die Opposition sprach von einem ‚Skandal. Peskow sagte: \"Wir warten ab.\n")
    case("unbalanced_quotes.txt", unbalanced, "quotations opened and never closed", 1, texts=(unbalanced,))
    exotic = ("Selenskyj 🇺🇦 sagte: „Wir kämpfen weiter.“ مرحبا بالعالم שלום\u200d\u200b "
              "Cafe\u0301 na\u0308iv \U0001f600\U0001f4a5 \u202eevil\u202c Ende.\n")
    case("emoji_rtl.txt", exotic, "emoji, flags, Arabic/Hebrew, zero-width and bidi controls, combining marks", 1,
         texts=(exotic,))
    numbers = " ".join(f"{n}." for n in range(1, 3000))
    case("numbers.txt", numbers, "3,000 numbers with full stops (a list of ordinals)", 1, texts=(numbers,))
    long_line = run_on_sentence(500)
    case("long_line.txt", long_line, "a 20 KB run-on sentence with 500 speech verbs, no full stop", 1,
         texts=(long_line,))
    long_word = "Donaudampfschifffahrt" * 1000
    case("long_word.txt", long_word, "one 21 KB word", 1, texts=(long_word,))
    html_in_txt = "<p>Rutte sagte: „Wir stehen zur Ukraine.“</p><script>alert(1)</script>\n"
    case("page_saved_as.txt", html_in_txt, "HTML markup saved as .txt (kept as text)", 1, texts=(html_in_txt,))

    # ---- HTML
    page = (
        "<!doctype html><html><head><title>Rutte in Kiew</title><script>alert('head')</script>"
        "<style>body{color:red}</style></head><body><nav>Start | Politik | Wirtschaft</nav>"
        "<iframe src='https://tracker.example/ad'></iframe><script>document.write('ad')</script>"
        "<article><h1>Rutte fordert Sicherheitsgarantien</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
        + "<p>Weitere Einzelheiten wurden zunächst nicht bekannt. Die Lage an der Front blieb angespannt.</p>"
        "<img src=x onerror=\"alert('img')\"><script>track()</script></article>"
        "<footer>© Verlag</footer></body></html>"
    )
    case("with_scripts.html", page, "a saved page with scripts, styles, iframes and an onerror image", 1)
    case("only_script.htm", "<html><body><script>var a = 'Rutte sagte etwas.';</script></body></html>",
         "a page that is nothing but a script", 0, (ERROR, r"no article text"))
    case("cut_off.html", page[: len(page) // 2], "a page cut off in the middle of the markup", 1)

    # ---- CSV
    case("no_text_column.csv", "id,titel,notiz\n1,Rutte,Er sagte etwas.\n", "CSV without a 'text' column", 0,
         (ERROR, r"no 'text' column"))
    case("header_only.csv", "id,outlet,text\n", "CSV with a header and no rows", 0,
         (ERROR, r"header row but no records"))
    case("extra_cells.csv", f"id,outlet,text\nx1,nd,{_csv_cell(ARTICLE)},surplus,more\n",
         "CSV with more cells than the header", 1, (WARNING, r"more cells than the header"), texts=(ARTICLE,))
    case("missing_cells.csv", f"id,outlet,text\nm1,nd\nm2,taz,{_csv_cell(ARTICLE)}\n",
         "CSV with a row missing its text cell", 1, (ERROR, r"record 1 has no 'text' string"), texts=(ARTICLE,))
    case("newlines.csv", f"id;outlet;text\nn1;nd;{_csv_cell(ARTICLE)}\n",
         "CSV (semicolons) with newlines inside a quoted cell", 1, texts=(ARTICLE,))
    unclosed = 'id,outlet,text\nu1,nd,"Rutte sagte: ""Wir bleiben."" Und dann\nging es weiter ohne Ende\n'
    case("unclosed_quote.csv", unclosed, "CSV whose last quoted cell is never closed", 1)

    # ---- JSON
    case("scalar.json", "42", "JSON that is a number", 0, (ERROR, r"not a list of records"))
    case("strings.json", json.dumps(["Rutte sagte etwas.", "Peskow auch."]), "JSON list of plain strings", 0,
         (ERROR, r"record 1 is a str"), (ERROR, r"record 2 is a str"))
    case("no_text.json", json.dumps([{"title": "Rutte", "summary": ARTICLE}]), "JSON records without 'text'", 0,
         (ERROR, r"has no 'text' string"))
    case("text_number.json", json.dumps({"text": 12345}), "JSON whose text is a number", 0,
         (ERROR, r"has no 'text' string"))
    case("invalid.json", '{"text": "Rutte sagte', "JSON cut off", 0, (ERROR, r"not valid JSON"))
    case("nested.json", json.dumps({"articles": [{"text": ARTICLE, "outlet": {"name": "nd"}}]}),
         "JSON with an 'articles' list and a nested outlet object", 1, texts=(ARTICLE,))
    case("deep.json", deep_json(), "JSON nested 100,000 levels deep", 0, (ERROR, r"nested too deeply"))
    case("surrogate.json", lone_surrogate_json(), "JSON text with a lone surrogate escape (an emoji cut in half)", 1,
         texts=("Selenskyj sagte: „Wir kämpfen \ufffd weiter.“",))
    mixed = "\n".join([json.dumps({"id": "j1", "text": ARTICLE}), "{not json", json.dumps([1, 2]),
                       json.dumps({"id": "j3", "text": ARTICLE_LATIN1})])
    case("mixed.jsonl", mixed, "JSON lines with a broken line and an array line", 2,
         (ERROR, r"line 2 is not valid JSON"), (ERROR, r"record 3 is a list"), texts=(ARTICLE, ARTICLE_LATIN1))

    # ---- metadata: dates, outlets, titles
    def front(name: str, meta: dict[str, str], what: str, *rows: tuple[str, str]) -> None:
        head = "".join(f"{k}: {v}\n" for k, v in meta.items())
        case(name, f"---\n{head}---\n{ARTICLE}", what, 1, *rows, texts=(ARTICLE,))

    front("future_date.md", {"date": "2099-01-01"}, "a date in the future (2099-01-01)", (WARNING, r"in the future"))
    front("impossible_date.md", {"date": "2025-02-30"}, "an impossible date (30 February)",
          (WARNING, r"impossible"))
    front("not_a_date.md", {"date": "gestern Abend"}, "a date that is not a date ('gestern Abend')",
          (WARNING, r"not a date"))
    front("outlet_markdown.md", {"outlet": "[Tagesschau](javascript:alert(1)) **fett** $x^2$",
                                 "title": "![img](http://evil.example/x.png) # Titel"},
          "outlet and title with markdown links, images and $…$")
    case("front_matter_only.md", "---\noutlet: nd\ndate: 2025-01-02\n---\n", "front matter and no text", 0,
         (ERROR, r"article text is empty"))
    records = [
        {"id": "h1", "outlet": "<script>alert('outlet')</script>", "title": "<img src=x onerror=alert(1)>",
         "text": ARTICLE},
        {"id": "../../../tmp/escape", "outlet": "nd", "text": ARTICLE_LATIN1},
    ]
    case("outlet_html.json", json.dumps(records), "outlet/title with HTML and an id with ../../..", 2,
         texts=(ARTICLE, ARTICLE_LATIN1))
    formula_rows = [
        ("f1", '=HYPERLINK("http://evil.example","klick")', "+1-2", ARTICLE),
        ("f2", "@SUM(A1:A9)", "-3+cmd|' /C calc'!A0", ARTICLE_LATIN1),
        ("f3", "\t=1+1", "\r=2+2", ARTICLE + "Nachtrag."),
    ]
    case("outlet_formula.csv",
         "id,outlet,title,text\n" + "".join(",".join(_csv_cell(c) for c in r) + "\n" for r in formula_rows),
         "outlets/titles that are spreadsheet formulas (=, +, -, @, tab, CR)", 3,
         texts=(ARTICLE, ARTICLE_LATIN1, ARTICLE + "Nachtrag."))
    case("=1+2.txt", ARTICLE + "Formel im Dateinamen.", "a file name that is a formula (=1+2.txt)", 1)
    case("Bericht über Kiew (1).txt", ARTICLE + "Kopie.", "a file name with spaces, umlauts and brackets", 1)
    case("a..b.txt", ARTICLE + "Zwei Punkte.", "a file name with '..' inside", 1)
    dup = [{"id": "same", "text": ARTICLE}, {"id": "same", "text": ARTICLE + "Anders."}]
    case("duplicate_ids.jsonl", "\n".join(json.dumps(r) for r in dup), "two records with the same id", 2,
         (WARNING, r"already used by another text; loaded as 'same~2'"))

    # ---- other file types and paths
    case("report.pdf", b"%PDF-1.4 binary", "a .pdf", 0, (WARNING, r"extension is not an article format"))
    case("Artikel.docx", b"PK\x03\x04 zip", "a .docx", 0, (WARNING, r"extension is not an article format"))
    case("README", "no extension", "a file without extension", 0, (WARNING, r"extension is not an article format"))
    case("sub/deeper/nested.txt", ARTICLE + "Tief.", "an article two folders down", 1)
    case("meta/manifest.csv", "id;outlet\n1;nd\n", "a manifest without an article_id column", 0,
         (ERROR, r"manifest has no 'article_id' column"))

    # ---- symbolic links
    os.symlink("good_nd.txt", folder / "link_to_good.txt")
    case("link_to_good.txt", None, "a symlink to another article of the corpus", 0,
         silent="loaded once, under the file it points to")
    _write(outside / "elsewhere.txt", ARTICLE + "Von draußen.")
    os.symlink(outside / "elsewhere.txt", folder / "link_outside.txt")
    case("link_outside.txt", None, "a symlink to an article outside the folder", 1,
         texts=(ARTICLE + "Von draußen.",))
    os.symlink(folder / "does-not-exist.txt", folder / "broken_link.txt")
    case("broken_link.txt", None, "a broken symlink", 0, (ERROR, r"broken symbolic link"))
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    case("loop_a.txt", None, "a symlink loop (a -> b -> a)", 0, (ERROR, r"broken symbolic link"))
    case("loop_b.txt", None, "the other half of the loop", 0, (ERROR, r"broken symbolic link"))
    _write(outside / "shared" / "linked.txt", ARTICLE + "Verlinkt.")
    os.symlink(outside / "shared", folder / "linked_folder")
    case("linked_folder", None, "a symlink to a folder of articles", 0,
         (WARNING, r"symbolic link to a folder and was not followed"))
    return cases


def deep_json() -> str:
    """JSON nested 100,000 levels deep (a broken exporter; json.loads raises RecursionError on it)."""
    return "[" * 100_000 + "]" * 100_000


def lone_surrogate_json() -> str:
    """A record whose text holds a lone UTF-16 surrogate escape (a JavaScript exporter cut an emoji in half)."""
    return '[{"id": "s1", "text": "Selenskyj sagte: \\u201eWir k\\u00e4mpfen \\ud83c weiter.\\u201c"}]'


def run_on_sentence(repeats: int) -> str:
    """One sentence without a full stop in which a speech verb recurs `repeats` times (a transcript, an OCR dump)."""
    return ("und dann sagte er dass alles gut werde " * repeats).strip()


def big_article(megabytes: int = 50) -> str:
    """A well-formed article of about `megabytes` MB: the seed reports repeated as paragraphs."""
    seeds = [p.read_text(encoding="utf-8").strip() for p in sorted(SEEDS.glob("*.txt"))]
    block = "\n\n".join(seeds) + "\n\n"
    target = megabytes * 1_000_000
    return (block * (target // len(block) + 1))[:target]


def tiny_files(folder: Path, n: int = 10_000) -> list[Path]:
    """`n` distinct one-sentence articles, one per file (an export of a feed)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"{i:05d}.txt"
        path.write_text(f"Meldung {i}: Rutte sagte, die Ukraine brauche Frieden.\n", encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------- invariants of one article's analysis


def assert_consistent(text: str, tables: dict[str, list[dict]]) -> None:
    """Every offset inside the text, sections a partition, sentences inside sections, scores inside their ranges."""
    n = len(text)
    sections = tables["sections"]
    if text:
        assert sections, "a non-empty text has at least one section"
        assert sections[0]["start"] == 0 and sections[-1]["end"] == n, "sections cover the whole text"
    for i, s in enumerate(sections):
        assert s["section_id"] == i
        assert 0 <= s["start"] < s["end"] <= n, s
        assert s["kind"] in SECTION_KINDS, s
        assert s["text"] == text[s["start"] : s["end"]]
        if i:
            assert sections[i - 1]["end"] == s["start"], "sections are consecutive, without gaps or overlaps"
    last_end = 0
    sentence_bounds = {}
    for i, r in enumerate(tables["sentences"]):
        assert r["sentence_id"] == i
        section = sections[r["section_id"]]
        assert section["start"] <= r["start"] < r["end"] <= section["end"], (r, section)
        assert r["start"] >= last_end, "sentences are ordered and do not overlap"
        last_end = r["end"]
        assert r["text"] == text[r["start"] : r["end"]]
        assert r["kind"] == section["kind"]
        assert r["voice"] in VOICES
        assert 0.0 <= r["quoted_share"] <= 1.0
        assert -1.0 <= r["tone"] <= 1.0 and r["tone_label"] in TONE_LABELS
        assert 0.0 <= r["opinion"] <= 1.0
        assert r["polarity_textblob"] is None or -1.0 <= r["polarity_textblob"] <= 1.0
        sentence_bounds[i] = (r["start"], r["end"])
    for seg in tables["voice_segments"]:
        start, end = sentence_bounds[seg["sentence_id"]]
        assert start <= seg["start"] < seg["end"] <= end, seg
        assert seg["n_chars"] == seg["end"] - seg["start"]
        assert seg["voice"] in VOICES
        assert -1.0 <= seg["tone"] <= 1.0 and seg["tone_label"] in TONE_LABELS
    for i, q in enumerate(tables["quotes"]):
        assert q["quote_id"] == i
        assert 0 <= q["start"] < q["end"] <= n, q
        assert q["text"] == text[q["start"] : q["end"]]
        assert q["mode"] in (*QUOTE_MODES, TERM_MODE) and q["speaker_kind"] in SPEAKER_KINDS, q
        assert 0 <= q["section_id"] < len(sections)
        for a, b in (("cue_start", "cue_end"), ("speaker_start", "speaker_end")):
            if q[a] is not None or q[b] is not None:
                assert 0 <= q[a] <= q[b] <= n, q



_TAG = re.compile(r"<\s*/?\s*(script|iframe|style)\b", re.I)


def has_markup(text: str) -> bool:
    return bool(_TAG.search(text))
