"""Coverage-guided fuzzing (atheris) of `warledger.extract` and each reader (issue 17).

    make fuzz                                  # every target, FUZZ_SECONDS (60) each
    python tests/fuzz/atheris_harness.py TARGET [--seconds 60] [--replay]
    python tests/fuzz/atheris_harness.py TARGET --runs 300 --seed 17 --corpus DIR   # bounded (CI)

TARGET is `extract` or a reader (warc, feed, html, jsonl, json, text). The contract is
fuzz_targets.py's: a schema-valid report, documents, or typed errors; anything else is a crash.
A crash's input is written to tests/fuzz/regressions/TARGET/ and replayed by test_regressions.py
in `make test` from then on. Seeds come from samples/ and from the regressions already kept.
`--replay` only runs the kept regressions (no atheris needed).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
REGRESSIONS = HERE / "regressions"
sys.path.insert(0, str(HERE))

TARGETS = ("extract", "warc", "feed", "html", "jsonl", "json", "text")
SEEDS = {
    "extract": [p for p in sorted((ROOT / "samples").rglob("*.txt")) if "bad" not in p.parts],
    "warc": [ROOT / "samples" / "archive" / "crawl.warc.gz"],
    "feed": sorted((ROOT / "samples" / "feeds").glob("*")),
    "html": sorted((ROOT / "samples").glob("*.html")),
    "jsonl": sorted((ROOT / "samples" / "jsonl").glob("*.jsonl")),
    "json": sorted((ROOT / "samples" / "jsonl").glob("*.jsonl")),
    "text": sorted((ROOT / "samples" / "wire").glob("*.txt")),
}
MAX_INPUT = 20_000
"""Bytes per fuzz input: long enough for an article, short enough to keep each run quick."""


def one_input(target: str, data: bytes) -> None:
    """Run one input through `target`; raises on a broken contract."""
    from fuzz_targets import extract_target, reader_target

    if target == "extract":
        cut = data.find(b"\n@")  # an optional trailer: "\n@YYYY-MM-DD" is the publication date
        text, published = (data[:cut], data[cut + 2 : cut + 30]) if cut >= 0 else (data, None)
        extract_target(
            text.decode("utf-8", "surrogateescape"),  # odd bytes become lone surrogates
            published.decode("utf-8", "replace") if published is not None else None,
        )
    else:
        reader_target(target, data)


def keep(target: str, data: bytes) -> Path:
    folder = REGRESSIONS / target
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{hashlib.sha1(data).hexdigest()[:12]}"
    path.write_bytes(data)
    return path


def regressions(target: str) -> list[Path]:
    folder = REGRESSIONS / target
    return sorted(folder.iterdir()) if folder.is_dir() else []


def fuzz(
    target: str,
    seconds: float,
    runs: int | None = None,
    seed: int | None = None,
    corpus: Path | None = None,
) -> int:
    """Fuzz `target` for `seconds`, or for `runs` inputs (then `seconds` is not used): libFuzzer
    with a fixed `seed` and a fresh `corpus` folder repeats the same inputs, as a test needs."""
    import atheris  # the `fuzz` extra: pip install -e ".[fuzz]"

    def test_one(data: bytes) -> None:
        try:
            one_input(target, data[:MAX_INPUT])
        except Exception:
            path = keep(target, data[:MAX_INPUT])
            print(f"{target}: CRASH kept as {path.relative_to(ROOT)}", file=sys.stderr)
            traceback.print_exc()
            raise

    corpus = corpus or HERE / "corpus" / target
    corpus.mkdir(parents=True, exist_ok=True)
    for start in SEEDS[target] + regressions(target):
        (corpus / f"seed-{start.name}").write_bytes(start.read_bytes()[:MAX_INPUT])
    with atheris.instrument_imports(include=["warledger"]):  # all of spaCy would take minutes
        import fuzz_targets  # noqa: F401

        # The first input loads the model and KB untimed, and imports what the target imports
        # only when first called (the extractors, the pipeline, the knowledge base, a reader's
        # parser): inside this block, so that they are instrumented too (outside it, the
        # extract target saw 21 of warledger's ~106 modules: 120 edges).
        one_input(target, SEEDS[target][0].read_bytes()[:MAX_INPUT])
    instrumented = sorted(m for m in sys.modules if m.split(".")[0] == "warledger")
    print(f"{target}: {len(instrumented)} warledger modules instrumented", file=sys.stderr)
    atheris.Setup(
        [
            sys.argv[0],
            str(corpus),
            f"-atheris_runs={runs}"
            if runs is not None
            else f"-max_total_time={max(int(seconds), 1)}",
            *([f"-seed={seed}"] if seed is not None else []),
            f"-max_len={MAX_INPUT}",
            f"-artifact_prefix={corpus}/",
            "-rss_limit_mb=4096",
            "-timeout=150",  # over Settings.max_seconds: a hang is a crash too
            "-print_final_stats=1",
        ],
        test_one,
    )
    atheris.Fuzz()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=TARGETS)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--runs", type=int, help="stop after this many inputs (not --seconds)")
    parser.add_argument("--seed", type=int, help="libFuzzer's random seed (default: random)")
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: tests/fuzz/corpus/T)")
    parser.add_argument("--replay", action="store_true", help="only replay the kept crashes")
    args = parser.parse_args()
    if args.replay:
        for path in regressions(args.target):
            one_input(args.target, path.read_bytes())
        return 0
    return fuzz(args.target, args.seconds, args.runs, args.seed, args.corpus)


if __name__ == "__main__":
    sys.exit(main())
