"""Named-entity F1 on CoNLL-2003 (PER/ORG/LOC, exact span and type, micro-averaged).

Compares bare spaCy NER with the pipeline after warledger's own entity corrections (the
knowledge-base ruler and its rules). Nothing is trained on CoNLL: it only measures. The CoNLL
files are tokenised, one token a line; the text is rebuilt from the tokens (one sentence a line)
and the gold spans become character offsets into it. MISC is not scored (NORP is not an actor type).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from warledger.settings import eval_data_dir

SCORED = ("PER", "ORG", "LOC")
LABEL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
OUR_COMPONENTS = ("warledger_kb_entities",)

Entity = tuple[int, int, str]
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class ConllDocument:
    text: str
    gold: set[Entity]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)

    def add(self, gold: set[Entity], predicted: set[Entity]) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)
        for label in SCORED:
            counts = self.by_type.setdefault(label, [0, 0, 0])
            g = {e for e in gold if e[2] == label}
            p = {e for e in predicted if e[2] == label}
            counts[0] += len(g & p)
            counts[1] += len(p - g)
            counts[2] += len(g - p)

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def summary(self) -> dict[str, tuple[float, float, float]]:
        out = {"ALL": self.prf(self.tp, self.fp, self.fn)}
        for label, (tp, fp, fn) in self.by_type.items():
            out[label] = self.prf(tp, fp, fn)
        return out


def read_conll(path: Path, chunk: int = 100) -> Iterator[ConllDocument]:
    """Documents with text rebuilt from tokens and gold character spans.

    Articles are split at -DOCSTART- lines or, in files without them (eng.testa), before the
    headline that precedes a Reuters dateline ("LONDON 1996-08-30"); `chunk` caps a document's
    length in sentences."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if current:
                if _is_dateline(current) and len(sentences) > 1:
                    yield build_document(sentences[:-1])
                    sentences = sentences[-1:]
                sentences.append(current)
                current = []
                if len(sentences) >= chunk:
                    yield build_document(sentences)
                    sentences = []
            continue
        if parts[0] == "-DOCSTART-":
            if current:
                sentences.append(current)
                current = []
            if sentences:
                yield build_document(sentences)
                sentences = []
            continue
        current.append((parts[0], parts[-1]))
    if current:
        sentences.append(current)
    if sentences:
        yield build_document(sentences)


def _is_dateline(sentence: list[tuple[str, str]]) -> bool:
    return len(sentence) <= 6 and _DATE.fullmatch(sentence[-1][0]) is not None


def build_document(sentences: list[list[tuple[str, str]]]) -> ConllDocument:
    pieces: list[str] = []
    gold: set[Entity] = set()
    offset = 0
    for sentence in sentences:
        open_start: int | None = None
        open_type: str | None = None
        last_end = offset
        for i, (token, tag) in enumerate(sentence):
            start = offset + (1 if i else 0)
            if i:
                pieces.append(" ")
            pieces.append(token)
            end = start + len(token)
            kind = tag[2:] if tag != "O" else None
            begins = kind is not None and (tag.startswith("B-") or kind != open_type)
            if open_type is not None and (kind is None or begins):
                if open_type in SCORED and open_start is not None:
                    gold.add((open_start, last_end, open_type))
                open_type = None
            if begins:
                open_start, open_type = start, kind
            last_end = offset = end
        if open_type in SCORED and open_start is not None and open_type is not None:
            gold.add((open_start, last_end, open_type))
        pieces.append("\n")
        offset += 1
    return ConllDocument("".join(pieces), gold)


def predicted_entities(doc: Doc) -> set[Entity]:
    return {
        (ent.start_char, ent.end_char, LABEL_MAP[ent.label_])
        for ent in doc.ents
        if ent.label_ in LABEL_MAP
    }


def score(nlp: Language, documents: list[ConllDocument], disable: Iterable[str] = ()) -> Score:
    result = Score()
    present = [name for name in disable if name in nlp.pipe_names]
    with nlp.select_pipes(disable=present):
        for document, doc in zip(documents, nlp.pipe(d.text for d in documents), strict=True):
            result.add(document.gold, predicted_entities(doc))
    return result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        help="a CoNLL-2003 file (default: gold/conll2003/eng.testa under the evaluation data)",
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")


def format_score(name: str, result: Score) -> str:
    lines = [f"{name}:"]
    for label, (p, r, f) in result.summary().items():
        lines.append(f"  {label:<4} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from warledger.nlp import load_nlp

    path = args.path or eval_data_dir() / "gold" / "conll2003" / "eng.testa"
    if not path.exists():
        print(f"warledger: CoNLL file not found: {path}", file=sys.stderr)
        return 1
    documents = list(read_conll(path))[: args.limit]
    nlp = load_nlp()
    print(
        f"{path}: {len(documents)} documents, {sum(len(d.gold) for d in documents)} PER/ORG/LOC entities"
    )
    print(format_score("bare spaCy NER", score(nlp, documents, disable=OUR_COMPONENTS)))
    print(format_score("spaCy + warledger entity corrections", score(nlp, documents)))
    return 0
