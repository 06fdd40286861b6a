"""From a shop's analysed pages to tiers, clicks and a verdict (DESIGN.md "Findability").

Each visible, own (not third-party) value gets the tier of the page it sits on; a channel's tier
is the best of those. Values seen only in invisible data are kept with their source but set no
tier. The verdict rule is a `VerdictRule`; the default is the two-click rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checks.attribution import email_matches_names
from checks.model import CONTACT_KINDS, LEGAL_KINDS, PageAnalysis

TIERS = ("homepage", "contact_page", "other_page", "legal_only", "chat_only", "not_found")
TIER_RANK = {tier: i for i, tier in enumerate(TIERS)}
PUBLISHED_TIERS = ("homepage", "contact_page", "other_page")
# Flags that stop a value from being credited to the shop at all.
UNCREDITED_FLAGS = frozenset({"placeholder", "noreply"})

TIER_LABELS = {
    "homepage": "on the homepage",
    "contact_page": "on a contact or customer-service page",
    "other_page": "on another ordinary page",
    "legal_only": "only in legal documents (terms, privacy statement, imprint)",
    "chat_only": "not published; only a chat or messaging service is offered",
    "not_found": "not found",
}


@dataclass
class VerdictRule:
    """When a shop counts as compliant. The defaults follow DESIGN.md."""

    max_clicks: int = 2
    accepted_tiers: tuple[str, ...] = PUBLISHED_TIERS
    email_form_is_enough: bool = False  # a contact form never replaces the e-mail address by law
    reject_extra_cost: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "max_clicks": self.max_clicks,
            "accepted_tiers": list(self.accepted_tiers),
            "email_form_is_enough": self.email_form_is_enough,
            "reject_extra_cost": self.reject_extra_cost,
        }


@dataclass
class ShopPage:
    analysis: PageAnalysis
    clicks: int
    link_texts: list[str] = field(default_factory=list)
    is_homepage: bool = False


@dataclass
class FoundValue:
    value: str
    type: str | None
    raw: str
    tier: str | None
    clicks: int
    url: str
    page_type: str
    source: str
    region: str
    visible: bool
    third_party: bool
    flags: list[str] = field(default_factory=list)
    link_texts: list[str] = field(default_factory=list)
    context: str = ""
    is_fax: bool = False
    owner: str = "unknown"  # shop | third_party | unknown
    owner_reason: str = ""

    def contract(self, channel: str) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value}
        if channel == "phone":
            out["type"] = self.type
        out.update(
            raw=self.raw,
            tier=self.tier,
            clicks=self.clicks,
            url=self.url,
            page_type=self.page_type,
            source=self.source,
            owner=self.owner,
            owner_reason=self.owner_reason,
        )
        return out


@dataclass
class ChannelResult:
    channel: str
    tier: str = "not_found"
    clicks: int | None = None
    best: FoundValue | None = None
    found: list[FoundValue] = field(default_factory=list)  # the shop's own values, best occurrence each
    third_party: list[FoundValue] = field(default_factory=list)
    unattributed: list[FoundValue] = field(default_factory=list)  # owner unknown: shown, never credited
    occurrences: list[FoundValue] = field(default_factory=list)  # every sighting, for the database


@dataclass
class Assessment:
    phone: ChannelResult
    email: ChannelResult
    chat_vendors: list[str]
    contact_form: bool
    contact_form_url: str | None
    compliant: bool
    reasons: list[str]
    reason_codes: list[str]
    rule: VerdictRule

    @property
    def chat_present(self) -> bool:
        return bool(self.chat_vendors)

    def to_contract(self, shop: str, homepage: str, status: str, pages_crawled: int) -> dict[str, Any]:
        """The `bereikbaar check --json` object (DESIGN.md)."""

        def channel(result: ChannelResult) -> dict[str, Any]:
            return {
                "tier": result.tier,
                "clicks": result.clicks,
                "found": [f.contract(result.channel) for f in result.found],
                # values kept but not credited to the shop: someone else's, or nothing ties them to it
                "not_credited": [
                    f.contract(result.channel) for f in (*result.third_party, *result.unattributed)
                ],
            }

        return {
            "shop": shop,
            "homepage": homepage,
            "status": status,
            "pages_crawled": pages_crawled,
            "channels": {"phone": channel(self.phone), "email": channel(self.email)},
            "chat": {"present": self.chat_present, "vendors": list(self.chat_vendors)},
            "contact_form": {"present": self.contact_form},
            "verdict": {"compliant": self.compliant, "reasons": list(self.reasons)},
        }


def unassessed_contract(
    shop: str, homepage: str, status: str, reason: str, pages_crawled: int = 0
) -> dict[str, Any]:
    """The contract for a shop we could not read: no tiers, no verdict, only why."""
    return {
        "shop": shop,
        "homepage": homepage,
        "status": status,
        "pages_crawled": pages_crawled,
        "channels": {
            "phone": {"tier": None, "clicks": None, "found": [], "not_credited": []},
            "email": {"tier": None, "clicks": None, "found": [], "not_credited": []},
        },
        "chat": {"present": None, "vendors": []},
        "contact_form": {"present": None},
        "verdict": {"compliant": None, "reasons": [f"Not assessed ({status}): {reason}"]},
    }


def page_tier(page: ShopPage) -> str:
    """The tier a visible value on this page earns."""
    a = page.analysis
    if page.is_homepage or a.page_kind == "homepage":
        return "homepage"
    if a.content_type == "pdf" or a.page_kind in LEGAL_KINDS:
        return "legal_only"
    if a.page_kind in CONTACT_KINDS:
        return "contact_page"
    return "other_page"


def attribute_across_pages(pages: list[ShopPage]) -> None:
    """Evidence one page gives about another: an e-mail judged `unknown` on its page whose domain
    spells a trader name that the shop's identity blocks give elsewhere (the imprint names the group
    that runs the store, the contact page gives the group's address) is the shop's. Changes the
    findings in place, so the database rows and the tiers agree."""
    traders = [n for page in pages for n in getattr(page.analysis, "trader_names", ())]
    if not traders:
        return
    for page in pages:
        for f in page.analysis.emails:
            if getattr(f, "owner", "") != "unknown" or not getattr(f, "owner_reason", ""):
                continue
            who = email_matches_names(f.value, traders)
            if who:
                f.owner, f.third_party = "shop", False
                f.owner_reason = (
                    f"e-mail domain spells the trader's name ({who}), given elsewhere on the shop"
                )


def _owner_of(f: Any) -> tuple[str, str]:
    """A finding's owner; findings made before attribution existed carry only `third_party`."""
    reason = getattr(f, "owner_reason", "")
    if not reason:  # never attributed (made by hand, or by an older version): the old flag decides
        return ("third_party" if f.third_party else "shop"), ""
    return getattr(f, "owner", "unknown"), reason


