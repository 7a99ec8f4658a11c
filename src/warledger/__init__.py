"""warledger: conflict reporting into an evidence-backed record.

>>> import warledger
>>> report = warledger.extract("Turkey sent 2,000 fighters to Libya.", published="2020-05-10")
>>> report.to_dict()["schema"]
'warledger.report/1'
"""

from __future__ import annotations

from datetime import date

from warledger.document import Document
from warledger.report import Report

__all__ = ["Document", "Report", "extract"]
__version__ = "0.1.0"


def extract(
    text: str,
    *,
    published: str | date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Report:
    """The report (SCHEMA.md) for one article's text.

    Raises `warledger.errors.InputError` (reason `empty`, `language` or `too_large`) for a text
    that is empty, not English or too long, as `warledger extract` refuses it, and `too_slow`
    (`warledger.limits.TooSlow`) when its extraction runs past Settings.max_seconds, in whichever
    thread it is called. A publication date that cannot be read is left empty, with a warning in
    the report.
    """
    from warledger.extractors.run import extract_document
    from warledger.ingest.checks import check_article
    from warledger.limits import time_limit, warm_up
    from warledger.settings import Settings

    settings = Settings.load()
    document = Document.make(text, url=url, title=title, outlet=outlet, published=published)
    check_article(document.text, settings.max_chars)
    if settings.max_seconds > 0:
        warm_up()  # loading the knowledge base and rule data is not the document's time
    with time_limit(document.input or "-", settings.max_seconds):
        return extract_document(document)
