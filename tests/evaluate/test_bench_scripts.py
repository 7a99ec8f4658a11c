"""The bench scripts' own logic: reading the news sample, ratios, tables, scorer status."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from warledger.evaluate.figures import Figure

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


throughput = load("throughput")
accuracy = load("accuracy")
scaling = load("scaling")


def test_news_rows_takes_limit_articles_from_each_file(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "guardian_sdf_sample_2017-2019.csv").write_text(
        ',date,text,source\n0,2019-04-10,"First article text.",g\n1,2019-04-11,"Second.",g\n'
        '2,2019-04-12,"Third.",g\n',
        encoding="utf-8",
    )
    (news / "bbc_news_train_1490.csv").write_text(
        'ArticleId,Text,Category\n7,"Markets rose today.",business\n8,"A film opened.",entertainment\n',
        encoding="utf-8",
    )
    rows = throughput.news_rows(tmp_path, 2)
    assert rows == [
        ("First article text.", "2019-04-10"),
        ("Second.", "2019-04-11"),
        ("Markets rose today.", None),
        ("A film opened.", None),
    ]


def test_long_rows_are_the_longest_guardian_articles_longest_first(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "guardian_sdf_sample_2017-2019.csv").write_text(
        ',date,text,source\n0,2019-04-10,"One two.",g\n1,2019-04-11,"One two three four.",g\n'
        '2,2019-04-12,"One two three.",g\n',
        encoding="utf-8",
    )
    assert throughput.long_rows(tmp_path, 2) == [
        ("One two three four.", "2019-04-11"),
        ("One two three.", "2019-04-12"),
    ]


def test_ratio_is_our_words_per_second_over_bare_for_each_corpus() -> None:
    results = [
        {"config": "bare", "processes": 1, "words_per_s": 5000.0, "words_per_cpu_s": 5000.0},
        {"config": "warledger", "processes": 1, "words_per_s": 4000.0, "words_per_cpu_s": 2500.0},
        {"config": "bare", "processes": 2, "words_per_s": 8000.0, "words_per_cpu_s": 4000.0},
        {
            "corpus": "long",
            "config": "bare",
            "processes": 1,
            "words_per_s": 4000.0,
            "words_per_cpu_s": 4000.0,
        },
        {
            "corpus": "long",
            "config": "warledger",
            "processes": 1,
            "words_per_s": 3600.0,
            "words_per_cpu_s": 3000.0,
        },
    ]
    assert throughput.ratios(results) == {
        "mixed_ours_over_bare_1p": 0.8,
        "long_ours_over_bare_1p": 0.9,
        "mixed_ours_over_bare_1p_cpu": 0.5,
        "long_ours_over_bare_1p_cpu": 0.75,
    }


def test_scaling_cuts_the_same_text_into_documents_of_the_given_length() -> None:
    texts = ["a b c d e", "f g\nh i j k"]
    assert scaling.documents_of(texts, 4, 8) == ["a b c d", "e\n\nf g\nh"]
    assert scaling.documents_of(texts, 8, 8) == ["a b c d e\n\nf g\nh"]
    assert scaling.documents_of(texts, 20, 40) == []


def test_throughput_table_has_a_row_per_configuration_and_the_ratios() -> None:
    result = {
        "config": "bare",
        "processes": 1,
        "documents": 10,
        "words": 5000,
        "seconds": 2.0,
        "docs_per_s": 5.0,
        "words_per_s": 2500.0,
        "cpu_seconds": 1.0,
        "words_per_cpu_s": 5000.0,
        "peak_rss_main_mb": 400.0,
        "peak_rss_worker_mb": 0.0,
    }
    lines = throughput.table([result], {"ours_over_bare_1p": 0.5}).splitlines()
    assert lines[0].split()[:4] == ["corpus", "config", "procs", "docs"]
    assert lines[2].split() == [
        "mixed",
        "bare",
        "1",
        "10",
        "5000",
        "2.0",
        "5.0",
        "2500",
        "1.0",
        "5000",
        "400",
        "0",
    ]
    assert lines[3] == "ours_over_bare_1p: 0.50"


def test_accuracy_table_marks_figures_below_their_floor() -> None:
    rows = [("acled", Figure("acled.a", 0.5, 10)), ("acled", Figure("acled.b", 0.9, 10))]
    lines = accuracy.table(rows, {"acled.a": 0.6, "acled.b": 0.8}).splitlines()
    assert lines[2].split() == ["acled", "acled.a", "0.500", "10", "0.600", "BELOW"]
    assert lines[3].split() == ["acled", "acled.b", "0.900", "10", "0.800"]


def test_scorer_without_module_is_reported_not_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from warledger.commands import evaluate

    monkeypatch.setitem(evaluate.SCORERS, "plover", "warledger.evaluate.no_such_scorer_module")
    assert accuracy.run_scorer("plover", tmp_path) == ([], "not available yet")
