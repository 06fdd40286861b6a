"""Page-kind classification: a case table in Dutch/Flemish, English, German and French."""

from __future__ import annotations

import pytest

from checks.model import PAGE_KINDS
from checks.pagekind import classify_page, legal_kind_of_pdf, scan_text, split_title
from checks.vocabulary import (
    FILLER_WORDS,
    KIND_KEYWORDS,
    KIND_PRECEDENCE,
    NEVER_TEXT_SET,
    PLATFORM_PATHS,
    REPORTED_KIND,
    fold,
)

NL = "https://www.fietsplaza.nl"
BE = "https://www.tuincentrum.be"
DE = "https://www.radladen.de"
FR = "https://www.boutique.fr"
UK = "https://www.gadgets.co.uk"

# (url, title, headings, link_text, expected kind)
CASES = [
    # homepage: root, locale roots, index files, and the help-centre subdomain exception
    (NL + "/", "Fietsplaza - fietsen online", ["Welkom"], "", "homepage"),
    (NL + "/nl/", "", [], "", "homepage"),
    (BE + "/nl-be", "", [], "", "homepage"),
    (UK + "/en-gb/", "", [], "", "homepage"),
    (DE + "/de", "", [], "", "homepage"),
    (NL + "/index.html", "", [], "", "homepage"),
    (NL + "/home", "", [], "", "homepage"),
    (NL + "/?utm_source=nieuwsbrief&utm_medium=email", "", [], "", "homepage"),
    (NL + "/?page_id=12", "Klantenservice", [], "", "customer_service"),
    ("https://help.fietsplaza.nl/", "Help", [], "", "customer_service"),
    # contact
    (NL + "/contact", "Contact | Fietsplaza", ["Contact"], "Contact", "contact"),
    (NL + "/pages/contact", "", [], "", "contact"),
    (NL + "/nl/neem-contact-op", "", [], "", "contact"),
    (NL + "/p/123", "Neem contact met ons op", [], "", "contact"),
    (BE + "/contacteer-ons", "Contacteer ons - Tuincentrum", [], "", "contact"),
    (NL + "/openingstijden", "Openingstijden en bereikbaarheid", [], "", "contact"),
    (UK + "/contact-us", "Contact us", ["Get in touch"], "", "contact"),
    (DE + "/kontakt", "Kontakt", ["Kontaktformular"], "", "contact"),
    (DE + "/info/so-erreichen-sie-uns", "So erreichen Sie uns", [], "", "contact"),
    (FR + "/nous-contacter", "Nous contacter", [], "", "contact"),
    (FR + "/index.php?controller=contact", "", [], "", "contact"),
    (NL + "/over-ons-en-contact", "Over ons & contact", [], "", "contact"),  # contact beats over ons
    (NL + "/service/opening-hours/", "", [], "", "contact"),
    # customer service
    (
        NL + "/klantenservice",
        "Klantenservice",
        ["Klantenservice", "Contactformulier", "Veelgestelde vragen"],
        "",
        "customer_service",
    ),
    (NL + "/service/", "Service - Fietsplaza", [], "", "customer_service"),
    (NL + "/customer-service", "", [], "", "customer_service"),
    (BE + "/klantendienst", "Klantendienst", [], "", "customer_service"),
    (NL + "/p/123", "", [], "Klantenservice", "customer_service"),
    (NL + "/hulp", "Hulp nodig?", [], "", "customer_service"),
    (UK + "/help-centre", "Help Centre", [], "", "customer_service"),
    (UK + "/customer-care", "Customer care", [], "", "customer_service"),
    (DE + "/kundenservice", "Kundenservice | Radladen", [], "", "customer_service"),
    (DE + "/hilfe", "Hilfe", [], "", "customer_service"),
    (FR + "/service-client", "Service client", [], "", "customer_service"),
    ("https://klantenservice.fietsplaza.nl/hc/nl", "Fietsplaza klantenservice", [], "", "customer_service"),
    # faq
    (NL + "/veelgestelde-vragen", "Veelgestelde vragen", [], "", "faq"),
    (
        NL + "/klantenservice/veelgestelde-vragen",
        "Veelgestelde vragen - Klantenservice - Fietsplaza",
        [],
        "",
        "faq",
    ),
    (UK + "/faq", "FAQ", [], "", "faq"),
    (DE + "/haeufige-fragen", "Häufige Fragen", [], "", "faq"),
    (FR + "/questions-frequentes", "Questions fréquentes", [], "", "faq"),
    # terms
    (NL + "/algemene-voorwaarden", "Algemene voorwaarden", [], "", "terms"),
    (NL + "/leveringsvoorwaarden", "", [], "", "terms"),
    (BE + "/verkoopsvoorwaarden", "", [], "", "terms"),  # compound, via the -voorwaarden stem
    (NL + "/policies/terms-of-service", "Servicevoorwaarden", [], "", "terms"),
    (NL + "/service/general-terms-conditions/", "", [], "", "terms"),
    (NL + "/content/3-terms-and-conditions-of-use", "", [], "", "terms"),
    (UK + "/terms-and-conditions", "Terms & Conditions", [], "", "terms"),
    (DE + "/agb", "AGB | Radladen", [], "", "terms"),
    (DE + "/allgemeine-geschaeftsbedingungen", "Allgemeine Geschäftsbedingungen", [], "", "terms"),
    (DE + "/widerrufsbelehrung", "Widerrufsbelehrung", [], "", "terms"),  # statutory notice: legal
    (FR + "/conditions-generales-de-vente", "Conditions générales de vente", [], "", "terms"),
    (FR + "/cgv", "CGV", [], "", "terms"),
    (
        NL + "/blog/algemene-voorwaarden-uitgelegd",
        "Algemene voorwaarden uitgelegd",
        [],
        "",
        "other",
    ),  # article
    # privacy
    (NL + "/privacyverklaring", "Privacyverklaring", [], "", "privacy"),
    (NL + "/privacy-policy", "", [], "", "privacy"),
    (NL + "/policies/privacy-policy", "", [], "", "privacy"),
    (NL + "/privacy-policy-cookie-restriction-mode", "Privacy and Cookie Policy", [], "", "privacy"),
    (NL + "/cookiebeleid", "Cookiebeleid", [], "", "privacy"),
    (DE + "/datenschutzerklaerung", "Datenschutzerklärung", [], "", "privacy"),
    (DE + "/datenschutz", "", [], "Datenschutz", "privacy"),
    (FR + "/politique-de-confidentialite", "Politique de confidentialité", [], "", "privacy"),
    # imprint
    (NL + "/colofon", "Colofon", [], "", "imprint"),
    (NL + "/bedrijfsgegevens", "Bedrijfsgegevens", [], "", "imprint"),
    (NL + "/over-ons", "Over ons", ["Over ons", "Bedrijfsgegevens"], "", "imprint"),
    (NL + "/policies/contact-information", "Contactgegevens", [], "", "imprint"),
    (NL + "/policies/legal-notice", "", [], "", "imprint"),
    (NL + "/service/disclaimer/", "", [], "", "imprint"),
    (BE + "/juridische-informatie", "Juridische informatie", [], "", "imprint"),
    (DE + "/impressum", "Impressum", [], "", "imprint"),
    (FR + "/mentions-legales", "Mentions légales", [], "", "imprint"),
    (FR + "/content/2-mentions-legales", "", [], "", "imprint"),
    (UK + "/legal-notice", "Legal notice", [], "", "imprint"),
    # returns
    (NL + "/retourneren", "Retourneren", [], "", "returns"),
    (NL + "/verzenden-en-retourneren", "Verzenden en retourneren", [], "", "returns"),
    (NL + "/klantenservice/retourneren", "Retourneren | Klantenservice", ["Retourneren"], "", "returns"),
    (NL + "/policies/refund-policy", "", [], "", "returns"),
    (NL + "/service/shipping-returns/", "", [], "", "returns"),
    (NL + "/retourneren-en-herroepingsrecht", "Retourneren en herroepingsrecht", [], "", "returns"),
    (UK + "/returns", "Returns policy", [], "", "returns"),
    (DE + "/ruecksendung", "Rücksendung", [], "", "returns"),
    (FR + "/retours-et-remboursements", "Retours et remboursements", [], "", "returns"),
    # other: about pages, shipping, products that only look like a kind
    (NL + "/over-ons", "Over ons", ["Over ons", "Ons verhaal"], "", "other"),
    (NL + "/service/about/", "", [], "", "other"),
    (DE + "/ueber-uns", "Über uns", [], "", "other"),
    (FR + "/qui-sommes-nous", "Qui sommes-nous ?", [], "", "other"),
    (NL + "/verzending", "Verzending", [], "", "other"),
    (NL + "/policies/shipping-policy", "", [], "", "other"),
    (
        NL + "/p/9200000012345",
        "Tefal Contactgrill GC305 kopen? | Fietsplaza",
        ["Tefal Contactgrill"],
        "",
        "other",
    ),
    (
        UK + "/products/privacy-friendly-webcam",
        "Privacy-friendly webcam | Gadgets",
        ["Privacy-friendly webcam"],
        "Privacy-friendly webcam",
        "other",
    ),
    (DE + "/kontaktlinsen/monatslinsen", "Kontaktlinsen kaufen", ["Kontaktlinsen"], "", "other"),
    (
        NL + "/contact-grill-xl-2000",
        "Contact grill XL 2000 zwart",
        ["Contact grill XL 2000 zwart"],
        "",
        "other",
    ),
    (NL + "/fietsen/e-bikes", "E-bikes | Fietsplaza", ["E-bikes"], "", "other"),
    (NL + "/klantenservice/bestellen", "Bestellen", [], "", "other"),
]


