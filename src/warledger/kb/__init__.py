"""The actor knowledge base (data files + loader) and the gazetteer."""

from warledger.kb.load import load_kb
from warledger.kb.model import KbActor, KbCountry, KnowledgeBase, Tie

__all__ = ["KbActor", "KbCountry", "KnowledgeBase", "Tie", "load_kb"]
