"""The `framing` command: a thin shell around framing.pipeline and framing.aggregate.tables.

The only place besides dashboard.py that talks to the terminal; FramingError becomes a one-line message and exit 2.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from framing import __version__
from framing.errors import FramingError

if TYPE_CHECKING:
    from framing.pipeline import StoredAnalysis

EPILOG = "Run `framing COMMAND --help` for the options of a command."


class ProgressBar:
    """A one-line progress bar on stderr (only when stderr is a terminal, or when forced)."""

    def __init__(self, label: str, enabled: bool | None = None) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.started = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(now - self.started, 1e-9)
        sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} ({rate:,.0f}/s)")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _add_analysis_options(p: argparse.ArgumentParser, paths_required: bool = True) -> None:
    p.add_argument("paths", nargs="+" if paths_required else "*", metavar="PATH",
                   help="article files or folders (.txt .md .jsonl .json .csv .tsv .html, also packed: .gz .bz2 .xz, "
                   ".zip .tar .tar.gz); folders are read recursively")
    p.add_argument("--manifest", type=Path, help="CSV with article_id and outlet/agency/date/title/url per article "
                   "(a manifest.csv inside a given folder is read automatically)")
    p.add_argument("--outlets", type=Path, default=None, help="outlets.csv with outlet, group, aliases (and label) "
                   "per outlet, used instead of an outlets.csv inside a given folder (default: $FRAMING_OUTLETS)")
    p.add_argument("--actors", type=Path, default=None,
                   help="your actors file (CSV: canonical, aliases, group, type) that merges, splits and labels "
                        "speakers; default: actors.csv at the top of a corpus folder")
    p.add_argument("--terms", type=Path, default=None,
                   help="your terms file (CSV: term, and optional label, pattern, ignore_case, compounds): every "
                        "mention of its terms with the tone towards it; default: terms.csv at the top of a corpus folder")
    p.add_argument("--workers", type=int, default=None, help="processes to use (default: all cores)")
    p.add_argument("--cache-dir", type=Path, default=None,
                   help="where analysed articles are kept for reuse (default: $FRAMING_CACHE_DIR or ~/.cache/framing)")
    p.add_argument("--no-cache", action="store_true", help="analyse everything afresh and store nothing")
    p.add_argument("--no-textblob", action="store_true",
                   help="skip the textblob-de polarity column (the slowest step; our own tone score is kept)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local processes (default) or a Dask cluster (needs the 'dask' extra)")
    p.add_argument("--scheduler", default=None,
                   help="with --engine dask: address of a running scheduler (default: a LocalCluster)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


@contextmanager
def _analysed(args: argparse.Namespace) -> Iterator[StoredAnalysis]:
    """The articles of args.paths analysed; the tables stay on disk until read (framing.pipeline.StoredAnalysis)."""
    from framing.pipeline import analyze_on_disk
    from framing.load import load_corpus

    with ExitStack() as stack:
        executor = None
        if args.engine == "dask":
            from framing.pipeline.dask import dask_client

            executor = stack.enter_context(dask_client(args.scheduler, args.workers))
        from framing.actors.gazetteer import find_actors_file, load_actors_file

        from framing.terms import find_terms_file, load_terms

        pool = None
        workers = args.workers if args.workers is not None else (os.cpu_count() or 1)
        if executor is None and workers > 1:  # one pool for the load's language identification and the analysis
            from framing.pipeline.run import process_pool

            pool = stack.enter_context(process_pool(workers))
        loaded = load_corpus(args.paths, manifest=args.manifest, outlets=args.outlets, executor=pool)
        actors = args.actors or find_actors_file(args.paths)
        if actors is not None:
            load_actors_file(actors)  # a malformed file is reported before the analysis starts
        terms_file = args.terms or find_terms_file(args.paths)
        terms = load_terms(terms_file) if terms_file is not None else None
        analysis = stack.enter_context(analyze_on_disk(
            loaded.articles, errors=loaded.errors, workers=args.workers, cache_dir=args.cache_dir, actors=actors,
            terms=terms,
            use_cache=not args.no_cache, textblob=not args.no_textblob, executor=executor, pool=pool,
            progress=None if args.quiet else ProgressBar("analysing")))
        if pool is not None:
            pool.shutdown()  # the idle workers' memory is not needed for writing the tables
        yield analysis


def cmd_analyze(args: argparse.Namespace) -> int:
    import polars as pl

    from framing.pipeline import scan_analysis, stored_reuse
    from framing.present.export import write_tables
    from framing.present.words import plural

    started = time.monotonic()
    with _analysed(args) as analysis:
        # On a cluster the parquet is partitioned (NAME/part-*.parquet), which framing compare and the dashboard scan.
        parts = args.rows_per_part or (200_000 if args.engine == "dask" else None)
        stamps: dict[str, dict[str, str]] = {}

        def tables() -> Iterator[tuple[str, pl.DataFrame]]:
            yield from analysis.tables().items()
            # Last, when the other tables are written and let go: the text-reuse pairs, which the dashboard and
            # `framing compare --analysis` then read instead of finding them (framing.pipeline.stored_reuse).
            if not args.quiet:
                print("finding the passages the articles share …", file=sys.stderr)
            pairs, stamps[stored_reuse.TABLE] = stored_reuse.find_pairs(analysis.articles)
            yield stored_reuse.TABLE, pairs

        write_tables(tables(), args.out, rows_per_part=parts, parquet_only=(stored_reuse.TABLE,), metadata=stamps)
    rows = {name: frame.select(pl.len()).collect().item() for name, frame in scan_analysis(args.out).items()}
    n_pairs = pl.scan_parquet(stored_reuse.files(Path(args.out))).select(pl.len()).collect().item()
    errors = analysis.errors
    n_err = errors.filter(errors["severity"] == "error").height
    n_note = errors.filter(errors["severity"] == "note").height
    n_warn = errors.height - n_err - n_note

    def n(count: int, word: str) -> str:  # "1 error", "2 errors" (numbers without separators: scripts read them)
        return f"{count} {plural(count, word)}"

    notes = f", {n(n_note, 'note')}" if n_note else ""  # what the loader did (a column read as outlet): nothing wrong
    print(
        f"analysed {n(analysis.articles.height, 'article')} ({analysis.articles['n_chars'].sum() or 0:,} characters): "
        f"{n(rows['sections'], 'section')}, {n(rows['sentences'], 'sentence')}, "
        f"{n(rows['quotes'], 'quote')}, {n(rows['term_mentions'], 'term mention')}, "
        f"{n(n_pairs, 'article pair')} sharing text; {n(n_err, 'error')}, {n(n_warn, 'warning')}{notes}; "
        f"{n(analysis.reused, 'article')} reused from the cache "
        f"in {time.monotonic() - started:.1f} s -> {args.out}"
    )
    if n_err or n_warn:
        print(f"see {Path(args.out) / 'errors.csv'} for the problems, file by file", file=sys.stderr)
    elif n_note:
        print(f"see {Path(args.out) / 'errors.csv'} for the notes on how the files were read", file=sys.stderr)
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from framing.aggregate.filters import Filter, outlet_label, resolve_outlets
    from framing.aggregate.tables import compare_tables
    from framing.load.outlets import outlets_files, read_outlets
    from framing.present.export import write_tables

    flt = Filter.from_cli(args)
    if args.analysis:
        from framing.pipeline import scan_analysis, stored_tables

        outlets = args.outlets or os.environ.get("FRAMING_OUTLETS", "").strip() or None
        if outlets is not None:  # regroup the stored articles by this outlets.csv
            outlets = read_outlets(outlets_files([], outlets))
        if flt.outlets:
            stored = scan_analysis(args.analysis)["articles"].select(outlet_label()).unique()
            present = stored.collect()["outlet"].to_list() + [o.name for o in (outlets.outlets if outlets else ())]
            flt = resolve_outlets(flt, present, outlets)
        # read lazily, each table written as it is made (never all of them in memory)
        tables = stored_tables(args.analysis, by=args.by, period=args.period, flt=flt, outlets=outlets)
    elif args.paths:
        with _analysed(args) as stored:
            analysis = stored.collect()
        if flt.outlets:
            from framing.load.corpus import outlet_table

            present = analysis.articles.select(outlet_label())["outlet"].to_list()
            flt = resolve_outlets(flt, present, outlet_table(args.paths, args.outlets))
        tables = compare_tables(flt.apply(analysis), by=args.by, period=args.period)
    else:
        raise FramingError("give article files or folders (PATH...), or --analysis DIR (the --out of framing analyze)")
    written = write_tables(tables, args.out, caption=flt.describe())
    print(f"{sum(path.suffix == '.csv' for path in written)} tables for {flt.describe()} -> {args.out}")
    return 0


def _port_free(host: str, port: int) -> None:
    """Raise FramingError when `port` on `host` is taken (another dashboard, say)."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise FramingError(f"port {port} on {host} is not available ({exc.strerror}); stop what runs there or "
                               "choose another with --port") from None


