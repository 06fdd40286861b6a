"""Sample shops, part A: the core tiers on Magento, WooCommerce, Lightspeed, Shopify, PrestaShop."""

from __future__ import annotations

import json

from bereikbaar.samples.sitegen.common import (
    about_nl,
    article_page,
    contact_form,
    faq_nl,
    nl_footer,
    privacy_nl,
    shipping_nl,
    terms_nl,
)
from bereikbaar.samples.sitegen.model import Page, Shop
from bereikbaar.samples.sitegen.obfuscate import CF_DECODE_SCRIPT, cfemail_link, smarty_javascript_mailto

YOAST = '<script type="application/ld+json" class="yoast-schema-graph">{graph}</script>'
ZENDESK = (
    '<script id="ze-snippet" src="https://static.zdassets.com/ekr/snippet.js?key=7b1f3c2e-8a4d-4f6b-9c0e-2d5a6b7c8d9e">'
    "</script>\n<script type=\"text/javascript\">window.zESettings = {webWidget: {color: {theme: '#00a862'}}};</script>"
)


def _org_jsonld(name: str, url: str, **extra: object) -> str:
    data = {"@context": "https://schema.org", "@type": "Organization", "name": name, "url": url,
            "logo": f"{url}media/logo.svg", "sameAs": ["https://www.instagram.com/" + name.lower().replace(" ", "")]}  # fmt: skip
    data.update(extra)
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def fietsplaza() -> Shop:
    phone = '<a href="tel:+31302417780">030 - 241 77 80</a>'
    mail = '<a href="mailto:klantenservice@fietsplaza.nl">klantenservice@fietsplaza.nl</a>'
    shop = Shop(
        id="fietsplaza.nl",
        name="Fietsplaza",
        host="www.fietsplaza.nl",
        platform="magento",
        category="Fietsen",
        tagline="De grootste fietsenwinkel van Utrecht, ook online",
        nav=[
            ("Stadsfietsen", "/stadsfietsen.html"),
            ("E-bikes", "/e-bikes.html"),
            ("Kinderfietsen", "/kinderfietsen.html"),
            ("Onderdelen", "/onderdelen.html"),
            ("Klantenservice", "/contact/"),
        ],
        footer_cols=nl_footer([("Contact", "/contact/")], faq="/veelgestelde-vragen"),
        header_extra=f'<div class="panel header"><span class="header-phone">Klantenservice: {phone} (ma-za 9:00-17:30)</span></div>',
        footer_extra=(
            '<div class="footer-contact block-contact"><h2>Fietsplaza Utrecht</h2><address>Vaartsche Rijn 112<br>'
            f"3523 KS Utrecht</address><p>Telefoon: {phone}<br>E-mail: {mail}</p><p>Ma t/m za 9:00 - 17:30</p></div>"
        ),
        footer_legal="&copy; 2025 Fietsplaza B.V. &middot; KvK 61823047 &middot; Btw NL862311204B01 &middot; "
        "IBAN NL91ABNA0417164300",
        product_base="/",
        product_suffix=".html",
        products=20,
        cookie="cookiebot",
        head_extra=_org_jsonld("Fietsplaza", "https://www.fietsplaza.nl/", telephone="+31 30 241 77 80"),
    )
    shop.pages = {
        "/contact/": Page(
            title="Contact | Fietsplaza",
            main=(
                '<div class="page-title-wrapper"><h1 class="page-title">Contact</h1></div><div class="contact-info">'
                f"<p>Bel ons op {phone} of mail naar {mail}. We reageren binnen 24 uur.</p>"
                "<p>Bestelnummer bij de hand? Noem het bij je vraag, bijvoorbeeld bestelnummer 100234567.</p>"
                f"</div>{contact_form('/contact/index/post/', form_id='contact-form')}"
            ),
            body_class="contact-index-index",
        ),
        "/veelgestelde-vragen": faq_nl(
            shop,
            [
                (
                    "Waar vind ik mijn ordernummer?",
                    "In de bevestigingsmail, bijvoorbeeld: Ordernummer: 0201234567.",
                ),
                ("Kan ik een proefrit maken?", "Ja, in onze winkel in Utrecht, zonder afspraak."),
            ],
        ),
        "/algemene-voorwaarden": terms_nl(
            shop,
            "Fietsplaza B.V., Vaartsche Rijn 112, 3523 KS Utrecht. Telefoon: "
            "030 - 241 77 80. E-mail: klantenservice@fietsplaza.nl. KvK 61823047.",
        ),
        "/privacy": privacy_nl(shop),
        "/over-ons": about_nl(shop),
        "/verzenden-en-retourneren": shipping_nl(shop),
    }
    return shop


