"""Company identity details in visible text (art. 3:15d BW, § 5 DDG; DOMAIN.md section 6).

Finds the KvK number, VAT ids (checked with python-stdnum), the Belgian enterprise number,
German Handelsregister numbers, street addresses and PO-box-only addresses. Numbers without
a checksum (KvK, HRB) are only taken after their label, so order and article numbers stay out.
"""

from __future__ import annotations

import re

from stdnum.be import vat as be_vat
from stdnum.eu import vat as eu_vat

from checks.model import IdentityFinding, TextBlock

_SEP = r"[\s.]?"


def _digits(n: int) -> str:
    """n digits, each pair optionally split by one space or dot (as in 8564.82.262)."""
    return r"\d(?:[\s.]?\d){" + str(n - 1) + "}"


KVK = re.compile(
    r"(?<![\w-])(?:kvk|k\.v\.k\.?|kamer\s+van\s+koophandel|chamber\s+of\s+commerce|coc|handelsregister)"
    r"[^\d\n]{0,30}?(?<!\d)(?P<num>\d{8}|\d{4}[ .]\d{4}|\d{2}[ .]\d{2}[ .]\d{2}[ .]\d{2})(?![\d])",
    re.I,
)
VAT_LABEL = re.compile(
    r"(?<![\w])(?:btw|b\.t\.w\.|vat|tva|ust|u\.st|mwst|umsatzsteuer|omzetbelasting|iva|uid|moms|tax)", re.I
)
IBAN_LABEL = re.compile(r"iban|rekening|konto|compte|bank", re.I)
# Country-shaped VAT ids: distinctive enough to be taken without a label.
VAT_SHAPES = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    rf"(?P<nl>NL{_SEP}{_digits(9)}{_SEP}B{_SEP}\d{{2}})"
    rf"|(?P<be>BE{_SEP}[01]?{_SEP}\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{3}})"
    rf"|(?P<de>DE{_SEP}{_digits(9)})"
    rf"|(?P<fr>FR{_SEP}[0-9A-HJ-NP-Z]{{2}}{_SEP}{_digits(9)})"
    rf"|(?P<at>ATU{_SEP}{_digits(8)})"
    rf"|(?P<lu>LU{_SEP}{_digits(8)})"
    r")(?![A-Za-z0-9])"
)
# Other EU ids, and NL ids written without "NL": only right after a VAT label.
VAT_AFTER_LABEL = re.compile(
    r"[^\d\n]{0,25}?(?<![A-Za-z0-9])(?P<vat>(?:NL)?" + _digits(9) + _SEP + r"B" + _SEP + r"\d{2}"
    r"|(?:BG|CY|CZ|DK|EE|EL|ES|FI|HR|HU|IE|IT|LT|LV|MT|PL|PT|RO|SE|SI|SK|XI)[\s.-]?[0-9A-Z](?:[\s.]?\d){6,11}[0-9A-Z]?)"
    r"(?![A-Za-z0-9])"
)
BE_ENTERPRISE = re.compile(
    r"(?:ondernemingsnummer|ondernemingsnr|\bKBO\b|\bBCE\b|num[ée]ro d['’]entreprise|n° d['’]entreprise"
    r"|unternehmensnummer|enterprise number|\bRPR\b|\bRPM\b)"
    r"[^\d\n]{0,25}?(?<![\d])(?P<num>(?:BE)?"
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
HANDELSREGISTER = re.compile(
    r"(?<![\w])(?P<reg>HR[AB])\s?(?:Nr\.?\s?)?(?P<num>\d{1,6})(?:\s(?P<suffix>[A-Z]{1,2}))?(?![\w])"
)

# Addresses. A letter that is not a digit or underscore:
_L = r"[^\W\d_]"
_CITY = rf"(?P<city>(?:'s[-\s])?[A-ZÀ-Þ]{_L}+(?:(?:-|\s+)(?:{_L}{{1,4}}['’]?\s+){{0,2}}[A-ZÀ-Þ]{_L}+){{0,2}})"
NL_POSTCODE = re.compile(
    rf"(?<![\w-])(?:NL-?\s?)?(?P<pc>[1-9]\d{{3}})\s?(?!SA|SD|SS)(?P<pl>[A-Z]{{2}})(?!\w)[\s,]+{_CITY}"
)
NUMERIC_POSTCODE = re.compile(
    rf"(?<![\w.,/€$-])(?:(?P<cc>[A-Z]{{1,2}})-\s?)?(?P<pc>\d{{4,5}})(?![\d.,])\s+{_CITY}"
)
_PARTICLE = r"(?:de|la|le|les|du|des|van|der|den|von|am|an|im|d['’])"
_STREET = (
    rf"(?P<street>(?:[A-ZÀ-Þ][\w'’.-]*[ \t]+(?:{_PARTICLE}[ \t]+)*){{0,2}}{_L}[\w'’.-]*[ \t]+\d{{1,5}}"
    r"(?:[ \t]?[a-zA-Z](?![\w]))?(?:[ \t]?[-/][ \t]?\w{1,4})?(?:[ \t]+(?:bus|bte|box)[ \t]+\w{1,4})?)"
)
STREET_BEFORE = re.compile(_STREET + r"\s*[,;|·•–\-]?\s*$")
FR_STREET_BEFORE = re.compile(
    r"(?P<street>\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|chemin|place|quai|allée|impasse|route|cours|square)"
    r"\b[^,\n\d]{2,40}?)\s*[,;|·•–\-]?\s*$",
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
    r"(?<![\w])(?P<label>postbus|postfach|p\.?\s?o\.?\s?box|post office box|bo[iî]te postale|antwoordnummer|postbox"
    r"|(?-i:B\.?P\.?))\s*[.:]?\s*(?P<num>\d+(?:\s\d{2}(?!\d))*)(?!\d)",
    re.I,
)
PO_BOX_COUNTRY = {"postbus": "NL", "antwoordnummer": "NL", "postfach": "DE", "bp": "FR", "boîtepostale": "FR",
                  "boitepostale": "FR"}  # fmt: skip
CONTEXT_CHARS = 50
_WS = re.compile(r"\s+")
_HAS_DIGIT = re.compile(r"\d")


def _context(text: str, start: int, end: int) -> str:
    return _WS.sub(" ", text[max(0, start - CONTEXT_CHARS) : end + CONTEXT_CHARS]).strip()


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


def _block_findings(text: str, region: str, country: str) -> list[IdentityFinding]:
    out: list[IdentityFinding] = []

    def add(kind: str, value: str, m: re.Match, raw: str, valid: bool = True, cc: str = "") -> None:
        out.append(
            IdentityFinding(kind, value, raw.strip(), valid, cc, region, _context(text, m.start(), m.end()))
        )

    for m in KVK.finditer(text):
        add("kvk", re.sub(r"\D", "", m["num"]), m, m.group(0), cc="NL")
    vat_spans: list[tuple[int, int]] = []
    for m in VAT_SHAPES.finditer(text):
        if IBAN_LABEL.search(text[max(0, m.start() - 25) : m.start()]):
            continue
        raw = m.group(0)
        _add_vat(add, m, raw, raw)
        vat_spans.append(m.span())
    for label in VAT_LABEL.finditer(text):
        m = VAT_AFTER_LABEL.match(text, label.end())
        if m and not any(s <= m.start("vat") < e for s, e in vat_spans):
            raw = m["vat"]
            _add_vat(add, m, raw, raw if not raw[:1].isdigit() else "NL" + raw)
    for m in BE_ENTERPRISE.finditer(text):
        number = re.sub(r"[^\d]", "", m["num"])
        number = number.zfill(10)
        add("register", number, m, m["num"], be_vat.is_valid(number), "BE")
    for m in HANDELSREGISTER.finditer(text):
        value = f"{m['reg']} {m['num']}" + (f" {m['suffix']}" if m["suffix"] else "")
        add("register", value, m, m.group(0), cc="DE")
    _addresses(text, add, country)
    return out


def _add_vat(add, m: re.Match, raw: str, number: str) -> None:
    try:
        compact = eu_vat.compact(number)
    except Exception:  # stdnum raises its own ValidationError subclasses for malformed input
        compact = re.sub(r"[\s.-]", "", number).upper()
    add("vat", compact, m, raw, eu_vat.is_valid(compact), compact[:2].replace("EL", "GR"))


def _addresses(text: str, add, country: str) -> None:
    po_ends: list[tuple[int, re.Match]] = [(m.end(), m) for m in PO_BOX.finditer(text)]
    used_postcodes: set[int] = set()
    anchors = [(m, "NL") for m in NL_POSTCODE.finditer(text)]
    nl_starts = {m.start("pc") for m, _ in anchors}
    anchors += [(m, "") for m in NUMERIC_POSTCODE.finditer(text) if m.start("pc") not in nl_starts]
    for end, po in po_ends:
        label = _WS.sub(" ", po["label"]).strip()
        value = f"{label[:1].upper()}{label[1:]} {_WS.sub('', po['num'])}"
        after = next(((a, cc) for a, cc in anchors if 0 <= a.start() - end <= 6), None)
        if after:
            a, cc = after
            used_postcodes.add(a.start())
            value += ", " + _postcode_line(a, cc)
        box_cc = PO_BOX_COUNTRY.get(label.lower().replace(".", "").replace(" ", ""), "")
        if after and not box_cc:
            box_cc = after[1] or _numeric_country(after[0]["cc"], after[0]["pc"], country)
        add("po_box", value, po, text[po.start() : (after[0].end() if after else po.end())], cc=box_cc)
    for a, cc in anchors:
        if a.start() in used_postcodes:
            continue
        city = _clean_city(a["city"])
        if not city:
            continue
        street, begin, french = _street_before(text, a.start(), need_suffix=cc != "NL")
        if cc == "NL":
            found_cc = "NL"
        elif not street:
            continue
        else:
            found_cc = (
                "FR"
                if french and len(a["pc"]) == 5 and not a["cc"]
                else _numeric_country(a["cc"], a["pc"], country)
            )
        line = _postcode_line(a, cc)
        value = f"{street}, {line}" if street else line
        add("address", value, a, text[begin : a.end()], cc=found_cc)


def _postcode_line(m: re.Match, cc: str) -> str:
    city = _clean_city(m["city"])
    postcode = f"{m['pc']} {m['pl']}" if cc == "NL" else m["pc"]
    return f"{postcode} {city}".strip()


def find_identity(blocks: list[TextBlock], country: str = "NL") -> list[IdentityFinding]:
    """KvK, VAT, register numbers, addresses and PO boxes in the page's visible text blocks."""
    found: list[IdentityFinding] = []
    seen: set[tuple[str, str]] = set()
    for block in blocks:
        text = block.text
        if not text or not _HAS_DIGIT.search(text):
            continue
        for f in _block_findings(text, block.region, country.upper()):
            key = (f.kind, f.value)
            if key not in seen:
                seen.add(key)
                found.append(f)
    return found
