"""Column names and dtypes of every table `framing` produces, in one place.

Offsets (`start`, `end`, `*_start`, `*_end`) are character offsets into the article's `text`, end exclusive.
Ids are stable within one corpus: `section_id`, `sentence_id` and `quote_id` count from 0 within each article.
"""

from __future__ import annotations

import polars as pl

ARTICLES = {
    "article_id": pl.String,
    "outlet": pl.String,  # null when neither the manifest nor the text names it; "(agency copy)" for wire copy
    # without a known outlet; as outlets.csv names it where that lists the outlet (framing.load.outlets)
    "group": pl.String,  # the outlet's group in outlets.csv; null when the outlet is not listed there
    "agency": pl.String,  # wire service the text credits (dpa-AFX, AFP, Reuters, ...); null when none
    "date": pl.String,  # ISO date at its precision: 2025-08-22, 2024-12, 2024; null when unknown
    "date_precision": pl.String,  # day / month / year / none
    "date_first": pl.Date,  # first day the date can mean (for range filters)
    "date_last": pl.Date,  # last day the date can mean
    "title": pl.String,
    "url": pl.String,
    "text": pl.String,
    "source_path": pl.String,  # the file, or `bundle.zip!/folder/a.txt` for a member of an archive
    "encoding": pl.String,  # how the file (or record) was decoded (utf-8, utf-8-sig, utf-16, cp1252)
    "provenance": pl.String,  # where outlet / agency / date / title came from, in words
    "n_chars": pl.Int64,
    "n_words": pl.Int64,  # words of `text` (runs of letters and digits, WORD), as the comparison tables count them
    "language": pl.String,  # ISO 639-1 code by framing.load.language (de, en, fr, ...); null when too short to tell
    # True when the article is not German: its quotation, tone and opinion figures come from German rules that were
    # neither built nor measured for its language (the errors table has a warning for it); False for German or
    # too short to tell
    "outside_scope": pl.Boolean,
    # report / commentary / guest / analysis / interview / review / press_release / agency / unknown
    # (framing.segment.genre), and the signal that decided it, in words
    "genre": pl.String,
    "genre_evidence": pl.String,
}

WORD = r"\w+"  # a word, for ARTICLES.n_words and every word count of the comparison tables (Unicode \w of polars)


def count_words(text: pl.Expr) -> pl.Expr:
    """The words (WORD) of each text of a string column; 0 for a missing text."""
    return text.fill_null("").str.count_matches(WORD).cast(pl.Int64)


GENRES = ("report", "commentary", "guest", "analysis", "interview", "review", "press_release", "agency", "unknown")

ERRORS = {
    "source_path": pl.String,
    "line": pl.Int64,  # 1-based line of the file (or archive member) as `sed -n Np` counts it: where the record
    # starts; null when the whole file is affected
    "article_id": pl.String,
    "severity": pl.String,  # error (nothing loaded from it) / warning (loaded, with a caveat) / note (loaded as is)
    "reason": pl.String,
}

SECTION_KINDS = (
    "headline",
    "teaser",
    "reporting",
    "commentary",
    "analysis",
    "explainer",
    "reader_comment",
    "boilerplate",
)

SECTIONS = {
    "article_id": pl.String,
    "section_id": pl.Int64,
    "kind": pl.String,  # one of SECTION_KINDS
    "start": pl.Int64,
    "end": pl.Int64,
    "heading": pl.String,  # heading or marker text that opened the section; null when none
    "author": pl.String,  # reader comments: the reader's name where given
    "text": pl.String,
}

VOICES = ("journalist", "quoted", "reader")
TONE_LABELS = ("positive", "neutral", "negative")
OPINION_THRESHOLD = 0.5  # SENTENCES.opinion >= this counts as opinionated, in every table

SENTENCES = {
    "article_id": pl.String,
    "sentence_id": pl.Int64,
    "section_id": pl.Int64,
    "kind": pl.String,  # kind of the section the sentence lies in
    "start": pl.Int64,
    "end": pl.Int64,
    "text": pl.String,
    "voice": pl.String,  # dominant voice by characters: journalist / quoted / reader
    "quoted_share": pl.Float64,  # share of the sentence's characters inside quotations (direct, partial, indirect)
    "polarity_textblob": pl.Float64,  # textblob-de polarity of the whole sentence, as the library gives it
    "tone": pl.Float64,  # our tone score of the whole sentence, -1..1
    "tone_label": pl.String,  # positive / neutral / negative
    "tone_evidence": pl.String,  # words that drove `tone`, "word (+0.7); ..."
    "opinion": pl.Float64,  # 0..1, the author's own stance; >= 0.5 counts as opinionated
    "opinion_signals": pl.String,  # signals found, "modal particle: doch; deontic: muss; ..."
}

# One row per stretch of a sentence spoken in one voice; the journalist's tone excludes quoted stretches.
VOICE_SEGMENTS = {
    "article_id": pl.String,
    "sentence_id": pl.Int64,
    "voice": pl.String,
    "start": pl.Int64,
    "end": pl.Int64,
    "n_chars": pl.Int64,
    "tone": pl.Float64,
    "tone_label": pl.String,
}

