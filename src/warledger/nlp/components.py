"""warledger's own pipeline components, added after the model loads.

Each extractor that needs a component (the knowledge-base entity ruler, for one) adds it here, so
that `load_nlp` stays the one place a pipeline is built.
"""

from __future__ import annotations

from spacy.language import Language


def add_components(nlp: Language) -> None:
    """Add warledger's components to a freshly loaded pipeline."""
    return None
