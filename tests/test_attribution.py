"""Whose contact detail is it (checks/attribution.py): a table of page fragments and the owner
each value must get. Organisation names here are invented on purpose: the rules must work on
names they were never written for (no list holds "Stichting Brelmok" or "Zorvat Logistik GmbH")."""

from __future__ import annotations

import pytest

from checks.analyse import analyse_page
from checks.attribution import ShopNames, name_key, org_names
from checks.findability import ShopPage, assess


def _page(url: str, *paragraphs: str, footer: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    foot = f"<footer><p>{footer}</p></footer>" if footer else ""
    return f"<html><head><title>Pagina</title></head><body><main>{body}</main>{foot}</body></html>".encode()


def _owner(url: str, value: str, *paragraphs: str, footer: str = "") -> tuple[str, str]:
    a = analyse_page(url, _page(url, *paragraphs, footer=footer))
    for f in (*a.phones, *a.emails):
        if f.value == value:
            return f.owner, f.owner_reason
    raise AssertionError(
        f"{value} not found; phones {[p.value for p in a.phones]}, e-mails {[e.value for e in a.emails]}"
    )


TERMS = "https://www.tuinwerk-vos.nl/algemene-voorwaarden"
PRIVACY = "https://www.tuinwerk-vos.nl/privacy"
SHIPPING = "https://www.tuinwerk-vos.nl/verzending"
IMPRINT = "https://www.gartenzwerg-laden.de/impressum"
MENTIONS = "https://www.boutique-lavande.fr/mentions-legales"
RETURNS_EN = "https://www.kettle-hub.co.uk/delivery-and-returns"

# (id, url, paragraphs, value, owner, words the reason must contain)
CASES = [
    ("disputes body by legal form", TERMS,
     ["Geschillen kunnen worden voorgelegd aan Stichting Brelmok Geschillen, Postbus 1234, 2500 AA Den Haag, "
      "telefoon 070-1234567."], "+31701234567", "third_party", "Stichting Brelmok"),
    ("disputes body by institution word", TERMS,
     ["Bent u niet tevreden? Dan kunt u terecht bij de Klachtencommissie Zorvat via 088-1234567."],
     "+31881234567", "third_party", "Klachtencommissie"),
    ("complaint taken to someone named", TERMS,
     ["U kunt een klacht indienen bij Brelmok Keur via klachten@brelmok-keur.nl."],
     "klachten@brelmok-keur.nl", "third_party", "Brelmok"),
    ("payment provider's desk named before it", SHIPPING,
     ["Vragen over uw factuur? Neem niet contact met ons op, maar met de Pravik klantenservice via 020-7654321."],
     "+31207654321", "third_party", "Pravik"),
    ("possessive desk", RETURNS_EN,
     ["If you cannot log in to pay, contact Pravik's Customer Service on 020 3005 0833."],
     "+442030050833", "third_party", "Pravik"),
    ("carrier named as the one to contact", RETURNS_EN,
     ["If your parcel does not arrive, please contact Zeeboom on 0844 897 0000 first."],
     "+448448970000", "third_party", "Zeeboom"),
    ("our own desk after the carrier's", RETURNS_EN,
     ["If they cannot help, please contact our customer services department on 01727 868377."],
     "+441727868377", "shop", "our"),
    ("first person in the terms", TERMS,
     ["Heeft u vragen over deze voorwaarden? Bel ons op 030-2345678."], "+31302345678", "shop", "ons"),
    ("identity article with KvK", TERMS,
     ["Artikel 2 - Identiteit van de ondernemer", "Tuinwerk Vos B.V.", "Kerkstraat 12", "1234 AB Dorp",
      "Telefoon: 0341-123456", "KvK-nummer: 12345678"], "+31341123456", "shop", ""),
    ("identity block under a name that is not the domain", TERMS,
     ["Artikel 2 - Identiteit van de ondernemer", "Handelend onder de naam: Groenplek", "Vestigingsadres: Dorpsweg 3",
      "Telefoonnummer: 0341-654321", "KvK-nummer: 87654321"], "+31341654321", "shop", ""),
    ("bare number in the terms", TERMS,
     ["Artikel 9 - Betaling", "De betaling kan ook telefonisch: 0341-112233."], "+31341112233", "unknown",
     "legal document"),
    ("shop's e-mail domain in the privacy statement", PRIVACY,
     ["Voor vragen over privacy: privacy@tuinwerk-vos.nl."], "privacy@tuinwerk-vos.nl", "shop", "domain"),
    ("regulator in the privacy statement", PRIVACY,
     ["U heeft het recht een klacht in te dienen bij de Autoriteit Zorgvuldigheid, telefoon 088-1805250."],
     "+31881805250", "third_party", "Autoriteit"),
    ("web host in mentions légales", MENTIONS,
     ["Hébergement du site :", "Quarnet SAS", "12 rue des Lilas, 59100 Roubaix", "Tél : 03 20 00 00 01",
      "SIRET : 123 456 789 00012"], "+33320000001", "third_party", ""),
    ("web agency in mentions légales", MENTIONS,
     ["Conception et réalisation : Agence Volpi", "Tél : 04 91 00 00 02", "contact@agence-volpi.fr"],
     "contact@agence-volpi.fr", "third_party", ""),
    ("trader in the Impressum", IMPRINT,
     ["Angaben gemäß § 5 DDG", "Zwergenwerk GmbH", "Lindenweg 4", "10115 Berlin", "Telefon: 030 12345678",
      "Handelsregister: HRB 123456 B"], "+493012345678", "shop", ""),
    ("external data-protection officer", IMPRINT,
     ["Unseren Datenschutzbeauftragten erreichen Sie bei der Zorvat Datenschutz GmbH, Telefon 089 7654321."],
     "+49897654321", "third_party", "Zorvat"),
    ("logistics partner in our own words", IMPRINT,
     ["Bei Lieferproblemen wenden Sie sich bitte an unseren Logistikdienstleister Brelmo unter 02623 73902."],
     "+49262373902", "third_party", ""),
    ("free-mail box named after the shop", MENTIONS,
     ["Pour exercer ce droit, vous pouvez adresser un email à : boutique.lavande@gmail.com."],
     "boutique.lavande@gmail.com", "shop", "free-mail"),
    ("free-mail box of someone else", MENTIONS,
     ["Photos : Jean Volpi, jean.volpi.photo@gmail.com"], "jean.volpi.photo@gmail.com", "unknown", ""),
    ("another organisation's website in the sentence", RETURNS_EN,
     ["Payments are due monthly: pay by mail, online by visiting www.quorvanbank.com or by calling 0161 496 0000."],
     "+441614960000", "third_party", "quorvanbank.com"),
    ("the shop's own website proves nothing either way", TERMS,
     ["Artikel 4 - Betaling", "tuinwerk-vos.nl © alle rechten voorbehouden - betaling: 0341-443322"],
     "+31341443322", "unknown", ""),
    ("the sentence after the number names another organisation's desk", IMPRINT,
     ["Natürlich kannst du auch anrufen: 0221 669 501 10. Den Quorvan-Kundenservice findest du hier."],
     "+4922166950110", "third_party", "Quorvan"),
    ("footer of a legal page is the shop's", TERMS,
     ["Artikel 1 - Definities"], "+31341998877", "shop", ""),
]  # fmt: skip


@pytest.mark.parametrize(
    "url,paragraphs,value,owner,reason_words", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_owner_table(url, paragraphs, value, owner, reason_words):
    footer = "Klantenservice 0341-998877" if value == "+31341998877" else ""
    got, reason = _owner(url, value, *paragraphs, footer=footer)
    assert got == owner, reason
    assert reason, "every owner comes with its evidence"
    assert reason_words.lower() in reason.lower()


@pytest.mark.parametrize(
    "text,names",
    [
        ("Stichting Brelmok Geschillen, Postbus 1", ["Stichting Brelmok Geschillen"]),
        ("verkocht door Zorvat Retail B.V. te Utrecht", ["Zorvat Retail B.V."]),
        ("Quarnet SAS, 12 rue des Lilas", ["Quarnet SAS"]),
        ("Zwergenwerk GmbH & Co. KG, Lindenweg", ["Zwergenwerk GmbH & Co. KG"]),
        ("7411 BV Deventer", []),  # a Dutch postcode, not a company
        ("het ODR-platform van de EU", []),  # a thing, not a body
    ],
)
def test_organisations_by_shape(text, names):
    assert [n for n, _, _ in org_names(text) if not n.lower().startswith("odr")] == names


def test_shop_names_match_with_and_without_legal_form():
    names = ShopNames()
    names.add("tuinwerk-vos", "tuinwerk-vos.nl")
    assert names.match("Tuinwerk Vos B.V.") == "tuinwerk-vos.nl"
    assert names.match("Brelmok B.V.") is None
    assert name_key("De Zorvat Groep B.V.") == "zorvatgroep"


def test_a_group_address_is_the_shops_when_the_imprint_names_the_group():
    imprint = "https://www.gartenzwerg-laden.de/impressum"
    contact = "https://www.gartenzwerg-laden.de/faq"
    pages = [
        ShopPage(
            analyse_page(imprint, _page(imprint, "Impressum", "Lindholm Handelsgruppe GmbH", "Lindenweg 4",
                                       "Handelsregister: HRB 99 B")),  # fmt: skip
            clicks=1,
        ),
        ShopPage(analyse_page(contact, _page(contact, "Fragen zum Versand? Schreiben: service@lindholm-handelsgruppe.de")), clicks=1),
    ]  # fmt: skip
    before = pages[1].analysis.emails[0]
    assert before.owner == "unknown"
    a = assess(pages)
    assert [f.value for f in a.email.found] == ["service@lindholm-handelsgruppe.de"]
    assert "Lindholm Handelsgruppe" in a.email.found[0].owner_reason


def test_top_of_a_page_saved_as_text_is_its_header():
    body = b"tel 0341 123456\n\nAlgemene voorwaarden\n\nArtikel 1. Deze voorwaarden gelden voor elke bestelling.\n"
    a = analyse_page("https://www.tuinwerk-vos.nl/voorwaarden.txt", body, content_type="text/plain")
    (phone,) = a.phones
    assert phone.owner == "shop" and "top of the page" in phone.owner_reason
    filler = b"Artikel 2. De ondernemer levert zo snel mogelijk, uiterlijk binnen dertig dagen.\n\n" * 4
    later = body + filler + b"Artikel 7. Betaling per telefoon: 0341 654321.\n"
    a = analyse_page("https://www.tuinwerk-vos.nl/voorwaarden.txt", later, content_type="text/plain")
    assert {p.value: p.owner for p in a.phones}["+31341654321"] == "unknown"
