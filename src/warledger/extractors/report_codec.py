"""`report_from_dict`: rebuild a `Report` from its JSON dict (`Report.to_dict()`), the inverse
that parallel extraction needs to bring reports back from worker processes."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

from warledger.report import (
    Actor,
    Attribution,
    DocumentInfo,
    Duration,
    Event,
    Money,
    Place,
    Quantity,
    Relation,
    Report,
    Source,
    Span,
    Statement,
    When,
)

T = TypeVar("T")


def _known(cls: type[T], data: dict[str, Any]) -> dict[str, Any]:
    """The items of `data` that are fields of `cls` (extra keys, allowed by the schema, are dropped)."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return {k: v for k, v in data.items() if k in names}


def _span(data: dict[str, Any] | None) -> Span | None:
    return None if data is None else Span(**_known(Span, data))


def _spans(items: list[dict[str, Any]] | None) -> list[Span]:
    return [Span(**_known(Span, s)) for s in items or []]


def _optional(cls: type[T], data: dict[str, Any] | None) -> T | None:
    return None if data is None else cls(**_known(cls, data))


def _attribution(data: dict[str, Any] | None) -> Attribution:
    return Attribution(**_known(Attribution, data)) if data else Attribution()


def _event(data: dict[str, Any]) -> Event:
    values = _known(Event, data)
    values["evidence"] = _spans(data.get("evidence"))
    values["when"] = _optional(When, data.get("when"))
    for name in ("quantity", "fatalities", "injured"):
        values[name] = _optional(Quantity, data.get(name))
    values["money"] = _optional(Money, data.get("money"))
    values["duration"] = _optional(Duration, data.get("duration"))
    values["attribution"] = _attribution(data.get("attribution"))
    return Event(**values)


def _relation(data: dict[str, Any]) -> Relation:
    values = _known(Relation, data)
    values["evidence"] = _spans(data.get("evidence"))
    values["when"] = _optional(When, data.get("when"))
    values["attribution"] = _attribution(data.get("attribution"))
    return Relation(**values)


def _statement(data: dict[str, Any]) -> Statement:
    values = _known(Statement, data)
    values["source_span"] = _span(data.get("source_span"))
    values["cue_span"] = _span(data.get("cue_span"))
    values["content_span"] = _span(data["content_span"])
    return Statement(**values)


def _with_mentions(cls: type[T], data: dict[str, Any]) -> T:
    values = _known(cls, data)
    values["mentions"] = _spans(data.get("mentions"))
    return cls(**values)


def report_from_dict(data: dict[str, Any]) -> Report:
    """The Report whose `to_dict()` is `data`."""
    return Report(
        document=DocumentInfo(**_known(DocumentInfo, data["document"])),
        actors=[_with_mentions(Actor, a) for a in data.get("actors", [])],
        places=[_with_mentions(Place, p) for p in data.get("places", [])],
        sources=[Source(**_known(Source, s)) for s in data.get("sources", [])],
        statements=[_statement(s) for s in data.get("statements", [])],
        events=[_event(e) for e in data.get("events", [])],
        relations=[_relation(r) for r in data.get("relations", [])],
        warnings=list(data.get("warnings", [])),
    )
