"""Datasette over a crawl-like sample database, driven through `Datasette.client` (no server)."""

from __future__ import annotations

import asyncio
import hashlib
import html
import re
import sqlite3

import pytest
from click.testing import CliRunner
from datasette_dashboards import replace_opts_in_query

from reports.schema import INTERNAL_TABLES, TIER_NAMES
from reports.serve import DATABASE_NAME, ServeError, load_metadata, make_datasette
from reports.store import Store
from tests.fixtures_db import EXPECTED, SHOPS, UNASSESSED, make_sample_db

DB = DATABASE_NAME


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory):
    return make_sample_db(tmp_path_factory.mktemp("datasette") / "results.db")


@pytest.fixture(scope="module")
def loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="module")
def ds(sample_path):
    return make_datasette(sample_path)


@pytest.fixture(scope="module")
def get(ds, loop):
    def get(path: str, status: int = 200):
        response = loop.run_until_complete(ds.client.get(path))
        assert response.status_code == status, (path, response.status_code, response.text[:500])
        return response

    return get


def rows(get, path: str) -> list[dict]:
    sep = "&" if "?" in path else "?"
    return get(f"{path}{sep}_shape=objects").json()["rows"]


def _metadata_tables() -> dict:
    return load_metadata()["databases"][DB]["tables"]


def _visible_tables(sample_path) -> dict[str, list[str]]:
    conn = sqlite3.connect(sample_path)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
            if r[0] not in INTERNAL_TABLES
        ]
        return {n: [c[1] for c in conn.execute(f"PRAGMA table_info([{n}])")] for n in names}
    finally:
        conn.close()


# --- the sample itself ----------------------------------------------------------------------


def test_sample_database_covers_every_tier_and_status(sample_path):
    conn = sqlite3.connect(sample_path)
    try:
        newest = conn.execute("SELECT MAX(id) FROM runs").fetchone()[0]
        for channel in ("phone", "email"):
            tiers = {
                r[0] for r in conn.execute(f"SELECT {channel}_tier FROM results WHERE run_id = ?", [newest])
            }
            assert tiers - {None} == set(TIER_NAMES), channel
        statuses = {r[0] for r in conn.execute("SELECT status FROM results WHERE run_id = ?", [newest])}
        assert statuses == {"ok"} | {s for s, _ in UNASSESSED.values()}
    finally:
        conn.close()


# --- metadata -------------------------------------------------------------------------------


def test_instance_metadata_is_served(get):
    meta = get("/-/metadata.json").json()
    assert meta["title"].startswith("bereikbaar")
    for needle in ("2019/2161", "6(1)(c)", "6:230m BW", "C-649/17", "6:230k BW", "NOS", "Consumentenbond"):
        assert needle in meta["description_html"], needle
    assert meta["license"] and meta["source_url"]
    assert "x-columns" not in meta
    page = get("/").text
    assert "Omnibus Directive" in page and "2 clicks" in page


def test_every_visible_table_and_column_has_a_description(sample_path):
    tables = _metadata_tables()
    missing = []
    for table, columns in _visible_tables(sample_path).items():
        meta = tables.get(table, {})
        if not meta.get("description"):
            missing.append(table)
        missing += [f"{table}.{c}" for c in columns if not meta.get("columns", {}).get(c)]
    assert missing == []


def test_table_pages_show_their_descriptions(get, sample_path):
    tables = _metadata_tables()
    for table in _visible_tables(sample_path):
        page = html.unescape(get(f"/{DB}/{table}").text)
        assert tables[table]["description"] in page, table


def test_internal_tables_are_hidden(get):
    listed = {t["name"] for t in get(f"/{DB}.json").json()["tables"] if not t["hidden"]}
    assert listed & set(INTERNAL_TABLES) == set()
    assert {"results", "findings", "pages", "shops", "runs"} <= listed