def _sightings(pages: list[ShopPage], channel: str, shared: dict[str, str] | None = None) -> list[FoundValue]:
    out: list[FoundValue] = []
    for page in pages:
        a = page.analysis
        # values on a page flooded with number- or address-shaped strings set no tier (checks.flood)
        tier = None if a.flooded else page_tier(page)
        for f in a.phones if channel == "phone" else a.emails:
            is_fax = getattr(f, "is_fax", False)
            owner, reason = _owner_of(f)
            if shared and f.value in shared and owner != "third_party":
                owner, reason = "third_party", shared[f.value]

            out.append(
                FoundValue(
                    value=f.value,
                    type=getattr(f, "type", None),
                    raw=f.raw,
                    tier=tier if f.visible and owner == "shop" else None,
                    clicks=page.clicks,
                    url=a.url,
                    page_type=a.page_kind if not page.is_homepage else "homepage",
                    source=f.source,
                    region=f.region,
                    visible=f.visible,
                    third_party=owner == "third_party",
                    flags=list(f.flags),
                    link_texts=list(page.link_texts),
                    context=f.context,
                    is_fax=is_fax,
                    owner=owner,
                    owner_reason=reason,
                )
            )
    return out


def _order(rule: VerdictRule):
    def key(f: FoundValue):
        ok = f.tier in rule.accepted_tiers and f.clicks <= rule.max_clicks
        return (not f.visible, f.owner != "shop", not ok, TIER_RANK.get(f.tier or "not_found", 9), f.clicks)

    return key


def _channel(
    pages: list[ShopPage], channel: str, rule: VerdictRule, shared: dict[str, str] | None = None
) -> ChannelResult:
    return channel_from_sightings(channel, _sightings(pages, channel, shared), rule)


def channel_from_sightings(channel: str, sightings: list[FoundValue], rule: VerdictRule) -> ChannelResult:
    """A channel's tier, clicks and values from every sighting of its values on the shop.

    A value is the shop's when any sighting is (a number in the footer is the shop's even if the
    terms also print it); otherwise it is someone else's when any sighting says so; otherwise
    nothing ties it to the shop (`unattributed`)."""
    result = ChannelResult(channel=channel, occurrences=sightings)
    key = _order(rule)
    best_per_value: dict[str, FoundValue] = {}
    third: dict[str, FoundValue] = {}
    unknown: dict[str, FoundValue] = {}
    for s in sorted(sightings, key=key):
        if s.owner == "third_party":
            third.setdefault(s.value, s)
            continue
        if s.owner != "shop":
            unknown.setdefault(s.value, s)
            continue
        if s.is_fax or UNCREDITED_FLAGS & set(s.flags):
            continue
        best_per_value.setdefault(s.value, s)
    own = set(best_per_value)
    result.third_party = [v for k, v in third.items() if k not in own]
    result.unattributed = [v for k, v in unknown.items() if k not in own and k not in third]
    result.found = sorted(best_per_value.values(), key=key)
    credited = [f for f in result.found if f.tier is not None]
    if credited:
        result.best = credited[0]
        result.tier = credited[0].tier or "not_found"
        result.clicks = credited[0].clicks
    return result