def stekkerwinkel() -> Shop:
    graph = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "https://www.stekkerwinkel.nl/#website", "url": "https://www.stekkerwinkel.nl/",
         "name": "Stekkerwinkel"},
        {"@type": "Organization", "@id": "https://www.stekkerwinkel.nl/#organization", "name": "Stekkerwinkel",
         "url": "https://www.stekkerwinkel.nl/"}]})  # fmt: skip
    shop = Shop(
        id="stekkerwinkel.nl",
        name="Stekkerwinkel",
        host="www.stekkerwinkel.nl",
        platform="woocommerce",
        category="Elektronica",
        tagline="Kabels, laders en slimme apparaten, morgen in huis",
        nav=[
            ("Opladers", "/product-categorie/opladers/"),
            ("Kabels", "/product-categorie/kabels/"),
            ("Smart home", "/product-categorie/smart-home/"),
            ("Audio", "/product-categorie/audio/"),
            ("Contact", "/contact/"),
        ],
        footer_cols=nl_footer(
            [("Contact", "/contact/")],
            terms="/algemene-voorwaarden/",
            privacy="/privacybeleid/",
            about="/over-ons/",
            shipping="/verzenden/",
        ),
        footer_legal="&copy; 2025 Stekkerwinkel &middot; Onderdeel van Stekker Retail B.V.",
        product_base="/product/",
        product_suffix="/",
        cookie="complianz",
        head_extra=YOAST.format(graph=graph),
    )
    shop.pages = {
        "/contact/": article_page(
            "Contact | Stekkerwinkel",
            [
                "Heb je een vraag over je bestelling of een product? Onze klantenservice helpt je graag.",
                'Bel ons: <a href="tel:+31851304477">085 130 4477</a> (ma-vr 8:30-17:30)',
                'Mail: <a href="mailto:service@stekkerwinkel.nl">service@stekkerwinkel.nl</a>',
                "Stekker Retail B.V., Industrieweg 8, 3401 MA IJsselstein. KvK 80441233.",
            ],
            extra='<div class="wpcf7" id="wpcf7-f112-p14-o1">'
            + contact_form("/contact/#wpcf7-f112-p14-o1", form_id="wpcf7-f112")
            + "</div>",
        ),
        "/algemene-voorwaarden/": terms_nl(
            shop, "Stekker Retail B.V., Industrieweg 8, 3401 MA IJsselstein, KvK 80441233."
        ),
        "/privacybeleid/": privacy_nl(shop),
        "/over-ons/": about_nl(shop),
        "/verzenden/": shipping_nl(shop),
    }
    return shop


def boekenbaai() -> Shop:
    service = "/nl/service/"
    shop = Shop(
        id="boekenbaai.nl",
        name="Boekenbaai",
        host="www.boekenbaai.nl",
        platform="lightspeed",
        category="Boeken",
        tagline="Onafhankelijke boekhandel uit Groningen",
        home_path="/nl/",
        nav=[
            ("Romans", "/nl/romans/"),
            ("Kinderboeken", "/nl/kinderboeken/"),
            ("Non-fictie", "/nl/non-fictie/"),
            ("Cadeaubonnen", "/nl/cadeaubonnen/"),
            ("Klantenservice", service),
        ],
        footer_cols=[
            (
                "Klantenservice",
                [
                    ("Klantenservice", service),
                    ("Verzenden &amp; retourneren", "/nl/service/shipping-returns/"),
                    ("Betaalmethoden", "/nl/service/payment-methods/"),
                ],
            ),
            (
                "Boekenbaai",
                [
                    ("Over ons", "/nl/service/about/"),
                    ("Algemene voorwaarden", "/nl/service/general-terms-conditions/"),
                    ("Privacy", "/nl/service/privacy-policy/"),
                    ("Disclaimer", "/nl/service/disclaimer/"),
                ],
            ),
        ],
        footer_legal="&copy; Boekenbaai 2025 &middot; Webshop door Lightspeed",
        product_base="/nl/",
        product_suffix=".html",
        cookie="none",
    )
    shop.pages = {
        service: Page(
            title="Klantenservice - Boekenbaai",
            body_class="service",
            main=(
                '<div class="page-title"><h1>Klantenservice</h1></div><div class="service-contact">'
                "<p>Vragen over een bestelling? Bel of mail ons, we helpen je graag.</p>"
                '<p><strong>Telefoon:</strong> <a href="tel:+31502114800">050 211 48 00</a><br>'
                '<strong>E-mail:</strong> <a href="mailto:info@boekenbaai.nl">info@boekenbaai.nl</a></p>'
                "<p>Winkel: Oude Ebbingestraat 21, 9712 HA Groningen</p></div>"
                + contact_form("/nl/service/contactPost/", form_id="formContact")
            ),
        ),
        "/nl/service/about/": about_nl(shop),
        "/nl/service/general-terms-conditions/": terms_nl(
            shop, "Boekenbaai V.O.F., Oude Ebbingestraat 21, Groningen."
        ),
        "/nl/service/privacy-policy/": privacy_nl(shop),
        "/nl/service/shipping-returns/": shipping_nl(shop),
        "/nl/service/payment-methods/": article_page(
            "Betaalmethoden - Boekenbaai", ["iDEAL, Bancontact, PayPal."]
        ),
        "/nl/service/disclaimer/": article_page(
            "Disclaimer - Boekenbaai", ["Aan de inhoud van deze website kunnen geen rechten worden ontleend."]
        ),
    }
    return shop


