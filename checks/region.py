"""Which countries' numbering plans to read a shop's national phone numbers in.

Evidence, each with a weight: the ccTLD, numbers written with a country code, postal addresses
(postcode shapes, a US "City, ST 12345", a country name or prefix next to a postcode, the
street words around a five-digit postcode), the currency and `<html lang>`. The result is an
ordered list: the best-supported region first, then the others that have real support.
"""

from __future__ import annotations

import re

import phonenumbers

from checks.domains import _EXTRACT as _split_host
from checks.domains import DEFAULT_COUNTRY, TLD_COUNTRY, _is_ip, host_of

# ccTLDs beyond the ones checks.domains maps (where the shop's region is plain from the TLD).
EXTRA_TLD_COUNTRY = {"us": "US", "ca": "CA", "no": "NO", "fi": "FI", "pt": "PT", "cz": "CZ"}
TLD_WEIGHT = 6

# <html lang>: a tag with a region names it; a bare language only hints.
LANG_WEIGHT, BARE_LANG_WEIGHT = 2, 1
BARE_LANG = {"nl": "NL", "de": "DE", "fr": "FR", "it": "IT", "es": "ES", "pl": "PL", "da": "DK", "sv": "SE"}

PHONE_WEIGHT, PHONE_CAP = 3, 6
# A number written with its country code: +49 30 ..., 0049 30 ..., +1 (212) ...
INTERNATIONAL = re.compile(r"(?:\+|(?<![\d.,])00)\s?[1-9][\d \u00a0\-().]{6,18}\d")

