"""Renaming for the metamorphic tests: a saved page whose organisations are called otherwise.

`build_renaming` gives every organisation (the shop's and third parties'), their domains, the
cities and the phone numbers on a page fresh invented ones, consistently; `apply_renaming`
rewrites the page, and the returned `Renaming` maps the expected findings the same way. Reordering
and rewording live in tests/metamorphic_reshuffle.py, numbers in tests/metamorphic_numbers.py.
Both work on the raw page (HTML or text) as a string, so attributes, JSON-LD, `tel:`/`mailto:` links and the
usual obfuscations (HTML entities, percent-encoding, Cloudflare's hex, reversed text) change with
the text. Everything is seeded: the same page and seed give the same variant.

Used by tests/test_metamorphic.py. This module knows nothing of the checks' rules.
"""

from __future__ import annotations

import random
import re
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import phonenumbers

from tests.metamorphic_numbers import fresh_number, is_placeholder, replace_numbers

# --- words that stay when a name is renamed --------------------------------------------------

# Legal forms, written as they appear (matched case-sensitively after a name or before it).
LEGAL_FORMS_AFTER = (
    r"B\.\s?V\.|BV|B\.V|N\.\s?V\.|NV|nv|bv|V\.O\.F\.|VOF|vof|C\.V\.|"
    r"BVBA|bvba|BV\s?BA|SPRL|sprl|SRL|srl|vzw|VZW|asbl|ASBL|CommV|"
    r"GmbH\s*&\s*Co\.\s*KG|GmbH|gGmbH|UG\s*\(haftungsbeschränkt\)|UG|AG|KG|OHG|e\.\s?K\.|e\.\s?V\.|"
    r"Ltd\.?|Limited|LLP|PLC|plc|LLC|Inc\.?|Corp\.?|"
    r"S\.A\.S\.?|SASU|SAS|SARL|S\.A\.R\.L\.|EURL|S\.A\.|SA|SNC|S\.C\.|s\.c\.|EI"
)
LEGAL_FORMS_BEFORE = r"Stichting|Vereniging|Coöperatie|Coöperatieve|Fondation|Association|Verein|Stiftung"
# Institution words kept at the end of a renamed compound ("Geschillencommissie" -> "Volmarcommissie").
INSTITUTION_SUFFIXES = (
    "commissie",
    "kommission",
    "commission",
    "loket",
    "ombudsman",
    "ombudsdienst",
    "autoriteit",
    "instantie",
    "keurmerk",
    "platform",
    "stelle",
    "zentrale",
    "behörde",
    "aufsicht",
    "hosting",
)
# Words inside a name that are not the name itself: they stay as they are.
KEPT_WORDS = frozenset(
    """de het een van der den von vom zu zur und en and et of the la le les du des di da dei am im
    für fur voor pour for bij op in &
    stichting vereniging fondation association verein stiftung
    autoriteit authority autorité kommission commissie commission loket ombudsman ombudsdienst
    instantie keurmerk platform schlichtungsstelle verbraucherzentrale landesamt bundesamt
    webshop shop store winkel studio hosting service services group groep groupe gruppe
    consument consumer consommateur markt market marché company compagnie partners
    landesbeauftragte bundesbeauftragte beauftragte datenschutz datenschutzbeauftragte zentrum zentrums
    schlichtung verbraucherschlichtungsstelle streitbeilegung europäische european europese européenne
    persoonsgegevens gegevensbescherming protection données data information commissioner office
    médiateur mediation médiation conciliateur conciliateurs justice centre center
    b.v. bv n.v. nv gmbh ltd sas sarl s.a. sa bvba vzw ag kg""".split()
)
# Free-mail and shared providers: an address there is renamed by its local part only.
SHARED_MAIL_DOMAINS = frozenset(
    """gmail.com googlemail.com hotmail.com hotmail.nl hotmail.de hotmail.fr outlook.com outlook.de
    live.nl live.com live.be yahoo.com yahoo.de yahoo.fr icloud.com me.com gmx.de gmx.net web.de
    t-online.de ziggo.nl kpnmail.nl kpnplanet.nl planet.nl telenet.be skynet.be proton.me
    protonmail.com orange.fr free.fr wanadoo.fr sfr.fr laposte.net btinternet.com aol.com""".split()
)