def dekledingkast() -> Shop:
    shop = Shop(
        id="dekledingkast.nl",
        name="De Kledingkast",
        host="www.dekledingkast.nl",
        platform="shopify",
        category="Mode",
        tagline="Tijdloze basics, eerlijk gemaakt",
        nav=[
            ("Dames", "/collections/dames"),
            ("Heren", "/collections/heren"),
            ("Sale", "/collections/sale"),
            ("Contact", "/pages/contact"),
        ],
        footer_cols=[
            (
                "Klantenservice",
                [
                    ("Contact", "/pages/contact"),
                    ("Verzending", "/policies/shipping-policy"),
                    ("Retourneren", "/policies/refund-policy"),
                ],
            ),
            (
                "Beleid",
                [
                    ("Privacybeleid", "/policies/privacy-policy"),
                    ("Servicevoorwaarden", "/policies/terms-of-service"),
                    ("Contactgegevens", "/policies/contact-information"),
                ],
            ),
        ],
        footer_legal="&copy; 2025, De Kledingkast Mogelijk gemaakt door Shopify",
        head_extra=_org_jsonld("De Kledingkast", "https://www.dekledingkast.nl/"),
        cookie="none",
    )

    def policy(title: str, body: str) -> Page:
        return Page(
            title=f"{title} &ndash; De Kledingkast",
            body_class="template-policy",
            main=(
                f'<div class="shopify-policy__container"><div class="shopify-policy__title"><h1>{title}</h1></div>'
                f'<div class="shopify-policy__body"><div class="rte">{body}</div></div></div>'
            ),
        )

    shop.pages = {
        "/pages/contact": Page(
            title="Contact &ndash; De Kledingkast",
            body_class="template-page",
            main=(
                '<div class="page-width"><h1 class="main-page-title">Contact</h1><div class="rte"><p>Heb je een vraag? '
                "Vul het formulier in, we reageren binnen 2 werkdagen.</p></div>"
                + contact_form("/contact#ContactForm", form_id="ContactForm")
                + "</div>"
            ),
        ),
        "/policies/contact-information": policy(
            "Contactgegevens",
            (
                "<p>Handelsnaam: De Kledingkast<br>Telefoonnummer: 020 894 3310<br>E-mail: hallo@dekledingkast.nl<br>"
                "Fysiek adres: Czaar Peterstraat 190, 1018 PW Amsterdam, NL<br>Btw-nummer: NL004398271B27<br>"
                "KvK-nummer: 84211937</p>"
            ),
        ),
        "/policies/terms-of-service": policy(
            "Servicevoorwaarden",
            "<p>Door onze website te bezoeken en/of iets bij ons "
            "te kopen, neem je deel aan onze service en ga je akkoord met deze voorwaarden.</p>",
        ),
        "/policies/privacy-policy": policy(
            "Privacybeleid",
            "<p>Dit privacybeleid beschrijft hoe De Kledingkast je "
            "persoonsgegevens verzamelt en gebruikt.</p>",
        ),
        "/policies/refund-policy": policy(
            "Terugbetalingsbeleid", "<p>Je kunt artikelen binnen 30 dagen retourneren.</p>"
        ),
        "/policies/shipping-policy": policy("Verzendbeleid", "<p>Gratis verzending vanaf &euro; 50.</p>"),
    }
    return shop


