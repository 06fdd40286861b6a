"""A crawl of shops whose contact page is hostile or unreadable, served on loopback (issue 9 part 3).

Hostile pages that can be read (control characters, NULs, an undeclared Shift-JIS charset, deep
nesting, a page over the size limit) must give their contact details. A contact page that could
not be read (a server error, a connection that breaks off, bytes that are no page, a flood of
number-shaped strings) must leave the channels "not assessed", never `not_found` on an `ok`
shop. A contact page that answers 404 is the shop's own word: there `not_found` is right.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bereikbaar.samples.httpd import LoopbackCluster, Response, ShopEntry, loopback_address
from tests.conftest import FAST_CRAWL_ARGS, resolve_args, run_cli

# Every shop has its own number and address: a value seen on several unrelated shops in one run
# is nobody's (attribution), which would hide what this test looks at.
HTML = "text/html; charset=utf-8"
# The crawl runs with this page size limit; the "big" shop's contact page is three times larger.
PAGE_LIMIT = 1_000_000


def _contact(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>Contact</title></head><body><h1>Contact</h1><p>{body}</p></body></html>"


def _number(host: str) -> int:
    return 10 + list(SHOPS).index(host.removeprefix("www.").split("-")[0])


def _details(host: str) -> str:
    return f"Bel ons op 020-765 43{_number(host)} of mail service@{host.removeprefix('www.')}"


def _home(host: str) -> bytes:
    return (
        f"<html><head><title>{host}</title></head><body><h1>Welkom</h1><p>De beste spullen.</p>"
        '<footer><a href="/contact">Contact</a></footer></body></html>'
    ).encode()


def _flood(host: str) -> bytes:
    rows = "".join(f"<p>{(i * 7919) % 10**10:010d}</p>" for i in range(3000))
    return _contact(_details(host) + "</p>" + rows + "<p>").encode()


def _big(host: str) -> bytes:
    filler = "<p>" + "Lorem ipsum dolor sit amet. " * 40 + "</p>"
    return _contact(_details(host) + "</p>" + filler * (3 * PAGE_LIMIT // len(filler)) + "<p>").encode()


def _broken_stream(host: str):
    def chunks() -> Iterator[bytes]:
        yield _contact("Even geduld")[:60].encode()
        raise ConnectionResetError("the shop's server went away")  # the handler closes the socket

    return chunks


# shop key -> (contact page response factory, expected outcome for both channels)
SHOPS: dict[str, tuple] = {
    "controls": (
        lambda h: Response(200, {"Content-Type": HTML}, _contact("\x0b\x00\x01" + _details(h)).encode()),
        "contact_page",
    ),
    "shiftjis": (
        lambda h: Response(
            200,
            {"Content-Type": "text/html"},
            _contact("お問い合わせ 東京都 " + _details(h)).encode("shift_jis"),
        ),
        "contact_page",
    ),
    "deep": (
        lambda h: Response(200, {"Content-Type": HTML}, ("<div>" * 3000 + _contact(_details(h))).encode()),
        "contact_page",
    ),
    "utf16": (
        lambda h: Response(
            200, {"Content-Type": "text/html"}, ("\ufeff" + _contact(_details(h))).encode("utf-16-le")
        ),
        "contact_page",
    ),
    "big": (lambda h: Response(200, {"Content-Type": HTML}, _big(h)), "contact_page"),
    "binary": (
        lambda h: Response(200, {"Content-Type": HTML}, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
        "analysis_failed",
    ),
    "error": (
        lambda h: Response(500, {"Content-Type": HTML}, b"<h1>Internal Server Error</h1>"),
        "download_failed",
    ),
    "dropped": (
        lambda h: Response(200, {"Content-Type": HTML}, stream=_broken_stream(h), length=50_000),
        "truncated",
    ),
    "flood": (lambda h: Response(200, {"Content-Type": HTML}, _flood(h)), "flooded"),
    "missing": (lambda h: Response(404, {"Content-Type": HTML}, b"<h1>Not found</h1>"), "not_found"),
}


class HostileShops(LoopbackCluster):
    def __init__(self) -> None:
        super().__init__(ip_prefix="127.3.")
        self.kind_of: dict[str, str] = {}
        for index, key in enumerate(SHOPS):
            host = f"www.{key}-winkel.nl"
            ip = self.assign(host, loopback_address(self.ip_prefix, index))
            self.kind_of[host] = key
            self.shops.append(
                ShopEntry(id=f"{key}-winkel.nl", name=key, host=host, url="", ip=ip, country="NL")
            )

    def _after_start(self) -> None:
        for shop in self.shops:
            shop.url = self.url_for(shop.host)

    def route(self, host: str, path: str, query: str, method: str) -> Response:
        if path == "/":
            return Response(200, {"Content-Type": HTML}, _home(host))
        if path == "/contact":
            return SHOPS[self.kind_of[host]][0](host)
        return Response(404, {"Content-Type": HTML}, b"<h1>Not found</h1>")


@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory) -> Iterator[tuple[Path, HostileShops]]:
    tmp = tmp_path_factory.mktemp("hostile")
    with HostileShops() as server:
        shops = server.write_shop_list(tmp / "shops.csv")
        db = tmp / "hostile.db"
        proc = run_cli(
            "crawl", str(shops), "--db", str(db), *resolve_args(server), *FAST_CRAWL_ARGS,
            "--set", f"DOWNLOAD_MAXSIZE={PAGE_LIMIT}", "-q",
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr[-3000:]
        yield db, server


def _rows(db: Path, sql: str, params: tuple = ()) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.parametrize("key", list(SHOPS))
def test_hostile_contact_page(hostile_crawl, key: str) -> None:
    db, _server = hostile_crawl
    expected = SHOPS[key][1]
    result = _rows(db, "SELECT * FROM results WHERE shop_id = ?", (f"{key}-winkel.nl",))[0]
    codes = json.loads(result["reason_codes"] or "[]")
    assert result["status"] == "ok", result["status_reason"]
    if expected == "contact_page":
        assert (result["phone_tier"], result["email_tier"]) == ("contact_page", "contact_page"), codes
        assert result["phone_value"] == f"+312076543{_number(result['shop_id'])}"
    elif expected == "not_found":
        assert (result["phone_tier"], result["email_tier"]) == ("not_found", "not_found")
        assert "phone_not_found" in codes
    else:  # unread: never not_found, the reason code says why
        assert result["phone_tier"] is None and result["email_tier"] is None, codes
        assert {"phone_not_assessed", "email_not_assessed"} <= set(codes)
        assert "phone_not_found" not in codes and "email_not_found" not in codes
        assert result["compliant"] is None
        assert expected in result["status_reason"]
        if expected != "flooded":  # the page row starts with the reason code
            page = _rows(
                db, "SELECT error FROM pages WHERE shop_id = ? AND url LIKE '%/contact'", (result["shop_id"],)
            )
            assert page[0]["error"].startswith(f"{expected}: ")


@pytest.mark.slow
def test_no_ok_shop_is_not_found_because_a_page_was_unreadable(hostile_crawl) -> None:
    db, _server = hostile_crawl
    rows = _rows(
        db,
        "SELECT r.shop_id FROM results r JOIN pages p ON p.shop_id = r.shop_id "
        "WHERE r.status = 'ok' AND (r.phone_tier = 'not_found' OR r.email_tier = 'not_found') "
        "AND p.url LIKE '%/contact' AND p.http_status IS NOT 404",
    )
    assert rows == []


@pytest.mark.slow
def test_page_over_the_size_limit_is_cut_and_analysed(hostile_crawl) -> None:
    db, _server = hostile_crawl
    page = _rows(db, "SELECT * FROM pages WHERE shop_id = 'big-winkel.nl' AND url LIKE '%/contact'")[0]
    assert page["error"] is None
    assert PAGE_LIMIT <= page["size"] <= PAGE_LIMIT + 1
    assert page["content_type"] == "html"


@pytest.mark.slow
def test_check_json_marks_the_channel_not_assessed() -> None:
    with HostileShops() as server:
        shop = next(s for s in server.shops if s.name == "binary")
        proc = run_cli("check", shop.url, "--json", *resolve_args(server), *FAST_CRAWL_ARGS)
        card = run_cli("check", shop.url, *resolve_args(server), *FAST_CRAWL_ARGS)
    assert proc.returncode == 3, proc.stderr[-2000:]
    contract = json.loads(proc.stdout)
    assert contract["status"] == "ok"
    for channel in ("phone", "email"):
        block = contract["channels"][channel]
        assert block["tier"] is None
        assert block["not_assessed"]["code"] == "analysis_failed"
        assert block["not_assessed"]["pages"][0]["url"].endswith("/contact")
    assert contract["verdict"]["compliant"] is None
    assert "Phone number: not assessed (analysis_failed)" in card.stdout
    assert "Verdict: NOT ASSESSED" in card.stdout
