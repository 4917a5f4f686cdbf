"""Table tests for the article genre: every signal, with the negatives that must not decide it."""

from __future__ import annotations

import pytest

from framing.load.agency import find_credit
from framing.segment.genre import decide_genre, normalise_genre

BODY = ("Die Bundesregierung hat am Mittwoch neue Hilfen beschlossen. Der Minister sagte, man werde die Mittel rasch "
        "auszahlen. Die Opposition kritisierte das Paket als zu klein, die Länder begrüßten es. ") * 3


def genre(text: str = BODY, **kwargs) -> tuple[str, str]:
    found = decide_genre(text, credit=find_credit(text), **kwargs)
    return found.genre, found.evidence


@pytest.mark.parametrize(("kwargs", "expected", "evidence"), [
    # the page's schema.org type
    ({"page": {"type": "OpinionNewsArticle"}}, "commentary", "OpinionNewsArticle"),
    ({"page": {"type": "NewsArticle|AnalysisNewsArticle"}}, "analysis", "AnalysisNewsArticle"),
    ({"page": {"type": "ReviewNewsArticle"}}, "review", "ReviewNewsArticle"),
    ({"page": {"type": "NewsArticle"}}, "report", "no genre signal"),
    # the page's section
    ({"page": {"section": "Meinung"}}, "commentary", "Meinung"),
    ({"page": {"section": "Politik|Kommentare"}}, "commentary", "Kommentare"),
    ({"page": {"section": "Gastbeitrag"}}, "guest", "Gastbeitrag"),
    ({"page": {"section": "Kommentar der anderen"}}, "guest", "Kommentar der anderen"),
    ({"page": {"section": "Interview"}}, "interview", "Interview"),
    ({"page": {"section": "Buchkritik"}}, "review", "Buchkritik"),
    ({"page": {"section": "Meinungsfreiheit"}}, "report", "no genre signal"),
    ({"page": {"section": "Politik"}}, "report", "no genre signal"),
    # words of the address
    ({"url": "https://www.example.de/meinung/haushalt-100.html"}, "commentary", "'meinung'"),
    ({"url": "https://www.example.de/politik/kommentar-zum-haushalt-a-123"}, "commentary", "'kommentar'"),
    ({"url": "https://www.example.de/politik/haushalt-kommentar-123.html"}, "commentary", "kommentar"),
    ({"url": "https://www.example.de/kolumne/die-woche"}, "commentary", "'kolumne'"),
    ({"url": "https://www.example.de/politik/interview/scholz-100.html"}, "interview", "'interview'"),
    ({"url": "https://www.example.de/politik/scholz-im-interview-a-1"}, "interview", "interview"),
    ({"url": "https://www.example.de/gastbeitrag/klima-1"}, "guest", "'gastbeitrag'"),
    ({"url": "https://www.presseportal.de/pm/1234/5678"}, "press_release", "presseportal"),
    ({"url": "https://www.example.de/politik/meinungsfreiheit-in-gefahr-100.html"}, "report", "no genre signal"),
    ({"url": "https://www.example.de/politik/minister-gibt-kein-kommentar-ab-1"}, "report", "no genre signal"),
    ({"url": "https://www.example.de/politik/interviewer-entlassen-1"}, "report", "no genre signal"),
    # title forms
    ({"title": "Kommentar: Die Regierung zaudert"}, "commentary", "Kommentar: Die"),
    ({"title": "Kommentar zum Haushalt"}, "commentary", "Kommentar zum"),
    ({"title": "Die Regierung zaudert – ein Kommentar"}, "commentary", "ein Kommentar"),
    ({"title": "Leitartikel: Mehr Mut"}, "commentary", "Leitartikel"),
    ({"title": "Gastbeitrag: Warum wir mehr Windkraft brauchen"}, "guest", "Gastbeitrag"),
    ({"title": "Interview mit Anna Muster"}, "interview", "Interview mit"),
    ({"title": "Analyse: Was der Haushalt bedeutet"}, "analysis", "Analyse:"),
    ({"title": "Filmkritik: Der lange Weg"}, "review", "Filmkritik"),
    ({"title": "Pressemitteilung: Stadt eröffnet Bad"}, "press_release", "Pressemitteilung"),
    ({"title": "Ministerin verweigert jeden Kommentar"}, "report", "no genre signal"),
    ({"title": "Scholz im Interview"}, "report", "no genre signal"),  # weak: no question-and-answer layout
    ({"title": "Streit um Meinungsfreiheit an Universitäten"}, "report", "no genre signal"),
    # the user's genre wins
    ({"given": "Kommentar", "url": "https://www.example.de/interview/x"}, "commentary", "given"),
    ({"given": "press release"}, "press_release", "given"),
    ({"given": "agency"}, "agency", "given"),
])
def test_metadata_signals(kwargs: dict, expected: str, evidence: str) -> None:
    found, why = genre(**kwargs)
    assert found == expected, why
    assert evidence in why


