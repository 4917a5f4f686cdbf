"""Score: a sentence or a stretch of text in, its tone, opinion and textblob-de polarity out.

`tone.score_tone`: our lexicon score (−1..1) with label and evidence; `opinion.score_opinion`: how much the text
shows its author's own stance (0..1) with the signals found; `textblob`: textblob-de's polarity exactly as the
library computes it, offline, re-implemented to give the same number faster.
"""
