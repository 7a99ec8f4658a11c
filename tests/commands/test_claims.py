"""`warledger claims`: one line per claim with what, who said it, how sure, and the evidence."""

from __future__ import annotations

import json

from warledger.cli import main
from warledger.commands.claims import claims_of, shorten
from warledger.report import (
    Actor,
    Attribution,
    DocumentInfo,
    Event,
    Place,
    Quantity,
    Report,
    Source,
    Span,
    Statement,
)

TEXT = (
    "Horan Free Media quoted a source close to one of the fighters as saying that 40 men "
    "were sent to Libya. Residents said the market was quiet."
)


def at(words: str) -> Span:
    start = TEXT.index(words)
    return Span.of(TEXT, start, start + len(words))


def hand_made_report() -> Report:
    """A report as the pipeline would give it for TEXT, with one event on the first sentence."""
    sources = [
        Source("s1", "The New Arab", "outlet"),
        Source("s2", "a source close to one of the fighters", "anonymous"),
        Source("s3", "Horan Free Media", "outlet"),
        Source("s4", "Residents", "anonymous"),
    ]
    statements = [
        Statement(
            "st1",
            "s2",
            at("a source close to one of the fighters"),
            at("quoted"),
            at("that 40 men were sent to Libya"),
        ),
        Statement("st2", "s4", at("Residents"), at("said"), at("the market was quiet")),
    ]
    event = Event(
        id="e1",
        type="DEPLOY",
        evidence=[at(TEXT.split(". ")[0] + ".")],
        agent=["a1"],
        destination=["p1"],
        location=["p1"],
        fatalities=Quantity("3", 3),
        attribution=Attribution(
            sources=["s2"],
            chain=["s2", "s3", "s1"],
            cue="quoted",
            certainty="reported",
            statement="st1",
        ),
    )
    return Report(
        document=DocumentInfo(id="x" * 64, chars=len(TEXT), outlet="The New Arab"),
        actors=[Actor("a1", "fighters", "armed_group")],
        places=[Place("p1", "Libya", "country")],
        sources=sources,
        statements=statements,
        events=[event],
    )


def test_event_claim_names_the_whole_chain():
    claims = claims_of(hand_made_report())
    assert claims[0].line() == (
        "e1\tDEPLOY: fighters -> ? @ Libya 3 killed\t"
        "a source close to one of the fighters -> Horan Free Media -> The New Arab\treported\t"
        + TEXT.split(". ")[0]
        + "."
    )


def test_statement_without_event_is_its_own_claim_and_cited_ones_are_not_repeated():
    claims = claims_of(hand_made_report())
    assert [c.id for c in claims] == ["e1", "st2"]
    assert claims[1].chain == ["Residents", "The New Arab"]
    assert claims[1].what == "statement (said): the market was quiet"


def test_long_evidence_is_shortened():
    assert shorten("word " * 100, 20) == "word word word word\u2026"
    assert shorten("a  short\nline") == "a short line"


def test_claims_command_prints_lines_and_jsonl(tmp_path, capsys, nlp):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["claims", str(path), "--outlet", "The New Arab"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(
        "a source close to one of the fighters -> Horan Free Media -> The New Arab\treported"
        in line
        for line in lines
    )
    assert any("Residents -> The New Arab\treported" in line for line in lines)
    assert main(["claims", str(path), "--outlet", "The New Arab", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {tuple(row["who"]) for row in rows} >= {
        ("a source close to one of the fighters", "Horan Free Media", "The New Arab"),
        ("Residents", "The New Arab"),
    }
    assert all(row["certainty"] in ("asserted", "reported", "alleged") for row in rows)


def test_claims_command_reports_a_missing_file(tmp_path, capsys):
    assert main(["claims", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err
