"""Link scoring table and link extraction on small pages."""

from __future__ import annotations

import lxml.html
import pytest

from checks.links import KIND_SCORES, extract_links, never_follow_reason, score_link

BASE = "https://www.fietsplaza.nl/"
S = "https://www.fietsplaza.nl"

# (url, link text, expected score, expected kind)
SCORES = [
    # contact first, whatever the URL says
    (S + "/contact", "Contact", 100, "contact"),
    (S + "/pages/contact", "Meer", 100, "contact"),
    (S + "/nl/contacteer-ons", "", 100, "contact"),
    (S + "/p/123", "Neem contact op", 100, "contact"),
    (S + "/kontakt", "Kontakt", 100, "contact"),
    (S + "/nous-contacter", "Nous contacter", 100, "contact"),
    # customer service, help centres on subdomains
    (S + "/klantenservice", "Klantenservice", 90, "customer_service"),
    (S + "/p/123", "Klantenservice", 90, "customer_service"),
    (S + "/service/", "Service", 90, "customer_service"),
    ("https://help.fietsplaza.nl/", "Help", 90, "customer_service"),
    ("https://klantenservice.fietsplaza.nl/hc/nl", "Klantenservice", 90, "customer_service"),
    (S + "/kundenservice", "", 90, "customer_service"),
    # legal pages and legal PDFs
    (S + "/colofon", "Colofon", 80, "imprint"),
    (S + "/impressum", "Impressum", 80, "imprint"),
    (S + "/policies/contact-information", "Contactgegevens", 80, "imprint"),
    (S + "/mentions-legales", "Mentions légales", 80, "imprint"),
    (S + "/algemene-voorwaarden", "Algemene voorwaarden", 75, "terms"),
    (S + "/agb", "AGB", 75, "terms"),
    (S + "/widerrufsbelehrung", "Widerrufsbelehrung", 75, "terms"),
    (S + "/media/algemene-voorwaarden-2024.pdf", "Download", 75, "terms"),
    (S + "/media/doc-123.pdf", "AGB (PDF)", 75, "terms"),
    (S + "/wp-content/uploads/2024/01/CGV.pdf", "Conditions générales de vente", 75, "terms"),
    (S + "/privacy", "Privacy", 70, "privacy"),
    (S + "/datenschutz", "Datenschutz", 70, "privacy"),
    (S + "/media/privacyverklaring.pdf", "Privacyverklaring", 70, "privacy"),
    (S + "/retourneren", "Retourneren", 60, "returns"),
    (S + "/veelgestelde-vragen", "Veelgestelde vragen", 55, "faq"),
    (S + "/faq", "FAQ", 55, "faq"),
    (S + "/over-ons", "Over ons", 50, "other"),
    (S + "/verzending", "Verzending", 20, "other"),
    # hints, ordinary pages, homepage, low-priority pages
    (S + "/klantenservice/bestellen", "Bestellen", 15, "other"),
    (S + "/blog/algemene-voorwaarden-uitgelegd", "Algemene voorwaarden uitgelegd", 15, "other"),
    (S + "/vacatures", "Vacatures", 10, "other"),
    (S + "/tefal-contactgrill", "Tefal Contactgrill", 10, "other"),
    (S + "/", "Home", 5, "homepage"),
    (S + "/en/", "English", 5, "homepage"),
    (S + "/p/9200000012345", "Gazelle Orange C7", 1, "other"),
    (S + "/products/privacy-webcam", "Privacy-friendly webcam", 1, "other"),
    (S + "/collections/e-bikes", "E-bikes", 1, "other"),
    (S + "/fietsen/gazelle-orange-c7-123456", "Gazelle Orange C7", 1, "other"),
    (S + "/fietsen", "€ 1.299,00", 1, "other"),
    (S + "/fietsen?page=2", "2", 1, "other"),
    (S + "/fietsen/page/3/", "3", 1, "other"),
    (S + "/media/catalogus.pdf", "Catalogus", 1, "other"),
    # never: every family
    (S + "/winkelwagen", "Winkelwagen", -1, "other"),
    (S + "/cart", "", -1, "other"),
    (S + "/checkout/onepage/", "Afrekenen", -1, "other"),
    (S + "/warenkorb", "", -1, "other"),
    (S + "/panier", "", -1, "other"),
    (S + "/kassa", "", -1, "other"),
    (S + "/fietsen/gazelle?add-to-cart=123", "In winkelwagen", -1, "other"),
    (S + "/cart/add/123", "", -1, "other"),
    (S + "/account/login", "Inloggen", -1, "other"),
    (S + "/customer/account/create/", "Account aanmaken", -1, "other"),
    (S + "/mijn-account", "Mijn account", -1, "other"),
    (S + "/mein-konto", "Mein Konto", -1, "other"),
    (S + "/mon-compte", "Mon compte", -1, "other"),
    (S + "/wishlist", "", -1, "other"),
    (S + "/verlanglijst", "", -1, "other"),
    (S + "/wunschliste", "", -1, "other"),
    (S + "/search?q=fiets", "", -1, "other"),
    (S + "/zoeken?q=contact", "Contact", -1, "other"),
    (S + "/?s=contact", "", -1, "other"),
    (S + "/catalogsearch/result/?q=x", "", -1, "other"),
    (S + "/fietsen?sort=price", "Prijs oplopend", -1, "other"),
    (S + "/fietsen?order=desc", "", -1, "other"),
    (S + "/fietsen?filter_color=rood", "Rood", -1, "other"),
    (S + "/fietsen?price=100-200", "", -1, "other"),
    (S + "/fietsen?merk=gazelle&type=e-bike&maat=57&frame=dames", "", -1, "other"),
    (S + "/fietsen?a=1&b=2&c=3", "", -1, "other"),
    (S + "/agenda/2025/03", "Maart", -1, "other"),
    (S + "/events/2024-05-01", "", -1, "other"),
    (S + "/events?date=2025-03-01", "", -1, "other"),
    (S + "/events?month=4", "Volgende maand", -1, "other"),
    (S + "/calendar/", "", -1, "other"),
    (S + "/nieuws/2024/05/", "Mei 2024", -1, "other"),
    (S + "/fietsen?page=7", "7", -1, "other"),
    (S + "/blog/page/7/", "7", -1, "other"),
    (S + "/fietsen?p=12", "12", -1, "other"),
    (S + "/product_compare/add/product/1", "Vergelijk", -1, "other"),
    (S + "/vergelijken", "", -1, "other"),
    (S + "/print/123", "Print", -1, "other"),
    (S + "/share?url=x", "Delen", -1, "other"),
    (S + "/feed/", "RSS", -1, "other"),
    (S + "/img/logo.png", "", -1, "other"),
    (S + "/static/app.js", "", -1, "other"),
    (S + "/fonts/roboto.woff2", "", -1, "other"),
    (S + "/downloads/pack.zip", "", -1, "other"),
    (S + "/video/intro.mp4", "", -1, "other"),
    (S + "/cdn-cgi/l/email-protection", "[email protected]", -1, "other"),
    (S + "/x", "In winkelwagen", -1, "other"),
    # off-site (kind still reported)
    ("https://www.facebook.com/fietsplaza", "Facebook", -1, "other"),
    ("https://www.thuiswinkel.org/leden/fietsplaza", "Thuiswinkel Waarborg", -1, "other"),
    ("https://fietsplaza.zendesk.com/hc/nl/contact", "Contact", -1, "contact"),
]


