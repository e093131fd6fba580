"""A throw-away PostgreSQL server for the tests: Debian's PostgreSQL, its own data folder, loopback only.

`make test` installs Debian's postgresql when it is missing; the server runs as the `postgres` account
(PostgreSQL refuses root), trusts loopback connections, and is stopped and removed afterwards.
"""

from __future__ import annotations

import contextlib
import glob
import shutil
import subprocess
import tempfile
from pathlib import Path

from nbtools import free_port


def _binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    assert found, f"PostgreSQL's {name} is missing: install Debian's postgresql (`make test` does it)"
    return found[-1]


@contextlib.contextmanager
def throwaway_postgres(databases: tuple[str, ...] = ("gradebook",)):
    """Start a PostgreSQL server; yield ``{"port", "url": {database: SQLAlchemy URL}, "stop": callable}``."""
    folder = Path(tempfile.mkdtemp(prefix="cmw-pg-", dir="/tmp"))
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir()
    shutil.chown(folder, "postgres", "postgres")
    shutil.chown(sockets, "postgres", "postgres")
    port = free_port()
    as_postgres = ["runuser", "-u", "postgres", "--"]
    subprocess.run(as_postgres + [_binary("initdb"), "-D", str(data), "--auth=trust", "-U", "postgres", "-E", "UTF8"],
                   check=True, capture_output=True, timeout=120)
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = as_postgres + [_binary("pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "server.log"), "-w",
                           "-t", "60", "start"]
    subprocess.run(start, check=True, capture_output=True, timeout=120)
    stopped = False

    def stop():
        nonlocal stopped
        if not stopped:
            subprocess.run(as_postgres + [_binary("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                           capture_output=True, timeout=60)
            stopped = True

    try:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres", autocommit=True) as db:
            for name in databases:
                db.execute(f'CREATE DATABASE "{name}"')
        yield {"port": port, "stop": stop,
               "url": {name: f"postgresql+psycopg://postgres@127.0.0.1:{port}/{name}" for name in databases}}
    finally:
        stop()
        shutil.rmtree(folder, ignore_errors=True)
