"""Words and URL patterns that tell what a page is and which links are worth a request.

Heuristics as data: every list here is a named constant with a test table in
tests/test_pagekind.py or tests/test_links.py. Text is compared in *folded* form (`fold`):
lower case, accents stripped, German `ä/ae`, `ö/oe`, `ü/ue` and `ß/ss` made equal, everything
that is not a letter or digit turned into one space. Keywords below are written naturally and
folded once at import, so `Datenschutzerklärung`, `datenschutzerklaerung` and
`DATENSCHUTZ-ERKLÄRUNG` all meet the same entry.

Besides the page kinds of checks.model.PAGE_KINDS the tables use three *pseudo-kinds*:
`about` (over ons / about us / über uns: scored as a link, classified `other`), `shipping`
(shipping and payment information: `other`) and `withdrawal` (the statutory withdrawal notice:
Widerrufsbelehrung, herroepingsrecht, droit de rétractation: classified `terms`, see
checks/pagekind.py for why).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- page-kind vocabulary (link texts, titles, headings, URL slugs) -------------------------------------

# fmt: off
KIND_KEYWORDS: dict[str, tuple[str, ...]] = {
    "contact": (
        # nl / be
        "contact", "contacteer ons", "contacteer", "neem contact op", "contact opnemen", "contactgegevens",
        "contactformulier", "contactinformatie", "contactpagina", "bereikbaarheid", "openingstijden",
        "openingsuren", "bel ons", "mail ons", "contact met ons", "adres en openingstijden",
        # en
        "contact us", "get in touch", "reach us", "contact information", "contact details", "contact form",
        "call us", "email us", "opening hours",
        # de
        "kontakt", "kontaktieren sie uns", "kontaktformular", "kontaktdaten", "kontaktaufnahme",
        "so erreichen sie uns", "öffnungszeiten", "anfahrt",
        # fr
        "nous contacter", "contactez nous", "formulaire de contact", "nous joindre", "heures d'ouverture",
        "coordonnées",
    ),
    "customer_service": (
        "klantenservice", "klantenservicecentrum", "klantendienst", "klantenondersteuning", "service",
        "servicecentrum", "service center", "servicepunt", "hulp", "hulp nodig", "help", "helpdesk",
        "help center", "help centre", "helpcentrum", "vragen", "vraag en antwoord", "customer service",
        "customer care", "customer support", "support", "service desk", "kundenservice", "kundendienst",
        "kundencenter", "hilfe", "hilfe center", "servicecenter", "hotline", "service hotline",
        "service client", "service clients", "service clientèle", "aide", "assistance", "sav",
        "centre d'aide", "besoin d'aide",
    ),
    "faq": (
        "veelgestelde vragen", "vaak gestelde vragen", "veel gestelde vragen", "faq", "faqs",
        "frequently asked questions", "häufige fragen", "häufig gestellte fragen", "fragen und antworten",
        "questions fréquentes", "foire aux questions", "questions réponses", "questions et réponses",
    ),
    "terms": (
        "algemene voorwaarden", "voorwaarden", "leveringsvoorwaarden", "verkoopvoorwaarden", "terms",
        "terms and conditions", "terms conditions", "terms of service", "terms of use", "terms of sale",
        "conditions of sale", "conditions of use", "general terms", "general conditions", "gtc", "t&c",
        "t&cs", "tos", "terms and conditions of use", "general terms conditions", "agb",
        "allgemeine geschäftsbedingungen", "geschäftsbedingungen", "nutzungsbedingungen", "cgv", "cgu",
        "cgvu", "conditions générales", "conditions générales de vente", "conditions de vente",
        "conditions d'utilisation", "conditions générales d'utilisation",
    ),
    "privacy": (
        "privacy", "privacy policy", "privacy statement", "privacy notice", "privacyverklaring",
        "privacybeleid", "cookieverklaring", "cookiebeleid", "cookie policy", "cookie statement",
        "cookie notice", "persoonsgegevens", "gegevensbescherming", "avg", "gdpr", "datenschutz",
        "datenschutzerklärung", "datenschutz erklärung", "datenschutz hinweise", "datenschutzhinweise",
        "cookie richtlinie", "dsgvo", "confidentialité", "politique de confidentialité",
        "données personnelles", "protection des données", "vie privée", "politique cookies",
        "politique de cookies", "rgpd",
    ),
    "imprint": (
        "colofon", "bedrijfsgegevens", "bedrijfsinformatie", "disclaimer", "juridische informatie",
        "wettelijke vermeldingen", "wettelijke informatie", "juridisch", "legal", "imprint",
        "legal notice", "legal notices", "legal information", "company information", "company details",
        "company info", "impressum", "anbieterkennzeichnung", "rechtliche hinweise", "rechtliches",
        "unternehmensangaben", "mentions légales", "informations légales", "mentions",
    ),
    "returns": (
        "retourneren", "retour", "retouren", "retourbeleid", "retourformulier", "terugsturen", "ruilen",
        "ruilen en retourneren", "terugbetaling", "returns", "returns policy", "return policy",
        "returning", "return form", "refund", "refunds", "refund policy", "exchanges", "retoure",
        "rücksendung", "rückgabe", "umtausch", "erstattung", "retours", "retourner", "remboursement",
        "remboursements", "échanges", "politique de retour",
    ),
    "about": (
        "over ons", "wie zijn wij", "wie wij zijn", "ons verhaal", "over het bedrijf", "about", "about us",
        "our story", "who we are", "über uns", "wir über uns", "unternehmen", "das unternehmen",
        "à propos", "qui sommes nous", "notre histoire",
    ),
    "shipping": (
        "verzending", "verzenden", "verzendkosten", "verzendinformatie", "levering", "leveren",
        "levertijd", "levertijden", "bezorging", "bezorgen", "bezorgkosten", "betalen", "betaalmethoden",
        "betaalmogelijkheden", "betaling", "shipping", "shipping policy", "delivery", "payment",
        "payment methods", "versand", "versandkosten", "lieferung", "lieferzeiten", "zahlung",
        "zahlungsarten", "livraison", "expédition", "paiement", "modes de paiement",
    ),
    "withdrawal": (
        "herroepingsrecht", "herroeping", "herroepingsformulier", "modelformulier voor herroeping",
        "right of withdrawal", "withdrawal", "cancellation policy", "widerrufsbelehrung", "widerrufsrecht",
        "widerrufsformular", "widerruf", "droit de rétractation", "rétractation",
        "formulaire de rétractation",
    ),
}

# Compound words: a folded token that starts (PREFIX) or ends (SUFFIX) with one of these is that kind.
# Kept to stems that do not start ordinary product words (no `kontakt*`: Kontaktlinsen).
PREFIX_STEMS: dict[str, str] = {
    "datenschutz": "privacy",
    "privacy": "privacy",
    "cookiebeleid": "privacy",
    "retour": "returns",
    "rücksend": "returns",
    "rückgabe": "returns",
    "ruckgabe": "returns",
    "widerruf": "withdrawal",
    "herroeping": "withdrawal",
    "klantenservice": "customer_service",
    "kundenservice": "customer_service",
    "veelgestelde": "faq",
    "impressum": "imprint",
    "colofon": "imprint",
}
SUFFIX_STEMS: dict[str, str] = {
    "voorwaarden": "terms",
    "bedingungen": "terms",
    "agb": "terms",
}
# Only in PDF file names and PDF link texts (too ambiguous elsewhere: `/av-receivers`).
PDF_EXTRA_KEYWORDS: dict[str, tuple[str, ...]] = {"terms": ("av", "avw", "lv", "gtc", "tc")}

# Precedence when two kinds have equal evidence: the more useful page to a contact finder first.
KIND_PRECEDENCE: tuple[str, ...] = (
    "contact", "customer_service", "imprint", "terms", "privacy", "returns", "withdrawal", "faq", "about",
    "shipping",
)
# Pseudo-kinds -> the page kind they are reported as.
REPORTED_KIND: dict[str, str] = {"about": "other", "shipping": "other", "withdrawal": "terms"}

# Words that carry no meaning for the kind: articles, pronouns, glue, file words, "page".
FILLER_WORDS: frozenset[str] = _words(
    """de het een en van voor met ons onze uw je jouw jullie op of in bij naar te over
    the a an and of for with our us your you to on at in by my all
    der die das und uns unsere ihre ihr sie zu fur mit von zum zur im bei alle
    la le les l un une des du et nous notre nos vos votre d a en au aux pour sur
    page pagina pages seite site html htm php aspx asp pdf kb mb download downloaden herunterladen
    telecharger bekijk view lees lesen lire hier here ici info informatie information informationen
    nl be de en fr gb uk at ch lu com www shop winkel webshop online store"""
)

# --- platform defaults: exact paths (locale prefix removed, no trailing slash) -> kind --------------------
PLATFORM_PATHS: dict[str, str] = {
    # Shopify
    "/pages/contact": "contact",
    "/pages/contact-us": "contact",
    "/policies/terms-of-service": "terms",
    "/policies/privacy-policy": "privacy",
    "/policies/refund-policy": "returns",
    "/policies/shipping-policy": "shipping",
    "/policies/contact-information": "imprint",
    "/policies/legal-notice": "imprint",
    # Lightspeed eCom
    "/service": "customer_service",
    "/service/about": "about",
    "/service/general-terms-conditions": "terms",
    "/service/privacy-policy": "privacy",
    "/service/disclaimer": "imprint",
    "/service/shipping-returns": "returns",
    "/service/payment-methods": "shipping",
    "/service/opening-hours": "contact",
    "/service/legal-guarantee-notice": "terms",
    # Magento
    "/contact": "contact",
    "/customer-service": "customer_service",
    "/privacy-policy-cookie-restriction-mode": "privacy",
    # PrestaShop (content/<id>-<slug>; the contact controller slug is localised)
    "/content/1-delivery": "shipping",
    "/content/2-legal-notice": "imprint",
    "/content/3-terms-and-conditions-of-use": "terms",
    "/content/4-about-us": "about",
    "/contact-us": "contact",
    "/kontakt": "contact",
    "/nous-contacter": "contact",
    "/contacteer-ons": "contact",
    # WordPress / WooCommerce
    "/privacy-policy": "privacy",
    "/refund_returns": "returns",
}
# Query parameters whose value names a page (PrestaShop `controller=contact`, OpenCart `route=information/contact`).
ROUTE_PARAMS: frozenset[str] = frozenset({"controller", "route", "fc"})

# First label of a subdomain that hosts a help centre (help.shop.nl, klantenservice.shop.nl).
HELP_SUBDOMAINS: dict[str, str] = {
    "help": "customer_service",
    "hulp": "customer_service",
    "klantenservice": "customer_service",
    "service": "customer_service",
    "support": "customer_service",
    "kundenservice": "customer_service",
    "hilfe": "customer_service",
    "aide": "customer_service",
    "customerservice": "customer_service",
    "helpdesk": "customer_service",
    "faq": "faq",
    "contact": "contact",
    "kontakt": "contact",
}

# Path segments that mark an article about something, not the thing itself (/blog/algemene-voorwaarden-uitgelegd).
ARTICLE_SEGMENTS: frozenset[str] = _words(
    """blog blogs nieuws news magazine article articles artikelen inspiratie inspiration ratgeber journal
    stories story tips actualites aktuelles neuigkeiten post posts"""
)

# A first path segment that is only a language/locale: /nl/, /en-gb/, /nl_BE/, /fr-be/.
LOCALE_SEGMENT = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2})?$")
# Last segments that still mean "the homepage".
HOMEPAGE_LEAVES: frozenset[str] = frozenset(
    {
        "index.html", "index.htm", "index.php", "index.asp", "index.aspx", "default.aspx", "default.asp",
        "home", "homepage", "home.html", "start", "startseite", "accueil",
    }
)
# Query parameters that do not change which page it is.
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "gclid", "fbclid", "msclkid", "dclid", "yclid", "mc_cid", "mc_eid", "ref", "referrer", "source",
        "_ga", "lang", "language", "locale", "hl", "ls", "srsltid", "_pos", "_sid", "_ss", "variant",
    }
)
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "pk_", "mtm_", "hsa_")
# Link texts that mean "the homepage".
HOME_TEXTS: frozenset[str] = frozenset({"home", "homepage", "startseite", "accueil", "naar de homepage"})

# fmt: on


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, ae/oe/ue and ß folded, non-alphanumerics -> single spaces."""
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
        text = text.encode("ascii", "ignore").decode("ascii")
    if "e" in text:
        text = text.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    if _SLUG.fullmatch(text):  # the common case: a URL slug or a single word
        return text.replace("-", " ")
    return " ".join(_NON_ALNUM.split(text)).strip()