@pytest.mark.parametrize(("url", "text", "score", "kind"), SCORES)
def test_score_link(url: str, text: str, score: int, kind: str) -> None:
    assert score_link(url, text, BASE)[:2] == (score, kind)


def test_score_table_covers_every_family() -> None:
    assert len(SCORES) >= 50
    reasons = {never_follow_reason(url) for url, _, score, _ in SCORES if score < 0}
    assert {
        "cart",
        "account",
        "search",
        "filter",
        "calendar",
        "pagination",
        "compare",
        "print",
        "share",
        "feed",
        "asset",
        "cloudflare",
    } <= reasons
    assert set(KIND_SCORES.values()) <= {s for _, _, s, _ in SCORES}


def test_is_pdf() -> None:
    assert score_link(S + "/media/AGB.PDF", "", BASE)[2] is True
    assert score_link(S + "/agb", "", BASE)[2] is False


def test_fragment_and_whitespace_do_not_change_the_score() -> None:
    assert score_link(S + "/contact#form", "  Contact\n ", BASE) == score_link(
        S + "/contact", "Contact", BASE
    )


def _page(body: str, head: str = "") -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def _by_url(links: list) -> dict:
    return {link.url: link for link in links}


def test_extract_resolves_relative_urls_and_drops_fragments() -> None:
    root = _page(
        '<a href="contact">Contact</a><a href="../over-ons#team">Over ons</a><a href="/faq#q1">FAQ</a>'
        '<a href="//www.fietsplaza.nl/agb">AGB</a><a href="?page=2">2</a>'
    )
    links = _by_url(extract_links(root, "https://www.fietsplaza.nl/info/service/"))
    assert set(links) == {
        "https://www.fietsplaza.nl/info/service/contact",
        "https://www.fietsplaza.nl/info/over-ons",
        "https://www.fietsplaza.nl/faq",
        "https://www.fietsplaza.nl/agb",
        "https://www.fietsplaza.nl/info/service/?page=2",
    }
    assert links["https://www.fietsplaza.nl/faq"].kind == "faq"


