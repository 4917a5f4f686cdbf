"""Properties of the analysis on arbitrary text (hypothesis): it never raises, every offset lies inside the text,
sections partition it, sentences lie inside their sections, quotes inside the text, scores inside their ranges.

The text strategy mixes German news words, speech verbs, section markers, quote marks of every style, newlines,
punctuation, numbers with full stops and arbitrary unicode, so that the rule-based stages meet their edge cases.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import bad_inputs
from framing.pipeline import analyze_text
from framing.quotes import find_quotes
from framing.schema import QUOTE_MODES, SECTION_KINDS, SPEAKER_KINDS, TERM_MODE
from framing.segment.sections import segment_sections
from framing.segment.sentences import split_sentences

WORDS = (
    "Rutte Peskow Selenskyj Merz Nato Kreml Ukraine Moskau Kiew Bundesregierung Sprecher Kommentar Leserkommentare "
    "Analyse Hintergrund Meinung Foto dpa AFP Reuters sagte erklärte betonte warnte laut zufolge wie es hieß "
    "habe sei werde könne müsse doch ja eben natürlich leider der die das ein eine nicht kein und oder aber "
    "Frieden Krieg Angriff Waffenstillstand gut schlecht katastrophal hervorragend Dr. Prof. z.B. bzw. usw. "
    "Abs. Nr. St. Jan. Sept. GmbH e.V. u.a. ca. vgl. am um Uhr Prozent Euro Mio. Mrd."
).split()
QUOTES = list("„“”»«‚‘’‹›\"'")
BREAKS = ["\n", "\n\n", "\r\n", "\n\n\n", "\t", "  ", " "]
PUNCT = list(".,;:!?–-—()[]…/") + ["...", "?!", " – ", ": „", "“, ", "«, ", "», "]
NUMBERS = st.integers(min_value=0, max_value=3000).map(lambda n: f"{n}.") | st.sampled_from(
    ["1.", "2.", "24.", "2025", "3.000", "12:30", "1,5", "§ 5", "4.9.2025", "22. August"])

TOKENS = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(QUOTES),
    st.sampled_from(BREAKS),
    st.sampled_from(PUNCT),
    NUMBERS,
    st.text(min_size=1, max_size=3),  # arbitrary unicode, surrogates excluded by hypothesis' default alphabet
)
SEPARATORS = st.sampled_from([" ", " ", "", "\n"])


@st.composite
def news_text(draw, max_tokens: int = 120) -> str:
    tokens = draw(st.lists(TOKENS, max_size=max_tokens))
    out = []
    for token in tokens:
        out.append(token)
        out.append(draw(SEPARATORS))
    return "".join(out)


SEEDS = [p.read_text(encoding="utf-8") for p in sorted(bad_inputs.SEEDS.glob("*.txt"))]


@st.composite
def mutated_seed(draw) -> str:
    """A seed article cut to a random window with tokens spliced in and stretches deleted (real structure, damaged)."""
    text = draw(st.sampled_from(SEEDS))
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(a, min(len(text), a + 1500)))
    text = text[a:b]
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:i] + draw(TOKENS) + text[i:]
        else:
            text = text[:i] + text[i + draw(st.integers(0, 40)):]
    return text


TEXTS = news_text(max_tokens=250) | mutated_seed() | st.text(max_size=300)
FAST = settings(deadline=None, max_examples=1000, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(deadline=None, max_examples=400, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(TEXTS)
def test_analyze_text_never_raises_and_is_consistent(text: str) -> None:
    bad_inputs.assert_consistent(text, analyze_text(text, textblob=False))


@FAST
@given(TEXTS)
def test_sections_partition_the_text(text: str) -> None:
    sections = segment_sections(text)
    if not text:
        return
    assert sections[0].start == 0 and sections[-1].end == len(text)
    for before, after in zip(sections, sections[1:]):
        assert before.end == after.start
    for s in sections:
        assert s.start < s.end and s.kind in SECTION_KINDS


@FAST
@given(TEXTS, st.data())
def test_sentences_lie_inside_their_span(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = split_sentences(text, start, end)
    cursor = start
    for a, b in spans:
        assert cursor <= a < b <= end, (a, b, start, end)
        cursor = b
    for section in segment_sections(text):
        for a, b in split_sentences(text, section.start, section.end):
            assert section.start <= a < b <= section.end


@FAST
@given(TEXTS)
def test_quotes_lie_inside_the_text(text: str) -> None:
    sections = segment_sections(text)
    sentences = [span for s in sections for span in split_sentences(text, s.start, s.end)]
    n = len(text)
    for q in find_quotes(text, sentences, sections):
        assert 0 <= q.start < q.end <= n, q
        assert q.mode in (*QUOTE_MODES, TERM_MODE) and q.speaker_kind in SPEAKER_KINDS
        for a, b in ((q.cue_start, q.cue_end), (q.speaker_start, q.speaker_end)):
            if a is not None or b is not None:
                assert 0 <= a <= b <= n, q
