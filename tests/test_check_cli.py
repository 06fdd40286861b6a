"""`bereikbaar check`: the JSON contract of DESIGN.md, the report card and the exit codes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import FAST_CRAWL_ARGS, resolve_args, run_cli

CONTRACT_KEYS = {"shop", "homepage", "status", "pages_crawled", "channels", "chat", "contact_form", "verdict"}
PHONE_FOUND_KEYS = {
    "value",
    "type",
    "raw",
    "tier",
    "clicks",
    "url",
    "page_type",
    "source",
    "owner",
    "owner_reason",
}
EMAIL_FOUND_KEYS = PHONE_FOUND_KEYS - {"type"}
EXIT_FOR = {True: 0, False: 1}


def _check(server, url: str, *extra: str):
    return run_cli("check", url, *resolve_args(server), *FAST_CRAWL_ARGS, *extra, timeout=90)


def _shop(server, *, status: str = "ok", compliant: bool | None = None, flag: str | None = None):
    for shop in server.shops:
        exp = shop.expected
        if exp.get("status", "ok") != status:
            continue
        if compliant is not None and exp.get("compliant") is not compliant:
            continue
        if flag is not None and flag not in shop.behaviour:
            continue
        return shop
    pytest.skip(f"no sample shop with status={status} compliant={compliant} flag={flag}")


def _assert_contract(data: dict) -> None:
    assert set(data) == CONTRACT_KEYS
    assert set(data["channels"]) == {"phone", "email"}
    for name, keys in (("phone", PHONE_FOUND_KEYS), ("email", EMAIL_FOUND_KEYS)):
        channel = data["channels"][name]
        assert set(channel) == {"tier", "clicks", "found", "not_credited"}
        for found in channel["found"]:
            assert set(found) == keys
            assert found["owner"] == "shop" and found["owner_reason"]
        for other in channel["not_credited"]:
            assert set(other) == keys
            assert other["owner"] in ("third_party", "unknown") and other["owner_reason"]
            assert other["tier"] is None
            if name == "phone":
                assert found["value"].startswith("+")
            else:
                assert found["value"] == found["value"].lower()
    assert set(data["chat"]) == {"present", "vendors"}
    assert all(v == v.lower() for v in data["chat"]["vendors"])
    assert set(data["contact_form"]) == {"present"}
    assert set(data["verdict"]) == {"compliant", "reasons"}


@pytest.mark.slow
@pytest.mark.parametrize("compliant", [True, False])
def test_json_contract_and_exit_code_for_assessed_shops(sample_server, compliant: bool) -> None:
    shop = _shop(sample_server, compliant=compliant)
    proc = _check(sample_server, shop.url, "--json")
    assert proc.returncode == EXIT_FOR[compliant], proc.stderr[-2000:]
    data = json.loads(proc.stdout)
    _assert_contract(data)
    exp = shop.expected
    assert data["shop"] == shop.id and data["status"] == "ok" and data["pages_crawled"] >= 1
    assert data["verdict"]["compliant"] is compliant
    assert bool(data["verdict"]["reasons"]) is (not compliant)
    for channel in ("phone", "email"):
        want = exp.get(channel) or {}
        got = data["channels"][channel]
        assert got["tier"] == want.get("tier") and got["clicks"] == want.get("clicks")
        if want.get("value"):
            assert want["value"] in [f["value"] for f in got["found"]]
        for trap in want.get("traps", []):
            assert trap not in [f["value"] for f in got["found"]]  # third parties stay out of `found`


@pytest.mark.slow
@pytest.mark.parametrize("status", ["unreachable", "blocked", "robots_disallowed", "error"])
def test_unassessable_shops_exit_3_without_tiers(sample_server, status: str) -> None:
    shop = _shop(sample_server, status=status)
    proc = _check(sample_server, shop.url, "--json")
    assert proc.returncode == 3, proc.stderr[-2000:]
    data = json.loads(proc.stdout)
    _assert_contract(data)
    assert data["status"] == status
    assert data["channels"]["phone"]["tier"] is None and data["verdict"]["compliant"] is None
    assert data["verdict"]["reasons"]


@pytest.mark.slow
def test_report_card_names_the_route_and_stores_with_db(sample_server, tmp_path: Path) -> None:
    shop = next((s for s in sample_server.shops if (s.expected.get("phone") or {}).get("clicks") == 2), None)
    if shop is None:
        pytest.skip("no sample shop with its phone two clicks deep")
    db = tmp_path / "check.db"
    proc = _check(sample_server, shop.url, "--db", str(db))
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    card = proc.stdout
    assert f"report card: {shop.id}" in card
    assert "Phone number:" in card and "E-mail address:" in card and "Verdict:" in card
    assert "2 clicks from the homepage, via" in card and " > " in card
    assert "Chat / messaging:" in card and "Contact form:" in card
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT shop_id, status, phone_clicks FROM results").fetchall()
    finally:
        conn.close()
    assert rows == [(shop.id, "ok", 2)]


def test_card_for_an_unreachable_shop_says_we_could_not_look(sample_server) -> None:
    # a name that is not in the --resolve map: exclusive mode refuses it, nothing leaves loopback
    proc = _check(sample_server, "http://www.not-in-the-map.nl/")
    assert proc.returncode == 3
    assert "Could not assess" in proc.stdout and "unreachable" in proc.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["ftp://shop.nl"], "not a shop URL"),
        (["shop"], "not a shop URL"),
        ([], "Missing argument"),
        (["shop.nl", "--max-pages", "0"], "--max-pages"),
        (["shop.nl", "--resolve", "shop.nl"], "HOST=IP"),
        (["shop.nl", "--resolve-only"], "--resolve-only needs"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    proc = run_cli("check", *args, timeout=60)
    assert proc.returncode == 2
    assert message in proc.stderr


def test_crawl_usage_errors_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "shops.csv"
    bad.write_text("url,rank\nbol.com,1\nftp://x.nl,2\nshop.nl,two\n", encoding="utf-8")
    proc = run_cli("crawl", str(bad), "--db", str(tmp_path / "r.db"), timeout=60)
    assert proc.returncode == 2
    assert "line 3" in proc.stderr and "line 4" in proc.stderr
    missing = run_cli("crawl", str(tmp_path / "nope.csv"), "--db", str(tmp_path / "r.db"), timeout=60)
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    not_db = tmp_path / "notes.db"
    not_db.write_text("hello", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("bol.com\n", encoding="utf-8")
    wrong = run_cli("crawl", str(good), "--db", str(not_db), timeout=60)
    assert wrong.returncode == 2 and "not a SQLite database" in wrong.stderr
