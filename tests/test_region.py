"""Which regions a shop's national numbers are read in (checks/region.py), and the numbers
analyse_page finds with them."""

from __future__ import annotations

import pytest

from checks import analyse_page
from checks.region import infer_regions, region_scores, regions_for, text_language

# (url, lang, page text, the first region, other regions that must be in the list)
CASES = [
    ("https://www.winkel.nl/", "nl", "Winkel BV, Hoofdstraat 1, 1234 AB Amsterdam", "NL", []),
    ("https://www.winkel.nl/", "en", "We ship worldwide. Prices in $ and €.", "NL", []),
    (
        "https://www.winkel.nl/",
        "nl",
        "Ook in België: +32 2 511 11 11, Kerkstraat 1, B-2000 Antwerpen",
        "NL",
        ["BE"],
    ),
    ("https://www.winkel.be/", "nl-BE", "Kerkstraat 1, 2000 Antwerpen", "BE", []),
    ("https://www.shop.de/", "de", "Musterstraße 5, 10115 Berlin", "DE", []),
    ("https://www.shop.co.uk/", "en-GB", "1 High Street, London SW1A 1AA", "GB", []),
    ("https://www.shop.com/", "en", "Shop Inc., 350 Fifth Avenue, New York, NY 10001", "US", []),
    ("https://www.shop.com/", "en-US", "Questions? Call us.", "US", []),
    ("https://www.shop.com/", "en", "Shop LLC · 100 Main St · Austin, TX 78701-1234 · $29.99", "US", []),
    ("https://www.shop.com/", "en", "Shop Ltd, 10 Queen St W, Toronto, ON M5H 2N2. CA$ 20", "CA", []),
    ("https://www.shop.com/", "en", "Shop GmbH, Musterstraße 5, 10115 Berlin", "DE", []),
    ("https://www.shop.com/", "en", "Shop GmbH, 10115 Berlin, Germany", "DE", []),
    ("https://www.shop.com/", "en", "Call +49 30 1234567 from abroad, or 030 1234567", "DE", []),
    ("https://www.shop.com/", "en", "Hotline 0049 89 1234567", "DE", []),
    ("https://www.shop.io/", "de-AT", "Hauptplatz 1, A-8010 Graz", "AT", []),
    ("https://www.shop.com/", "fr", "Boutique SARL, 12 rue de Rivoli, 75001 Paris", "FR", []),
    ("https://www.shop.com/", "en", "Shop AG, Bahnhofstrasse 1, CH-8001 Zürich. CHF 20", "CH", []),
    ("https://www.shop.eu/", "nl", "Winkel BV, 1234 AB Amsterdam", "NL", []),
    ("https://www.shop.eu/", "fr-BE", "Rue Neuve 1, 1000 Bruxelles, Belgique", "BE", []),
    ("https://www.shop.com/", "en", "Shop Ltd, 1 High Street, London SW1A 1AA. £ 20", "GB", []),
    ("https://www.shop.com/", "", "", "NL", []),  # no evidence: the default
    ("http://127.0.0.1:8000/", "", "Kerkstraat 1, 1234 AB Utrecht", "NL", []),
]


@pytest.mark.parametrize(
    "url,lang,text,first,others", CASES, ids=[f"{c[0][8:20]}-{c[2][:30]}" for c in CASES]
)
def test_infer_regions(url, lang, text, first, others):
    regions = infer_regions(url, lang, text)
    assert regions[0] == first
    assert set(others) <= set(regions)


@pytest.mark.parametrize(
    "text",
    [
        "We ship to Belgium, Germany, France and the United States.",  # destinations, not an address
        "Verzending naar België en Duitsland",
        "Bestel voor 23:59, morgen in huis. 10115 artikelen op voorraad",
    ],
)
def test_shipping_lists_do_not_move_a_dutch_shop(text):
    assert list(infer_regions("https://www.winkel.nl/", "nl", text)) == ["NL"]


def test_an_address_abroad_adds_its_region_after_the_cctld():
    text = "Winkel BV, Kerkstraat 1, B-2000 Antwerpen"
    assert list(infer_regions("https://www.winkel.nl/", "nl", text)) == ["NL", "BE"]
    assert "BE" not in region_scores("https://www.winkel.nl/", "nl", text, addresses=False)


def test_explicit_country_and_lists_win():
    assert list(regions_for("https://www.shop.com/", "en", "New York, NY 10001", "de")) == ["DE"]
    assert list(regions_for("https://www.shop.com/", "en", "", ("NL", "BE"))) == ["NL", "BE"]
    assert infer_regions("https://www.shop.com/", "en", "New York, NY 10001", explicit="NL")[0] == "NL"


def page(body: str, lang: str = "en") -> bytes:
    return f"<html lang='{lang}'><body>{body}</body></html>".encode()


def values(url: str, body: bytes, **kwargs) -> set[str]:
    return {p.value for p in analyse_page(url, body, **kwargs).phones}


