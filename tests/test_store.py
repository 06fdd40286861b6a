"""The crawl database: migrations, idempotent per-shop writes, resume, errors and views."""

from __future__ import annotations

import json
import sqlite3

import pytest

from reports import schema
from reports.schema import MIGRATIONS, TIER_NAMES, applied_migrations, migrate
from reports.store import Store, StoreError, finding_id

HOME = "https://a.nl/"
CONTACT = "https://a.nl/contact"


def _result(**overrides) -> dict:
    row = {
        "status": "ok",
        "homepage": HOME,
        "phone_tier": "contact_page",
        "phone_clicks": 1,
        "phone_value": "+31201234567",
        "phone_type": "fixed_line",
        "email_tier": "homepage",
        "email_clicks": 0,
        "email_value": "info@a.nl",
        "chat_present": 0,
        "chat_vendors": [],
        "contact_form": 1,
        "compliant": 1,
        "reasons": [],
        "reason_codes": [],
        "pages_crawled": 2,
    }
    row.update(overrides)
    return row


def _pages() -> list[dict]:
    return [
        {
            "url": HOME,
            "clicks": 0,
            "page_kind": "homepage",
            "path": [],
            "title": "A",
            "text": "mail info@a.nl",
        },
        {
            "url": CONTACT,
            "clicks": 1,
            "page_kind": "contact",
            "link_text": "Contact",
            "path": ["Contact"],
            "title": "Contact",
            "text": "Bel klantenservice 020 123 4567",
        },
    ]


def _findings() -> list[dict]:
    return [
        {
            "channel": "phone",
            "value": "+31201234567",
            "raw": "020 123 4567",
            "url": CONTACT,
            "tier": "contact_page",
        },
        {"channel": "email", "value": "info@a.nl", "raw": "info@a.nl", "url": HOME, "tier": "homepage"},
        {"channel": "form", "value": "contact", "url": CONTACT},
    ]


def _links() -> list[dict]:
    return [{"from_url": HOME, "to_url": CONTACT, "text": "Contact"}]


def _counts(store: Store) -> dict[str, int]:
    tables = ("pages", "findings", "links", "results", "shops", "pages_fts")
    return {t: store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "results.db") as s:
        yield s


def test_migrations_are_recorded_and_idempotent(tmp_path):
    path = tmp_path / "results.db"
    with Store(path) as first:
        names = applied_migrations(first.db)
        assert names == [name for name, _ in MIGRATIONS]
        assert migrate(first.db) == []  # nothing left to apply
    with Store(path) as second:
        rows = second.db.execute("SELECT name, applied_at FROM migrations").fetchall()
        assert [r[0] for r in rows] == names
        assert all(r[1].endswith("+00:00") for r in rows)
        assert [r[0] for r in second.db.execute("SELECT tier FROM tiers ORDER BY rank")] == list(TIER_NAMES)


def _schema_objects(store: Store) -> set[tuple[str, str, str]]:
    rows = store.db.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    return {(t, n, s) for t, n, s in rows}


def _identity_findings() -> list[dict]:
    """Findings as the crawler stored them before migration 0005 (register numbers under kvk)."""
    return [
        {"channel": "kvk", "value": "12345678", "url": HOME, "flags": json.dumps([])},
        {"channel": "kvk", "value": "0403019261", "url": HOME, "flags": json.dumps(["register:BE"])},
        {
            "channel": "kvk",
            "value": "HRB 123456",
            "url": CONTACT,
            "flags": json.dumps(["invalid", "register:DE"]),
        },
    ]


def test_register_is_a_channel_of_a_new_database(store):
    run_id = store.start_run("shops.csv", "0" * 64, 1, {})
    register = {"channel": "register", "value": "0403019261", "url": HOME, "flags": ["country:BE"]}
    store.save_shop(run_id, "a.be", _result(), _pages(), [register], [])
    row = store.db.execute("SELECT id, channel, flags FROM findings").fetchone()
    assert row == (finding_id(run_id, "a.be", "register", "0403019261", HOME), "register", '["country:BE"]')
    with pytest.raises(StoreError, match="refused to write"):
        store.save_shop(run_id, "a.be", _result(), [], [{"channel": "registry", "value": "1"}], [])


