"""Whose contact detail is it? Every phone number and e-mail address on a page gets an owner.

`owner` is `shop`, `third_party` or `unknown`, and `owner_reason` names the evidence in one
sentence. Evidence is read from the page the way a reader reads it, not from a list of names:

- **the address itself**: an e-mail on the shop's registrable domain, or on a domain that the
  shop's own name spells (a group that runs the store), is the shop's; a domain on the list of
  known third parties is not (the list is one signal among several, never the only one);
- **the sentence before the value and the short lines of its address block**, nearest first:
  another organisation named by its *shape* (a proper name with a legal form, `Stichting X`,
  `X B.V.`, `X GmbH`, or an institution word such as commissie, ombudsman, autoriteit,
  Schlichtungsstelle, authority, médiateur), "the customer service of X", or wording about
  disputes, complaints, supervision, payment or delivery by someone else say *someone else*;
  first-person wording ("bel ons", "our customer service", "unser Kundenservice"), the shop's
  own name, or the block that holds the shop's KvK/VAT number say *the shop*;
- **where it stands**: the homepage, a contact or customer-service page, the header or footer,
  or another ordinary page of the shop credit the shop when nothing else is said. On terms,
  privacy statements and imprints a value needs positive evidence; without it, it is `unknown`
  and sets no tier.

The shop's own names are learned from the page too: the domain label, the site name in the
title, and any organisation named in the block that holds a KvK/VAT/enterprise number or under
an identity heading ("Identiteit van de ondernemer", "Impressum", "Colofon", ...).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

from checks.domains import registrable_domain
from checks.model import LEGAL_KINDS, EmailFinding, PhoneFinding
from checks.thirdparty import THIRD_PARTY_CONTEXT, THIRD_PARTY_ROLE, domain_is_third_party

# --- the shape of an organisation's name ------------------------------------------------------------

# A name token: starts with a capital or a digit ("1&1", "3M"), may hold &, dots, apostrophes.
_TOKEN = r"(?:[A-ZÀ-Þ0-9][\w&'’.+-]*|&)"
# Small words inside names: "Stichting Geschillencommissies voor Consumentenzaken", "Zentrum für".
_CONNECT = (
    r"(?:van|de|der|den|het|voor|en|op|für|fur|und|des|der|zur|zum|of|the|and|for|du|de|la|le|les|et|d['’])"
)
# Legal forms written after the name (NL, BE, DE, AT, CH, GB, IE, US, FR, LU, Nordic, PL).
LEGAL_FORM = (
    r"(?:B\.\s?V\.?|BV|N\.\s?V\.?|NV|V\.O\.F\.?|VOF|C\.V\.|CommV|vzw|VZW|v\.z\.w\.|bvba|BVBA|bv|nv|"
    r"GmbH(?:\s?&\s?Co\.?\s?KG)?|gGmbH|AG|KG|OHG|e\.\s?V\.|eG|UG(?:\s?\(haftungsbeschr[äa]nkt\))?|"
    r"Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|Inc\.?|Corp\.?|Corporation|PLC|plc|S\.A\.S?\.?|SAS|SARL|S\.A\.R\.L\.|"
    r"S\.à\s?r\.l\.|SRL|S\.R\.L\.|SpA|S\.p\.A\.|A/S|ApS|AB|Oy|ASA|SE|sp\.\s?z\s?o\.\s?o\.)"
)
ORG_WITH_FORM = re.compile(
    rf"(?P<name>(?:{_TOKEN}\s+(?:{_CONNECT}\s+)*){{0,5}}{_TOKEN})\s*,?\s+(?P<form>{LEGAL_FORM})(?![\w])"
)
# Legal forms written before the name.
ORG_WITH_PREFIX = re.compile(
    rf"\b(?P<form>Stichting|Vereniging|Co[öo]peratie|Stiftung|Verein|Fondation|Association|Fundaci[óo]n|"
    rf"Fondazione)\s+(?P<name>(?:{_CONNECT}\s+)?{_TOKEN}(?:\s+(?:{_CONNECT}\s+)*{_TOKEN}){{0,5}})"
)
# Institution words, also as the tail of a compound ("Geschillencommissie",
# "Universalschlichtungsstelle", "Consumentenombudsdienst", "Datenschutzbehörde").
INSTITUTION = re.compile(
    r"\b[\w-]*?(?:commissie|ombudsman|ombudsdienst|autoriteit|toezichthouder|schlichtungsstelle|"
    r"verbraucherzentrale|beh[öo]rde|beauftragte[nr]?|authority|commissioner|tribunal|regulator|"
    r"autorit[ée]|m[ée]diateur|mediator|consumentenbond|verbraucherschutz\w*)\b"
    # weaker words name an institution only when capitalised: "het ODR-platform" is a thing,
    # "Online Dispute Resolution Platform" and "Service de Médiation" are bodies
    r"|\b(?-i:[A-ZÀ-Þ])[\w-]*?(?:loket|instantie|keurmerk|waarborg|kommission|commission|platform|plattform|"
    r"plateforme|arbitration|m[ée]diation)\b",
    re.I,
)
# Words before an institution word that make it ours ("ons platform", "our mediation team").
_OWN_POSSESSIVE = re.compile(
    r"\b(?:ons|onze|our|unser\w*|notre|nos|mijn|my|het\s+eigen)\s+(?:\w+\s+)?$", re.I
)

# --- wording ---------------------------------------------------------------------------------------

# First person: the shop speaks of itself.
OWN_WORDS = re.compile(
    r"\b(?:ons|onze|wij|we|mij|jullie|our|us|ourselves|unser\w*|uns|wir|notre|nos|nous|nosotros)\b", re.I
)
# The shop's service desk, named without another organisation after it.
SERVICE_WORDS = re.compile(
    r"\b(?:klantenservice|klantendienst|customer\s+(?:service|care|support)|kundenservice|kundendienst|"
    r"service\s+client(?:s|èle)?|service\s+apr[eè]s[- ]vente|helpdesk|support)\b"
    r"(?!\s+(?:van|of|von|des|der|de|du|bei)\s+(?:de\s+|het\s+|the\s+|la\s+|le\s+)?[A-ZÀ-Þ])",
    re.I,
)
# "the customer service of X", "de klantenservice van X": someone else's desk.
SERVICE_OF_OTHER = re.compile(
    r"\b(?:klantenservice|klantendienst|customer\s+(?:service|care|support)|kundenservice|kundendienst|"
    r"service\s+client(?:s|èle)?|helpdesk|support)\s+(?:van|of|von|des|der|de|du|bei)\s+"
    r"(?:de\s+|het\s+|the\s+|la\s+|le\s+)?(?P<name>[A-ZÀ-Þ][\w&.'’-]*(?:\s+[A-ZÀ-Þ][\w&.'’-]*){0,3})"
)
# Wording that hands the reader to someone else: disputes, complaints, supervision, payment,
# delivery ("het geschil voorleggen aan", "een klacht indienen bij", "wenden tot",
# "de betaling wordt afgehandeld door", "zuständige Aufsichtsbehörde", "auprès de").
ROLE_WORDS = re.compile(
    r"\b(?:voorleggen\s+aan|"
    # a complaint or dispute taken to someone named: "een klacht indienen bij de Stichting ..."
    r"(?:klacht|geschil|complaint|dispute|beschwerde|r[ée]clamation|litige)\w*\s+(?:\w+\s+){0,4}"
    r"(?:bij|with|to|bei|an|aupr[eè]s\s+d[eu']|devant)\s+(?:de\s+|het\s+|the\s+|der\s+|die\s+|la\s+|le\s+|l['’])?"
    r"(?P<who>(?-i:[A-ZÀ-Þ])[\w&.'’-]*(?:\s+(?-i:[A-ZÀ-Þ])[\w&.'’-]*){0,3})|"
    r"afgehandeld\s+door|verwerkt\s+door|verzorgd\s+door|uitgevoerd\s+door|"
    r"bezorgd\s+door|geleverd\s+door|verstuurd\s+(?:met|via|door)|gehost\s+door|ontwikkeld\s+door|"
    r"handled\s+by|processed\s+by|provided\s+by|delivered\s+by|hosted\s+(?:by|at)|designed\s+by|"
    r"zust[äa]ndige|aufsichtsbeh\w*|streitbeilegung|streitschlichtung|online\s+dispute\s+resolution|"
    r"abgewickelt\s+(?:durch|über)|gehostet\s+(?:bei|von)|h[ée]berg[ée]\s+par|h[ée]bergeur|h[ée]bergement|"
    r"web\s?host(?:ing)?|hosting\s+(?:company|provider|partner)|toezichthouder|"
    r"payment\s+(?:provider|service\s+provider)|betaalprovider|betaaldienst\w*|zahlungsdienst\w*|"
    r"vervoerder|pakketdienst|carrier|transporteur|spediteur|versanddienst\w*|logisti\w+|"
    r"\w*dienstleister|fulfil+ment\s+(?:partner|provider|center|centre)|"
    r"agence\s+web|web\s?agen(?:cy|tur)|webagentur|internetagentur|internetbureau|webbureau|webdesign\w*|"
    r"conception\s+(?:et\s+r[ée]alisation|du\s+site|graphique)|r[ée]alisation(?:\s+du\s+site)?|"
    r"cr[ée]ation\s+du\s+site|d[ée]velopp[ée]\s+par|webmaster|cr[ée]dits|"
    r"design\s*(?:,|&|et|and|en|und|:|by|door|von|par))",
    re.I,
)
# "Klarna's customer service", "de Klarna klantenservice": another organisation's desk, named first.
OTHER_BEFORE_SERVICE = re.compile(
    r"(?P<name>[A-ZÀ-Þ][\w&.-]*(?:\s+[A-ZÀ-Þ][\w&.-]*){0,3})(?:['’]s?)?(?:\s+|-)"
    r"(?i:klantenservice|klantendienst|customer\s+(?:service|care|support)|kundenservice|kundendienst|service\s+desk)\b"
)
# "Please contact DPD on 0844 ...", "neem contact op met PostNL via", "kontaktieren Sie Klarna unter",
# "contactez La Poste au": the reader is sent to someone named.
_NAME = r"(?P<name>[A-ZÀ-Þ][\w&.'’-]*(?:\s+[A-ZÀ-Þ][\w&.'’-]*){0,3})"
CONTACT_OTHER = re.compile(
    r"(?i:\b(?:contact|call|phone|ring|e-?mail|write\s+to|reach|get\s+in\s+touch\s+with|"
    r"contact\s+opnemen\s+met|contact\s+op\s+met|bel|mail|kontaktier\w*|wenden\s+sie\s+sich\s+(?:bitte\s+)?an|"
    r"rufen\s+sie|contactez|appelez|joignez)\s+(?:sie\s+|directly\s+|directement\s+)?"
    r"(?:de\s+|het\s+|the\s+|die\s+|den\s+|der\s+|das\s+|la\s+|le\s+|l['’]\s?)?)"
    + _NAME
    + r"(?=\s*(?i:on|at|via|by|using|op|per|unter|an|au|à|par|:|,)\b|\s*[:(]|\s+[+0(])"
)
# A web address in the text: a sentence that sends the reader to another organisation's website
# ("online by visiting www.mysynchrony.com or by calling 1-800-...") names that organisation.
WEBSITE = re.compile(
    r"(?:https?://|\bwww\.)(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)"
    r"|\b(?P<bare>[a-z0-9-]{2,}\.(?:com|nl|be|de|fr|at|ch|eu|org|net|co\.uk|ie|io|shop))\b",
    re.I,
)
# Words that open a service heading without naming anyone ("Contact klantenservice", "Our Customer Care").
GENERIC_LEAD = frozenset(
    "contact kontakt neem bel call email e-mail mail chat online telefonische telephone phone algemene general "
    "persoonlijke personal gratis free direct live uw your onze our unser unsere ihr notre votre de het the la le "
    "die der een a our onze hulp help service vragen questions customer customers klanten kunden sales team "
    "support us ons uns nous sie ihn them".split()
)
# Headings and labels that open the shop's own identity block.
IDENTITY_HEADING = re.compile(
    r"identiteit\s+van\s+de\s+ondernemer|gegevens\s+(?:van\s+de\s+)?ondernemer|bedrijfsgegevens|"
    r"onze\s+gegevens|colofon|impressum|angaben\s+gem[äa]ss?|anbieter\s*(?:kennzeichnung|:)|betreiber|"
    r"inhaber|verantwortlich|diensteanbieter|mentions\s+l[ée]gales|[ée]diteur|company\s+(?:details|information)|"
    r"about\s+us|legal\s+notice|handelsnaam|handelend\s+onder|trading\s+as|firmenname|raison\s+sociale|"
    r"bedrijfsnaam|naam\s+ondernemer|company\s+name|registered\s+(?:office|company)|statutaire\s+naam|"
    r"verantwoordelijke|verwerkingsverantwoordelijke|responsable\s+du\s+traitement|data\s+controller|"
    r"operated\s+by|betrieben\s+von|exploit[ée]\s+par|[ée]dit[ée]\s+par|site\s+(?:editor|publisher)|"
    r"published\s+by|uitgegeven\s+door",
    re.I,
)
# A registration number label: the block that holds one is somebody's identity block.
IDENTITY_NUMBER = re.compile(
    r"\b(?:kvk|k\.v\.k|kamer\s+van\s+koophandel|handelsregister|btw|vat|ust\.?-?id|umsatzsteuer|"
    r"ondernemingsnummer|kbo|bce|tva|siret|siren|rcs|company\s+(?:no|number|reg)|registered\s+in|"
    r"registergericht|hrb|hra)\b",
    re.I,
)
# Lines of an address block are short; a longer line is a paragraph.
BLOCK_LINE_MAX = 110
BLOCK_LINES_UP, BLOCK_LINES_DOWN = 7, 4
SENTENCE_WIDTH = 220
# A page saved as plain text has no header element: its first characters are the site's header.
TEXT_TOP = 200
# How far into an imprint its trader is looked for.
IMPRINT_HEAD = 1500

# Free mail providers: the domain says nothing about who owns the address.
FREE_MAIL = frozenset(
    {
        "gmail.com", "googlemail.com", "hotmail.com", "hotmail.nl", "hotmail.de", "hotmail.fr",
        "hotmail.co.uk", "outlook.com", "outlook.de", "live.nl", "live.com", "live.be", "msn.com",
        "yahoo.com", "yahoo.de", "yahoo.fr", "yahoo.co.uk", "icloud.com", "me.com", "aol.com",
        "gmx.de", "gmx.net", "gmx.at", "web.de", "t-online.de", "freenet.de", "posteo.de",
        "protonmail.com", "proton.me", "ziggo.nl", "kpnmail.nl", "planet.nl", "home.nl", "xs4all.nl",
        "telenet.be", "skynet.be", "proximus.be", "orange.fr", "free.fr", "sfr.fr", "laposte.net",
        "wanadoo.fr", "btinternet.com", "sky.com", "virginmedia.com", "mail.com", "zoho.com",
    }
)  # fmt: skip

_ALNUM = re.compile(r"[^0-9a-zà-ÿ]+")
_FORM_WORDS = re.compile(
    rf"\b(?:{LEGAL_FORM}|Stichting|Vereniging|Stiftung|Verein|Fondation|Association|de|het|the|die|der|das|la|le|les)\b",
    re.I,
)
# A sentence ends at . ; ! or ? before a capital, but not after an initial or a common abbreviation
# ("e. V.", "Str. 8", "Nr. 12", "Tel. 030").
_SENTENCE_END = re.compile(
    r"(?<![\s.(]\w)(?<!\b[Ss]tr)(?<!\b[Nn]r)(?<!\b[Tt]el)(?<!\bca)(?<!\bbzw)(?<!\bvgl)(?<!\bzgl)(?<!\bNo)"
    r"[.;!?](?:\s+|$)(?=[A-ZÀ-Þ(\"'‘“]|$)"
)


def name_key(name: str) -> str:
    """A name without its legal form and articles, lower case, letters and digits only."""
    return _ALNUM.sub("", _FORM_WORDS.sub(" ", name).lower())


@dataclass
class ShopNames:
    """The names under which the shop itself appears: keys from `name_key`, with a label each."""

    keys: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, label: str | None = None) -> None:
        key = name_key(name)
        if len(key) >= 3 and key not in self.keys:
            self.keys[key] = label or name

    def match(self, name: str) -> str | None:
        """The shop name that `name` is (or contains, or is contained in), or None."""
        key = name_key(name)
        if len(key) < 3:
            return None
        if key in self.keys:
            return self.keys[key]
        for own, label in self.keys.items():
            if len(own) >= 4 and len(key) >= 4 and (own in key or key in own):
                return label
        return None


@dataclass(slots=True)
class Mention:
    """Something said near a value: who it points at and how far before the value it stands."""

    kind: str  # other | role | own | shop_name | identity
    text: str
    distance: int


def org_names(text: str) -> list[tuple[str, int, int]]:
    """Organisation names recognised by their shape: (name, start, end), in text order."""
    found: list[tuple[str, int, int]] = []
    for m in ORG_WITH_FORM.finditer(text):
        if len(_LETTERS.findall(m["name"])) < 2 or _POSTCODE_NAME.search(m["name"]):
            continue  # "7411 BV" is a Dutch postcode, not a company
        name = f"{m['name']} {m['form']}".strip()
        found.append((_trim_name(name), m.start("name"), m.end()))
    for m in ORG_WITH_PREFIX.finditer(text):
        found.append((f"{m['form']} {m['name']}".strip(), m.start(), m.end()))
    for m in INSTITUTION.finditer(text):
        if _OWN_POSSESSIVE.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        found.append((_institution_name(text, m.start(), m.end()), m.start(), m.end()))
    found.sort(key=lambda t: t[1])
    return found


_LETTERS = re.compile(r"[^\W\d_]")
_POSTCODE_NAME = re.compile(r"(?:^|\s)\d{4}$")
_LEADING_SMALL = re.compile(
    r"^(?:(?:de|het|the|die|der|la|le|les|een|a|an|bij|aan|door|van|of|contact|call|bel|met|with|via)\s+)+",
    re.I,
)


def _trim_name(name: str) -> str:
    return _LEADING_SMALL.sub("", name.strip(" ,:;-"))


_CAP_WORD = re.compile(r"[A-ZÀ-Þ0-9][\w&'’.-]*")


def _institution_name(text: str, start: int, end: int) -> str:
    """The institution word with the capitalised words right around it ("Autoriteit Persoonsgegevens")."""
    before = text[max(0, start - 60) : start].split()
    lead: list[str] = []
    for word in reversed(before[-3:]):
        if _CAP_WORD.fullmatch(word.strip(",:;")):
            lead.insert(0, word.strip(",:;"))
        else:
            break
    after = text[end : end + 60].split()
    tail: list[str] = []
    for word in after[:3]:
        if _CAP_WORD.fullmatch(word.strip(",:;.")) and not _DIGIT_RUN.search(word):
            tail.append(word.strip(",:;."))
        else:
            break
    return " ".join([*lead, text[start:end], *tail]).strip()


# --- the page ---------------------------------------------------------------------------------------


@dataclass
class PageContext:
    """What attribution needs to know about the page a value stands on."""

    text: str
    page_kind: str
    shop_domain: str
    is_homepage: bool = False
    title: str = ""
    content_type: str = "html"
    regions: list[tuple[int, str]] = field(default_factory=list)  # (start offset, region), in order
    names: ShopNames = field(default_factory=ShopNames)

    # Built on first use: a page whose values are all settled by their e-mail domain never needs them.
    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def starts(self) -> list[int]:
        """The offset where each line starts."""
        return [0, *accumulate(len(line) + 1 for line in self.lines[:-1])]

    @property
    def is_legal(self) -> bool:
        return self.content_type == "pdf" or self.page_kind in LEGAL_KINDS

    def line_of(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def region_at(self, offset: int, default: str = "main") -> str:
        region = default
        for start, name in self.regions:
            if start > offset:
                break
            region = name
        return region


def shop_names(ctx: PageContext, extra: list[str] | tuple[str, ...] = ()) -> ShopNames:
    """The shop's own names: its domain label, its site name, and the organisations that its
    identity blocks name."""
    names = ctx.names
    domain = registrable_domain(ctx.shop_domain) if ctx.shop_domain else ""
    if domain:
        label = domain.split(".")[0]
        names.add(label, domain)
        names.add(label.replace("-", " "), domain)
    for part in re.split(r"\s+[|·•–—-]\s+", ctx.title or "")[1:]:
        if 2 < len(part) <= 40:
            names.add(part, part)
    for name in extra:
        names.add(name)
    hits: dict[int, int] = {}  # line index -> where an identity heading starts in it (-1: a number only)
    for lo, hi in _identity_scope(ctx):
        low = ctx.text[lo:hi].lower()
        for m in _HEADING_LOWER.finditer(low):
            i = ctx.line_of(lo + m.start())
            hits.setdefault(i, lo + m.start() - ctx.starts[i])
        for m in _NUMBER_LOWER.finditer(low):
            hits.setdefault(ctx.line_of(lo + m.start()), -1)
    for i, col in sorted(hits.items()):
        lo, hi = _block_span(ctx, i)
        lo, hi = (i, hi) if col >= 0 else (max(lo, i - 5), i)
        for j in range(lo, hi + 1):
            line = ctx.lines[j]
            first = col if j == i and col >= 0 else 0
            if len(line) > BLOCK_LINE_MAX:  # running text: the sentence after the heading only
                line = line[: first + SENTENCE_WIDTH]
            for name, start, _e in org_names(line):
                if start < first or (INSTITUTION.search(name) and not ORG_WITH_FORM.search(name)):
                    continue  # an institution is not the trader
                # a web agency's or host's block lists its own registration number: no role word
                # may stand between the block's start and the name
                lead = "\n".join([*ctx.lines[lo:j], line[first:start]])
                if not _names_someone_else(lead):
                    names.add(name)
    if ctx.page_kind == "imprint":
        # an imprint opens with the trader: the first company named with its legal form
        for name, start, _e in org_names(ctx.text[:IMPRINT_HEAD]):
            k = ctx.line_of(start)
            lead = "\n".join([*ctx.lines[max(0, k - 2) : k], ctx.lines[k][: start - ctx.starts[k]]])
            if ORG_WITH_FORM.search(name) and not _names_someone_else(lead):
                names.add(name)
                break
    return names


def _is_sentence(line: str) -> bool:
    """A line of running text rather than a line of an address block: long, or a sentence of
    five words or more ("Hoe kan ik jullie bereiken?", "... kunt u zich wenden tot:")."""
    if len(line) > BLOCK_LINE_MAX:
        return True
    return line.rstrip()[-1:] in (".", "?", "!", ":") and len(line.split()) >= 5


# The same patterns run on the lower-cased page: several times faster than re.IGNORECASE.
_HEADING_LOWER = re.compile(IDENTITY_HEADING.pattern)
_NUMBER_LOWER = re.compile(IDENTITY_NUMBER.pattern)
# Long ordinary pages (a homepage full of products) keep the trader's details in the header and
# footer; on legal, contact and short pages they may stand anywhere (as checks/analyse.py reads them).
IDENTITY_FULL_TEXT = 20_000
IDENTITY_PAGE_KINDS = frozenset({"contact", "customer_service", "terms", "privacy", "imprint"})


def _identity_scope(ctx: PageContext) -> list[tuple[int, int]]:
    """(start, end) offsets of the page text where identity blocks are looked for."""
    end = len(ctx.text)
    if ctx.page_kind in IDENTITY_PAGE_KINDS or end <= IDENTITY_FULL_TEXT or not ctx.regions:
        return [(0, end)]
    bounds = [*ctx.regions, (end, "")]
    return [(start, bounds[k + 1][0]) for k, (start, region) in enumerate(ctx.regions) if region != "main"]


def _names_someone_else(text: str) -> bool:
    """Role or institution wording: what follows is about a host, an agency, an authority..."""
    return bool(ROLE_WORDS.search(text) or THIRD_PARTY_ROLE.search(text) or INSTITUTION.search(text))


def _block_span(ctx: PageContext, i: int) -> tuple[int, int]:
    """The address block around line i: the short non-sentence lines just above and below it.
    A sentence line right above is included (it introduces the block) and ends the block."""
    lo = i
    while lo > 0 and i - lo < BLOCK_LINES_UP:
        lo -= 1
        if _is_sentence(ctx.lines[lo]):
            break
    hi = i
    while hi + 1 < len(ctx.lines) and hi - i < BLOCK_LINES_DOWN and not _is_sentence(ctx.lines[hi + 1]):
        hi += 1
    return lo, hi


def _last_sentence(text: str) -> str:
    """The last sentence of a line (a trailing full stop or colon belongs to it)."""
    body = text.rstrip()
    ends = [m.end() for m in _SENTENCE_END.finditer(body[:-1])] if body else []
    return body[ends[-1] :] if ends else body


def _mentions(text: str, names: ShopNames, base: int) -> list[Mention]:
    """What `text` says about ownership; `base` is the distance from its end to the value."""
    out: list[Mention] = []
    n = len(text)
    for m in SERVICE_OF_OTHER.finditer(text):
        who = names.match(m["name"])
        out.append(Mention("shop_name" if who else "other", who or m["name"], base + n - m.end()))
    for name, _s, e in org_names(text):
        who = names.match(name)
        out.append(Mention("shop_name" if who else "other", who or name, base + n - e))
    for m in ROLE_WORDS.finditer(text):
        if not m.group("who"):
            out.append(Mention("role", m.group(), base + n - m.end()))
    for m in ROLE_WORDS.finditer(text):
        who = m.group("who")
        if who and not OWN_WORDS.fullmatch(who.split()[0]) and who.split()[0].lower() not in GENERIC_LEAD:
            shop = names.match(who)
            out.append(Mention("shop_name" if shop else "other", shop or who, base + n - m.end()))
    for pattern in (THIRD_PARTY_CONTEXT, THIRD_PARTY_ROLE):
        for m in pattern.finditer(text):
            out.append(Mention("role", m.group(), base + n - m.end()))
    for m in OWN_WORDS.finditer(text):
        out.append(Mention("own", m.group(), base + n - m.end()))
    taken: list[tuple[int, int]] = []
    for m in CONTACT_OTHER.finditer(text):
        name = _LEADING_SMALL.sub("", m["name"]).strip()
        if not name or OWN_WORDS.search(name) or name.split()[0].lower() in GENERIC_LEAD:
            continue
        who = names.match(name)
        out.append(Mention("shop_name" if who else "other", who or name, base + n - m.end()))
    for m in OTHER_BEFORE_SERVICE.finditer(text):
        name = _LEADING_SMALL.sub("", m["name"]).strip()
        if not name or OWN_WORDS.search(name) or name.split()[0].lower() in GENERIC_LEAD:
            continue
        who = names.match(name)
        out.append(Mention("shop_name" if who else "other", who or name, base + n - m.end()))
        taken.append(m.span())
    for m in SERVICE_WORDS.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        out.append(Mention("service", m.group(), base + n - m.end()))
    for m in IDENTITY_NUMBER.finditer(text):
        out.append(Mention("identity", m.group(), base + n - m.end()))
    for m in IDENTITY_HEADING.finditer(text):
        out.append(Mention("heading", m.group(), base + n - m.end()))
    for m in WEBSITE.finditer(text):
        domain = registrable_domain((m.group("host") or m.group("bare")).lower())
        if domain and m.start() and text[m.start() - 1] == "@":
            continue  # an e-mail address: judged on its own
        if domain and not names.match(domain.split(".")[0]):  # the shop's own site proves nothing
            out.append(Mention("other", domain, base + n - m.end()))
    if names.keys:
        for m in _CAP_RUN.finditer(text):
            who = names.match(m.group())
            if who:
                out.append(Mention("shop_name", who, base + n - m.end()))
    return out


# One to three capitalised words: a name the shop may go by ("Strickliesel Wollladen").
_CAP_RUN = re.compile(r"[A-ZÀ-Þ][\w&'’-]{2,}(?:\s+[A-ZÀ-Þ][\w&'’-]*){0,2}")


def _nearest(mentions: list[Mention], kinds: tuple[str, ...]) -> Mention | None:
    best = None
    for m in mentions:
        if m.kind in kinds and (best is None or m.distance < best.distance):
            best = m
    return best


# --- one value --------------------------------------------------------------------------------------

_DIGIT_RUN = re.compile(r"\d")


MAX_OCCURRENCES = 4


def _locate(ctx: PageContext, finding: PhoneFinding | EmailFinding) -> list[int]:
    """Where the value stands in the page text (at most MAX_OCCURRENCES places), or []."""
    is_email = isinstance(finding, EmailFinding)
    haystack = ctx.lower if is_email else ctx.text
    for probe in (finding.raw, finding.value if is_email else ""):
        if not probe or len(probe) < 5:
            continue
        probe = probe.lower() if is_email else probe
        places: list[int] = []
        i = haystack.find(probe)
        while i >= 0 and len(places) < MAX_OCCURRENCES:
            places.append(i)
            i = haystack.find(probe, i + len(probe))
        if places:
            return places
    if finding.context:  # the value was rewritten (demunged, decoded): find the text just before it
        at = finding.context.find(finding.raw)
        if at < 0 and is_email:
            at = finding.context.lower().find(finding.value)
        lead = finding.context[:at].lstrip("…")[-30:] if at > 0 else ""
        if len(lead.strip()) >= 8:
            i = ctx.text.find(lead)
            if i >= 0:
                return [i + len(lead)]
    if not is_email:
        digits = "".join(_DIGIT_RUN.findall(finding.raw))
        if len(digits) >= 6:
            pattern = re.compile(r"[\s().\-/]*".join(digits[-8:]))
            return [m.start() for m in pattern.finditer(ctx.text)][:MAX_OCCURRENCES]
    return []


def _context_owner(ctx: PageContext, at: int) -> tuple[str, str] | None:
    """(owner, reason) from what is said before the value, nearest first; None when nothing is."""
    names = ctx.names
    i = ctx.line_of(at)
    line = ctx.lines[i]
    col = at - ctx.starts[i]
    before = line[:col]
    sentence = before[-SENTENCE_WIDTH:]
    ends = [m.end() for m in _SENTENCE_END.finditer(sentence)]
    if len(ends) >= 2:  # this sentence and the one before it ("... veuillez nous consulter. Contact : x")
        sentence = sentence[ends[-2] :]
    elif ends and len(sentence) == SENTENCE_WIDTH:
        sentence = sentence[ends[0] :]
    mentions = _mentions(sentence, names, 0)
    decisive = _nearest(mentions, ("other", "role", "own", "service", "shop_name"))
    if decisive is not None:
        return _from_mention(decisive, "sentence")
    # the address block: short lines above (nearest first), then the block's registration numbers
    lo, hi = _block_span(ctx, i)
    distance = len(sentence)
    block_mentions: list[Mention] = []
    for j in range(i - 1, lo - 1, -1):
        above = ctx.lines[j]
        if _is_sentence(above):  # the sentence that leads into the block ("... wenden tot:")
            above = _last_sentence(above[-SENTENCE_WIDTH:])
        block_mentions.extend(_mentions(above, names, distance))
        distance += len(above) + 1
    decisive = _nearest(block_mentions, ("other", "role", "shop_name", "own", "service", "heading"))
    below = " ".join(ctx.lines[i + 1 : hi + 1])
    has_identity = _nearest(block_mentions, ("identity",)) is not None or bool(
        IDENTITY_NUMBER.search(line + " " + below)
    )
    if (
        decisive is not None
        and decisive.kind == "other"
        and has_identity
        and ctx.is_legal
        and _nearest(block_mentions, ("role",)) is None
        and ORG_WITH_FORM.search(decisive.text)
        and not INSTITUTION.search(decisive.text)
    ):
        # a company named in a block with its registration number: the trader's identity block
        names.add(decisive.text)
        return "shop", f"same block as the trader's registration details ({decisive.text})"
    if decisive is not None:
        return _from_mention(decisive, "block")
    if has_identity:
        return "shop", "same block as the shop's registration number (KvK/VAT) and address"
    # nothing before it: the sentence right after may say whose number was just given
    # ("Natürlich kannst du auch anrufen: 0221 ... Den X-Kundenservice findest du hier.")
    after = line[col : col + SENTENCE_WIDTH]
    ends = [m.end() for m in _SENTENCE_END.finditer(after)]
    following = after[: ends[1]] if len(ends) >= 2 else after
    later = [m for m in _mentions(following, names, 0) if m.kind in ("other", "own", "shop_name")]
    if later:
        first = max(later, key=lambda m: m.distance)  # the mention closest after the value
        if first.kind == "other":
            return "third_party", f"the sentence after it names another organisation: {first.text}"
    return None


def _from_mention(m: Mention, where: str) -> tuple[str, str]:
    place = "the sentence" if where == "sentence" else "the block around it"
    if m.kind == "other":
        return "third_party", f"{place} names another organisation: {m.text}"
    if m.kind == "role":
        return "third_party", f"{place} speaks of someone else ('{m.text}')"
    if m.kind == "shop_name":
        return "shop", f"{place} names the shop: {m.text}"
    if m.kind == "heading":
        return "shop", f"{place} is the trader's identity block ('{m.text}')"
    if m.kind == "service":
        return "shop", f"{place} names a service desk without another organisation ('{m.text}')"
    return "shop", f"{place} speaks of the shop itself ('{m.text}')"


def _email_owner(ctx: PageContext, finding: EmailFinding) -> tuple[str, str] | None:
    domain = finding.value.rsplit("@", 1)[-1]
    reg = registrable_domain(domain) or domain
    shop = registrable_domain(ctx.shop_domain) if ctx.shop_domain else ""
    if shop and reg == shop:
        return "shop", f"e-mail domain is the shop's ({reg})"
    if reg in FREE_MAIL:  # a free-mail box named after the shop: "armorik-diagnostics@gmail.com"
        who = ctx.names.match(finding.value.rsplit("@", 1)[0])
        if who:
            return "shop", f"free-mail address named after the shop ({who})"
    else:
        label = reg.split(".")[0]
        who = ctx.names.match(label)
        if who and who != shop:
            return "shop", f"e-mail domain {reg} is the shop's own name ({who})"
        if who:
            return "shop", f"e-mail domain {reg} carries the shop's name"
    if domain_is_third_party(domain):
        return (
            "third_party",
            f"e-mail domain {reg} belongs to a known disputes body, regulator, payment provider, carrier or host",
        )
    return None


def judge(ctx: PageContext, finding: PhoneFinding | EmailFinding) -> tuple[str, str]:
    """(owner, owner_reason) for one finding on this page.

    Each place the value stands is read on its own; the shop's own evidence at any place wins
    (a shop does not print another organisation's number in its header), then another
    organisation's, then where the value stands.
    """
    is_email = isinstance(finding, EmailFinding)
    if is_email:
        by_domain = _email_owner(ctx, finding)
        if by_domain is not None:
            return by_domain
    places = _locate(ctx, finding) if finding.visible or finding.source in ("tel_link", "mailto") else []
    said: list[tuple[str, str]] = []
    region = finding.region
    for at in places:
        verdict = _context_owner(ctx, at)
        if verdict is not None:
            said.append(verdict)
        elif ctx.region_at(at, finding.region) in ("header", "footer"):
            region = ctx.region_at(at, finding.region)
            said.append(("shop", _place_reason(ctx, region)))
    if not places and finding.context:
        decisive = _nearest(
            _mentions(finding.context, ctx.names, 0), ("other", "role", "own", "service", "shop_name")
        )
        if decisive is not None:
            said.append(_from_mention(decisive, "sentence"))
    for owner in ("shop", "third_party"):
        for verdict in said:
            if verdict[0] == owner:
                return verdict
    if places:
        region = ctx.region_at(places[0], finding.region)
    unrelated = ""
    if is_email:
        reg = registrable_domain(finding.value.rsplit("@", 1)[-1])
        if reg not in FREE_MAIL:
            unrelated = reg
    if not finding.visible:
        if finding.source in ("jsonld", "microdata", "meta", "href") and not unrelated:
            return "shop", f"in the shop's own page data ({finding.source}), not visible"
        return "unknown", f"only in invisible page data ({finding.source}), with nothing tying it to the shop"
    if region in ("header", "footer"):
        return "shop", _place_reason(ctx, region)
    if ctx.content_type == "text" and places and places[0] < TEXT_TOP:
        # a page saved as text starts with the site's header, where HTML would mark it
        return (
            "shop",
            "at the top of the page, where the site's header stands; no other organisation named near it",
        )
    if ctx.is_legal:
        where = "a PDF" if ctx.content_type == "pdf" else f"a legal document ({ctx.page_kind})"
        return "unknown", f"only in {where}, with nothing near it tying it to the shop"
    if unrelated and ctx.page_kind not in ("contact", "customer_service") and not ctx.is_homepage:
        return "unknown", f"e-mail domain {unrelated} is not the shop's, and nothing near it names the shop"
    return "shop", _place_reason(ctx, region)


def _place_reason(ctx: PageContext, region: str) -> str:
    if region in ("header", "footer"):
        return f"in the site's {region}; no other organisation named near it"
    if ctx.is_homepage or ctx.page_kind == "homepage":
        return "on the homepage; no other organisation named near it"
    if ctx.page_kind in ("contact", "customer_service"):
        return "on the shop's contact page; no other organisation named near it"
    return "on an ordinary page of the shop; no other organisation named near it"


def attribute(
    ctx: PageContext,
    phones: list[PhoneFinding],
    emails: list[EmailFinding],
    extra_names: list[str] | tuple[str, ...] = (),
) -> list[str]:
    """Set `owner`, `owner_reason` and `third_party` on every finding of one page; return the
    names the trader goes by that the page's identity blocks taught (not its domain)."""
    if not phones and not emails and ctx.page_kind not in IDENTITY_PAGE_KINDS:
        return []  # nothing to judge, and no trader names to learn for the shop's other pages
    names = shop_names(ctx, extra_names)
    for f in (*phones, *emails):
        owner, reason = judge(ctx, f)
        f.owner, f.owner_reason = owner, reason
        f.third_party = owner == "third_party"
    domain = registrable_domain(ctx.shop_domain) if ctx.shop_domain else ""
    return [label for label in dict.fromkeys(names.keys.values()) if label != domain and "." not in label]


def email_matches_names(address: str, names: list[str] | tuple[str, ...]) -> str | None:
    """The trader name an e-mail's domain spells ("info@vandenberg-groep.nl" and "Van den Berg
    Groep B.V."), or None. Used across a shop's pages: the imprint names the group, the contact
    page gives the group's address."""
    domain = registrable_domain(address.rsplit("@", 1)[-1]) or ""
    if not domain or domain in FREE_MAIL:
        return None
    known = ShopNames()
    for name in names:
        known.add(name)
    return known.match(domain.split(".")[0])
