"""A real headless chromium against `bereikbaar serve` on loopback: tables, questions and charts draw.

Everything is served by the local Datasette (vega is bundled with datasette-dashboards), so the
pages must render with no internet; chromium runs with background networking off.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import socket
import struct
import subprocess
import sys
import time
import urllib.request
import zlib
from collections import Counter
from pathlib import Path

import pytest

from tests.fixtures_db import EXPECTED, make_sample_db

CHROMIUM = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make chromium installs it)"),
    pytest.mark.timeout(180),
]

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--hide-scrollbars",
    "--virtual-time-budget=8000",
    "--window-size=1280,1600",
)
BAR_GREEN = bytes((0x1A, 0x98, 0x50))  # the "homepage" / "compliant" colour in reports/metadata.yaml
BAR_RED = bytes((0xD7, 0x30, 0x27))  # the "not_found" / "not compliant" colour


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`bereikbaar serve` on a free loopback port; yields its base URL and stops it afterwards."""
    tmp = tmp_path_factory.mktemp("browser")
    db = make_sample_db(tmp / "results.db")
    port = _free_port()
    log = (tmp / "serve.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bereikbaar.cli",
            "serve",
            str(db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"bereikbaar serve did not start: {(tmp / 'serve.log').read_text()}")
            time.sleep(0.2)
        yield base, tmp
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def _chromium(tmp: Path, *args: str) -> bytes:
    profile = tmp / "profile"
    cmd = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(cmd, capture_output=True, timeout=90, cwd=tmp)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done.stdout


def dump_dom(server, path: str) -> str:
    base, tmp = server
    return _chromium(tmp, "--dump-dom", base + path).decode("utf-8", errors="replace")


def screenshot(server, path: str, name: str) -> Path:
    base, tmp = server
    png = tmp / f"{name}.png"
    _chromium(tmp, f"--screenshot={png}", base + path)
    assert png.exists() and png.stat().st_size > 0
    return png


def decode_png(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """Width, height, bytes per pixel and unfiltered rows of an 8-bit RGB/RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:  # Sub
            for x in range(bpp, stride):
                line[x] = (line[x] + line[x - bpp]) & 255
        elif kind == 2:  # Up
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif kind == 3:  # Average
            for x in range(stride):
                left = line[x - bpp] if x >= bpp else 0
                line[x] = (line[x] + ((left + prev[x]) >> 1)) & 255
        elif kind == 4:  # Paeth
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = prev[x]
                c = prev[x - bpp] if x >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def pixel_stats(png: Path) -> tuple[float, dict[bytes, int]]:
    """Share of pixels that differ from the background colour, and counts of the chart colours."""
    width, height, bpp, rows = decode_png(png.read_bytes())
    sample = Counter(row[x : x + 3] for row in rows[::4] for x in range(0, width * bpp, 4 * bpp))
    background, most = sample.most_common(1)[0]
    busy = 1 - most / sum(sample.values())
    colours = {}
    for colour in (BAR_GREEN, BAR_RED):
        needle = colour if bpp == 3 else colour + b"\xff"
        colours[colour] = sum(row.count(needle) for row in rows)
    return busy, colours


def test_png_decoder_reads_every_filter_type():
    """The decoder is ours, so check it on a PNG whose rows use filters 0-4."""
    width, bpp = 3, 3
    image = [bytes([10 * y + x for x in range(width * bpp)]) for y in range(5)]
    raw = b""
    prev = bytes(width * bpp)
    for kind, row in enumerate(image):
        if kind == 0:
            encoded = row
        elif kind == 1:
            encoded = bytes((row[x] - (row[x - bpp] if x >= bpp else 0)) & 255 for x in range(len(row)))
        elif kind == 2:
            encoded = bytes((row[x] - prev[x]) & 255 for x in range(len(row)))
        elif kind == 3:
            encoded = bytes(
                (row[x] - (((row[x - bpp] if x >= bpp else 0) + prev[x]) >> 1)) & 255 for x in range(len(row))
            )
        else:
            out = []
            for x in range(len(row)):
                a, b = (row[x - bpp] if x >= bpp else 0), prev[x]
                c = prev[x - bpp] if x >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                out.append((row[x] - (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255)
            encoded = bytes(out)
        raw += bytes([kind]) + encoded
        prev = row

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, 5, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    assert decode_png(png) == (width, 5, bpp, image)


def test_dashboard_draws_its_charts(server):
    dom = dump_dom(server, "/-/dashboards/overview")
    # vega rendered SVG marks: one bar per tier for phone and e-mail, stacked bars, a line
    assert len(re.findall(r'class="mark-rect role-mark', dom)) == 3
    assert len(re.findall(r'class="mark-line role-mark', dom)) == 1
    bars = re.findall(r'aria-label="tier \(best first\): (\w+); assessed shops: (\d+)', dom)
    phone = [("homepage", "2"), ("contact_page", "2"), ("other_page", "2")]
    email = [("homepage", "3"), ("contact_page", "2"), ("other_page", "1")]
    rest = [("legal_only", "1"), ("chat_only", "1"), ("not_found", "1")]
    assert bars == phone + rest + email + rest
    metrics = re.findall(r'font-weight: 900;">([^<]+)</p>', dom)
    assert metrics == ["9", "33 %", "2", "4"]
    assert "Error" not in re.sub(r"<script.*?</script>", "", dom, flags=re.S)


def test_dashboard_screenshot_is_not_blank(server):
    png = screenshot(server, "/-/dashboards/overview", "dashboard")
    busy, colours = pixel_stats(png)
    assert busy > 0.05, f"only {busy:.1%} of the screenshot differs from the background"
    assert colours[BAR_GREEN] > 2000, "no green (homepage / compliant) bars were painted"
    assert colours[BAR_RED] > 1000, "no red (not found / not compliant) bars were painted"


def test_results_table_page(server):
    dom = dump_dom(server, "/bereikbaar/latest_results")
    table = re.search(r'<table class="rows-and-columns">.*?</table>', dom, re.S)
    assert table, "no results table"
    assert len(re.findall(r"<tr>", table.group(0))) >= 13
    assert "fietsplaza.nl" in table.group(0) and "chat_only" in table.group(0)
    assert 'class="facet-info' in dom or "facet-results" in dom
    busy, _ = pixel_stats(screenshot(server, "/bereikbaar/latest_results", "table"))
    assert busy > 0.05


def test_canned_query_page(server):
    dom = dump_dom(server, "/bereikbaar/phone_not_findable")
    assert 'name="max_clicks"' in dom
    table = re.search(r'<table class="rows-and-columns">.*?</table>', dom, re.S)
    assert table, "the canned query showed no table"
    for shop in EXPECTED["phone_not_findable"]:
        assert shop in table.group(0), shop
    assert "fietsplaza.nl" not in table.group(0)
    busy, _ = pixel_stats(screenshot(server, "/bereikbaar/phone_not_findable", "query"))
    assert busy > 0.05


def test_server_stops_cleanly_on_terminate(tmp_path):
    """The serve process ends on SIGTERM (what the fixture and the demo rely on)."""
    db = make_sample_db(tmp_path / "results.db")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bereikbaar.cli", "serve", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            time.sleep(0.2)
        proc.terminate()
        assert proc.wait(timeout=10) is not None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
