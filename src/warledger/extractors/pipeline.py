"""The one place that orders the stages: Document + parse -> stages -> Report.

`analyse` runs every stage over one parsed document; `warledger.extractors.run` parses documents
and calls it, in this process or in spaCy worker processes. `ingest`, `extract`, the server and the
batch engine all go through `run`; nothing else builds a report.
"""

from __future__ import annotations

from spacy.tokens import Doc

from warledger.document import Document
from warledger.extractors.actors import find_actors
from warledger.extractors.actors.backfill import fill_actor_countries
from warledger.extractors.attribution import find_attribution
from warledger.extractors.context import Context
from warledger.extractors.events import find_events
from warledger.extractors.places import find_places
from warledger.extractors.quantities import find_quantities
from warledger.extractors.relations import find_relations
from warledger.extractors.time import find_times
from warledger.report import DocumentInfo, Report


def analyse(document: Document, doc: Doc) -> Report:
    """Run every stage over one parsed document, in dependency order."""
    ctx = Context(document=document, doc=doc)
    ctx.actors = find_actors(ctx)
    ctx.places = find_places(ctx)
    fill_actor_countries(ctx)
    ctx.times = find_times(ctx)
    ctx.quantities = find_quantities(ctx)
    ctx.sources, ctx.statements = find_attribution(ctx)
    ctx.events = find_events(ctx)
    ctx.relations = find_relations(ctx)
    return Report(
        document=document_info(document),
        actors=ctx.actors,
        places=ctx.places,
        sources=ctx.sources,
        statements=ctx.statements,
        events=ctx.events,
        relations=ctx.relations,
        warnings=[*document.notes, *ctx.warnings],
    )


def document_info(document: Document) -> DocumentInfo:
    return DocumentInfo(
        id=document.id,
        chars=len(document.text),
        url=document.url,
        title=document.title,
        outlet=document.outlet,
        published=document.published.isoformat() if document.published else None,
        language=document.language,
        input=document.input,
    )
