"""Benchmark: reading big inputs stays bounded (issue 17). Peak memory and time of

- a JSON-lines file of 2 GB, read record by record (framing.load.readers.read_file);
- a single JSON array of 500 MB on one line, read record by record;
- a folder of 1,000,000 small files, discovered (framing.load.discover.walk) without holding the list;
- a baseline: the same process reading one small file (imports and the interpreter);
- for contrast, the whole `load_corpus` on a 200 MB JSON-lines file: its articles table holds every text, so
  this one grows with the input by design.

    python -m bench.big_inputs                          # all three at full size (about 6 GB of disk, 10 minutes)
    python -m bench.big_inputs --jsonl-gb 0.2 --json-mb 50 --files 100000   # a quick run
    python -m bench.big_inputs --write                  # also write the section of bench/RESULTS.md

Every measurement runs in a fresh child process, so its peak resident memory (getrusage ru_maxrss) is that
reading's alone. The inputs are written to a temporary folder (or --dir) and removed afterwards. What is measured
is the reading, not `load_corpus`: the articles table holds every text, so it grows with the corpus by design.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
HEADING = "## Big inputs, read streaming (issue 17)"
PARAGRAPH = ("Kiew. Nato-Generalsekretär Mark Rutte hat in Kiew robuste Sicherheitsgarantien für die Ukraine "
             "gefordert. „Die Ukraine braucht einen gerechten Frieden“, sagte Rutte am Freitag. Kremlsprecher Dmitri "
             "Peskow sagte, Moskau werde keine Truppen der Nato in der Ukraine dulden.\u2028")


def record(i: int, size: int = 2000) -> str:
    text = (PARAGRAPH * (size // len(PARAGRAPH) + 1))[:size] + f" Meldung {i}."
    return json.dumps({"id": f"r{i}", "outlet": "nd", "date": "2025-08-22", "text": text}, ensure_ascii=False)


def write_jsonl(path: Path, target_bytes: int) -> int:
    n = written = 0
    with open(path, "w", encoding="utf-8") as fh:
        while written < target_bytes:
            lines = "".join(record(n + k) + "\n" for k in range(1000))
            fh.write(lines)
            written += len(lines.encode("utf-8"))
            n += 1000
    return n


def write_json_array(path: Path, target_bytes: int) -> int:
    n = 0
    written = 1
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("[")
        while written < target_bytes:
            part = ", ".join(record(n + k) for k in range(1000))
            fh.write((", " if n else "") + part)
            written += len(part.encode("utf-8")) + 2
            n += 1000
        fh.write("]")  # one line, as json.dump writes it
    return n


def write_files(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = "Meldung: Rutte sagte, die Ukraine brauche Frieden.\n".encode()
    for i in range(n):
        fd = os.open(folder / f"{i:07d}.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.write(fd, data)
        os.close(fd)


# ---------------------------------------------------------------- the child: one measurement

def child(kind: str, path: str) -> None:
    started = time.perf_counter()
    count = problems = 0
    if kind == "load":  # the whole of load_corpus: the articles table holds every text, so it grows with the file
        from framing.load import load_corpus

        loaded = load_corpus([path])
        count, problems = loaded.articles.height, loaded.errors.height
    elif kind == "files":
        from framing.load.discover import walk

        for what, _ in walk([path]):
            count += what == "article"
            problems += what == "problem"
    else:
        from framing.load.readers import Article, read_file

        for item in read_file(Path(path)):
            if isinstance(item, Article):
                count += 1
            else:
                problems += 1
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"count": count, "problems": problems, "seconds": seconds, "peak_mb": peak_mb}))


def measure(kind: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.big_inputs", "--child", kind, str(path)], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def du(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(e.stat().st_size for e in os.scandir(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jsonl-gb", type=float, default=2.0)
    parser.add_argument("--json-mb", type=float, default=500.0)
    parser.add_argument("--files", type=int, default=1_000_000)
    parser.add_argument("--load-mb", type=float, default=200.0,
                        help="size of the JSON-lines file given to the whole load_corpus (0: skip)")
    parser.add_argument("--only", choices=["jsonl", "json", "files", "load"], action="append")
    parser.add_argument("--dir", type=Path, default=None, help="where to write the inputs (default: a temp folder)")
    parser.add_argument("--write", action="store_true", help=f"write the section {HEADING!r} of bench/RESULTS.md")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    only = set(args.only or ["jsonl", "json", "files", "load"])
    base = Path(tempfile.mkdtemp(prefix="framing-big-", dir=args.dir))
    rows = []
    try:
        small = base / "one.jsonl"
        write_jsonl(small, 1)
        rows.append(("baseline: a small JSON-lines file", f"{du(small) / 1e6:,.0f} MB of content",
                     measure("jsonl", small), None))
        cases = [("jsonl", f"JSON lines, {args.jsonl_gb:g} GB", base / "big.jsonl",
                  lambda p: write_jsonl(p, int(args.jsonl_gb * 1e9))),
                 ("json", f"one JSON array on one line, {args.json_mb:g} MB", base / "big.json",
                  lambda p: write_json_array(p, int(args.json_mb * 1e6))),
                 ("files", f"{args.files:,} small files in one folder", base / "many",
                  lambda p: write_files(p, args.files)),
                 ("load", f"load_corpus (the whole load, with the table) on JSON lines, {args.load_mb:g} MB",
                  base / "load.jsonl", lambda p: write_jsonl(p, int(args.load_mb * 1e6)))]
        for kind, label, path, make in cases:
            if kind not in only or (kind == "load" and not args.load_mb):
                continue
            t = time.perf_counter()
            make(path)
            print(f"wrote {label} in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
            result = measure(kind, path)
            rows.append((label, f"{du(path) / 1e6:,.0f} MB of content", result, kind))
            print(label, result, file=sys.stderr, flush=True)
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    table = render(rows)
    print(table)
    if args.write:
        write_section(table)


def render(rows) -> str:
    lines = [HEADING, "",
             f"`python -m bench.big_inputs` on {platform.node() or 'this machine'} ({os.cpu_count()} cores, Python "
             f"{platform.python_version()}), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Each reading in a "
             "fresh process; peak = its peak resident memory (ru_maxrss), which includes the interpreter and the "
             "imports (the baseline row). The reading rows measure the reading alone; the last row is the whole "
             "`load_corpus`, whose articles table keeps every text (and which tells each article's language), so it "
             "grows with the corpus by design.", "",
             "| input | size | articles (files) | problems | time | records/s | peak memory |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for label, size, r, _ in rows:
        rate = r["count"] / r["seconds"] if r["seconds"] else 0
        lines.append(f"| {label} | {size} | {r['count']:,} | {r['problems']:,} | {r['seconds']:.1f} s | "
                     f"{rate:,.0f} | {r['peak_mb']:,.0f} MB |")
    return "\n".join(lines) + "\n"


def write_section(table: str, heading: str = HEADING) -> None:
    """Replace (or add) one benchmark's section of RESULTS.md; every other section stays as it is."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: table + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + table
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
