"""Hostile pages (issue 9 part 3): a page we cannot read well is still read, never a crash.

Each row is one way a real or malicious page breaks a naive reader: control characters, NULs,
undeclared or wrong charsets, stray bytes, UTF-16, deep nesting, invisible blocks, floods of
number- or address-shaped strings. The contact details in each page must still be found (or,
where they are invisible, must not be).
"""

from __future__ import annotations

import time

import pytest

from checks import analyse_page
from checks.analyse import UnsupportedContent, sniff
from checks.decode import binary_kind, declared_charset, decode_body, header_charset, sniff_encoding
from checks.findability import ShopPage, assess
from checks.flood import FLOOD_CAP

URL = "https://www.winkel.nl/contact"
PHONE = "+31207654321"
EMAIL = "service@winkel.nl"
LINE = "Bel ons op 020-765 4321 of mail service@winkel.nl"


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>Contact</title></head><body><h1>Contact</h1><p>{body}</p></body></html>"


JAPANESE = "お問い合わせ 東京都渋谷区 営業時間 平日"
DUTCH_ACCENTS = "Wij zijn geïnteresseerd in één ruimere café-keuze, zeer geëerde klanten. " * 5

# (id, body, content type, should find the contact details)
HOSTILE: list[tuple[str, bytes | str, str | None, bool]] = [
    ("vertical-tab", page(LINE.replace("of mail", "\x0bof mail")).encode(), None, True),
    ("vertical-tab-str", page(LINE.replace("of mail", "\x0bof mail")), None, True),
    ("every-c0-control", page("".join(map(chr, range(1, 32))) + LINE).encode(), None, True),
    ("vt-cp1252", page("caf\xe9 \x0b" + LINE).encode("cp1252"), "text/html; charset=windows-1252", True),
    (
        "vt-shift-jis",
        page(JAPANESE + "\x0b\x00" + LINE).encode("shift_jis"),
        "text/html; charset=Shift_JIS",
        True,
    ),
    ("vt-utf16", ("\ufeff" + page("\x0b\x00" + LINE)).encode("utf-16-le"), None, True),
    ("nul-byte", page("\x00" + LINE).encode(), "text/html", True),
    ("many-nuls", page(("\x00" * 50) + LINE).encode(), None, True),
    ("form-feed", page(LINE.replace(" of ", "\x0cof ")).encode(), None, True),
    ("lone-surrogate-str", page("\ud800" + LINE), None, True),
    ("non-character", page("\ufffe\uffff" + LINE).encode("utf-8", "surrogatepass"), None, True),
    ("shift-jis-undeclared", page(JAPANESE + " " + LINE).encode("shift_jis"), None, True),
    ("euc-jp-undeclared", page(JAPANESE + " " + LINE).encode("euc_jp"), None, True),
    ("gb18030-undeclared", page("联系我们 客户服务 " + LINE).encode("gb18030"), None, True),
    ("stray-byte-declared-utf8", page("caf\xe9 " + LINE).encode("latin-1"), "text/html; charset=utf-8", True),
    (
        "stray-byte-meta-utf8",
        page("caf\xe9 " + LINE, '<meta charset="utf-8">').encode("latin-1"),
        None,
        True,
    ),
    (
        "wrong-meta-charset",
        page("Ünsere " + LINE, '<meta charset="shift_jis">').encode("utf-8"),
        "text/html; charset=utf-8",
        True,
    ),
    ("unknown-charset-label", page(LINE, '<meta charset="x-klingon">').encode(), None, True),
    ("utf16-le-bom", ("\ufeff" + page(LINE)).encode("utf-16-le"), None, True),
    ("utf16-be-bom", ("\ufeff" + page(LINE)).encode("utf-16-be"), None, True),
    ("utf16-le-no-bom", page(LINE).encode("utf-16-le"), None, True),
    ("utf8-bom", b"\xef\xbb\xbf" + page(LINE).encode(), None, True),
    (
        "cut-mid-character",
        page("café " + LINE).encode()[: -len("</p></body></html>")] + "é".encode()[:1],
        None,
        True,
    ),
    ("deep-300", "<html><body>" + "<div>" * 300 + LINE + "</div>" * 300 + "</body></html>", None, True),
    ("deep-1200", "<html><body>" + "<div>" * 1200 + LINE + "</div>" * 1200 + "</body></html>", None, True),
    ("deep-5000", "<html><body>" + "<div>" * 5000 + LINE + "</div>" * 5000 + "</body></html>", None, True),
    (
        "deep-5000-spans",
        "<html><body>" + "<span>" * 5000 + LINE + "</span>" * 5000 + "</body></html>",
        None,
        True,
    ),
    (
        "deep-custom-tags",
        "<html><body>" + "<x-a>" * 3000 + LINE + "</x-a>" * 3000 + "</body></html>",
        None,
        True,
    ),
    (
        "hidden-input",
        page(
            'Welkom<input type="hidden" name="to" value="service@winkel.nl"><input type="hidden" value="020-765 4321">'
        ),
        None,
        False,
    ),
    ("aria-hidden", page(f'Welkom</p><div aria-hidden="true"><p>{LINE}</p></div><p>'), None, False),
    ("aria-hidden-upper", page(f'Welkom</p><div aria-hidden="TRUE"><p>{LINE}</p></div><p>'), None, False),
    ("template", page(f"Welkom</p><template><p>{LINE}</p></template><p>"), None, False),
    ("aria-hidden-false", page(f'Welkom</p><div aria-hidden="false"><p>{LINE}</p></div><p>'), None, True),
]


