"""The SQLite schema of a crawl database: the one place where tables, indexes, FTS and views live.

The schema is built by an ordered list of named migrations. `migrate(db)` applies the ones a
database has not seen yet, inside one write transaction, and records each in the `migrations`
table (name, applied_at), so opening a database twice, or from two processes at once, is safe.
A new version of the schema is a new migration appended to `MIGRATIONS`; never edit one that
has shipped.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime

import sqlite_utils

# Findability tiers, best first, with the words a reader sees. Stored in the `tiers` table.
TIERS: tuple[tuple[str, str], ...] = (
    ("homepage", "visible on the landing page (header, body or footer)"),
    ("contact_page", "visible on a contact or customer-service page"),
    ("other_page", "visible on another ordinary page (FAQ, about, shipping, ...)"),
    ("legal_only", "only inside legal documents: terms, privacy statement, imprint (HTML or PDF)"),
    ("chat_only", "not published anywhere crawled, but a live chat or messaging widget is offered"),
    ("not_found", "none of the above"),
)
TIER_NAMES: tuple[str, ...] = tuple(name for name, _ in TIERS)
SHOP_STATUSES: tuple[str, ...] = ("ok", "unreachable", "blocked", "robots_disallowed", "error")
RUN_STATUSES: tuple[str, ...] = ("running", "finished", "interrupted")
# Finding channels. `register` (a Belgian enterprise number, a German Handelsregister entry) came
# with migration 0005; the tables of migration 0001 keep the list they shipped with.
CHANNELS_0001: tuple[str, ...] = ("phone", "email", "chat", "form", "kvk", "vat", "address", "po_box")
CHANNELS: tuple[str, ...] = (*CHANNELS_0001, "register")
# Columns that hold JSON text, per table (decoded by the Store's read helpers).
JSON_COLUMNS: dict[str, tuple[str, ...]] = {
    "runs": ("settings", "stats"),
    "pages": ("path",),
    "findings": ("flags",),
    "results": ("chat_vendors", "reasons", "reason_codes"),
    "shared_values": ("shop_ids",),
    "value_sightings": ("identity",),
}
# Internal tables a reader never needs (hidden in Datasette).
INTERNAL_TABLES: tuple[str, ...] = (
    "migrations",
    "pages_fts",
    "pages_fts_data",
    "pages_fts_idx",
    "pages_fts_docsize",
    "pages_fts_config",
)


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _findings_table(name: str, channels: tuple[str, ...]) -> str:
    """CREATE TABLE for findings; only the allowed channels differ between schema versions."""
    return f"""CREATE TABLE {name} (
    id TEXT PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    shop_id TEXT NOT NULL REFERENCES shops(id),
    channel TEXT NOT NULL CHECK (channel IN {_in(channels)}),
    value TEXT,
    raw TEXT,
    url TEXT,
    clicks INTEGER,
    page_kind TEXT,
    region TEXT,
    source TEXT,
    visible INTEGER CHECK (visible IN (0, 1)),
    third_party INTEGER CHECK (third_party IN (0, 1)),
    phone_type TEXT,
    flags TEXT,
    vendor TEXT,
    context TEXT,
    tier TEXT REFERENCES tiers(tier) CHECK (tier IN {_in(TIER_NAMES)})
)"""


TABLES_SQL = f"""
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running' CHECK (status IN {_in(RUN_STATUSES)}),
    shop_list TEXT,
    shop_list_sha256 TEXT,
    shops_total INTEGER,
    settings TEXT,
    tool_version TEXT,
    python_version TEXT,
    scrapy_version TEXT,
    phonenumbers_version TEXT,
    stats TEXT
);
CREATE TABLE shops (
    id TEXT PRIMARY KEY,
    name TEXT,
    url TEXT,
    rank INTEGER,
    category TEXT,
    country TEXT
);
CREATE TABLE tiers (
    tier TEXT PRIMARY KEY,
    rank INTEGER NOT NULL UNIQUE,
    meaning TEXT NOT NULL
);
CREATE TABLE pages (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    shop_id TEXT NOT NULL REFERENCES shops(id),
    url TEXT NOT NULL,
    final_url TEXT,
    http_status INTEGER,
    clicks INTEGER,
    page_kind TEXT,
    link_text TEXT,
    path TEXT,
    content_type TEXT,
    content_hash TEXT,
    size INTEGER,
    fetched_at TEXT,
    error TEXT,
    title TEXT,
    text TEXT,
    PRIMARY KEY (run_id, shop_id, url)
);
{_findings_table("findings", CHANNELS_0001)};
CREATE TABLE links (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    shop_id TEXT NOT NULL REFERENCES shops(id),
    from_url TEXT NOT NULL,
    to_url TEXT NOT NULL,
    text TEXT,
    PRIMARY KEY (run_id, shop_id, from_url, to_url)
);
CREATE TABLE results (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    shop_id TEXT NOT NULL REFERENCES shops(id),
    status TEXT NOT NULL CHECK (status IN {_in(SHOP_STATUSES)}),
    status_reason TEXT,
    homepage TEXT,
    phone_tier TEXT REFERENCES tiers(tier) CHECK (phone_tier IN {_in(TIER_NAMES)}),
    phone_clicks INTEGER,
    phone_value TEXT,
    phone_type TEXT,
    email_tier TEXT REFERENCES tiers(tier) CHECK (email_tier IN {_in(TIER_NAMES)}),
    email_clicks INTEGER,
    email_value TEXT,
    chat_present INTEGER,
    chat_vendors TEXT,
    contact_form INTEGER,
    compliant INTEGER CHECK (compliant IN (0, 1)),
    reasons TEXT,
    reason_codes TEXT,
    pages_crawled INTEGER,
    requests INTEGER,
    duration_s REAL,
    finished_at TEXT,
    PRIMARY KEY (run_id, shop_id),
    -- never turn "we could not look" into "they have none": only assessed shops get tiers
    CHECK (status = 'ok' OR (phone_tier IS NULL AND email_tier IS NULL AND compliant IS NULL))
);
"""

INDEXES_SQL = """
CREATE INDEX idx_runs_status ON runs(status);
CREATE INDEX idx_shops_category ON shops(category);
CREATE INDEX idx_pages_shop ON pages(shop_id, run_id);
CREATE INDEX idx_pages_kind ON pages(page_kind);
CREATE INDEX idx_findings_run_shop ON findings(run_id, shop_id, channel);
CREATE INDEX idx_findings_shop_channel ON findings(shop_id, channel);
CREATE INDEX idx_findings_channel_value ON findings(channel, value);
CREATE INDEX idx_findings_value ON findings(value);
CREATE INDEX idx_findings_phone_type ON findings(phone_type);
CREATE INDEX idx_results_shop ON results(shop_id, run_id);
CREATE INDEX idx_results_status ON results(status);
CREATE INDEX idx_results_phone_tier ON results(phone_tier);
CREATE INDEX idx_results_email_tier ON results(email_tier);
CREATE INDEX idx_results_compliant ON results(compliant);
"""


def _tier_counts(channel: str) -> str:
    return ",\n    ".join(
        f"COALESCE(SUM(r.{channel}_tier = '{tier}'), 0) AS {channel}_{tier}" for tier in TIER_NAMES
    )


VIEWS: dict[str, str] = {
    # each shop's row from the newest run that has a result for it, with the shop's details
    "latest_results": """
