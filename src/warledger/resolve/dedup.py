"""Exact and near-duplicate documents (syndicated copies) linked to their original.

Each document's word shingles get a MinHash signature, computed once and cached in the store
(`doc_signatures`); locality-sensitive hashing (datasketch's MinHashLSH) finds the earlier
documents a new one might copy, so no run compares all pairs. The original of a group of copies is
its earliest document (publication date; on one day the copy whose dateline names its own
outlet; then id); copies of a copy point at the first original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from warledger.ingest.dateline import dateline_agency
from warledger.resolve.records import Doc
from warledger.resolve.rules import Rules

_WORD = re.compile(r"\w+")
SEED = 1
SCHEME = "affine32"
"""The MinHash scheme of stored signatures; a stored signature is only comparable under it."""


@dataclass(frozen=True)
class Signature:
    document_id: str
    shingles: int
    values: tuple[int, ...]
    own_dateline: bool = False
    """The text's dateline names its own outlet: the agency's copy, the original of same-day copies."""


@dataclass(frozen=True)
class DocLink:
    document_id: str
    original_id: str
    kind: str  # exact, near
    similarity: float


def shingles(text: str, size: int) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(document_id: str, text: str, rules: Rules, outlet: str | None = None) -> Signature:
    found = shingles(text, rules.shingle_words)
    minhash = MinHash(num_perm=rules.num_perm, seed=SEED, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in sorted(found)])
    agency = dateline_agency(text)
    own = bool(agency and outlet and agency.lower() == outlet.lower())
    return Signature(document_id, len(found), tuple(int(v) for v in minhash.hashvalues), own)


def _minhash(sig: Signature, rules: Rules) -> MinHash:
    """A stored signature as a frozen MinHash (no permutations drawn: comparing needs none)."""
    if len(sig.values) != rules.num_perm:
        raise ValueError(f"a signature of {len(sig.values)} values, not {rules.num_perm}")
    return LeanMinHash(seed=SEED, hashvalues=np.array(sig.values, dtype=np.uint64), scheme=SCHEME)


def _order(doc: Doc | None, sig: Signature) -> tuple[date, bool, str]:
    """Oldest first; on one day the agency's own copy first."""
    return (
        doc.published if doc and doc.published else date.max,
        not sig.own_dateline,
        sig.document_id,
    )


def link_copies(
    signatures: Iterable[Signature], docs: dict[str, Doc], rules: Rules
) -> list[DocLink]:
    """For every document that copies an earlier one, the link to the original."""
    ordered = sorted(signatures, key=lambda s: _order(docs.get(s.document_id), s))
    lsh = MinHashLSH(threshold=rules.threshold, num_perm=rules.num_perm)
    hashes: dict[str, MinHash] = {}
    signatures_of = {sig.document_id: sig for sig in ordered}
    original: dict[str, str] = {}
    links: list[DocLink] = []
    for sig in ordered:
        if sig.shingles == 0:
            continue
        minhash = _minhash(sig, rules)
        best, similarity = None, 0.0
        for candidate in sorted(lsh.query(minhash)):
            estimate = float(minhash.jaccard(hashes[candidate]))
            if estimate > similarity:
                best, similarity = candidate, estimate
        short = (
            min(sig.shingles, signatures_of[best].shingles) < rules.min_shingles if best else True
        )
        needed = rules.exact if short else rules.threshold
        if best is not None and similarity >= needed:
            root = original.get(best, best)
            original[sig.document_id] = root
            kind = "exact" if similarity >= rules.exact else "near"
            links.append(DocLink(sig.document_id, root, kind, round(similarity, 3)))
        hashes[sig.document_id] = minhash
        lsh.insert(sig.document_id, minhash)
    return links


def original_of(links: Iterable[DocLink]) -> dict[str, str]:
    return {link.document_id: link.original_id for link in links}
