"""The bundled WARC is what samples/build_warc.py builds, byte for byte."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SAMPLES = Path(__file__).parents[2] / "samples"


def test_committed_warc_matches_its_build_script(tmp_path):
    spec = importlib.util.spec_from_file_location("build_warc", SAMPLES / "build_warc.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(tmp_path / "crawl.warc.gz")
    assert built.read_bytes() == (SAMPLES / "archive" / "crawl.warc.gz").read_bytes()
