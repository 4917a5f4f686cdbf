"""textblob-de's polarity, the same number as `TextBlobDE(text).sentiment.polarity`, computed without its overhead.

textblob-de computes a sentence's polarity in five steps: Pattern's tokenizer splits the text, Pattern's Brill
tagger tags it (lexicon, suffix rules for unknown words, context rules), the tags choose each word's lemma, the
lemmas are joined and tokenized again, and the lowercased words are looked up in the polarity lexicon with
negations and modifiers. This module runs the same steps on the library's own data (its lexicon, rule lists and
lemmatiser functions, read from the installed package), minus what does not reach the number:

- the tokenizer splits each whitespace-separated word on its own; that split is a pure function of the word and
  is memoised (the regular expressions the library runs over the whole text are replaced by the string operations
  they amount to: literal patterns, `\\s+` runs);
- unknown words get their suffix-rule tag from an index of the 287 rules (by whole word, prefix, suffix,
  neighbour) instead of testing every rule, then the matching rules are replayed in the library's order, so a rule
  that depends on the tag an earlier rule set still sees that tag;
- the context rules are those of `tagger.context_apply` (indexed by the tag they change);
- the phrase chunker (whose output the lemmas never read) is skipped, lemmas are memoised per (word, tag), and
  the `TextBlob`/`namedtuple` objects the library builds for every call are not built.

Whatever this module cannot prove it handles as the library does (a malformed rule file, whitespace inside a
lemma, a lemma string that looks like a synset id) goes to the library itself (`library_polarity`), so the number
is the library's in every case. tests/score/test_textblob_polarity.py compares both on every 10kGNAD sentence.
"""

from __future__ import annotations

import functools
import re
import string as _string
from dataclasses import dataclass, field

_CACHE_LIMIT = 200_000  # entries per memo; cleared when full, so memory stays bounded on any corpus


class _Unsupported(Exception):
    """A case the fast path does not reproduce; the library computes it instead."""


@dataclass
class _Tokenizer:
    """Pattern's `find_tokens` with one configuration (punctuation, abbreviations, contractions)."""

    punctuation: tuple[str, ...]
    abbreviations: frozenset[str]
    replace: tuple[tuple[str, str], ...]
    replace_dict: dict[str, str]
    abbr_patterns: tuple[re.Pattern, ...]
    eos: str
    sarcasm: re.Pattern
    emoticons: re.Pattern
    memo: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def split_word(self, t: str) -> tuple[str, ...]:
        """The pieces one whitespace-free word becomes (leading and trailing punctuation, periods, ellipses)."""
        pieces = self.memo.get(t)
        if pieces is not None:
            return pieces
        word = t
        punctuation, replace = self.punctuation, self.replace_dict
        head, tail = [], []
        while t.startswith(punctuation) and t not in replace:
            head.append(t[0])
            t = t[1:]
        ending = punctuation + (".",)
        while t.endswith(ending) and t not in replace:
            if t.endswith(punctuation):
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if t in self.abbreviations or any(p.match(t) is not None for p in self.abbr_patterns):
                    break
                tail.append(t[-1])
                t = t[:-1]
        if t != "":
            head.append(t)
        head.extend(reversed(tail))
        pieces = tuple(head)
        if len(self.memo) > _CACHE_LIMIT:
            self.memo.clear()
        self.memo[word] = pieces
        return pieces

    def sentences(self, text: str) -> list[str]:
        """Pattern's `find_tokens(text, ...)`: sentences as space-separated token strings."""
        for a, b in self.replace:
            if a in text:
                text = text.replace(a, b)  # re.sub of a literal pattern (checked when built)
        if "“" in text or "”" in text or "‘" in text or "’" in text:
            text = text.replace("“", " “ ").replace("”", " ” ").replace("‘", " ‘ ").replace("’", " ’ ")
        if "\n" in text:
            text = text.replace("\r\n", "\n")
            if "\n\n" in text:
                text = _LINEBREAK.sub(" %s " % self.eos, text)
        tokens: list[str] = []
        split_word, memo = self.split_word, self.memo
        for t in text.split():  # = TOKEN.findall over the text with whitespace runs collapsed (\s = isspace)
            tokens.extend(memo.get(t) or split_word(t))  # (a word's pieces are never empty: "" is no word)
        return self._sentences(tokens)

    def _sentences(self, tokens: list[str]) -> list[str]:
        eos = self.eos
        stops = ("...", ".", "!", "?", eos)
        closing = ("'", '"', "”", "’", "...", ".", "!", "?", ")", eos)
        sentences: list[list[str]] = [[]]
        i = j = 0
        n = len(tokens)
        while j < n:
            if tokens[j] in stops:
                while j < n and tokens[j] in closing:
                    if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                        break  # balanced quotes
                    j += 1
                sentences[-1].extend(t for t in tokens[i:j] if t != eos)
                sentences.append([])
                i = j
            j += 1
        sentences[-1].extend(tokens[i:j])
        out = []
        for s in sentences:
            if not s:
                continue
            joined = " ".join(s)
            if "(" in joined:
                joined = self.sarcasm.sub("(!)", joined)
            joined = self.emoticons.sub(_join_emoticon, joined)
            out.append(joined)
        return out


