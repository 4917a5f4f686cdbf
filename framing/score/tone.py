"""Our tone score per sentence: textblob-de's polarity lexicon (Klenner et al., Apache-2.0) with its defects fixed.

textblob-de lowercases every word (so its 3,825 capitalised noun entries never match), does not lemmatise past
tenses, flips only the word right after a negator and keeps some senses that are wrong for political news (see
../shared/STACK.md). Here nouns match case-sensitively (with inflection and compound heads), a light suffix
lemmatiser maps inflected verbs and adjectives to lexicon forms, negation covers its clause, intensifiers and hedges
scale the words they modify, and `data/lexicon/overrides.tsv` corrects senses. No POS tagger: regex + dict lookups.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from framing import resources
from framing.errors import ConfigError

LEXICON_DIR = resources.data_path("lexicon")

TOKEN = re.compile(r"\w+(?:[-']\w+)*|[^\w\s]", re.UNICODE)
# Tokens that end a clause: negation and hedges do not reach across them.
CLAUSE_PUNCT = frozenset(",;:.!?()[]–—-\"„“”»«")
CLAUSE_WORDS = frozenset(
    "aber sondern doch jedoch während obwohl weil denn dass damit sowie wobei wohingegen allerdings trotzdem".split()
)
# Subordinators that open a clause and belong to it (their hedge factor applies to the clause: "ob das gut ist").
CLAUSE_OPENERS = frozenset({"ob", "falls", "wenn"})
# Negators that can reach back to the verb or adjective before them ("gefällt mir nicht"); kein/niemand/nichts
# negate only what follows them.
BACKWARD_NEGATORS = frozenset("nicht nie niemals nimmer keineswegs keinesfalls mitnichten".split())
# A negator followed by one of these does not negate ("nicht nur", "nicht zuletzt", "nicht ohne").
NEGATION_BREAKERS = frozenset("nur zuletzt ohne umsonst selten wenige weniger".split())
LOCAL_SCOPE = 3  # tokens after a local negator (ohne, kaum) that it can reach
# Nouns ending in a derivational suffix are not compounds of a sentiment noun (Wissenschaft is not a Haft).
DERIVATIONAL_SUFFIXES = ("schaft", "schaften", "schafter", "schaftern", "schafts")
SHORT_HEADS = frozenset({"Sieg", "Mord", "Gold", "Tote"})  # compound heads shorter than five letters that are safe

ADJ_ENDINGS = ("esten", "estem", "ester", "estes", "este", "sten", "stem", "ster", "stes", "ste",
               "eren", "erem", "erer", "eres", "ere", "en", "em", "er", "es", "e")
VERB_ENDINGS = ("etest", "eten", "etet", "ete", "test", "ten", "tet", "te", "est", "st", "et", "en", "t", "e", "n")
SEPARABLE_PREFIXES = ("zurück", "zusammen", "wieder", "heraus", "herunter", "weiter", "fest", "frei", "heim", "hoch",
                      "nach", "weg", "fort", "hin", "her", "not", "ab", "an", "auf", "aus", "bei", "ein", "mit", "vor",
                      "zu", "los", "um", "dar")
# Noun suffixes whose base is a verb (-ung: stem + en/n) or an adjective (-heit, -keit: the bare stem).
DERIVED_NOUN_SUFFIXES = (("ungen", ("en", "n")), ("ung", ("en", "n")),
                         ("heiten", ("",)), ("heit", ("",)), ("keiten", ("",)), ("keit", ("",)))
NOUN_ENDINGS = ("s", "n", "e", "en", "er", "es", "ns", "ern")  # shortest first: Noten -> Note, not Not


@dataclass(frozen=True)
class ToneScore:
    """Tone of one text in [-1, 1], its label and the words that drove it ("Angriff -1.0", ...)."""

    tone: float
    label: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class ToneLexicon:
    nouns: dict[str, float]  # capitalised entries, matched case-sensitively
    words: dict[str, float]  # adjectives, verbs, adverbs, lowercase
    modifiers: dict[str, tuple[str, float]]  # word -> (kind, factor)
    params: dict[str, float]
    irregular: dict[str, str]  # strong-verb forms and suppletive comparatives -> lemma


def _read_tsv(path: Path) -> list[list[str]]:
    if not path.is_file():
        raise ConfigError(f"lexicon file {path} is missing; restore it from the repository")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@functools.cache
def load_lexicon() -> ToneLexicon:
    """textblob-de's lexicon plus our overrides, modifiers and fitted parameters; loaded once."""
    xml = resources.textblob_lexicon_path().read_text(encoding="utf-8")
    nouns: dict[str, float] = {}
    words: dict[str, float] = {}
    for attrs in re.findall(r"<word ([^>]*)/>", xml):
        entry = dict(re.findall(r'(\w+)="([^"]*)"', attrs))
        form, polarity = entry["form"].replace("_", " "), float(entry["polarity"])
        if " " in form:
            continue  # multi-word entries (Angst_machen) are not matched by this tokenizer
        (nouns if form[0].isupper() else words)[form] = polarity
    for name in ("news_additions.tsv", "overrides.tsv"):  # later files win
        for row in _read_tsv(LEXICON_DIR / name):
            try:
                form, polarity = row[0], float(row[1])
            except (IndexError, ValueError) as exc:
                raise ConfigError(f"{name}: bad row {row!r}; expected form<TAB>polarity<TAB>note") from exc
            (nouns if form[0].isupper() else words)[form] = polarity
    irregular = {row[0]: row[1] for row in _read_tsv(LEXICON_DIR / "irregular.tsv")}
    # Entries of polarity 0 stay: they stop the lemmatiser and the compound-head rule from a false match.
    modifiers = {}
    for row in _read_tsv(LEXICON_DIR / "modifiers.tsv"):
        modifiers[row[0]] = (row[1], float(row[2]))
    params_path = LEXICON_DIR / "tone_params.json"
    params = {"positive": 0.1, "negative": -0.1, "scale": 1.0, "negation": 0.8, "negated_negative": 0.5}
    if params_path.is_file():
        params.update(json.loads(params_path.read_text(encoding="utf-8")))
    return ToneLexicon(nouns, words, modifiers, params, irregular)