# Other organisations often named on shop pages with or without their contact details: payment
# providers, carriers, trust marks and disputes bodies, regulators, hosts. The renaming gives
# each a fresh name wherever it appears (upper-case acronyms only where written in capitals).
KNOWN_ORGS = (
    "PayPal Klarna Afterpay Riverty Mollie Adyen Buckaroo MultiSafepay Stripe iDEAL Bancontact Sofort "
    "Giropay Payconiq Billink Worldpay Ogone PostNL DHL DPD UPS GLS bpost Hermes Evri FedEx TNT "
    "Colissimo Chronopost Homerr Budbee Trunkrs Sendcloud MyParcel Thuiswinkel WebwinkelKeur Kiyoh "
    "Trustpilot Consumentenbond ConsuWijzer Geschillencommissie SafeShops BeCommerce Händlerbund "
    "CNIL ACM ICO BfDI Bundesnetzagentur o2switch OVH OVHcloud Ionos Strato Hetzner TransIP"
).split() + ["Trusted Shops", "Royal Mail", "Mondial Relay", "Feedback Company", "Webshop Keurmerk"]

# Cities per country (replaced by another of the same country that is not on the page).
CITIES = {
    "NL": "Amsterdam Rotterdam Utrecht Eindhoven Groningen Tilburg Almere Breda Nijmegen Apeldoorn "
    "Haarlem Arnhem Enschede Amersfoort Zaandam Zwolle Leiden Maastricht Dordrecht Zoetermeer "
    "Deventer Delft Alkmaar Venlo Leeuwarden Zutphen Hilversum Helmond Lisse Ede Gouda Assen",
    "BE": "Antwerpen Gent Brugge Leuven Mechelen Aalst Hasselt Kortrijk Oostende Genk Roeselare "
    "Dilbeek Namur Liège Charleroi Mons Wavre Bruxelles Brussel Ieper Lier Turnhout",
    "DE": "Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Leipzig Dortmund Essen Bremen "
    "Dresden Hannover Nürnberg Duisburg Bochum Bielefeld Bonn Münster Mannheim Augsburg Ansbach "
    "Wiesbaden Kiel Freiburg Regensburg Würzburg",
    "GB": "London Manchester Birmingham Leeds Glasgow Sheffield Bristol Liverpool Edinburgh Leicester "
    "Nottingham Cardiff Belfast Brighton Oxford Cambridge York Bath Norwich",
    "FR": "Paris Marseille Lyon Toulouse Nice Nantes Strasbourg Montpellier Bordeaux Lille Rennes "
    "Reims Toulon Grenoble Dijon Angers Roubaix Limoges Tours",
    "AT": "Wien Graz Linz Salzburg Innsbruck Klagenfurt Villach Wels",
    "US": "Chicago Houston Phoenix Philadelphia Dallas Austin Seattle Denver Boston Portland Atlanta",
    "IE": "Dublin Cork Limerick Galway Waterford Kilkenny Sligo",
}
# Two-word cities are written as one entry with an underscore.
CITIES_MULTI = {"NL": ["Den Haag", "Den Bosch"], "GB": ["Milton Keynes"], "US": ["New York", "San Diego"]}

_SYLLABLES_START = "b br d dr f fl g gr h k kl l m n p pr r s st t tr v w z".split()
_VOWELS = "a e i o u aa ee oo ei ou".split()
_SYLLABLES_END = "l n r s k m t nd rk lm rs".split()


def invent_word(rng: random.Random, taken: set[str], syllables: int = 3) -> str:
    """A pronounceable invented word, lower case, not in `taken`."""
    while True:
        word = "".join(rng.choice(_SYLLABLES_START) + rng.choice(_VOWELS) for _ in range(syllables - 1))
        word += rng.choice(_SYLLABLES_START) + rng.choice(_VOWELS) + rng.choice(_SYLLABLES_END)
        if word not in taken:
            taken.add(word)
            return word


def match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()


# --- the renaming ----------------------------------------------------------------------------


