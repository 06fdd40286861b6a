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
    r"powered\s+by|gerealiseerd\s+door|webbureau|internetbureau|agency|ontwerp\s+(?:en|&)\s+(?:bouw|realisatie)|"
    r"datenschutzaufsicht|landesamt\s+f[üu]r\s+datenschutz|aufsicht",
    re.I,
)
# Role words: when a block (or the short line above it) opens with one, the whole block is about
# someone else ("Hébergeur : ...", "Hosting:", "Ontwerp en bouw: ...", "Aufsichtsbehörde").
THIRD_PARTY_ROLE = re.compile(
    r"h[ée]bergeur|h[ée]bergement|h[ée]berg[ée]\s+par|hosting|hosted\s+by|gehost\s+door|webdesign|"
    r"ontwerp\s+(?:en|&)\s+(?:bouw|realisatie)|ontwerp\s+en\s+ontwikkeling|website\s+door|design\s+(?:and|&)\s+build|"
    r"realisatie|aufsichtsbeh[öo]rde|datenschutzaufsicht|toezichthouder|geschillencommissie|ombudsman|"
    r"m[ée]diateur|schlichtungsstelle|streitbeilegung|directeur\s+de\s+(?:la\s+)?publication",
    re.I,
)
# Words that say "this is us" in the sentence before a value.
OWN_CONTEXT = re.compile(
    r"\b(?:onze|ons|wij|we|our|us|unser\w*|uns|wir|notre|nos|nous|klantenservice|kundenservice|"
    r"service\s+client|customer\s+service)\b",
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


def names_third_party(text: str, start: int, floor: int = 0, previous: str = "") -> bool:
    """Does the text before a value (its sentence, the block's opening words, or a short line
    just above the block) say the value belongs to someone else?"""
    sentence = preceding_context(text, start, floor)
    if THIRD_PARTY_CONTEXT.search(sentence):
        return True
    if OWN_CONTEXT.search(sentence):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if THIRD_PARTY_ROLE.search(text[line_start : min(start, line_start + 60)]):
        return True
    if line_start > 0:  # the line above, inside the same block
        previous = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
    return bool(previous) and len(previous) <= 80 and bool(THIRD_PARTY_ROLE.search(previous))


def domain_is_third_party(domain: str) -> bool:
    domain = domain.lower()
    return domain in THIRD_PARTY_DOMAINS or registrable_domain(domain) in THIRD_PARTY_DOMAINS
