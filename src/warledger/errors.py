"""A small hierarchy of typed errors. Each message says what went wrong and what to do."""


class WarledgerError(Exception):
    """Base class of every error warledger raises on purpose."""


class InputError(WarledgerError):
    """A document that cannot be read or processed. `reason` is a short machine-readable code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


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
