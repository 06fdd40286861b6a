"""Number-shaped things that are not phone numbers: bank accounts, VAT and company numbers,
article codes, dates and company or tax ids after their labels.

The phone matcher asks, for each digit run it considers, which parts of the surrounding token
run are one of these (`other_spans`); those parts are never read as a phone number, and what
is left of the run still is. Checksummed numbers are validated with python-stdnum; a number
whose format is right but whose checksum fails still counts when its notation is one phone
numbers never use (a country prefix glued to the digits, the Belgian `0123.456.789` grouping).
"""

from __future__ import annotations

import re

from stdnum import ean, get_cc_module, iban
from stdnum.exceptions import InvalidChecksum, InvalidComponent, ValidationError

# IBAN: country, two check digits, then 11 to 30 letters and digits in any grouping.
IBAN_RUN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ \-]?[A-Z0-9]){11,30}(?![a-z0-9])")
# VAT with a country prefix: "NL123456789B01", "BE 0412.345.678", "ATU12345678", "FR 40 303 265 045".
VAT_RUN = re.compile(
    r"(?<![A-Za-z0-9])(?P<cc>[A-Z]{2})(?P<gap>[ .:\-]?)(?P<body>[0-9A-Z](?:[0-9A-Z]|[ .\-](?=[0-9A-Z])){7,16})"
    r"(?![A-Za-z0-9])"
)
# The official notation of a Belgian enterprise number (and of its VAT number): 0123.456.789.
ENTERPRISE_DOTTED = re.compile(r"(?<![\d.])[01]\d{3}\.\d{3}\.\d{3}(?![\d]|\.\d)")
# Article codes written as one solid run: GTIN-12 (UPC-A), GTIN-13 (EAN), GTIN-14.
GTIN_RUN = re.compile(r"(?<![\w+])\d{12,14}(?!\w)")

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)\d{2}"
_TIME = (
    r"(?:,?\s*(?:om|um|at|à|a|le|,|-)?\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:[:.][0-5]\d)?"
    r"(?:\s*(?:uur|u\.|Uhr|h|hrs|am|pm|AM|PM))?)?"
)
# A two-digit year counts only before a time or at the end of the digits ("06-12-34 56 78" is a
# phone number written in pairs).
_TIME_AHEAD = r"\s*(?:om|um|at|à|,)?\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d"
# Dates in every common order and separator, with or without a time after them. A date with
# spaces between its parts must not continue a digit group before it ("030 06 12 2023").
DATE = re.compile(
    r"(?<!\d)(?<!\d[-./])(?:"
    rf"{_DAY}(?P<a>[-./]){_MONTH}(?P=a){_YEAR}"
    rf"|{_MONTH}(?P<b>[-./]){_DAY}(?P=b){_YEAR}"
    rf"|{_YEAR}(?P<c>[-./]){_MONTH}(?P=c){_DAY}"
    rf"|(?<!\d )(?:{_DAY} {_MONTH} {_YEAR}|{_YEAR} {_MONTH} {_DAY})"
    rf"|{_DAY}(?P<d>[-./]){_MONTH}(?P=d)\d{{2}}(?:(?={_TIME_AHEAD})|(?![-./ ]?\d))"
    rf"){_TIME}(?!\d)(?![-./]\d)"
)

# Company and tax id labels (NL, EN, DE, FR). Abbreviations must be written in capitals ("VR"
# is a register, "vr" is Friday); words in any case. Between the label and the number a few
# words may stand: a country code, a court or city, a letter ("RCS Paris B", "BTW BE",
# "Registered in England No.").
_ID_ABBREVIATIONS = (
    r"KVK|KvK|RSIN|BTW|Btw|VAT|TVA|USt|UST|MwSt|MWST|UID|IVA|NIF|CIF|SIRET|SIREN|RCS|RM|NAF|APE|"
    r"EORI|DUNS|LEI|GLN|KBO|BCE|RPR|RPM|HRA|HRB|HR|VR|GnR|FN|CRN|EIN|TIN|ABN|IBAN|BIC|ID|Id"
)
_ID_WORDS = (
    r"k\.v\.k|kamer\s+van\s+koophandel|handelsregister\w*|registergericht|amtsgericht|"
    r"steuer(?:nummer|-?nr|-?id\w*)?|st\.?-?nr|finanzamt|firmenbuch\w*|vereinsregister|"
    r"ondernemings\w*|entreprise|num[ée]ro\s+d'entreprise|identifi\w*|wirtschafts-?id\w*|"
    r"umsatzsteuer\w*|company\s+(?:no|number|reg\w*|id)|registration|registered|regist(?:er|re)|"
    r"reg\.?-?\s?nr|tax\s+(?:id|no|number|code)|btw-?\w*|vat-?\w*|chamber\s+of\s+commerce|"
    r"immatricul\w*|tva\s+intra-?communautaire|n°\s*tva|partita\s+iva|bankrekening\w*|rekeningnummer|kontonummer|account\s+(?:no|number)"
)
_GAP_WORD = (
    r"(?:[A-ZÀ-Þ][\w'’\-]{0,24}|in|and|und|et|en|de|du|des|la|le|of|under|sous|bei|beim|am|van|"
    r"no|nr|n°|num|nummer|number|numéro|nº)"
)
ID_LABEL = re.compile(
    rf"(?:(?<![\w.])(?:{_ID_ABBREVIATIONS})|(?i:(?<![\w.])(?:{_ID_WORDS})))"
    rf"(?:[\s.:#°/\-]*{_GAP_WORD}){{0,6}}[\s.:#°/\-]*$"
)