_LINEBREAK = re.compile(r"\n{2,}")


def _join_emoticon(m: re.Match) -> str:
    return m.group(1).replace(" ", "") + m.group(2)


def _tokenizer(pattern_text, punctuation: str, abbreviations) -> _Tokenizer:
    replace = tuple(pattern_text.replacements.items())
    if any(re.escape(a) != a or "\\" in b for a, b in replace):
        raise _Unsupported("contraction patterns are regular expressions")
    return _Tokenizer(
        punctuation=tuple(punctuation.replace(".", "")),
        abbreviations=frozenset(abbreviations),
        replace=replace,
        replace_dict=dict(replace),
        abbr_patterns=(pattern_text.RE_ABBR1, pattern_text.RE_ABBR2, pattern_text.RE_ABBR3),
        eos=pattern_text.EOS,
        sarcasm=pattern_text.RE_SARCASM,
        emoticons=pattern_text.RE_EMOTICONS,
    )


class _Morphology:
    """Pattern's `Morphology.apply` for an unknown word tagged `default`: its suffix rules, indexed."""

    _WORD_ONLY = ("word", "char", "haspref", "hassuf", "addpref", "addsuf", "deletepref", "deletesuf")

    def __init__(self, morphology, known) -> None:
        self.known = known
        rules = list(list.__iter__(morphology)) if len(morphology) else []
        commands = morphology._cmd
        self.rules: list[tuple[bool, str, str]] = []  # (needs from-tag, from-tag, to-tag)
        by_kind: dict[str, list[tuple[str, int]]] = {kind: [] for kind in (*self._WORD_ONLY, "goodleft", "goodright")}
        state = None
        for index, r in enumerate(rules):
            # The library's loop keeps the previous rule's values when a rule names no known command.
            if len(r) > 1 and r[1] in commands:
                state = (False, r[0], r[-2], r[1].lower())
            if len(r) > 2 and r[2] in commands:
                state = (True, r[1], r[-2], r[2].lower().lstrip("f"))
            if state is None or len(r) < 3:
                raise _Unsupported("a suffix rule the library cannot read")
            flagged, x, pos, cmd = state
            self.rules.append((flagged, r[0], pos))
            if cmd in by_kind:
                by_kind[cmd].append((x, index))
        self.word = _grouped(by_kind["word"])
        self.prefix = _grouped(by_kind["haspref"])
        self.suffix = _grouped(by_kind["hassuf"])
        self.prefix_lengths = sorted({len(x) for x in self.prefix})
        self.suffix_lengths = sorted({len(x) for x in self.suffix})
        self.char = _grouped([(x, i) for x, i in by_kind["char"] if len(x) == 1])  # "x in w" for one character
        self.substrings = [(x, i) for x, i in by_kind["char"] if len(x) != 1]
        # "x + w in known" / "w + x in known": the lexicon words such a rule can complete, by the stem w they need
        stems: dict[str, list[int]] = {}
        for x, i in by_kind["addpref"]:
            for word in known:
                if word.startswith(x):
                    stems.setdefault(word[len(x):], []).append(i)
        for x, i in by_kind["addsuf"]:
            for word in known:
                if word.endswith(x):
                    stems.setdefault(word[: len(word) - len(x)], []).append(i)
        self.stems = {stem: tuple(ids) for stem, ids in stems.items()}
        self.delete_prefix = by_kind["deletepref"]
        self.delete_suffix = by_kind["deletesuf"]
        self.left = _grouped(by_kind["goodleft"])  # x == the next word
        self.right = _grouped(by_kind["goodright"])  # x == the previous word
        self.memo: dict[str, tuple[int, ...]] = {}

    def _word_rules(self, w: str) -> tuple[int, ...]:
        """The rules whose test reads only the word itself and match it, in the library's order."""
        found = self.memo.get(w)
        if found is not None:
            return found
        hits = list(self.word.get(w, ()))
        char = self.char
        for c in set(w):
            hits.extend(char.get(c, ()))
        for x, i in self.substrings:
            if x in w:
                hits.append(i)
        size = len(w)
        for length in self.prefix_lengths:
            if length <= size:
                hits.extend(self.prefix.get(w[:length], ()))
        for length in self.suffix_lengths:
            if length <= size:
                hits.extend(self.suffix.get(w[size - length:], ()))
        hits.extend(self.stems.get(w, ()))
        known = self.known
        for x, i in self.delete_prefix:
            if w.startswith(x) and w[len(x):] in known:
                hits.append(i)
        for x, i in self.delete_suffix:
            if w.endswith(x) and w[: size - len(x)] in known:
                hits.append(i)
        found = tuple(sorted(set(hits)))
        if len(self.memo) > _CACHE_LIMIT:
            self.memo.clear()
        self.memo[w] = found
        return found

    def tag(self, w: str, tag: str, previous: str | None, next_word: str | None) -> str:
        hits = self._word_rules(w)
        around = self.left.get(next_word, ()) + self.right.get(previous, ())
        if around:
            hits = tuple(sorted(set(hits + around)))
        rules = self.rules
        for i in hits:  # in the library's order: a from-tag rule sees the tag earlier rules set
            flagged, from_tag, to_tag = rules[i]
            if flagged and tag != from_tag:
                continue
            tag = to_tag
        return tag


