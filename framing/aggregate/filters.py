"""One filter value for the dashboard, the CLI and the exports: what it keeps, and what it says in words.

A `Filter` selects articles (outlet, group of outlets, date range, text search, language) and, inside them, parts of the analysis
(section kinds, voices, speakers, speaker groups). `apply` restricts every table of an `Analysis` consistently;
`describe` renders the filter as the sentence shown above every table; `to_query_params` / `from_query_params`
carry it in the URL.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import polars as pl

from framing import schema
from framing.errors import ConfigError
from framing.load.repair import INVISIBLE

UNKNOWN_OUTLET = "(unknown outlet)"  # how a null outlet is shown, grouped and selected
NO_GROUP = "(no group)"  # the group of an outlet that outlets.csv does not list (or of an unknown outlet)
UNKNOWN_LANGUAGE = "(too short to tell)"  # how a null language (framing.load.language) is shown and selected

_FALSE = {"0", "false", "no", "off", "n"}

A = TypeVar("A")


def outlet_label() -> pl.Expr:
    """The outlet column with a null outlet shown as UNKNOWN_OUTLET (never dropped)."""
    return pl.col("outlet").fill_null(UNKNOWN_OUTLET).alias("outlet")


def group_label() -> pl.Expr:
    """The outlet's group (articles column `group`, from outlets.csv) with a null group shown as NO_GROUP."""
    return pl.col("group").fill_null(NO_GROUP).alias("group")


def with_group_column(articles: pl.DataFrame) -> pl.DataFrame:
    """An articles frame that has the `group` column (null where absent: an analysis stored before outlets.csv)."""
    return articles if "group" in articles.columns else articles.with_columns(pl.lit(None, pl.String).alias("group"))


