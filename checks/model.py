"""Plain dataclasses that every check returns. No behaviour beyond serialisation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Where on a page something sits.
REGIONS = ("header", "footer", "main")

# Page kinds, in the order a shop's pages are usually worth visiting.
PAGE_KINDS = (
    "homepage",
    "contact",
    "customer_service",
    "faq",
    "terms",
    "privacy",
    "imprint",
    "returns",
    "other",
)
# Page kinds whose content counts as "legal documents" for the findability tiers.
LEGAL_KINDS = frozenset({"terms", "privacy", "imprint"})
# Page kinds that count as a contact page for the findability tiers.
CONTACT_KINDS = frozenset({"contact", "customer_service"})

# Whose contact detail a value is. Only `shop` values set tiers; `unknown` ones are kept and shown.
OWNERS = ("shop", "third_party", "unknown")

# Where a value was seen. The first group is visible to a human reader.
VISIBLE_SOURCES = frozenset({"tel_link", "mailto", "text", "cfemail", "deobfuscated", "pdf"})
INVISIBLE_SOURCES = frozenset({"jsonld", "microdata", "meta", "script", "comment", "href"})


def best_per_value(findings: list, source_rank: dict[str, int]) -> list:
    """One finding per value, flags of all sightings united; the best sighting is kept:
    visible over invisible, own over third party, then by `source_rank` (lower is better)."""
    best: dict[str, Any] = {}
    for f in findings:
        cur = best.get(f.value)
        if cur is None:
            best[f.value] = f
            continue
        flags = sorted(set(cur.flags) | set(f.flags))
        if (not f.visible, f.third_party, source_rank.get(f.source, 9)) < (
            not cur.visible,
            cur.third_party,
            source_rank.get(cur.source, 9),
        ):
            best[f.value] = f
        best[f.value].flags = flags
    return list(best.values())


@dataclass(slots=True)
class TextBlock:
    """A run of visible text from one block element, with where it sits on the page."""

    text: str
    region: str = "main"


@dataclass(slots=True)
class PhoneFinding:
    value: str  # E.164, e.g. +31201234567
    raw: str  # the text as the page shows it
    source: str  # tel_link | text | jsonld | microdata | meta | script | comment | href | pdf
    region: str = "main"
    visible: bool = True
    third_party: bool = False
    type: str = "unknown"  # fixed_line, mobile, toll_free, premium_rate, shared_cost, voip, ...
    flags: list[str] = field(default_factory=list)  # extra_cost, information_number, foreign, ...
    country: str = ""  # ISO region of the number, e.g. NL
    context: str = ""  # a short snippet of the text around it
    is_fax: bool = False
    owner: str = "unknown"  # shop | third_party | unknown (OWNERS); third_party mirrors owner
    owner_reason: str = ""  # one sentence naming the evidence for the owner

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class EmailFinding:
    value: str  # lower case
    raw: str
    source: str  # mailto | text | cfemail | deobfuscated | jsonld | microdata | meta | script | ...
    region: str = "main"
    visible: bool = True
    third_party: bool = False
    flags: list[str] = field(default_factory=list)  # noreply, other_domain, ...
    context: str = ""
    owner: str = "unknown"  # shop | third_party | unknown (OWNERS); third_party mirrors owner
    owner_reason: str = ""  # one sentence naming the evidence for the owner

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ChatFinding:
    vendor: str  # lower-case vendor id: zendesk, intercom, whatsapp, messenger, ...
    evidence: str  # the script host, global or link that gave it away
    kind: str = "widget"  # widget | link
    value: str = ""  # for WhatsApp links: the E.164 number, for Messenger: the page
    blocked_by_consent: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class FormFinding:
    kind: str  # contact | newsletter | search | login | review | other
    action: str = ""
    fields: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class IdentityFinding:
    kind: str  # kvk | vat | register (BE enterprise, DE Handelsregister) | address | po_box
    value: str  # normalised (KvK 8 digits, VAT compact e.g. NL123456789B01, address one line)
    raw: str
    valid: bool = True  # VAT checksum etc.
    country: str = ""
    region: str = "main"
    context: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Link:
    url: str  # absolute, fragment removed
    text: str  # visible text, or title/aria-label/img alt when there is none
    score: int = 0  # crawl priority: higher first; below 0 means never follow
    kind: str = "other"  # the page kind the link probably leads to
    is_pdf: bool = False
    region: str = "main"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class PageAnalysis:
    """Everything the checks found on one page."""

    url: str
    content_type: str = "html"  # html | text | pdf
    page_kind: str = "other"
    title: str = ""
    lang: str = ""
    country: str = ""  # the default region the phone matcher used
    phones: list[PhoneFinding] = field(default_factory=list)
    emails: list[EmailFinding] = field(default_factory=list)
    chat: list[ChatFinding] = field(default_factory=list)
    forms: list[FormFinding] = field(default_factory=list)
    identity: list[IdentityFinding] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    text: str = ""  # the visible text, blocks joined by newlines
    headings: list[str] = field(default_factory=list)
    platform: str = ""  # shopify, woocommerce, magento, lightspeed, prestashop, shopware, ...
    email_as_image: bool = False
    warnings: list[str] = field(default_factory=list)
    # Flooded with number- or address-shaped strings (checks.flood): values capped, no tier.
    flooded: bool = False
    # Names the trader goes by on this page, learned from its identity blocks (checks.attribution).
    trader_names: list[str] = field(default_factory=list)

    @property
    def contact_form(self) -> bool:
        return any(f.kind == "contact" for f in self.forms)

    @property
    def chat_vendors(self) -> list[str]:
        return sorted({c.vendor for c in self.chat})

    def to_extract_json(self) -> dict[str, Any]:
        """The `bereikbaar extract --json` contract (DESIGN.md)."""
        return {
            "url": self.url,
            "page_kind": self.page_kind,
            "content_type": self.content_type,
            "title": self.title,
            "lang": self.lang,
            "country": self.country,
            "platform": self.platform,
            "phones": [p.to_dict() for p in self.phones],
            "emails": [e.to_dict() for e in self.emails],
            "chat": {
                "present": bool(self.chat),
                "vendors": self.chat_vendors,
                "found": [c.to_dict() for c in self.chat],
            },
            "contact_form": {
                "present": self.contact_form,
                "forms": [f.to_dict() for f in self.forms],
            },
            "identity": [i.to_dict() for i in self.identity],
            "links": [link.to_dict() for link in self.links],
            "warnings": list(self.warnings),
            "flooded": self.flooded,
            "trader_names": list(self.trader_names),
        }