@pytest.mark.parametrize(("url", "title", "headings", "link_text", "expected"), CASES)
def test_classify_page(url: str, title: str, headings: list[str], link_text: str, expected: str) -> None:
    assert classify_page(url, title, headings, link_text) == expected


def test_case_table_covers_every_kind_and_is_big_enough() -> None:
    assert len(CASES) >= 60
    assert {case[-1] for case in CASES} == set(PAGE_KINDS)


def test_is_homepage_flag_forces_and_forbids() -> None:
    assert classify_page(NL + "/nl/klantenservice", is_homepage=True) == "homepage"
    assert classify_page(NL + "/", is_homepage=False) == "other"
    assert classify_page(NL + "/", "Contact", is_homepage=False) == "contact"
    assert classify_page("https://help.fietsplaza.nl/", is_homepage=True) == "homepage"


def test_accents_case_and_slug_forms_fold_alike() -> None:
    assert fold("Datenschutzerklärung") == fold("datenschutzerklaerung")
    assert fold("CONDITIONS GÉNÉRALES") == "conditions generales"
    assert fold("Straße") == "strasse"
    for url in (DE + "/Datenschutzerkl%C3%A4rung", DE + "/DATENSCHUTZ", DE + "/datenschutz-erklaerung"):
        assert classify_page(url) == "privacy", url


