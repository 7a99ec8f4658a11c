"""warledger's own pipeline components, added after the model loads.

Each extractor that needs a component (the knowledge-base entity ruler, for one) adds it here, so
that `load_nlp` stays the one place a pipeline is built.
"""

from __future__ import annotations

from spacy.language import Language

from warledger.nlp.entity_ruler import COMPONENT as KB_ENTITIES


def add_components(nlp: Language) -> None:
    """Add warledger's components to a freshly loaded pipeline."""
    if "ner" in nlp.pipe_names and KB_ENTITIES not in nlp.pipe_names:
        nlp.add_pipe(KB_ENTITIES, after="ner")
