"""`warledger serve`: the HTTP API (described at /openapi.json) and the web UI over a database.

Read-only unless a token is given (`--token` or WARLEDGER_TOKEN): writes (uploads, resolve, undo)
then need `Authorization: Bearer TOKEN`. Binds to 127.0.0.1 unless told otherwise; browsers on
other origins are refused unless `--cors ORIGIN` allows them."""

from __future__ import annotations

import argparse
import os

from warledger.commands.db import add_db, open_existing


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve",
        help="the HTTP API and web UI (map, network, timeline, evidence)",
        description=__doc__,
    )
    add_db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token", help="allow writes with this token (or set WARLEDGER_TOKEN)")
    p.add_argument(
        "--cors",
        action="append",
        metavar="ORIGIN",
        help="let a browser page on ORIGIN call the API",
    )
    p.add_argument(
        "--rate-limit",
        type=int,
        default=600,
        metavar="N",
        help="API requests per client per minute",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from warledger.server import RateLimit, create_app

    token = args.token or os.environ.get("WARLEDGER_TOKEN") or None
    store = open_existing(args.db)
    app = create_app(store, token, cors=args.cors, rate_limit=RateLimit(args.rate_limit, 60.0))
    shown = f"[{args.host}]" if ":" in args.host else args.host
    writes = "writes allowed with the token" if token else "read-only: no --token"
    print(f"warledger: serving {store.path} at http://{shown}:{args.port}/ ({writes})", flush=True)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="info", server_header=False)
    finally:
        store.close()
    return 0
