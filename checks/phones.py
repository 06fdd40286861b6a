"""Phone numbers: from tel: links, visible text and structured data.

Speed: a cheap regex finds digit runs that could be phone numbers; only those small windows go
to `phonenumbers.PhoneNumberMatcher` (leniency VALID), which keeps the library's own filters
(dates, time stamps, letters glued to digits). Label context then rejects the families that
look like numbers but are not (KvK, VAT, IBAN, order and article numbers, ...) and marks faxes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import unquote

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType

from checks.model import PhoneFinding, TextBlock, best_per_value
from checks.numbers import id_label_before, other_spans
from checks.region import RegionList
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
# An extension written after a number: "x456", "ext. 12", "Durchwahl -12", "toestel 3".
EXTENSION = re.compile(
    r"[ \u00a0,]*(?:x|ext\.?|extension|Durchwahl|DW|App\.|poste|toestel|tst\.?)[ \u00a0]*[-.:#]?[ \u00a0]*\d{1,6}\b",
    re.I,
)

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
    r"\b(?:t[eé]l(?:efoon|efon|ephone|éfono)?|t\.|phone|bel(?:\s+ons)?|call|fon|t[ée]l[ée]phone|hotline|"
    r"whatsapp|mobiel|mobil|gsm|portable|klantenservice|service|helpdesk|support|kundenservice|"
    r"ruf(?:en)?|appel(?:ez)?|contact)(?:nummer|nr|number|no)?\W{0,6}$",
    re.I,
)
FAX_LABEL = re.compile(
    r"(?<!tel[/ ])(?<!tel / )(?<!tel\. )(?<!tel\.)(?<!phone/)(?<!phone / )(?:fax|telefax|télécopie|telecopie)(?:en)?(?:nummer|nr|number|no)?"
    r"(?:\s+(?:to|naar|an|au|à))?\W{0,12}$",
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
# "+49 (o)8191-...": a letter o typed for the trunk zero after a country code.
LETTER_O_TRUNK = re.compile(r"(\+\d{1,3}\s?)\([oO]\)")
# Known template placeholders that are valid per the metadata (DOMAIN.md 3.4).
PLACEHOLDER_NUMBERS = frozenset({"+49180000000"})

# Regions to try for a national number under a phone label when the shop's region fails.
NEIGHBOUR_REGIONS = ("NL", "BE", "DE", "FR", "LU", "AT", "CH", "GB")


_DIGIT = re.compile(r"\d")


def _digits(text: str) -> int:
    return len(_DIGIT.findall(text))


# Countries whose national numbers are not written with a leading trunk 0.
NO_TRUNK_ZERO = frozenset({"US", "CA", "IT", "ES", "DK", "NO", "PT", "GR", "LU"})


def plausible(raw: str, country: str, several: bool = False) -> bool:
    """Cheap test before the matcher: digit count, and solid digit runs that only codes have.
    With `several`, the run may hold more than one number written side by side."""
    digits = _digits(raw)
    if digits < MIN_DIGITS or TIME_RANGE.match(raw):
        return False
    if digits > MAX_DIGITS and "/" not in raw and not several:
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


def _label_window(text: str, start: int, above: str, width: int = 60) -> str:
    """The 60 characters before a number; a number that opens its block takes the block above
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


Regions = str | Sequence[str]


def region_list(country: Regions | None) -> RegionList:
    """The regions to parse national numbers in, first choice first, each once (a RegionList
    keeps whether its order is firm; any other list is the caller's, so firm)."""
    if isinstance(country, RegionList):
        return country
    if not country:
        return RegionList(("NL",))
    if isinstance(country, str):
        return RegionList((country.upper(),))
    return RegionList(tuple(dict.fromkeys(c.upper() for c in country if c)) or ("NL",))


def _not_phone_label(before: str) -> bool:
    """The text before a number labels it as something else (and not also as a phone)."""
    return bool(NOT_PHONE_LABEL.search(before) or id_label_before(before)) and not PHONE_LABEL.search(
        before[-12:]
    )


# Characters that separate the digit groups of one number, or two numbers side by side.
SEPARATORS = " \u00a0().-/\u2013"


