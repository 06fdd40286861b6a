"""Case table for checks.identity: KvK, VAT (stdnum-checked), registers, addresses and PO boxes."""

from __future__ import annotations

import pytest

from checks.identity import find_identity
from checks.model import TextBlock


def _found(text: str, country: str = "NL") -> list[tuple[str, str, bool, str]]:
    return [(f.kind, f.value, f.valid, f.country) for f in find_identity([TextBlock(text)], country)]


CASES = [
    # KvK: 8 digits after a label, in its many spellings; no checksum
    ("KvK 12345678", [("kvk", "12345678", True, "NL")]),
    ("KvK-nummer: 34123456", [("kvk", "34123456", True, "NL")]),
    ("K.v.K. nr. 5678 1234", [("kvk", "56781234", True, "NL")]),
    ("Ingeschreven bij de Kamer van Koophandel onder nummer 30123456.", [("kvk", "30123456", True, "NL")]),
    ("Chamber of Commerce (CoC) number 69599084", [("kvk", "69599084", True, "NL")]),
    ("CoC: 69599084", [("kvk", "69599084", True, "NL")]),
    ("Ingeschreven in het handelsregister onder 12345678", [("kvk", "12345678", True, "NL")]),
    # KvK vs order, article and establishment numbers
    ("Bestelnummer 12345678", []),
    ("Ordernummer: 12345678 – vragen? Bel ons.", []),
    ("Artikelnummer 87654321, EAN 8712345678906", []),
    ("KvK-vestigingsnummer 000012345678", []),
    ("KvK 12345678 · Ordernummer 87654321", [("kvk", "12345678", True, "NL")]),
    # VAT ids, valid and invalid checksums, with and without labels
    ("BTW NL856482262B01", [("vat", "NL856482262B01", True, "NL")]),
    ("Btw-id: NL 8564.82.262.B.01", [("vat", "NL856482262B01", True, "NL")]),
    ("btw-nummer: 8564.82.262.B.01", [("vat", "NL856482262B01", True, "NL")]),
    ("BTW NL123456789B01", [("vat", "NL123456789B01", False, "NL")]),
    ("VAT: BE 0403.019.261", [("vat", "BE0403019261", True, "BE")]),
    ("TVA BE0403019262", [("vat", "BE0403019262", False, "BE")]),
    ("USt-IdNr.: DE136695976", [("vat", "DE136695976", True, "DE")]),
    ("USt-IdNr.: DE136695977", [("vat", "DE136695977", False, "DE")]),
    ("TVA intracommunautaire : FR 40 303 265 045", [("vat", "FR40303265045", True, "FR")]),
    ("UID-Nummer ATU13585627", [("vat", "ATU13585627", True, "AT")]),
    ("Partita IVA: IT 00743110157", [("vat", "IT00743110157", True, "IT")]),
    # an IBAN is not a VAT id
    ("IBAN NL91ABNA0417164300", []),
    ("IBAN: DE89 3704 0044 0532 0130 00", []),
    ("Rekening BE68 5390 0754 7034", []),
    # Belgian enterprise number and German Handelsregister
    ("Ondernemingsnummer: 0403.019.261", [("register", "0403019261", True, "BE")]),
    ("Numéro d'entreprise 0403 019 262", [("register", "0403019262", False, "BE")]),
    ("KBO 403.019.261", [("register", "0403019261", True, "BE")]),
    ("Registergericht: Amtsgericht München, HRB 123456", [("register", "HRB 123456", True, "DE")]),
    ("Amtsgericht Charlottenburg HRB 98765 B", [("register", "HRB 98765 B", True, "DE")]),
    ("Handelsregister: HRA 4711, Amtsgericht Köln", [("register", "HRA 4711", True, "DE")]),
    # street addresses
    ("Kerkstraat 12, 1234 AB Amsterdam", [("address", "Kerkstraat 12, 1234 AB Amsterdam", True, "NL")]),
    ("Bezoekadres: Damrak 1-5\n1012 LG AMSTERDAM", [("address", "Damrak 1-5, 1012 LG AMSTERDAM", True, "NL")]),
    ("Wij zitten aan de Kerkstraat 12a, 1234AB Bergen op Zoom Nederland",
     [("address", "Kerkstraat 12a, 1234 AB Bergen op Zoom", True, "NL")]),
    ("Winkel: 2511 CV Den Haag", [("address", "2511 CV Den Haag", True, "NL")]),
    ("Stationsplein 4, 5211 AP 's-Hertogenbosch", [("address", "Stationsplein 4, 5211 AP 's-Hertogenbosch", True, "NL")]),
    ("Rue de la Loi 16, 1000 Bruxelles", [("address", "Rue de la Loi 16, 1000 Bruxelles", True, "BE")]),
    ("Meir 78 bus 2, 2000 Antwerpen", []),  # a street without a recognisable street word: not taken
    ("Kortrijksesteenweg 1010, B-9051 Gent", [("address", "Kortrijksesteenweg 1010, 9051 Gent", True, "BE")]),
    ("Hauptstraße 5a · 80331 München", [("address", "Hauptstraße 5a, 80331 München", True, "DE")]),
    ("Unter den Linden 5\n10117 Berlin", [("address", "Unter den Linden 5, 10117 Berlin", True, "DE")]),
    ("12 rue de la Paix, 75002 Paris", [("address", "12 rue de la Paix, 75002 Paris", True, "FR")]),
    # numbers that only look like a postcode and a city
    ("Vanaf 1250 Euro gratis verzending", []),
    ("Meer dan 5000 Producten op voorraad", []),
    ("Bestel 12 stuks, 1234 Stuks in totaal", []),
    ("levering binnen 1234 ab ons magazijn", []),
    # PO boxes
    ("Postbus 123, 1000 AB Amsterdam", [("po_box", "Postbus 123, 1000 AB Amsterdam", True, "NL")]),
    ("Antwoordnummer 10234\n1000 VB Amsterdam", [("po_box", "Antwoordnummer 10234, 1000 VB Amsterdam", True, "NL")]),
    ("Postfach 10 20 30, 12345 Berlin", [("po_box", "Postfach 102030, 12345 Berlin", True, "DE")]),
    ("PO Box 4711", [("po_box", "PO Box 4711", True, "")]),
    ("BP 123 – 75002 Paris", [("po_box", "BP 123, 75002 Paris", True, "FR")]),
    # a full imprint line: everything at once, PO box and street address side by side
    (
        "Fietsplaza B.V. | Kerkstraat 12 | 1234 AB Amsterdam | Postbus 99, 1000 AA Amsterdam | "
        "KvK 12345678 | BTW NL856482262B01",
        [
            ("kvk", "12345678", True, "NL"),
            ("vat", "NL856482262B01", True, "NL"),
            ("po_box", "Postbus 99, 1000 AA Amsterdam", True, "NL"),
            ("address", "Kerkstraat 12, 1234 AB Amsterdam", True, "NL"),
        ],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_identity(text: str, expected: list[tuple[str, str, bool, str]]) -> None:
    assert _found(text) == expected


def test_region_context_and_raw_are_kept() -> None:
    text = "Over ons. Fietsplaza B.V. is ingeschreven bij de KvK onder nummer 12345678 te Amsterdam."
    [f] = find_identity([TextBlock(text, region="footer")])
    assert f.region == "footer"
    assert f.raw == "KvK onder nummer 12345678"
    assert "12345678" in f.context and len(f.context) <= len(f.raw) + 100


def test_duplicates_across_blocks_are_reported_once() -> None:
    blocks = [
        TextBlock("KvK 12345678", "footer"),
        TextBlock("KvK: 12345678", "main"),
        TextBlock("Geen cijfers hier"),
    ]
    assert [(f.kind, f.region) for f in find_identity(blocks)] == [("kvk", "footer")]


def test_shop_country_decides_ambiguous_postcodes() -> None:
    text = "Bahnhofstrasse 10, 8001 Zürich"
    assert _found(text, country="CH") == [("address", "Bahnhofstrasse 10, 8001 Zürich", True, "CH")]
    assert _found(text, country="NL")[0][3] == "BE"


def test_blocks_do_not_run_into_each_other() -> None:
    blocks = [TextBlock("Kerkstraat 12", "main"), TextBlock("1234 AB Amsterdam", "footer"), TextBlock("KvK"),
              TextBlock("12345678 producten verkocht")]  # fmt: skip
    found = find_identity(blocks)
    assert [(f.kind, f.value, f.region) for f in found] == [("address", "1234 AB Amsterdam", "footer")]
    assert found[0].context == "1234 AB Amsterdam"


def test_non_ascii_city_and_five_digit_postcode() -> None:
    assert _found("Seestraße 3, 88662 Überlingen") == [
        ("address", "Seestraße 3, 88662 Überlingen", True, "DE")
    ]