_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _index(
    keywords: dict[str, tuple[str, ...]],
) -> tuple[dict[str, str], dict[tuple[str, ...], str], frozenset[str], int]:
    """(single-token phrase -> kind, multi-token phrase -> kind, first tokens of multi phrases, max length)."""
    single: dict[str, str] = {}
    multi: dict[tuple[str, ...], str] = {}
    for kind in KIND_PRECEDENCE:
        for phrase in keywords.get(kind, ()):
            tokens = tuple(fold(phrase).split())
            if len(tokens) == 1:
                single.setdefault(tokens[0], kind)
            elif tokens:
                multi.setdefault(tokens, kind)
                glued = "".join(tokens)
                if len(glued) >= 6:
                    single.setdefault(glued, kind)  # slugs without separators: algemenevoorwaarden
    for kind, phrases in keywords.items():  # kinds outside KIND_PRECEDENCE (none today)
        for phrase in phrases:
            tokens = tuple(fold(phrase).split())
            (single if len(tokens) == 1 else multi).setdefault(
                tokens[0] if len(tokens) == 1 else tokens, kind
            )
    firsts = frozenset(t[0] for t in multi)
    longest = max((len(t) for t in multi), default=1)
    return single, multi, firsts, longest


SINGLE_WORDS, PHRASES, PHRASE_STARTS, MAX_PHRASE = _index(KIND_KEYWORDS)
PDF_SINGLE_WORDS: dict[str, str] = {
    fold(word): kind for kind, words in PDF_EXTRA_KEYWORDS.items() for word in words
}
_PREFIXES = {fold(stem).replace(" ", ""): kind for stem, kind in PREFIX_STEMS.items()}
PREFIX_RE = re.compile("|".join(sorted(map(re.escape, _PREFIXES), key=len, reverse=True)))
_SUFFIXES = {fold(stem): kind for stem, kind in SUFFIX_STEMS.items()}
SUFFIX_TUPLE: tuple[str, ...] = tuple(sorted(_SUFFIXES, key=len, reverse=True))


