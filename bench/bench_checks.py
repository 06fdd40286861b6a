"""Benchmark: the whole checks pass against a bare lxml parse + text, and the naive approach.

Pages: generated shop pages of 20 KB to 1 MB (product grids, inline CSS and JSON state, mega
menus, long footers) plus the golden pages in tests/golden. Every figure is measured in this
run: per page, the baseline and the checks pass are timed back to back, best of --repeat
rounds, with the link-score caches emptied at the start of each round (a crawl meets every
product link once). The target is checks-pass time <= 5x the lxml parse+text time.

Two checks passes are timed: as the prioritised crawl runs it (links that cannot name a page
kind are skipped unscored, `min_link_score`), and the full pass `bereikbaar extract` runs
(every link scored).

Hostile pages (issue 9 part 3) are timed apart, one analysis each (the crawl's pass), and the
worst time per MB is printed: digit runs, number-shaped lines, address-like strings, one
number repeated in every tile, control characters and NULs, nesting far past libxml2's depth
limit, and an undeclared Shift-JIS page, each about --hostile-mb MB.

    .venv/bin/python bench/bench_checks.py [--pages 200] [--repeat 3] [--hostile-mb 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pagegen import make_page, page_sizes  # noqa: E402

from checks import (  # noqa: E402
    analyse_page,  # noqa: E402
    links,
    pagekind,
)

CRAWL_MIN_LINK_SCORE = min(links.KIND_SCORES.values())


def clear_caches() -> None:
    links._score.cache_clear()
    pagekind.url_info.cache_clear()


def lxml_baseline(body: bytes) -> None:
    lxml.html.document_fromstring(body).text_content()


def checks_crawl(url: str, body: bytes) -> None:
    """As the prioritised crawl runs it."""
    analyse_page(url, body, min_link_score=CRAWL_MIN_LINK_SCORE)


def checks_full(url: str, body: bytes) -> None:
    """As `bereikbaar extract` runs it: every link scored."""
    analyse_page(url, body)


def naive(body: bytes) -> None:
    import phonenumbers
    from bs4 import BeautifulSoup

    text = BeautifulSoup(body, "lxml").get_text(" ")
    list(phonenumbers.PhoneNumberMatcher(text, "NL"))


def per_page_best(pages: list[tuple[str, bytes]], checks, repeat: int) -> tuple[list[float], list[float]]:
    """Per page, the best of `repeat` timings of the lxml baseline and of `checks`, each page's
    two timings taken back to back: a noisy neighbour slows both alike, and a burst of noise
    costs one page one round, not a whole pass. Link caches are emptied at each round's start."""
    base = [float("inf")] * len(pages)
    ours = [float("inf")] * len(pages)
    clock = time.perf_counter
    for _ in range(repeat):
        clear_caches()
        for i, (url, body) in enumerate(pages):
            start = clock()
            lxml_baseline(body)
            middle = clock()
            checks(url, body)
            end = clock()
            base[i] = min(base[i], middle - start)
            ours[i] = min(ours[i], end - middle)
    return base, ours


def _fill(unit, size: int) -> str:
    parts, total, i = [], 0, 0
    while total < size:
        part = unit(i)
        parts.append(part)
        total += len(part)
        i += 1
    return "".join(parts)


