"""E-mail addresses: sources, de-obfuscation and every false-positive family."""

from __future__ import annotations

import pytest

from checks import emails
from checks.contacts import page_emails
from checks.emails import decode_cfemail, demunge, emails_in_blocks, emails_in_script
from checks.model import TextBlock
from checks.page import collect_invisible, mark_regions, parse_html, strip_and_read


def in_text(text: str) -> dict:
    return {f.value: f for f in emails_in_blocks([TextBlock(text)])}


def in_html(html: str, shop_domain: str = "shop.nl") -> dict:
    page = parse_html("https://www.shop.nl/", html.encode())
    collect_invisible(page)
    mark_regions(page)
    strip_and_read(page)
    return {f.value: f for f in page_emails(page, shop_domain)}


TEXT_CASES = [
    ("Mail ons: info@shop.nl", ["info@shop.nl"]),
    ("E-mail: Klantenservice@Shop.NL", ["klantenservice@shop.nl"]),
    ("service@shop.co.uk of sales@shop.de", ["service@shop.co.uk", "sales@shop.de"]),
    ("Vragen? vragen+web@mijn-shop.nl.", ["vragen+web@mijn-shop.nl"]),
    ("info [at] shop [dot] nl", ["info@shop.nl"]),
    ("info(at)shop.nl", ["info@shop.nl"]),
    ("info {at} shop {dot} nl", ["info@shop.nl"]),
    ("info AT shop DOT nl", ["info@shop.nl"]),
    ("info (apenstaartje) shop (punt) nl", ["info@shop.nl"]),
    ("kontakt (ät) laden (punkt) de", ["kontakt@laden.de"]),
    ("contact [arobase] boutique [point] fr", ["contact@boutique.fr"]),
    ("info @ shop . nl", ["info@shop.nl"]),
    ("info＠shop.nl", ["info@shop.nl"]),
    ("Schrijf naar klantenservice@bücher-welt.de", []),  # not IDNA-encoded: not an address we can trust
    ("logo@2x.png sprite@3x.webp banner@2x.jpg?v=1", []),
    ("core-js@3.30.2 bootstrap@5.3.2/dist/css", []),
    ("https://abc123def4567890abc123def4567890@o123456.ingest.sentry.io/42", []),
    ("example@example.com name@example.org", []),
    ("jouw@email.nl naam@voorbeeld.nl", []),
    ("you@domain.com", []),
    ("user@localhost user@shop.test", []),
    ('f="nr@context" k@L.Bi', []),
    ("u003einfo@shop.nl", ["info@shop.nl"]),
    ("Mail: info@shop.nl, of bel 020-1234567", ["info@shop.nl"]),
    ("Bestellingen: orders@shop.nl; retouren: retour@shop.nl", ["orders@shop.nl", "retour@shop.nl"]),
    ("look at shop dot com for more", []),
]


