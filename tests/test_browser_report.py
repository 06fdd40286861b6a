"""A real headless chromium renders the HTML report: the page is not blank and the SVG charts are in the DOM."""

from __future__ import annotations

import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from bereikbaar.commands.report import command
from tests.report_fixture import make_report_db

CHROMIUM = Path("/usr/bin/chromium")
BASE_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
TIMEOUT_S = 90

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (make chromium)"
    ),
]


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA non-interlaced PNG: (width, channels, rows of raw pixel bytes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, channels, rows


def non_white_share(png: bytes, step: int = 4) -> float:
    """Share of sampled pixels that are clearly not white."""
    width, channels, rows = png_pixels(png)
    seen = dark = 0
    for row in rows[::step]:
        for x in range(0, width, step):
            r, g, b = row[x * channels : x * channels + 3]
            seen += 1
            dark += (r + g + b) < 600
    return dark / seen


def _png(width: int, height: int, rgb: tuple[int, int, int], filter_type: int = 0) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    if filter_type == 1:  # Sub: every pixel after the first is a zero difference
        line = bytes([1, *rgb]) + bytes(3 * (width - 1))
    else:
        line = bytes([0]) + bytes(rgb) * width
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(line * height))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("rgb", "filter_type", "expected"),
    [((255, 255, 255), 0, 0.0), ((0, 0, 0), 0, 1.0), ((255, 255, 255), 1, 0.0), ((20, 40, 60), 1, 1.0)],
)
def test_blank_check_tells_white_from_ink(
    rgb: tuple[int, int, int], filter_type: int, expected: float
) -> None:
    assert non_white_share(_png(16, 16, rgb, filter_type), step=1) == expected


@pytest.fixture(scope="module")
def report_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("browser")
    db = make_report_db(tmp / "results.db")
    out = tmp / "report.html"
    result = CliRunner().invoke(command, [str(db), "--compare", "1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [str(CHROMIUM), *BASE_FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False)


def test_screenshot_is_not_blank(report_html: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    proc = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", report_html.as_uri())
    assert shot.exists(), proc.stderr.decode(errors="replace")[-2000:]
    share = non_white_share(shot.read_bytes())
    # text, cards, tables and coloured bars: a rendered report is well above 3% ink; a blank page is 0
    assert share > 0.03, share


def test_dom_contains_the_svg_charts(report_html: Path, tmp_path: Path) -> None:
    proc = chromium(tmp_path, "--dump-dom", report_html.as_uri())
    dom = proc.stdout.decode("utf-8", errors="replace")
    assert "<svg" in dom, proc.stderr.decode(errors="replace")[-2000:]
    for chart_id in ("chart-phone-tiers", "chart-email-tiers", "chart-categories", "chart-runs"):
        assert f'id="{chart_id}"' in dom
    assert dom.count('class="c-bar"') == 6 + 6 + 11 + 2
    assert "Shop by shop" in dom
    assert "<script" not in dom
