"""Pages the sample server makes up on the fly: the endless calendar, the 20 MB catalogue,
the bot wall, the 403 page and the 404 page."""

from __future__ import annotations

import html
from collections.abc import Iterator

HUGE_PAGE_BYTES = 20 * 1024 * 1024
HUGE_CHUNK_ROWS = 400
CALENDAR_START = (2025, 1)
MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
WORKSHOPS = (
    "Bonsai snoeien voor beginners",
    "Kerststukjes maken",
    "Moestuin: zaaien onder glas",
    "Rozen verzorgen",
    "Kinderworkshop: vogelhuisje timmeren",
    "Vaste planten combineren",
)


def parse_month(value: str) -> tuple[int, int]:
    """`2025-03` -> (2025, 3); anything unreadable gives the calendar's first month."""
    try:
        year_text, month_text = value.split("-", 1)
        year, month = int(year_text), int(month_text)
    except ValueError:
        return CALENDAR_START
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        return CALENDAR_START
    return year, month


def _shift(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def calendar_page(shop_name: str, query_month: str) -> bytes:
    """One month of workshops with a link to the next month, and the one after that, forever."""
    year, month = parse_month(query_month)
    prev_y, prev_m = _shift(year, month, -1)
    next_y, next_m = _shift(year, month, 1)
    title = f"Agenda {MONTHS_NL[month - 1]} {year}"
    items = []
    for day in (3, 11, 19, 27):
        workshop = WORKSHOPS[(year * 12 + month + day) % len(WORKSHOPS)]
        items.append(
            f'<li class="event"><time datetime="{year:04d}-{month:02d}-{day:02d}">{day} '
            f"{MONTHS_NL[month - 1]}</time> <strong>{html.escape(workshop)}</strong> "
            f'<a href="/agenda?maand={year:04d}-{month:02d}&amp;dag={day}">Aanmelden</a></li>'
        )
    name = html.escape(shop_name)
    body = f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>{title} | {name}</title>
<meta name="robots" content="noindex, follow"></head>
<body class="page-agenda">
<header><a href="/">{name}</a> <nav><a href="/">Home</a> <a href="/agenda">Agenda</a></nav></header>
<main><h1>{title}</h1>
<p>Workshops en evenementen in ons tuincentrum. Aanmelden is gratis.</p>
<ul class="events">{"".join(items)}</ul>
<nav class="pager">
<a rel="prev" href="/agenda?maand={prev_y:04d}-{prev_m:02d}">&laquo; {MONTHS_NL[prev_m - 1]} {prev_y}</a>
<a rel="next" href="/agenda?maand={next_y:04d}-{next_m:02d}">{MONTHS_NL[next_m - 1]} {next_y} &raquo;</a>
</nav></main>
<footer><a href="/">Terug naar de winkel</a></footer>
</body></html>
"""
    return body.encode("utf-8")


def _huge_rows(start: int) -> bytes:
    rows = []
    for i in range(start, start + HUGE_CHUNK_ROWS):
        rows.append(
            f'<tr><td class="sku">ART-{i:07d}</td><td><a href="/catalogus/artikel/{i}">Fietsonderdeel '
            f"type {i % 97} maat {i % 13}</a></td><td>&euro; {(i % 5000) / 100 + 1:.2f}</td>"
            f"<td>{'op voorraad' if i % 3 else 'levertijd 3-5 werkdagen'}</td></tr>\n"
        )
    return "".join(rows).encode("utf-8")


def huge_page(shop_name: str, size: int = HUGE_PAGE_BYTES) -> tuple[int, Iterator[bytes]]:
    """(Content-Length, chunks) of a catalogue page of exactly `size` bytes, made as it streams."""
    name = html.escape(shop_name)
    head = (
        f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>Volledige catalogus | {name}'
        '</title></head><body><h1>Volledige catalogus</h1><table class="catalogus">\n'
    ).encode()
    tail = b"</table></body></html>\n"
    if size < len(head) + len(tail):
        raise ValueError(f"a huge page needs at least {len(head) + len(tail)} bytes")

    def chunks() -> Iterator[bytes]:
        yield head
        remaining = size - len(head) - len(tail)
        row = 0
        while remaining > 0:
            block = _huge_rows(row)
            row += HUGE_CHUNK_ROWS
            if len(block) > remaining:
                block = b" " * remaining  # pad the last bytes with whitespace, never cut a tag
            remaining -= len(block)
            yield block
        yield tail

    return size, chunks()


def bot_wall_page() -> bytes:
    """A Cloudflare-style JavaScript challenge ("Just a moment...") served with status 200."""
    return b"""<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=Edge">
<meta name="robots" content="noindex,nofollow">
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>*{box-sizing:border-box;margin:0;padding:0}html{line-height:1.15}body{display:flex;flex-direction:column;height:100vh;min-height:100vh}.main-content{margin:8rem auto;max-width:60rem;padding-left:1.5rem}</style>
</head><body><div class="main-wrapper" role="main"><div class="main-content">
<noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript>
<h1 class="zone-name-title h1">Verifying you are human. This may take a few seconds.</h1>
<div id="challenge-stage"></div>
<p>Checking if the site connection is secure</p>
</div></div>
<script>(function(){window._cf_chl_opt={cvId:'3',cZone:"shop",cType:'managed',cRay:'8f1c2a7e9b3d4c21',cH:'x4mQ1',cUPMDTk:"\\/?__cf_chl_tk=abc123",cFPWv:'b',cITimeS:'1735689600'};var a=document.createElement('script');a.src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=8f1c2a7e9b3d4c21';document.getElementsByTagName('head')[0].appendChild(a);}());</script>
<div class="footer" role="contentinfo"><div class="footer-inner"><div class="clearfix diagnostic-wrapper"><div class="ray-id">Ray ID: <code>8f1c2a7e9b3d4c21</code></div></div>
<div class="text-center" id="footer-text">Performance &amp; security by Cloudflare</div></div></div>
</body></html>
"""


def forbidden_page() -> bytes:
    return (
        b"<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n"
        b"<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    )


def not_found_page(shop_name: str) -> bytes:
    name = html.escape(shop_name or "Webshop")
    return (
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Pagina niet gevonden | {name}'
        f'</title></head><body><h1>Oeps, deze pagina bestaat niet (meer)</h1><p>Ga terug naar de <a href="/">'
        f"homepage van {name}</a>.</p></body></html>\n"
    ).encode()
