"""The sample universe: the loopback server, the manifest, the dynamic traps and the terms PDF."""

from __future__ import annotations

import csv
import http.client
import io
import ipaddress
import re
import socket
import urllib.robotparser
from collections import deque
from urllib.parse import urljoin, urlsplit

import phonenumbers
import pypdf
import pytest

from bereikbaar.samples import SampleServer, load_manifest, synthetic_server
from bereikbaar.samples.dynamic import HUGE_PAGE_BYTES
from bereikbaar.samples.make_pdf import PDF_PATH, build_pdf
from bereikbaar.samples.server import BEHAVIOURS, CALENDAR_PATH, HUGE_PAGE_PATH
from bereikbaar.samples.sitegen.obfuscate import cfemail_decode, cfemail_hex

pytestmark = pytest.mark.timeout(120)

TIERS = ("homepage", "contact_page", "other_page", "legal_only", "chat_only", "not_found")
STATUSES = ("ok", "unreachable", "blocked", "robots_disallowed", "error")
REASON_CODES = {
    "phone_not_found", "phone_legal_only", "phone_chat_only", "phone_too_deep", "phone_extra_cost",
    "email_not_found", "email_legal_only", "email_chat_only", "email_too_deep", "email_form_only",
}  # fmt: skip
MANIFEST = load_manifest()
SHOPS = MANIFEST["shops"]
_HREF = re.compile(r'href="([^"]+)"')


@pytest.fixture(scope="module")
def server():
    with SampleServer() as running:
        yield running


def fetch(server, host: str, path: str = "/", method: str = "GET", limit: int = 3_000_000):
    conn = http.client.HTTPConnection(server.resolve_map[host], server.port, timeout=10)
    try:
        conn.request(method, path, headers={"Host": host, "User-Agent": "bereikbaar-tests"})
        response = conn.getresponse()
        body = response.read(limit)
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        conn.close()


# --- the manifest ---------------------------------------------------------------------------


@pytest.mark.parametrize("shop", SHOPS, ids=[s["id"] for s in SHOPS])
def test_manifest_entry_is_complete(shop):
    for key in (
        "id",
        "name",
        "host",
        "category",
        "country",
        "platform",
        "rank",
        "behaviour",
        "tests",
        "expected",
    ):
        assert shop.get(key) not in (None, ""), f"{shop['id']} lacks {key}"
    assert shop["id"] == shop["host"].removeprefix("www.")
    assert set(shop["behaviour"]) <= set(BEHAVIOURS)
    expected = shop["expected"]
    assert expected["status"] in STATUSES
    if expected["status"] != "ok":
        assert expected["compliant"] is None and expected["phone"] is None and expected["email"] is None
        return
    assert isinstance(expected["compliant"], bool) and isinstance(expected["contact_form"], bool)
    assert set(expected["reason_codes"]) <= REASON_CODES
    assert expected["compliant"] == (not expected["reason_codes"])
    for channel in ("phone", "email"):
        result = expected[channel]
        assert result["tier"] in TIERS
        if result["tier"] in ("chat_only", "not_found"):
            assert result["value"] is None and result["clicks"] is None
            continue
        assert isinstance(result["clicks"], int) and result["clicks"] >= 0
        assert (result["clicks"] == 0) == (result["tier"] == "homepage")
        if channel == "phone":
            number = phonenumbers.parse(result["value"])
            assert phonenumbers.is_valid_number(number)
            assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == result["value"]
        else:
            assert result["value"] == result["value"].lower() and "@" in result["value"]
    if expected["phone"]["tier"] == "chat_only" or expected["email"]["tier"] == "chat_only":
        assert expected["chat_vendors"], "a chat_only tier needs a chat widget"


def test_manifest_covers_every_tier_and_status():
    ok = [s["expected"] for s in SHOPS if s["expected"]["status"] == "ok"]
    for channel in ("phone", "email"):
        assert {e[channel]["tier"] for e in ok} == set(TIERS), channel
    assert {s["expected"]["status"] for s in SHOPS} == set(STATUSES)
    assert {s["platform"] for s in SHOPS} >= {"shopify", "woocommerce", "magento", "lightspeed", "prestashop",
                                              "shopware", "handbuilt"}  # fmt: skip
    assert {s["country"] for s in SHOPS} >= {"NL", "BE", "DE"}
    assert len({s["id"] for s in SHOPS}) == len(SHOPS) and len(SHOPS) >= 20
    assert {r for e in ok for r in e["reason_codes"]} >= REASON_CODES - {"email_too_deep"}