# Quick reject: a folded text with none of these tokens and no stem inside names no kind at all.
KEY_TOKENS: frozenset[str] = frozenset(SINGLE_WORDS) | PHRASE_STARTS | frozenset(PDF_SINGLE_WORDS)
STEM_HEADS: frozenset[str] = frozenset(stem[:4] for stem in _PREFIXES)
_STEM_HEADS = STEM_HEADS


def may_name_kind(tokens: list[str]) -> bool:
    """Quick reject: False when no token of a folded text can be (part of) a keyword or stem."""
    if not KEY_TOKENS.isdisjoint(tokens):
        return True
    for token in tokens:
        if len(token) > 5 and (token[:4] in _STEM_HEADS or token.endswith(SUFFIX_TUPLE)):
            return True
    return False


def stem_kind(token: str) -> str | None:
    """The kind of a compound token by its stem (`datenschutzbestimmungen` -> privacy)."""
    m = PREFIX_RE.match(token)
    if m:
        return _PREFIXES[m.group()]
    if token.endswith(SUFFIX_TUPLE):
        for suffix in SUFFIX_TUPLE:
            if token.endswith(suffix):
                return _SUFFIXES[suffix]
    return None


# --- links never worth a request ---------------------------------------------------------------------------
# Path segments (folded, compared whole; `mijn-account` folds to `mijn account`) per family.
# fmt: off
NEVER_SEGMENTS: dict[str, tuple[str, ...]] = {
    "cart": (
        "cart", "winkelwagen", "winkelwagentje", "winkelmand", "winkelmandje", "warenkorb", "panier",
        "basket", "bag", "checkout", "onestepcheckout", "kassa", "afrekenen", "kasse", "commande",
        "bestelling afronden", "add to cart", "addtocart", "add", "cart add",
    ),
    "account": (
        "account", "accounts", "login", "log in", "signin", "sign in", "signup", "sign up", "logout",
        "log out", "inloggen", "uitloggen", "aanmelden", "registreren", "register", "registration",
        "mijn account", "mijnaccount", "myaccount", "my account", "mijn", "konto", "mein konto",
        "kundenkonto", "anmelden", "abmelden", "registrieren", "mon compte", "moncompte", "compte",
        "connexion", "authentication", "wishlist", "verlanglijst", "verlanglijstje", "wunschliste",
        "merkzettel", "merkliste", "favorieten", "favorites", "favourites", "liste de souhaits",
        "password", "wachtwoord", "passwort", "customer", "wp login php", "wp admin", "admin",
    ),
    "search": ("search", "zoeken", "zoek", "suche", "suchen", "recherche", "catalogsearch", "zoekresultaten"),
    "compare": (
        "compare", "vergelijk", "vergelijken", "vergleich", "vergleichen", "comparer", "comparateur",
        "product compare",
    ),
    "print": ("print", "printen", "afdrukken", "drucken", "imprimer"),
    "share": (
        "share", "sharer", "delen", "teilen", "partager", "tell a friend", "email a friend",
        "sendtofriend",
    ),
    "feed": ("feed", "feeds", "rss", "atom", "wp json", "xmlrpc php", "sitemap xml", "oembed"),
    "calendar": ("calendar", "kalender", "agenda", "calendrier", "ical", "ics"),
    "cloudflare": ("cdn cgi",),
    "technical": (
        "ajax", "api", "graphql", "cgi bin", "wp content", "wp includes", "static", "assets", "media",
        "cookielaw",
    ),
}
# Query parameter names (lower case) per family; any parameter counts, whatever its value.
NEVER_PARAMS: dict[str, tuple[str, ...]] = {
    "cart": ("add-to-cart", "add_to_cart", "addtocart", "add", "add_product", "buy", "qty", "quantity"),
    "search": (
        "q", "s", "query", "search", "search_query", "zoekterm", "keyword", "keywords", "suche", "term",
    ),
    "filter": (
        "sort", "sortby", "sort_by", "order", "orderby", "order_by", "dir", "filter", "filters", "price",
        "prijs", "preis", "prix", "min_price", "max_price", "price_min", "price_max", "color", "colour",
        "kleur", "farbe", "couleur", "size", "maat", "grosse", "taille", "brand", "merk", "marke", "limit",
        "per_page", "perpage", "view", "mode", "product_list_order", "product_list_limit",
        "product_list_mode", "f", "facet", "facets", "fq", "refine", "attrib", "rating", "in_stock",
        "currency", "replytocom", "share", "print", "compare", "wishlist", "action", "format", "feed",
        "output",
    ),
    "calendar": (
        "date", "datum", "day", "dag", "week", "month", "maand", "monat", "mois", "year", "jaar", "jahr",
        "annee", "start_date", "end_date", "tribe-bar-date", "eventdate", "ical", "cal",
    ),
}
NEVER_PARAM_PREFIXES: tuple[str, ...] = ("filter", "pa_", "sort", "price", "tx_cal", "tribe-")
# More than this many meaningful query parameters is a faceted listing.
MAX_QUERY_PARAMS = 2

