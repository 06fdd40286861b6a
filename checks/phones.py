"""Phone numbers: from tel: links, visible text and structured data.

Speed: a cheap regex finds digit runs that could be phone numbers; only those small windows go
to `phonenumbers.PhoneNumberMatcher` (leniency VALID), which keeps the library's own filters
(dates, time stamps, letters glued to digits). Label context then rejects the families that
look like numbers but are not (KvK, VAT, IBAN, order and article numbers, ...) and marks faxes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType

from checks.model import PhoneFinding, TextBlock, best_per_value
from checks.thirdparty import names_third_party

# A run that could hold a phone number: optional +/00, digits with the separators people use.
CANDIDATE = re.compile(r"(?:\+|\b00|\()?\d[\d \u00a0().\-/\u2013]{5,28}\d")
# Where national numbers start with a trunk 0, a number is written from "+", "00", "0" or "(0":
# product codes, EANs and order numbers never even become candidates.
# Every branch opens with a literal (the lookbehinds come after it), so re scans for the first
# character in C instead of trying the pattern at every position: several times faster.
CANDIDATE_TRUNK = re.compile(
    r"(?:\+\s?\d|\((?<![\w,]\()(?<!\d\.\()0|0(?<![\w,]0)(?<!\d\.0))[\d \u00a0().\-/\u2013]{5,28}\d"
)
MIN_DIGITS, MAX_DIGITS = 7, 15

TYPE_NAMES: dict[int, str] = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
    PhoneNumberType.UNKNOWN: "unknown",
}

# Labels that, right before a digit run, say it is not a phone number.
NOT_PHONE_LABEL = re.compile(
    r"(?:kvk|k\.v\.k|kamer\s+van\s+koophandel|coc|chamber\s+of\s+commerce|handelsregister|hr[ab]|btw|vat|"
    r"ust|tva|iban|bic|swift|rekening|account|bank|ean|gtin|isbn|sku|upc|mpn|art(?:ikel)?|article|item|"
    r"order|bestel\w*|factuur|invoice|klant|customer\s+(?:no|number|id)|kunden|referentie|reference|ref|"
    r"model\w*|serie\w*|serial|rsin|siret|siren|rcs|ondernemings\w*|entreprise|onderneming|pakket|"
    r"tracking|track|zending|sendung|colis|postcode|zip|bestellnummer|auftrag|rechnung|artikelnummer|"
    r"produkt\w*|product\w*|code|nr\s*\.\s*(?=$)|gln|dossier|vergunning|licen[cs]e|lot|batch|ticket)"
    r"(?:[\s.\-]*(?:nummer|number|nr|no|num|n°|id|code))?[\s.:#°/-]*$",
    re.I,
)
# Labels that say "this is a phone number" (they override nothing; they allow extra regions).
PHONE_LABEL = re.compile(
    r"\b(?:tel(?:efoon|efon|ephone|éfono)?|t\.|phone|bel(?:\s+ons)?|call|fon|t[ée]l[ée]phone|hotline|"
    r"whatsapp|mobiel|mobil|gsm|portable|klantenservice|service|helpdesk|support|kundenservice|"
    r"ruf(?:en)?|appel(?:ez)?|contact)(?:nummer|nr|number|no)?\W{0,6}$",
    re.I,
)
FAX_LABEL = re.compile(
    r"(?<!tel[/ ])(?<!tel\. )(?<!tel\.)(?<!phone/)(?:fax|telefax|télécopie|telecopie)(?:nummer|nr|number|no)?\W{0,12}$",
    re.I,
)
# Opening hours written with dots look like a number to the matcher: "09.00 - 17.00".
TIME_RANGE = re.compile(r"^\(?\d{1,2}[.:]\d{2}\s*(?:-|–|tot|to|bis|à)\s*\d{1,2}[.:]\d{2}\)?$")
# A tariff announced right after a number: "(€ 0,80 p/m)", "10 ct/min", "per minuut".
TARIFF = re.compile(
    r"(?:€|eur|euro)\s?\d+[.,]\d+|\d+[.,]?\d*\s?(?:ct|cent|eurocent)\b|"
    r"p/m\b|p\.m\.|per\s+min|/\s?min\b|pro\s+min|par\s+min|per\s+gesprek|per\s+call|pro\s+anruf|"
    r"par\s+appel|minutentarif|gesprekskosten|(?:lokaal|normaal)\s+tarief\s+plus|kosten\s+\d",
    re.I,
)
# Known template placeholders that are valid per the metadata (DOMAIN.md 3.4).
PLACEHOLDER_NUMBERS = frozenset({"+49180000000"})

# Regions to try for a national number under a phone label when the shop's region fails.
NEIGHBOUR_REGIONS = ("NL", "BE", "DE", "FR", "LU", "AT", "CH", "GB")


_DIGIT = re.compile(r"\d")


def _digits(text: str) -> int:
    return len(_DIGIT.findall(text))


# Countries whose national numbers are not written with a leading trunk 0.
NO_TRUNK_ZERO = frozenset({"US", "CA", "IT", "ES", "DK", "NO", "PT", "GR", "LU"})


def plausible(raw: str, country: str) -> bool:
    """Cheap test before the matcher: digit count, and solid digit runs that only codes have."""
    digits = _digits(raw)
    if digits < MIN_DIGITS or TIME_RANGE.match(raw):
        return False
    if digits > MAX_DIGITS and "/" not in raw:
        return False  # two numbers are written "020-1234567 / 06-12345678"
    if raw.isdigit():
        if raw[0] != "0" and country not in NO_TRUNK_ZERO:
            return False  # EAN, SKU, order numbers: national numbers here start with 0
        if digits > 12 and not raw.startswith("00"):
            return False  # GTIN-14 and other long codes
    return True


def phone_flags(number: phonenumbers.PhoneNumber, ptype: str, country: str, after: str = "") -> list[str]:
    """Flags for one number: extra_cost, information_number, foreign, placeholder."""
    flags: list[str] = []
    region = phonenumbers.region_code_for_number(number) or ""
    national = str(number.national_number)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if region == "NL" and ptype == "premium_rate" and national.startswith("900"):
        flags.append("information_number")
        if TARIFF.search(after):
            flags.append("extra_cost")
    elif ptype in ("premium_rate", "shared_cost") or TARIFF.search(after):
        flags.append("extra_cost")
    if country and region and region != country and region != "001":
        flags.append("foreign")
    if e164 in PLACEHOLDER_NUMBERS:
        flags.append("placeholder")
    return flags


def describe(number: phonenumbers.PhoneNumber) -> tuple[str, str, str]:
    """(E.164, type name, region) of a parsed number."""
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    ptype = TYPE_NAMES.get(phonenumbers.number_type(number), "unknown")
    return e164, ptype, phonenumbers.region_code_for_number(number) or ""


def _snippet(text: str, start: int, end: int, width: int = 60) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


def _label_window(text: str, start: int, above: str, width: int = 40) -> str:
    """The 40 characters before a number; a number that opens its block takes the block above
    as its label (`<dt>Fax</dt><dd>020 ...</dd>`, a label cell next to the number)."""
    before = text[max(0, start - width) : start]
    if start < 8 and above:
        before = (above[-width:] + " " + before)[-width:]
    return before


def _after(text: str, end: int, width: int = 60) -> str:
    """The text after a number where its tariff would be announced: this line and the next,
    never past the next number."""
    window = text[end : end + width]
    nxt = CANDIDATE.search(window)
    if nxt:
        window = window[: nxt.start()]
    first = window.find("\n")
    if first >= 0:
        second = window.find("\n", first + 1)
        if second >= 0:
            window = window[:second]
    return window


def phones_in_text(
    blocks: Iterable[TextBlock], country: str, source: str = "text", visible: bool = True
) -> list[PhoneFinding]:
    """Every phone number in visible text blocks."""
    found: list[PhoneFinding] = []
    previous = ""
    candidates = CANDIDATE if country in NO_TRUNK_ZERO else CANDIDATE_TRUNK
    for block in blocks:
        text = block.text
        above, previous = previous, text
        floor = 0
        for cand in candidates.finditer(text):
            raw = cand.group()
            if not plausible(raw, country):
                continue
            start, end = cand.span()
            before = _label_window(text, start, above)
            if NOT_PHONE_LABEL.search(before) and not PHONE_LABEL.search(before[-12:]):
                continue
            lo, hi = max(0, start - 1), min(len(text), end + 1)
            window = text[lo:hi]
            matches = list(PhoneNumberMatcher(window, country, leniency=Leniency.VALID))
            if not matches and PHONE_LABEL.search(before):
                for other in NEIGHBOUR_REGIONS:
                    if other != country:
                        matches = list(PhoneNumberMatcher(window, other, leniency=Leniency.VALID))
                        if matches:
                            break
            for m in matches:
                m_start, m_end = lo + m.start, lo + m.end
                label = _label_window(text, m_start, above)
                if NOT_PHONE_LABEL.search(label) and not PHONE_LABEL.search(label[-12:]):
                    continue
                e164, ptype, _region = describe(m.number)
                finding = PhoneFinding(
                    value=e164,
                    raw=m.raw_string.strip(),
                    source=source,
                    region=block.region,
                    visible=visible,
                    third_party=names_third_party(text, m_start, floor, above),
                    type=ptype,
                    flags=phone_flags(m.number, ptype, country, _after(text, m_end)),
                    country=_region,
                    context=_snippet(text, m_start, m_end),
                    is_fax=bool(FAX_LABEL.search(label[-25:])),
                )
                found.append(finding)
                floor = m_end
    return found


def parse_tel_href(href: str, country: str) -> phonenumbers.PhoneNumber | None:
    """The number in a tel:/callto: href, or None when it is not a valid number."""
    value = unquote(href).strip()
    value = re.sub(r"^(?:tel|callto)\s*:\s*(?://)?", "", value, flags=re.I).split(";")[0].split("?")[0]
    if _digits(value) < MIN_DIGITS:
        return None
    try:
        number = phonenumbers.parse(value, country)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def phone_from_value(value: str, country: str, source: str, region: str = "main") -> PhoneFinding | None:
    """A phone number given as a field value (JSON-LD telephone, meta content, tel: href)."""
    number = parse_tel_href(value, country)
    if number is None:
        return None
    e164, ptype, num_region = describe(number)
    return PhoneFinding(
        value=e164,
        raw=value.strip(),
        source=source,
        region=region,
        visible=False,
        type=ptype,
        flags=phone_flags(number, ptype, country),
        country=num_region,
    )


SOURCE_RANK = {
    "tel_link": 0,
    "text": 1,
    "pdf": 1,
    "href": 2,
    "jsonld": 3,
    "microdata": 3,
    "meta": 4,
    "comment": 5,
}


def merge_phones(findings: list[PhoneFinding]) -> list[PhoneFinding]:
    """One finding per value, the best evidence first; a number labelled fax anywhere is the fax line."""
    fax = {f.value for f in findings if f.is_fax}
    merged = best_per_value(findings, SOURCE_RANK)
    for f in merged:
        f.is_fax = f.value in fax
    return merged
