"""Phone numbers in visible text: formats, types, flags and every false-positive family."""

from __future__ import annotations

import pytest

from checks.model import TextBlock
from checks.page import collect_invisible, mark_regions, parse_html, strip_and_read
from checks.phones import merge_phones, phones_in_text


def found(text: str, country: str = "NL") -> dict[str, object]:
    return {f.value: f for f in merge_phones(phones_in_text([TextBlock(text)], country))}


# (text, country, expected E.164 values)
FORMATS = [
    ("Bel ons: 020 - 123 45 67", "NL", ["+31201234567"]),
    ("Telefoon +31 (0)20 1234567", "NL", ["+31201234567"]),
    ("Tel. 0031 20 123 4567", "NL", ["+31201234567"]),
    ("(020) 123 45 67", "NL", ["+31201234567"]),
    ("Tel 020/1234567", "NL", ["+31201234567"]),
    ("020.123.45.67", "NL", ["+31201234567"]),
    ("Klantenservice 088-1234567", "NL", ["+31881234567"]),
    ("Gratis: 0800-0234", "NL", ["+318000234"]),
    ("Infolijn 0900-1234567", "NL", ["+319001234567"]),
    ("Mobiel 06-12345678", "NL", ["+31612345678"]),
    ("WhatsApp 06 12 34 56 78", "NL", ["+31612345678"]),
    ("+31 (0) 6 - 12 34 56 78", "NL", ["+31612345678"]),
    ("+31(0)88 123 45 67", "NL", ["+31881234567"]),
    ("Rotterdam 010 - 414 14 14", "NL", ["+31104141414"]),
    ("Den Haag: 070 3456789", "NL", ["+31703456789"]),
    ("Utrecht 030-2345678", "NL", ["+31302345678"]),
    ("Kantoor 0575 123456", "NL", ["+31575123456"]),
    ("VoIP 085 - 123 45 67", "NL", ["+31851234567"]),
    ("Bel 020-1234567 of 06-12345678", "NL", ["+31201234567", "+31612345678"]),
    ("Tel: 020-1234567 / 010-4141414", "NL", ["+31201234567", "+31104141414"]),
    ("Brussel: 02/511.11.11", "BE", ["+3225111111"]),
    ("+32 (0)2 511 11 11", "BE", ["+3225111111"]),
    ("GSM 0470/12.34.56", "BE", ["+32470123456"]),
    ("+32 470 12 34 56", "BE", ["+32470123456"]),
    ("Gratis nummer 0800 12 345", "BE", ["+3280012345"]),
    ("Telefon: 030/12345678", "DE", ["+493012345678"]),
    ("(030) 1234567", "DE", ["+49301234567"]),
    ("+49 (0)30 12345678", "DE", ["+493012345678"]),
    ("Mobil 0151 / 123 456 78", "DE", ["+4915112345678"]),
    ("Service-Hotline 01805 123456", "DE", ["+491805123456"]),
    ("Kostenlos 0800 123 4567", "DE", ["+498001234567"]),
    ("Call us on +44 20 7946 0958", "GB", ["+442079460958"]),
    ("Téléphone : 01 23 45 67 89", "FR", ["+33123456789"]),
    ("Our Dutch line +31 20 123 4567", "GB", ["+31201234567"]),
    ("Tel.:+31201234567", "NL", ["+31201234567"]),
    ("Telefoonnummer:\u00a0020\u00a0123\u00a045\u00a067", "NL", ["+31201234567"]),
]