def tuinhuys() -> Shop:
    identity = (
        "Tuinhuys B.V.<br>Handelend onder de naam: Tuinhuys<br>Vestigingsadres: Bovenweg 3, 3774 LA Kootwijkerbroek"
        "<br>Telefoonnummer: 0577 452 300 (bereikbaar op werkdagen van 9:00 tot 17:00)<br>"
        "E-mailadres: info@tuinhuys.nl<br>KvK-nummer: 71234590<br>Btw-identificatienummer: NL858922117B01"
    )
    shop = Shop(
        id="tuinhuys.nl",
        name="Tuinhuys",
        host="www.tuinhuys.nl",
        platform="woocommerce",
        category="Tuin",
        tagline="Tuinmeubelen en buitenleven, rechtstreeks uit onze showroom",
        nav=[
            ("Tuinmeubelen", "/product-categorie/tuinmeubelen/"),
            ("Parasols", "/product-categorie/parasols/"),
            ("Potten", "/product-categorie/potten/"),
            ("Showroom", "/contact/"),
        ],
        footer_cols=nl_footer(
            [("Contact &amp; showroom", "/contact/")],
            terms="/algemene-voorwaarden/",
            privacy="/privacy/",
            about="/over-ons/",
            shipping="/bezorging/",
        ),
        footer_legal="&copy; 2025 Tuinhuys",
        product_base="/product/",
        product_suffix="/",
        cookie="complianz",
    )
    shop.pages = {
        "/contact/": article_page(
            "Contact &amp; showroom | Tuinhuys",
            [
                "Kom langs in onze showroom van 2.000 m&sup2; en zit alle tuinsets zelf op.",
                "Bovenweg 3, 3774 LA Kootwijkerbroek",
                "Openingstijden: di t/m za 10:00 - 17:00, zondag gesloten.",
            ],
        ),
        "/algemene-voorwaarden/": terms_nl(shop, identity),
        "/privacy/": privacy_nl(shop),
        "/over-ons/": about_nl(shop),
        "/bezorging/": shipping_nl(shop),
    }
    return shop


def speelgoedzolder() -> Shop:
    email = "klantenservice@speelgoedzolder.nl"
    block = (
        '<div class="block-contact col-md-3 links wrapper"><p class="h4 text-uppercase block-contact-title hidden-sm-down">'
        'Winkelinformatie</p><div id="contact-infos">Speelgoedzolder<br>Grotestraat 14<br>7411 BT Deventer<br>Nederland'
        '<br>Bel ons: <span><a href="tel:0570 820 310">0570 820 310</a></span><br>Mail ons: '
        f"<span>{smarty_javascript_mailto(email)}</span></div></div>"
    )
    shop = Shop(
        id="speelgoedzolder.nl",
        name="Speelgoedzolder",
        host="www.speelgoedzolder.nl",
        platform="prestashop",
        category="Speelgoed",
        tagline="Houten speelgoed en spellen voor jong en oud",
        nav=[
            ("Houten speelgoed", "/3-houten-speelgoed"),
            ("Spellen", "/4-spellen"),
            ("Puzzels", "/5-puzzels"),
            ("Contact", "/contact"),
        ],
        footer_cols=[
            (
                "Producten",
                [
                    ("Prijsdalingen", "/prijsdalingen"),
                    ("Nieuwe producten", "/nieuwe-producten"),
                    ("Bestsellers", "/best-sales"),
                ],
            ),
            (
                "Ons bedrijf",
                [
                    ("Levering", "/content/1-levering"),
                    ("Wettelijke mededeling", "/content/2-wettelijke-mededeling"),
                    ("Algemene voorwaarden", "/content/3-algemene-voorwaarden"),
                    ("Over ons", "/content/4-over-ons"),
                    ("Contact", "/contact"),
                ],
            ),
        ],
        footer_extra=block,
        footer_legal="&copy; 2025 - Ecommerce software van PrestaShop&trade;",
        product_base="/home/",
        product_suffix=".html",
        cookie="none",
    )
    shop.pages = {
        "/contact": Page(
            title="Contact",
            body_class="page-contact",
            main=(
                '<section class="contact-form"><h1>Neem contact op</h1>'
                + contact_form("/contact", form_id="contact-form")
                + "</section>"
            ),
        ),
        "/content/1-levering": article_page("Levering", ["Pakketten worden verzonden met PostNL."]),
        "/content/2-wettelijke-mededeling": article_page(
            "Wettelijke mededeling", ["Speelgoedzolder, Grotestraat 14, Deventer. KvK 09188321."]
        ),
        "/content/3-algemene-voorwaarden": terms_nl(
            shop, "Speelgoedzolder, Grotestraat 14, 7411 BT Deventer, KvK 09188321."
        ),
        "/content/4-over-ons": about_nl(shop),
    }
    return shop


