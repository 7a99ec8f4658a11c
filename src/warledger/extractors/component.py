"""`warledger_report`: the whole extraction as a spaCy component, so that `nlp.pipe(n_process=N)`
runs parsing *and* every stage in the worker processes.

The component acts only on documents that carry a warledger `Document` as their pipe context
(`nlp.pipe(((text, {DOCUMENT_KEY: document}), ...), as_tuples=True)`); for any other doc it is a
no-op, so adding it to the shared pipeline changes nothing for `nlp(text)`. The report travels back
to the parent process as its JSON dict in `doc.user_data[REPORT_KEY]`.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from warledger.document import Document
from warledger.extractors import pipeline

COMPONENT = "warledger_report"
DOCUMENT_KEY = "warledger_document"
REPORT_KEY = "warledger_report"


class ReportComponent:
    def __call__(self, doc: Doc) -> Doc:
        document = document_of(doc)
        if document is not None:
            doc.user_data[REPORT_KEY] = pipeline.analyse(document, doc).to_dict()
        return doc


@Language.factory(COMPONENT)
def make_report_component(nlp: Language, name: str) -> ReportComponent:
    return ReportComponent()


def document_of(doc: Doc) -> Document | None:
    """The Document passed as this doc's pipe context, if any."""
    context: Any = getattr(doc, "_context", None)
    if isinstance(context, dict):
        document = context.get(DOCUMENT_KEY)
        if isinstance(document, Document):
            return document
    return None


def ensure_report_component(nlp: Language) -> Language:
    """Add `warledger_report` as the last component (once); harmless for plain `nlp(text)` calls."""
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, last=True)
    return nlp
