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

# The page's language from its commonest short words, when `lang` is missing or wrong (plain
# text, PDFs, pages that keep a theme's lang="en"): a word counts with a space on both sides.
TEXT_LANG_WEIGHT = 2
TEXT_LANG_SAMPLE = 6_000
FUNCTION_WORDS: dict[str, tuple[str, ...]] = {
    "nl": ("de", "het", "een", "van", "en", "je", "niet", "voor", "zijn", "wij"),
    "de": ("der", "die", "das", "und", "nicht", "mit", "sie", "wir", "ist", "für"),
    "fr": ("le", "la", "les", "des", "et", "vous", "est", "pour", "une", "du"),
    "it": ("il", "di", "che", "per", "una", "sono", "della", "gli", "non", "con"),
    "es": ("el", "los", "las", "que", "por", "una", "para", "con", "del", "es"),
    "en": ("the", "and", "you", "of", "to", "is", "for", "your", "with", "are"),
}
TEXT_LANG_REGION = {"nl": "NL", "de": "DE", "fr": "FR", "it": "IT", "es": "ES"}

PHONE_WEIGHT, PHONE_CAP = 3, 6
# National display formats only one numbering plan uses: "(212) 555-0100", "212-555-0100",
# "1-800-555-0199" (NANP area and exchange codes never start with 0 or 1; European national
# numbers start with their trunk 0).
NANP_FORMAT = re.compile(
    r"(?<![\d\-.+])(?:\([2-9]\d{2}\) ?[2-9]\d{2}[\-.][0-9]{4}|[2-9]\d{2}([\-.])[2-9]\d{2}\1[0-9]{4}"
    r"|1[\-. ]8(?:00|33|44|55|66|77|88)[\-. ][2-9]\d{2}[\-. ][0-9]{4})(?![\d\-])"
)
NANP_WEIGHT, NANP_CAP = 2, 4
# A number written with its country code: +49 30 ..., 0049 30 ..., +1 (212) ...
# Two patterns, each opening with a literal, scan faster than one with an alternation.
INTERNATIONAL = (
    re.compile(r"\+\s?[1-9][\d \u00a0\-().]{6,18}\d"),
    re.compile(r"00(?<![\d.,]00)\s?[1-9][\d \u00a0\-().]{6,18}\d"),
)

