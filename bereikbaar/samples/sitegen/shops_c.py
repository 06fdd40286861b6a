"""Sample shops, part C: Germany, Belgium (Flemish and French), English, and shops we cannot assess."""

from __future__ import annotations

from bereikbaar.samples.sitegen.common import (
    about_nl,
    article_page,
    contact_form,
    nl_footer,
    privacy_nl,
    shipping_nl,
    terms_nl,
)
from bereikbaar.samples.sitegen.model import Page, Shop

INTERCOM = (
    '<script>window.intercomSettings = {api_base: "https://api-iam.eu.intercom.io", app_id: "k9x2m4pq"};</script>\n'
    "<script>(function(){var w=window;var ic=w.Intercom;if(typeof ic===\"function\"){ic('update',w.intercomSettings);}"
    "else{var d=document;var i=function(){i.c(arguments);};i.q=[];i.c=function(args){i.q.push(args);};w.Intercom=i;"
    "var l=function(){var s=d.createElement('script');s.type='text/javascript';s.async=true;"
    "s.src='https://widget.intercom.io/widget/k9x2m4pq';var x=d.getElementsByTagName('script')[0];"
    "x.parentNode.insertBefore(s,x);};l();}})();</script>"
)


def _de_page(title: str, paragraphs: list[str], extra: str = "") -> Page:
    return article_page(title, paragraphs, extra=extra)


def wohnwerk_hansen() -> Shop:
    hotline = (
        '<div class="footer-column footer-contact"><div class="footer-column-headline">Service-Hotline</div>'
        '<div class="footer-contact-hotline">Unterstützung und Beratung unter:<br><a href="tel:+49180000000" '
        'class="footer-contact-link">0180 - 000000</a><br>Mo-Fr, 09:00 - 17:00 Uhr</div>'
        '<div class="footer-contact-form">oder über unser <a href="/kontaktformular" title="Kontaktformular">'
        "Kontaktformular</a>.</div></div>"
    )
    shop = Shop(
        id="wohnwerk-hansen.de",
        name="Wohnwerk Hansen",
        host="www.wohnwerk-hansen.de",
        platform="shopware",
        lang="de",
        category="Wohnen",
        tagline="Möbel und Wohnaccessoires aus Hamburg",
        nav=[
            ("Wohnzimmer", "/wohnzimmer/"),
            ("Schlafzimmer", "/schlafzimmer/"),
            ("Küche", "/kueche/"),
            ("Kontakt", "/kontakt"),
        ],
        footer_cols=[
            (
                "Informationen",
                [
                    ("Impressum", "/impressum"),
                    ("AGB", "/agb"),
                    ("Datenschutz", "/datenschutz"),
                    ("Versand und Zahlung", "/versand"),
                ],
            )
        ],
        footer_extra=hotline,
        footer_legal="* Alle Preise inkl. gesetzl. Mehrwertsteuer zzgl. Versandkosten",
        product_base="/",
        product_suffix="/",
        cookie="none",
    )
    shop.pages = {
        "/kontakt": _de_page(
            "Kontakt | Wohnwerk Hansen",
            [
                "Sie haben Fragen zu Ihrer Bestellung? Schreiben Sie uns.",
                'E-Mail: <a href="mailto:service@wohnwerk-hansen.de">service@wohnwerk-hansen.de</a>',
            ],
            extra=contact_form("/form/contact", lang="de", form_id="contact-form"),
        ),
        "/kontaktformular": _de_page(
            "Kontaktformular | Wohnwerk Hansen",
            ["Wir antworten innerhalb von 24 Stunden."],
            extra=contact_form("/form/contact", lang="de"),
        ),
        "/impressum": _de_page(
            "Impressum | Wohnwerk Hansen",
            [
                "Angaben gemäß § 5 DDG",
                "Wohnwerk Hansen GmbH<br>Große Elbstraße 145<br>22767 Hamburg",
                "Vertreten durch: Jens Hansen (Geschäftsführer)",
                "Telefon: +49 40 3346 8120<br>E-Mail: service@wohnwerk-hansen.de",
                "Registergericht: Amtsgericht Hamburg, HRB 154321<br>USt-IdNr.: DE283746194",
            ],
        ),
        "/agb": _de_page(
            "AGB | Wohnwerk Hansen",
            [
                "§ 1 Geltungsbereich. Für alle Bestellungen über unseren Online-Shop gelten die nachfolgenden AGB.",
                "§ 2 Vertragsschluss. Die Darstellung der Produkte im Online-Shop stellt kein rechtlich bindendes Angebot dar.",
            ],
        ),
        "/datenschutz": _de_page(
            "Datenschutzerklärung | Wohnwerk Hansen",
            [
                "Wir freuen uns über Ihr Interesse an unserem Online-Shop. Der Schutz Ihrer Privatsphäre ist uns wichtig.",
            ],
        ),
        "/versand": _de_page(
            "Versand und Zahlung | Wohnwerk Hansen", ["Versandkostenfrei ab 49 Euro innerhalb Deutschlands."]
        ),
    }
    return shop


