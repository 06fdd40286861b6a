"""The crawler: its pieces (graph, statuses, resolver, frontier) and real crawls of the sample universe.

The end-to-end tests run `bereikbaar crawl` in a subprocess against the sample shops served on
loopback and compare what lands in SQLite with the `expected` block of universe.json.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.spidermiddlewares.httperror import HttpError

from checks.findability import VerdictRule
from crawler.config import CrawlConfig, parse_resolve
from crawler.graph import LinkGraph, url_key
from crawler.resolver import MappedResolver
from crawler.shoplist import ShopEntry
from crawler.shopstate import ShopState
from crawler.spiders.shops import is_page_type
from crawler.status import bot_wall, classify_homepage_failure
from reports.report import load_report
from tests.conftest import FAST_CRAWL_ARGS, resolve_args, run_cli

# --- link graph: clicks are true shortest paths ---------------------------------------------


def test_shortest_path_beats_the_route_found_first() -> None:
    graph = LinkGraph()
    # crawled best-first: home -> service -> help -> contact (3 clicks) ...
    graph.add_edge("home", "service", "Klantenservice")
    graph.add_edge("service", "help", "Hulp")
    graph.add_edge("help", "contact", "Contact")
    # ... and only later saw the footer link home -> contact
    graph.add_edge("home", "contact", "Contact opnemen")
    paths = graph.shortest_paths("home")
    assert paths["contact"].clicks == 1
    assert paths["contact"].texts == ["Contact opnemen"]
    assert paths["help"].clicks == 2 and paths["help"].texts == ["Klantenservice", "Hulp"]
    assert paths["home"].clicks == 0


def test_redirected_page_is_one_node() -> None:
    graph = LinkGraph()
    graph.add_edge("home-final", "a", "A")  # links on the homepage are seen from its final URL
    graph.alias("home-final", "home-start")
    graph.add_edge("a", "home-start", "Home")
    paths = graph.shortest_paths("home-start")
    assert paths["a"].clicks == 1
    assert graph.add_edge("home-final", "a", "other text") is False  # the first text is kept


# --- bot walls and homepage failures ---------------------------------------------------------

BOT_WALL_CASES = [
    ("<html><head><title>Just a moment...</title></head><body>cf</body></html>", "cloudflare"),
    ("<title>Attention Required! | Cloudflare</title>", "cloudflare"),
    ('<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script>', "cloudflare"),
    ("<p>Checking your browser before accessing shop.nl.</p>", "cloudflare"),
    ('<script src="https://ct.captcha-delivery.com/c.js"></script>', "datadome"),
    ("<p>Request unsuccessful. Incapsula incident ID: 123</p>", "imperva"),
    ("<title>Pardon Our Interruption</title>", "imperva"),
    ('<div id="px-captcha"></div>', "perimeterx"),
    ("<title>Access Denied</title><p>Reference #18.2f3c</p>", "akamai"),
    ("<title>Are you a robot?</title>", "captcha"),
    # ordinary shop pages that merely mention these words
    ('<title>Fietsplaza</title><form><div class="g-recaptcha"></div><textarea></textarea></form>', None),
    ("<title>Contact</title><p>Onze site draait achter Cloudflare.</p>", None),
    ("<title>Just a moment of your time: our sale</title>", None),
    ("<title>Access Denied</title><p>Log in to see your orders.</p>", None),
]


@pytest.mark.parametrize("body, vendor", BOT_WALL_CASES)
def test_bot_wall_signatures(body: str, vendor: str | None) -> None:
    assert bot_wall(body.encode()) == vendor


def _http_error(status: int) -> HttpError:
    return HttpError(SimpleNamespace(status=status, url="http://shop.nl/"), "ignored")


FAILURE_CASES = [
    (_http_error(403), "blocked"),
    (_http_error(429), "blocked"),
    (_http_error(503), "blocked"),
    (_http_error(404), "error"),
    (_http_error(500), "error"),
    (IgnoreRequest("Forbidden by robots.txt"), "robots_disallowed"),
    (IgnoreRequest("max redirections reached"), "error"),
    (CannotResolveHostError("no such host"), "unreachable"),
    (DownloadConnectionRefusedError("refused"), "unreachable"),
    (DownloadTimeoutError("took longer than 5 seconds"), "unreachable"),
    (
        DownloadCancelledError(
            "Cancelling download: expected response size (20000000) larger than download max size"
        ),
        "error",
    ),
    (ValueError("something odd"), "error"),
]


@pytest.mark.parametrize("exc, status", FAILURE_CASES)
def test_homepage_failure_status(exc: BaseException, status: str) -> None:
    got, reason = classify_homepage_failure(exc)
    assert got == status
    assert reason and reason[0].islower() and len(reason) < 300


PAGE_TYPE_CASES = [
    ("text/html", True),
    ("", True),
    ("text/plain", True),
    ("application/pdf", True),
    ("application/xhtml+xml", True),
    ("application/octet-stream", False),
    ("application/zip", False),
    ("image/png", False),
    ("video/mp4", False),
]


@pytest.mark.parametrize("ctype, expected", PAGE_TYPE_CASES)
def test_is_page_type(ctype: str, expected: bool) -> None:
    assert is_page_type(ctype) is expected


# --- --resolve --------------------------------------------------------------------------------

RESOLVE_CASES = [
    (["shop.nl=127.0.0.2"], {"shop.nl": "127.0.0.2"}),
    (["Shop.NL.=127.0.0.2", "www.shop.nl=127.0.0.3"], {"shop.nl": "127.0.0.2", "www.shop.nl": "127.0.0.3"}),
    ("a.nl=127.0.0.2,b.nl=::1", {"a.nl": "127.0.0.2", "b.nl": "::1"}),
    (["shop.nl:8080:127.0.0.9"], {"shop.nl": "127.0.0.9"}),  # curl's HOST:PORT:ADDR
    ('{"a.nl": "127.0.0.4"}', {"a.nl": "127.0.0.4"}),
    ({"a.nl": "127.0.0.5"}, {"a.nl": "127.0.0.5"}),
    (None, {}),
]


@pytest.mark.parametrize("value, expected", RESOLVE_CASES)
def test_parse_resolve(value, expected) -> None:
    assert parse_resolve(value) == expected


@pytest.mark.parametrize("value", [["shop.nl"], ["shop.nl=localhost"], ["=127.0.0.1"]])
def test_parse_resolve_rejects(value) -> None:
    with pytest.raises(ValueError, match="--resolve"):
        parse_resolve(value)


def _resolve_now(resolver: MappedResolver, name: str):
    box: list = []
    resolver.getHostByName(name).addBoth(box.append)
    return box[0]


def test_mapped_resolver_answers_from_the_map_and_refuses_the_rest() -> None:
    resolver = MappedResolver(None, 0, 5.0, mapping={"shop.nl": "127.0.0.7"}, exclusive=True)
    assert _resolve_now(resolver, "SHOP.nl.") == "127.0.0.7"
    assert _resolve_now(resolver, "127.0.0.9") == "127.0.0.9"
    refused = _resolve_now(resolver, "example.com")
    assert "not in the --resolve map" in str(refused.value)
    refused_ip = _resolve_now(resolver, "10.0.0.1")
    assert "not in the --resolve map" in str(refused_ip.value)


# --- the per-shop frontier ------------------------------------------------------------------


def _state(strategy: str = "priority", max_pages: int = 30, max_clicks: int = 3) -> ShopState:
    entry = ShopEntry(id="shop.nl", url="https://www.shop.nl/")
    config = CrawlConfig(
        max_pages=max_pages, max_clicks=max_clicks, strategy=strategy, per_shop_concurrency=2
    )
    return ShopState(entry=entry, config=config)


def _offer_menu(state: ShopState, from_clicks: int = 0) -> None:
    state.offer("https://www.shop.nl/product/fiets-123", "Stadsfiets", 1, "other", False, from_clicks)
    state.offer("https://www.shop.nl/veelgestelde-vragen", "FAQ", 55, "faq", False, from_clicks)
    state.offer("https://klantenservice.shop.nl/contact", "Contact", 100, "contact", False, from_clicks)
    state.offer("https://www.shop.nl/winkelwagen", "Winkelwagen", -1, "other", False, from_clicks)
    state.offer("https://www.other.nl/contact", "Partner", 100, "contact", False, from_clicks)
    state.offer("https://www.shop.nl/voorwaarden.pdf", "Voorwaarden (PDF)", 75, "terms", True, from_clicks)


def _drain(state: ShopState) -> list[str]:
    order = []
    while (c := state.pop_next()) is not None:
        state.mark_requested(c.key)
        state.outstanding -= 1  # pretend it was answered at once
        order.append(c.url)
    return order


def test_priority_frontier_orders_by_score_and_never_follows_negative_or_offsite() -> None:
    state = _state()
    _offer_menu(state)
    assert _drain(state) == [
        "https://klantenservice.shop.nl/contact",
        "https://www.shop.nl/voorwaarden.pdf",
        "https://www.shop.nl/veelgestelde-vragen",
    ]  # the product page is not worth a request, the cart and the other site never


def test_bfs_frontier_follows_everything_on_site_in_document_order() -> None:
    state = _state("bfs")
    _offer_menu(state)
    assert _drain(state)[:2] == [
        "https://www.shop.nl/product/fiets-123",
        "https://www.shop.nl/veelgestelde-vragen",
    ]


def test_frontier_respects_depth_budget_and_concurrency() -> None:
    deep = _state(max_clicks=1)
    _offer_menu(deep, from_clicks=1)
    # beyond the click limit only the contact link goes on (tests/test_crawl_depth.py)
    assert _drain(deep) == ["https://klantenservice.shop.nl/contact"]
    small = _state(max_pages=1)
    _offer_menu(small)
    assert len(_drain(small)) == 1
    busy = _state()
    _offer_menu(busy)
    for _ in range(2):
        busy.mark_requested(busy.pop_next().key)
    assert busy.pop_next() is None  # two requests in flight per shop at most


def test_settled_shop_still_sees_contact_and_legal_pages_then_stops() -> None:
    state = _state()
    state.phone_home = state.email_home = True
    _offer_menu(state)
    assert _drain(state) == ["https://klantenservice.shop.nl/contact", "https://www.shop.nl/voorwaarden.pdf"]
    assert state.done


def test_a_shorter_route_updates_a_waiting_link() -> None:
    state = _state()
    state.offer("https://www.shop.nl/contact", "Contact", 100, "contact", False, 2)
    state.offer("https://www.shop.nl/contact#form", "Contact", 100, "contact", False, 0)
    c = state.pop_next()
    assert c is not None and c.clicks == 1
    state.mark_requested(c.key)
    assert state.pop_next() is None
    assert url_key("https://www.shop.nl/contact#form") == url_key("https://www.shop.nl/contact")


# --- end to end on the sample universe --------------------------------------------------------


def _rows(db: Path, sql: str, params: tuple = ()) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def crawled(sample_server, tmp_path_factory) -> SimpleNamespace:
    """One full crawl of the sample universe (subprocess), shared by the tests below."""
    tmp = tmp_path_factory.mktemp("crawl")
    shops = sample_server.write_shop_list(tmp / "shops.csv")
    db = tmp / "results.db"
    started = time.monotonic()
    proc = run_cli("crawl", str(shops), "--db", str(db), *resolve_args(sample_server), *FAST_CRAWL_ARGS, "-q")
    return SimpleNamespace(proc=proc, db=db, shops=shops, seconds=time.monotonic() - started)


@pytest.mark.slow
def test_crawl_completes_and_prints_a_summary(crawled, sample_server) -> None:
    assert crawled.proc.returncode == 0, crawled.proc.stderr[-3000:]
    out = crawled.proc.stdout
    assert "status" in out and "phone tier" in out and "email tier" in out and "compliant:" in out
    runs = _rows(crawled.db, "SELECT * FROM runs")
    assert len(runs) == 1 and runs[0]["status"] == "finished" and runs[0]["finished_at"]
    run = runs[0]
    assert run["shops_total"] == len(sample_server.shops)
    import hashlib

    assert run["shop_list_sha256"] == hashlib.sha256(crawled.shops.read_bytes()).hexdigest()
    settings = json.loads(run["settings"])
    assert settings["max_pages"] == 30 and settings["robotstxt_obey"] is True
    # the crawl depth (--max-clicks) and the verdict rule's click limit are two settings
    assert settings["crawl_max_clicks"] == 3 and "max_clicks" not in settings
    assert settings["verdict_rule"] == VerdictRule().to_dict() and settings["verdict_rule"]["max_clicks"] == 2
    assert run["tool_version"] and run["scrapy_version"]
    stats = json.loads(run["stats"])
    assert stats["bereikbaar/shops/done"] == len(sample_server.shops)
    assert stats["bereikbaar/requests/sent"] > len(sample_server.shops)


def _expected_shops(server) -> list:
    return [s for s in server.shops if s.expected]


@pytest.mark.slow
def test_statuses_tiers_clicks_and_values_match_the_manifest(crawled, sample_server) -> None:
    results = {r["shop_id"]: r for r in _rows(crawled.db, "SELECT * FROM results")}
    problems = []
    for shop in _expected_shops(sample_server):
        exp, got = shop.expected, results.get(shop.id)
        if got is None:
            problems.append(f"{shop.id}: no result")
            continue
        if got["status"] != exp.get("status", "ok"):
            problems.append(
                f"{shop.id}: status {got['status']} ({got['status_reason']}), expected {exp.get('status')}"
            )
            continue
        if got["status"] != "ok":
            if got["phone_tier"] is not None or got["compliant"] is not None:
                problems.append(f"{shop.id}: an unassessed shop got tiers or a verdict")
            continue
        for channel in ("phone", "email"):
            want = exp.get(channel) or {}
            for field in ("tier", "clicks", "value"):
                if field in want and got[f"{channel}_{field}"] != want[field]:
                    problems.append(
                        f"{shop.id}: {channel}_{field} {got[f'{channel}_{field}']!r}, expected {want[field]!r}"
                    )
        for field in ("compliant", "contact_form"):
            if field in exp and bool(got[field]) != bool(exp[field]):
                problems.append(f"{shop.id}: {field} {got[field]!r}, expected {exp[field]!r}")
        if "chat_vendors" in exp and sorted(json.loads(got["chat_vendors"])) != sorted(exp["chat_vendors"]):
            problems.append(f"{shop.id}: chat {got['chat_vendors']}, expected {exp['chat_vendors']}")
        if "reason_codes" in exp and sorted(json.loads(got["reason_codes"])) != sorted(exp["reason_codes"]):
            problems.append(f"{shop.id}: reasons {got['reason_codes']}, expected {exp['reason_codes']}")
        if "homepage_path" in exp and not (got["homepage"] or "").endswith(exp["homepage_path"]):
            problems.append(f"{shop.id}: homepage {got['homepage']}, expected path {exp['homepage_path']}")
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_traps_are_never_credited_and_evidence_is_kept(crawled, sample_server) -> None:
    problems = []
    for shop in _expected_shops(sample_server):
        for channel in ("phone", "email"):
            want = shop.expected.get(channel) or {}
            for trap in want.get("traps", []):
                credited = _rows(
                    crawled.db,
                    "SELECT url FROM findings WHERE shop_id = ? AND channel = ? AND value = ? AND tier IS NOT NULL",
                    (shop.id, channel, trap),
                )
                if credited:
                    problems.append(f"{shop.id}: trap {trap} credited on {credited[0]['url']}")
            if want.get("value"):
                rows = _rows(
                    crawled.db,
                    "SELECT * FROM findings WHERE shop_id = ? AND channel = ? AND value = ? AND tier = ?",
                    (shop.id, channel, want["value"], want["tier"]),
                )
                if not rows:
                    problems.append(f"{shop.id}: no {want['tier']} finding for {want['value']}")
                    continue
                row = rows[0]
                if not (
                    row["url"]
                    and row["raw"]
                    and row["context"] is not None
                    and row["source"]
                    and row["region"]
                ):
                    problems.append(f"{shop.id}: finding {want['value']} lacks evidence: {row}")
                if row["clicks"] != want["clicks"]:
                    problems.append(f"{shop.id}: finding {want['value']} at {row['clicks']} clicks")
                if "source" in want and not any(r["source"] == want["source"] for r in rows):
                    problems.append(f"{shop.id}: {want['value']} source {[r['source'] for r in rows]}")
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_pages_keep_text_paths_and_errors(crawled, sample_server) -> None:
    pages = _rows(crawled.db, "SELECT * FROM pages")
    assert pages
    homepages = [p for p in pages if p["clicks"] == 0 and p["error"] is None]
    assert all(p["page_kind"] == "homepage" and p["text"] for p in homepages)
    for p in pages:
        path = json.loads(p["path"])
        assert len(path) == p["clicks"], p
        if p["clicks"]:
            assert p["link_text"] == path[-1]
    # the link graph is stored, and every page's shortest path uses recorded links
    assert _rows(crawled.db, "SELECT count(*) AS n FROM links")[0]["n"] > 0
    per_shop = _rows(crawled.db, "SELECT shop_id, count(*) AS n FROM pages GROUP BY shop_id")
    assert max(r["n"] for r in per_shop) <= 30


# Company register numbers the sample shops print: (shop, value, country).
REGISTER_NUMBERS = [
    ("puzzelparadijs.be", "0712345630", "BE"),  # Ondernemingsnummer in the footer
    ("wohnwerk-hansen.de", "HRB 154321", "DE"),  # Registergericht in the Impressum
]


@pytest.mark.slow
def test_register_numbers_are_stored_under_their_own_channel(crawled, sample_server) -> None:
    assert {shop for shop, _, _ in REGISTER_NUMBERS} <= {s.id for s in sample_server.shops}
    for shop, value, country in REGISTER_NUMBERS:
        rows = _rows(
            crawled.db,
            "SELECT flags FROM findings WHERE shop_id = ? AND channel = 'register' AND value = ?",
            (shop, value),
        )
        assert rows, f"{shop}: register number {value} not stored"
        assert all(f"country:{country}" in json.loads(r["flags"]) for r in rows)
    # the old workaround (register numbers under kvk with a register:CC flag) is gone
    assert not _rows(crawled.db, "SELECT id FROM findings WHERE flags LIKE '%\"register%'")


def _shop_with(server, flag: str):
    return next((s for s in server.shops if flag in s.behaviour), None)


@pytest.mark.slow
@pytest.mark.parametrize(
    "flag, check",
    [
        ("huge_page", "size_limit"),
        ("calendar", "no_trap"),
        ("binary_link", "binary"),
        ("terms_pdf", "pdf"),
        ("subdomain_help", "subdomain"),
    ],
)
def test_bounds_and_special_pages(crawled, sample_server, flag: str, check: str) -> None:
    shop = _shop_with(sample_server, flag)
    if shop is None:
        pytest.skip(f"the sample universe has no {flag} shop yet")
    pages = _rows(crawled.db, "SELECT * FROM pages WHERE shop_id = ?", (shop.id,))
    result = _rows(crawled.db, "SELECT * FROM results WHERE shop_id = ?", (shop.id,))[0]
    assert result["status"] == "ok"
    if check == "size_limit":
        assert all((p["size"] or 0) <= 5 * 1024 * 1024 for p in pages)
        big = [p for p in pages if "/catalogus/volledig" in p["url"]]
        # cut at the limit and analysed up to it (README: "pages are cut at 5 MB"), not dropped
        assert not big or (big[0]["error"] is None and big[0]["size"] == 5 * 1024 * 1024)
    elif check == "no_trap":
        assert sum("agenda" in p["url"] for p in pages) <= 3
    elif check == "binary":
        assert all(p["error"] or p["content_type"] in ("html", "text", "pdf") for p in pages)
    elif check == "pdf":
        assert any(p["content_type"] == "pdf" and p["error"] is None for p in pages)
    elif check == "subdomain":
        assert any(p["url"].split("/")[2].split(":")[0] not in (shop.host,) for p in pages)


# --- kill -9 and resume ----------------------------------------------------------------------


@pytest.mark.slow
def _session_members(sid: int) -> list[int]:
    """PIDs of live processes in session `sid` (Linux /proc)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[3]) == sid:  # state, ppid, pgrp, session
            members.append(int(entry.name))
    return members