def _clean_tuple(values: Any) -> tuple[str, ...]:
    """A tuple of distinct non-empty stripped strings, first occurrence order; a lone string is one value."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = (values,)
    out: list[str] = []
    for value in values:
        if value is None:
            continue
        text = str(value).strip()
        if text and text not in out:
            out.append(text)
    return tuple(out)


def _join_words(words: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@dataclass(frozen=True)
class Filter:
    """What part of the corpus a view shows. Empty tuples and None mean "no restriction".

    `text` is a case-insensitive literal substring search over each article's title and text: it selects whole
    articles (all their sections, sentences and quotes stay), so tables keep their context.
    """

    outlets: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()  # groups of outlets (outlets.csv); NO_GROUP for outlets it does not list
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    include_undated: bool = True
    section_kinds: tuple[str, ...] = ()
    voices: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    speaker_groups: tuple[str, ...] = ()
    text: str = field(default="")
    languages: tuple[str, ...] = ()  # article languages (de, en, ...; UNKNOWN_LANGUAGE for too short to tell)

    def __post_init__(self) -> None:
        # Normalise so that equal views compare equal and round-trip through the URL unchanged.
        for name in ("outlets", "groups", "section_kinds", "voices", "speakers", "speaker_groups", "languages"):
            object.__setattr__(self, name, _clean_tuple(getattr(self, name)))
        object.__setattr__(self, "text", (self.text or "").strip())
        object.__setattr__(self, "include_undated", bool(self.include_undated))
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if isinstance(value, dt.datetime):
                object.__setattr__(self, name, value.date())

    # ---- words -------------------------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        """True when the filter keeps everything."""
        return self == Filter()

    def describe(self) -> str:
        """The filter as one sentence, e.g. "nd and OZD, commentary only, 2025-08-01 to 2025-08-31, undated included"."""
        parts = [_join_words(self.outlets) if self.outlets else "all outlets"]
        if self.groups:
            noun = "group" if len(self.groups) == 1 else "groups"
            parts.append(f"outlet {noun} {_join_words(self.groups)}")
        if self.section_kinds:
            parts.append(_join_words(k.replace("_", " ") for k in self.section_kinds) + " only")
        if self.voices:
            noun = "voice" if len(self.voices) == 1 else "voices"
            parts.append(f"{_join_words(self.voices)} {noun} only")
        if self.speakers:
            parts.append("quotes by " + _join_words(self.speakers))
        if self.speaker_groups:
            parts.append("quotes from " + _join_words(self.speaker_groups))
        if self.text:
            parts.append(f'text contains "{self.text}"')
        if self.languages:
            parts.append(f"language {_join_words(self.languages)} only")
        if self.date_from and self.date_to:
            parts.append(f"{self.date_from.isoformat()} to {self.date_to.isoformat()}")
        elif self.date_from:
            parts.append(f"from {self.date_from.isoformat()}")
        elif self.date_to:
            parts.append(f"until {self.date_to.isoformat()}")
        else:
            parts.append("all dates")
        has_range = self.date_from is not None or self.date_to is not None
        if has_range or not self.include_undated:
            parts.append("undated included" if self.include_undated else "undated excluded")
        return ", ".join(parts)

    # ---- applying ----------------------------------------------------------------------------------------------

    def article_mask(self) -> pl.Expr:
        """Boolean expression over an ARTICLES frame: the articles this filter keeps."""
        keep = pl.lit(True)
        if self.outlets:
            keep = keep & outlet_label().is_in(list(self.outlets))
        if self.groups:
            keep = keep & group_label().is_in(list(self.groups))
        undated = pl.col("date_first").is_null() | pl.col("date_last").is_null()
        dated_ok = pl.lit(True)
        # An article's date may be a whole month or year: keep it when [date_first, date_last] overlaps the range.
        if self.date_from is not None:
            dated_ok = dated_ok & (pl.col("date_last") >= pl.lit(self.date_from))
        if self.date_to is not None:
            dated_ok = dated_ok & (pl.col("date_first") <= pl.lit(self.date_to))
        keep = keep & pl.when(undated).then(pl.lit(self.include_undated)).otherwise(dated_ok)
        if self.languages:
            keep = keep & pl.col("language").fill_null(UNKNOWN_LANGUAGE).is_in(list(self.languages))
        if self.text:
            # soft hyphens and zero-width spaces split a word where the text shows none: the search looks through
            # them (in the text and in what is searched for)
            needle = INVISIBLE.sub("", self.text.lower())
            haystack = pl.concat_str(
                [pl.col("title").fill_null(""), pl.col("text").fill_null("")], separator="\n"
            ).str.to_lowercase().str.replace_all(INVISIBLE.pattern, "")
            keep = keep & haystack.str.contains(needle, literal=True)
        return keep

    def apply(self, analysis: A) -> A:
        """The analysis restricted to this filter, every table consistently (errors are kept as they are).

        - articles: outlet, group, date range (overlap; undated only when `include_undated`), text search;
        - sections: of kept articles, of the chosen `section_kinds`;
        - sentences: of kept sections' kinds, whose dominant `voice` is chosen;
        - voice_segments: of sentences in the chosen kinds, in the chosen voices;
        - quotes: in sections of the chosen kinds, by the chosen speakers / groups; with `voices` chosen, quotes
          of readers stay only with the "reader" voice and all other quotes only with the "quoted" voice;
        - term_mentions, actor_mentions: in the kept sentences' articles and kinds, in the chosen voices.
        """
        if self.is_empty():
            return analysis
        articles = (with_group_column(analysis.articles) if self.groups else analysis.articles).filter(
            self.article_mask())
        ids = articles.select("article_id")

        sections = analysis.sections.join(ids, on="article_id", how="semi")
        sentences = analysis.sentences.join(ids, on="article_id", how="semi")
        segments = analysis.voice_segments.join(ids, on="article_id", how="semi")
        quotes = analysis.quotes.join(ids, on="article_id", how="semi")
        # term and actor mentions: of kept articles, in sentences of the chosen kinds, in the chosen voices
        mentions = {name: getattr(analysis, name).join(ids, on="article_id", how="semi")
                    for name in ("term_mentions", "actor_mentions") if hasattr(analysis, name)}

        if self.section_kinds:
            kinds = list(self.section_kinds)
            sections = sections.filter(pl.col("kind").is_in(kinds))
            sentences = sentences.filter(pl.col("kind").is_in(kinds))
            segments = segments.join(sentences.select("article_id", "sentence_id"), on=["article_id", "sentence_id"], how="semi")
            quotes = quotes.join(sections.select("article_id", "section_id"), on=["article_id", "section_id"], how="semi")
            mentions = {name: frame.join(sentences.select("article_id", "sentence_id"),
                                         on=["article_id", "sentence_id"], how="semi")
                        for name, frame in mentions.items()}
        if self.voices:
            voices = list(self.voices)
            sentences = sentences.filter(pl.col("voice").is_in(voices))
            segments = segments.filter(pl.col("voice").is_in(voices))
            is_reader = pl.col("speaker_kind").fill_null("") == "reader"
            keep_quote = pl.lit(False)
            if "reader" in voices:
                keep_quote = keep_quote | is_reader
            if "quoted" in voices:
                keep_quote = keep_quote | ~is_reader
            quotes = quotes.filter(keep_quote)
            mentions = {name: frame.filter(pl.col("voice").is_in(voices)) for name, frame in mentions.items()}
        if self.speakers:
            quotes = quotes.filter(pl.col("speaker").is_in(list(self.speakers)))
        if self.speaker_groups:
            quotes = quotes.filter(pl.col("speaker_group").is_in(list(self.speaker_groups)))

        return dataclasses.replace(
            analysis,
            articles=articles,
            sections=sections,
            sentences=sentences,
            voice_segments=segments,
            quotes=quotes,
            **mentions,
        )

    # ---- URL and CLI -------------------------------------------------------------------------------------------

    def to_query_params(self) -> dict[str, str | list[str]]:
        """The filter as URL query parameters; only what differs from the default is written."""
        params: dict[str, str | list[str]] = {}
        if self.outlets:
            params["outlet"] = list(self.outlets)
        if self.groups:
            params["outlet_group"] = list(self.groups)
        if self.date_from:
            params["from"] = self.date_from.isoformat()
        if self.date_to:
            params["to"] = self.date_to.isoformat()
        if not self.include_undated:
            params["undated"] = "0"
        if self.section_kinds:
            params["kind"] = list(self.section_kinds)
        if self.voices:
            params["voice"] = list(self.voices)
        if self.speakers:
            params["speaker"] = list(self.speakers)
        if self.speaker_groups:
            params["group"] = list(self.speaker_groups)
        if self.text:
            params["q"] = self.text
        if self.languages:
            params["lang"] = list(self.languages)
        return params

    @classmethod
    def from_query_params(cls, params: Mapping[str, Any] | None) -> Filter:
        """A filter from URL query parameters; junk (bad dates, unknown kinds or voices) is ignored, never raised.

        `params` is a mapping of str to str or list of str, or Streamlit's `st.query_params` itself (read with
        `get_all`, so repeated keys keep all their values). Write back with `st.query_params.from_dict(...)`.
        """
        if not params:
            return cls()

        def values(key: str) -> list[str]:
            try:
                # st.query_params.get() gives only the last of repeated keys; get_all() gives them all
                raw = params.get_all(key) if hasattr(params, "get_all") else params.get(key)
            except Exception:  # a mapping-like object that misbehaves: treat as absent
                return []
            if raw is None:
                return []
            if isinstance(raw, (str, bytes)):
                raw = [raw]
            try:
                items = list(raw)
            except TypeError:
                items = [raw]
            out = []
            for item in items:
                if isinstance(item, bytes):
                    item = item.decode("utf-8", "replace")
                out.append(str(item))
            return out

        def one(key: str) -> str:
            found = values(key)
            return found[-1].strip() if found else ""

        undated_raw = one("undated").lower()
        return cls(
            outlets=tuple(values("outlet")),
            groups=tuple(values("outlet_group")),
            date_from=_parse_date(one("from")),
            date_to=_parse_date(one("to")),
            include_undated=undated_raw not in _FALSE,
            section_kinds=tuple(k for k in _clean_tuple(values("kind")) if k in schema.SECTION_KINDS),
            voices=tuple(v for v in _clean_tuple(values("voice")) if v in schema.VOICES),
            speakers=tuple(values("speaker")),
            speaker_groups=tuple(values("group")),
            text=one("q"),
            languages=tuple(values("lang")),
        )

    @classmethod
    def from_cli(
        cls,
        args: argparse.Namespace | None = None,
        /,
        *,
        outlets: Iterable[str] | None = None,
        groups: Iterable[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        include_undated: bool = True,
        section_kinds: Iterable[str] | None = None,
        voices: Iterable[str] | None = None,
        speakers: Iterable[str] | None = None,
        speaker_groups: Iterable[str] | None = None,
        text: str | None = None,
        languages: Iterable[str] | None = None,
    ) -> Filter:
        """A filter from command-line strings; unlike the URL, a bad value raises ConfigError saying what is wrong.

        Pass either the argparse namespace of a parser set up with `add_filter_arguments`, or the values by name.
        """
        if args is not None:
            return cls.from_cli(
                outlets=getattr(args, "outlet", None),
                groups=getattr(args, "outlet_group", None),
                date_from=getattr(args, "date_from", None),
                date_to=getattr(args, "date_to", None),
                include_undated=getattr(args, "include_undated", True),
                section_kinds=getattr(args, "kind", None),
                voices=getattr(args, "voice", None),
                speakers=getattr(args, "speaker", None),
                speaker_groups=getattr(args, "group", None),
                text=getattr(args, "search", None),
                languages=getattr(args, "language", None),
            )
        kinds = _clean_tuple(section_kinds)
        bad = [k for k in kinds if k not in schema.SECTION_KINDS]
        if bad:
            raise ConfigError(f"unknown section kind {', '.join(bad)}: use one of {', '.join(schema.SECTION_KINDS)}")
        chosen_voices = _clean_tuple(voices)
        bad = [v for v in chosen_voices if v not in schema.VOICES]
        if bad:
            raise ConfigError(f"unknown voice {', '.join(bad)}: use one of {', '.join(schema.VOICES)}")
        parsed = {}
        for name, raw in (("date_from", date_from), ("date_to", date_to)):
            if raw is None or not str(raw).strip():
                parsed[name] = None
                continue
            value = _parse_date(str(raw))
            if value is None:
                raise ConfigError(f"{name.replace('_', ' ')} {raw!r} is not a date: write it as YYYY-MM-DD")
            parsed[name] = value
        if parsed["date_from"] and parsed["date_to"] and parsed["date_from"] > parsed["date_to"]:
            raise ConfigError(f"date from {parsed['date_from']} is after date to {parsed['date_to']}")
        return cls(
            outlets=_clean_tuple(outlets),
            groups=_clean_tuple(groups),
            date_from=parsed["date_from"],
            date_to=parsed["date_to"],
            include_undated=include_undated,
            section_kinds=kinds,
            voices=chosen_voices,
            speakers=_clean_tuple(speakers),
            speaker_groups=_clean_tuple(speaker_groups),
            text=text or "",
            languages=_clean_tuple(languages),
        )


def _parse_date(raw: str) -> dt.date | None:
    """YYYY-MM-DD as a date; anything else None."""
    raw = (raw or "").strip()
    if len(raw) != 10:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The filter options of a command (`framing compare`); read them back with `Filter.from_cli(args)`."""
    group = parser.add_argument_group("filter", "which articles and which parts of them the tables cover")
    group.add_argument("--outlet", action="append", metavar="NAME",
                       help=f"only this outlet (repeatable); {UNKNOWN_OUTLET!r} selects articles without one")
    group.add_argument("--outlet-group", dest="outlet_group", action="append", metavar="GROUP",
                       help=f"only outlets of this group of outlets.csv (repeatable); {NO_GROUP!r} selects outlets "
                       "it does not list")
    group.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                       help="only articles whose date can fall on or after this day")
    group.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                       help="only articles whose date can fall on or before this day")
    group.add_argument("--no-undated", dest="include_undated", action="store_false",
                       help="leave out articles without a date (kept by default)")
    group.add_argument("--kind", action="append", metavar="KIND",
                       help=f"only these section kinds (repeatable): {', '.join(schema.SECTION_KINDS)}")
    group.add_argument("--voice", action="append", metavar="VOICE",
                       help=f"only these voices (repeatable): {', '.join(schema.VOICES)}")
    group.add_argument("--speaker", action="append", metavar="NAME", help="only quotes by this speaker (repeatable)")
    group.add_argument("--group", action="append", metavar="GROUP",
                       help="only quotes by this speaker group, e.g. Russia (repeatable)")
    group.add_argument("--search", metavar="TEXT",
                       help="only articles whose title or text contains TEXT (case-insensitive)")
    group.add_argument("--language", action="append", metavar="CODE",
                       help=f"only articles in this language, e.g. de (repeatable); {UNKNOWN_LANGUAGE!r} selects "
                       "texts too short to tell")


