"""The crawl database: the only code that writes SQL for runs, shops and per-shop results.

The crawler calls `Store.save_shop` once per finished shop; that is one transaction, so a crawl
killed at any moment loses at most the shops in flight and a resumed run never duplicates rows.
The file is kept in WAL mode so Datasette can read it while a crawl writes.

Example:
    store = Store("results.db")
    run_id = store.start_run("shops.csv", sha, shops_total=100, settings={"max_pages": 30})
    store.upsert_shops([{"id": "fietsplaza.nl", "name": "Fietsplaza", "url": "https://..."}])
    store.save_shop(run_id, "fietsplaza.nl", result, pages, findings, links)
    store.finish_run(run_id)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import platform
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import sqlite_utils

from reports.schema import JSON_COLUMNS, RUN_STATUSES, migrate
from reports.shared import record_shop

SQLITE_MAGIC = b"SQLite format 3\x00"
# Seconds a writer waits for another process's write lock before giving up.
BUSY_TIMEOUT_S = 30.0


class StoreError(Exception):
    """A crawl database that cannot be opened or written; the message is one sentence."""


def now_iso() -> str:
    """The current time as an ISO-8601 UTC string (seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def finding_id(run_id: int, shop_id: str, channel: str, value: str | None, url: str | None) -> str:
    """The primary key of a finding: sha1 of `run_id|shop_id|channel|value|url`."""
    key = f"{run_id}|{shop_id}|{channel}|{value or ''}|{url or ''}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def _package_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _check_file(path: Path) -> None:
    """Refuse a path that is not a SQLite database (or a new file) before sqlite3 touches it."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a SQLite database")
    if not path.exists():
        if not path.parent.is_dir():
            raise StoreError(f"cannot create {path}: the directory {path.parent} does not exist")
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if head and head != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a SQLite database")


def _error_sentence(path: Path, exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return f"{path} is locked by another process; try again when it has finished"
    if "not a database" in text or "malformed" in text:
        return f"{path} is not a SQLite database or is damaged"
    if "readonly" in text or "read-only" in text:
        return f"{path} is read-only; bereikbaar needs to write to it"
    if "unable to open" in text:
        return f"cannot open {path}: check that it exists and that you may read and write it"
    if isinstance(exc, sqlite3.IntegrityError):
        return f"refused to write to {path}: {exc}"
    return f"database error in {path}: {exc}"


class Store:
    """Opens (creating if needed) a crawl database and runs the schema migrations."""

    def __init__(self, path: str | Path, *, timeout: float = BUSY_TIMEOUT_S) -> None:
        self.path = Path(path)
        self.rejudged: list[str] = []  # shops the last save_shop re-judged (shared values)
        self._tables: set[str] | None = None
        _check_file(self.path)
        try:
            conn = sqlite3.connect(str(self.path), timeout=timeout)
        except sqlite3.Error as exc:
            raise StoreError(_error_sentence(self.path, exc)) from exc
        self.db = sqlite_utils.Database(conn)
        try:
            with self._errors():
                self.db.execute("PRAGMA schema_version").fetchone()  # fails early on a damaged file
                self.db.enable_wal()
                self.db.execute("PRAGMA synchronous = NORMAL")
                migrate(self.db)
        except BaseException:
            conn.close()
            raise

    # -- housekeeping -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(_error_sentence(self.path, exc)) from exc

    def close(self) -> None:
        """Fold the write-ahead log into the main file and close the connection."""
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _columns(self, table: str) -> set[str]:
        cache = self.__dict__.setdefault("_column_cache", {})
        if table not in cache:
            cache[table] = {c.name for c in self.db[table].columns}
        return cache[table]

    def _rows(self, table: str, rows: list[dict], run_id: int, shop_id: str) -> list[dict]:
        """Copy rows, set run_id/shop_id, and refuse keys the table does not have."""
        columns = self._columns(table)
        out = []
        for row in rows:
            unknown = sorted(set(row) - columns)
            if unknown:
                raise StoreError(f"{table} has no column {', '.join(map(repr, unknown))}")
            for key, expected in (("run_id", run_id), ("shop_id", shop_id)):
                if row.get(key) not in (None, expected):
                    raise StoreError(
                        f"a {table} row for {row[key]!r} was passed to save_shop for {expected!r}"
                    )
            out.append({**row, "run_id": run_id, "shop_id": shop_id})
        return out

    # -- runs ---------------------------------------------------------------------------------

    def start_run(self, shop_list: str, shop_list_sha256: str, shops_total: int, settings: dict) -> int:
        """Record a new run with its settings and tool versions; return its id."""
        from bereikbaar import __version__

        row = {
            "started_at": now_iso(),
            "status": "running",
            "shop_list": str(shop_list),
            "shop_list_sha256": shop_list_sha256,
            "shops_total": shops_total,
            "settings": json.dumps(settings, sort_keys=True, default=str),
            "tool_version": __version__,
            "python_version": platform.python_version(),
            "scrapy_version": _package_version("scrapy"),
            "phonenumbers_version": _package_version("phonenumbers"),
        }
        with self._errors(), self.db.atomic():
            return int(self.db["runs"].insert(row).last_pk)

    def unfinished_run(self) -> dict | None:
        """The newest run whose status is `running` or `interrupted`, or None."""
        with self._errors():
            rows = list(
                self.db.query(
                    "SELECT * FROM runs WHERE status IN ('running', 'interrupted') ORDER BY id DESC LIMIT 1"
                )
            )
        return _decode("runs", rows[0]) if rows else None

    def completed_shop_ids(self, run_id: int) -> set[str]:
        """Ids of the shops that already have a result in this run (skip them on resume)."""
        with self._errors():
            return {r[0] for r in self.db.execute("SELECT shop_id FROM results WHERE run_id = ?", [run_id])}

    def finish_run(self, run_id: int, status: str = "finished", stats: dict | None = None) -> None:
        """Mark a run finished (or interrupted) and store its crawl statistics."""
        if status not in RUN_STATUSES:
            raise StoreError(f"run status must be one of {', '.join(RUN_STATUSES)}, not {status!r}")
        updates: dict[str, Any] = {
            "status": status,
            "finished_at": now_iso() if status == "finished" else None,
        }
        if stats is not None:
            updates["stats"] = json.dumps(stats, sort_keys=True, default=str)
        with self._errors(), self.db.atomic():
            if self.db.execute("SELECT 1 FROM runs WHERE id = ?", [run_id]).fetchone() is None:
                raise StoreError(f"there is no run {run_id} in {self.path}")
            self.db["runs"].update(run_id, updates)
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def runs(self) -> list[dict]:
        """All runs, oldest first, with settings and stats decoded."""
        with self._errors():
            return [_decode("runs", r) for r in self.db.query("SELECT * FROM runs ORDER BY id")]

    # -- shops --------------------------------------------------------------------------------

    def upsert_shops(self, shops: list[dict]) -> None:
        """Insert or update shops by id; columns a row leaves out keep their stored value."""
        unknown = sorted({k for s in shops for k in s} - self._columns("shops"))
        if unknown:
            raise StoreError(f"shops has no column {', '.join(map(repr, unknown))}")
        if any(not s.get("id") for s in shops):
            raise StoreError("every shop needs an id (its host without www.)")
        with self._errors(), self.db.atomic():
            self.db["shops"].upsert_all(shops, pk="id")

    def save_shop(
        self,
        run_id: int,
        shop_id: str,
        result: dict,
        pages: list[dict],
        findings: list[dict],
        links: list[dict],
    ) -> None:
        """Write one shop's result, pages, findings and links in one transaction.

        The shop's old rows for this run are deleted first, so saving again replaces them.
        A finding without an `id` gets `finding_id(...)`. When rows repeat a primary key (a page
        url, a finding id, a link) the first one wins, so pass the best evidence first.
        """
        result_row = self._rows("results", [result], run_id, shop_id)[0]
        result_row.setdefault("finished_at", now_iso())
        page_rows = self._rows("pages", pages, run_id, shop_id)
        finding_rows = self._rows("findings", findings, run_id, shop_id)
        for row in finding_rows:
            row["id"] = row.get("id") or finding_id(
                run_id, shop_id, row.get("channel", ""), row.get("value"), row.get("url")
            )
        link_rows = self._rows("links", links, run_id, shop_id)
        with self._errors(), self.db.atomic():
            if self.db.execute("SELECT 1 FROM runs WHERE id = ?", [run_id]).fetchone() is None:
                raise StoreError(f"there is no run {run_id} in {self.path}")
            self.db.execute("INSERT OR IGNORE INTO shops (id) VALUES (?)", [shop_id])
            for table in ("pages", "findings", "links", "results"):
                self.db.execute(f"DELETE FROM {table} WHERE run_id = ? AND shop_id = ?", [run_id, shop_id])
            for table, rows, key in (
                ("pages", page_rows, ("url",)),
                ("findings", finding_rows, ("id",)),
                ("links", link_rows, ("from_url", "to_url")),
            ):
                if rows:
                    self.db[table].insert_all(_first_per_key(rows, key))
            self.db["results"].insert(result_row)
            # values on several unrelated shops belong to none: re-judge them in this transaction
            if "value_sightings" in self._columns_cache_tables():
                self.rejudged = record_shop(self.db, run_id, shop_id, finding_rows)

    def _columns_cache_tables(self) -> set[str]:
        if self._tables is None:
            self._tables = set(self.db.table_names())
        return self._tables

    def shared_values(self, run_id: int) -> list[dict]:
        """Values seen on several unrelated shops of a run, with the shops."""
        with self._errors():
            rows = self.db.query(
                "SELECT * FROM shared_values WHERE run_id = ? AND shared = 1 ORDER BY unrelated_shops DESC, value",
                [run_id],
            )
            return [_decode("shared_values", r) for r in rows]

    def results(self, run_id: int) -> list[dict]:
        """A run's results, by shop id, with JSON columns decoded."""
        with self._errors():
            rows = self.db.query("SELECT * FROM results WHERE run_id = ? ORDER BY shop_id", [run_id])
            return [_decode("results", r) for r in rows]


def _first_per_key(rows: list[dict], key: tuple[str, ...]) -> list[dict]:
    """Drop rows whose primary key repeats an earlier row's (plain INSERT then never conflicts)."""
    seen: set[tuple] = set()
    out = []
    for row in rows:
        k = tuple(row.get(c) for c in key)
        if k not in seen:
            seen.add(k)
            out.append(row)
    return out


def _decode(table: str, row: dict) -> dict:
    """Turn the JSON text columns of a row into Python values."""
    out = dict(row)
    for column in JSON_COLUMNS.get(table, ()):
        if isinstance(out.get(column), str):
            with contextlib.suppress(ValueError):
                out[column] = json.loads(out[column])
    return out