# --- facets and search ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "facets"),
    [
        ("latest_results", {"phone_tier", "email_tier", "compliant", "status", "category", "chat_vendors"}),
        ("results", {"phone_tier", "email_tier", "compliant", "status", "phone_type"}),
        ("findings", {"channel", "vendor", "phone_type", "tier"}),
        ("shop_findings", {"channel", "category", "vendor"}),
    ],
)
def test_default_facets(get, table, facets):
    results = get(f"/{DB}/{table}.json").json()["facet_results"]
    assert facets <= set(results)


def test_facet_counts_match_the_sample(get):
    facet = get(f"/{DB}/latest_results.json").json()["facet_results"]["phone_tier"]["results"]
    counts = {r["value"]: r["count"] for r in facet}
    assert counts == {
        "homepage": 2,
        "contact_page": 2,
        "other_page": 2,
        "legal_only": 1,
        "chat_only": 1,
        "not_found": 1,
    }
    vendors = get(f"/{DB}/latest_results.json").json()["facet_results"]["chat_vendors"]["results"]
    assert {r["value"] for r in vendors} == {"zendesk", "whatsapp"}


@pytest.mark.parametrize(
    ("term", "urls"),
    [
        ("0900", {"https://www.belduur.nl/"}),
        (
            "contactformulier",
            {"https://www.fietsplaza.nl/klantenservice", "https://www.boekenbol.nl/klantenservice"},
        ),
        ("nergensvoorkomend", set()),
    ],
)
def test_full_text_search_on_page_text(get, term, urls):
    found = {r["url"] for r in rows(get, f"/{DB}/pages.json?_search={term}&run_id=2")}
    assert found == urls


# --- canned queries -------------------------------------------------------------------------

# query -> (query string, the shops it must return on the sample). Every canned query is listed.
QUERY_EXPECTATIONS: dict[str, tuple[str, set[str]]] = {
    "headline_figures": ("", set()),
    "phone_not_findable": ("", EXPECTED["phone_not_findable"]),
    "phone_only_in_terms": ("", EXPECTED["phone_only_in_terms"]),
    "chat_only": ("", EXPECTED["chat_only"]),
    "email_replaced_by_form": ("", EXPECTED["email_replaced_by_form"]),
    "extra_cost_or_foreign_numbers": ("", EXPECTED["extra_cost_or_foreign_numbers"]),
    "not_assessed": ("", EXPECTED["not_assessed"]),
    "compliance_by_category": ("", set()),
    "changes_between_runs": ("old_run=1&new_run=2", {s[0] for s in SHOPS}),
    "shop_card": ("shop=www.BelDuur.nl", {"belduur.nl"}),
}


def test_every_canned_query_has_an_expectation():
    assert set(load_metadata()["databases"][DB]["queries"]) == set(QUERY_EXPECTATIONS)


@pytest.mark.parametrize("name", sorted(QUERY_EXPECTATIONS))
def test_canned_query_returns_the_expected_shops(get, name):
    query, shops = QUERY_EXPECTATIONS[name]
    result = get(f"/{DB}/{name}.json?{query}&_shape=objects").json()
    assert result["ok"] is True
    got = {r.get("shop_id") for r in result["rows"]} - {None}
    if name == "shop_card":
        got = {"belduur.nl"} if result["rows"] and result["rows"][0]["shop"] == "Belduur" else set()
    assert got == shops
    # the HTML page with its parameter form renders too
    page = get(f"/{DB}/{name}?{query}").text
    assert "<table" in page or name in ("shop_card",)


def test_headline_figures(get):
    (row,) = rows(get, f"/{DB}/headline_figures.json")
    assert row == {
        "shops": 13,
        "assessed": 9,
        "not_assessed": 4,
        "no_phone_number": 2,
        "phone_only_in_legal_documents": 1,
        "chat_only": 1,
        "no_email_address": 2,
        "compliant": len(EXPECTED["compliant"]),
        "compliant_pct": 33.3,
        "avg_clicks_when_compliant": 0.7,
    }