def _noun_candidates(word: str, umlauts: bool = True):
    yield word
    for end in NOUN_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            yield word[: -len(end)]
    for umlaut, plain in (("ä", "a"), ("ö", "o"), ("ü", "u"), ("äu", "au")):
        if umlauts and umlaut in word[1:]:  # umlaut plurals: Anschläge -> Anschlag, Schäden -> Schaden, Kämpfe -> Kampf
            k = word.rindex(umlaut)
            base = word[:k] + plain + word[k + len(umlaut):]
            yield base
            for end in NOUN_ENDINGS:
                if base.endswith(end) and len(base) - len(end) >= 3:
                    yield base[: -len(end)]
    if "-" in word:  # Nato-Angriff -> Angriff
        yield from _noun_candidates(word.rsplit("-", 1)[1])


def _word_candidates(word: str):
    """Lexicon forms an inflected lowercase word may come from: adjective endings, verb tenses, participles."""
    yield word
    if word.endswith("end") and len(word) > 6:  # present participle: zögernd -> zögern
        yield word[:-1]
    for end in ADJ_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            base = word[: -len(end)]
            yield base
            yield base + "e"  # adjectives ending in -e: perfiden -> perfide, leisen -> leise
            if base[-1] in "lr" and base[-2] not in "aeiouäöüy":  # e-elision: noblen -> nobel, teuren -> teuer
                yield base[:-1] + "e" + base[-1]
            if base.endswith("end") and len(base) > 6:  # present participles: herabwürdigende -> herabwürdigen
                yield base[:-1]
            if "er" in end or "st" in end:  # umlauted comparatives: stärker -> stark, schwächste -> schwach
                for umlaut, plain in (("ä", "a"), ("ö", "o"), ("ü", "u")):
                    if umlaut in base:
                        k = base.rindex(umlaut)
                        yield base[:k] + plain + base[k + 1:]
    stems = []
    for end in VERB_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 2:
            stems.append(word[: -len(end)])
    # Participles: getötet -> töten; with a separable prefix the ge- sits inside: abgelehnt -> ablehnen,
    # festgenommen -> festnehmen, zurückgetreten -> zurücktreten.
    prefix = next((p for p in SEPARABLE_PREFIXES if word.startswith(p + "ge")), "")
    if (prefix or word.startswith("ge")) and len(word) > len(prefix) + 5:
        rest = word[len(prefix) + 2:]
        for end in ("et", "t", "en", "etes", "ete", "eten", "ter", "te", "ten", "tes", "ene", "enen", "ener"):
            if rest.endswith(end):
                stems.append(prefix + rest[: -len(end)])
    if "zu" in word[2:-3]:  # anzudrohen -> androhen
        i = word.index("zu", 2)
        yield word[:i] + word[i + 2:]
    for stem in stems:
        yield stem + "en"
        yield stem + "n"
        for umlaut, plain in (("ä", "a"), ("ö", "o"), ("ü", "u")):
            if umlaut in stem:  # strong verbs in the present: gefällt -> gefallen, lässt -> lassen
                k = stem.rindex(umlaut)
                yield stem[:k] + plain + stem[k + 1:] + "en"