SELECT r.shop_id, s.name, s.category, s.rank, s.country, r.run_id, r.status, r.status_reason,
    r.homepage, r.phone_tier, r.phone_clicks, r.phone_value, r.phone_type, r.email_tier,
    r.email_clicks, r.email_value, r.chat_present, r.chat_vendors, r.contact_form, r.compliant,
    r.reasons, r.reason_codes, r.pages_crawled, r.requests, r.duration_s, r.finished_at
FROM results r
JOIN (SELECT shop_id, MAX(run_id) AS run_id FROM results GROUP BY shop_id) newest
    ON newest.shop_id = r.shop_id AND newest.run_id = r.run_id
LEFT JOIN shops s ON s.id = r.shop_id""",
    # every finding with the shop's name and category, evidence columns first
    "shop_findings": """
SELECT f.run_id, f.shop_id, s.name AS shop_name, s.category, f.channel, f.value, f.raw, f.tier,
    f.clicks, f.page_kind, f.url, p.path AS link_path, f.region, f.source, f.visible,
    f.third_party, f.owner, f.owner_reason, f.phone_type, f.flags, f.vendor, f.context, f.id
FROM findings f
LEFT JOIN shops s ON s.id = f.shop_id
LEFT JOIN pages p ON p.run_id = f.run_id AND p.shop_id = f.shop_id AND p.url = f.url""",
    # one row per run: how many shops, how many assessed and compliant, tiers per channel
    "run_summary": f"""
SELECT ru.id AS run_id, ru.started_at, ru.finished_at, ru.status AS run_status, ru.shops_total,
    COUNT(r.shop_id) AS shops,
    COALESCE(SUM(r.status = 'ok'), 0) AS assessed,
    COALESCE(SUM(r.status != 'ok'), 0) AS not_assessed,
    COALESCE(SUM(r.compliant = 1), 0) AS compliant,
    ROUND(100.0 * SUM(r.compliant = 1) / NULLIF(SUM(r.status = 'ok'), 0), 1) AS compliant_pct,
    {_tier_counts("phone")},
    {_tier_counts("email")}