def _grouped(pairs: list[tuple[str, int]]) -> dict[str, tuple[int, ...]]:
    out: dict[str, list[int]] = {}
    for x, i in pairs:
        out.setdefault(x, []).append(i)
    return {x: tuple(ids) for x, ids in out.items()}


# textblob-de's configuration, copied from its modules (importing them imports NLTK: seconds per process);
# tests/score/test_textblob_polarity.py checks each against the installed textblob-de.
NEGATIONS = ("nicht", "ohne", "nie", "nein", "kein", "keiner", "keine", "nichts")  # sentiments.sentiment
MODIFIERS = ("RB", "JJ")


def _modifier(w: str) -> bool:  # sentiments.sentiment: a word ending in -lich modifies the next
    return w.endswith("lich")


def _pattern_modules():
    """`_pattern.text` and `_pattern.text.de` as textblob-de's `packages` module imports them (from its `ext`
    folder), without importing textblob-de."""
    import importlib.util
    import sys

    from framing import resources

    if importlib.util.find_spec("pattern") is not None:
        raise _Unsupported("a separate Pattern install, which textblob-de would use instead of its own")
    if "_pattern" not in sys.modules:
        folder = str(resources.pattern_dir())
        sys.path.append(folder)
        try:
            import _pattern  # noqa: F401
        finally:
            sys.path.remove(folder)
    from _pattern import text
    from _pattern.text import de

    return text, de


