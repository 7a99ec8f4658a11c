"""Attribution F1 on PolNeAR (brat .ann: Source, Cue and Content spans of each attribution).

Each statement the system finds gives a source span, a cue span and a content span; each gold
attribution (an `E` line) gives the same three. Per component, distinct spans are matched one to
one: `exact` needs equal boundaries (for a discontinuous gold span, its first start and last end);
`overlap` needs any character in common (greedy, largest overlap first). Gold offsets are mapped
onto the normalised text the system reads. Only the attribution stage runs (with the parse), so a
split of a few hundred articles scores in minutes. One annotator's file is scored per article.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from warledger.document import Document
from warledger.evaluate.figures import Figure
from warledger.extractors.attribution.find import find_attribution
from warledger.extractors.context import Context
from warledger.nlp import load_nlp
from warledger.settings import eval_data_dir

COMPONENTS = ("source", "cue", "content")
Piece = tuple[int, int]
Span = tuple[Piece, ...]


@dataclass
class GoldArticle:
    name: str
    document: Document
    gold: dict[str, set[Span]]


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0

    def scores(self, matched: int) -> dict[str, float]:
        p = matched / self.predicted if self.predicted else 0.0
        r = matched / self.gold if self.gold else 0.0
        return {
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
        }


@dataclass
class PolnearScore:
    articles: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in COMPONENTS})

    def add(self, gold: dict[str, set[Span]], predicted: dict[str, set[Span]]) -> None:
        self.articles += 1
        for component in COMPONENTS:
            counts = self.counts[component]
            g, p = gold[component], predicted[component]
            counts.gold += len(g)
            counts.predicted += len(p)
            counts.exact += len({_hull(s) for s in g} & {_hull(s) for s in p})
            counts.overlap += overlap_matches(g, p)

    def as_dict(self) -> dict[str, object]:
        table: dict[str, object] = {"articles": self.articles}
        for component, counts in self.counts.items():
            table[component] = {
                "gold": counts.gold,
                "predicted": counts.predicted,
                "exact": counts.scores(counts.exact),
                "overlap": counts.scores(counts.overlap),
            }
        return table


def _hull(span: Span) -> Piece:
    return span[0][0], span[-1][1]


def overlap_matches(gold: set[Span], predicted: set[Span]) -> int:
    """One-to-one matches between spans sharing at least one character, largest overlap first."""
    pairs: list[tuple[int, int, int]] = []
    gold_list, predicted_list = list(gold), list(predicted)
    for gi, g in enumerate(gold_list):
        for pi, p in enumerate(predicted_list):
            shared = sum(max(0, min(ge, pe) - max(gs, ps)) for gs, ge in g for ps, pe in p)
            if shared:
                pairs.append((shared, gi, pi))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
    return len(used_gold)


def offset_map(original: str, normalised: str) -> list[int]:
    """For each offset of `original` (and its end), the offset in `normalised` it moved to.

    Characters the normalisation dropped map to the next kept one; a letter and the combining
    marks NFC composed into one character all map to that character (without this the walk
    stalls at the first composed character and every later gold span collapses onto it)."""
    mapping = [0] * (len(original) + 1)
    i = j = 0
    while i < len(original):
        char = original[i]
        mapping[i] = j
        if j < len(normalised) and (
            char == normalised[j] or (char.isspace() and normalised[j].isspace())
        ):
            j += 1
        elif j < len(normalised) and unicodedata.combining(char) == 0:
            size = _composed_size(original, i, normalised[j])
            for k in range(i + 1, i + size):
                mapping[k] = j
            if size:
                i, j = i + size, j + 1
                continue
        i += 1
    mapping[len(original)] = j
    return mapping


def _composed_size(original: str, i: int, composed: str) -> int:
    """How many characters of `original` from i NFC composes into `composed` (0 if none)."""
    size = 2
    while i + size <= len(original) and unicodedata.combining(original[i + size - 1]):
        if unicodedata.normalize("NFC", original[i : i + size]) == composed:
            return size
        size += 1
    return 0


def read_ann(path: Path, mapping: list[int]) -> dict[str, set[Span]]:
    """Gold spans per component from one brat file, in normalised-text offsets."""
    spans: dict[str, Span] = {}
    gold: dict[str, set[Span]] = {c: set() for c in COMPONENTS}
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("T"):
            tid, body, _ = (line.split("\t") + ["", ""])[:3]
            _, _, offsets = body.partition(" ")
            pieces = []
            for piece in offsets.split(";"):
                bounds = piece.split()
                if len(bounds) != 2 or not all(b.isdigit() for b in bounds):
                    continue  # a few gold lines carry no offsets; they cannot be scored
                start, end = (min(int(b), len(mapping) - 1) for b in bounds)
                pieces.append((mapping[start], mapping[end]))
            if pieces:
                spans[tid] = tuple(pieces)
    for line in lines:
        if not line.startswith("E"):
            continue
        for argument in line.split("\t")[1].split():
            role, _, tid = argument.partition(":")
            component = role.lower()
            if component in gold and tid in spans:
                gold[component].add(spans[tid])
    return gold


def read_split(folder: Path, limit: int | None = None) -> Iterator[GoldArticle]:
    """The articles of one split folder (text/ and attributions/), one annotation file each."""
    texts = sorted((folder / "text").glob("*.txt"))
    annotations = sorted((folder / "attributions").glob("*.ann"))
    for count, text_path in enumerate(texts):
        if limit is not None and count >= limit:
            return
        ann = next((a for a in annotations if a.name.startswith(text_path.stem + "_")), None)
        if ann is None:
            continue
        original = text_path.read_text(encoding="utf-8")
        document = Document.make(original, input=str(text_path))
        gold = read_ann(ann, offset_map(original, document.text))
        yield GoldArticle(text_path.stem, document, gold)


def predicted_spans(document: Document, doc: object) -> dict[str, set[Span]]:
    ctx = Context(document=document, doc=doc)  # type: ignore[arg-type]
    _, statements = find_attribution(ctx)
    found: dict[str, set[Span]] = {c: set() for c in COMPONENTS}
    for statement in statements:
        if statement.source_span is not None:
            found["source"].add(((statement.source_span.start, statement.source_span.end),))
        if statement.cue_span is not None:
            found["cue"].add(((statement.cue_span.start, statement.cue_span.end),))
        found["content"].add(((statement.content_span.start, statement.content_span.end),))
    return found


def score_folders(folders: list[Path], limit: int | None = None) -> PolnearScore:
    nlp = load_nlp()
    score = PolnearScore()
    for folder in folders:
        articles = list(read_split(folder, limit))
        docs = nlp.pipe((a.document.text for a in articles), batch_size=16)
        for article, doc in zip(articles, docs, strict=True):
            score.add(article.gold, predicted_spans(article.document, doc))
    return score


def headline(eval_data: Path) -> list[Figure]:
    """Exact and overlap F1 of each component on the dev split: `polnear.source_overlap_f1`, ..."""
    folder = eval_data / "gold" / "polnear" / "dev"
    score = score_folders([folder])
    figures: list[Figure] = []
    for component, counts in score.counts.items():
        for kind, matched in (("exact", counts.exact), ("overlap", counts.overlap)):
            value = counts.scores(matched)["f1"]
            figures.append(Figure(f"polnear.{component}_{kind}_f1", value, counts.gold))
    return figures


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="PolNeAR folder (with train/ and dev/) or one split folder",
    )
    parser.add_argument("--split", choices=["dev", "train", "all"], default="dev")
    parser.add_argument("--limit", type=int, help="score only the first N articles of each split")
    parser.add_argument("--format", choices=["text", "json"], default="text")


def run(args: argparse.Namespace) -> int:
    root: Path = args.path or eval_data_dir() / "gold" / "polnear"
    if (root / "text").is_dir():
        folders = [root]
    else:
        splits = ["dev", "train"] if args.split == "all" else [args.split]
        folders = [root / split for split in splits]
    missing = [f for f in folders if not (f / "text").is_dir()]
    if missing:
        print(
            f"warledger: no PolNeAR split at {missing[0]} (set WARLEDGER_EVAL_DATA)",
            file=sys.stderr,
        )
        return 2
    result = score_folders(folders, args.limit).as_dict()
    if args.format == "json":
        print(json.dumps(result, indent=2))
        return 0
    print(f"PolNeAR {', '.join(f.name for f in folders)}: {result['articles']} articles")
    for component in COMPONENTS:
        row = result[component]
        assert isinstance(row, dict)
        cells = "  ".join(
            f"{kind} P {row[kind]['p']:.3f} R {row[kind]['r']:.3f} F1 {row[kind]['f1']:.3f}"
            for kind in ("exact", "overlap")
        )
        print(f"  {component:<8} gold {row['gold']:>5} predicted {row['predicted']:>5}  {cells}")
    return 0