def test_compliance_by_category_counts_assessed_shops_only(get):
    result = rows(get, f"/{DB}/compliance_by_category.json")
    assert sum(r["assessed"] for r in result) == 9
    assert {r["category"]: r["compliant"] for r in result}["Fashion"] == 1  # modehuis; blokkade not counted


def test_phone_not_findable_click_limit_is_a_parameter(get):
    default = {r["shop_id"] for r in rows(get, f"/{DB}/phone_not_findable.json")}
    three = {r["shop_id"] for r in rows(get, f"/{DB}/phone_not_findable.json?max_clicks=3")}
    assert default - three == {"diepzee.be"}


@pytest.mark.parametrize(
    ("settings", "missing"),
    [
        ('{"crawl_max_clicks": 3, "verdict_rule": {"max_clicks": 3}}', {"diepzee.be"}),  # the run's rule
        ('{"max_clicks": 3}', set()),  # the crawl depth of older runs is not the rule: 2
        ("not json", set()),
        (None, set()),
    ],
)
def test_phone_not_findable_defaults_to_the_verdict_rule_of_each_run(tmp_path, loop, settings, missing):
    path = make_sample_db(tmp_path / "rule.db")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE runs SET settings = ?", [settings])
    conn.close()
    served = make_datasette(path)
    response = loop.run_until_complete(served.client.get(f"/{DB}/phone_not_findable.json?_shape=objects"))
    assert response.status_code == 200, response.text[:500]
    assert {r["shop_id"] for r in response.json()["rows"]} == EXPECTED["phone_not_findable"] - missing


def test_changes_between_runs(get):
    result = rows(get, f"/{DB}/changes_between_runs.json?old_run=1&new_run=2")
    changed = {r["shop_id"]: r["change"] for r in result if r["change"] not in ("unchanged", "not_assessed")}
    assert changed == {"modehuis.nl": "improved", "boekenbol.nl": "worse", "terugkeer.nl": "status_changed"}
    assert result[0]["change"] == "worse"  # worse first: that is the news
    assert rows(get, f"/{DB}/changes_between_runs.json?old_run=2&new_run=1") == []
    # without parameters: the newest run against the one before it
    assert rows(get, f"/{DB}/changes_between_runs.json") == result
    assert rows(get, f"/{DB}/changes_between_runs.json?new_run=2") == result


def test_shop_card_has_all_evidence(get):
    card = rows(get, f"/{DB}/shop_card.json?shop=belduur.nl")
    items = {r["item"]: r for r in card}
    assert items["verdict"]["value"] == "not compliant"
    assert "extra-cost" in items["verdict"]["evidence"]
    assert items["best phone"]["value"] == "+319001234567" and items["best phone"]["tier"] == "homepage"
    foreign = next(r for r in card if r["value"] == "+3232123456")
    assert foreign["page"] == "https://www.belduur.nl/klantenservice"
    assert (foreign["clicks"], foreign["link_path"]) == (1, '["Klantenservice"]')
    assert "+32 3 212 34 56" in foreign["evidence"]
    third = next(r for r in card if r["item"] == "phone (third party)")
    assert third["tier"] is None
    assert rows(get, f"/{DB}/shop_card.json?shop=nosuchshop.nl") == []
    blocked = rows(get, f"/{DB}/shop_card.json?shop=blokkade.nl")
    assert [(r["item"], r["value"]) for r in blocked] == [("verdict", "not assessed: blocked")]


def test_views_hide_the_joins(get):
    latest = {r["shop_id"]: r for r in rows(get, f"/{DB}/latest_results.json?_size=100")}
    assert len(latest) == 13 and {r["run_id"] for r in latest.values()} == {2}
    assert latest["fietsplaza.nl"]["name"] == "Fietsplaza"
    summary = rows(get, f"/{DB}/run_summary.json")
    assert [(r["run_id"], r["compliant"], r["assessed"]) for r in summary] == [(2, 3, 9), (1, 2, 8)]


# --- dashboard ------------------------------------------------------------------------------