def kampeerhoek() -> Shop:
    shop = Shop(
        id="kampeerhoek.nl",
        name="Kampeerhoek",
        host="www.kampeerhoek.nl",
        platform="shopware",
        category="Sport",
        tagline="Tenten, slaapzakken en outdoorkleding",
        nav=[
            ("Tenten", "/tenten/"),
            ("Slaapzakken", "/slaapzakken/"),
            ("Outdoorkleding", "/outdoorkleding/"),
            ("Contact", "/contact"),
        ],
        footer_cols=nl_footer([("Contact", "/contact")]),
        footer_legal="* Alle prijzen incl. btw, excl. verzendkosten &middot; Kampeerhoek is een handelsnaam van Outdoor Kleve GmbH",
        product_base="/",
        product_suffix="/",
        cookie="cookiebot",
    )
    shop.pages = {
        "/contact": article_page(
            "Contact | Kampeerhoek",
            [
                "Ons magazijn en onze klantenservice zitten net over de grens in Kleef (Duitsland). We spreken Nederlands.",
                'Bel ons: <a href="tel:+492821712340">+49 2821 712340</a> (gewoon tarief, ma-vr 9:00-17:00)',
                'E-mail: <a href="mailto:info@kampeerhoek.nl">info@kampeerhoek.nl</a>',
            ],
            extra=contact_form("/form/contact"),
        ),
        "/algemene-voorwaarden": terms_nl(
            shop, "Outdoor Kleve GmbH, Hafenstraße 12, 47533 Kleve, Duitsland."
        ),
        "/privacy": privacy_nl(shop),
        "/over-ons": about_nl(shop),
        "/verzenden-en-retourneren": shipping_nl(shop),
    }
    return shop


def puzzelparadijs() -> Shop:
    munged = "info [at] puzzelparadijs (punt) be"
    shop = Shop(
        id="puzzelparadijs.be",
        name="Puzzelparadijs",
        host="www.puzzelparadijs.be",
        platform="handbuilt",
        category="Speelgoed",
        tagline="Meer dan 5.000 puzzels, verstuurd vanuit Gent",
        nav=[
            ("Puzzels", "/puzzels"),
            ("Spellen", "/spellen"),
            ("Contacteer ons", "/contacteer-ons"),
            ("Français", "/fr/"),
        ],
        footer_cols=nl_footer([("Contacteer ons", "/contacteer-ons")]),
        footer_legal="&copy; 2025 Puzzelparadijs BV &middot; Ondernemingsnummer BE 0712.345.630 &middot; "
        "IBAN BE71 0961 2345 6769",
        product_base="/puzzel/",
        cookie="none",
    )
    shop.pages = {
        "/contacteer-ons": article_page(
            "Contacteer ons | Puzzelparadijs",
            [
                "Een vraag over je bestelling? Onze klantendienst helpt je graag verder.",
                'Bel ons: <a href="tel:+3292254187">09 225 41 87</a> (ma-vr 9u-17u)',
                f"Mail ons: {munged}",
                "Winkel: Veldstraat 63, 9000 Gent",
            ],
        ),
        "/fr/": Page(
            title="Puzzelparadijs - Puzzles et jeux",
            main=(
                "<h1>Bienvenue chez Puzzelparadijs</h1><p>Plus de 5.000 puzzles, expédiés depuis Gand.</p>"
                '<p><a href="/fr/contact">Contactez-nous</a></p>'
            ),
        ),
        "/fr/contact": Page(
            title="Contactez-nous | Puzzelparadijs",
            main=(
                "<h1>Contactez-nous</h1><p>Une question ? Notre service clientèle vous aide volontiers.</p>"
                f"<p>Téléphone : 09 225 41 87 (lun-ven 9h-17h)</p><p>E-mail : {munged}</p>"
            ),
        ),
        "/algemene-voorwaarden": terms_nl(
            shop, "Puzzelparadijs BV, Veldstraat 63, 9000 Gent. Ondernemingsnummer 0712.345.630."
        ),
        "/privacy": privacy_nl(shop),
        "/over-ons": about_nl(shop),
        "/verzenden-en-retourneren": shipping_nl(shop),
    }
    return shop