def assess(
    pages: list[ShopPage], rule: VerdictRule | None = None, shared: dict[str, str] | None = None
) -> Assessment:
    """Tiers, clicks and verdict for one shop from its analysed pages.

    `shared` maps values seen on several unrelated shops of the run to the reason they belong to
    none of them (reports/store.py keeps that count)."""
    rule = rule or VerdictRule()
    attribute_across_pages(pages)
    phone = _channel(pages, "phone", rule, shared)
    email = _channel(pages, "email", rule, shared)
    vendors = sorted({v for p in pages for v in p.analysis.chat_vendors})
    form_pages = sorted((p for p in pages if p.analysis.contact_form), key=lambda p: p.clicks)
    for result in (phone, email):
        if result.best is None and vendors:
            result.tier = "chat_only"
    assessment = Assessment(
        phone=phone,
        email=email,
        chat_vendors=vendors,
        contact_form=bool(form_pages),
        contact_form_url=form_pages[0].analysis.url if form_pages else None,
        compliant=False,
        reasons=[],
        reason_codes=[],
        rule=rule,
    )
    _verdict(assessment, len(pages))
    return assessment


def reassess(
    phone_sightings: list[FoundValue],
    email_sightings: list[FoundValue],
    chat_vendors: list[str],
    contact_form_url: str | None,
    pages_crawled: int,
    rule: VerdictRule | None = None,
) -> Assessment:
    """Tiers, clicks and verdict again from stored sightings (a value's owner changed after the
    shop was saved: it turned out to be shared by unrelated shops)."""
    rule = rule or VerdictRule()
    phone = channel_from_sightings("phone", phone_sightings, rule)
    email = channel_from_sightings("email", email_sightings, rule)
    for result in (phone, email):
        if result.best is None and chat_vendors:
            result.tier = "chat_only"
    assessment = Assessment(
        phone=phone,
        email=email,
        chat_vendors=sorted(chat_vendors),
        contact_form=contact_form_url is not None,
        contact_form_url=contact_form_url,
        compliant=False,
        reasons=[],
        reason_codes=[],
        rule=rule,
    )
    _verdict(assessment, pages_crawled)
    return assessment


def _verdict(a: Assessment, n: int) -> None:
    rule = a.rule
    codes: list[str] = []
    reasons: list[str] = []
    for name, result in (("phone", a.phone), ("email", a.email)):
        label = "phone number" if name == "phone" else "e-mail address"
        hidden = [f for f in result.found if not f.visible]
        if result.tier in rule.accepted_tiers and (result.clicks or 0) <= rule.max_clicks:
            pass
        elif result.tier == "not_found":
            codes.append(f"{name}_not_found")
            extra = ""
            if hidden:
                extra = f" ({hidden[0].value} appears only in invisible page data: {hidden[0].source})"
            reasons.append(f"No {label} found on the {n} page{'s' if n != 1 else ''} crawled{extra}.")
        elif result.tier == "chat_only":
            codes.append(f"{name}_chat_only")
            reasons.append(
                f"No {label} published; only chat or messaging is offered ({', '.join(a.chat_vendors)})."
            )
        elif result.tier == "legal_only":
            codes.append(f"{name}_legal_only")
            best = result.best
            reasons.append(
                f"The {label} {best.value} appears only in a legal document ({best.page_type}: {best.url})."
            )
        elif result.tier not in rule.accepted_tiers or (result.clicks or 0) > rule.max_clicks:
            codes.append(f"{name}_too_deep")
            best = result.best
            path = " > ".join(best.link_texts) if best.link_texts else best.url
            reasons.append(
                f"The {label} {best.value} is {best.clicks} clicks from the homepage ({path}); "
                f"the rule allows {rule.max_clicks}."
            )
        if name == "email" and result.tier in ("not_found", "chat_only") and a.contact_form:
            # the form is the whole story: it replaces the not-found / chat-only reason
            codes.pop()
            reasons.pop()
            if not rule.email_form_is_enough:
                codes.append("email_form_only")
                reasons.append(
                    f"No e-mail address published; a contact form ({a.contact_form_url}) is offered instead, "
                    "and a form does not replace the e-mail address the law requires."
                )
    if rule.reject_extra_cost:
        costly = [f for f in a.phone.found if f.tier is not None and "extra_cost" in f.flags]
        if costly:
            codes.append("phone_extra_cost")
            values = ", ".join(f"{f.value} ({f.type})" for f in costly)
            reasons.append(
                f"Extra-cost phone number offered: {values}; calls about a contract must cost no more than a basic-rate call."
            )
    a.reason_codes = codes
    a.reasons = reasons
    a.compliant = not codes


def settled(pages: list[ShopPage], rule: VerdictRule | None = None) -> bool:
    """True when phone and e-mail both sit on the homepage already: no later page can improve them."""
    a = assess(pages, rule)
    return a.phone.tier == "homepage" and a.email.tier == "homepage"
