"""The server's guards: constant-time token check, body cap (413), rate limit (429), no path
traversal out of the UI folder, no traceback in a 500, CORS closed unless opted in, headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warledger.resolve import browse
from warledger.server import RateLimit, create_app
from warledger.server.guards import bearer, token_matches


def test_token_matches_only_the_token() -> None:
    assert token_matches("abc", "abc")
    assert not token_matches("abc", "abd")
    assert not token_matches("abc", "")
    assert not token_matches("abc", None)
    assert not token_matches(None, "abc")
    assert not token_matches("", "")
    assert not token_matches("abc", "\udcff")


def test_bearer_reads_either_header() -> None:
    assert bearer([(b"Authorization", b"Bearer  xyz ")]) == "xyz"
    assert bearer([(b"x-warledger-token", b"xyz")]) == "xyz"
    assert bearer([(b"authorization", b"Basic xyz")]) is None
    assert bearer([]) is None


@pytest.fixture
def ui(tmp_path: Path) -> Path:
    root = tmp_path / "static"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text("<html>warledger</html>")
    (root / "assets" / "app.js").write_text("console.log(1)")
    (tmp_path / "secret.txt").write_text("not for you")
    return root


def test_static_files_never_leave_the_ui_folder(story_db: Path, ui: Path) -> None:
    app = create_app(story_db, None, static=ui)
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/").text == "<html>warledger</html>"
        assert c.get("/assets/app.js").text == "console.log(1)"
        assert c.get("/network").text == "<html>warledger</html>"  # a route of the single page
        for path in (
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/assets/%2e%2e/%2e%2e/secret.txt",
            "/assets/..%2f..%2fsecret.txt",
            "/..%5csecret.txt",
            "/%00.txt",
            "/missing.js",
        ):
            got = c.get(path)
            assert got.status_code == 404, path
            assert "not for you" not in got.text
    app.store.close()


def test_a_bug_is_a_500_without_a_traceback(
    story_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("secret internals at /srv/x.py line 3")

    monkeypatch.setattr(browse, "documents", broken)
    app = create_app(story_db, None)
    with TestClient(app, raise_server_exceptions=False) as c:
        got = c.get("/api/documents")
    app.store.close()
    assert got.status_code == 500
    assert got.json() == {"error": "internal error; the server's log has the details"}
    assert "Traceback" not in got.text and "secret" not in got.text


def test_rate_limit_answers_429_with_retry_after(story_db: Path) -> None:
    app = create_app(story_db, None, rate_limit=RateLimit(3, 60))
    with TestClient(app) as c:
        codes = [c.get("/api/failures").status_code for _ in range(5)]
        last = c.get("/api/failures")
        assert c.get("/openapi.json").status_code == 200  # only the API is limited
    app.store.close()
    assert codes == [200, 200, 200, 429, 429]
    assert last.json() == {"error": "too many requests; try again in 60 s"}
    assert last.headers["retry-after"] == "60"


def test_big_bodies_get_413(story_db: Path) -> None:
    app = create_app(story_db, "t", max_body=1000)
    auth = {"Authorization": "Bearer t"}
    with TestClient(app) as c:
        declared = c.post("/api/documents", headers=auth, files={"files": ("a.txt", b"x" * 5000)})

        def chunks():
            for _ in range(10):
                yield b"y" * 500

        streamed = c.post(
            "/api/documents",
            headers={**auth, "Content-Type": "multipart/form-data; boundary=zz"},
            content=chunks(),
        )
    app.store.close()
    message = {
        "error": "request body larger than 1000 bytes; send smaller files (the per-document "
        "limit is WARLEDGER_MAX_BYTES)"
    }
    assert (declared.status_code, declared.json()) == (413, message)
    assert (streamed.status_code, streamed.json()) == (413, message)


def test_cors_is_closed_by_default_and_opt_in(story_db: Path) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    closed = create_app(story_db, None)
    with TestClient(closed) as c:
        got = c.get("/api/failures", headers=origin)
        preflight = c.options(
            "/api/failures", headers={**origin, "Access-Control-Request-Method": "GET"}
        )
    closed.store.close()
    assert "access-control-allow-origin" not in got.headers
    assert "access-control-allow-origin" not in preflight.headers
    opened = create_app(story_db, None, cors=["https://elsewhere.example"])
    with TestClient(opened) as c:
        got = c.get("/api/failures", headers=origin)
    opened.store.close()
    assert got.headers["access-control-allow-origin"] == "https://elsewhere.example"


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    got = client.get("/api/failures")
    assert got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["x-frame-options"] == "DENY"
    assert got.headers["content-security-policy"].startswith("default-src 'self'")