def hostile_pages(size: int, seed: int = 9) -> list[tuple[str, bytes]]:
    """Pages built to be slow or unreadable, about `size` bytes each, contact details included."""
    rng = random.Random(seed)
    contact = "<p>Bel ons op 020-765 4321 of mail service@winkel.nl</p>"

    def page(body: str) -> bytes:
        return f"<html><body>{contact}{body}</body></html>".encode()

    digits = "".join(rng.choice("0123456789 ") for _ in range(size))
    pages = {
        "digit runs": page(f"<p>{digits}</p>"),
        "number lines": page(_fill(lambda i: f"<div>0{rng.randrange(10**9):09d}</div>", size)),
        "address-like strings": page(_fill(lambda i: f"<span>klant{i}@domein{i % 997}.nl</span> ", size)),
        "one number repeated": page(_fill(lambda i: f"<li>Artikel {i} - bel 020-765 4321</li>", size)),
        "control chars and NULs": page(_fill(lambda i: f"<p>Tekst\x0b{i}\x00 en\x01 meer</p>", size)),
        "deep nesting": page("<div>" * (size // 10) + contact + "</div>" * (size // 10)),
        "Shift-JIS undeclared": page(_fill(lambda i: f"<p>お問い合わせ 東京都 {i}</p>", size // 2))
        .decode()
        .encode("shift_jis"),
    }
    return [(f"https://www.winkel.nl/{name}", body) for name, body in pages.items()]


def bench_hostile(size: int) -> None:
    pages = hostile_pages(size)
    worst = ("", 0.0)
    print(f"hostile pages, about {size / 1e6:.1f} MB each (one crawl pass each):")
    for url, body in pages:
        start = time.perf_counter()
        analysis = analyse_page(url, body, min_link_score=CRAWL_MIN_LINK_SCORE)
        seconds = time.perf_counter() - start
        per_mb = seconds / (len(body) / 1e6)
        name = url.rsplit("/", 1)[1]
        print(
            f"  {name:24s} {len(body) / 1e6:5.2f} MB {seconds:6.2f} s {per_mb:5.2f} s/MB  "
            f"phones {len(analysis.phones):3d} e-mails {len(analysis.emails):3d}  "
            f"{','.join(analysis.warnings) or '-'}"
        )
        if per_mb > worst[1]:
            worst = (name, per_mb)
    print(f"worst hostile page            : {worst[0]}, {worst[1]:.2f} s/MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--hostile-mb", type=float, default=5.0, help="size of each hostile page (0: skip)")
    args = parser.parse_args()

    pages = [
        (f"https://www.shop{i}.nl/", make_page(i, size)) for i, size in enumerate(page_sizes(args.pages))
    ]
    golden = sorted((Path(__file__).resolve().parent.parent / "tests" / "golden").glob("*.html"))
    pages += [(f"https://www.golden-shop.nl/{p.stem}", p.read_bytes()) for p in golden]
    total = sum(len(b) for _, b in pages)
    print(
        f"{len(pages)} pages, {total / 1e6:.1f} MB, {min(len(b) for _, b in pages) / 1e3:.0f} KB to "
        f"{max(len(b) for _, b in pages) / 1e6:.2f} MB"
    )

    for url, body in pages[:3]:  # warm imports and caches
        checks_crawl(url, body)
    base_c, crawl = per_page_best(pages, checks_crawl, args.repeat)
    base_f, full = per_page_best(pages, checks_full, args.repeat)
    base = sum(min(a, b) for a, b in zip(base_c, base_f))
    n = len(pages)
    mb = total / 1e6
    print(f"lxml parse + text (baseline)  : {base:6.2f} s {n / base:7.1f} pages/s {mb / base:6.1f} MB/s")
    for label, times, note in (
        ("checks pass, as the crawl runs", crawl, "target <= 5x"),
        ("checks pass, every link scored", full, "extract"),
    ):
        ours = sum(times)
        print(f"{label}: {ours:6.2f} s {n / ours:7.1f} pages/s  ratio {ours / base:.2f}x ({note})")
    # the spread over pages: the ratio of the slowest tenth shows no page kind is left behind
    ratios = sorted(c / b for c, b in zip(crawl, base_c))
    print(
        f"per-page ratio, crawl pass    : median {ratios[len(ratios) // 2]:.2f}x, "
        f"90th percentile {ratios[int(len(ratios) * 0.9)]:.2f}x, worst {ratios[-1]:.2f}x"
    )
    if not args.skip_naive:
        start = time.perf_counter()
        for _, body in pages:
            naive(body)
        slow = time.perf_counter() - start
        print(
            f"naive bs4 + PhoneNumberMatcher: {slow:6.2f} s {n / slow:7.1f} pages/s  ratio {slow / base:.2f}x "
            f"(phones only, no e-mail/chat/links; one run)"
        )
    if args.hostile_mb > 0:
        bench_hostile(int(args.hostile_mb * 1e6))


if __name__ == "__main__":
    main()