def test_extract_honours_base_href() -> None:
    root = _page(
        '<a href="klantenservice">Klantenservice</a>', head='<base href="https://www.fietsplaza.nl/nl/">'
    )
    (link,) = extract_links(root, "https://www.fietsplaza.nl/some/deep/page.html")
    assert link.url == "https://www.fietsplaza.nl/nl/klantenservice"
    assert (link.score, link.kind) == (90, "customer_service")


def test_extract_skips_non_http_links() -> None:
    root = _page(
        '<a href="mailto:info@fietsplaza.nl">Mail</a><a href="tel:+31201234567">Bel</a>'
        '<a href="javascript:void(0)">Menu</a><a href="data:text/plain,x">x</a><a href="#top">Top</a>'
        '<a href="">leeg</a><a>geen href</a><a href=" /contact ">Contact</a>'
    )
    assert [link.url for link in extract_links(root, BASE)] == [S + "/contact"]


def test_extract_dedupes_keeping_best_score_and_most_informative_text() -> None:
    root = _page(
        '<a href="/contact"><img src="/i/phone.svg" alt=""></a>'
        '<a href="/contact#form">Contact</a>'
        '<a href="/contact">Contact opnemen met onze klantenservice</a>'
        '<a href="/p/1"><img src="/i/1.jpg" alt="Gazelle Orange C7"></a><a href="/p/1">Gazelle Orange C7 dames</a>'
    )
    links = _by_url(extract_links(root, BASE))
    assert len(links) == 2
    assert links[S + "/contact"].text == "Contact opnemen met onze klantenservice"
    assert links[S + "/contact"].score == 100
    assert links[S + "/p/1"].text == "Gazelle Orange C7 dames"


def test_extract_text_falls_back_to_title_aria_label_and_img_alt() -> None:
    root = _page(
        '<a href="/a" title="Klantenservice"><i class="icon"></i></a>'
        '<a href="/b" aria-label="Algemene voorwaarden"> </a>'
        '<a href="/c"><img src="x.png" alt="Contact"></a>'
    )
    links = _by_url(extract_links(root, BASE))
    assert links[S + "/a"].text == "Klantenservice" and links[S + "/a"].kind == "customer_service"
    assert links[S + "/b"].text == "Algemene voorwaarden" and links[S + "/b"].kind == "terms"
    assert links[S + "/c"].text == "Contact" and links[S + "/c"].score == 100


def test_extract_keeps_off_site_links_and_treats_subdomains_as_on_site() -> None:
    root = _page(
        '<a href="https://help.fietsplaza.nl/">Help</a><a href="https://www.instagram.com/fietsplaza">Instagram</a>'
        '<a href="https://klantenservice.fietsplaza.nl/contact">Contact</a>'
    )
    links = _by_url(extract_links(root, BASE))
    assert links["https://help.fietsplaza.nl/"].score == 90
    assert links["https://klantenservice.fietsplaza.nl/contact"].score == 100
    assert links["https://www.instagram.com/fietsplaza"].score == -1


def test_extract_region_comes_from_the_callback_and_does_not_change_the_score() -> None:
    root = _page(
        '<header><a href="/contact">Contact</a></header><footer><a href="/klantenservice">Klantenservice'
        "</a></footer>"
    )

    def region_of(el: lxml.html.HtmlElement) -> str:
        return next((a.tag for a in el.iterancestors() if a.tag in ("header", "footer")), "main")

    links = _by_url(extract_links(root, BASE, region_of))
    assert (links[S + "/contact"].region, links[S + "/contact"].score) == ("header", 100)
    assert (links[S + "/klantenservice"].region, links[S + "/klantenservice"].score) == ("footer", 90)
    assert {link.region for link in extract_links(root, BASE)} == {"main"}