ADDRESS_WEIGHT, ADDRESS_CAP = 3, 9
US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
CA_PROVINCES = "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT"
# Postal-address shapes, one named group each: a group named after a country names it; FIVE
# (a five-digit postcode and a place: German, French, Italian or Spanish) is decided by the
# street words around it or a country name after it; FOUR (a four-digit postcode and a place:
# BE, AT, CH, LU, DK, ...) counts only with the country named after it. One pass for all.
ADDRESS_SHAPES: tuple[tuple[str, str], ...] = (
    ("US", rf"(?<=[a-z.]),[ \u00a0]?(?:{US_STATES})[ \u00a0]+\d{{5}}(?:-\d{{4}})?\b"),
    ("CA", rf"\b(?:{CA_PROVINCES})[ \u00a0]+[A-Z]\d[A-Z][ \u00a0]?\d[A-Z]\d\b"),
    ("NL", r"\b[1-9]\d{3}[ \u00a0]?(?!SA|SD|SS)[A-Z]{2}[ \u00a0]+[A-Z][a-z'\-]+"),
    ("GB", r"\b[A-Z]{1,2}\d[A-Z\d]?[ \u00a0]\d[ABD-HJLNP-UW-Z]{2}\b"),
    ("BE", r"\bB-[1-9]\d{3}\s+[A-Z]"),
    ("AT", r"\bA-[1-9]\d{3}\s+[A-Z]"),
    ("CH", r"\bCH-[1-9]\d{3}\s+[A-Z]"),
    ("LU", r"\bL-\d{4}\s+[A-Z]"),
    ("DE", r"\bD-\d{5}\s+[A-Z]"),
    ("FR", r"\bF-\d{5}\s+[A-Z]"),
    ("FIVE", r"(?<![\d\-.,/])\d{5}[ \u00a0]+[A-ZÄÖÜÉ][a-zäöüßéèàç\-]+"),
    ("FOUR", r"(?<![\d\-.,/])[1-9]\d{3}[ \u00a0]+[A-ZÄÖÜÉ][a-zäöüßéèàç\-]+"),
)
ADDRESS = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in ADDRESS_SHAPES))
MAX_ADDRESSES = 30
# One pattern of twelve alternatives tried at every position is slow; these one-shape hints
# open with a literal space (re finds those fast) and ADDRESS is tried only at the few offsets
# before each where an address of that shape would start. Page text has one plain space
# between words (checks.page folds the others).
ADDRESS_HINTS: tuple[tuple[re.Pattern, tuple[int, ...]], ...] = (
    (re.compile(r" (?<=\d{4} )[A-Z]"), (4, 5, 6, 7)),  # "1234 AB", "10115 Berlin", "B-1000 ", "CH-8001 "
    (re.compile(r",[ ]?[A-Z]{2}[ ]+\d{5}"), (0,)),  # ", NY 10001" (after a letter)
    (re.compile(r" \d[A-Z]{2}\b"), (2, 3, 4)),  # "SW1A 1AA": the outward code before
    (re.compile(r" [A-Z]\d[A-Z] ?\d[A-Z]\d\b"), (2,)),  # "ON M5H 2N2"
)
STREET_WORDS: tuple[tuple[str, re.Pattern], ...] = (
    ("DE", re.compile(r"(?i:stra(?:ß|ss)e|str\.|weg\b|allee|platz|gasse|damm|ring\b|ufer\b)")),
    (
        "FR",
        re.compile(
            r"\b(?i:rue|avenue|boulevard|bd|allée|chemin|quai|impasse|route|place|lieu-?dit|cours|zone)\b"
        ),
    ),
    ("IT", re.compile(r"\b(?i:via|viale|piazza|corso)\b")),
    ("ES", re.compile(r"\b(?i:calle|avenida|plaza|carrer|paseo)\b")),
)
FIVE_DIGIT_DEFAULT = "DE"  # the five-digit country nearest the shops we measure
# Five-digit postcodes are shared by DE, FR, IT and ES: the page's language decides.
FIVE_DIGIT_BY_LANGUAGE = {"de": "DE", "fr": "FR", "it": "IT", "es": "ES"}
# French overseas departments: French postcodes, their own calling codes.
OVERSEAS_POSTCODES = {"971": "GP", "972": "MQ", "973": "GF", "974": "RE", "976": "YT"}
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
    ("US", re.compile(r"\$[ \u00a0]?\d|\bUSD\b")),
    ("GB", re.compile(r"£\s?\d|\bGBP\b")),
    ("CH", re.compile(r"\bCHF\b")),
)
CURRENCY_MARKS = ("$", "£", "CHF", "USD", "GBP", "CAD")

MIN_SUPPORT = 2
# Addresses and numbers sit in the header and footer (first and last of the page text) or on
# short contact pages: a long page is read at both ends only (product grids in between).
SCAN_HEAD, SCAN_TAIL = 15_000, 35_000


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
    for i, m in enumerate(m for pattern in INTERNATIONAL for m in pattern.finditer(text)):
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


def _addresses(text: str) -> list[re.Match]:
    """ADDRESS matches, tried only where a hint says one may start (at most MAX_ADDRESSES)."""
    found: dict[int, re.Match] = {}
    for hint, offsets in ADDRESS_HINTS:
        for i, h in enumerate(hint.finditer(text)):
            if i >= 4 * MAX_ADDRESSES or len(found) >= MAX_ADDRESSES:
                break
            for back in offsets:
                m = ADDRESS.match(text, h.start() - back) if h.start() >= back else None
                if m is not None:
                    found.setdefault(m.start(), m)
                    break
    return [found[k] for k in sorted(found)]


def text_language(text: str) -> str:
    """The language whose commonest words the text uses most ("" when none stands out)."""
    sample = " " + " ".join(text[:TEXT_LANG_SAMPLE].lower().split()) + " "
    counts = {lang: sum(sample.count(f" {w} ") for w in words) for lang, words in FUNCTION_WORDS.items()}
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    (best, n), (_, second) = ranked[0], ranked[1]
    return best if n >= 8 and n >= 2 * second else ""


# Every NANP display form ends in "-dddd" or ".dddd": literal-led hints that re finds fast, and
# NANP_FORMAT is tried only in the few characters before each.
NANP_HINTS = (re.compile(r"-\d{4}(?![\d\-])"), re.compile(r"\.\d{4}(?![\d.])"))
MAX_NANP_HINTS = 200