ADDRESS_WEIGHT, ADDRESS_CAP = 3, 9
US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
CA_PROVINCES = "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT"
# (region, pattern) of postal-address shapes that name one country.
ADDRESS_SHAPES: tuple[tuple[str, re.Pattern], ...] = (
    ("US", re.compile(rf"\b[A-Z][A-Za-z.' ]{{1,30}},\s*(?:{US_STATES})\s+\d{{5}}(?:-\d{{4}})?\b")),
    ("CA", re.compile(rf"\b(?:{CA_PROVINCES})\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d\b")),
    ("NL", re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\s+[A-Z][a-z'\-]+")),
    ("GB", re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?)\s\d[ABD-HJLNP-UW-Z]{2}\b")),
    ("BE", re.compile(r"\bB-[1-9]\d{3}\s+[A-Z]")),
    ("AT", re.compile(r"\bA-[1-9]\d{3}\s+[A-Z]")),
    ("CH", re.compile(r"\bCH-[1-9]\d{3}\s+[A-Z]")),
    ("LU", re.compile(r"\bL-\d{4}\s+[A-Z]")),
    ("DE", re.compile(r"\bD-\d{5}\s+[A-Z]")),
    ("FR", re.compile(r"\bF-\d{5}\s+[A-Z]")),
)
# A five-digit postcode and a place: German, French, Italian or Spanish; the street words
# around it (or a country name) decide which.
FIVE_DIGIT_PLACE = re.compile(r"(?<![\d\-.,/])\d{5}\s+[A-ZÄÖÜÉ][a-zäöüßéèàç\-]+")
STREET_WORDS: tuple[tuple[str, re.Pattern], ...] = (
    ("DE", re.compile(r"(?i:stra(?:ß|ss)e|str\.|weg\b|allee|platz|gasse|damm|ring\b|ufer\b)")),
    ("FR", re.compile(r"\b(?i:rue|avenue|boulevard|bd|allée|chemin|quai|impasse)\b")),
    ("IT", re.compile(r"\b(?i:via|viale|piazza|corso)\b")),
    ("ES", re.compile(r"\b(?i:calle|avenida|plaza|carrer|paseo)\b")),
)
# A four-digit postcode and a place (BE, AT, CH, LU, DK, ...): counted only with the country
# named after it.
FOUR_DIGIT_PLACE = re.compile(r"(?<![\d\-.,/])[1-9]\d{3}\s+[A-ZÄÖÜÉ][a-zäöüßéèàç\-]+")
FIVE_DIGIT_DEFAULT = "DE"  # the five-digit country nearest the shops we measure
# Country names in NL/EN/DE/FR, counted only next to a postcode (an address line), not in
# a list of shipping destinations.
COUNTRY_NAMES: dict[str, str] = {
    "NL": r"Nederland|Netherlands|Niederlande|Pays-Bas|Holland",
    "BE": r"Belgi[eë]|Belgium|Belgique|Belgien",
    "DE": r"Deutschland|Germany|Duitsland|Allemagne",
    "AT": r"Österreich|Oesterreich|Austria|Oostenrijk|Autriche",
    "CH": r"Schweiz|Switzerland|Zwitserland|Suisse",
    "FR": r"France|Frankrijk|Frankreich",
    "LU": r"Luxembourg|Luxemburg",
    "GB": r"United Kingdom|Great Britain|England|Scotland|Wales|Groot-Brittannië|Großbritannien",
    "IE": r"Ireland|Ierland|Irland",
    "US": r"United States|USA|U\.S\.A\.",
    "CA": r"Canada|Kanada",
}
COUNTRY_NAME = re.compile("|".join(rf"(?P<{cc}>\b(?:{names})\b)" for cc, names in COUNTRY_NAMES.items()))
NAME_WEIGHT = 4

CURRENCY_WEIGHT = 2
CURRENCIES: tuple[tuple[str, re.Pattern], ...] = (
    ("CA", re.compile(r"\bCA\$|\bC\$|\bCAD\b")),
    ("US", re.compile(r"(?<![A-Z])\$\s?\d|\bUS\$|\bUSD\b")),
    ("GB", re.compile(r"£\s?\d|\bGBP\b")),
    ("CH", re.compile(r"\bCHF\b")),
)

MIN_SUPPORT = 2
SCAN_CHARS = 300_000


def _tld_region(url: str) -> str:
    host = host_of(url)
    if not host or _is_ip(host):
        return ""
    suffix = _split_host(host).suffix
    last = suffix.rsplit(".", 1)[-1]
    for key in (suffix, last):
        if key in TLD_COUNTRY:
            return TLD_COUNTRY[key]
        if key in EXTRA_TLD_COUNTRY:
            return EXTRA_TLD_COUNTRY[key]
    return ""


def _lang_region(lang: str) -> tuple[str, int]:
    lang = (lang or "").strip().replace("_", "-")
    parts = lang.split("-")
    if len(parts) >= 2 and len(parts[1]) == 2 and parts[1].isalpha():
        return parts[1].upper(), LANG_WEIGHT
    return BARE_LANG.get(parts[0].lower(), ""), BARE_LANG_WEIGHT


def _phone_regions(text: str) -> dict[str, int]:
    scores: dict[str, int] = {}
    for i, m in enumerate(INTERNATIONAL.finditer(text)):
        if i >= 40:
            break
        raw = m.group()
        try:
            number = phonenumbers.parse("+" + raw.lstrip("+0 ") if raw.startswith("00") else raw, None)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_valid_number(number):
            continue
        region = phonenumbers.region_code_for_number(number)
        if region and region != "001":
            scores[region] = min(PHONE_CAP, scores.get(region, 0) + PHONE_WEIGHT)
    return scores


def _named_near(text: str, end: int) -> str:
    """The country named right after a postcode and place ("2000 Antwerpen, België",
    "10115 Berlin - Germany"): addresses end with their country."""
    pos = end
    while pos < len(text) and pos < end + 3 and text[pos] in " ,-–(":
        pos += 1
    m = COUNTRY_NAME.match(text, pos)
    return (m.lastgroup or "") if m else ""


def _address_regions(text: str) -> dict[str, int]:
    scores: dict[str, int] = {}

    def add(region: str, weight: int) -> None:
        scores[region] = min(ADDRESS_CAP, scores.get(region, 0) + weight)

    for region, shape in ADDRESS_SHAPES:
        for i, m in enumerate(shape.finditer(text)):
            if i >= 10:
                break
            add(_named_near(text, m.end()) or region, ADDRESS_WEIGHT)
    for i, m in enumerate(FOUR_DIGIT_PLACE.finditer(text)):
        named = _named_near(text, m.end()) if i < 10 else ""
        if named:
            add(named, ADDRESS_WEIGHT)
    for i, m in enumerate(FIVE_DIGIT_PLACE.finditer(text)):
        if i >= 10:
            break
        named = _named_near(text, m.end())
        if named:
            add(named, ADDRESS_WEIGHT)
            continue
        around = text[max(0, m.start() - 80) : m.start()]
        street = next((cc for cc, words in STREET_WORDS if words.search(around)), "")
        add(street or FIVE_DIGIT_DEFAULT, ADDRESS_WEIGHT if street else 2)
    return scores


def region_scores(url: str = "", lang: str = "", text: str = "") -> dict[str, int]:
    """Evidence per region, summed over the ccTLD, lang, numbers, addresses and currency."""
    text = text[:SCAN_CHARS]
    scores: dict[str, int] = {}

    def add(region: str, weight: int) -> None:
        if region:
            scores[region] = scores.get(region, 0) + weight

    add(_tld_region(url), TLD_WEIGHT)
    add(*_lang_region(lang))
    for found in (_phone_regions(text), _address_regions(text)):
        for region, weight in found.items():
            add(region, weight)
    for region, pattern in CURRENCIES:
        if pattern.search(text):
            add(region, CURRENCY_WEIGHT)
            break
    return scores


def infer_regions(url: str = "", lang: str = "", text: str = "", explicit: str | None = None) -> list[str]:
    """The regions to parse national numbers in, most plausible first.

    An explicit country comes first; then the ccTLD's country; then every region with at least
    MIN_SUPPORT evidence, strongest first. With no evidence at all: the default country.
    """
    scores = region_scores(url, lang, text)
    ranked = sorted((r for r, s in scores.items() if s >= MIN_SUPPORT), key=lambda r: (-scores[r], r))
    first = [r for r in (explicit.upper() if explicit else "", _tld_region(url)) if r]
    out = list(dict.fromkeys([*first, *ranked]))
    return out or [DEFAULT_COUNTRY]


def regions_for(
    url: str, lang: str, text: str, country: str | list[str] | tuple[str, ...] | None
) -> list[str]:
    """Regions for one page: the caller's (one country or an ordered list) when given, else
    inferred from the page."""
    if isinstance(country, str) and country:
        return [country.upper()]
    if country:
        return [c.upper() for c in country]
    return infer_regions(url, lang, text)
