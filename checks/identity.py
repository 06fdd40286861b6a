"""Company identity details in visible text (art. 3:15d BW, § 5 DDG; DOMAIN.md section 6).

Finds the KvK number, VAT ids (checked with python-stdnum), the Belgian enterprise number,
German Handelsregister numbers, street addresses and PO-box-only addresses. Numbers without
a checksum (KvK, HRB) are only taken after their label, so order and article numbers stay out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from stdnum.be import vat as be_vat
from stdnum.eu import vat as eu_vat

from checks.model import IdentityFinding, TextBlock

_SEP = r"[\s.]?"


def _digits(n: int) -> str:
    """n digits, each pair optionally split by one space or dot (as in 8564.82.262)."""
    return r"\d(?:[\s.]?\d){" + str(n - 1) + "}"


KVK = re.compile(
    r"(?:kvk|k\.v\.k\.?|kamer\s+van\s+koophandel|chamber\s+of\s+commerce|coc|handelsregister)"
    r"[^\d\n\x00]{0,30}?(?<!\d)(?P<num>\d{8}|\d{4}[ .]\d{4}|\d{2}[ .]\d{2}[ .]\d{2}[ .]\d{2})(?![\d])",
    re.I,
)
KVK_ANCHORS = ("kvk", "k.v.k", "kamer", "chamber", "coc", "handelsregister")
VAT_LABEL = re.compile(
    r"(?:btw|b\.t\.w\.|vat|tva|ust|u\.st|mwst|umsatzsteuer|omzetbelasting|iva|uid|moms|tax)", re.I
)
VAT_ANCHORS = ("btw", "vat", "tva", "ust", "mwst", "umsatzsteuer", "omzetbelasting", "iva", "uid",
               "moms", "tax")  # fmt: skip
# Each anchor list costs one pass of bytes.find over the page text: keep them short.
IBAN_LABEL = re.compile(r"iban|rekening|konto|compte|bank", re.I)
# Country-shaped VAT ids, distinctive enough to be taken without a label. Each starts with its
# literal country code so the regex engine can skip ahead to it.
VAT_SHAPES = tuple(
    re.compile(source + r"(?![A-Za-z0-9])")
    for source in (
        rf"NL{_SEP}{_digits(9)}{_SEP}B{_SEP}\d{{2}}",
        rf"BE{_SEP}[01]?{_SEP}\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{3}}",
        rf"DE{_SEP}{_digits(9)}",
        rf"FR{_SEP}[0-9A-HJ-NP-Z]{{2}}{_SEP}{_digits(9)}",
        rf"ATU{_SEP}{_digits(8)}",
        rf"LU{_SEP}{_digits(8)}",
    )
)
# Other EU ids, and NL ids written without "NL": only right after a VAT label.
VAT_AFTER_LABEL = re.compile(
    VAT_LABEL.pattern
    + r"[^\d\n\x00]{0,25}?(?<![A-Za-z0-9])(?P<vat>(?:NL)?"
    + _digits(9)
    + _SEP
    + r"B"
    + _SEP
    + r"\d{2}"
    r"|(?:BG|CY|CZ|DK|EE|EL|ES|FI|HR|HU|IE|IT|LT|LV|MT|PL|PT|RO|SE|SI|SK|XI)[\s.-]?[0-9A-Z](?:[\s.]?\d){6,11}[0-9A-Z]?)"
    r"(?![A-Za-z0-9])",
    re.I,
)
BE_ENTERPRISE = re.compile(
    r"(?:ondernemingsnummer|ondernemingsnr|KBO|BCE|num[ée]ro d['’]entreprise|n° d['’]entreprise"
    r"|unternehmensnummer|enterprise number|RPR|RPM)"
    r"[^\d\n\x00]{0,25}?(?<![\d])(?P<num>(?:BE)?"
    + _SEP
    + r"[01]?"
    + _SEP
    + r"\d{3}"
    + _SEP
    + r"\d{3}"
    + _SEP
    + r"\d{3})(?!\d)",
    re.I,
)
BE_ENTERPRISE_ANCHORS = ("ondernemingsn", "kbo", "bce", "numéro d", "numero d", "n° d", "unternehmensnummer",
                         "enterprise number", "rpr", "rpm")  # fmt: skip
HANDELSREGISTER = re.compile(
    r"(?P<reg>HR[AB])\s?(?:Nr\.?\s?)?(?P<num>\d{1,6})(?:\s(?P<suffix>[A-Z]{1,2}))?(?![\w])"
)

# Addresses. A letter that is not a digit or underscore:
_L = r"[^\W\d_]"
_CITY = rf"(?P<city>(?:'s[-\s])?[A-ZÀ-Þ]{_L}+(?:(?:-|\s+)(?:{_L}{{1,4}}['’]?\s+){{0,2}}[A-ZÀ-Þ]{_L}+){{0,2}})"
NL_POSTCODE = re.compile(rf"(?P<pc>[1-9]\d{{3}})\s?(?!SA|SD|SS)(?P<pl>[A-Z]{{2}})(?!\w)[\s,]+{_CITY}")
NUMERIC_POSTCODE = re.compile(rf"(?P<pc>\d{{4,5}})(?![\d.,])\s+{_CITY}")
# "B-1000", "D-80331", "NL-1012 AB": a country letter code glued to the postcode.
POSTCODE_COUNTRY_PREFIX = re.compile(r"(?:^|[^\w-])(?P<cc>[A-Z]{1,2})-\s?$")
_PARTICLE = r"(?:de|la|le|les|du|des|van|der|den|von|am|an|im|d['’])"
_STREET = (
    rf"(?P<street>(?:[A-ZÀ-Þ][\w'’.-]*[ \t]+(?:{_PARTICLE}[ \t]+)*){{0,2}}{_L}[\w'’.-]*[ \t]+\d{{1,5}}"
    r"(?:[ \t]?[a-zA-Z](?![\w]))?(?:[ \t]?[-/][ \t]?\w{1,4})?(?:[ \t]+(?:bus|bte|box)[ \t]+\w{1,4})?)"
)
STREET_BEFORE = re.compile(_STREET + r"\s*[,;|·•–\-]?\s*$")
FR_STREET_BEFORE = re.compile(
    r"(?P<street>\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|chemin|place|quai|allée|impasse|route|cours|square)"
    r"\b[^,\n\d\x00]{2,40}?)\s*[,;|·•–\-]?\s*$",
    re.I,
)
STREET_SUFFIX = re.compile(
    r"(?:straat|str\.|laan|weg|plein|gracht|kade|dijk|singel|dreef|steeg|markt|park|hof|pad|baan|lei|vest|wal|dam"
    r"|poort|haven|kaai|ring|boulevard|allee|straße|strasse|gasse|platz|damm|ufer|chaussee|pfad|stieg|berg|feld)$",
    re.I,
)
STREET_PREFIX = frozenset({"rue", "avenue", "av.", "boulevard", "bd", "chaussée", "place", "quai", "chemin", "route",
                           "allée", "square", "drève", "am", "an", "auf", "im", "in", "unter", "zum", "zur", "grote",
                           "kleine", "oude", "nieuwe", "sint", "sankt"})  # fmt: skip
ADDRESS_LABELS = frozenset({"adres", "bezoekadres", "vestigingsadres", "postadres", "address", "anschrift", "adresse",
                            "kantoor", "showroom", "magazijn", "afhaaladres", "retouradres", "hoofdkantoor", "winkel",
                            "sitz", "siège", "office", "store", "visit"})  # fmt: skip
CITY_STOP = frozenset({"nederland", "netherlands", "the", "belgië", "belgie", "belgium", "belgique", "deutschland",
                       "germany", "duitsland", "france", "frankrijk", "tel", "telefoon", "telefon", "phone", "t", "e",
                       "email", "mail", "kvk", "btw", "fax", "openingstijden", "geopend", "route", "ust", "vat"})  # fmt: skip
PO_BOX = re.compile(
    r"(?P<label>postbus|postfach|p\.?\s?o\.?\s?box|post office box|bo[iî]te postale|antwoordnummer|postbox"
    r"|(?-i:B\.?P\.?))\s*[.:]?\s*(?P<num>\d+(?:\s\d{2}(?!\d))*)(?!\d)",
    re.I,
)
PO_BOX_COUNTRY = {"postbus": "NL", "antwoordnummer": "NL", "postfach": "DE", "bp": "FR", "boîtepostale": "FR",
                  "boitepostale": "FR"}  # fmt: skip
PO_BOX_ANCHORS = ("postbus", "postfach", "p.o", "po box", "po-box", "post office", "boîte", "boite",
                  "antwoordnummer", "postbox", "bp", "b.p")  # fmt: skip
CONTEXT_CHARS = 50
_SEPARATOR = "\x00"
_KIND_ORDER = ("kvk", "vat", "register", "po_box", "address")
# Text shape: digits -> "9", letters -> "A"/"a", whitespace -> " " (byte positions = text positions).
_SHAPE = bytes.maketrans(
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\t\n\r\x0b\x0c",
    b"9" * 10 + b"A" * 26 + b"a" * 26 + b"     ",
)
# "?" stands for any non-ASCII character, such as the Ü of a city name.
_POSTCODE_SHAPES = (b"9999 A", b"9999AA", b"9999, A", b"9999  A", b"9999   A", b"9999,A", b"9999 ?")
_WS = re.compile(r"\s+")
_HAS_DIGIT = re.compile(r"\d")


def _context(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> str:
    hi = len(text) if hi is None else hi
    return _WS.sub(" ", text[max(lo, start - CONTEXT_CHARS) : min(hi, end + CONTEXT_CHARS)]).strip()


def _clean_city(city: str) -> str:
    words = city.split()
    kept: list[str] = []
    for w in words:
        if w.lower().strip(".,:") in CITY_STOP:
            break
        kept.append(w)
    # drop a dangling particle ("Bergen op" when "Zoom" was cut)
    while kept and kept[-1][:1].islower():
        kept.pop()
    return " ".join(kept)


def _street_before(text: str, start: int, need_suffix: bool) -> tuple[str, int, bool]:
    """(street and house number, where it starts, written the French way) just before a postcode."""
    offset = max(0, start - 90)
    window = text[offset:start]
    m = FR_STREET_BEFORE.search(window)
    if m:
        return _WS.sub(" ", m["street"]).strip(" ,"), offset + m.start(), True
    m = STREET_BEFORE.search(window)
    if not m:
        return "", start, False
    words = _WS.sub(" ", m["street"]).split(" ")
    while words and words[0].lower().strip(":") in ADDRESS_LABELS:
        words.pop(0)
    name = [w for w in words if not w[:1].isdigit()]
    if not name:
        return "", start, False
    if need_suffix:
        last_name_word = next(
            (w for w in reversed(words) if not w[:1].isdigit() and w.lower() not in ("bus", "bte", "box")), ""
        )
        if not (STREET_SUFFIX.search(last_name_word) or words[0].lower() in STREET_PREFIX):
            return "", start, False
    street = " ".join(words)
    return street, offset + window.index(words[0], m.start()), False


def _numeric_country(cc: str | None, postcode: str, country: str) -> str:
    prefixes = {"B": "BE", "BE": "BE", "D": "DE", "DE": "DE", "F": "FR", "FR": "FR", "L": "LU", "LU": "LU",
                "A": "AT", "AT": "AT", "CH": "CH", "NL": "NL"}  # fmt: skip
    if cc and cc in prefixes:
        return prefixes[cc]
    if len(postcode) == 4:
        return country if country in ("AT", "CH", "DK", "LU", "BE") else "BE"
    return country if country in ("FR", "IT", "ES", "DE") else "DE"


def _anchored(regex: re.Pattern[str], anchors: tuple[str, ...], text: str, low: bytes) -> list[re.Match[str]]:
    """Matches of `regex` starting at an anchor word, found word-initial with bytes.find.

    `low` is the text as lower-case ASCII bytes, one byte per character ("?" for the rest).
    """
    starts: set[int] = set()
    for word in anchors:
        needle = word.encode("ascii", "replace")
        i = low.find(needle)
        while i != -1:
            if i == 0 or not low[i - 1 : i].isalnum():
                starts.add(i)
            i = low.find(needle, i + 1)
    return [m for m in (regex.match(text, i) for i in sorted(starts)) if m]


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not text[i - 1].isalnum()


def _findings(text: str, blocks: list[TextBlock], offsets: list[int], country: str) -> list[IdentityFinding]:
    """Everything in `text`: the blocks joined by NUL (no pattern crosses it)."""
    out: list[IdentityFinding] = []
    ascii_text = text.encode("ascii", "replace")  # one byte per character (BMP text)
    low = ascii_text.lower()

    def add(kind: str, value: str, m: re.Match, raw: str, valid: bool = True, cc: str = "") -> None:
        i = bisect_right(offsets, m.start()) - 1
        lo, hi = offsets[i], offsets[i] + len(blocks[i].text)
        context = _context(text, m.start(), m.end(), lo, hi)
        out.append(
            IdentityFinding(
                kind, value, raw.replace(_SEPARATOR, " ").strip(), valid, cc, blocks[i].region, context
            )
        )

    for m in _anchored(KVK, KVK_ANCHORS, text, low):
        add("kvk", re.sub(r"\D", "", m["num"]), m, m.group(0), cc="NL")
    vat_starts: set[int] = set()
    shaped = sorted(
        (m for r in VAT_SHAPES for m in r.finditer(text) if _word_start(text, m.start())), key=re.Match.start
    )
    for m in shaped:
        if IBAN_LABEL.search(text[max(0, m.start() - 25) : m.start()]):
            continue
        _add_vat(add, m, m.group(0), m.group(0))
        vat_starts.add(m.start())
    for m in _anchored(VAT_AFTER_LABEL, VAT_ANCHORS, text, low):
        if m.start("vat") not in vat_starts:
            raw = m["vat"]
            _add_vat(add, m, raw, raw if not raw[:1].isdigit() else "NL" + raw)
            vat_starts.add(m.start("vat"))
    for m in _anchored(BE_ENTERPRISE, BE_ENTERPRISE_ANCHORS, text, low):
        number = re.sub(r"[^\d]", "", m["num"]).zfill(10)
        add("register", number, m, m["num"], be_vat.is_valid(number), "BE")
    for m in HANDELSREGISTER.finditer(text):
        if _word_start(text, m.start()):
            value = f"{m['reg']} {m['num']}" + (f" {m['suffix']}" if m["suffix"] else "")
            add("register", value, m, m.group(0), cc="DE")
    _addresses(text, ascii_text, low, add, country)
    return sorted(out, key=lambda f: _KIND_ORDER.index(f.kind))


def _add_vat(add, m: re.Match, raw: str, number: str) -> None:
    try:
        compact = eu_vat.compact(number)
    except Exception:  # stdnum raises its own ValidationError subclasses for malformed input
        compact = re.sub(r"[\s.-]", "", number).upper()
    add("vat", compact, m, raw, eu_vat.is_valid(compact), compact[:2].replace("EL", "GR"))


class _Postcode(NamedTuple):
    m: re.Match[str]
    nl: bool  # a Dutch "1234 AB" postcode
    start: int  # where it starts, including a "B-" style country prefix
    prefix: str  # that prefix's letters, or ""


def _postcode_candidates(ascii_text: bytes) -> list[int]:
    """Where a postcode followed by a capitalised word may start, found on the text's shape.

    Regexes that start with a digit are slow on digit-heavy pages (prices, article numbers);
    searching the shape ("9999 A") with bytes.find is an order of magnitude faster.
    """
    shape = ascii_text.translate(_SHAPE)
    starts: set[int] = set()
    for needle in _POSTCODE_SHAPES:
        i = shape.find(needle)
        while i != -1:
            # a postcode never follows a digit (`_postcodes` rejects it): long digit runs such
            # as EANs and article numbers give no candidates; "9" is every ASCII digit's shape
            if i == 0 or shape[i - 1] != 57:
                starts.add(i)
            elif i == 1 or shape[i - 2] != 57:  # the candidate may be a 5-digit postcode
                starts.add(i - 1)
            i = shape.find(needle, i + 1)
    return sorted(starts)


def _postcodes(text: str, ascii_text: bytes) -> list[_Postcode]:
    found: list[_Postcode] = []
    nl_starts: set[int] = set()
    candidates = _postcode_candidates(ascii_text)
    for regex, nl in ((NL_POSTCODE, True), (NUMERIC_POSTCODE, False)):
        for m in (regex.match(text, c) for c in candidates):
            if m is None:
                continue
            i = m.start()
            if i in nl_starts:
                continue
            pre = POSTCODE_COUNTRY_PREFIX.search(text, max(0, i - 5), i)
            if pre:
                found.append(_Postcode(m, nl, pre.start("cc"), pre["cc"]))
            elif i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-.,/€$_"):
                found.append(_Postcode(m, nl, i, ""))
            else:
                continue
            if nl:
                nl_starts.add(i)
    return found


def _addresses(text: str, ascii_text: bytes, low: bytes, add, country: str) -> None:
    postcodes = _postcodes(text, ascii_text)
    used: set[int] = set()
    for po in _anchored(PO_BOX, PO_BOX_ANCHORS, text, low):
        label = _WS.sub(" ", po["label"]).strip()
        value = f"{label[:1].upper()}{label[1:]} {_WS.sub('', po['num'])}"
        after = next((pc for pc in postcodes if 0 <= pc.start - po.end() <= 6), None)
        box_cc = PO_BOX_COUNTRY.get(label.lower().replace(".", "").replace(" ", ""), "")
        if after:
            used.add(after.start)
            value += ", " + _postcode_line(after)
            box_cc = box_cc or ("NL" if after.nl else _numeric_country(after.prefix, after.m["pc"], country))
        add("po_box", value, po, text[po.start() : (after.m.end() if after else po.end())], cc=box_cc)
    for pc in postcodes:
        if pc.start in used or not _clean_city(pc.m["city"]):
            continue
        street, begin, french = _street_before(text, pc.start, need_suffix=not pc.nl)
        if pc.nl:
            found_cc = "NL"
        elif not street:
            continue
        elif french and len(pc.m["pc"]) == 5 and not pc.prefix:
            found_cc = "FR"
        else:
            found_cc = _numeric_country(pc.prefix, pc.m["pc"], country)
        line = _postcode_line(pc)
        add("address", f"{street}, {line}" if street else line, pc.m, text[begin : pc.m.end()], cc=found_cc)


def _postcode_line(pc: _Postcode) -> str:
    m = pc.m
    city = _clean_city(m["city"])
    postcode = f"{m['pc']} {m['pl']}" if pc.nl else m["pc"]
    return f"{postcode} {city}".strip()


def find_identity(blocks: list[TextBlock], country: str = "NL") -> list[IdentityFinding]:
    """KvK, VAT, register numbers, addresses and PO boxes in the page's visible text blocks."""
    blocks = [b for b in blocks if b.text]
    offsets, pos = [], 0
    for b in blocks:
        offsets.append(pos)
        pos += len(b.text) + 1
    text = _SEPARATOR.join(b.text.replace(_SEPARATOR, " ").replace("\xa0", " ") for b in blocks)
    if not _HAS_DIGIT.search(text):
        return []
    found: list[IdentityFinding] = []
    seen: set[tuple[str, str]] = set()
    for f in _findings(text, blocks, offsets, country.upper()):
        key = (f.kind, f.value)
        if key not in seen:
            seen.add(key)
            found.append(f)
    return found