def _german_sentiment(pattern_text):
    """textblob-de's `sentiments.sentiment`: Pattern's Sentiment on its lexicon, plus the same words without
    French diacritics (its `Sentiment.load`, copied)."""
    from framing import resources

    class Sentiment(pattern_text.Sentiment):
        def load(self, path=None):
            pattern_text.Sentiment.load(self, path)
            if not path:
                for w, pos in list(self.items()):
                    w0 = w
                    if not w.endswith(("à", "è", "é", "ê", "ï")):
                        w = w.replace("à", "a").replace("é", "e").replace("è", "e").replace("ê", "e").replace("ï", "i")
                    if w != w0:
                        for pos, (p, s, i) in pos.items():
                            self.annotate(w, pos, p, s, i)

    return Sentiment(path=str(resources.textblob_lexicon_path()), synset=None, negations=NEGATIONS,
                     modifiers=MODIFIERS, modifier=_modifier, language="de")


class _Model:
    """The library's data, read once: tokenizers, tagger tables, lemmatiser, polarity lexicon."""

    def __init__(self) -> None:
        pattern_text, pattern_de = _pattern_modules()
        parser = pattern_de.parser
        if parser.model is not None or parser.entities is not None:
            raise _Unsupported("the German parser has a language model or entity rules")
        # PatternTokenizer (textblob-de): string.punctuation and German abbreviations; the lexicon's: Pattern's own.
        self.words = _tokenizer(pattern_text, _string.punctuation, pattern_de.ABBREVIATIONS)
        self.lemma_words = _tokenizer(pattern_text, pattern_text.PUNCTUATION, pattern_text.ABBREVIATIONS)
        self.lexicon = dict(parser.lexicon) if len(parser.lexicon) else {}
        len(parser.morphology.known)  # loads the lexicon the suffix rules consult
        self.morphology = _Morphology(parser.morphology, dict(parser.morphology.known))
        self.context, self.context_to = _context_probes(parser.context)
        self.default = parser.default
        self.cd = pattern_text.CD
        self.stts = pattern_de.stts
        self.find_lemmata = pattern_de.find_lemmata
        self.lemmas: dict[tuple[str, str], tuple[bool, str, str]] = {}
        analyzer = _german_sentiment(pattern_text)
        len(analyzer)  # loads the XML lexicon
        self.polarity_lexicon = dict(analyzer)
        self.negations = analyzer.negations
        self.modifiers = analyzer.modifiers
        self.modifier = analyzer.modifier
        self.synset = pattern_text.RE_SYNSET
        self.emoticons = [(p, {e.lower() for e in faces}) for (_, p), faces in pattern_text.EMOTICONS.items()]
        self.punctuation = pattern_text.PUNCTUATION
        self.ascii_punctuation = _string.punctuation  # textblob-de's tokenizers.PUNCTUATION
        self.lemmatizer_punctuation = _string.punctuation  # lemmatizers.py tests `w in string.punctuation`

    # -- PatternTokenizer.tokenize -----------------------------------------------------------------------------------
    def tokens(self, text: str) -> list[str]:
        out: list[str] = []
        single = self.ascii_punctuation  # textblob-de's PUNCTUATION; `in` tests a substring, as the library does
        for sentence in self.words.sentences(text):
            if sentence.strip() == "":
                continue
            parts = sentence.split(" ")
            if len(parts) == 1 and parts[0] in single:
                out.extend(parts)
                continue
            last = parts[-1]
            if last.endswith(".") and len(last) > 1:
                parts = parts[:-1] + [last[:-1], "."]
            out.extend(parts)
        return out

    # -- the German parser's find_tags (lexicon, suffix rules, context rules, STTS -> Penn) ----------------------------
    def tags(self, words: list[str]) -> list[str]:
        ss = [w.replace("ß", "ss") for w in words]  # the lexicon spells ß as ss; the words keep their ß
        lexicon_get = self.lexicon.get
        tags: list[str | None] = []
        for i, token in enumerate(ss):
            tags.append(lexicon_get(token, i == 0 and lexicon_get(token.lower()) or None))
        default = self.default
        last = len(ss) - 1
        for i, tag in enumerate(tags):
            if tag is None:
                token = ss[i]
                if self.cd.match(token) is not None:
                    tags[i] = default[2]
                else:
                    tags[i] = self.morphology.tag(token, default[0], ss[i - 1] if i > 0 else None,
                                                  ss[i + 1] if i < last else None)
        tags = self._context(ss, tags)
        stts = self.stts
        return [stts.get(tag, tag) for tag in tags]

    def _context(self, words: list[str], tags: list[str]) -> list[str]:
        """Pattern's `Context.apply`: each token gets the to-tag of the last rule that matches it. Words and tags
        interleave in one list (word of token j at 2j, its tag at 2j + 1), so a probe is an offset into it."""
        probes, default_probes = self.context
        to_tags = self.context_to
        cells = ["STAART"] * 6
        for word, tag in zip(words, tags):
            cells.append(word)
            cells.append(tag)
        cells += ["STAART"] * 6
        for at in range(6, len(cells) - 6, 2):
            original = cells[at + 1]
            if original == "STAART":
                continue
            singles, pairs = probes.get(original, default_probes)
            best = -1
            for offset, table in singles:
                found = table.get(cells[at + offset], -1)
                if found > best:
                    best = found
            for first, second, table in pairs:
                found = table.get((cells[at + first], cells[at + second]), -1)
                if found > best:
                    best = found
            if best >= 0:
                cells[at + 1] = to_tags[best]
        return cells[7:-6:2]

    def _lemma_entry(self, word: str, tag: str) -> tuple[bool, str, str]:
        """(skipped, lemma at position 0, lemma elsewhere) of a tagged token, as PatternParserLemmatizer reads it
        from the parser's `word/TAG/chunk/PNP/lemma` output. Memoised: a pure function of word and tag."""
        key = (word, tag)
        entry = self.lemmas.get(key)
        if entry is not None:
            return entry
        w = word.replace("/", "&slash;")
        lemma = self.find_lemmata([[word, tag]])[0][2]
        if "/" in tag or "/" in lemma or _has_space(w) or _has_space(tag) or _has_space(lemma):
            raise _Unsupported("the library would split this token differently")
        lemma = lemma.replace("ß", "ss").strip().replace("forwardslash", "/")
        first = lemma.title() if tag.startswith("N") else lemma
        other = lemma.title() if w and w[0].isupper() else lemma
        # w == "": the library skips a token printed as "/TAG/..."; punctuation (a substring test, as there)
        skipped = w == "" or w in self.lemmatizer_punctuation or lemma == "/"
        entry = (skipped, first, other)
        if len(self.lemmas) > _CACHE_LIMIT:
            self.lemmas.clear()
        self.lemmas[key] = entry
        return entry

    # -- PatternParserLemmatizer.lemmatize ---------------------------------------------------------------------------
    def lemmatized(self, text: str) -> str:
        """The space-joined lemmas textblob-de hands to its sentiment lexicon."""
        if text.strip() == "":
            return ""
        text = text.replace("/", " FORWARDSLASH ")
        words = " ".join(self.tokens(text)).split(" ")
        tags = self.tags(words)
        lemmas = []
        memo, entry_of = self.lemmas, self._lemma_entry
        for i, key in enumerate(zip(words, tags)):
            entry = memo.get(key) or entry_of(*key)
            if not entry[0]:
                lemmas.append(entry[2] if i else entry[1])
        return " ".join(lemmas)

    # -- TextBlobDE.sentiment: the mean over the blob's sentences (PatternTokenizer.sent_tokenize) ----------------
    def polarity(self, text: str) -> float:
        sentences = self.words.sentences(text)
        total = 0
        for sentence in sentences:
            total += self.sentence_polarity(sentence)
        return total / len(sentences) if sentences else 0.0

    # -- PatternAnalyzer.analyze: Pattern's Sentiment.__call__ on the lemmas, polarity only ----------------------
    def sentence_polarity(self, text: str) -> float:
        lemmas = self.lemmatized(text)
        if self.synset.match(lemmas):
            raise _Unsupported("the library reads this string as a synset id")
        words = [w.lower() for w in " ".join(self.lemma_words.sentences(lemmas)).split()]
        scores = self._assessments(words)
        s, n = 0, 0
        for score in scores:
            s += 1 * score
            n += 1
        return s / float(n or 1)

    def _assessments(self, words: list[str]) -> list[float]:
        """Pattern's `Sentiment.assessments(words, negation=True)` with pos None: the polarity of each assessment."""
        lexicon, negations, modifiers, modifier = self.polarity_lexicon, self.negations, self.modifiers, self.modifier
        a: list[dict] = []
        m = None  # preceding modifier
        n = None  # preceding negation
        pos = None
        for w in words:
            entry = lexicon.get(w)
            if entry is not None and pos in entry:
                p, _s, i = entry[pos]
                if m is None:
                    a.append({"p": p, "i": i, "n": 1})
                if m is not None:
                    a[-1]["p"] = max(-1.0, min(p * a[-1]["i"], +1.0))
                    a[-1]["i"] = i
                if n is not None:
                    a[-1]["i"] = 1.0 / a[-1]["i"]
                    a[-1]["n"] = -1
                m = None
                n = None
                if pos and pos in modifiers or any(map(entry.__contains__, modifiers)):
                    m = (w, pos)
                if w in negations:
                    n = w
            else:
                if w in negations:
                    n = w
                elif n and len(w.strip("'")) > 1:
                    n = None
                if n is not None and m is not None and (pos in modifiers or modifier(m[0])):
                    a[-1]["n"] = -1
                    n = None
                elif m and len(w) > 2:
                    m = None
                if w == "!" and len(a) > 0:
                    a[-1]["p"] = max(-1.0, min(a[-1]["p"] * 1.25, +1.0))
                if w == "(!)":
                    a.append({"p": 0.0, "i": 1.0, "n": 1})
                if w.isalpha() is False and len(w) <= 5 and w not in self.punctuation:
                    for p, faces in self.emoticons:
                        if w in faces:
                            a.append({"p": p, "i": 1.0, "n": 1})
                            break
        return [x["p"] * -0.5 if x["n"] < 0 else x["p"] for x in a]


