"""A small hierarchy of typed errors. Each message says what went wrong and what to do."""


class WarledgerError(Exception):
    """Base class of every error warledger raises on purpose."""


class InputError(WarledgerError):
    """A document that cannot be read or processed. `reason` is a short machine-readable code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


class ExtractionFailed(InputError):
    """A stage raised on a document: a warledger bug, reported as that document's failure."""

    def __init__(self, input: str, exc: BaseException) -> None:
        super().__init__(
            "extraction",
            f"{input}: extraction failed ({type(exc).__name__}: {exc}); this is a warledger bug, "
            "please report it with the input",
        )
        self.input = input


class ConfigError(WarledgerError):
    """A setting, data file or knowledge-base entry that is wrong."""


class StoreError(WarledgerError):
    """The database cannot be opened, migrated or written."""


class EvaluationDataMissing(WarledgerError):
    """Evaluation data is not where the settings say (see WARLEDGER_EVAL_DATA)."""


class QueryError(WarledgerError):
    """A query names something the database does not hold (an actor, a judgement)."""


class FilterError(WarledgerError):
    """A filter value an export or query cannot use (a malformed date, an unknown certainty)."""


class BatchError(WarledgerError):
    """A batch run or its output folder cannot be used (no cluster, a damaged partition)."""