def test_dashboard_page_responds(get):
    page = get("/-/dashboards/overview").text
    charts = load_metadata()["plugins"]["datasette-dashboards"]["overview"]["charts"]
    for slug in charts:
        assert f'id="chart-{slug}"' in page, slug
    assert "vega-lite.min.js" in page
    get("/-/dashboards/overview?category=Fashion")
    get("/-/dashboards/overview/phone-tiers")


@pytest.mark.parametrize("options", [{}, {"category": "Fashion"}], ids=["all", "one-category"])
def test_every_chart_query_runs(ds, loop, options):
    charts = load_metadata()["plugins"]["datasette-dashboards"]["overview"]["charts"]
    for slug, chart in charts.items():
        sql = replace_opts_in_query(chart["query"], options)
        result = loop.run_until_complete(ds.execute(chart["db"], sql, params=options))
        assert len(result.rows) >= 1, slug


def test_phone_tier_chart_data(ds, loop):
    chart = load_metadata()["plugins"]["datasette-dashboards"]["overview"]["charts"]["phone-tiers"]
    result = loop.run_until_complete(ds.execute(DB, replace_opts_in_query(chart["query"], {})))
    assert [(r["tier"], r["shops"]) for r in result.rows] == [
        ("homepage", 2),
        ("contact_page", 2),
        ("other_page", 2),
        ("legal_only", 1),
        ("chat_only", 1),
        ("not_found", 1),
    ]


def test_pages_load_nothing_from_other_hosts(get):
    for path in ("/", f"/{DB}/latest_results", "/-/dashboards/overview", f"/{DB}/shop_card?shop=belduur.nl"):
        page = get(path).text
        assets = re.findall(r'<(?:script|link|img)\b[^>]*?(?:src|href)="([^"]+)"', page)
        remote = [a for a in assets if re.match(r"(https?:)?//", a) and not a.startswith("http://localhost/")]
        assert remote == [], path


# --- safety ---------------------------------------------------------------------------------


def test_database_is_read_only(ds, get, loop, sample_path):
    before = hashlib.sha256(sample_path.read_bytes()).hexdigest()
    for sql in ("DELETE FROM shops", "UPDATE results SET compliant = 1", "DROP TABLE runs"):
        response = get(f"/{DB}.json?sql={sql}", status=400)
        assert response.json()["ok"] is False
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        loop.run_until_complete(ds.get_database(DB).execute_write("DELETE FROM shops"))
    assert hashlib.sha256(sample_path.read_bytes()).hexdigest() == before
    assert get(f"/{DB}/shops.json?_size=0").json()["filtered_table_rows_count"] == 13


def test_publishing_limits(ds, get):
    assert ds.setting("sql_time_limit_ms") <= 5000
    assert ds.setting("max_returned_rows") <= 5000
    assert ds.setting("allow_download") is False
    get(f"/{DB}.db", status=403)


def test_serving_while_a_crawl_writes(tmp_path, loop):
    path = make_sample_db(tmp_path / "live.db")
    served = make_datasette(path)
    count = "/bereikbaar/results.json?_size=0"
    before = loop.run_until_complete(served.client.get(count)).json()["filtered_table_rows_count"]
    with Store(path) as store:
        run_id = store.start_run("more.csv", "1" * 64, 1, {})
        store.save_shop(run_id, "nieuw.nl", {"status": "unreachable", "status_reason": "timeout"}, [], [], [])
        after = loop.run_until_complete(served.client.get(count)).json()["filtered_table_rows_count"]
    assert after == before + 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        (b"url\nhttps://a.nl\n", "is not a SQLite database"),
        ("empty-sqlite", "is not a bereikbaar crawl database"),
    ],
)
def test_unservable_files(tmp_path, content, message):
    path = tmp_path / "x.db"
    if content == "empty-sqlite":
        sqlite3.connect(path).execute("CREATE TABLE t (a)").connection.close()
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(ServeError, match=message):
        make_datasette(path)
    from bereikbaar.cli import main

    result = CliRunner().invoke(main, ["serve", str(path)])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