FROM runs ru
LEFT JOIN results r ON r.run_id = ru.id
GROUP BY ru.id""",
    # long format for charts: shops per run, channel and tier (assessed shops only)
    "tier_distribution": """
SELECT r.run_id, 'phone' AS channel, r.phone_tier AS tier, t.rank AS tier_rank, COUNT(*) AS shops
FROM results r JOIN tiers t ON t.tier = r.phone_tier
WHERE r.status = 'ok'
GROUP BY r.run_id, r.phone_tier
UNION ALL
SELECT r.run_id, 'email' AS channel, r.email_tier AS tier, t.rank AS tier_rank, COUNT(*) AS shops
FROM results r JOIN tiers t ON t.tier = r.email_tier
WHERE r.status = 'ok'
GROUP BY r.run_id, r.email_tier""",
    # every pair of runs (older, newer) that both have a result for a shop, and what changed
    "result_comparisons": """
SELECT o.run_id AS old_run, n.run_id AS new_run, n.shop_id, s.name, s.category,
    o.status AS old_status, n.status AS new_status,
    o.phone_tier AS old_phone_tier, n.phone_tier AS new_phone_tier,
    o.phone_clicks AS old_phone_clicks, n.phone_clicks AS new_phone_clicks,
    o.email_tier AS old_email_tier, n.email_tier AS new_email_tier,
    o.email_clicks AS old_email_clicks, n.email_clicks AS new_email_clicks,
    o.compliant AS old_compliant, n.compliant AS new_compliant,
    CASE
        WHEN o.status != 'ok' OR n.status != 'ok' THEN
            CASE WHEN o.status = n.status THEN 'not_assessed' ELSE 'status_changed' END
        WHEN n.compliant > o.compliant THEN 'improved'
        WHEN n.compliant < o.compliant THEN 'worse'
        WHEN npt.rank = opt.rank AND net.rank = oet.rank THEN 'unchanged'
        WHEN npt.rank <= opt.rank AND net.rank <= oet.rank THEN 'improved'
        WHEN npt.rank >= opt.rank AND net.rank >= oet.rank THEN 'worse'
        ELSE 'mixed'
    END AS change
FROM results o
JOIN results n ON n.shop_id = o.shop_id AND n.run_id > o.run_id
LEFT JOIN shops s ON s.id = n.shop_id
LEFT JOIN tiers opt ON opt.tier = o.phone_tier
LEFT JOIN tiers npt ON npt.tier = n.phone_tier
LEFT JOIN tiers oet ON oet.tier = o.email_tier
LEFT JOIN tiers net ON net.tier = n.email_tier""",
    # each shop's result compared with its previous result only
    "result_changes": """
