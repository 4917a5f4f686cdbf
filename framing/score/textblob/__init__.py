"""textblob-de run offline (`offline`) and its polarity re-implemented, the same number faster (`polarity`)."""