# --- the server -----------------------------------------------------------------------------


def test_resolve_map_is_loopback_only_and_shares_one_port(server):
    assert server.port > 0
    hosts = {s["host"] for s in SHOPS} | {h for s in SHOPS for h in s["extra_hosts"]}
    assert hosts <= set(server.resolve_map)
    assert all(ipaddress.ip_address(ip).is_loopback for ip in server.resolve_map.values())
    help_ip = server.resolve_map["klantenservice.pixelplein.nl"]
    assert help_ip != server.resolve_map["www.pixelplein.nl"]
    assert len({e.ip for e in server.shops}) == len(server.shops)
    for entry in server.shops:
        assert entry.url == f"http://{entry.host}:{server.port}/"


@pytest.mark.parametrize("shop", SHOPS, ids=[s["id"] for s in SHOPS])
def test_every_shop_answers_as_its_behaviour_says(server, shop):
    host, flags = shop["host"], set(shop["behaviour"])
    if "refused" in flags:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection((server.resolve_map[host], server.port), timeout=5).close()
        return
    status, headers, body = fetch(server, host)
    if "forbidden" in flags:
        assert status == 403 and fetch(server, host, "/robots.txt")[0] == 403
    elif "bot_wall" in flags:
        assert status == 200 and b"Just a moment..." in body and headers["server"] == "cloudflare"
    elif "redirect_loop" in flags:
        assert status == 302 and headers["location"] == "/home/"
        assert fetch(server, host, "/home/")[1]["location"] == "/"
    elif "redirect_home" in flags:
        assert status == 301 and headers["location"] == f"http://{host}:{server.port}/nl/"
        status, headers, body = fetch(server, host, "/nl/")
        assert status == 200 and shop["name"].encode() in body
    else:
        assert status == 200 and headers["content-type"].startswith("text/html")
        assert shop["name"].encode() in body and b"<title>" in body
    if "robots_disallow_all" in flags:
        status, headers, robots = fetch(server, host, "/robots.txt")
        assert headers["content-type"].startswith("text/plain") and b"Disallow: /\n" in robots
    for extra in shop["extra_hosts"]:
        assert fetch(server, extra)[0] == 200


def test_apex_redirects_to_www_and_unknown_paths_404(server):
    status, headers, _ = fetch(server, "fietsplaza.nl", "/contact/?a=1")
    assert status == 301 and headers["location"] == f"http://www.fietsplaza.nl:{server.port}/contact/?a=1"
    status, headers, body = fetch(server, "www.fietsplaza.nl", "/bestaat-niet")
    assert status == 404 and b"Fietsplaza" in body
    assert fetch(server, "www.fietsplaza.nl", "/../universe.json")[0] == 404
    assert fetch(server, "www.pixelplein.nl", "/_hosts/klantenservice.pixelplein.nl/contact")[0] == 404


def test_routing_by_host_header_first_then_local_address(server):
    ip = server.resolve_map["www.fietsplaza.nl"]
    conn = http.client.HTTPConnection(ip, server.port, timeout=5)
    conn.request("GET", "/", headers={"Host": f"www.lampenloods.nl:{server.port}"})
    assert b"Lampenloods" in conn.getresponse().read()
    conn.request("GET", "/", headers={"Host": "unknown.example"})
    assert b"Fietsplaza" in conn.getresponse().read()
    conn.close()


def test_absolute_links_are_rewritten_to_the_loopback_port(server):
    _, _, body = fetch(server, "www.pixelplein.nl")
    assert f'href="http://klantenservice.pixelplein.nl:{server.port}/"'.encode() in body
    assert b"https://klantenservice.pixelplein.nl" not in body
    _, _, body = fetch(server, "www.snelbezorgd.nl")
    assert b"https://static.zdassets.com/ekr/snippet.js" in body  # third-party hosts stay as they are
    _, _, robots = fetch(server, "www.bonenbaron.nl", "/robots.txt")
    assert f"Sitemap: http://www.bonenbaron.nl:{server.port}/sitemap_index.xml".encode() in robots


