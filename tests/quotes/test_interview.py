"""Interviews as speech: every answer is a quotation of the interviewee, resolved like any speaker; the questions
stay the journalist's; genres set the body's section kind."""

from __future__ import annotations

import pytest

from framing.pipeline.article import analyze_text

INTRO = "Nikola Poposki ist Außenminister Mazedoniens. Im Interview spricht Nikola Poposki über die Balkanroute."
ONE_LINE = (f"{INTRO} STANDARD: Herr Minister, wie reagiert Mazedonien? Poposki: Wir koordinieren uns mit den "
            "Partnern, sagte mir gestern ein Kollege, und das ist „gut so“. STANDARD: Bereiten Sie Maßnahmen vor? "
            "Poposki: Wir sind vorbereitet. STANDARD: Und dann? Poposki: Dann sehen wir weiter.")


def interview_quotes(rows: dict) -> list[dict]:
    return [q for q in rows["quotes"] if q["mode"] == "interview"]


@pytest.mark.parametrize(("text", "genre", "speaker", "n_answers"), [
    (ONE_LINE, None, "Nikola Poposki", 3),
    (ONE_LINE, "interview", "Nikola Poposki", 3),
    # initials before the answers
    ("Anna Muster leitet den Städtetag. Im Gespräch sagt Anna Muster, was fehlt.\nZEIT: Frau Muster, reicht das "
     "Geld?\nAM: Nein, es fehlen zehn Milliarden.\nZEIT: Was muss der Bund tun?\nAM: Uns verlässlich beteiligen.\n",
     None, "Anna Muster", 2),
    # no labels (the bold questions of the page are lost): only with the genre from another signal
    ("Anna Muster leitet den Städtetag. Im Gespräch sagt Anna Muster, was fehlt.\nFrau Muster, reicht das Geld?\n"
     "Nein, es fehlen zehn Milliarden.\nWas muss der Bund tun?\nUns verlässlich beteiligen.\n",
     "interview", "Anna Muster", 2),
])
def test_answers_are_the_interviewees_quotations(text: str, genre: str | None, speaker: str, n_answers: int) -> None:
    rows = analyze_text(text, textblob=False, genre=genre)
    answers = interview_quotes(rows)
    assert len(answers) == n_answers
    assert {q["speaker"] for q in answers} == {speaker}
    assert all(q["speaker_kind"] == "person" for q in answers)
    # nothing else is quoted inside an answer: the whole answer is the interviewee's already
    for q in rows["quotes"]:
        if q["mode"] != "interview":
            assert not any(a["start"] <= q["start"] < a["end"] for a in answers), q
    # the answers are the quoted voice; the questions stay the journalist's
    for segment in rows["voice_segments"]:
        inside = any(a["start"] <= segment["start"] and segment["end"] <= a["end"] for a in answers)
        if inside:
            assert segment["voice"] == "quoted", segment
    questions = [s for s in rows["sentences"] if s["text"].rstrip().endswith("?")]
    assert questions and all(s["voice"] == "journalist" for s in questions)


def test_a_labelled_answer_has_its_label_as_cue_and_mention() -> None:
    answer = interview_quotes(analyze_text(ONE_LINE, textblob=False))[1]
    assert (answer["text"], answer["cue"], answer["speaker_mention"]) == ("Wir sind vorbereitet.", "Poposki:",
                                                                          "Poposki")
    assert ONE_LINE[answer["speaker_start"]:answer["speaker_end"]] == "Poposki"


@pytest.mark.parametrize(("text", "genre"), [
    # not an interview: a report quoting after colons, a ticker, unlabelled questions without an interview genre
    ("Der Minister sagte dem STANDARD: Wir sind bereit. Später sagte der Minister dem STANDARD: Wir warten.", None),
    ("Merz: Wir liefern. Scholz: Wir auch. Merz: Wir mehr. Scholz: Wir am meisten.", None),
    ("Anna Muster leitet den Städtetag.\nReicht das Geld?\nNein.\nWas muss der Bund tun?\nZahlen.\n", "report"),
    # a commentary with a question-and-answer layout is decided commentary: no interview answers
    (ONE_LINE, "commentary"),
])
def test_no_interview_quotes(text: str, genre: str | None) -> None:
    assert interview_quotes(analyze_text(text, textblob=False, genre=genre)) == []


BODY = ("Die Regierung hat ein Hilfspaket beschlossen.\n\nEs ist zu klein und kommt zu spät, und das muss man so "
        "deutlich sagen.\n\nDie Kommunen werden allein gelassen.")


@pytest.mark.parametrize(("genre", "kind"), [
    ("commentary", "commentary"), ("guest", "commentary"), ("review", "commentary"), ("analysis", "analysis"),
    ("report", "reporting"), ("agency", "reporting"), ("interview", "reporting"), (None, "reporting"),
])
def test_the_body_takes_the_genres_section_kind(genre: str | None, kind: str) -> None:
    kinds = {s["kind"] for s in analyze_text(BODY, textblob=False, genre=genre)["sections"]}
    assert kind in kinds
    assert kinds <= {kind, "headline", "teaser", "boilerplate"}
