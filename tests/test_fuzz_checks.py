"""Analysing any byte string never raises: a seeded, bounded fuzz of `analyse_page`.

Golden pages (tests/golden) and real saved pages (tests/realpages/**, when present) are
mutated the ways hostile or broken pages are: bytes flipped, control characters and NULs
inserted, cut anywhere, wrapped in thousands of elements, blocks duplicated, re-encoded with a
wrong charset declared, stray high bytes. Every mutant must give a `PageAnalysis`; the only
exception allowed is `UnsupportedContent` for bytes that are not text at all.

The seed is fixed (FUZZ_SEED) so a failure reproduces; the case id names the page, the
mutation and its number.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from checks import analyse_page
from checks.analyse import UnsupportedContent
from checks.decode import binary_kind
from checks.model import PageAnalysis

FUZZ_SEED = 20261206
CASES_PER_MUTATION = 40  # x len(MUTATIONS) cases in all, spread over the pages
ROOT = Path(__file__).parent
PAGE_SUFFIXES = (".html", ".htm", ".txt")


def _pages() -> list[Path]:
    pages = [p for p in sorted((ROOT / "golden").iterdir()) if p.suffix in PAGE_SUFFIXES]
    real = ROOT / "realpages"
    if real.is_dir():
        pages += [p for p in sorted(real.rglob("*")) if p.suffix in PAGE_SUFFIXES]
    return pages


def flip_bytes(body: bytes, rng: random.Random) -> bytes:
    data = bytearray(body)
    for _ in range(rng.randint(1, 40)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def insert_controls(body: bytes, rng: random.Random) -> bytes:
    data = bytearray(body)
    for _ in range(rng.randint(1, 30)):
        data.insert(rng.randrange(len(data) + 1), rng.choice([0, 1, 7, 8, 11, 12, 27, 31, 127]))
    return bytes(data)


def truncate(body: bytes, rng: random.Random) -> bytes:
    return body[: rng.randrange(len(body) + 1)]


def deep_nesting(body: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([300, 1500, 2500, 4000])
    tag = rng.choice([b"div", b"span", b"b", b"section", b"x-y", b"table"])
    at = rng.randrange(len(body) + 1)
    return body[:at] + b"<" + tag + b">" * 1 + (b"<" + tag + b">") * (depth - 1) + body[at:]


def duplicate_blocks(body: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(body) + 1)
    chunk = body[start : start + rng.randint(50, 5000)]
    return body[:start] + chunk * rng.randint(2, 30) + body[start:]


WRONG_CHARSETS = ("shift_jis", "utf-16", "iso-8859-1", "euc-jp", "gb2312", "koi8-r", "nonsense", "utf-8")


def wrong_charset(body: bytes, rng: random.Random) -> bytes:
    text = body.decode("utf-8", "replace")
    target = rng.choice(["cp1252", "utf-16-le", "shift_jis", "utf-8"])
    declared = rng.choice(WRONG_CHARSETS)
    head = f'<meta charset="{declared}">'
    return head.encode("ascii") + text.encode(target, "replace")


def stray_high_bytes(body: bytes, rng: random.Random) -> bytes:
    data = bytearray(body)
    for _ in range(rng.randint(1, 10)):
        data.insert(rng.randrange(len(data) + 1), rng.randrange(0x80, 0x100))
    return bytes(data)


def mixed(body: bytes, rng: random.Random) -> bytes:
    for mutate in rng.sample(MUTATIONS[:-1], 3):
        body = mutate(body, rng)
    return body


MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    flip_bytes,
    insert_controls,
    truncate,
    deep_nesting,
    duplicate_blocks,
    wrong_charset,
    stray_high_bytes,
    mixed,
]
CONTENT_TYPES = (None, "text/html", "text/html; charset=utf-8", "text/html; charset=shift_jis", "text/plain")


def _cases() -> list:
    pages = _pages()
    rng = random.Random(FUZZ_SEED)
    cases = []
    for mutate in MUTATIONS:
        for n in range(CASES_PER_MUTATION):
            page = rng.choice(pages)
            seed = rng.randrange(2**32)
            cases.append(pytest.param(page, mutate, seed, id=f"{page.name}-{mutate.__name__}-{n}"))
    return cases


@pytest.mark.parametrize(("page", "mutate", "seed"), _cases())
def test_mutated_page_never_raises(page: Path, mutate: Callable, seed: int) -> None:
    rng = random.Random(seed)
    body = mutate(page.read_bytes(), rng)
    ctype = rng.choice(CONTENT_TYPES)
    url = f"https://www.fuzz-winkel.nl/{page.stem}"
    try:
        analysis = analyse_page(url, body, content_type=ctype, is_homepage=rng.random() < 0.2)
    except UnsupportedContent:
        assert binary_kind(body) is not None, "only bytes that are not text may be refused"
        return
    assert isinstance(analysis, PageAnalysis)
    analysis.to_extract_json()  # the contract serialises whatever was found


def test_fuzz_covers_every_mutation_and_enough_pages() -> None:
    cases = _cases()
    assert len(cases) == CASES_PER_MUTATION * len(MUTATIONS) >= 300
    assert len({c.values[0] for c in cases}) >= 25