SELECT c.* FROM result_comparisons c
WHERE c.old_run = (SELECT MAX(p.run_id) FROM results p WHERE p.shop_id = c.shop_id AND p.run_id < c.new_run)""",
}


def _create_tables(db: sqlite_utils.Database) -> None:
    for statement in _statements(TABLES_SQL):
        db.execute(statement)
    db["tiers"].insert_all([{"tier": t, "rank": i, "meaning": m} for i, (t, m) in enumerate(TIERS, 1)])


def _create_indexes(db: sqlite_utils.Database) -> None:
    for statement in _statements(INDEXES_SQL):
        db.execute(statement)


def _create_fts(db: sqlite_utils.Database) -> None:
    db["pages"].enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True)


def _create_views(db: sqlite_utils.Database) -> None:
    for name, sql in VIEWS.items():
        db.execute(f"DROP VIEW IF EXISTS [{name}]")
        db.execute(f"CREATE VIEW [{name}] AS {sql.strip()}")


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip() and not s.strip().startswith("--")]


def _register_channel(db: sqlite_utils.Database) -> None:
    """Allow channel `register`, and move register numbers stored under `kvk` (flag `register:CC`).

    SQLite cannot change a CHECK constraint in place, so findings is rebuilt: new table, copy,
    drop, rename, then its indexes and the views that read it are created again.
    """
    findings_indexes = [s for s in _statements(INDEXES_SQL) if " ON findings(" in s]
    for name in VIEWS:
        db.execute(f"DROP VIEW IF EXISTS [{name}]")
    db.execute(_findings_table("findings_0005", CHANNELS))
    columns = ", ".join(f"[{row[1]}]" for row in db.execute("PRAGMA table_info(findings)").fetchall())
    db.execute(f"INSERT INTO findings_0005 ({columns}) SELECT {columns} FROM findings")
    db.execute("DROP TABLE findings")
    db.execute("ALTER TABLE findings_0005 RENAME TO findings")
    for statement in findings_indexes:
        db.execute(statement)
    _create_views(db)
    rows = db.execute(
        "SELECT id, run_id, shop_id, value, url, flags FROM findings "
        "WHERE channel = 'kvk' AND flags LIKE '%\"register%'"
    ).fetchall()
    for old_id, run_id, shop_id, value, url, flags_json in rows:
        try:
            flags = json.loads(flags_json)
        except ValueError:
            continue
        if not isinstance(flags, list):
            continue
        register = [f for f in flags if f == "register" or str(f).startswith("register:")]
        if not register:
            continue
        kept = [f for f in flags if f not in register]
        kept += [f"country:{f.partition(':')[2]}" for f in register if ":" in f]
        # the key of reports.store.finding_id: sha1 of run_id|shop_id|channel|value|url
        key = f"{run_id}|{shop_id}|register|{value or ''}|{url or ''}"
        db.execute(
            "UPDATE findings SET id = ?, channel = 'register', flags = ? WHERE id = ?",
            (hashlib.sha1(key.encode("utf-8")).hexdigest(), json.dumps(kept), old_id),
        )


OWNERS: tuple[str, ...] = ("shop", "third_party", "unknown")


def _owner_columns(db: sqlite_utils.Database) -> None:
    """Whose contact detail each phone and e-mail finding is, with the evidence (issue 9).

    Older rows get the owner their `third_party` flag implied and an empty reason."""
    db.execute(f"ALTER TABLE findings ADD COLUMN owner TEXT CHECK (owner IN {_in(OWNERS)})")
    db.execute("ALTER TABLE findings ADD COLUMN owner_reason TEXT")
    db.execute(
        "UPDATE findings SET owner = CASE WHEN third_party = 1 THEN 'third_party' ELSE 'shop' END "
        "WHERE channel IN ('phone', 'email')"
    )
    db.execute("CREATE INDEX idx_findings_owner ON findings(owner)")
    _create_views(db)


def _shared_values(db: sqlite_utils.Database) -> None:
    """Values seen on several unrelated shops of a run (reports/shared.py)."""
    db.execute(
        """CREATE TABLE value_sightings (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    channel TEXT NOT NULL CHECK (channel IN ('phone', 'email')),
    value TEXT NOT NULL,
    shop_id TEXT NOT NULL REFERENCES shops(id),
    domain TEXT,
    identity TEXT,
    PRIMARY KEY (run_id, channel, value, shop_id)
)"""
    )
    db.execute("CREATE INDEX idx_value_sightings_shop ON value_sightings(run_id, shop_id)")
    db.execute(
        """CREATE TABLE shared_values (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    channel TEXT NOT NULL CHECK (channel IN ('phone', 'email')),
    value TEXT NOT NULL,
    shops INTEGER NOT NULL,
    unrelated_shops INTEGER NOT NULL,
    shared INTEGER NOT NULL CHECK (shared IN (0, 1)),
    shop_ids TEXT,
    PRIMARY KEY (run_id, channel, value)
)"""
    )
    db.execute("CREATE INDEX idx_shared_values_shared ON shared_values(shared, unrelated_shops)")


Migration = tuple[str, Callable[[sqlite_utils.Database], None]]
# Ordered; names are permanent. Append new migrations, never edit shipped ones.
MIGRATIONS: tuple[Migration, ...] = (
    ("0001_tables", _create_tables),
    ("0002_indexes", _create_indexes),
    ("0003_pages_fts", _create_fts),
    ("0004_views", _create_views),
    ("0005_register_channel", _register_channel),
    ("0006_finding_owner", _owner_columns),
    ("0007_shared_values", _shared_values),
)


def applied_migrations(db: sqlite_utils.Database) -> list[str]:
    """Names of the migrations recorded in the database, oldest first."""
    if "migrations" not in db.table_names():
        return []
    return [row[0] for row in db.execute("SELECT name FROM migrations ORDER BY rowid").fetchall()]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply the migrations this database has not seen, in one transaction; return their names."""
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("migrate() must not run inside an open transaction")
    names = [name for name, _ in MIGRATIONS]
    if set(names) <= set(applied_migrations(db)):
        return []  # the common case: no write lock needed to open an up-to-date database
    # IMMEDIATE takes the write lock first, so two processes opening a new file cannot both migrate
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = set(applied_migrations(db))
        applied = []
        for name, step in MIGRATIONS:
            if name in done:
                continue
            step(db)
            conn.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            applied.append(name)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return applied