def _pieces(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """The parts of a candidate run that are not something else: the run is extended to its
    whole line neighbourhood, every bank account, VAT or enterprise number, article code or
    date in it is cut out, and what is left (trimmed to digits) may still hold phone numbers."""
    line_lo = text.rfind("\n", 0, start) + 1
    line_hi = text.find("\n", end)
    if line_hi < 0:
        line_hi = len(text)
    spans = other_spans(text, max(line_lo, start - 48), min(line_hi, end + 40))
    phone_labelled = PHONE_LABEL.search(label[-12:]) is not None
    cuts = sorted(
        (s, e) for s, e, kind in spans if e > start and s < end and not (kind == "gtin" and phone_labelled)
    )
    pieces: list[tuple[int, int]] = []
    pos = start
    for s, e in [*cuts, (end, end)]:
        if s > pos:
            pieces.append((pos, s))
        pos = max(pos, e)
    out = []
    for s, e in pieces:
        while s < e and text[s] in SEPARATORS and text[s] != "(" and text[s] != "+":
            s += 1
        while e > s and not text[e - 1].isdigit():
            e -= 1
        if e - s >= MIN_DIGITS and _digits(text[s:e]) >= MIN_DIGITS:
            out.append((s, e))
    return out


Match = tuple[int, int, phonenumbers.PhoneNumber, str]


def _match(
    text: str, s: int, e: int, regions: tuple[str, ...], labelled: bool, boundary: bool = False
) -> list[Match]:
    """Numbers the matcher finds in text[s:e], in the first region that yields any. The matcher
    sees the character before the run when it is not a digit or separator (a letter glued to
    a number makes it something else); `boundary` says a number is known to start at s."""
    raw = text[s:e]
    lo = s - 1 if s > 0 and not text[s - 1].isdigit() and text[s - 1] not in SEPARATORS else s
    hi = min(len(text), e + 1)
    window = text[lo:hi]
    tried = regions + tuple(r for r in NEIGHBOUR_REGIONS if r not in regions) if labelled else regions
    first: list[Match] = []
    for i, region in enumerate(tried):
        if i < len(regions) and not plausible(raw, region, several=True):
            continue
        if region not in NO_TRUNK_ZERO and not boundary and not _trunk_start(text, s):
            continue
        found = [
            (lo + m.start, lo + m.end, m.number, m.raw_string.strip())
            for m in PhoneNumberMatcher(window, region, leniency=Leniency.VALID)
        ]
        if not found:
            continue
        # Several of the shop's regions may read a national number (German numbers have any
        # length): the one whose usual grouping the number is written in wins, else the first.
        firm = getattr(regions, "firm", True) and i == 0
        if firm or i >= len(regions) - 1 or all(_grouped_as_in(m[3], m[2]) for m in found):
            return found
        first = first or found
    return first


_GROUPS = re.compile(r"\d+")


def _grouped_as_in(raw: str, number: phonenumbers.PhoneNumber) -> bool:
    """The national number is written in its region's usual grouping ("09.72.32.49.09" is
    French, "0972 324909" German). Numbers with a country code, without separators or in two
    groups (an area code and the rest, written so everywhere) say nothing: they count as
    grouped."""
    raw = raw.strip()
    if raw.startswith(("+", "00")) or raw.isdigit():
        return True
    written = [len(g) for g in _GROUPS.findall(raw)]
    if len(written) <= 2:
        return True  # an area code and the rest: written so everywhere
    usual = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return written == [len(g) for g in _GROUPS.findall(usual)]


def _trunk_start(text: str, s: int) -> bool:
    """Where national numbers start with a trunk 0, a number opens with +, 00, 0 or (0."""
    return CANDIDATE_TRUNK.match(text, s) is not None or text.startswith("00", s)


def _valid(raw: str, regions: tuple[str, ...]) -> phonenumbers.PhoneNumber | None:
    for region in regions:
        if region not in NO_TRUNK_ZERO and raw[:1] not in "+0(":
            continue
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number
    return None


def _split(text: str, s: int, e: int, regions: tuple[str, ...]) -> Match | None:
    """The first of two numbers written side by side with no usable separator
    ("030 765432106 98765432", from two adjacent inline elements): a valid number followed by
    the start of another valid one."""
    for p in range(s + MIN_DIGITS, e - MIN_DIGITS + 1):
        ch, prev = text[p], text[p - 1]
        at_separator = ch.isdigit() and prev in SEPARATORS
        glued = ch in "0+" and prev.isdigit()
        if not (at_separator or glued):
            continue
        left = text[s:p].rstrip(SEPARATORS)
        if _digits(left) < MIN_DIGITS or _digits(text[p:e]) < MIN_DIGITS:
            continue
        number = _valid(left, regions)
        if number is not None and _starts_number(text, p, e, regions):
            return (s, s + len(left), number, left)
    return None


def _starts_number(text: str, p: int, e: int, regions: tuple[str, ...]) -> bool:
    """A valid number starts at p and ends at a separator, at the end, or where another starts."""
    for q in range(p + MIN_DIGITS, e + 1):
        at_end = q == e or text[q] in SEPARATORS or text[q] in "0+"
        if at_end and _valid(text[p:q].rstrip(SEPARATORS), regions) is not None:
            return True
    return False


def _numbers_in(text: str, s: int, e: int, regions: tuple[str, ...], labelled: bool) -> list[Match]:
    """Every number in one piece of a candidate run, splitting numbers written side by side."""
    out: list[Match] = []
    pos = s
    boundary = False
    while pos < e:
        while pos < e and not (text[pos].isdigit() or text[pos] in "+("):
            pos += 1
        if _digits(text[pos:e]) < MIN_DIGITS:
            break
        found = _match(text, pos, e, regions, False, boundary)
        boundary = False
        if not found and _digits(text[pos:e]) >= 2 * MIN_DIGITS and not text[pos:e].isdigit():
            one = _split(text, pos, e, regions)
            found = [one] if one else []
            boundary = bool(one)
        if not found and labelled and not out:
            # a number under a phone label that no region of the shop reads: a neighbour's
            # (only the first number of a run: the label is not the next one's)
            found = _match(text, pos, e, regions, True)
        if not found:
            break
        out.extend(found)
        pos = max(pos + 1, found[-1][1])
    return out


def _after_id(text: str, start: int, end: int) -> int:
    """Where a second number may start in a run whose label names an id ("KvK 01234567 020
    1234567"): the id takes the first groups, at least six digits; -1 when nothing follows."""
    for p in range(start + 6, end - MIN_DIGITS + 1):
        opens = text[p - 1] in SEPARATORS and (_trunk_start(text, p) or text[p] == "+")
        if opens and _digits(text[start:p]) >= 6:
            return p
    return -1


def phones_in_text(
    blocks: Iterable[TextBlock],
    country: Regions,
    source: str = "text",
    visible: bool = True,
    *,
    regions: Sequence[str] | None = None,
) -> list[PhoneFinding]:
    """Every phone number in visible text blocks.

    National numbers are read in `regions` (or `country`, one region or an ordered list of
    plausible ones), trying each in turn before a number is rejected; the first is the shop's
    own region (a number from elsewhere is flagged `foreign`).
    """
    regs = region_list(regions or country)
    primary = regs[0]
    found: list[PhoneFinding] = []
    previous = ""
    broad = any(r in NO_TRUNK_ZERO for r in regs)
    candidates = CANDIDATE if broad else CANDIDATE_TRUNK
    for block in blocks:
        text = block.text
        if "(o)" in text or "(O)" in text:
            text = LETTER_O_TRUNK.sub(r"\1(0)", text)
        above, previous = previous, text
        floor = 0
        pos = 0
        while (cand := candidates.search(text, pos)) is not None:
            raw = cand.group()
            start, end = cand.span()
            pos = _next_search(text, start, end, floor)
            if _digits(raw) < MIN_DIGITS or TIME_RANGE.match(raw):
                continue
            before = _label_window(text, start, above)
            if _not_phone_label(before):
                start = _after_id(text, start, end) if _digits(raw) > MAX_DIGITS else -1
                if start < 0:
                    continue
                before = _label_window(text, start, above)
            labelled = PHONE_LABEL.search(before) is not None
            for s, e in _pieces(text, start, end, before):
                for m_start, m_end, number, m_raw in _numbers_in(text, s, e, regs, labelled):
                    label = _label_window(text, m_start, above)
                    if _not_phone_label(label):
                        continue
                    ext = EXTENSION.match(text, m_end)
                    if ext:  # the extension stays in raw; the value is the number itself
                        m_raw = text[m_start : ext.end()]
                    e164, ptype, _region = describe(number)
                    finding = PhoneFinding(
                        value=e164,
                        raw=m_raw,
                        source=source,
                        region=block.region,
                        visible=visible,
                        third_party=names_third_party(text, m_start, floor, above),
                        type=ptype,
                        flags=phone_flags(number, ptype, primary, _after(text, m_end)),
                        country=_region,
                        context=_snippet(text, m_start, m_end),
                        is_fax=bool(FAX_LABEL.search(label[-25:])),
                    )
                    found.append(finding)
                    floor = m_end
            pos = max(pos, _next_search(text, start, end, floor))
    return found


def _next_search(text: str, start: int, end: int, floor: int) -> int:
    """Where to look for the next candidate. A run cut at the candidate pattern's length limit
    may hold more numbers (three written side by side): go on after the last number found in
    it, or after its last separator."""
    if end >= len(text) or not (text[end].isdigit() or text[end] in SEPARATORS):
        return end
    if start < floor < end:
        return floor
    cut = max(text.rfind(c, start, end) for c in " -/")
    return cut + 1 if cut > start else end


def parse_tel_href(href: str, country: Regions) -> phonenumbers.PhoneNumber | None:
    """The number in a tel:/callto: href, or None when it is not a valid number in any of the
    regions (one region or an ordered list)."""
    value = unquote(href).strip()
    value = re.sub(r"^(?:tel|callto)\s*:\s*(?://)?", "", value, flags=re.I).split(";")[0].split("?")[0]
    if _digits(value) < MIN_DIGITS:
        return None
    for region in region_list(country):
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number
    return None


def phone_from_value(value: str, country: Regions, source: str, region: str = "main") -> PhoneFinding | None:
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
        flags=phone_flags(number, ptype, region_list(country)[0]),
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