# Which tokens around position i each context command compares with its x (and y): ("t", k) is the tag at i+k,
# ("w", k) the word. Tags before i are the rewritten ones, from i on those of the lexicon and suffix rules, as in
# the library's loop. A command that tests one of two or three positions becomes one probe per position.
_T = {k: ("t", k) for k in (-3, -2, -1, 1, 2, 3)}
_W = {k: ("w", k) for k in (-2, -1, 0, 1, 2)}
_CONTEXT_PROBES = {
    "prevtag": [(_T[-1],)], "nexttag": [(_T[1],)], "prev2tag": [(_T[-2],)], "next2tag": [(_T[2],)],
    "prev1or2tag": [(_T[-1],), (_T[-2],)], "next1or2tag": [(_T[1],), (_T[2],)],
    "prev1or2or3tag": [(_T[-1],), (_T[-2],), (_T[-3],)], "next1or2or3tag": [(_T[1],), (_T[2],), (_T[3],)],
    "surroundtag": [(_T[-1], _T[1])],
    "curwd": [(_W[0],)], "prevwd": [(_W[-1],)], "nextwd": [(_W[1],)],
    "prev1or2wd": [(_W[-1],), (_W[-2],)], "next1or2wd": [(_W[1],), (_W[2],)],
    "prevwdtag": [(_W[-1], _T[-1])], "nextwdtag": [(_W[1], _T[1])],
    "wdprevtag": [(_T[-1], _W[0])], "wdnexttag": [(_W[0], _T[1])],
    "wdand2aft": [(_W[0], _W[2])], "wdand2tagbfr": [(_T[-2], _W[0])], "wdand2tagaft": [(_W[0], _T[2])],
    "lbigram": [(_W[-1], _W[0])], "rbigram": [(_W[0], _W[1])],
    "prevbigram": [(_T[-2], _T[-1])], "nextbigram": [(_T[1], _T[2])],
}


