"""Screenshots of each view of the web UI, in real headless Chromium (Debian's /usr/bin/chromium,
driven by Playwright; never `playwright install`). The UI tests use the same helpers.

    python tools/screenshots.py [--db warledger.duckdb] [--out docs/screenshots]

Without --db, the bundled samples are ingested and resolved into a temporary database first.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[1]
VIEWPORT = {"width": 1400, "height": 850}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(db: Path | str) -> Iterator[str]:
    """`warledger serve`'s app over `db` on a free loopback port, in a thread; yields the URL."""
    import uvicorn

    from warledger.server import RateLimit, create_app

    app = create_app(db, None, rate_limit=RateLimit(100_000, 60))
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        app.store.close()


@contextlib.contextmanager
def browser_page() -> Iterator[Any]:
    """A Playwright page in headless Debian Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            yield page
        finally:
            browser.close()


def open_ui(page: Any, url: str) -> None:
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready]", timeout=60_000)
    if page.get_attribute("body", "data-ready") != "yes":
        raise RuntimeError(f"the UI did not load: {page.text_content('#evidence-body')}")


def view(page: Any, name: str) -> None:
    page.click(f"#tabs button[data-view={name}]")
    page.wait_for_timeout(300)


def take(page: Any, url: str, out: Path) -> list[Path]:
    """One PNG per view, each with something in the evidence panel."""
    out.mkdir(parents=True, exist_ok=True)
    shots = []
    open_ui(page, url)
    page.locator("#graph").click(position={"x": 5, "y": 5})
    page.evaluate(
        "() => { const cy = window.warledger.cy; const hub = cy.nodes().max((n) => n.degree());"
        " if (hub.ele) hub.ele.emit('tap'); }"
    )
    page.wait_for_selector("#evidence-count")
    shots.append(out / "network.png")
    page.screenshot(path=str(shots[-1]))
    view(page, "map")
    page.locator("path.wl-arc").first.dispatch_event("click")
    page.wait_for_selector(".evidence-title[data-kind=flow]")
    shots.append(out / "map.png")
    page.screenshot(path=str(shots[-1]))
    view(page, "timeline")
    page.locator("circle.tl-event").first.dispatch_event("click")
    page.wait_for_selector(".evidence-title[data-kind=event]")
    shots.append(out / "timeline.png")
    page.screenshot(path=str(shots[-1]))
    view(page, "documents")
    page.locator("#doc-list a").first.click()
    page.wait_for_selector(".doc-text")
    shots.append(out / "document.png")
    page.screenshot(path=str(shots[-1]))
    return shots


def sample_database(folder: Path) -> Path:
    """The bundled samples ingested and resolved, as `make run` does."""
    from warledger.ingest.into_store import ingest_into
    from warledger.ingest.read import read_inputs
    from warledger.nlp import load_nlp
    from warledger.resolve import resolve
    from warledger.store import Store

    path = folder / "samples.duckdb"
    with Store.open(path) as store:
        ingest_into(store, read_inputs([ROOT / "samples"]), load_nlp())
        resolve(store)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a resolved database (default: the samples, freshly read)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else sample_database(Path(tmp))
        with serving(db) as url, browser_page() as page:
            for path in take(page, url, Path(args.out)):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
