"""The question-and-answer layout of an interview: who asks, who answers, and where each turn is.

In: an article's text (and whether other signals already say it is an interview). Out: `Interview` (its turns in
text order, each a question by the journalist or an answer by a named interviewee) or None when the text has no
such layout. A turn opens with a label and a colon at the start of a line or right after a sentence end:
`Frage:` / `Antwort:`, the outlet in capitals (`STANDARD:`, `SPIEGEL:`), the interviewee's name, surname or
initials (`Poposki:`, `Nikola Poposki:`, `AM:`). Labels count only when they take turns: at least
MIN_TURNS questions and answers (one of each when other signals say interview), the asker's turns mostly ending in
a question mark; `Frage:` / `Antwort:` turns whose questions address nobody (`Was passiert mit …?`, no `Sie`, no
`Herr X`) are the outlet's own questions and answers (an explainer), not an interview. When other signals say interview and no labels are there (the questions were bold on the page and
the bold is lost), paragraphs ending in a question mark are the questions and the paragraphs after them the
answers. The label words are data/genre/interview.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache

from framing import resources
from framing.errors import ConfigError

MIN_TURNS = 2  # questions and answers each, for a layout found in the text alone
# Of the asker's turns at least this share end in a question mark; a known asking label (`Frage`, `STANDARD`) also
# makes statements to answer (`Bessere Schulen.`), so a lower share does for it.
QUESTION_SHARE = 0.5
KNOWN_ASKER_QUESTION_SHARE = 0.25
MAX_QUESTION_CHARS = 400  # an unlabelled question paragraph is at most this long
CAPS_ASKER = 4  # a label in capitals of at least this many letters is the outlet asking (`STANDARD`, `SPIEGEL`)

_NAME_WORD = r"[A-ZÄÖÜ][\wÄÖÜäöüßéèáàíóúçğş.'’-]*"
_LABEL = re.compile(
    rf"(?m)(?:^[ \t]*|(?<=[.!?…\"“”»«)\]])[ \t]+)(?P<label>{_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,2}}|[a-z][\w.-]{{1,12}})"
    r"[ \t]*:[ \t]+(?=\S)"
)
_COLON = re.compile(r":[ \t]+(?=\S)")
LABEL_REACH = 80  # a label (at most three words) starts at most this many characters before its colon
_CLOSING_CREDIT = re.compile(r"\s*\([^()\n]{2,80}\)\s*\Z")
# A question that addresses someone (`Herr Urmson, …`, `… haben Sie …`): an interviewee is asked. Without one, a
# `Frage:` / `Antwort:` layout is a set of questions and answers the outlet writes itself (an explainer).
_ADDRESS = re.compile(r"\b(?:Herr|Frau) [A-ZÄÖÜ]|(?<=[\wäöüß,] )(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Euch|Ihr)\b")


@dataclass(frozen=True)
class Turn:
    role: str  # question / answer
    label: str | None  # as printed (`STANDARD`, `Poposki`); None in an unlabelled layout
    label_start: int  # the label with its colon; label_start == start when unlabelled
    start: int  # the turn's words, after the label
    end: int


@dataclass(frozen=True)
class Interview:
    turns: tuple[Turn, ...]
    asker: str | None  # the questions' label
    answerers: tuple[str, ...]  # the answers' labels, most frequent first (empty when unlabelled)

    @property
    def answers(self) -> list[Turn]:
        return [t for t in self.turns if t.role == "answer"]

    @property
    def questions(self) -> list[Turn]:
        return [t for t in self.turns if t.role == "question"]

    def describe(self) -> str:
        if self.asker is None:
            return (f"question-and-answer layout: {len(self.questions)} paragraphs ending in a question mark, "
                    f"{len(self.answers)} answers after them")
        answerers = " / ".join(f"'{a}:'" for a in self.answerers)
        return (f"question-and-answer layout: {len(self.questions)} questions by '{self.asker}:', "
                f"{len(self.answers)} answers by {answerers}")


@cache
def _words() -> dict[str, frozenset[str]]:
    path = resources.data_path("genre", "interview.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read the interview labels {path}: {exc}") from exc
    return {key: frozenset(str(v) for v in values) for key, values in data.items()}


def _asks(label: str) -> bool:
    words = _words()
    letters = re.sub(r"[^A-Za-zÄÖÜäöüß]", "", label)
    return label in words["question_labels"] or (len(letters) >= CAPS_ASKER and letters.isupper())


def _turn_text_end(text: str, start: int, end: int) -> int:
    """The end of a turn's words: before trailing white space and, for the last turn, a closing credit."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_interview(text: str, hinted: bool = False) -> Interview | None:
    """The interview layout of `text` (see the module docstring); None when there is none."""
    labelled = _labelled(text, hinted)
    if labelled is not None:
        return labelled
    return _unlabelled(text) if hinted else None


