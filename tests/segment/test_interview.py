"""Table tests for the question-and-answer layout of interviews, with reports that must not be one."""

from __future__ import annotations

import pytest

from framing.segment.interview import find_interview

INTRO = "Nikola Poposki ist Außenminister. Im Interview spricht er über die Balkanroute."


@pytest.mark.parametrize(("text", "asker", "answerers", "n_answers"), [
    # on one line, as 10kgnad prints derStandard's interviews
    (f"{INTRO} STANDARD: Wie reagiert Mazedonien? Poposki: Wir koordinieren uns mit den Partnern. STANDARD: "
     "Bereiten Sie Maßnahmen vor? Poposki: Wir sind vorbereitet. STANDARD: Und dann? Poposki: Dann sehen wir weiter.",
     "STANDARD", ("Poposki",), 3),
    # one turn a line, with Frage / Antwort
    (f"{INTRO}\nFrage: Herr Poposki, wie reagiert Mazedonien?\nAntwort: Wir koordinieren uns.\nFrage: Und dann?\n"
     "Antwort: Dann sehen wir weiter.\n", "Frage", ("Antwort",), 2),
    # the outlet asks, the full name answers
    (f"{INTRO}\n\nSPIEGEL: Herr Poposki, wie geht es weiter?\n\nNikola Poposki: Wir warten ab.\n\n"
     "SPIEGEL: Wie lange?\n\nNikola Poposki: Bis zum Sommer.", "SPIEGEL", ("Nikola Poposki",), 2),
    # initials, two interviewees
    (f"{INTRO}\nZEIT: Was tun Sie?\nAM: Wir arbeiten.\nZEIT: Und Sie?\nBK: Ich auch.\nZEIT: Warum?\nAM: Weil es "
     "sein muss.\nZEIT: Wirklich?\nBK: Ja.", "ZEIT", ("AM", "BK"), 4),
])
def test_labelled_layouts(text: str, asker: str, answerers: tuple[str, ...], n_answers: int) -> None:
    found = find_interview(text)
    assert found is not None
    assert (found.asker, found.answerers, len(found.answers)) == (asker, answerers, n_answers)
    for turn in found.turns:
        assert text[turn.label_start:turn.start].startswith(turn.label)
        assert not text[turn.start:turn.end].startswith((" ", ":"))


def test_answers_stop_before_the_next_question_and_a_closing_credit() -> None:
    text = (f"{INTRO} STANDARD: Wie reagiert Mazedonien? Poposki: Wir koordinieren uns. STANDARD: Und dann? "
            "Poposki: Dann sehen wir weiter. (Anna Muster, 4.6.2015)")
    answers = [text[t.start:t.end] for t in find_interview(text).answers]
    assert answers == ["Wir koordinieren uns.", "Dann sehen wir weiter."]


@pytest.mark.parametrize("text", [
    # a report quoting someone after a colon, twice
    "Der Minister sagte dem STANDARD: Wir sind bereit. Später sagte der Minister dem STANDARD: Wir warten.",
    # `Interview` as a word in a report
    "Im Interview mit der ARD sagte Scholz, man werde liefern. Das Interview wurde am Sonntag gesendet.",
    # a list of points with colons
    "Fazit: Es wird teurer. Erstens: Die Mieten steigen. Zweitens: Die Löhne nicht. Fazit: Es wird teurer.",
    # speakers in a ticker, no questions
    "Merz: Wir liefern. Scholz: Wir auch. Merz: Wir mehr. Scholz: Wir am meisten.",
])
def test_no_layout(text: str) -> None:
    assert find_interview(text) is None


def test_unlabelled_questions_count_only_when_other_signals_say_interview() -> None:
    text = (f"{INTRO}\nWie reagiert Mazedonien?\nWir koordinieren uns mit den Partnern.\nUnd wenn das nicht "
            "reicht?\nDann sehen wir weiter.\n")
    assert find_interview(text) is None
    found = find_interview(text, hinted=True)
    assert found is not None and found.asker is None
    assert [text[t.start:t.end] for t in found.answers] == ["Wir koordinieren uns mit den Partnern.",
                                                            "Dann sehen wir weiter."]


def test_questions_and_answers_asking_nobody_are_an_explainer_not_an_interview() -> None:
    explainer = ("Einige Fragen und Antworten. Frage: Was passiert mit Asylwerbern, wenn sie straffällig werden? "
                 "Antwort: Es wird ein Verfahren eingeleitet. Frage: Wer entscheidet darüber? Antwort: Das Gericht.")
    assert find_interview(explainer) is None
    asked = explainer.replace("Wer entscheidet darüber?", "Herr Muster, wer entscheidet darüber?")
    assert find_interview(asked) is not None


TIE = ("Interview mit einer Ministerin.\n\nKeller: Wie sehen Sie die Lage heute?\n\nBrandt: Ist das nicht offensichtlich?"
       "\n\nKeller: Was folgt daraus für Sie?\n\nBrandt: Muss ich das wirklich erklären?\n\n")


def test_a_tie_between_two_askers_goes_to_the_first_whatever_the_hash_seed():
    """Both labels end every turn with a question mark: the one who speaks first asks. The choice was made in a
    set's order, which Python's string hashing changes from process to process (PYTHONHASHSEED), so one article
    came out with other quotations in one run than in the next."""
    import os
    import subprocess
    import sys

    script = ("from framing.segment.interview import find_interview; import sys; "
              "print(find_interview(sys.stdin.read(), hinted=True).asker)")
    askers = {subprocess.run([sys.executable, "-c", script], input=TIE, capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip() for seed in range(6)}
    assert askers == {"Keller"}