# (text, country) that must give no phone number at all
FALSE_POSITIVES = [
    ("KvK: 12345678", "NL"),
    ("KvK-nummer 34123456", "NL"),
    ("Btw: NL123456789B01", "NL"),
    ("btw-nummer NL001234567B01", "NL"),
    ("IBAN: NL91ABNA0417164300", "NL"),
    ("IBAN NL91 ABNA 0417 1643 00", "NL"),
    ("Bestelnummer 100234567", "NL"),
    ("Ordernummer: 0201234567", "NL"),
    ("Artikelnummer 0612345678", "NL"),
    ("Art.nr. 0201234567", "NL"),
    ("Factuurnummer 0301234567", "NL"),
    ("Datum 12-03-2024", "NL"),
    ("Geldig van 01-01-2024 tot 31-12-2024", "NL"),
    ("12/03/2024", "NL"),
    ("52.3676, 4.9041", "NL"),
    ("Prijs € 1.234,56", "NL"),
    ("1234 AB Amsterdam", "NL"),
    ("EAN 8712345678906", "NL"),
    ("GTIN 08712345678906", "NL"),
    ("ISBN 978-90-123-4567-8", "NL"),
    ("versie v3.2.1", "NL"),
    ("Open 09:00 - 17:30", "NL"),
    ("Bereikbaar maandag t/m vrijdag 09.00 - 17.00 uur", "NL"),
    ("Öffnungszeiten 08.30 bis 18.00", "DE"),
    ("© 2019-2024 Shop BV", "NL"),
    ("Ma t/m vr 08:30 - 17:00 uur, za 10:00 - 16:00", "NL"),
    ("Ondernemingsnummer 0403.019.261", "BE"),
    ("USt-IdNr. DE123456789", "DE"),
    ("HRB 123456 Amtsgericht Berlin", "DE"),
    ("Sendungsnummer 00340434161094042557", "DE"),
    ("Track & trace 3SABCD123456789", "NL"),
    ("Klantnummer 0201234567", "NL"),
    ("SKU 0612345678 op voorraad", "NL"),
    ("Afmetingen 120 x 60 x 75 cm, 1.250 gram", "NL"),
]


@pytest.mark.parametrize("text,country,expected", FORMATS, ids=[c[0][:40] for c in FORMATS])
def test_formats(text, country, expected):
    assert sorted(found(text, country)) == sorted(expected)


@pytest.mark.parametrize("text,country", FALSE_POSITIVES, ids=[c[0][:40] for c in FALSE_POSITIVES])
def test_false_positives(text, country):
    assert found(text, country) == {}


# (text, country, value, type, flags)
TYPES_AND_FLAGS = [
    ("Bel 020-1234567", "NL", "+31201234567", "fixed_line", set()),
    ("Bel 06-12345678", "NL", "+31612345678", "mobile", set()),
    ("Gratis 0800-0234", "NL", "+318000234", "toll_free", set()),
    ("Bel 0900-1234567", "NL", "+319001234567", "premium_rate", {"information_number"}),
    (
        "Bel 0900-1234567 (€ 0,80 p/m)",
        "NL",
        "+319001234567",
        "premium_rate",
        {"information_number", "extra_cost"},
    ),
    ("Bel 0900-1234 (10 ct/min)", "NL", "+319001234", "premium_rate", {"information_number", "extra_cost"}),
    ("Bel 0906-1234567", "NL", "+319061234567", "premium_rate", {"extra_cost"}),
    ("Bel 0909-1234567", "NL", "+319091234567", "premium_rate", {"extra_cost"}),
    ("Bel 088-1234567", "NL", "+31881234567", "uan", set()),
    ("Bel 085-1234567", "NL", "+31851234567", "voip", set()),
    (
        "Bel 020-1234567 (lokaal tarief plus 5 cent per minuut)",
        "NL",
        "+31201234567",
        "fixed_line",
        {"extra_cost"},
    ),
    ("Bel +32 2 511 11 11", "NL", "+3225111111", "fixed_line", {"foreign"}),
    ("Tel. 070 22 33 44", "BE", "+3270223344", "premium_rate", {"extra_cost"}),
    ("Hotline 01805 123456", "DE", "+491805123456", "shared_cost", {"extra_cost"}),
    ("Service-Hotline 0180 - 000000", "DE", "+49180000000", "shared_cost", {"extra_cost", "placeholder"}),
    ("Tel +31 20 123 4567", "DE", "+31201234567", "fixed_line", {"foreign"}),
]


@pytest.mark.parametrize(
    "text,country,value,ptype,flags", TYPES_AND_FLAGS, ids=[c[0][:40] for c in TYPES_AND_FLAGS]
)
def test_types_and_flags(text, country, value, ptype, flags):
    f = found(text, country)[value]
    assert f.type == ptype
    assert set(f.flags) == flags


@pytest.mark.parametrize(
    "text,value,is_fax",
    [
        ("Tel 020-1234567, Fax 020-7654321", "+31207654321", True),
        ("Tel 020-1234567, Fax 020-7654321", "+31201234567", False),
        ("Telefax: 030 2345678", "+31302345678", True),
        ("Fax +49 30 12345678", "+493012345678", True),
        ("Faxnummer: 020-7654321", "+31207654321", True),
        ("Tel/Fax: 020-1234567", "+31201234567", False),
    ],
)
def test_fax(text, value, is_fax):
    country = "DE" if value.startswith("+49") else "NL"
    assert found(text, country)[value].is_fax is is_fax


