"""Contact details that belong to someone else: disputes committees, regulators, trade
associations, payment providers, carriers, hosting providers and web agencies.

Two signals: the value's e-mail domain is a known third party, or the text just before the
value names one ("... de Geschillencommissie, tel. 070-3105310"). The shop's own details are
never judged third-party by context alone when their e-mail domain is the shop's domain.
"""

from __future__ import annotations

import re

from checks.domains import registrable_domain

# Registrable domains whose addresses are never the shop's own.
THIRD_PARTY_DOMAINS = frozenset(
    {
        "degeschillencommissie.nl",
        "sgc.nl",
        "thuiswinkel.org",
        "thuiswinkel.nl",
        "autoriteitpersoonsgegevens.nl",
        "acm.nl",
        "consuwijzer.nl",
        "webwinkelkeur.nl",
        "keurmerk.info",
        "webshopkeurmerk.nl",
        "kiyoh.com",
        "kiyoh.nl",
        "trustpilot.com",
        "trustedshops.com",
        "trustedshops.de",
        "mollie.com",
        "adyen.com",
        "paypal.com",
        "paypal.nl",
        "klarna.com",
        "klarna.nl",
        "riverty.com",
        "afterpay.nl",
        "buckaroo.nl",
        "multisafepay.com",
        "pay.nl",
        "stripe.com",
        "ideal.nl",
        "postnl.nl",
        "dhl.com",
        "dhl.nl",
        "dhl.de",
        "dpd.nl",
        "dpd.com",
        "ups.com",
        "gls-info.nl",
        "bpost.be",
        "ec.europa.eu",
        "europa.eu",
        "cnil.fr",
        "economie.fgov.be",
        "gegevensbeschermingsautoriteit.be",
        "autoriteprotectiondonnees.be",
        "consumentenombudsdienst.be",
        "mediateurconsommation.be",
        "becommerce.be",
        "safeshops.be",
        "verbraucherzentrale.de",
        "bfdi.bund.de",
        "schlichtungsstelle.de",
        "ovh.com",
        "ovhcloud.com",
        "o2switch.fr",
        "ionos.com",
        "ionos.de",
        "strato.de",
        "hetzner.com",
        "transip.nl",
        "shopify.com",
        "lightspeedhq.com",
        "lightspeedhq.nl",
        "wix.com",
        "sentry.io",
        "google.com",
        "facebook.com",
        "cloudflare.com",
        "consumentenbond.nl",
        "kvk.nl",
        "belastingdienst.nl",
        "ombudsman.nl",
    }
)

# Words that, shortly before a value, say it belongs to someone else (NL, EN, DE, FR).
THIRD_PARTY_CONTEXT = re.compile(
    r"geschillencommissie|geschillen\s?commissie|thuiswinkel\.org|stichting\s+thuiswinkel|"
    r"autoriteit\s+persoonsgegevens|\bacm\b|autoriteit\s+consument|consuwijzer|toezichthouder|"
    r"webwinkelkeur|keurmerk|kiyoh|trustpilot|trusted\s?shops|ombudsman|ombudsdienst|consumentenbond|"
    r"\bmollie\b|\badyen\b|\bpaypal\b|\bklarna\b|\briverty\b|afterpay|buckaroo|multisafepay|"
    r"\bpostnl\b|\bdhl\b|\bdpd\b|\bups\b|\bgls\b|\bbpost\b|vervoerder|"
    r"odr[- ]platform|online\s+dispute\s+resolution|europese\s+commissie|european\s+commission|"
    r"commission\s+europ[ée]enne|europ[äa]ische\s+kommission|"
    r"verbraucherzentrale|schlichtungsstelle|datenschutzbeh[öo]rde|aufsichtsbeh[öo]rde|landesbeauftragte|"
    r"\bcnil\b|m[ée]diateur|m[ée]diation|h[ée]bergeur|h[ée]bergement|hosting\s?provider|hostingpartij|"
    r"gegevensbeschermingsautoriteit|consumentenombudsdienst|fod\s+economie|becommerce|safeshops|"
    r"webdesign|website\s+(?:door|by|gemaakt)|ontwikkeld\s+door|realisatie|designed\s+by|made\s+by|"
    r"powered\s+by|gerealiseerd\s+door|webbureau|internetbureau|agency",
    re.I,
)

# Sentence boundary: ". " or "; " followed by a capital, or a line break.
_SENTENCE_END = re.compile(r"(?:[.;!?]\s+(?=[A-ZÀ-Ý])|\n)")


def preceding_context(text: str, start: int, floor: int = 0, width: int = 160) -> str:
    """The text of the current sentence before `start` (at most `width` characters, not before `floor`)."""
    lo = max(floor, start - width)
    window = text[lo:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    return window[ends[-1] :] if ends else window


def context_names_third_party(context: str) -> bool:
    return bool(THIRD_PARTY_CONTEXT.search(context))


def domain_is_third_party(domain: str) -> bool:
    domain = domain.lower()
    return domain in THIRD_PARTY_DOMAINS or registrable_domain(domain) in THIRD_PARTY_DOMAINS