@dataclass
class Renaming:
    """Old -> new strings applied to the page, and how to map an expected value."""

    numbers: dict[str, str] = field(default_factory=dict)  # E.164 -> E.164
    labels: dict[str, str] = field(default_factory=dict)  # domain label (lower) -> new label
    phrases: dict[str, str] = field(default_factory=dict)  # exact name as written -> new name
    tokens: dict[str, str] = field(default_factory=dict)  # distinctive name word (lower) -> new
    cities: dict[str, str] = field(default_factory=dict)
    hosts: dict[str, str] = field(default_factory=dict)  # acronym (lower) -> new, in domains only

    def text(self, s: str) -> str:
        """Apply the renaming to a piece of text (a page or an e-mail address)."""
        for pattern, repl in self._passes():
            s = pattern.sub(repl, s)
        return s

    def phone(self, e164: str) -> str:
        """The mapped number; a value that only contains a mapped number's digits (a number the
        checks read in the wrong region) gets the same digits replaced."""
        if e164 in self.numbers:
            return self.numbers[e164]
        for old, new in self.numbers.items():
            o = phonenumbers.national_significant_number(phonenumbers.parse(old, None))
            n = phonenumbers.national_significant_number(phonenumbers.parse(new, None))
            if e164.endswith(o):
                return e164[: -len(o)] + n
        return e164

    def email(self, address: str) -> str:
        return self.text(address).lower()

    def _passes(self) -> Iterable[tuple[re.Pattern, Callable[[re.Match], str]]]:
        if self.labels:
            both = {**self.labels, **{o[::-1]: n[::-1] for o, n in self.labels.items()}}
            alts = "|".join(re.escape(x) for x in sorted(both, key=len, reverse=True))
            yield (
                re.compile(rf"(?<![a-z0-9])(?:{alts})(?![a-z0-9])", re.I),
                lambda m: match_case(m.group(0), both[m.group(0).lower()]),
            )
        if self.hosts:
            alts = "|".join(re.escape(x) for x in sorted(self.hosts, key=len, reverse=True))
            yield (
                re.compile(rf"(?<![\w-])(?:{alts})(?=\.[a-z])", re.I),
                lambda m: self.hosts[m.group(0).lower()],
            )
        if self.phrases:
            alts = "|".join(re.escape(x) for x in sorted(self.phrases, key=len, reverse=True))
            yield re.compile(rf"(?<!\w)(?:{alts})(?!\w)"), lambda m: self.phrases[m.group(0)]
        if self.tokens:
            alts = "|".join(re.escape(x) for x in sorted(self.tokens, key=len, reverse=True))
            # Capitalised or upper-case occurrences only: lower case is an ordinary word.
            yield (
                re.compile(rf"(?<![\w@.])(?:{alts})(?![\w])", re.I),
                lambda m: (
                    match_case(m.group(0), self.tokens[m.group(0).lower()])
                    if m.group(0)[:1].isupper()
                    else m.group(0)
                ),
            )
        if self.cities:
            alts = "|".join(re.escape(x) for x in sorted(self.cities, key=len, reverse=True))
            yield re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])"), lambda m: self.cities[m.group(0)]


_NAME_WORD = r"[A-ZÀ-Ý][\w'’&-]*"
_NAME_BEFORE_FORM = re.compile(
    rf"((?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD})\s*,?\s+(?:{LEGAL_FORMS_AFTER})(?!\w)"
)
_NAME_AFTER_FORM = re.compile(rf"(?:{LEGAL_FORMS_BEFORE})\s+((?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD})")
_STOP_CAPITALISED = frozenset(
    """De Het Een Die Der Das The A Le La Les Un Une Ein Eine En And Und Et Of Van Von Bij Door Via
    Voor Met Op In Aan Is Zijn Wij Ons Onze We Our Wir Unser Nous Notre Deze Dit This Dieser
    Tel Telefoon Telefon Phone Mail Email E-mail E-Mail Fax KvK BTW VAT USt HRB Postbus""".split()
)


def names_by_shape(text: str) -> set[str]:
    """Organisation names recognisable by a legal form next to capitalised words."""
    found: set[str] = set()
    for pattern in (_NAME_BEFORE_FORM, _NAME_AFTER_FORM):
        for m in pattern.finditer(text):
            words = m.group(1).split()
            while words and words[0] in _STOP_CAPITALISED:
                words = words[1:]
            if words:
                found.add(" ".join(words))
    return found