def test_extract_collapses_whitespace_and_caps_text() -> None:
    root = _page('<a href="/x">  Lees\n   meer\t over  ons  </a><a href="/y">' + "woord " * 100 + "</a>")
    links = _by_url(extract_links(root, BASE))
    assert links[S + "/x"].text == "Lees meer over ons"
    assert len(links[S + "/y"].text) <= 200


def test_quick_path_agrees_with_the_full_rules_on_real_looking_pages():
    """The quick path for plain links must give exactly what the full rules give."""
    from pathlib import Path

    from checks import links
    from checks.page import parse_html

    golden = sorted((Path(__file__).parent / "golden").glob("*.html"))
    assert golden
    checked = 0
    for path in golden:
        url = "https://www.golden-shop.nl/" + path.stem
        for link in links.extract_links(parse_html(url, path.read_bytes()).root, url):
            quick = links._quick_ordinary(link.url, link.text)
            if quick is not None:
                checked += 1
                assert quick == links._full_score(link.url, link.text, True), (link.url, link.text)
    assert checked > 100


def test_crawl_shortcut_keeps_every_link_that_can_name_a_kind():
    """extract_links(min_score=...) skips links by a bulk pre-check; it must drop none that score."""
    from pathlib import Path

    from checks import links
    from checks.page import parse_html

    root_dir = Path(__file__).resolve().parents[1]
    pages = sorted((root_dir / "tests" / "golden").glob("*.html"))
    pages += sorted((root_dir / "bereikbaar" / "samples" / "shops").glob("*/**/*.html"))[:300]
    floor = min(KIND_SCORES.values())
    compared = 0
    for path in pages:
        url = "https://www.golden-shop.nl/" + path.stem
        full = {(x.url, x.score) for x in links.extract_links(parse_html(url, path.read_bytes()).root, url)}
        quick = {
            (x.url, x.score)
            for x in links.extract_links(parse_html(url, path.read_bytes()).root, url, min_score=floor)
        }
        assert quick == {item for item in full if item[1] >= floor}, path.name
        compared += len(quick)
    assert compared > 500


def test_item_indices_counts_separators():
    from checks.page import item_indices, items_containing

    items = ["/contact", "", "/p/1-fiets", "mailto:a@b.nl", "/contact?x", "tel:020"]
    joined = "\x00".join(items)
    assert item_indices(joined, [joined.index("/p/1"), 0, joined.rindex("/contact")]) == [0, 2, 4]
    assert items_containing(items, ("/contact",)) == [0, 4]
    assert items_containing(items, ("MAILTO:", "TEL:")) == []
    assert items_containing(items, ("mailto:", "tel:"), lower=True) == [3, 5]
    # a NUL inside an item: every item is tested on its own
    assert items_containing(["a\x00tel:1", "b", "tel:2"], ("tel:",)) == [0, 2]


def test_crawl_shortcut_reads_the_words_of_links_without_text():
    """A link known only by its title, aria-label or an image's alt text; images outside a link
    and links with text of their own do not lend it words."""
    html = """<html><body>
    <a href="/info/7" title="Klantenservice"></a>
    <a href="/info/8" aria-label="Contact"><svg></svg></a>
    <a href="/info/9"><span><img src="/i/a.png" alt="Algemene voorwaarden"></span></a>
    <a href="/info/20">Home</a><img src="/i/b.png" alt="Privacyverklaring">
    <a href="/info/21"><img src="/i/c.png" alt="Retourneren"> Nieuw</a>
    <a name="top"><img src="/i/d.png" alt="Contact"></a>
    </body></html>"""
    root = lxml.html.document_fromstring(html)
    floor = min(KIND_SCORES.values())
    quick = {link.url for link in extract_links(root, BASE, min_score=floor)}
    assert quick == {S + "/info/7", S + "/info/8", S + "/info/9"}
    full = {link.url for link in extract_links(root, BASE) if link.score >= floor}
    assert full == quick


@pytest.mark.parametrize(
    "text",
    [
        "",
        "contact",
        "klant-en-service/faq?x=1",
        "caf\u00e9 na\u00efef 2x",
        "a\u00a0b\u2013c",
        "\x00x\x00",
        "---",
    ],
)
def test_bulk_tokens_are_the_regex_tokens(text):
    import re

    from checks import links

    folded = links._fold_bulk(text)
    assert links._tokens(folded) == set(re.findall(r"[a-z0-9]+", folded))