@pytest.mark.parametrize(
    "text,value,third_party",
    [
        (
            "Geschillen: De Geschillencommissie, Postbus 90600, 2509 LP Den Haag, tel. 070-3105310",
            "+31703105310",
            True,
        ),
        ("Autoriteit Persoonsgegevens, telefoon 088-1805250", "+31881805250", True),
        (
            "Onze klantenservice: 020-1234567. Klachten? De Geschillencommissie, 070-3105310",
            "+31201234567",
            False,
        ),
        (
            "Onze klantenservice: 020-1234567. Klachten? De Geschillencommissie, 070-3105310",
            "+31703105310",
            True,
        ),
        ("Betalen via Klarna: klantenservice Klarna 020-8082853", "+31208082853", True),
        ("Website gemaakt door Pixelwerk, 030-2345678", "+31302345678", True),
        ("Shop BV, Hoofdstraat 1, 1234 AB Amsterdam, tel 020-1234567", "+31201234567", False),
    ],
)
def test_third_party_context(text, value, third_party):
    assert found(text)[value].third_party is third_party


def analyse_html(html: str, country: str = "NL"):
    from checks.contacts import page_phones as _phones

    page = parse_html("https://www.shop.nl/", html.encode())
    collect_invisible(page)
    mark_regions(page)
    strip_and_read(page)
    return {f.value: f for f in _phones(page, country)}


def test_tel_link_with_number_text_is_visible_tel_link():
    f = analyse_html('<body><footer><a href="tel:+31201234567">020 - 123 45 67</a></footer></body>')[
        "+31201234567"
    ]
    assert (f.visible, f.source, f.region) == (True, "tel_link", "footer")


def test_tel_href_without_visible_number_is_invisible():
    f = analyse_html('<body><a href="tel:0201234567">Bel ons</a></body>')["+31201234567"]
    assert (f.visible, f.source) == (False, "href")


def test_tel_href_percent_encoded():
    assert "+31201234567" in analyse_html('<body><a href="tel:020%20123%2045%2067">Bel</a></body>')


def test_jsonld_only_is_invisible():
    html = (
        '<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization",'
        '"contactPoint":{"@type":"ContactPoint","telephone":"+31 20 123 4567","faxNumber":"020-7654321"}}]}</script>'
        "</head><body><p>Welkom</p></body>"
    )
    phones = analyse_html(html)
    assert (phones["+31201234567"].visible, phones["+31201234567"].source) == (False, "jsonld")
    assert phones["+31207654321"].is_fax


def test_hidden_and_script_text_never_matched():
    html = (
        '<body><div style="display:none">Tel 020-1234567</div><script>var t="010-4141414";</script>'
        '<input placeholder="06-12345678"><img alt="bel 030-2345678" src="x.png"><p>Welkom</p></body>'
    )
    assert analyse_html(html) == {}


def test_visible_beats_invisible_for_the_same_number():
    html = (
        '<head><script type="application/ld+json">{"telephone":"+31201234567"}</script></head>'
        "<body><header>Bel 020-1234567</header></body>"
    )
    f = analyse_html(html)["+31201234567"]
    assert (f.visible, f.source, f.region) == (True, "text", "header")


def test_number_split_over_inline_elements():
    assert "+31201234567" in analyse_html(
        "<body><p>Tel: <strong>020</strong>-<span>1234567</span></p></body>"
    )


def test_label_and_number_in_separate_elements():
    assert "+31201234567" in analyse_html("<body><dl><dt>Telefoon</dt><dd>020 123 45 67</dd></dl></body>")


def test_comment_number_is_invisible():
    f = analyse_html("<body><!-- oude lijn 020-1234567 --><p>Hallo</p></body>")["+31201234567"]
    assert (f.visible, f.source) == (False, "comment")


def test_label_in_the_block_above():
    html = "<body><dl><dt>Fax</dt><dd>020 765 43 21</dd><dt>KvK</dt><dd>0201234567</dd></dl></body>"
    phones = analyse_html(html)
    assert phones["+31207654321"].is_fax
    assert "+31201234567" not in phones