def _iban_shaped(compact: str) -> bool:
    """A valid IBAN, or one in its country's exact format whose check digits are wrong."""
    try:
        iban.validate(compact)
        return True
    except (InvalidChecksum, InvalidComponent):
        pass
    except ValidationError:
        return False
    try:  # put the right check digits in: if it is valid then, only the checksum was off
        fixed = compact[:2] + iban.calc_check_digits(compact) + compact[4:]
        iban.validate(fixed)
        return True
    except (InvalidChecksum, InvalidComponent):
        return True
    except ValidationError:
        return False


def _iban_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans = []
    for m in IBAN_RUN.finditer(text, lo, hi):
        groups = [g for g in re.finditer(r"[A-Z0-9]+", m.group())]
        # the longest prefix of the run's groups that is an IBAN (a BIC or a word may follow)
        for n in range(len(groups), 0, -1):
            end = groups[n - 1].end()
            compact = re.sub(r"[ \-]", "", m.group()[:end])
            if 15 <= len(compact) <= 34 and _iban_shaped(compact):
                spans.append((m.start(), m.start() + end))
                break
    return spans


def _vat_module(cc: str):
    cc = {"EL": "gr", "XI": "gb"}.get(cc, cc.lower())
    try:
        return get_cc_module(cc, "vat")
    except (ImportError, ValueError):
        return None


def _vat_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans = []
    for m in VAT_RUN.finditer(text, lo, hi):
        module = _vat_module(m.group("cc"))
        if module is None:
            continue
        body = m.group("body")
        # a phone number may stand after a country label ("BE 03 123 45 67"): without a valid
        # checksum only the glued or dotted notations count as a VAT number
        loose_ok = (m.group("gap") == "" and " " not in body) or ENTERPRISE_DOTTED.fullmatch(
            body.strip()
        ) is not None
        words = [w for w in re.finditer(r"[0-9A-Z]+", body)]
        for n in range(len(words), 0, -1):
            end = words[n - 1].end()
            number = m.group("cc") + re.sub(r"[ .\-]", "", body[:end])
            try:
                module.validate(number)
            except (InvalidChecksum, InvalidComponent):
                if not loose_ok:
                    continue
            except ValidationError:
                continue
            spans.append((m.start(), m.start("body") + end))
            break
    return spans


def other_spans(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every run in text[lo:hi] that is a bank account, VAT or enterprise
    number, article code or date (with its time), as absolute offsets."""
    window = text[lo:hi]
    spans: list[tuple[int, int, str]] = []
    if re.search(r"[A-Z]{2}", window):
        spans.extend((s, e, "iban") for s, e in _iban_spans(text, lo, hi))
        spans.extend((s, e, "vat") for s, e in _vat_spans(text, lo, hi))
    if "." in window:
        spans.extend((m.start(), m.end(), "enterprise") for m in ENTERPRISE_DOTTED.finditer(text, lo, hi))
    spans.extend(
        (m.start(), m.end(), "gtin") for m in GTIN_RUN.finditer(text, lo, hi) if ean.is_valid(m.group())
    )
    spans.extend((m.start(), m.end(), "date") for m in DATE.finditer(text, lo, hi))
    return spans


def id_label_before(before: str) -> bool:
    """True when the text right before a number ends in a company or tax id label."""
    return ID_LABEL.search(before) is not None
