"""A real, throwaway PostgreSQL server for the tests and benchmarks: Debian's `postgresql` package
(`initdb` + `pg_ctl`, under /usr/lib/postgresql/*/bin) started in a temporary folder on a free
port, trusting local connections, stopped (and its folder removed) afterwards.

PostgreSQL refuses to run as root: as root the server runs as the `postgres` user (which the
Debian package creates) or, failing that, `nobody`, through `runuser`.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (the newest installed version), or None."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def missing_reason() -> str | None:
    """Why no server can be started here (None when one can)."""
    if binaries() is None:
        return (
            "PostgreSQL binaries (initdb, pg_ctl) not found: install Debian's `postgresql` "
            "package (.ci/run does) to run the PostgreSQL store tests"
        )
    if os.geteuid() == 0 and _server_user() is None:
        return (
            "running as root and neither a `postgres` nor a `nobody` user exists to run PostgreSQL"
        )
    return None


def _server_user() -> str | None:
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """`with PostgresServer() as server: server.url` -> postgresql://... of a fresh database."""

    def __init__(self, durable: bool = False) -> None:
        """`durable`: PostgreSQL's own defaults (fsync on commit); else the fast settings of a
        server whose data may be lost (fsync off), as tests want."""
        self.durable = durable
        self.root = Path(tempfile.mkdtemp(prefix="warledger-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.bin = binaries()
        self.user = _server_user() if os.geteuid() == 0 else None
        self.url = f"postgresql://warledger@127.0.0.1:{self.port}/warledger"
        self.schemas = 0

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        done = subprocess.run(
            [*prefix, *command], capture_output=True, text=True, timeout=120, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stdout}\n{done.stderr}")

    def start(self) -> PostgresServer:
        if self.bin is None:
            raise RuntimeError(missing_reason() or "no PostgreSQL")
        if self.user:
            self.root.chmod(0o755)
            shutil.chown(self.root, user=self.user)
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "warledger",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=40"
        )
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-o",
            options,
            "-w",
            "start",
        )
        self._run(
            str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "warledger",
            "warledger",
        )  # fmt: skip
        return self

    def create_database(self, name: str) -> str:
        """A new empty database on this server; its URL."""
        self._run(
            str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "warledger",
            name,
        )  # fmt: skip
        return f"postgresql://warledger@127.0.0.1:{self.port}/{name}"

    def fresh_schema(self, hint: str) -> str:
        """A URL whose connections see only a new, empty schema (named after `hint`)."""
        import re

        import psycopg

        self.schemas += 1
        name = f"t{self.schemas}_" + re.sub(r"[^a-z0-9]+", "_", hint.lower())[:40]
        with psycopg.connect(self.url, autocommit=True) as con:
            con.execute(f'CREATE SCHEMA "{name}"')
        return f"{self.url}?options=-csearch_path%3D{name}"

    def stop(self) -> None:
        if self.bin is not None and (self.data / "postmaster.pid").exists():
            with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def running() -> Iterator[PostgresServer]:
    with PostgresServer() as server:
        yield server


if __name__ == "__main__":
    with running() as server:
        print(server.url)
        time.sleep(2)