def test_fax_label_anywhere_makes_the_number_a_fax():
    html = "<body><p>Fax: 020 765 43 21</p><footer><p>020 765 43 21</p></footer></body>"
    assert analyse_html(html)["+31207654321"].is_fax


def test_role_heading_above_makes_third_party():
    html = "<body><h3>Hébergeur</h3><p>NuageFR SAS, Roubaix. Téléphone : +33 9 72 10 11 12</p></body>"
    assert analyse_html(html, "FR")["+33972101112"].third_party


@pytest.mark.parametrize(
    "wrapper,visible",
    [
        ('<div style="display:none">{}</div>', False),
        ('<div style="DISPLAY: None">{}</div>', False),
        ('<div style="color:red; Visibility : HIDDEN">{}</div>', False),
        ("<div hidden>{}</div>", False),
        ('<section hidden="hidden"><div style="display:none"><p>{}</p></div></section>', False),
        ('<div style="display:block">{}</div>', True),
        ('<div style="overflow:hidden">{}</div>', True),
        ('<div style="border:none">{}</div>', True),
        ('<div class="hidden-xs">{}</div>', True),
    ],
)
def test_hidden_elements_hide_their_numbers(wrapper, visible):
    html = "<html><body><p>Welkom</p>" + wrapper.format("Bel 020-1234567") + "</body></html>"
    page = parse_html("https://www.shop.nl/", html)
    collect_invisible(page)
    mark_regions(page)
    strip_and_read(page)
    assert ("020-1234567" in page.text) is visible


# Two or more numbers written side by side: (text, regions, expected E.164 values)
SIDE_BY_SIDE = [
    ("Bel 030-765 4321 - 06-12345678", "NL", ["+31307654321", "+31612345678"]),
    ("Bel 030-765 4321 - 06-98765432", "NL", ["+31307654321"]),  # 069 is no Dutch mobile range
    ("020 123 4567 / 06 12345678", "NL", ["+31201234567", "+31612345678"]),
    ("020 123 4567 - 06 12345678 - 010 414 1414", "NL", ["+31201234567", "+31612345678", "+31104141414"]),
    ("Tel 0201234567 0612345678", "NL", ["+31201234567", "+31612345678"]),
    ("030 765432106 12345678", "NL", ["+31307654321", "+31612345678"]),  # adjacent <span>s, joined
    ("+31 20 123 4567+31 6 12345678", "NL", ["+31201234567", "+31612345678"]),
    ("020 123 4567+31 6 12345678", "NL", ["+31201234567", "+31612345678"]),
    ("+32 2 511 11 11+32 470 12 34 56", "BE", ["+3225111111", "+32470123456"]),
    ("02 511 11 11 - 0470 12 34 56", "BE", ["+3225111111", "+32470123456"]),
    ("030 12345678 / 0151 12345678", "DE", ["+493012345678", "+4915112345678"]),
    ("(212) 555-0100(212) 555-0199", "US", ["+12125550100", "+12125550199"]),
    ("212-555-0100 / 212-555-0199", "US", ["+12125550100", "+12125550199"]),
]


@pytest.mark.parametrize("text,country,expected", SIDE_BY_SIDE, ids=[c[0][:40] for c in SIDE_BY_SIDE])
def test_numbers_side_by_side(text, country, expected):
    assert sorted(found(text, country)) == sorted(expected)


@pytest.mark.parametrize(
    "html,expected",
    [
        ("<p><span>030 7654321</span><span>06 12345678</span></p>", ["+31307654321", "+31612345678"]),
        ("<p>Tel <b>020 123 4567</b><b>06 12345678</b></p>", ["+31201234567", "+31612345678"]),
        (
            "<p><a href='#'>020 123 4567</a><a href='#'>+31 6 12345678</a></p>",
            ["+31201234567", "+31612345678"],
        ),
    ],
)
def test_numbers_in_adjacent_inline_elements(html, expected):
    assert sorted(analyse_html(f"<body>{html}</body>")) == sorted(expected)


# Extensions glued on: the number is recorded, the extension stays in raw only.
EXTENSIONS = [
    ("+1 212 555 0100 x456", "US", "+12125550100", "x456"),
    ("+1 212 555 0100 ext. 12", "NL", "+12125550100", "ext. 12"),
    ("(212) 555-0100 ext 7", "US", "+12125550100", "ext 7"),
    ("+44 20 7946 0958 ext. 201", "GB", "+442079460958", "ext. 201"),
    ("Tel. 030 123456 Durchwahl -12", "DE", "+4930123456", "Durchwahl -12"),
    ("Telefon 089 1234567, Durchwahl 12", "DE", "+49891234567", "Durchwahl 12"),
    ("Bel 020 123 4567 toestel 3", "NL", "+31201234567", "toestel 3"),
]


