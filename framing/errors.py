"""The library's exceptions; the CLI and the dashboard turn them into messages in one place each."""

from __future__ import annotations


class FramingError(Exception):
    """Base class: anything the user can act on. The message says what is wrong and what to do."""


class InputError(FramingError):
    """An input path, file or record cannot be used (missing, unreadable, wrong shape)."""


class ConfigError(FramingError):
    """A data file of the project (lexicon, markers, gazetteer) or an option is malformed."""