def test_german_number_on_a_generic_tld_english_page():
    body = page("<p>Contact: phone 030 1234567</p><footer>Shop GmbH, Musterstraße 5, 10115 Berlin</footer>")
    analysis = analyse_page("https://www.shop.com/contact", body)
    assert analysis.country == "DE"
    assert {p.value for p in analysis.phones} == {"+49301234567"}


def test_german_number_read_as_german_when_plus49_is_elsewhere():
    body = page("<p>Hotline 089 1234567</p><p>From abroad: +49 89 7654321</p>")
    assert values("https://www.shop.com/", body) == {"+49891234567", "+49897654321"}


@pytest.mark.parametrize("shown", ["(212) 555-0100", "212-555-0100", "212.555.0100", "1-800-555-0199"])
def test_nanp_numbers_on_a_com_shop_with_a_us_address(shown):
    body = page(f"<p>Call us: {shown}</p><footer>Shop Inc., 350 Fifth Avenue, New York, NY 10001</footer>")
    found = values("https://www.shop.com/", body)
    assert len(found) == 1 and next(iter(found)).startswith("+1")


def test_dutch_shop_unchanged():
    body = page("<p>Bel 020 123 4567 of 06 12345678</p><p>Winkel BV, 1234 AB Amsterdam</p>", "nl")
    analysis = analyse_page("https://www.winkel.nl/", body)
    assert analysis.country == "NL"
    assert {p.value for p in analysis.phones} == {"+31201234567", "+31612345678"}


def test_a_list_of_regions_through_analyse_page():
    body = page("<p>Bel 020 123 4567 of 02 511 11 11</p>", "nl")
    assert values("https://www.winkel.eu/", body, country=("NL", "BE")) == {"+31201234567", "+3225111111"}
    assert values("https://www.winkel.eu/", body, country="NL") == {"+31201234567"}


@pytest.mark.parametrize(
    "text,language",
    [
        (
            "Wij leveren de bestelling binnen twee dagen en je kunt het pakket niet retourneren voor de "
            "datum van levering. Het is een van de beste winkels van het land en wij zijn er voor je.",
            "nl",
        ),
        (
            "Wir liefern die Bestellung mit der Post und das Paket ist nicht versichert. Die Kosten für "
            "den Versand sind mit der Bestellung zu zahlen, wir sind für Sie da und die Ware ist neu.",
            "de",
        ),
        (
            "Le présent site est édité par la société et vous pouvez joindre le service client pour les "
            "questions sur la livraison des commandes et le retour des produits, une fois la commande passée.",
            "fr",
        ),
        (
            "You can return the item to us and we will refund the price of your order. The costs of the "
            "return are for you and the refund is made with the card you used for the order.",
            "en",
        ),
        ("Contact 020 123 4567", ""),
    ],
)
def test_text_language(text, language):
    assert text_language(text) == language


@pytest.mark.parametrize(
    "text,first",
    [
        ("Still have questions? Call us at (903) 927-2255", "US"),
        ("Orders: 903-927-2255 or 903-927-2256", "US"),
        ("Toll free 1-800-555-0199", "US"),
        ("Adresse : 25 Zone La Laugier, 97215 Rivière salée", "MQ"),
        ("Siège : 12 rue de la Paix, 97400 Saint-Denis", "RE"),
        ("Le siège social est 112 route de Rozac, 19120 Sioniac.", "FR"),
        ("Die Firma sitzt in der Hauptstraße 1, 80331 München und ist für Sie da.", "DE"),
    ],
)
def test_generic_tld_evidence(text, first):
    assert infer_regions("https://www.shop.org/", "", text)[0] == first


def test_only_a_cctld_or_a_named_country_makes_the_order_firm():
    assert infer_regions("https://www.winkel.nl/", "nl", "").firm
    assert regions_for("https://www.shop.com/", "en", "", "DE").firm
    assert not infer_regions("https://www.shop.com/", "de", "Hauptstraße 1, 80331 München").firm


def test_a_number_in_another_regions_grouping_on_an_inferred_order():
    from checks.model import TextBlock
    from checks.phones import phones_in_text
    from checks.region import RegionList

    block = [TextBlock("Joignable par téléphone au 09.72.32.49.09")]
    inferred = RegionList(("DE", "FR"), firm=False)
    assert [f.value for f in phones_in_text(block, inferred)] == ["+33972324909"]
    firm = RegionList(("DE", "FR"))
    assert [f.value for f in phones_in_text(block, firm)] == ["+49972324909"]


def test_a_page_with_a_french_address_reads_french_numbers():
    text = (
        "Le présent site est édité par la société VIE.ECO, SAS, dont le siège social est 112 route de "
        "Rozac, 19120 Sioniac. L'éditeur est joignable par téléphone au 09.72.32.49.09."
    )
    analysis = analyse_page("https://www.ecomail.eco/cgv", text.encode())
    assert {p.value for p in analysis.phones} == {"+33972324909"}