def test_request_counts_and_head(server):
    host = "www.tuinhuys.nl"
    before = server.request_counts.get(host, 0)
    status, headers, body = fetch(server, host, "/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 20_000
    fetch(server, host, "/contact/")
    assert server.request_counts[host] == before + 2


def test_content_types(server):
    _, headers, body = fetch(server, "www.onderdelenhal.nl", "/downloads/prijslijst-2025")
    assert headers["content-type"] == "application/octet-stream" and body.startswith(b"PK")
    _, headers, body = fetch(server, "www.vloerenvak.nl", "/media/algemene-voorwaarden-vloerenvak.pdf")
    assert headers["content-type"] == "application/pdf" and body.startswith(b"%PDF-1.4")


def test_huge_page_streams_20_mb(server):
    conn = http.client.HTTPConnection(server.resolve_map["www.onderdelenhal.nl"], server.port, timeout=30)
    conn.request("GET", HUGE_PAGE_PATH, headers={"Host": "www.onderdelenhal.nl"})
    response = conn.getresponse()
    assert int(response.getheader("Content-Length")) == HUGE_PAGE_BYTES
    total, first = 0, b""
    while chunk := response.read(1 << 20):
        first = first or chunk
        total += len(chunk)
    conn.close()
    assert total == HUGE_PAGE_BYTES and first.startswith(b"<!DOCTYPE html>")
    _, _, home = fetch(server, "www.onderdelenhal.nl")
    assert f'href="{HUGE_PAGE_PATH}"'.encode() in home


def test_calendar_never_ends(server):
    host, path, seen = "www.wilgenhof-tuin.nl", CALENDAR_PATH, set()
    for _ in range(40):  # bounded walk: every month links to a new next month
        status, _, body = fetch(server, host, path)
        assert status == 200
        following = re.search(rb'rel="next" href="([^"]+)"', body)
        assert following is not None
        path = following.group(1).decode().replace("&amp;", "&")
        assert path not in seen
        seen.add(path)
    assert path.startswith("/agenda?maand=2028-")


def test_stop_releases_the_port():
    running = SampleServer().start()
    ip, port = running.resolve_map["www.fietsplaza.nl"], running.port
    assert fetch(running, "www.fietsplaza.nl")[0] == 200
    running.stop()
    with pytest.raises(OSError):
        socket.create_connection((ip, port), timeout=2).close()
    again = SampleServer(port=port).start()  # the same port can be bound again at once
    try:
        assert again.port == port
    finally:
        again.stop()


def test_write_shop_list(server, tmp_path):
    rows = list(csv.DictReader(server.write_shop_list(tmp_path / "shops.csv").open(encoding="utf-8")))
    assert list(rows[0]) == ["url", "name", "rank", "category", "country"]
    assert len(rows) == len(SHOPS) and rows[0]["url"] == f"http://www.fietsplaza.nl:{server.port}/"
    lines = server.write_shop_list(tmp_path / "shops.txt", fmt="txt").read_text().splitlines()
    assert [line for line in lines if not line.startswith("#")] == [s.url for s in server.shops]
    with pytest.raises(ValueError):
        server.write_shop_list(tmp_path / "x", fmt="xml")


# --- the hand-written expectations agree with the served site graph --------------------------


def _needle(channel: str, value: str) -> bytes:
    if channel == "phone":
        return str(phonenumbers.parse(value).national_number).encode()
    return _squeeze(value.encode())


def _squeeze(body: bytes) -> bytes:
    return re.sub(rb"[\s\-./()]|&nbsp;|&#160;", b"", body)


def _bfs(server, shop) -> dict[str, tuple[int, bytes]]:
    """Every page of a shop reachable from its homepage, with the fewest clicks (robots obeyed)."""
    hosts = {shop["host"], *shop["extra_hosts"]}
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(fetch(server, shop["host"], "/robots.txt")[2].decode(errors="replace").splitlines())
    start = f"http://{shop['host']}:{server.port}/"
    status, headers, _ = fetch(server, shop["host"])
    if status in (301, 302):
        start = urljoin(start, headers["location"])
    pages: dict[str, tuple[int, bytes]] = {}
    queue, seen = deque([(start, 0)]), {start}
    while queue and len(pages) < 150:
        url, clicks = queue.popleft()
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path.startswith((CALENDAR_PATH, HUGE_PAGE_PATH, "/downloads/")) or not robots.can_fetch("*", path):
            continue
        status, headers, body = fetch(server, parts.hostname, path)
        if status != 200:
            continue
        pages[url] = (clicks, body)
        if clicks >= 4 or not headers["content-type"].startswith("text/html"):
            continue
        for href in _HREF.findall(body.decode()):
            target = urljoin(url, href.replace("&amp;", "&")).split("#")[0]
            if urlsplit(target).hostname in hosts and target not in seen:
                seen.add(target)
                queue.append((target, clicks + 1))
    return pages


OK_SHOPS = [s for s in SHOPS if s["expected"]["status"] == "ok"]


@pytest.mark.parametrize("shop", OK_SHOPS, ids=[s["id"] for s in OK_SHOPS])
def test_expected_clicks_match_the_site(server, shop):
    pages = _bfs(server, shop)
    assert len(pages) >= 5
    for channel in ("phone", "email"):
        result = shop["expected"][channel]
        value = result["value"] or result.get("invisible_value")
        if value is None or result.get("source") in ("cfemail", "deobfuscated"):
            continue
        needle = _needle(channel, value)
        clicks = [c for c, body in pages.values() if needle in _squeeze(body)]
        assert clicks, f"{shop['id']}: {value} appears on no reachable page"
        if result["clicks"] is not None:
            assert min(clicks) == result["clicks"], f"{shop['id']} {channel}"
        for trap in result.get("traps", []):
            assert any(_needle(channel, trap) in _squeeze(body) for _, body in pages.values()), trap


def test_obfuscated_addresses_decode_to_the_expected_value(server):
    _, _, body = fetch(server, "www.lampenloods.nl")
    codes = set(re.findall(rb'data-cfemail="([0-9a-f]+)"', body))
    assert {cfemail_decode(c.decode()) for c in codes} == {"info@lampenloods.nl"}
    assert cfemail_hex("info@shop.nl", 0x5A) == "5a33343c351a2932352a743436"  # DOMAIN.md worked example
    _, _, body = fetch(server, "www.speelgoedzolder.nl")
    encoded = re.search(rb"decodeURIComponent\('([^']+)'\)", body).group(1).decode()
    from urllib.parse import unquote

    assert 'mailto:klantenservice@speelgoedzolder.nl"' in unquote(encoded)
    assert b"klantenservice@speelgoedzolder.nl" not in body
    _, _, body = fetch(server, "www.puzzelparadijs.be", "/contacteer-ons")
    assert b"info [at] puzzelparadijs (punt) be" in body and b"info@puzzelparadijs.be" not in body


# --- the PDF --------------------------------------------------------------------------------


def test_terms_pdf_is_the_script_output_and_extracts():
    data = PDF_PATH.read_bytes()
    assert data == build_pdf()
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 2
    assert "Telefoonnummer: 0318 694 200" in text and "verkoop@vloerenvak.nl" in text
    xref_at = int(data.rsplit(b"startxref", 1)[1].split()[0])
    assert data[xref_at:].startswith(b"xref\n0 ")


# --- the synthetic benchmark universe -------------------------------------------------------


def test_synthetic_universe_routes_many_hosts_over_few_addresses(tmp_path):
    with synthetic_server(12, delay=0.0, pages_per_shop=10, ip_count=3) as bench:
        assert len(bench.shops) == 12 and len(set(bench.resolve_map.values())) == 3
        assert all(ipaddress.ip_address(ip).is_loopback for ip in bench.resolve_map.values())
        tiers = {s.expected["phone"]["tier"] for s in bench.shops}
        assert {"homepage", "contact_page", "legal_only", "chat_only"} <= tiers
        deep = next(s for s in bench.shops if s.expected["phone"]["clicks"] == 2)
        status, _, body = fetch(bench, deep.host, "/klantenservice/contact")
        assert status == 200 and deep.expected["email"]["value"].encode() in body
        _, _, home = fetch(bench, deep.host)
        assert b'href="/klantenservice/contact"' not in home and b'href="/producten/artikel-2"' in home
        assert fetch(bench, deep.host, "/producten/artikel-2")[0] == 200
        assert bench.request_counts[deep.host] == 3
        rows = list(csv.DictReader(bench.write_shop_list(tmp_path / "bench.csv").open()))
        assert rows[0]["url"] == bench.shops[0].url
    with pytest.raises(ValueError):
        synthetic_server(3, delay=0.0, pages_per_shop=2)