def test_killed_crawl_resumes_without_duplicates(tmp_path: Path) -> None:
    from bereikbaar.samples.server import SampleServer

    with SampleServer(delay=0.08) as server:
        shops = server.write_shop_list(tmp_path / "shops.csv")
        db = tmp_path / "resume.db"
        args = ["crawl", str(shops), "--db", str(db), *resolve_args(server), *FAST_CRAWL_ARGS]
        args += ["--concurrency", "2", "-q"]
        proc = subprocess.Popen(
            [sys.executable, "-m", "bereikbaar.cli", *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        done = 0
        try:
            while time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.2)
                if db.exists():
                    try:
                        done = _rows(db, "SELECT count(*) AS n FROM results")[0]["n"]
                    except sqlite3.Error:
                        continue
                    if done >= 2:
                        break
        finally:
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        assert 2 <= done < len(server.shops), "the crawl was not caught midway"
        # the analysis worker processes notice their parent is gone and exit by themselves
        deadline = time.monotonic() + 10
        while _session_members(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _session_members(proc.pid), "processes of the killed crawl were left running"
        run = _rows(db, "SELECT * FROM runs")[0]
        assert run["status"] == "running"
        before = {r["shop_id"]: r["finished_at"] for r in _rows(db, "SELECT * FROM results")}
        resumed = run_cli(*args, "--resume", timeout=120)
        assert resumed.returncode == 0, resumed.stderr[-3000:]
        assert f"resuming run {run['id']}" in resumed.stderr
    runs = _rows(db, "SELECT * FROM runs")
    assert len(runs) == 1 and runs[0]["status"] == "finished"
    results = _rows(db, "SELECT shop_id, finished_at FROM results")
    assert sorted(r["shop_id"] for r in results) == sorted(s.id for s in server.shops)
    kept = {r["shop_id"]: r["finished_at"] for r in results if r["shop_id"] in before}
    assert kept == before  # completed shops were skipped, not crawled again
    dupes = _rows(
        db, "SELECT shop_id, url, count(*) AS n FROM pages GROUP BY run_id, shop_id, url HAVING n > 1"
    )
    assert not dupes


# --- scrapy crawl works too -----------------------------------------------------------------


@pytest.mark.slow
def test_scrapy_crawl_command(sample_server, tmp_path: Path) -> None:
    shop = sample_server.shops[0]
    shops = tmp_path / "one.txt"
    shops.write_text(shop.url + "\n", encoding="utf-8")
    db = tmp_path / "scrapy.db"
    resolve = ",".join(f"{h}={ip}" for h, ip in sample_server.resolve_map.items())
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "shops", "-a", f"shops={shops}", "-a", f"db={db}",
         "-s", f"BEREIKBAAR_RESOLVE={resolve}", "-s", "BEREIKBAAR_RESOLVE_EXCLUSIVE=1",
         "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "LOG_LEVEL=WARNING",
         "-a", "max_clicks=2", "-s", "BEREIKBAAR_VERDICT_MAX_CLICKS=1"],
        capture_output=True, text=True, timeout=120, cwd=root,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = _rows(db, "SELECT * FROM results")
    assert [r["shop_id"] for r in results] == [shop.id]
    assert results[0]["status"] == shop.expected.get("status", "ok")
    # the run records the crawl depth and the verdict rule apart; the report states the rule
    settings = json.loads(_rows(db, "SELECT settings FROM runs")[0]["settings"])
    assert settings["crawl_max_clicks"] == 2 and settings["verdict_rule"]["max_clicks"] == 1
    assert load_report(db).max_clicks == 1