def _derived_noun(token: str, lex: ToneLexicon) -> tuple[str, float] | None:
    """A noun derived from a lexicon verb or adjective keeps its polarity: Vernachlässigung -> vernachlässigen,
    Dummheit -> dumm. Derivations whose sense drifts (Schätzung is not schätzen) are blocked in overrides.tsv."""
    low = token.lower()
    for suffix, lemma_endings in DERIVED_NOUN_SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            stem = low[: -len(suffix)]
            for ending in lemma_endings:
                if stem + ending in lex.words:
                    return stem + ending, lex.words[stem + ending]
    return None


@functools.cache
def after_first_name(previous: str, token: str) -> bool:
    """`token` is a surname: capitalised after a first name or a title (`Katharina Dröge`, `Frau Held`), so not the
    noun the lexicon scores (Dröge, Held, Schaden). A first name the Pattern lexicon also knows as another word
    (`Von`, `Sie`, `Nazi`, `Mark`) and a title that is a common noun (`Bruder`, `Professor`) do not count, but for
    Frau and Herr."""
    from framing.actors.names import is_common_noun, is_first_name, is_title, word_tags

    if not (token[:1].isupper() and previous[:1].isupper()):
        return False
    if is_first_name(previous):
        return word_tags(previous) <= {"NE"}
    return is_title(previous) and (previous in ("Frau", "Herr", "Herrn") or not is_common_noun(previous))


def word_polarity(token: str, sentence_initial: bool = False) -> tuple[str, float] | None:
    """(lexicon form, polarity) for one token, or None. Capitalised tokens are nouns (case-sensitive).
    Swiss Standard German writes ss for ß (zeitgemäss, Grösse): the ß spelling is tried when nothing matched."""
    found = _lookup(token, sentence_initial)
    if found is None and "ss" in token:
        found = _lookup(token.replace("ss", "ß"), sentence_initial)
    return found


@functools.cache
def _inflected_nouns() -> frozenset[str]:
    """Every lexicon noun with every NOUN_ENDINGS ending (and bare): a compound head outside this set has no
    candidate (_noun_candidates without umlauts) in the lexicon, so the head search skips it with one look-up."""
    nouns = load_lexicon().nouns
    return frozenset(noun + end for noun in nouns for end in ("", *NOUN_ENDINGS))


def _lookup(token: str, sentence_initial: bool) -> tuple[str, float] | None:
    lex = load_lexicon()
    if token[0].isupper():
        if sentence_initial:  # "Leider", "Gut": a capitalised sentence start is tried as a non-noun first
            low = token.lower()
            if low in lex.words or low in lex.modifiers or low in lex.irregular:
                return word_polarity(low)
        for form in _noun_candidates(token):
            if form in lex.nouns:
                return form, lex.nouns[form]
        if sentence_initial and (found := word_polarity(token.lower())):  # "Sexistische Kommentare ..."
            return found
        if found := _derived_noun(token, lex):
            return found
        # Compound nouns take their sentiment from the head: Raketenangriff -> Angriff. Heads shorter than five
        # letters are too often false (Mannschaft -> Haft, Aufgabe -> Gabe) except a few listed ones.
        if not token.endswith(DERIVATIONAL_SUFFIXES):
            inflected = _inflected_nouns()
            for i in range(3, len(token) - 3):
                head = token[i].upper() + token[i + 1:]
                if "-" not in head and head not in inflected:
                    continue  # no candidate of this head is a lexicon noun
                for form in _noun_candidates(head, umlauts=False):
                    if (len(form) >= 5 or form in SHORT_HEADS) and form in lex.nouns:
                        return form, lex.nouns[form]
        if not sentence_initial:
            # Nominalised adjectives and participles: das Gute, Schlimmeres, die Verletzten.
            low = token.lower()
            for end in ("es", "en", "er", "e"):
                if low.endswith(end) and low[: -len(end)] in lex.words and len(low) - len(end) >= 3:
                    return low[: -len(end)], lex.words[low[: -len(end)]]
            return None
        token = token.lower()
    for form in _word_candidates(token):
        if form in lex.irregular:
            form = lex.irregular[form]
        if form in lex.words:
            return form, lex.words[form]
    if token.startswith("un") and len(token) > 6:  # un- negates a positive adjective: unseriös, unwirksam
        found = word_polarity(token[2:])
        if found and found[1] > 0:
            return "un" + found[0], -found[1]
    return None


def _clauses(tokens: list[str]) -> list[int]:
    """Clause number of each token."""
    out, clause = [], 0
    for tok in tokens:
        low = tok.lower()
        if tok in CLAUSE_PUNCT or low in CLAUSE_WORDS:
            clause += 1
            out.append(-1)
        else:
            if low in CLAUSE_OPENERS:
                clause += 1
            out.append(clause)
    return out


def tone_label(tone: float) -> str:
    params = load_lexicon().params
    if tone >= params["positive"]:
        return "positive"
    if tone <= params["negative"]:
        return "negative"
    return "neutral"