# Pagination: page numbers up to this one are allowed (score low), beyond it never followed.
MAX_PAGINATION_PAGE = 3
PAGINATION_PARAMS: frozenset[str] = frozenset(
    {
        "page", "p", "pg", "pagina", "seite", "paged", "pagenumber", "page_no", "pageno", "pagenr",
        "start", "offset",
    }
)
PAGINATION_PATH = re.compile(r"/(?:page|pagina|seite|pagine)[/-](\d+)(?:/|\.html?)?$")

# Dates in a path: /agenda/2025/03, /2024-05-01, /events/2024/05/17/ (an archive, not an article).
DATE_PATH = re.compile(r"(?:^|/)(?:(?:19|20)\d{2}[-/](?:0?[1-9]|1[0-2])(?:[-/](?:0?[1-9]|[12]\d|3[01]))?)/?$")
DATE_SEGMENT = re.compile(r"(?:^|/)(?:19|20)\d{2}-[01]\d(?:-[0-3]\d)?(?:/|$)")

# File extensions of things that are not pages (PDF is handled separately: it may be the terms).
ASSET_EXTENSIONS: frozenset[str] = _words(
    """jpg jpeg png gif webp avif svg ico bmp tif tiff heic css js mjs map json xml rss atom txt csv
    woff woff2 ttf otf eot zip rar 7z gz tgz tar bz2 mp4 m4v webm mov avi mkv mp3 wav ogg m4a flac
    exe dmg apk msi doc docx xls xlsx ppt pptx odt ods ics vcf epub swf"""
)

