"""Building the spaCy pipeline once, with warledger's own components registered by name."""

from warledger.nlp.pipeline import load_nlp

__all__ = ["load_nlp"]
