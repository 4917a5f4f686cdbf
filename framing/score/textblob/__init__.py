"""textblob-de, as the library computes it, run offline (`offline`) with an output-identical fast tagger (`tagger`)."""