def _nanp_regions(text: str) -> dict[str, int]:
    ends: set[int] = set()
    for hint in NANP_HINTS:
        for i, h in enumerate(hint.finditer(text)):
            if i >= MAX_NANP_HINTS or len(ends) * NANP_WEIGHT >= NANP_CAP:
                break
            m = NANP_FORMAT.search(text, max(0, h.start() - 14), h.end())
            if m is not None and m.end() == h.end():
                ends.add(m.end())
    return {"US": min(NANP_CAP, len(ends) * NANP_WEIGHT)} if ends else {}


def _address_regions(text: str, language: str = "") -> dict[str, int]:
    scores: dict[str, int] = {}
    for m in _addresses(text):
        shape = m.lastgroup or ""
        named = _named_near(text, m.end())
        if named:
            region, weight = named, ADDRESS_WEIGHT
        elif shape == "FOUR":
            continue
        elif shape == "FIVE" and m.group()[:3] in OVERSEAS_POSTCODES:
            region, weight = OVERSEAS_POSTCODES[m.group()[:3]], ADDRESS_WEIGHT
        elif shape == "FIVE":
            around = text[max(0, m.start() - 80) : m.start()]
            street = next((cc for cc, words in STREET_WORDS if words.search(around)), "")
            by_language = FIVE_DIGIT_BY_LANGUAGE.get(language, "")
            region = street or by_language or FIVE_DIGIT_DEFAULT
            weight = ADDRESS_WEIGHT if street or by_language else 2
        else:
            region, weight = shape, ADDRESS_WEIGHT
        scores[region] = min(ADDRESS_CAP, scores.get(region, 0) + weight)
    return scores


def region_scores(url: str = "", lang: str = "", text: str = "", addresses: bool = True) -> dict[str, int]:
    """Evidence per region, summed over the ccTLD, lang, numbers, addresses and currency.

    `addresses=False` leaves postal addresses out."""
    if len(text) > SCAN_HEAD + SCAN_TAIL:
        text = text[:SCAN_HEAD] + "\n" + text[-SCAN_TAIL:]
    scores: dict[str, int] = {}

    def add(region: str, weight: int) -> None:
        if region:
            scores[region] = scores.get(region, 0) + weight

    tld = _tld_region(url)
    add(tld, TLD_WEIGHT)
    add(*_lang_region(lang))
    language = text_language(text)
    add(TEXT_LANG_REGION.get(language, ""), TEXT_LANG_WEIGHT)
    found_by = (
        _phone_regions(text),
        _nanp_regions(text),
        _address_regions(text, language) if addresses else {},
    )
    for found in found_by:
        for region, weight in found.items():
            add(region, weight)
    currencies = CURRENCIES if any(mark in text for mark in CURRENCY_MARKS) else ()
    for region, pattern in currencies:
        if pattern.search(text):
            add(region, CURRENCY_WEIGHT)
            break
    return scores


class RegionList(tuple):
    """Regions to read national numbers in, first choice first. `firm` says the first is the
    shop's for certain (its ccTLD, or the caller named it): a number that region reads stays
    there. When the order is only inferred, a later region may take a number written in its
    own usual grouping ("09.72.32.49.09" is French even where German evidence came first)."""

    firm: bool

    def __new__(cls, regions, firm: bool = True) -> RegionList:
        obj = super().__new__(cls, regions)
        obj.firm = firm
        return obj


def infer_regions(url: str = "", lang: str = "", text: str = "", explicit: str | None = None) -> RegionList:
    """The regions to parse national numbers in, most plausible first.

    An explicit country comes first; then the ccTLD's country; then every region with at least
    MIN_SUPPORT evidence, strongest first. With no evidence at all: the default country.
    """
    scores = region_scores(url, lang, text)
    ranked = sorted((r for r, s in scores.items() if s >= MIN_SUPPORT), key=lambda r: (-scores[r], r))
    first = [r for r in (explicit.upper() if explicit else "", _tld_region(url)) if r]
    out = list(dict.fromkeys([*first, *ranked]))
    return RegionList(out or [DEFAULT_COUNTRY], firm=bool(first))


def regions_for(
    url: str, lang: str, text: str, country: str | list[str] | tuple[str, ...] | None
) -> RegionList:
    """Regions for one page: the caller's (one country or an ordered list) when given, else
    inferred from the page."""
    if isinstance(country, str) and country:
        return RegionList([country.upper()])
    if country:
        return RegionList([c.upper() for c in country])
    return infer_regions(url, lang, text)