@pytest.mark.parametrize(("text", "expected", "evidence"), [
    (f"Ein Kommentar von Anna Muster\n\n{BODY}", "commentary", "Ein Kommentar von"),
    (f"Die Regierung zaudert\nEin Gastbeitrag von Anna Muster\n\n{BODY}", "guest", "Gastbeitrag von"),
    (f"Kommentar\nDie Regierung zaudert\n\n{BODY}", "commentary", "section marker 'Kommentar'"),
    (f"Leitartikel\n\n{BODY}", "commentary", "Leitartikel"),
    (f"{BODY}\n\nDas Interview führte Anna Muster.", "interview", "Das Interview führte"),
    (f"Eine Analyse von Anna Muster\n\n{BODY}", "analysis", "Analyse von"),
    # a report that quotes a commentary, mentions an interview or a guest piece: still a report
    (f"Haushalt beschlossen\n\n{BODY}In einem Kommentar der FAZ hieß es, das Paket sei zu klein.\n\n{BODY}",
     "report", "no genre signal"),
    (f"{BODY}Im Interview mit der ARD sagte Scholz: Wir liefern.\n\n{BODY}", "report", "no genre signal"),
    (f"{BODY}In einem Gastbeitrag für die Zeit forderte sie mehr Geld.\n\n{BODY}", "report", "no genre signal"),
    # wire copy, and what is not
    (f"Berlin (dpa) - {BODY}", "agency", "(dpa)"),
    (f"{BODY}(AFP)", "agency", "(AFP)"),
    (f"{BODY}\n\nAFP/nd", "agency", "AFP/nd"),
    (f"{BODY} dpa/afp/mb", "agency", "dpa/afp/mb"),
    (f"{BODY}\nQuelle: Reuters", "agency", "Reuters"),
    (f"{BODY}\n\nMit Material von dpa", "report", "Material von dpa"),
    (f"Bundeskanzler in Berlin. Foto: dpa\n\n{BODY}", "report", "no genre signal"),
    # too short to tell
    ("Regen in Berlin.", "unknown", "too few"),
])
def test_text_signals(text: str, expected: str, evidence: str) -> None:
    found, why = genre(text)
    assert found == expected, why
    assert evidence in why


INTERVIEW = ("Anna Muster leitet das Institut für Klimaforschung. Im Gespräch erklärt sie, was jetzt zu tun ist.\n"
             "Frage: Frau Muster, wie schlimm steht es um das Klima?\n"
             "Antwort: Es ist ernst, aber wir können noch viel tun. Die nächsten zehn Jahre entscheiden.\n"
             "Frage: Was muss die Regierung tun?\n"
             "Antwort: Sie muss den Ausbau der Windkraft beschleunigen und die Förderung verlässlich machen.\n")


def test_a_question_and_answer_layout_is_an_interview_and_a_title_mention_alone_is_not() -> None:
    assert genre(INTERVIEW)[0] == "interview"
    assert "2 questions by 'Frage:'" in genre(INTERVIEW)[1]
    assert genre(BODY, title="Scholz im Interview")[0] == "report"


@pytest.mark.parametrize(("value", "expected"), [
    ("commentary", "commentary"), ("Kommentar", "commentary"), ("Gastbeitrag", "guest"), ("op-ed", "commentary"),
    ("press_release", "press_release"), ("Press Release", "press_release"), ("Wetter", None), ("", None), (None, None),
])
def test_user_genres(value: str | None, expected: str | None) -> None:
    assert normalise_genre(value) == expected
