"""`warledger kb validate` and `warledger kb show`."""

from __future__ import annotations

import json

from warledger.cli import main


def test_kb_validate_passes_on_the_bundled_kb(capsys):
    assert main(["kb", "validate"]) == 0
    assert ": OK: " in capsys.readouterr().err


def test_kb_validate_fails_on_a_bad_kb(tmp_path, capsys):
    (tmp_path / "actors").mkdir()
    (tmp_path / "countries.yaml").write_text("- {iso3: SYR, name: Syria}\n", encoding="utf-8")
    (tmp_path / "actors" / "x.yaml").write_text(
        "- {id: syr.x, name: X, kind: rebels}\n", encoding="utf-8"
    )
    assert main(["kb", "validate", "--dir", str(tmp_path)]) == 1
    assert "actors/x.yaml: syr.x: kind 'rebels'" in capsys.readouterr().err


def test_kb_show_prints_the_actor(capsys):
    assert main(["kb", "show", "HTS"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "syr.hts"
    assert record["acled_name"] == "HTS: Hayat Tahrir al Sham"


def test_kb_show_unknown_name_exits_1(capsys):
    assert main(["kb", "show", "Nonexistent Brigade of Nowhere"]) == 1
    assert "not in the knowledge base" in capsys.readouterr().err
