"""Segment: an article's text in, its sections and sentences out.

`sections.segment_sections` cuts the text into sections that cover it exactly once (headline, teaser, reporting,
commentary, analysis, explainer, reader comment, boilerplate) from the markers in `data/sections/`;
`sentences.split_sentences` splits a stretch into sentence spans, tuned to German news text.
"""