@pytest.mark.parametrize(("body", "ctype", "found"), [pytest.param(b, c, f, id=i) for i, b, c, f in HOSTILE])
def test_hostile_page_is_read(body: bytes | str, ctype: str | None, found: bool) -> None:
    analysis = analyse_page(URL, body, content_type=ctype)
    visible_phones = {p.value for p in analysis.phones if p.visible}
    visible_emails = {e.value for e in analysis.emails if e.visible}
    if found:
        assert PHONE in visible_phones, analysis.text[:300]
        assert EMAIL in visible_emails, analysis.text[:300]
        assert not analysis.flooded
    else:
        assert PHONE not in visible_phones
        assert EMAIL not in visible_emails


@pytest.mark.parametrize(
    ("body", "ctype", "encoding", "source"),
    [
        (b"\xef\xbb\xbfhallo", "text/html; charset=cp1252", "utf-8", "bom"),
        (b"\xff\xfeh\x00", None, "utf-16-le", "bom"),
        ("café".encode("cp1252"), "text/html; charset=ISO-8859-1", "cp1252", "header"),
        ("café".encode(), 'text/html; charset="UTF-8"', "utf-8", "header"),
        (b'<meta charset="windows-1252">caf\xe9', None, "cp1252", "meta"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
            None,
            "shift_jis",
            "meta",
        ),
        (b'<?xml version="1.0" encoding="ISO-8859-15"?><html>', None, "iso8859-15", "meta"),
        (b'<meta charset="utf-16">abc', None, "utf-8", "meta"),  # in-band UTF-16 means UTF-8
        (b'<meta charset="gb2312">', None, "gb18030", "meta"),
        ("café".encode(), "text/html; charset=nonsense", "utf-8", "sniff"),
        (DUTCH_ACCENTS.encode("cp1252"), None, "cp1252", "sniff"),
        (JAPANESE.encode("shift_jis") * 3, None, "shift_jis", "sniff"),
        (("联系我们 客户服务 营业时间 " * 3).encode("gb18030"), None, "gb18030", "sniff"),
    ],
)
def test_decoding_order(body: bytes, ctype: str | None, encoding: str, source: str) -> None:
    decoded = decode_body(body, ctype)
    assert (decoded.encoding, decoded.source) == (encoding, source)


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("ISO-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("Shift_JIS", "shift_jis"),
        ("GBK", "gb18030"),
        ("bogus", None),
    ],
)
def test_header_charset_labels(label: str, codec: str | None) -> None:
    assert header_charset(f"text/html; charset={label}") == codec


def test_declared_charset_absent() -> None:
    assert declared_charset(b"<html><head><title>x</title>") is None


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("plain ascii", "utf-8"),
        ("één café", "utf-8"),
        (DUTCH_ACCENTS, "cp1252"),  # accented Latin read as GBK would be CJK: refused
        ("Straße über Größe " * 10, "cp1252"),
    ],
)
def test_sniff_encoding_of_latin_text(text: str, encoding: str) -> None:
    raw = text.encode("utf-8") if encoding == "utf-8" else text.encode(encoding)
    assert sniff_encoding(raw) == encoding


