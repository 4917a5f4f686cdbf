"""Table tests for wire-service credits: every form at the start and the end, photo credits, agency material."""

from __future__ import annotations

import pytest

from framing.load.agency import find_credit

BODY = "Die Regierung hat am Mittwoch neue Hilfen beschlossen. Der Minister sagte, man werde rasch auszahlen."


@pytest.mark.parametrize(("text", "agencies", "wire"), [
    (f"Berlin (dpa) - {BODY}", ("dpa",), True),
    (f"BRÜSSEL (dpa-AFX) - {BODY}", ("dpa-AFX",), True),
    (f"Hamburg (dpa/lno) – {BODY}", ("dpa",), True),
    (f"Paris (AFP) - {BODY}", ("AFP",), True),
    (f"Washington (Reuters) - {BODY}", ("Reuters",), True),
    (f"Bonn (KNA) - {BODY}", ("KNA",), True),
    (f"Frankfurt (epd) - {BODY}", ("epd",), True),
    (f"Wien (APA) - {BODY}", ("APA",), True),
    (f"Bern (Keystone-SDA) - {BODY}", ("SDA",), True),
    (f"Berlin (dts) - {BODY}", ("dts",), True),
    (f"New York (AP) - {BODY}", ("AP",), True),
    (f"München (sid) - {BODY}", ("sid",), True),
    (f"Frankfurt (Bloomberg) - {BODY}", ("Bloomberg",), True),
    (f" date 2024-12 BRÜSSEL (dpa-AFX) - {BODY}", ("dpa-AFX",), True),  # after the seeds' header token
    (f"{BODY} (dpa)", ("dpa",), True),
    (f"{BODY}\n\n(AFP/nd)", ("AFP",), True),
    (f"{BODY}\n\nAFP/nd", ("AFP",), True),
    (f"{BODY} dpa/afp/mb", ("dpa", "AFP"), True),
    (f"{BODY} /dpa", ("dpa",), True),
    (f"{BODY} (APA, 4.6.2015)", ("APA",), True),
    (f"{BODY} (APA/dpa, 23.8.2015)", ("APA", "dpa"), True),
    (f"{BODY}\nQuelle: dpa", ("dpa",), True),
    # the outlet's own text with agency material: the agency is named, the text is no wire copy
    (f"{BODY}\n\nMit Material von dpa und AFP", ("dpa", "AFP"), False),
    (f"{BODY} (mit dpa)", ("dpa",), False),
    (f"{BODY} (red, APA, 4.6.2015)", ("APA",), False),
])
def test_credit_forms(text: str, agencies: tuple[str, ...], wire: bool) -> None:
    credit = find_credit(text)
    assert credit is not None, text
    assert (credit.agencies, credit.wire) == (agencies, wire), credit


@pytest.mark.parametrize("text", [
    f"Kanzler Scholz in Berlin. Foto: dpa\n\n{BODY}",  # a photo credit credits the picture
    f"{BODY}\nFoto: Kay Nietfeld/dpa",
    f"{BODY} Bild: picture alliance/dpa",
    f"{BODY}\nTitelbild AFP.",
    f"{BODY} Das berichtete die Agentur Reuters",  # an agency named in a sentence is no credit
    f"Die Agentur dpa meldete am Morgen, der Minister sei zurückgetreten. {BODY}",
    f"{BODY} Das sagte er dem Sender (ARD).",
    f"{BODY} (Anna Muster, 4.6.2015)",  # a dated byline of a person
    "",
])
def test_not_the_texts_agency(text: str) -> None:
    assert find_credit(text) is None


def test_an_ordinary_word_before_a_credit_is_no_photo_credit() -> None:
    text = f"{BODY} Er verglich die Lage mit der Rocky Horror Picture Show und fragte: Was tun? (APA, 28.4.2016)"
    assert find_credit(text).agencies == ("APA",)
    assert find_credit(f"{BODY}\nPicture: AFP") is None