@dataclass(frozen=True)
class FilterOptions:
    """The values a filter can choose from in one analysis (for the dashboard's widgets and CLI messages)."""

    outlets: tuple[str, ...]
    section_kinds: tuple[str, ...]
    voices: tuple[str, ...]
    speakers: tuple[str, ...]
    speaker_groups: tuple[str, ...]
    date_min: dt.date | None
    date_max: dt.date | None
    n_undated: int
    languages: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()  # groups of outlets, NO_GROUP last
    outlet_groups: tuple[tuple[str, str], ...] = ()  # (outlet, its group) for every outlet


def filter_options(analysis: Any) -> FilterOptions:
    """Outlets sorted with the unknown outlet last, kinds and voices in schema order, speakers by their quoted words
    (most first, so the prominent ones lead a long list), groups sorted, the date span."""
    arts = analysis.articles
    kinds = set(analysis.sections["kind"].drop_nulls().to_list())
    voices = set(analysis.sentences["voice"].drop_nulls().to_list()) | set(
        analysis.voice_segments["voice"].drop_nulls().to_list()
    )
    outlets = set(arts.select(outlet_label())["outlet"].to_list())
    pairs = with_group_column(arts).select(outlet_label(), group_label()).unique().sort("outlet", "group")
    outlet_groups = dict(pairs.iter_rows())  # an outlet has one group: outlets.csv gives each one group
    by_words = (
        analysis.quotes.filter(pl.col("speaker").is_not_null())
        .group_by("speaker")
        .agg(pl.col("n_words").sum())
        .sort(["n_words", "speaker"], descending=[True, False])
    )
    return FilterOptions(
        outlets=tuple(sorted(outlets, key=lambda o: (o == UNKNOWN_OUTLET, o))),
        section_kinds=tuple(k for k in schema.SECTION_KINDS if k in kinds),
        voices=tuple(v for v in schema.VOICES if v in voices),
        speakers=tuple(by_words["speaker"].to_list()),
        speaker_groups=tuple(sorted(set(analysis.quotes["speaker_group"].drop_nulls().to_list()))),
        date_min=arts["date_first"].min() if arts.height else None,
        date_max=arts["date_last"].max() if arts.height else None,
        n_undated=int(arts["date_first"].is_null().sum()),
        languages=tuple(sorted(set(arts.select(pl.col("language").fill_null(UNKNOWN_LANGUAGE))["language"]
                                   .to_list()))) if "language" in arts.columns else (),
        groups=tuple(sorted(set(outlet_groups.values()), key=lambda g: (g == NO_GROUP, g))),
        outlet_groups=tuple(sorted(outlet_groups.items())),
    )


def resolve_outlets(flt: Filter, present: Iterable[str], listed: Any = None) -> Filter:
    """`flt` with every outlet it names written as the tables write it: an alias or domain of outlets.csv
    (`listed`, a framing.load.outlets.OutletTable) as its outlet, a name in another case as the corpus spells it.
    A name no article has raises ConfigError naming the outlets there are: it would filter out every article
    without a word (`--outlet sueddeutsche.de` gave 26 empty tables)."""
    if not flt.outlets:
        return flt
    known = sorted(set(present))
    by_case = {name.casefold(): name for name in known}
    chosen: list[str] = []
    for name in flt.outlets:
        outlet = listed.find(name) if listed is not None else None
        found = name if name in known else by_case.get((outlet.name if outlet else name).casefold())
        if found is None:
            raise ConfigError(f"no article has the outlet {name!r}; the outlets are: {', '.join(known)} (as the "
                              "tables name them: an outlets.csv alias counts where that outlets.csv is read)")
        chosen.append(found)
    return dataclasses.replace(flt, outlets=tuple(dict.fromkeys(chosen)))
