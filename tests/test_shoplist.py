"""Shop list parsing: URL normalisation, CSV and text formats, every bad line at once, file errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from crawler.shoplist import (
    ShopListError,
    load_shop_list,
    normalise_url,
    parse_shop_list,
    shop_id_for,
)

NORMALISE_CASES = [
    ("bol.com", "https://bol.com/"),
    ("www.coolblue.nl", "https://www.coolblue.nl/"),
    ("  wehkamp.nl/  ", "https://wehkamp.nl/"),
    ("http://shop.nl", "http://shop.nl/"),
    ("HTTPS://Shop.NL/Nl/", "https://shop.nl/Nl/"),
    ("//shop.nl/a", "https://shop.nl/a"),
    ("shop.nl/nl/?ref=x#top", "https://shop.nl/nl/?ref=x"),
    ("shop.nl:8080", "https://shop.nl:8080/"),
    ("bücher.de", "https://xn--bcher-kva.de/"),
    ("https://fietsenwinkel.nl./", "https://fietsenwinkel.nl/"),
    ("http://127.0.0.5:8000/", "http://127.0.0.5:8000/"),
    ("shop.co.uk", "https://shop.co.uk/"),
]


@pytest.mark.parametrize("raw, expected", NORMALISE_CASES)
def test_normalise_url(raw: str, expected: str) -> None:
    assert normalise_url(raw) == expected


BAD_URL_CASES = [
    ("", "no URL"),
    ("ftp://shop.nl", "not http or https"),
    ("mailto:info@shop.nl", "not http or https"),
    ("javascript:alert(1)", "not http or https"),
    ("shop nl", "spaces"),
    ("https://", "no host"),
    ("shop", "known domain suffix"),
    ("shop.invalidtld", "known domain suffix"),
    ("https://shop.nl:99999/", "not a valid URL"),
    ("https://user:pw@shop.nl/", "user name or password"),
]


@pytest.mark.parametrize("raw, reason", BAD_URL_CASES)
def test_bad_urls_say_why(raw: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        normalise_url(raw)


SHOP_ID_CASES = [
    ("https://www.bol.com/nl/", "bol.com"),
    ("https://Shop.NL/", "shop.nl"),
    ("https://klantenservice.shop.nl/", "klantenservice.shop.nl"),
    ("https://www.shop.co.uk/", "shop.co.uk"),
    ("http://127.0.0.5:8000/", "127.0.0.5"),
]


@pytest.mark.parametrize("url, shop_id", SHOP_ID_CASES)
def test_shop_id(url: str, shop_id: str) -> None:
    assert shop_id_for(url) == shop_id


def test_plain_text_list_with_comments_blank_lines_and_duplicates() -> None:
    text = "# top shops\n\nbol.com\nhttps://www.bol.com/   # same shop\ncoolblue.nl\n  \nwww.wehkamp.nl\n"
    result = parse_shop_list(text)
    assert [s.id for s in result.shops] == ["bol.com", "coolblue.nl", "wehkamp.nl"]
    assert [s.line for s in result.shops] == [3, 5, 7]
    assert len(result.warnings) == 1 and "line 4" in result.warnings[0] and "line 3" in result.warnings[0]


def test_csv_with_optional_columns_and_semicolons() -> None:
    text = "rank;name;url;category;country\n1;Bol;bol.com;Warenhuis;nl\n2;Coolblue;https://www.coolblue.nl;Elektronica;\n"
    result = parse_shop_list(text)
    bol, coolblue = result.shops
    assert (bol.id, bol.name, bol.rank, bol.category, bol.country) == ("bol.com", "Bol", 1, "Warenhuis", "NL")
    assert bol.to_row()["url"] == "https://bol.com/"
    assert coolblue.country == "" and coolblue.to_row()["country"] is None


def test_csv_duplicate_fills_missing_fields() -> None:
    text = "url,name,category\nshop.nl,,\nwww.shop.nl,Shop,Mode\n"
    result = parse_shop_list(text)
    assert len(result.shops) == 1
    assert (result.shops[0].name, result.shops[0].category) == ("Shop", "Mode")
    assert result.warnings


def test_every_bad_line_is_reported_at_once() -> None:
    text = "url,rank,country\nbol.com,1,NL\nftp://x.nl,2,NL\nshop.nl,two,NL\nok.nl,3,Netherlands\n,4,NL\ngood.nl,5,BE\n"
    with pytest.raises(ShopListError) as info:
        parse_shop_list(text, name="shops.csv")
    problems = info.value.problems
    assert [p.line for p in problems] == [3, 4, 5, 6]
    assert "not http or https" in problems[0].reason
    assert "whole number" in problems[1].reason
    assert "two-letter" in problems[2].reason
    assert "no URL" in problems[3].reason
    message = str(info.value)
    assert message.startswith("shops.csv has 4 invalid lines")
    assert "line 3:" in message and "line 6:" in message


def test_skip_invalid_keeps_going() -> None:
    result = parse_shop_list("bol.com\nnot a url\ncoolblue.nl\n", skip_invalid=True)
    assert [s.id for s in result.shops] == ["bol.com", "coolblue.nl"]
    assert [p.line for p in result.skipped] == [2]


def test_csv_without_url_column_is_one_sentence() -> None:
    with pytest.raises(ShopListError, match="no 'url' column"):
        parse_shop_list("name,category\nBol,Warenhuis\n")


def test_csv_row_with_too_many_fields() -> None:
    with pytest.raises(ShopListError) as info:
        parse_shop_list("url,name\nbol.com,Bol,extra\n")
    assert info.value.problems[0].line == 2 and "fields" in info.value.problems[0].reason


FILE_ERROR_CASES = [
    ("missing", None, "does not exist"),
    ("empty", b"", "is empty"),
    ("only-comments", b"# nothing here\n\n", "is empty"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    ("latin1", "url\nbol.com\ncafé.nl\n".encode("latin-1"), "not UTF-8 text"),
    ("all-bad", b"not a url\n", "invalid line"),
]


@pytest.mark.parametrize("label, data, message", FILE_ERROR_CASES)
def test_file_errors_are_one_clear_sentence(
    tmp_path: Path, label: str, data: bytes | None, message: str
) -> None:
    path = tmp_path / f"{label}.txt"
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(ShopListError, match=message) as info:
        load_shop_list(path)
    first_line = str(info.value).splitlines()[0]
    assert first_line.endswith((".", ":"))


def test_latin1_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "shops.txt"
    path.write_bytes("bol.com\ncafé.nl\n".encode("latin-1"))
    with pytest.raises(ShopListError, match="on line 2"):
        load_shop_list(path)


def test_utf8_bom_and_utf16_are_read(tmp_path: Path) -> None:
    bom = tmp_path / "bom.csv"
    bom.write_bytes("url,name\nbücher.de,Bücher\n".encode("utf-8-sig"))
    assert load_shop_list(bom).shops[0].url == "https://xn--bcher-kva.de/"
    utf16 = tmp_path / "excel.txt"
    utf16.write_bytes("bol.com\r\ncoolblue.nl\r\n".encode("utf-16"))
    assert [s.id for s in load_shop_list(utf16).shops] == ["bol.com", "coolblue.nl"]


def test_load_records_path_and_sha256(tmp_path: Path) -> None:
    path = tmp_path / "shops.txt"
    data = b"bol.com\n"
    path.write_bytes(data)
    result = load_shop_list(path)
    assert result.path == str(path)
    assert result.sha256 == hashlib.sha256(data).hexdigest()


def test_bundled_example_list_is_valid() -> None:
    path = Path(__file__).resolve().parents[1] / "data" / "shops" / "nl-top-webshops.csv"
    result = load_shop_list(path)
    assert len(result.shops) >= 90
    assert not result.warnings
    assert all(s.name and s.category for s in result.shops)


@pytest.mark.parametrize("header", ["url", "Website", "\ufeffURL ", "homepage"])
def test_one_column_csv_header_is_not_read_as_a_shop(header: str) -> None:
    result = parse_shop_list(f"{header}\nhttps://www.shop.nl\nbol.com\n")
    assert [s.id for s in result.shops] == ["shop.nl", "bol.com"]
    assert [s.line for s in result.shops] == [2, 3]