BINARY = [
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
    ("jpeg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4),
    ("gif", b"GIF89a" + bytes(200)),
    ("zip", b"PK\x03\x04" + bytes(200)),
    ("gzip", b"\x1f\x8b\x08" + bytes(200)),
    ("webp", b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(200)),
    ("mp4", b"\x00\x00\x00\x18ftypmp42" + bytes(200)),
    ("woff2", b"wOF2" + bytes(200)),
    ("random-controls", bytes(i % 9 for i in range(2000))),
]


@pytest.mark.parametrize("body", [pytest.param(b, id=i) for i, b in BINARY])
def test_real_binary_files_are_refused(body: bytes) -> None:
    assert binary_kind(body) is not None
    with pytest.raises(UnsupportedContent):
        analyse_page(URL, body)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (page("\x00" + LINE).encode(), "html"),
        (("\ufeff" + page(LINE)).encode("utf-16-le"), "html"),
        (b"Bel ons \x00 op 020-765 4321", "text"),
        (b"%PDF-1.4 ...", "pdf"),
        ("Hallo \x0b daar", "text"),
    ],
)
def test_sniff_nul_and_utf16_are_pages(body: bytes | str, kind: str) -> None:
    assert sniff(body) == kind


# -- floods -----------------------------------------------------------------------------------


def _digit_flood(n: int) -> str:
    rows = "".join(f"<p>{(i * 7919) % 10**10:010d} {(i * 104729) % 10**9:09d}</p>" for i in range(n))
    return page(LINE + "</p>" + rows + "<p>")


def _address_flood(n: int) -> str:
    rows = " ".join(f"user{i}@spam{i % 97}.example" for i in range(n))
    return page(LINE + "</p><p>" + rows)


def _locator(n: int) -> str:
    """A store locator: many real numbers, but among names, streets and opening hours."""
    rows = "".join(
        f"<li>Filiaal Winkelstad {i}, Hoofdstraat {i}, 1234 AB Winkelstad. Open ma-za 9:00-18:00. "
        f"Tel. 020-{100 + i % 900:03d} {1000 + i:04d}</li>"
        for i in range(n)
    )
    return page(LINE + "</p><ul>" + rows + "</ul><p>")


@pytest.mark.parametrize(
    ("body", "warning"),
    [
        (_digit_flood(3000), "number_flood"),
        (_digit_flood(400), "number_flood"),
        (_address_flood(3000), "address_flood"),
    ],
    ids=["digits-3000", "digits-400", "addresses-3000"],
)
def test_flood_is_flagged_capped_and_sets_no_tier(body: str, warning: str) -> None:
    started = time.perf_counter()
    analysis = analyse_page(URL, body.encode())
    assert time.perf_counter() - started < 10
    assert analysis.flooded and warning in analysis.warnings
    assert len(analysis.phones) <= FLOOD_CAP and len(analysis.emails) <= FLOOD_CAP
    assert all("flood" in f.flags for f in [*analysis.phones, *analysis.emails])
    result = assess([ShopPage(analysis=analysis, clicks=0, is_homepage=True)])
    assert result.phone.tier == "not_found" and result.email.tier == "not_found"
    assert "phone_extra_cost" not in result.reason_codes


def test_store_locator_is_no_flood() -> None:
    analysis = analyse_page(URL, _locator(150).encode())
    assert not analysis.flooded
    assert PHONE in {p.value for p in analysis.phones}


def test_one_number_repeated_everywhere_is_no_flood_and_stays_fast() -> None:
    tiles = "".join(f"<li>Artikel {i}: vragen? Bel 020-765 4321</li>" for i in range(20_000))
    started = time.perf_counter()
    analysis = analyse_page(URL, page(LINE + "</p><ul>" + tiles + "</ul><p>").encode())
    assert time.perf_counter() - started < 20
    assert not analysis.flooded
    assert PHONE in {p.value for p in analysis.phones if p.visible}


def test_flooded_values_are_unowned_with_the_reason() -> None:
    analysis = analyse_page(URL, _digit_flood(3000).encode())
    assert analysis.phones
    assert all(p.owner == "unknown" and "flooded" in p.owner_reason for p in analysis.phones)
