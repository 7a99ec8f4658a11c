"""The one extraction code path: Document -> parse -> stages -> Report.

`ingest`, `extract`, the server and the batch engine all call `extract_document` or
`extract_documents`; nothing else builds a report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from warledger.document import Document
from warledger.extractors.actors import find_actors
from warledger.extractors.actors.backfill import fill_actor_countries
from warledger.extractors.attribution import find_attribution
from warledger.extractors.component import DOCUMENT_KEY, REPORT_KEY, ensure_report_component
from warledger.extractors.context import Context
from warledger.extractors.events import find_events
from warledger.extractors.places import find_places
from warledger.extractors.quantities import find_quantities
from warledger.extractors.relations import find_relations
from warledger.extractors.report_codec import report_from_dict
from warledger.extractors.when import find_times
from warledger.nlp import load_nlp
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
        warnings=ctx.warnings,
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


def extract_document(document: Document, nlp: Language | None = None) -> Report:
    nlp = nlp or load_nlp()
    return analyse(document, nlp(document.text))


def extract_documents(
    documents: Iterable[Document],
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Report]:
    """Reports for many documents, in input order, parsing them in batches (`nlp.pipe`).

    With `n_process > 1` the whole extraction (parse and every stage) runs in `n_process` worker
    processes through the `warledger_report` component; each report comes back as its dict.
    """
    nlp = nlp or load_nlp()
    if n_process > 1:
        yield from _extract_in_workers(documents, nlp, batch_size, n_process)
        return
    pending = list(documents) if not isinstance(documents, list) else documents
    for document, doc in zip(
        pending, nlp.pipe((d.text for d in pending), batch_size=batch_size), strict=True
    ):
        yield analyse(document, doc)


def _extract_in_workers(
    documents: Iterable[Document], nlp: Language, batch_size: int, n_process: int
) -> Iterator[Report]:
    ensure_report_component(nlp)
    tasks = ((d.text, {DOCUMENT_KEY: d}) for d in documents)
    for doc, _context in nlp.pipe(
        tasks, as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        yield report_from_dict(doc.user_data[REPORT_KEY])