def test_shop_name_in_title_is_ignored() -> None:
    # without a separator the shop name would dilute the title; it is recognised from the domain
    assert classify_page(NL + "/x", "Algemene voorwaarden Fietsplaza") == "terms"


@pytest.mark.parametrize(
    ("url", "link_text", "expected"),
    [
        (NL + "/media/algemene-voorwaarden.pdf", "", "terms"),
        (NL + "/media/AV_Fietsplaza_2024_v2.pdf", "", "terms"),
        (NL + "/files/document.pdf", "Algemene voorwaarden (PDF, 120 KB)", "terms"),
        (DE + "/downloads/AGB.pdf", "AGB herunterladen", "terms"),
        (DE + "/downloads/widerrufsformular.pdf", "Muster-Widerrufsformular", "terms"),
        (FR + "/docs/CGV-2024.pdf", "", "terms"),
        (NL + "/media/privacyverklaring.pdf", "", "privacy"),
        (DE + "/docs/datenschutzhinweise.pdf", "", "privacy"),
        (NL + "/docs/retourformulier.pdf", "Retourformulier", "returns"),
        (NL + "/docs/colofon.pdf", "", "imprint"),
        (NL + "/media/catalogus-2024.pdf", "Bekijk onze catalogus", None),
        (NL + "/media/handleiding.pdf", "Handleiding", None),
        (NL + "/media/contactformulier.pdf", "Contactformulier", None),
    ],
)
def test_legal_kind_of_pdf(url: str, link_text: str, expected: str | None) -> None:
    assert legal_kind_of_pdf(url, link_text) == expected


def test_split_title_keeps_the_page_part_first() -> None:
    assert split_title("Retourneren | Klantenservice | Fietsplaza") == [
        "Retourneren",
        "Klantenservice",
        "Fietsplaza",
    ]
    assert split_title("Contact - Fietsplaza") == ["Contact", "Fietsplaza"]
    assert split_title("E-bikes") == ["E-bikes"]


def test_coverage_separates_pages_from_products() -> None:
    assert scan_text("Privacy-friendly webcam").kinds == ("privacy",)
    assert scan_text("Contactgrill").kinds == ()
    assert scan_text("Neem contact met ons op").uncovered == ("neem",)


def test_vocabulary_tables_are_consistent() -> None:
    assert set(KIND_PRECEDENCE) == set(KIND_KEYWORDS)
    for kind in KIND_KEYWORDS:
        assert REPORTED_KIND.get(kind, kind) in PAGE_KINDS
    assert set(PLATFORM_PATHS.values()) <= set(KIND_KEYWORDS)
    assert all(word == fold(word) for word in FILLER_WORDS)
    assert not NEVER_TEXT_SET & {fold(w) for words in KIND_KEYWORDS.values() for w in words}