def _offset(position: tuple[str, int]) -> int:
    """("t", k) / ("w", k) -> the offset from a token's word to that tag / word in the interleaved list."""
    kind, k = position
    return 2 * k + (1 if kind == "t" else 0)


def _context_probes(context) -> tuple[tuple[dict, tuple], list[str]]:
    """Per from-tag, its probes: (key function, {key: index of the last rule, its own or a `*` rule, that tests
    that key}); the probes of `*` rules alone for other tags; and each rule's to-tag. Of several rules matching
    a token the last wins, so a table keeps the highest index per key. Commands the library's loop does not test
    (next1or2or3wd, prev1or2or3wd) never match and are left out."""
    rules = list(list.__iter__(context)) if len(context) else []
    to_tags = [r[1] for r in rules]
    tables: dict[str | None, dict[tuple, dict]] = {}
    for index, r in enumerate(rules):
        cmd, x, y = r[2].lower(), r[3], r[4] if len(r) > 4 else ""
        for spec in _CONTEXT_PROBES.get(cmd, ()):
            key = x if len(spec) == 1 else (x, y)
            table = tables.setdefault(None if r[0] == "*" else r[0], {}).setdefault(spec, {})
            table[key] = max(index, table.get(key, -1))
    star = tables.pop(None, {})

    def probes(own: dict[tuple, dict]) -> tuple[list, list]:
        singles, pairs = [], []
        for spec in sorted(set(star) | set(own)):
            table = dict(star.get(spec, {}))
            for key, index in own.get(spec, {}).items():
                table[key] = max(index, table.get(key, -1))
            if len(spec) == 1:
                singles.append((_offset(spec[0]), table))
            else:
                pairs.append((_offset(spec[0]), _offset(spec[1]), table))
        return singles, pairs

    return ({tag: probes(own) for tag, own in tables.items()}, probes({})), to_tags


def _has_space(s: str) -> bool:
    return len(s.split()) != 1 if s else False


@functools.cache
def _model() -> _Model | None:
    try:
        return _Model()
    except _Unsupported:
        return None


def library_polarity(text: str) -> float:
    """`TextBlobDE(text).sentiment.polarity` computed by the library itself (the reference, and the fallback)."""
    from framing.score.textblob.offline import blob_factory

    blob_class, tokenizer = blob_factory()
    return float(blob_class(text, tokenizer=tokenizer).sentiment.polarity)


def textblob_polarity(text: str) -> float | None:
    """textblob-de's polarity of `text` (-1..1), exactly the library's number, computed by the fast path; None
    where textblob-de itself fails on the text (a lemma string it mistakes for a synset id, e.g. "( a-1"), so
    that one sentence has no value instead of its article being lost."""
    model = _model()
    if model is not None:
        try:
            return float(model.polarity(text))
        except _Unsupported:
            pass
    try:
        return library_polarity(text)
    except Exception:  # the library's own failure on this input, not ours: the fast path has handed over
        return None