@pytest.mark.parametrize("text,country,value,ext", EXTENSIONS, ids=[c[0][:40] for c in EXTENSIONS])
def test_extensions(text, country, value, ext):
    f = found(text, country)[value]
    assert f.raw.endswith(ext)


# National numbers read in an ordered list of regions: the first that validates wins.
REGION_LISTS = [
    ("Call (212) 555-0100", ("US",), ["+12125550100"]),
    ("Call (212) 555-0100", ("NL",), []),
    ("Call (212) 555-0100", ("NL", "US"), ["+12125550100"]),
    ("Phone 212-555-0100", ("US", "CA"), ["+12125550100"]),
    ("Toll-free 1-800-555-0199", ("US",), ["+18005550199"]),
    ("Toll free: 1 (800) 555-0199", ("US",), ["+18005550199"]),
    ("Montreal (514) 555-0123", ("CA", "US"), ["+15145550123"]),
    ("Phone 030 12345678", ("DE",), ["+493012345678"]),
    ("Phone 089 1234567", ("NL", "DE"), ["+49891234567"]),
    ("Bel 020 123 4567", ("NL", "BE"), ["+31201234567"]),
    ("Bel 02 511 11 11", ("NL", "BE"), ["+3225111111"]),
    ("Bel 0470 12 34 56", ("NL", "BE"), ["+32470123456"]),
    ("Téléphone : 01 23 45 67 89", ("BE", "FR"), ["+33123456789"]),
    ("SKU 2125550100", ("US",), []),
    ("Order 212-555-0100", ("US",), []),
]


@pytest.mark.parametrize(
    "text,regions,expected", REGION_LISTS, ids=[f"{c[0][:30]}-{c[1]}" for c in REGION_LISTS]
)
def test_region_lists(text, regions, expected):
    got = {f.value for f in merge_phones(phones_in_text([TextBlock(text)], "XX", regions=regions))}
    assert sorted(got) == sorted(expected)


def test_first_region_decides_foreign():
    got = {f.value: f for f in phones_in_text([TextBlock("Bel 02 511 11 11 of 020 123 4567")], ("NL", "BE"))}
    assert "foreign" in got["+3225111111"].flags
    assert "foreign" not in got["+31201234567"].flags


def test_tel_href_in_a_region_list():
    from checks.phones import parse_tel_href

    assert parse_tel_href("tel:(212) 555-0100", ("NL", "US")).country_code == 1
    assert parse_tel_href("tel:(212) 555-0100", "NL") is None


@pytest.mark.parametrize(
    "text,value,is_fax",
    [
        ("Complete the form and fax to: 888-978-5285", "+18889785285", True),
        ("Faxen naar 020-7654321", "+31207654321", True),
        ("Per Fax an 030 1234567", "+49301234567", True),
        ("Bel ons op 020-7654321", "+31207654321", False),
    ],
)
def test_fax_wording(text, value, is_fax):
    country = "US" if value.startswith("+1") else "DE" if value.startswith("+49") else "NL"
    assert found(text, country)[value].is_fax is is_fax


@pytest.mark.parametrize(
    "text,value",
    [
        ("Tel.: +49 (o)8191-96999-60", "+4981919699960"),
        ("Tel +31 (O)20 123 4567", "+31201234567"),
    ],
)
def test_letter_o_for_the_trunk_zero(text, value):
    assert value in found(text, "DE")


@pytest.mark.parametrize("text", ["tel / fax : 0031 ( 0 )70-3635396", "Phone / Fax: 0031 70 3635396"])
def test_phone_and_fax_on_one_line_is_a_phone(text):
    assert found(text)["+31703635396"].is_fax is False


@pytest.mark.parametrize(
    "text",
    [
        "N° TVA intracommunautaire FR40303265045 - Tél : 01 23 45 67 89",
        "SIRET 73282932000074, Tél. 01 23 45 67 89",
    ],
)
def test_french_tel_abbreviation_after_an_identifier(text):
    assert "+33123456789" in found(text, "FR")