@dataclass(frozen=True)
class TokenHits:
    """One text's tokens (with character spans), the clause number of each (-1 for a clause boundary) and the
    sentiment words among them: token index -> (evidence, lexicon form, contribution after modifiers)."""

    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    clauses: tuple[int, ...]
    hits: dict[int, tuple[str, str, float]]


def assess(text: str) -> list[tuple[str, str, float]]:
    """(evidence, lexicon form, contribution after negation / intensifiers / hedges) per sentiment word.

    A negator negates the sentiment words after it in its clause ("keineswegs gut", "niemand ist zufrieden",
    "spielt keine große Rolle"); when none follows, the nearest verb or adjective before it ("gefällt mir nicht").
    Nouns before a negator are not negated ("Der Angriff war nicht erfolgreich").
    """
    return [hit for _, hit in sorted(token_hits(text).hits.items())]


@functools.lru_cache(maxsize=4096)  # the tone towards each mention of a sentence reads the same hits
def token_hits(text: str) -> TokenHits:
    """The sentiment words of `text` with their token positions (see `assess`, which sums them)."""
    lex = load_lexicon()
    matches = list(TOKEN.finditer(text))
    tokens = [m.group() for m in matches]
    spans = tuple(m.span() for m in matches)
    clauses = _clauses(tokens)
    lowered = [t.lower() for t in tokens]
    mods = [lex.modifiers.get(t) for t in lowered]
    found: dict[int, tuple[str, float]] = {}
    for i, tok in enumerate(tokens):
        if clauses[i] < 0 or mods[i] is not None:
            continue
        hit = word_polarity(tok, i == 0 or clauses[i - 1] < 0)
        if hit is not None and hit[1] != 0.0 and not (i > 0 and after_first_name(tokens[i - 1], tok)):
            found[i] = hit
    result = TokenHits(tuple(tokens), spans, tuple(clauses), {})
    if not found:
        return result
    notes: dict[int, list[tuple[str, str, float]]] = {i: [] for i in found}
    for j, m in enumerate(mods):
        if m is None or clauses[j] < 0:
            continue
        kind, factor = m
        same = [i for i in found if clauses[i] == clauses[j]]
        if kind == "negator":
            if j + 1 < len(tokens) and lowered[j + 1] in NEGATION_BREAKERS:
                continue
            after = [i for i in same if i > j]
            before = [i for i in same if i < j and not tokens[i][0].isupper() and lowered[j] in BACKWARD_NEGATORS]
            for i in after or before[-1:]:
                notes[i].append(("neg", tokens[j], factor))
        elif kind == "negator_local":
            for i in same:
                if 0 < i - j <= LOCAL_SCOPE:
                    notes[i].append(("neg", tokens[j], factor))
        elif kind == "intensifier":
            for i in same:
                if 0 < i - j <= 2:
                    notes[i].append(("int", tokens[j], factor))
        elif kind == "hedge":
            for i in same:
                if i > j:
                    notes[i].append(("hedge", tokens[j], factor))
    negation = lex.params["negation"]
    for i, (form, polarity) in sorted(found.items()):
        tok, value = tokens[i], polarity
        label = f"{tok} {value:+.1f}" if form == tok else f"{tok} ({form}) {value:+.1f}"
        negators = [(word, factor) for kind, word, factor in notes[i] if kind == "neg"]
        for kind, word, factor in notes[i]:
            if kind != "neg":
                value *= factor
                label = f"{word} → {label} ×{factor:g}"
        if len(negators) % 2:
            # A negated negative word is at most mildly positive ("nicht schlecht", "kritisierte nicht").
            damp = 1.0 if value > 0 else lex.params["negated_negative"]
            value = -value * min(f for _, f in negators) * negation / 0.8 * damp
            label = f"{negators[0][0]} → {label} negated"
        result.hits[i] = (label, form, max(-2.0, min(2.0, value)))
    return result


@functools.lru_cache(maxsize=8192)  # a sentence is scored whole, per voice stretch and inside the opinion score
def score_tone(text: str) -> ToneScore:
    """Tone of `text` (one sentence) in [-1, 1], with label and the words that drove it."""
    hits = assess(text)
    total = sum(value for _, _, value in hits)
    evidence = [label for label, _, _ in hits]
    tone = max(-1.0, min(1.0, round(saturate(total), 4)))
    return ToneScore(tone, tone_label(tone), tuple(evidence))


def saturate(total):
    """A sentence's tone from the sum of its words' contributions: s·k / (1 + |s·k|), in (−1, 1), with k the
    `scale` of tone_params.json. Works on floats and on numpy arrays (quality/fit_tone.py fits on it)."""
    scaled = total * load_lexicon().params["scale"]
    return scaled / (1.0 + abs(scaled))
