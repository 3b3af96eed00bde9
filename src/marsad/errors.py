"""One exception tree. Every message says what went wrong and what to do about it."""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose. The CLI prints it as one red line and exits non-zero."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class InputError(MarsadError):
    """An input file or line cannot be read (empty, binary, undecodable, not XML/JSON, too large, no text)."""

    code = "input"


class ConfigError(MarsadError):
    """A setting, dictionary or data file given by the user is wrong."""

    code = "config"


class DataMissingError(MarsadError):
    """A data folder or built artefact (gazetteer, gold set) is not where we looked."""

    code = "data-missing"


class StoreError(MarsadError):
    """The database cannot be opened, migrated or written."""

    code = "store"