# --- product and category pages (followed last) --------------------------------------------------------------
PRODUCT_SEGMENTS: frozenset[str] = _words(
    """p product products produkt produkte produit produits artikel item items dp collections collection
    category categories categorie categorieen kategorie kategorien c catalog catalogue shop brand brands
    merk merken marke marken tag tags product category assortiment sortiment aanbieding aanbiedingen sale
    outlet"""
)
# A long number, a `-p123`/`-i123` tail or an article-code-like slug: product detail pages.
PRODUCT_PATH = re.compile(r"\d{5,}|[-_/][pi]\d{2,}(?:\.html?)?/?$|-\d{3,}\.html?$|/\d{3,}/?$")
# Link text that is a price (a product tile): "€ 19,99", "19.99 EUR", "vanaf 9,95".
PRICE_TEXT = re.compile(r"(?:€|eur|\$|£)\s?\d|\d[.,]\d{2}\s?(?:€|eur\b)|\d,-", re.I)
# Link texts that are buttons, not pages (compared folded, the whole text).
NEVER_TEXTS: tuple[str, ...] = (
    "in winkelwagen", "in de winkelwagen", "toevoegen aan winkelwagen", "in winkelmand", "winkelwagen",
    "winkelmand", "bestel nu", "koop nu", "add to cart", "add to basket", "add to bag", "buy now", "cart",
    "basket", "checkout", "afrekenen", "kassa", "in den warenkorb", "warenkorb", "zur kasse",
    "jetzt kaufen", "ajouter au panier", "panier", "commander", "inloggen", "log in", "login", "uitloggen",
    "logout", "log out", "sign in", "sign up", "registreren", "account aanmaken", "mijn account",
    "my account", "account", "anmelden", "abmelden", "registrieren", "mein konto", "konto", "mon compte",
    "se connecter", "connexion", "deconnexion", "wishlist", "verlanglijst", "verlanglijstje",
    "wunschliste", "merkzettel", "favorieten", "vergelijk", "vergelijken", "compare", "vergleichen",
    "comparer", "print", "printen", "afdrukken", "drucken", "imprimer", "delen", "share", "teilen",
    "partager", "zoeken", "search", "suchen", "rechercher",
)
# fmt: on
NEVER_TEXT_SET: frozenset[str] = frozenset(fold(t) for t in NEVER_TEXTS)


def _segment_index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {fold(word): family for family, words in table.items() for word in words}


NEVER_SEGMENT_FAMILY: dict[str, str] = _segment_index(NEVER_SEGMENTS)
NEVER_PARAM_FAMILY: dict[str, str] = {
    word: family for family, words in NEVER_PARAMS.items() for word in words
}
