"""Running the stages over documents: one (`extract_document`), many in batches
(`extract_documents`), or many in spaCy worker processes (`n_process > 1`, through the
`warledger_report` component). The stage order itself is `pipeline.analyse`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from warledger.document import Document
from warledger.extractors import pipeline
from warledger.extractors.component import DOCUMENT_KEY, REPORT_KEY, ensure_report_component
from warledger.extractors.report_codec import report_from_dict
from warledger.nlp import load_nlp
from warledger.report import Report


def extract_document(document: Document, nlp: Language | None = None) -> Report:
    nlp = nlp or load_nlp()
    return pipeline.analyse(document, nlp(document.text))


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
        yield pipeline.analyse(document, doc)


def _extract_in_workers(
    documents: Iterable[Document], nlp: Language, batch_size: int, n_process: int
) -> Iterator[Report]:
    ensure_report_component(nlp)
    tasks = ((d.text, {DOCUMENT_KEY: d}) for d in documents)
    for doc, _context in nlp.pipe(
        tasks, as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        yield report_from_dict(doc.user_data[REPORT_KEY])