def test_migration_0005_upgrades_a_database_of_the_previous_schema(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", MIGRATIONS[:4])  # the schema before `register` existed
        with Store(path) as old:
            assert applied_migrations(old.db) == [
                "0001_tables",
                "0002_indexes",
                "0003_pages_fts",
                "0004_views",
            ]
            run_id = old.start_run("shops.csv", "0" * 64, 1, {"max_pages": 30})
            with pytest.raises(StoreError, match="refused to write"):
                old.save_shop(run_id, "a.be", _result(), [], [{"channel": "register", "value": "1"}], [])
            old.save_shop(run_id, "a.be", _result(), _pages(), _findings() + _identity_findings(), _links())
            before = _counts(old)
            kvk_id = finding_id(run_id, "a.be", "kvk", "12345678", HOME)
    with Store(path) as upgraded:
        assert applied_migrations(upgraded.db)[4] == "0005_register_channel"
        assert _counts(upgraded) == before
        rows = upgraded.db.execute(
            "SELECT id, channel, value, flags FROM findings WHERE channel IN ('kvk', 'register') ORDER BY value"
        ).fetchall()
        assert rows == [
            (
                finding_id(run_id, "a.be", "register", "0403019261", HOME),
                "register",
                "0403019261",
                '["country:BE"]',
            ),
            (kvk_id, "kvk", "12345678", "[]"),
            (
                finding_id(run_id, "a.be", "register", "HRB 123456", CONTACT),
                "register",
                "HRB 123456",
                '["invalid", "country:DE"]',
            ),
        ]
        # views, indexes and the FTS work again, and new register findings are accepted
        channels = {
            r[0] for r in upgraded.db.execute("SELECT channel FROM shop_findings WHERE shop_id = 'a.be'")
        }
        assert channels == {"phone", "email", "form", "kvk", "register"}
        assert [h["url"] for h in upgraded.db["pages"].search("klantenservice")] == [CONTACT]
        register = {"channel": "register", "value": "0999999999", "url": HOME}
        upgraded.save_shop(run_id, "b.be", _result(), [], [register], [])
        with pytest.raises(StoreError, match="refused to write"):
            upgraded.save_shop(run_id, "b.be", _result(), [], [{"channel": "registry", "value": "1"}], [])
        upgraded_objects = _schema_objects(upgraded)
    with Store(tmp_path / "new.db") as fresh:
        # an upgraded database ends with exactly the tables, indexes, triggers and views of a new one
        assert upgraded_objects == _schema_objects(fresh)


def test_database_uses_wal_so_readers_see_committed_shops(store):
    assert store.db.journal_mode == "wal"
    run_id = store.start_run("shops.csv", "0" * 64, 1, {})
    store.save_shop(run_id, "a.nl", _result(), _pages(), _findings(), _links())
    reader = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    try:
        assert reader.execute("SELECT COUNT(*) FROM results").fetchone()[0] == 1
    finally:
        reader.close()


def test_save_shop_twice_replaces_instead_of_duplicating(store):
    run_id = store.start_run("shops.csv", "0" * 64, 1, {"max_pages": 30})
    store.save_shop(run_id, "a.nl", _result(), _pages(), _findings(), _links())
    once = _counts(store)
    assert once == {"pages": 2, "findings": 3, "links": 1, "results": 1, "shops": 1, "pages_fts": 2}
    store.save_shop(run_id, "a.nl", _result(), _pages(), _findings(), _links())
    assert _counts(store) == once
    # the replacement is what counts: a shorter second save leaves only its rows
    store.save_shop(run_id, "a.nl", _result(compliant=0), _pages()[:1], _findings()[1:2], [])
    assert _counts(store) | {"shops": 1} == {
        "pages": 1,
        "findings": 1,
        "links": 0,
        "results": 1,
        "shops": 1,
        "pages_fts": 1,
    }
    assert store.results(run_id)[0]["compliant"] == 0


def test_finding_ids_and_json_columns(store):
    run_id = store.start_run("shops.csv", "0" * 64, 1, {})
    store.save_shop(run_id, "a.nl", _result(reasons=["Phone ok."]), _pages(), _findings(), _links())
    ids = {r[0] for r in store.db.execute("SELECT id FROM findings WHERE channel = 'phone'")}
    assert ids == {finding_id(run_id, "a.nl", "phone", "+31201234567", CONTACT)}
    assert store.db.execute("SELECT path FROM pages WHERE url = ?", [CONTACT]).fetchone()[0] == '["Contact"]'
    assert store.results(run_id)[0]["reasons"] == ["Phone ok."]
    # the same value twice on one page: the first (best) evidence is kept, no duplicate
    twice = [
        {"channel": "phone", "value": "+31201234567", "url": CONTACT, "source": "tel_link"},
        {"channel": "phone", "value": "+31201234567", "url": CONTACT, "source": "text"},
    ]
    store.save_shop(run_id, "a.nl", _result(), _pages(), twice, [])
    assert store.db.execute("SELECT source FROM findings").fetchall() == [("tel_link",)]


def test_failed_save_leaves_the_previous_save_intact(store):
    run_id = store.start_run("shops.csv", "0" * 64, 1, {})
    store.save_shop(run_id, "a.nl", _result(), _pages(), _findings(), _links())
    before = _counts(store)
    broken = _findings() + [{"channel": "carrier_pigeon", "value": "x", "url": HOME}]
    with pytest.raises(StoreError, match="refused to write"):
        store.save_shop(run_id, "a.nl", _result(compliant=0), _pages()[:1], broken, [])
    assert _counts(store) == before
    assert store.results(run_id)[0]["compliant"] == 1
    assert not store.db.conn.in_transaction


def test_failed_first_save_writes_nothing(store):
    run_id = store.start_run("shops.csv", "0" * 64, 1, {})
    # the last statement of the transaction (the result row) breaks a rule: all of it rolls back
    unassessed_with_tier = _result(status="blocked", status_reason="403 on the homepage")
    with pytest.raises(StoreError):
        store.save_shop(run_id, "a.nl", unassessed_with_tier, _pages(), _findings(), _links())
    assert _counts(store) == {t: 0 for t in ("pages", "findings", "links", "results", "shops", "pages_fts")}
    assert store.completed_shop_ids(run_id) == set()


@pytest.mark.parametrize(
    ("table_arg", "bad", "message"),
    [
        ("pages", [{"url": HOME, "colour": "red"}], "pages has no column 'colour'"),
        ("findings", [{"channel": "phone", "type": "mobile"}], "findings has no column 'type'"),
        ("links", [{"from_url": HOME, "to_url": CONTACT, "shop_id": "b.nl"}], "for 'b.nl'"),
    ],
)
def test_rows_that_do_not_fit_the_schema_are_refused(store, table_arg, bad, message):
    run_id = store.start_run("shops.csv", "0" * 64, 1, {})
    args = {"pages": _pages(), "findings": _findings(), "links": _links(), table_arg: bad}
    with pytest.raises(StoreError, match=message):
        store.save_shop(run_id, "a.nl", _result(), args["pages"], args["findings"], args["links"])
    assert _counts(store)["results"] == 0


def test_save_shop_needs_an_existing_run(store):
    with pytest.raises(StoreError, match="there is no run 42"):
        store.save_shop(42, "a.nl", _result(), [], [], [])


def test_resume_bookkeeping(tmp_path):
    path = tmp_path / "results.db"
    with Store(path) as store:
        assert store.unfinished_run() is None
        first = store.start_run("shops.csv", "a" * 64, 3, {"max_pages": 30})
        store.finish_run(first, stats={"pages": 3})
        run_id = store.start_run("shops.csv", "a" * 64, 3, {"max_pages": 30})
        store.save_shop(run_id, "a.nl", _result(), _pages(), _findings(), _links())
        store.save_shop(run_id, "b.nl", {"status": "unreachable", "status_reason": "DNS failure"}, [], [], [])
    # a new process (after a crash) finds the run and what it already settled
    with Store(path) as store:
        unfinished = store.unfinished_run()
        assert unfinished["id"] == run_id
        assert unfinished["settings"] == {"max_pages": 30}
        assert store.completed_shop_ids(run_id) == {"a.nl", "b.nl"}
        assert store.completed_shop_ids(first) == set()
        store.finish_run(run_id, "interrupted")
        assert store.unfinished_run()["status"] == "interrupted"
        store.finish_run(run_id, stats={"pages": 2})
        assert store.unfinished_run() is None
        runs = store.runs()
        assert [r["status"] for r in runs] == ["finished", "finished"]
        assert runs[0]["stats"] == {"pages": 3}
        assert runs[1]["finished_at"] is not None
        assert runs[1]["tool_version"] and runs[1]["python_version"]
    with Store(path) as store, pytest.raises(StoreError, match="run status must be one of"):
        store.finish_run(run_id, "done")


def test_upsert_shops_keeps_columns_it_is_not_given(store):
    store.upsert_shops([{"id": "a.nl", "name": "A", "category": "fietsen", "rank": 3}])
    store.upsert_shops([{"id": "a.nl", "url": "https://a.nl/"}])
    row = dict(store.db["shops"].get("a.nl"))
    assert row == {
        "id": "a.nl",
        "name": "A",
        "url": "https://a.nl/",
        "rank": 3,
        "category": "fietsen",
        "country": None,
    }
    with pytest.raises(StoreError, match="every shop needs an id"):
        store.upsert_shops([{"name": "nameless"}])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"url,name\nhttps://a.nl,A\n", "is not a SQLite database"),
        (bytes(range(256)) * 8, "is not a SQLite database"),
        (b"SQLite format 3\x00" + b"\xff" * 2000, "not a SQLite database or is damaged"),
    ],
    ids=["csv-text", "binary-garbage", "damaged-header"],
)
def test_store_error_for_files_that_are_not_databases(tmp_path, content, message):
    path = tmp_path / "results.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message) as info:
        Store(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == content  # never touched


def test_store_error_for_directories_and_missing_parents(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        Store(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nowhere" / "results.db")


def test_store_error_when_another_process_holds_the_write_lock(tmp_path):
    path = tmp_path / "results.db"
    with Store(path) as store:
        run_id = store.start_run("shops.csv", "0" * 64, 1, {})
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with (
            Store(path, timeout=0.1) as store,
            pytest.raises(StoreError, match="is locked by another process"),
        ):
            store.save_shop(run_id, "a.nl", _result(), _pages(), _findings(), _links())
    finally:
        other.execute("ROLLBACK")
        other.close()


def _two_runs(store: Store) -> tuple[int, int]:
    store.upsert_shops(
        [
            {"id": "a.nl", "name": "A", "category": "fietsen"},
            {"id": "b.nl", "name": "B", "category": "mode"},
            {"id": "c.nl", "name": "C", "category": "mode"},
        ]
    )
    old = store.start_run("shops.csv", "0" * 64, 3, {})
    store.save_shop(old, "a.nl", _result(phone_tier="legal_only", compliant=0), [], [], [])
    store.save_shop(old, "b.nl", _result(), [], [], [])
    store.save_shop(old, "c.nl", {"status": "blocked", "status_reason": "403"}, [], [], [])
    store.finish_run(old)
    new = store.start_run("shops.csv", "0" * 64, 3, {})
    store.save_shop(new, "a.nl", _result(), _pages(), _findings(), _links())
    store.save_shop(new, "b.nl", _result(email_tier="not_found", compliant=0), [], [], [])
    return old, new


def test_latest_results_takes_each_shops_newest_run(store):
    old, new = _two_runs(store)
    rows = {r["shop_id"]: r for r in store.db.query("SELECT * FROM latest_results")}
    assert {k: (v["run_id"], v["name"]) for k, v in rows.items()} == {
        "a.nl": (new, "A"),
        "b.nl": (new, "B"),
        "c.nl": (old, "C"),  # not crawled in the newest run: its last known result
    }
    assert rows["c.nl"]["compliant"] is None and rows["c.nl"]["status"] == "blocked"


def test_run_summary_and_tier_distribution(store):
    old, new = _two_runs(store)
    summary = {r["run_id"]: r for r in store.db.query("SELECT * FROM run_summary")}
    assert (summary[old]["shops"], summary[old]["assessed"], summary[old]["not_assessed"]) == (3, 2, 1)
    assert (summary[old]["compliant"], summary[old]["compliant_pct"]) == (1, 50.0)
    assert summary[old]["phone_legal_only"] == 1 and summary[old]["phone_contact_page"] == 1
    assert (summary[new]["compliant"], summary[new]["email_not_found"]) == (1, 1)
    dist = {
        (r["channel"], r["tier"]): r["shops"]
        for r in store.db.query("SELECT * FROM tier_distribution WHERE run_id = ?", [new])
    }
    assert dist == {("phone", "contact_page"): 2, ("email", "homepage"): 1, ("email", "not_found"): 1}


def test_result_changes_between_runs(store):
    old, new = _two_runs(store)
    changes = {r["shop_id"]: r for r in store.db.query("SELECT * FROM result_changes")}
    assert {k: v["change"] for k, v in changes.items()} == {"a.nl": "improved", "b.nl": "worse"}
    assert (changes["a.nl"]["old_phone_tier"], changes["a.nl"]["new_phone_tier"]) == (
        "legal_only",
        "contact_page",
    )
    assert (changes["b.nl"]["old_run"], changes["b.nl"]["new_run"]) == (old, new)


def test_shop_findings_carries_name_and_link_path(store):
    _, new = _two_runs(store)
    rows = list(store.db.query("SELECT * FROM shop_findings WHERE run_id = ? AND channel = 'phone'", [new]))
    assert [(r["shop_name"], r["url"], r["link_path"], r["clicks"] is None) for r in rows] == [
        ("A", CONTACT, '["Contact"]', True)
    ]


def test_full_text_search_on_page_text(store):
    run_id = store.start_run("shops.csv", "0" * 64, 1, {})
    store.save_shop(run_id, "a.nl", _result(), _pages(), _findings(), _links())
    hits = store.db["pages"].search("klantenservice")
    assert [h["url"] for h in hits] == [CONTACT]
