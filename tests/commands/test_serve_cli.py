"""`warledger serve`: a real uvicorn server on 127.0.0.1 answering the API, read-only by default."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from tests.resolve.conftest import Corpus
from tests.resolve.test_flows import seed_story

from warledger.cli import main
from warledger.store import Store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str, method: str = "GET") -> tuple[int, dict]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "story.duckdb"
    with Store.open(path) as store:
        corpus = Corpus(store)
        seed_story(corpus)
        corpus.resolve()
    return path


def test_serve_answers_on_loopback_and_refuses_writes(db: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "WARLEDGER_TOKEN"}
    server = subprocess.Popen(
        [sys.executable, "-m", "warledger.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                status, flows = fetch(f"{base}/api/flows")
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "the server did not start"
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                time.sleep(0.2)
        assert (status, [f["id"] for f in flows]) == (200, ["F4499baff5d", "F8d95d74e62"])
        assert fetch(f"{base}/api/resolve", "POST")[0] == 401
        with socket.socket() as s:  # bound to loopback only
            own = socket.gethostbyname(socket.gethostname())
            if not own.startswith("127."):
                assert s.connect_ex((own, port)) != 0
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=20)
    assert f"warledger: serving {db} at http://127.0.0.1:{port}/ (read-only: no --token)" in out


def test_serve_refuses_a_missing_database(tmp_path: Path, capsys) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "no database at" in capsys.readouterr().err
