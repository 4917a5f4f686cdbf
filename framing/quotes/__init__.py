"""Quotes: text, sentence spans and sections in, quotations with cue, speaker mention and resolved speaker out.

Direct quotes in every quote-mark style, partial quotes and reported speech (speech verb with dass-clause or
Konjunktiv I, `laut X`, `X zufolge`, `so X`, `nach Angaben von X`), each attributed to the speaker mention nearest
its cue and resolved within the article (pronouns, role nouns, name forms). Rules and the word lists in
`data/speech/`; no model. Speaker names are merged across a corpus by `framing.actors.merge_speakers`.
Modules in the order data flows through them: lexicon, tokens, marks, phrases, cues, speakers, attribute.
"""

from framing.quotes.attribute import Quote, find_quotes
from framing.quotes.marks import find_quote_marks

__all__ = ["Quote", "find_quote_marks", "find_quotes"]