def cmd_dashboard(args: argparse.Namespace) -> int:
    from framing.app import server

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise FramingError(f"{', '.join(map(str, missing))} does not exist; give folders or files of articles")
    if args.analysis is not None and not Path(args.analysis).is_dir():
        raise FramingError(f"--analysis {args.analysis} is not a folder; give the --out folder of framing analyze")
    if args.outlets is not None and not Path(args.outlets).is_file():
        raise FramingError(f"--outlets {args.outlets} does not exist; give the path of an outlets.csv")
    port = args.port or 8501
    _port_free(args.host, port)  # before the address is printed: a busy port is said first, not after it
    where = f"http://{args.host}:{port}"
    corpus = (f"the analysis in {args.analysis}" if args.analysis is not None else
              ", ".join(map(str, args.paths)) or "the bundled corpus")
    print(f"framing dashboard on {where} ({corpus}); Ctrl-C stops it", file=sys.stderr)
    return server.serve(args.paths, host=args.host, port=args.port, analysis=args.analysis, outlets=args.outlets)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Compare how German news outlets frame the same story: tone, who gets quoted, and where the "
        "outlet speaks in its own voice.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = sub.add_parser(
        "analyze", help="analyse articles and write every table (CSV and parquet)",
        description="Load the articles, split them into sections and sentences, find quotations and speakers, score "
        "tone and opinion, find the mentions of the terms of terms.csv and of named actors with the tone towards each, "
        "and write articles, sections, sentences, voice_segments, quotes, errors, term_mentions and actor_mentions "
        "as CSV and parquet to --out, and the article pairs that share text (text_reuse) as parquet.")
    _add_analysis_options(analyze)
    analyze.add_argument("--out", type=Path, required=True,
                         help="folder for the tables (created if missing; replaced as a whole on every run)")
    analyze.add_argument("--rows-per-part", type=int, default=None,
                         help="write parquet as NAME/part-*.parquet with this many rows each (default with "
                         "--engine dask: 200000)")
    analyze.set_defaults(func=cmd_analyze)

    compare = sub.add_parser(
        "compare", help="write the comparison tables (by outlet, section kind or date) for a filtered view",
        description="Analyse the articles (reusing cached results) and write each comparison table as CSV and "
        "parquet, exactly as the dashboard shows and downloads them.")
    _add_analysis_options(compare, paths_required=False)
    compare.add_argument("--analysis", type=Path, default=None,
                         help="read the tables of an earlier `framing analyze --out DIR` instead of analysing PATHs")
    compare.add_argument("--out", type=Path, required=True, help="folder for the tables (created if missing)")
    compare.add_argument("--by", choices=["outlet", "group", "article", "outlet_kind", "outlet_date"],
                         default="outlet", help="rows of each table: per outlet (default), per group of outlets "
                         "(outlets.csv), per article, per outlet and section kind, or per outlet and period")
    compare.add_argument("--period", choices=["day", "week", "month", "year"], default="month",
                         help="with --by outlet_date: the length of a period")
    from framing.aggregate.filters import add_filter_arguments

    add_filter_arguments(compare)
    compare.set_defaults(func=cmd_compare)

    dashboard = sub.add_parser(
        "dashboard", help="start the dashboard in the browser (on the bundled corpus, or on PATHs)",
        description="Start the Streamlit dashboard on the given article files or folders (default: the corpus that "
        "ships with framing, plus your uploads). It listens on 127.0.0.1 only, sends no usage statistics and talks "
        "to no other host.")
    dashboard.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: the bundled "
                           "corpus; $FRAMING_CORPUS when set)")
    dashboard.add_argument("--port", type=int, default=None, help="port to listen on (default 8501, or the next free)")
    dashboard.add_argument("--host", default="127.0.0.1",
                           help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 opens it to "
                           "the network)")
    dashboard.add_argument("--analysis", type=Path, default=None,
                           help="open the tables of an earlier `framing analyze --out DIR` instead of analysing")
    dashboard.add_argument("--outlets", type=Path, default=None, help="outlets.csv (outlet, group, aliases, label) "
                           "used instead of an outlets.csv inside the corpus folders (default: $FRAMING_OUTLETS)")
    dashboard.set_defaults(func=cmd_dashboard)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except FramingError as exc:
        print(f"framing: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("framing: interrupted; results written so far are kept in the cache and reused next time",
              file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output went away (`framing analyze … | head`): no traceback, and none at exit when
        # Python flushes stdout into the closed pipe (the Python docs' recipe, "Note on SIGPIPE")
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