def snelbezorgd() -> Shop:
    shop = Shop(
        id="snelbezorgd.nl",
        name="Snelbezorgd",
        host="www.snelbezorgd.nl",
        platform="handbuilt",
        category="Supermarkt",
        tagline="Boodschappen in 20 minuten aan de deur",
        nav=[
            ("Groente &amp; fruit", "/categorie/groente-fruit"),
            ("Zuivel", "/categorie/zuivel"),
            ("Dranken", "/categorie/dranken"),
            ("Klantenservice", "/klantenservice"),
        ],
        footer_cols=nl_footer([("Klantenservice", "/klantenservice")], faq="/veelgestelde-vragen"),
        footer_legal="&copy; 2025 Snelbezorgd B.V.",
        body_end=ZENDESK,
        product_base="/product/",
        cookie="onetrust",
    )
    shop.pages = {
        "/klantenservice": article_page(
            "Klantenservice | Snelbezorgd",
            [
                "Onze klantenservice is 7 dagen per week bereikbaar via de chat, van 7:00 tot 23:00.",
                "Chat met ons: klik rechtsonder op de chatknop en een medewerker helpt je direct.",
            ],
            extra='<button type="button" class="open-chat" onclick="zE(\'messenger\', \'open\')">Start een chat</button>',
        ),
        "/veelgestelde-vragen": faq_nl(
            shop,
            [
                (
                    "Mijn bestelling is niet compleet, wat nu?",
                    "Start een chat in de app of op de website, dan lossen we het direct op.",
                )
            ],
        ),
        "/algemene-voorwaarden": terms_nl(
            shop,
            "Snelbezorgd B.V., Keizersgracht 241, 1016 EA Amsterdam. KvK 82730011. "
            "Vragen en klachten kun je via de chat aan ons voorleggen.",
        ),
        "/privacy": privacy_nl(shop, extra="<p>Voor een inzageverzoek kun je ons bereiken via de chat.</p>"),
        "/over-ons": about_nl(shop),
        "/verzenden-en-retourneren": shipping_nl(shop),
    }
    return shop


def kabelkoning() -> Shop:
    shop = Shop(
        id="kabelkoning.nl",
        name="Kabelkoning",
        host="www.kabelkoning.nl",
        platform="handbuilt",
        category="Elektronica",
        tagline="Altijd de goedkoopste kabels",
        products=24,
        nav=[
            ("HDMI", "/hdmi-kabels"),
            ("Netwerk", "/netwerkkabels"),
            ("USB", "/usb-kabels"),
            ("Contact", "/contact"),
        ],
        footer_cols=nl_footer([("Contact", "/contact")], faq="/veelgestelde-vragen"),
        footer_legal="&copy; 2025 Kabelkoning",
        product_base="/artikel/",
        cookie="none",
    )
    shop.pages = {
        "/contact": article_page(
            "Contact | Kabelkoning",
            [
                "Vragen? Kijk eerst in onze veelgestelde vragen, daar staat bijna alles.",
                "Magazijn (geen afhaalpunt): Havenweg 22, 4131 NM Vianen.",
            ],
        ),
        "/veelgestelde-vragen": faq_nl(shop, []),
        "/algemene-voorwaarden": terms_nl(shop, "Kabelkoning, Havenweg 22, 4131 NM Vianen. KvK 73309115."),
        "/privacy": privacy_nl(shop),
        "/over-ons": about_nl(shop),
        "/verzenden-en-retourneren": shipping_nl(shop),
    }
    return shop


