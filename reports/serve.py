"""Serve a crawl database read-only in Datasette, with the checked-in metadata and dashboards.

`make_datasette(path)` builds the app (tests and the demo drive it through `ds.client`);
`serve(path, host, port)` runs it under uvicorn. The database is opened with `mode=ro` rather
than `immutable=1`: a crawl may still be writing to it (WAL mode), and an immutable connection
would ignore the write-ahead log and could read a half-updated file.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from datasette.app import Datasette
from datasette.database import Database

METADATA_PATH = Path(__file__).with_name("metadata.yaml")
# Every URL (canned queries, dashboards) uses this name, whatever the file is called.
DATABASE_NAME = "bereikbaar"
SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables a crawl database must have; anything else is some other SQLite file.
REQUIRED_TABLES = ("runs", "shops", "results", "findings", "pages")

# Safe to publish: bounded queries and pages. Downloading the .db file is off: Datasette only
# offers it for immutable files, and a crawl database with every page's text can be gigabytes;
# tables and query results can still be exported as CSV/JSON.
SETTINGS: dict[str, Any] = {
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 500,
    "max_returned_rows": 2000,
    "default_page_size": 50,
    "allow_download": False,
    "suggest_facets": False,
    "truncate_cells_html": 300,
    "num_sql_threads": 3,
}


class ServeError(Exception):
    """The database cannot be served; the message is one sentence."""


class ReadOnlyDatabase(Database):
    """A Datasette database that never opens a writable connection."""

    def connect(self, write: bool = False):  # noqa: D401 - Datasette's signature
        return super().connect(write=False)


@lru_cache(maxsize=1)
def _metadata_from_file() -> dict:
    with METADATA_PATH.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    data.pop("x-columns", None)  # only there for YAML anchors; already merged into the tables
    return data


def load_metadata() -> dict:
    """The Datasette metadata (a fresh copy; Datasette and plugins may change what they get)."""
    return copy.deepcopy(_metadata_from_file())


def check_database(db_path: str | Path) -> Path:
    """Return the path if it is a bereikbaar crawl database, else raise ServeError."""
    path = Path(db_path)
    if not path.exists():
        raise ServeError(f"{path} does not exist; run `bereikbaar crawl LIST --db {path}` first")
    if path.is_dir():
        raise ServeError(f"{path} is a directory, not a SQLite database")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ServeError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if head != SQLITE_MAGIC:
        raise ServeError(f"{path} is not a SQLite database")
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise ServeError(f"{path} is not a readable SQLite database ({exc})") from exc
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise ServeError(f"{path} is not a bereikbaar crawl database (it has no {missing[0]} table)")
    return path


def make_datasette(db_path: str | Path, **settings: Any) -> Datasette:
    """A Datasette app serving the crawl database read-only as `bereikbaar`, with our metadata."""
    path = check_database(db_path)
    ds = Datasette(files=[], metadata=load_metadata(), settings={**SETTINGS, **settings})
    ds.remove_database("_memory")
    ds.add_database(ReadOnlyDatabase(ds, path=str(path.resolve()), is_mutable=True), name=DATABASE_NAME)
    return ds


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette on host:port until interrupted."""
    import uvicorn

    ds = make_datasette(db_path)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