def _label_marks(text: str) -> list[re.Match[str]]:
    """The label matches of `text`, in order: `_LABEL` tried only just before each colon (a whole-text scan of
    the pattern costs as much as the rest of genre detection together)."""
    found: list[re.Match[str]] = []
    pos = 0
    for colon in _COLON.finditer(text):
        if colon.start() < pos:
            continue
        m = _LABEL.search(text, max(pos, colon.start() - LABEL_REACH), colon.end() + 1)
        if m is not None:
            found.append(m)
            pos = m.end()
    return found


def _labelled(text: str, hinted: bool) -> Interview | None:
    words = _words()
    found = [m for m in _label_marks(text) if m.group("label") not in words["not_labels"]]
    counts = Counter(m.group("label") for m in found)
    candidates = {label for label, n in counts.items() if n >= (1 if hinted else MIN_TURNS)}
    if len(candidates) < 2:
        return None
    marks = [m for m in found if m.group("label") in candidates]
    ends = [marks[i + 1].start() if i + 1 < len(marks) else len(text) for i in range(len(marks))]
    asking = {m.group("label") for m in marks if _asks(m.group("label"))} - words["answer_labels"]
    needed_share = KNOWN_ASKER_QUESTION_SHARE if asking else QUESTION_SHARE
    if not asking:
        # the label whose turns end in a question mark most often
        # in the order the labels first speak, so that a tie goes to the first (never to a set's order, which
        # changes from process to process with the hash seed)
        share = {label: sum(text[m.end():e].rstrip().endswith("?") for m, e in zip(marks, ends)
                            if m.group("label") == label) / counts[label]
                 for label in dict.fromkeys(m.group("label") for m in marks)}
        best = max(share, key=lambda k: (share[k], counts[k]))
        asking = {best}
    if len(asking) != 1:
        return None
    asker = next(iter(asking))
    answerers = [label for label, _ in counts.most_common() if label in candidates and label != asker]
    turns, questions_ending = [], 0
    for i, (m, end) in enumerate(zip(marks, ends)):
        role = "question" if m.group("label") == asker else "answer"
        if i + 1 == len(marks):
            credit = _CLOSING_CREDIT.search(text, m.end())
            end = credit.start() if credit else end
        end = _turn_text_end(text, m.end(), end)
        if role == "question" and text[m.end():end].endswith("?"):
            questions_ending += 1
        turns.append(Turn(role, m.group("label"), m.start("label"), m.end(), end))
    n_questions = sum(t.role == "question" for t in turns)
    n_answers = len(turns) - n_questions
    least = 1 if hinted else MIN_TURNS
    if n_questions < least or n_answers < least or questions_ending < needed_share * n_questions:
        return None
    # an answer follows a question at least as often as not (the labels take turns)
    alternations = sum(a.role != b.role for a, b in zip(turns, turns[1:]))
    if alternations < min(n_questions, n_answers):
        return None
    if not hinted and all(a in words["answer_labels"] for a in answerers) and not any(
            _ADDRESS.search(text, t.start, t.end) for t in turns if t.role == "question"):
        return None  # `Frage: Was passiert mit …? Antwort: …` asking nobody: the outlet's own questions and answers
    return Interview(tuple(turns), asker, tuple(answerers))


_PARAGRAPH = re.compile(r"[^\n]+")


def _unlabelled(text: str) -> Interview | None:
    """Paragraphs ending in a question mark ask; the paragraphs up to the next question answer."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group(0).strip()]
    turns: list[Turn] = []
    for start, end in paragraphs:
        line = text[start:end].strip()
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        start, end = start + lead, start + lead + len(line)
        if line.endswith("?") and len(line) <= MAX_QUESTION_CHARS:
            turns.append(Turn("question", None, start, start, end))
        elif turns and turns[-1].role == "question":
            turns.append(Turn("answer", None, start, start, end))
        elif turns:
            last = turns[-1]
            turns[-1] = Turn("answer", None, last.label_start, last.start, end)
    if sum(t.role == "question" for t in turns) < MIN_TURNS or not any(t.role == "answer" for t in turns):
        return None
    return Interview(tuple(turns), None, ())