def keukenkompas() -> Shop:
    shop = Shop(
        id="keukenkompas.be",
        name="Keukenkompas",
        host="www.keukenkompas.be",
        platform="magento",
        category="Wonen",
        tagline="Keukentoestellen en kookgerei, geleverd in heel België",
        products=32,
        nav=[
            ("Koken", "/koken.html"),
            ("Bakken", "/bakken.html"),
            ("Toestellen", "/toestellen.html"),
            ("Klantendienst", "/klantendienst"),
        ],
        footer_cols=nl_footer([("Klantendienst", "/klantendienst")]),
        footer_legal="&copy; 2025 Keukenkompas NV",
        product_base="/",
        product_suffix=".html",
        cookie="onetrust",
    )
    shop.pages = {
        "/klantendienst": article_page(
            "Klantendienst | Keukenkompas",
            ["Hoe kunnen we je helpen?"],
            extra=(
                '<ul class="service-links"><li><a href="/klantendienst/contacteer-ons">Contacteer ons</a></li>'
                '<li><a href="/klantendienst/levering">Levering</a></li></ul>'
            ),
        ),
        "/klantendienst/contacteer-ons": Page(
            title="Contacteer ons | Keukenkompas",
            body_class="contact-index-index",
            main=(
                '<h1 class="page-title">Contacteer ons</h1>'
                '<p>Telefoon: <a href="tel:+3232865590">03 286 55 90</a> (ma-za 9u-18u)</p>'
                '<p>E-mail: <a href="mailto:klantendienst@keukenkompas.be">klantendienst@keukenkompas.be</a></p>'
                + contact_form("/contact/index/post/")
            ),
        ),
        "/klantendienst/levering": article_page(
            "Levering | Keukenkompas", ["Gratis levering in België vanaf &euro; 50."]
        ),
        "/algemene-voorwaarden": terms_nl(shop, "Keukenkompas NV, Noorderlaan 133, 2030 Antwerpen."),
        "/privacy": privacy_nl(shop),
        "/over-ons": about_nl(shop),
        "/verzenden-en-retourneren": shipping_nl(shop),
    }
    return shop


def dezwaluw() -> Shop:
    shop = Shop(
        id="dezwaluw.be",
        name="Boekhandel De Zwaluw",
        host="www.dezwaluw.be",
        platform="handbuilt",
        category="Boeken",
        tagline="Onafhankelijke boekhandel in Leuven",
        nav=[("Nieuw", "/nieuw"), ("Jeugd", "/jeugd"), ("Contact", "/contact")],
        footer_cols=nl_footer([("Contact", "/contact")]),
        footer_legal="&copy; 2025 De Zwaluw",
        product_base="/boek/",
        cookie="none",
    )
    shop.pages = {
        "/contact": article_page("Contact | De Zwaluw", ["Bel 016 20 31 44 of mail winkel@dezwaluw.be."]),
    }
    shop.raw_files = {"/robots.txt": b"User-agent: *\nDisallow: /\n"}
    return shop


def tinkerparts() -> Shop:
    shop = Shop(
        id="tinkerparts.com",
        name="Tinker Parts",
        host="www.tinkerparts.com",
        platform="handbuilt",
        lang="en",
        category="Elektronica",
        tagline="Electronics components for makers, shipped from Eindhoven",
        nav=[
            ("Microcontrollers", "/microcontrollers"),
            ("Sensors", "/sensors"),
            ("Kits", "/kits"),
            ("Contact", "/contact"),
        ],
        footer_cols=[
            ("Help", [("Contact", "/contact"), ("Shipping", "/shipping"), ("Returns", "/returns")]),
            ("Legal", [("Terms of sale", "/terms"), ("Privacy policy", "/privacy")]),
        ],
        footer_extra=(
            '<div class="footer-contact"><p>Call us: <a href="tel:+31402961800">+31 (0)40 2961 800</a> '
            '&middot; Email: <a href="mailto:hello@tinkerparts.com">hello@tinkerparts.com</a></p></div>'
        ),
        footer_legal="&copy; 2025 Tinker Parts B.V. &middot; Chamber of Commerce 72261093",
        body_end=INTERCOM,
        product_base="/product/",
        cookie="none",
    )
    shop.pages = {
        "/contact": article_page(
            "Contact | Tinker Parts", ["Questions about an order? Call or email us, or chat with us."]
        ),
        "/shipping": article_page("Shipping | Tinker Parts", ["Orders before 4 pm ship the same day."]),
        "/returns": article_page("Returns | Tinker Parts", ["Return unused items within 30 days."]),
        "/terms": article_page(
            "Terms of sale | Tinker Parts", ["These terms apply to every order placed on tinkerparts.com."]
        ),
        "/privacy": article_page(
            "Privacy policy | Tinker Parts", ["We only use your data to process your order."]
        ),
    }
    return shop


def _unassessable(shop_id: str, name: str, host: str, robots: bytes | None = None) -> Shop:
    shop = Shop(id=shop_id, name=name, host=host, platform="handbuilt", products=0)
    if robots is not None:
        shop.raw_files = {"/robots.txt": robots}
    return shop


def shops() -> list[Shop]:
    allow_all = b"User-agent: *\nDisallow:\n"
    return [
        wohnwerk_hansen(), kampeerhoek(), puzzelparadijs(), keukenkompas(), dezwaluw(), tinkerparts(),
        _unassessable("odeur-parfumerie.nl", "Parfumerie Odeur", "www.odeur-parfumerie.nl"),
        _unassessable("preisblitz.de", "Preisblitz", "www.preisblitz.de", allow_all),
        _unassessable("tijdloos-horloges.nl", "Tijdloos Horloges", "www.tijdloos-horloges.nl", allow_all),
        _unassessable("devijzel.nl", "Drogisterij De Vijzel", "www.devijzel.nl"),
    ]  # fmt: skip