QUOTE_MODES = ("direct", "partial", "indirect", "interview")  # someone's speech; interview: an interviewee's answer
TERM_MODE = "term"  # quoted words that are nobody's speech (scare quotes, sogenannte „…“): in no share of voice
SPEAKER_KINDS = ("person", "institution", "anonymous", "reader", "unknown")
# The types, plus sport and culture (athletes and coaches; artists, writers, film and stage): news quotes
# them often and none of the others fits them.
SPEAKER_TYPES = ("politician", "government", "party", "institution", "expert", "media", "business", "civil_society",
                 "citizen", "sport", "culture", "anonymous", "unknown")

QUOTES = {
    "article_id": pl.String,
    "quote_id": pl.Int64,
    "section_id": pl.Int64,
    "mode": pl.String,  # direct / partial / indirect, or term (a quoted term, nobody's speech)
    "start": pl.Int64,  # the quoted or reported message
    "end": pl.Int64,
    "text": pl.String,
    "n_words": pl.Int64,
    "cue": pl.String,  # speech verb or noun, e.g. sagte, zufolge, laut
    "cue_start": pl.Int64,
    "cue_end": pl.Int64,
    "speaker_mention": pl.String,  # the mention nearest the cue, e.g. "sie", "die Grünen-Politikerin"
    "speaker_start": pl.Int64,
    "speaker_end": pl.Int64,
    "speaker": pl.String,  # resolved canonical name; null when unknown
    "speaker_group": pl.String,  # party, country or organisation: actors file, gazetteer or what the text says
    "speaker_kind": pl.String,  # person / institution / anonymous / reader / unknown
    "speaker_role": pl.String,  # role or title beside the name in the text: "CSU-Chef", "Virologin", "Dr."; null if none
    "speaker_type": pl.String,  # one of SPEAKER_TYPES (politician, government, ..., unknown); see docs/speakers.md
    "speaker_merge": pl.String,  # how the corpus merged the name: actors file / gazetteer / surname / ...; null if not
    # female / male / unknown for a person (issue #20: framing.actors.gender, docs/speakers.md), one per actor of the
    # corpus; null for institutions, parties, anonymous sources, readers and unresolved speakers
    "speaker_gender": pl.String,
    # what the gender rests on: actors file / name / role / pronoun ("name; role"), or "conflict: female (role); male
    # (name)" when the evidence disagrees (then unknown); null when there is none
    "speaker_gender_evidence": pl.String,
}
SPEAKER_GENDERS = ("female", "male", "unknown")

# One row per mention of a term of the corpus's terms.csv (framing.terms) with the tone towards that mention
# (framing.score.towards), not the tone of its sentence.
TERM_MENTIONS = {
    "article_id": pl.String,
    "sentence_id": pl.Int64,  # the sentence the mention stands in; null when it lies in none
    "term": pl.String,  # the term as terms.csv writes it
    "label": pl.String,  # the term's label (frame, topic, camp) in terms.csv; null when none
    "start": pl.Int64,  # the mention: the term's part of the word, with its inflection ending
    "end": pl.Int64,
    "text": pl.String,  # the mention as written
    "voice": pl.String,  # journalist / quoted / reader: whose words the mention stands in
    "tone": pl.Float64,  # tone towards the mention, -1..1 (P(positive) - P(negative))
    "tone_label": pl.String,  # positive / neutral / negative
    "tone_evidence": pl.String,  # the words that point at the mention, "Kritik -0.6 governs the mention; ..."
}

# One row per mention of an actor by name (a speaker the article quotes, or an actor of the gazetteer or the
# user's actors file): how the text speaks about the actor, apart from what the actor says.
ACTOR_MENTIONS = {
    "article_id": pl.String,
    "sentence_id": pl.Int64,
    "actor": pl.String,  # canonical name, merged across the corpus like QUOTES.speaker
    "actor_group": pl.String,
    "actor_kind": pl.String,  # person / institution
    "start": pl.Int64,
    "end": pl.Int64,
    "text": pl.String,
    "voice": pl.String,
    "tone": pl.Float64,
    "tone_label": pl.String,
    "tone_evidence": pl.String,
}


# Every table `framing analyze` writes, by name, in the order it writes them (framing.pipeline.Analysis.TABLES).
ANALYSIS_TABLES = {
    "articles": ARTICLES, "sections": SECTIONS, "sentences": SENTENCES, "voice_segments": VOICE_SEGMENTS,
    "quotes": QUOTES, "errors": ERRORS, "term_mentions": TERM_MENTIONS, "actor_mentions": ACTOR_MENTIONS,
}


def empty(schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """An empty frame with the given schema."""
    return pl.DataFrame(schema=schema)


def frame(rows: list[dict], schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Rows (dicts) as a frame with exactly the schema's columns, in its order."""
    if not rows:
        return empty(schema)
    return pl.DataFrame(rows, schema=schema, orient="row", strict=False)
