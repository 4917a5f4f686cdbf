"""Faster, output-identical replacements for two hot loops inside textblob-de's bundled Pattern tagger.

textblob-de's polarity lemmatises every sentence with Pattern's Brill tagger; 90 % of its time is
`Context.apply`, which tests every contextual rule against every token. Two facts make an exact shortcut possible:
a rule only applies to tokens whose *original* tag equals its from-tag (or `*`) — the loop tests `token[1]`, the
list captured before any rule replaced `t[i]` — and when several rules match, the last one wins. So we index the
rules by from-tag once and scan only a token's own rules, from the last backwards, stopping at the first match.
`Morphology.apply` (suffix rules for unknown words) is a pure function of the word, its tag and its neighbours'
words, so it is memoised. tests/test_textblob_fast.py checks tag-for-tag and score-for-score identity.
"""

from __future__ import annotations


def _context_index(context) -> tuple[list[tuple], dict[str, list[int]], list[int]]:
    size = len(context)  # len() makes the lazy list load its rules
    index = context.__dict__.get("_framing_index")
    if index is not None and index[0] == size:
        return index[1]
    rules = [(r[0], r[1], r[2].lower(), r[3], r[4] if len(r) > 4 else "") for r in list.__iter__(context)]
    star = [i for i, r in enumerate(rules) if r[0] == "*"]
    by_tag: dict[str, list[int]] = {}
    for i, r in enumerate(rules):
        if r[0] != "*":
            by_tag.setdefault(r[0], []).append(i)
    by_tag = {tag: sorted(ids + star) for tag, ids in by_tag.items()}
    built = (rules, by_tag, star)
    context.__dict__["_framing_index"] = (size, built)
    return built


def _matches(cmd: str, x: str, y: str, t: list, i: int) -> bool:
    if cmd == "prevtag":
        return x == t[i - 1][1]
    if cmd == "nexttag":
        return x == t[i + 1][1]
    if cmd == "prev2tag":
        return x == t[i - 2][1]
    if cmd == "next2tag":
        return x == t[i + 2][1]
    if cmd == "prev1or2tag":
        return x in (t[i - 1][1], t[i - 2][1])
    if cmd == "next1or2tag":
        return x in (t[i + 1][1], t[i + 2][1])
    if cmd == "prev1or2or3tag":
        return x in (t[i - 1][1], t[i - 2][1], t[i - 3][1])
    if cmd == "next1or2or3tag":
        return x in (t[i + 1][1], t[i + 2][1], t[i + 3][1])
    if cmd == "surroundtag":
        return x == t[i - 1][1] and y == t[i + 1][1]
    if cmd == "curwd":
        return x == t[i][0]
    if cmd == "prevwd":
        return x == t[i - 1][0]
    if cmd == "nextwd":
        return x == t[i + 1][0]
    if cmd == "prev1or2wd":
        return x in (t[i - 1][0], t[i - 2][0])
    if cmd == "next1or2wd":
        return x in (t[i + 1][0], t[i + 2][0])
    if cmd == "prevwdtag":
        return x == t[i - 1][0] and y == t[i - 1][1]
    if cmd == "nextwdtag":
        return x == t[i + 1][0] and y == t[i + 1][1]
    if cmd == "wdprevtag":
        return x == t[i - 1][1] and y == t[i][0]
    if cmd == "wdnexttag":
        return x == t[i][0] and y == t[i + 1][1]
    if cmd == "wdand2aft":
        return x == t[i][0] and y == t[i + 2][0]
    if cmd == "wdand2tagbfr":
        return x == t[i - 2][1] and y == t[i][0]
    if cmd == "wdand2tagaft":
        return x == t[i][0] and y == t[i + 2][1]
    if cmd == "lbigram":
        return x == t[i - 1][0] and y == t[i][0]
    if cmd == "rbigram":
        return x == t[i][0] and y == t[i + 1][0]
    if cmd == "prevbigram":
        return x == t[i - 2][1] and y == t[i - 1][1]
    if cmd == "nextbigram":
        return x == t[i + 1][1] and y == t[i + 2][1]
    return False


def context_apply(self, tokens):
    """Pattern's Context.apply, same result: each token gets the to-tag of the last rule that matches it."""
    rules, by_tag, star = _context_index(self)
    o = [("STAART", "STAART")] * 3
    t = o + tokens + o
    for i in range(3, len(t) - 3):
        original = t[i][1]
        if original == "STAART":
            continue
        for rule_id in reversed(by_tag.get(original, star)):
            _, to_tag, cmd, x, y = rules[rule_id]
            if _matches(cmd, x, y, t, i):
                t[i] = [t[i][0], to_tag]
                break
    return t[len(o) : -len(o)]


def install() -> None:
    """Patch the tagger of the installed textblob-de (idempotent)."""
    import textblob_de  # noqa: F401  (puts its bundled Pattern on sys.path as `_pattern`)
    from _pattern.text import Context, Morphology

    if getattr(Context.apply, "_framing_fast", False):
        return
    original_morphology = Morphology.apply
    memo: dict[tuple, str] = {}

    def morphology_apply(self, token, previous=(None, None), next=(None, None)):
        key = (id(self), token[0], token[1], previous[0], next[0])
        tag = memo.get(key)
        if tag is None:
            if len(memo) > 500_000:  # bound the memory of very large corpora
                memo.clear()
            tag = memo[key] = original_morphology(self, [token[0], token[1]], previous, next)[1]
        token[1] = tag
        return token

    context_apply._framing_fast = True  # type: ignore[attr-defined]
    Context.apply = context_apply
    Morphology.apply = morphology_apply
