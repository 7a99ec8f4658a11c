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
    """The report (SCHEMA.md) for one article's text."""
    from warledger.extractors.run import extract_document

    document = Document.make(text, url=url, title=title, outlet=outlet, published=published)
    return extract_document(document)
