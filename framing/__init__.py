"""framing: how German news outlets frame the same story (tone, quoted actors, editorial voice)."""

__version__ = "0.1.0"
