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


def test_kb_show_country_with_date(capsys):
    assert main(["kb", "show", "KEN", "--on", "2015-06-01"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["iso3"] == "KEN"
    assert record["acled"]["police"] == "Police Forces of Kenya (2013-2022)"


def test_kb_show_ambiguous_alias_lists_every_candidate(capsys):
    assert main(["kb", "show", "SNA"]) == 0
    out = capsys.readouterr().out
    assert '"id": "syr.sna"' in out
    assert '"id": "som.sna"' in out


def test_kb_show_ties_on_a_date(capsys):
    assert main(["kb", "show", "tur.government", "--on", "2022-06-01"]) == 0
    record = json.loads(capsys.readouterr().out)
    targets = {t["target"] for t in record["ties"]}
    assert "lby.gnu" in targets
    assert "lby.gna" not in targets