@pytest.mark.parametrize("text,expected", TEXT_CASES, ids=[c[0][:40] for c in TEXT_CASES])
def test_text(text, expected):
    assert sorted(in_text(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text,source",
    [
        ("info@shop.nl", "text"),
        ("info [at] shop [dot] nl", "deobfuscated"),
        ("info(at)shop.nl", "deobfuscated"),
    ],
)
def test_text_source(text, source):
    assert in_text(text)["info@shop.nl"].source == source


def test_cloudflare_hex_decoding():
    assert decode_cfemail("5a33343c351a2932352a743436") == "info@shop.nl"
    assert decode_cfemail("zz") is None


def test_demunge_keeps_ordinary_text():
    assert demunge("We are at home") == "We are at home"


HTML_CASES = [
    ('<a href="mailto:info@shop.nl">info@shop.nl</a>', "info@shop.nl", "mailto", True),
    ('<a href="mailto:Info@Shop.nl?subject=Vraag">Info@Shop.nl</a>', "info@shop.nl", "mailto", True),
    ('<a href="mailto:info%40shop.nl">mail</a>', "info@shop.nl", "href", False),
    ('<a href="mailto:info@shop.nl">Stuur ons een e-mail</a>', "info@shop.nl", "href", False),
    (
        '<a href="mailto:info@shop.nl">Mail</a><p>Of schrijf naar info@shop.nl</p>',
        "info@shop.nl",
        "mailto",
        True,
    ),
    (
        '<a href="&#109;&#97;&#105;&#108;&#116;&#111;&#58;&#105;&#110;&#102;&#111;&#64;shop.nl">'
        "&#105;&#110;&#102;&#111;&#64;shop.nl</a>",
        "info@shop.nl",
        "mailto",
        True,
    ),
    (
        '<span class="__cf_email__" data-cfemail="5a33343c351a2932352a743436">[email&#160;protected]</span>',
        "info@shop.nl",
        "cfemail",
        True,
    ),
    (
        '<a href="/cdn-cgi/l/email-protection#5a33343c351a2932352a743436">Mail ons</a>',
        "info@shop.nl",
        "cfemail",
        True,
    ),
    (
        "<script>eval(decodeURIComponent('%64%6f%63%75%6d%65%6e%74%2e%77%72%69%74%65%28%27%3c%61%20%68%72%65%66%3d"
        "%22%6d%61%69%6c%74%6f%3a%69%6e%66%6f%40%73%68%6f%70%2e%6e%6c%22%3e%27%29'))</script>",
        "info@shop.nl",
        "deobfuscated",
        True,
    ),
    (
        "<script>document.write(String.fromCharCode(105,110,102,111,64,115,104,111,112,46,110,108))</script>",
        "info@shop.nl",
        "deobfuscated",
        True,
    ),
    (
        "<script>var a = 'info' + '@' + 'shop.nl'; document.write(a);</script>",
        "info@shop.nl",
        "deobfuscated",
        True,
    ),
    (
        '<joomla-hidden-mail is-link="1" is-email="1" first="aW5mbw==" last="c2hvcC5ubA==" text="">'
        "This email address is being protected from spambots.</joomla-hidden-mail>",
        "info@shop.nl",
        "deobfuscated",
        True,
    ),
    (
        '<script type="application/ld+json">{"@type":"Organization","email":"mailto:info@shop.nl"}</script>',
        "info@shop.nl",
        "jsonld",
        False,
    ),
    ('<meta property="og:email" content="info@shop.nl">', "info@shop.nl", "jsonld", False),
    ('<script>window.__STATE__={"support":"help\\u0040shop.nl"}</script>', "help@shop.nl", "script", False),
    ("<!-- contact: info@shop.nl -->", "info@shop.nl", "comment", False),
    ('<bdo dir="rtl">ln.pohs@ofni</bdo>', "info@shop.nl", "text", True),
    (
        '<span style="unicode-bidi:bidi-override; direction: rtl;">ln.pohs@ofni</span>',
        "info@shop.nl",
        "text",
        True,
    ),
]


@pytest.mark.parametrize(
    "html,value,source,visible", HTML_CASES, ids=[str(i) for i in range(len(HTML_CASES))]
)
def test_html_sources(html, value, source, visible):
    f = in_html(f"<html><body>{html}<p>Welkom</p></body></html>")[value]
    assert (f.source, f.visible) == (source, visible)


@pytest.mark.parametrize(
    "html",
    [
        '<input type="email" placeholder="naam@voorbeeld.nl">',
        '<input type="email" placeholder="jan@janssen-bv.nl">',
        '<img src="/img/logo@2x.png" srcset="/img/logo@3x.png 3x">',
        '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/css/bootstrap.min.css">',
        '<div style="display:none">verborgen@shop.nl</div>',
        '<script>Sentry.init({dsn:"https://abcdef0123456789abcdef0123456789@o12345.ingest.sentry.io/678"})</script>',
    ],
)
def test_html_false_positives(html):
    assert in_html(f"<html><body>{html}<p>Welkom</p></body></html>") == {}


@pytest.mark.parametrize(
    "text,value,third_party",
    [
        (
            "Klachten kunt u voorleggen aan de Geschillencommissie via info@degeschillencommissie.nl",
            "info@degeschillencommissie.nl",
            True,
        ),
        ("Neem contact op met de Autoriteit Persoonsgegevens: info@ap-nl.org", "info@ap-nl.org", True),
        ("Betaling verloopt via Mollie, support@mollie.com", "support@mollie.com", True),
        ("Vragen over uw bestelling? klantenservice@shop.nl", "klantenservice@shop.nl", False),
        ("Hébergeur : OVH SAS, support@ovh-hosting.fr", "support@ovh-hosting.fr", True),
    ],
)
def test_third_party(text, value, third_party):
    f = in_html(f"<html><body><p>{text}</p></body></html>")[value]
    assert f.third_party is third_party


def test_own_domain_is_never_third_party_by_context():
    f = in_html("<html><body><p>Geschillencommissie? Mail eerst ons: service@shop.nl</p></body></html>")[
        "service@shop.nl"
    ]
    assert f.third_party is False


def test_flags_noreply_and_other_domain():
    got = in_html("<html><body><p>noreply@shop.nl en shopnl@gmail.com</p></body></html>")
    assert "noreply" in got["noreply@shop.nl"].flags
    assert "other_domain" in got["shopnl@gmail.com"].flags


def test_script_decoding_separates_written_from_contained():
    decoded, plain = emails_in_script(
        "var s = {mail: 'data@shop.nl'}; document.write('a' + '@' + 'shop.nl');"
    )
    assert decoded == ["a@shop.nl"]
    assert plain == ["data@shop.nl"]


def test_long_text_scans_only_around_each_at_sign():
    from checks.emails import addresses_in

    filler = "x" * 3000
    text = f"{filler} info@shop.nl {filler} logo@2x.png {filler} a@b @ @@ sales@shop.de {filler[:10]} end@shop.be"
    assert [a for a, _, _ in addresses_in(text)] == ["info@shop.nl", "sales@shop.de", "end@shop.be"]
    assert [a for a, _, _ in addresses_in(text)] == [a for a, _, _ in addresses_in(text.replace(filler, "y"))]


@pytest.mark.parametrize(
    "script",
    ["var m = 'info@' + 'shop.nl';", 'var m = "info" + "@shop.nl";', "m = 'info' + '@' + 'shop.nl'"],
)
def test_concatenated_literals(script):
    decoded, _ = emails_in_script(script)
    assert decoded == ["info@shop.nl"]


@pytest.mark.parametrize(
    "html,flagged",
    [
        ('<p>Mail ons:</p><img src="/img/mailadres.png" alt="ons e-mailadres">', True),
        ('<p>Courriel :</p><img src="/img/c.png" alt="courriel">', True),
        ('<img src="/img/mailadres.png" alt="e-mail"><p>info@shop.nl</p>', False),
        ('<img src="/img/logo.png" alt="Shop"><p>Welkom</p>', False),
    ],
)
def test_email_shown_only_as_an_image_is_flagged(html, flagged):
    from checks import analyse_page

    assert (
        analyse_page("https://www.shop.nl/contact", f"<html><body>{html}</body></html>").email_as_image
        is flagged
    )


@pytest.mark.parametrize("marker", emails.MUNGE_MARKERS)
@pytest.mark.parametrize(
    "around", [("info", "shop.nl"), ("", ""), ("x", ""), ("Mail: info ", " shop dot nl")]
)
def test_munge_marker_shortcut_matches_the_marker_list(marker, around):
    # the shortcut may let a little more through to MUNGE_HINT, never less
    assert emails._has_munge_marker(around[0] + marker + around[1])


@pytest.mark.parametrize(
    "text", ["no markers here", "(a) [b] {c} <d>", "info@shop.nl", "a AT", "(atelier) open", "[ ät", "( at"]
)
def test_munge_marker_shortcut_on_plain_text(text):
    if any(m in text for m in emails.MUNGE_MARKERS):
        assert emails._has_munge_marker(text)
    assert not emails._has_munge_marker("no markers here (a) [b] {c} <d> info@shop.nl")


# Local parts with an apostrophe or in quotes are kept whole.
LOCAL_PARTS = [
    ("Mail d'souza@winkel.ie", ["d'souza@winkel.ie"]),
    ("o'brien@shop.co.uk", ["o'brien@shop.co.uk"]),
    ("Contact: Sean.O'Neill@shop.ie", ["sean.o'neill@shop.ie"]),
    ("d’souza@winkel.ie", ["d'souza@winkel.ie"]),  # a typographic apostrophe from smart quotes
    ('Mail: "john.doe"@shop.com', ["john.doe@shop.com"]),
    ("It's info@shop.nl", ["info@shop.nl"]),
    ("Écrivez à l'adresse contact@boutique.fr", ["contact@boutique.fr"]),
    ("Mail naar 'info@shop.nl'.", ["info@shop.nl"]),
    ("var e='info@shop.nl';", ["info@shop.nl"]),
    ("l'info@boutique.fr", ["l'info@boutique.fr"]),
    ("'@shop.nl", []),
]


@pytest.mark.parametrize("text,expected", LOCAL_PARTS, ids=[c[0][:40] for c in LOCAL_PARTS])
def test_local_parts(text, expected):
    assert sorted(in_text(text)) == sorted(expected)


# "@" with spaces on both sides: joined only into a plausible address.
SPACED_AT = [
    ("Like ons @ facebook.com", []),
    ("Volg ons @ instagram.com", []),
    ("Bezoek ons @ winkel.nl", []),
    ("Mail ons @ winkel.nl", []),
    ("Follow us @ twitter.com/shop", []),
    ("Find us @ shop.com", []),
    ("Wir sind @ messe.de", []),
    ("Retrouvez-nous @ boutique.fr", []),
    ("info @ winkel.nl", ["info@winkel.nl"]),
    ("Mail ons: info @ winkel.nl", ["info@winkel.nl"]),
    ("E-mail: jan @ winkel.nl", ["jan@winkel.nl"]),
    ("e-mail naar piet @ winkel.nl", ["piet@winkel.nl"]),
    ("Email address: anna @ shop.co.uk", ["anna@shop.co.uk"]),
    ("Courriel : marie @ boutique.fr", ["marie@boutique.fr"]),
    ("jan.de.vries @ winkel.nl", ["jan.de.vries@winkel.nl"]),
    ("sales2 @ shop.de", ["sales2@shop.de"]),
    ("kundenservice @ laden.de", ["kundenservice@laden.de"]),
    ("info @ shop . nl", ["info@shop.nl"]),
    ("info@ shop.nl", ["info@shop.nl"]),
    ("info @shop.nl", ["info@shop.nl"]),
]


@pytest.mark.parametrize("text,expected", SPACED_AT, ids=[c[0][:40] for c in SPACED_AT])
def test_spaced_at(text, expected):
    assert sorted(in_text(text)) == sorted(expected)