_TRAILING_FORM = re.compile(rf"[\s,]+(?:{LEGAL_FORMS_AFTER})$")


def _without_forms(name: str) -> str:
    """The name without its legal form and trailing generic words ("Alliance Ballons Company SAS"
    -> "Alliance Ballons"), as pages often write it."""
    words = _TRAILING_FORM.sub("", name).split()
    while len(words) > 1 and words[-1].lower() in KEPT_WORDS:
        words.pop()
    return " ".join(words) if words and words[-1].lower() not in KEPT_WORDS else ""


def _lower_words(text: str) -> set[str]:
    """Words written in lower case in running text (not inside addresses or domains)."""
    return set(re.findall(r"(?<![\w@.\-/])([a-zäöüéèàç][\w]*)(?![\w@]|\.[a-z])", text))


def _rename_word(word: str, rng: random.Random, taken: set[str]) -> str:
    low = word.lower()
    for suffix in INSTITUTION_SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            return match_case(word, invent_word(rng, taken, 2) + suffix)
    return match_case(word, invent_word(rng, taken))


def build_renaming(
    doc: str,
    url: str,
    *,
    emails: Iterable[str],
    phones: Iterable[str],
    names: Iterable[str] = (),
    country: str = "",
    seed: int = 0,
) -> Renaming:
    """Choose fresh names for everything that identifies an organisation on the page."""
    from checks.domains import host_of, registrable_domain

    rng = random.Random(f"{seed}:{url}")
    taken: set[str] = set(re.findall(r"[a-z]+", doc.lower()))
    r = Renaming()
    # Numbers: every expected number that is not a template placeholder.
    for e164 in sorted(set(phones)):
        if is_placeholder(e164):
            continue
        new = fresh_number(e164, rng, doc)
        if new:
            r.numbers[e164] = new
    # Names: given (truth, hand table) and recognised by their legal form.
    all_names = {n.strip() for n in names if n.strip()} | names_by_shape(doc)
    all_names |= {_without_forms(n) for n in all_names} - {""}
    lowers = _lower_words(re.sub(r"<[^>]*>", " ", doc))
    for name in sorted(all_names, key=len, reverse=True):
        if name not in doc:
            continue
        words = name.split()
        new_words = []
        for w in words:
            core = w.strip(",.()")
            if (
                core.lower() in KEPT_WORDS
                or core in _STOP_CAPITALISED
                or len(core) < 3
                or not core[:1].isalpha()
                or re.search(r"\.\w", core)  # a domain: renamed with the labels
            ):
                new_words.append(w)
                continue
            if core.lower() not in r.tokens:
                r.tokens[core.lower()] = _rename_word(core, rng, taken).lower()
            new_words.append(w.replace(core, match_case(core, r.tokens[core.lower()])))
        if new_words != words:
            r.phrases[name] = " ".join(new_words)
    name_tokens = dict(r.tokens)
    # Tokens written in lower case in running text are ordinary words: renamed only inside a phrase.
    for token in list(r.tokens):
        if token in lowers:
            del r.tokens[token]
    # Well-known other organisations: everywhere, in every case; acronyms only in capitals.
    for org in KNOWN_ORGS:
        if org.isupper():
            if re.search(rf"(?<!\w){re.escape(org)}(?!\w)", doc, re.I) and org not in r.phrases:
                r.phrases[org] = invent_word(rng, taken).upper()[: max(len(org), 3) + 1]
                r.hosts[org.lower()] = r.phrases[org].lower()
            continue
        glued = org.replace(" ", "").lower()
        if not re.search(rf"(?<![a-z0-9]){re.escape(glued)}(?![a-z0-9])", doc, re.I) and org not in doc:
            continue
        words = org.split()
        for w in words:  # one new word per name word, shared with the names found above
            if w.lower() not in name_tokens:
                name_tokens[w.lower()] = _rename_word(w, rng, taken).lower()
        new_words = [match_case(w, name_tokens[w.lower()]) for w in words]
        r.labels.setdefault(glued, "".join(name_tokens[w.lower()] for w in words))
        if len(words) > 1:
            r.phrases[org] = " ".join(new_words)
    # Domains: the page's own, every expected address's, their labels renamed part by part.
    domains = {registrable_domain(host_of(url))}
    domains |= {registrable_domain(e.rpartition("@")[2]) for e in emails if "@" in e}
    for domain in sorted(d for d in domains if d and d not in SHARED_MAIL_DOMAINS):
        label = domain.split(".", 1)[0]
        if label in r.labels or len(label) < 3:
            continue
        parts = []
        for part in label.split("-"):
            if part in name_tokens:
                parts.append(name_tokens[part])
            else:
                glued = _glued_tokens(part, name_tokens)
                parts.append(glued or _rename_word(part, rng, taken).lower())
        r.labels[label] = "-".join(parts)
    # Cities of the page's country, each to one that is not on the page.
    pool = CITIES.get(country.upper(), "").split() + CITIES_MULTI.get(country.upper(), [])
    present = [c for c in pool if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", doc)]
    spare = [c for c in pool if c not in present and c.lower() not in taken]
    rng.shuffle(spare)
    for city in present:
        if spare:
            r.cities[city] = spare.pop()
    return r


def _glued_tokens(part: str, tokens: dict[str, str]) -> str | None:
    """A domain label made of name words glued together ("degeschillencommissie")."""
    out, rest = "", part
    while rest:
        for token in sorted(tokens, key=len, reverse=True):
            if rest.startswith(token):
                out, rest = out + tokens[token], rest[len(token) :]
                break
        else:
            for kept in sorted(KEPT_WORDS, key=len, reverse=True):
                if kept.isalpha() and rest.startswith(kept) and len(kept) >= 2:
                    out, rest = out + kept, rest[len(kept) :]
                    break
            else:
                return None
    return out if out != part else None


# --- encodings the renaming must see through -------------------------------------------------

_ENTITY_RUN = re.compile(
    r"(?:&#(?:\d+|x[0-9a-f]+);|[\w.@:+\-])*&#(?:\d+|x[0-9a-f]+);(?:&#(?:\d+|x[0-9a-f]+);|[\w.@:+\-])*", re.I
)
_PERCENT_RUN = re.compile(r"(?:%[0-9a-f]{2}){6,}", re.I)
_CFEMAIL = re.compile(r"(data-cfemail=\"|email-protection#)([0-9a-f]{4,})", re.I)


def _entity_decode(s: str) -> str:
    return re.sub(
        r"&#(x[0-9a-f]+|\d+);",
        lambda m: chr(int(m.group(1)[1:], 16) if m.group(1)[0] in "xX" else int(m.group(1))),
        s,
        flags=re.I,
    )


def _cf_decode(hexs: str) -> str:
    key = int(hexs[:2], 16)
    return "".join(chr(int(hexs[i : i + 2], 16) ^ key) for i in range(2, len(hexs), 2))


def _cf_encode(text: str, key: int) -> str:
    return f"{key:02x}" + "".join(f"{ord(c) ^ key:02x}" for c in text)


def apply_renaming(doc: str, r: Renaming) -> str:
    """The page with the renaming applied to its text, markup and encoded addresses."""
    doc = replace_numbers(doc, r.numbers)

    def entities(m: re.Match) -> str:
        plain = _entity_decode(m.group(0))
        new = r.text(plain)
        return m.group(0) if new == plain else "".join(f"&#{ord(c)};" for c in new)

    def percent(m: re.Match) -> str:
        plain = urllib.parse.unquote(m.group(0))
        new = r.text(plain)
        if new == plain:
            return m.group(0)
        lower = m.group(0)[1:3].islower()
        enc = "".join(f"%{b:02x}" if lower else f"%{b:02X}" for b in new.encode("utf-8"))
        return enc

    def cfemail(m: re.Match) -> str:
        plain = _cf_decode(m.group(2))
        new = r.text(plain)
        return m.group(0) if new == plain else m.group(1) + _cf_encode(new, int(m.group(2)[:2], 16))

    doc = _ENTITY_RUN.sub(entities, doc)
    doc = _PERCENT_RUN.sub(percent, doc)
    doc = _CFEMAIL.sub(cfemail, doc)
    return r.text(doc)
