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
    that is empty, not English or too long, as `warledger extract` refuses it. A publication date
    that cannot be read is left empty, with a warning in the report.
    """
    from warledger.extractors.run import extract_document
    from warledger.ingest.checks import check_article
    from warledger.settings import Settings

    document = Document.make(text, url=url, title=title, outlet=outlet, published=published)
    check_article(document.text, Settings.load().max_chars)
    return extract_document(document)