def lampenloods() -> Shop:
    mail = cfemail_link("info@lampenloods.nl", 0x3C)
    shop = Shop(
        id="lampenloods.nl",
        name="Lampenloods",
        host="www.lampenloods.nl",
        platform="handbuilt",
        category="Wonen",
        tagline="Design verlichting uit Nijmegen",
        nav=[
            ("Hanglampen", "/hanglampen"),
            ("Vloerlampen", "/vloerlampen"),
            ("Buitenlampen", "/buitenlampen"),
            ("Contact", "/contact"),
        ],
        footer_cols=nl_footer([("Contact", "/contact")]),
        footer_extra=f'<div class="footer-contact"><p>Bel <a href="tel:+31246489122">024 648 9122</a> of mail {mail}</p></div>',
        footer_legal="&copy; 2025 Lampenloods &middot; KvK 55102938",
        body_end=CF_DECODE_SCRIPT,
        product_base="/lamp/",
        cookie="cookiebot",
    )
    shop.pages = {
        "/contact": article_page(
            "Contact | Lampenloods",
            [
                "Showroom: Winkelsteeg 4, 6534 AN Nijmegen.",
                f"Telefoon: 024 648 9122 &middot; E-mail: {mail}",
            ],
        ),
        "/algemene-voorwaarden": terms_nl(shop, "Lampenloods, Winkelsteeg 4, Nijmegen. KvK 55102938."),
        "/privacy": privacy_nl(shop),
        "/over-ons": about_nl(shop),
        "/verzenden-en-retourneren": shipping_nl(shop),
    }
    return shop


def _help_centre(title: str, body: str) -> Page:
    html_text = f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>{title} &ndash; Pixelplein Klantenservice</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="https://theme.zdassets.com/theme_assets/9123456/style.css">
</head><body class="help-center">
<header class="header"><a class="logo" href="https://klantenservice.pixelplein.nl/">Pixelplein Klantenservice</a>
<nav class="user-nav"><a href="https://www.pixelplein.nl/">Terug naar de webshop</a></nav></header>
<main role="main">{body}</main>
<footer class="footer"><a href="https://www.pixelplein.nl/">Pixelplein</a> &middot; Help Center</footer>
</body></html>
"""
    return Page(title=title, main=html_text, chrome=False)


def pixelplein() -> Shop:
    help_host = "klantenservice.pixelplein.nl"
    shop = Shop(
        id="pixelplein.nl",
        name="Pixelplein",
        host="www.pixelplein.nl",
        platform="handbuilt",
        category="Elektronica",
        tagline="Games, consoles en gaming-accessoires",
        nav=[
            ("Consoles", "/consoles"),
            ("Games", "/games"),
            ("Accessoires", "/accessoires"),
            ("Klantenservice", f"https://{help_host}/"),
        ],
        footer_cols=nl_footer([("Klantenservice", f"https://{help_host}/")]),
        footer_legal="&copy; 2025 Pixelplein B.V.",
        product_base="/product/",
        cookie="onetrust",
    )
    shop.pages = {
        f"//{help_host}/": _help_centre(
            "Hoe kunnen we je helpen?",
            (
                '<h1>Hoe kunnen we je helpen?</h1><ul class="categories">'
                '<li><a href="/bestellen">Bestellen en betalen</a></li><li><a href="/bezorging">Bezorging</a></li>'
                '<li><a href="/retourneren">Retourneren en garantie</a></li><li><a href="/contact">Contact opnemen</a></li></ul>'
            ),
        ),
        f"//{help_host}/contact": _help_centre(
            "Contact opnemen",
            (
                "<h1>Contact opnemen</h1><p>Staat je antwoord er niet tussen? Neem contact met ons op.</p>"
                '<p>Telefoon: <a href="tel:+31132076650">013 207 6650</a> (ma-vr 9:00-18:00)</p>'
                '<p>E-mail: <a href="mailto:support@pixelplein.nl">support@pixelplein.nl</a></p>'
                + contact_form("/contact", form_id="new_request")
            ),
        ),
        f"//{help_host}/bestellen": _help_centre(
            "Bestellen en betalen", "<h1>Bestellen en betalen</h1><p>Je betaalt met iDEAL.</p>"
        ),
        f"//{help_host}/bezorging": _help_centre(
            "Bezorging", "<h1>Bezorging</h1><p>Voor 23:59 besteld, morgen in huis.</p>"
        ),
        f"//{help_host}/retourneren": _help_centre(
            "Retourneren", "<h1>Retourneren en garantie</h1><p>30 dagen bedenktijd.</p>"
        ),
        "/algemene-voorwaarden": terms_nl(
            shop, "Pixelplein B.V., Spoorlaan 350, 5038 CC Tilburg. KvK 68112093."
        ),
        "/privacy": privacy_nl(shop),
        "/over-ons": about_nl(shop),
        "/verzenden-en-retourneren": shipping_nl(shop),
    }
    return shop


def shops() -> list[Shop]:
    return [fietsplaza(), stekkerwinkel(), boekenbaai(), dekledingkast(), tuinhuys(), speelgoedzolder(),
            snelbezorgd(), kabelkoning(), lampenloods(), pixelplein()]  # fmt: skip
