"""Turn a finished shop's state into the rows the store writes and the contract `check` prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checks.findability import (
    TIER_RANK,
    UNCREDITED_FLAGS,
    Assessment,
    ShopPage,
    VerdictRule,
    assess,
    page_tier,
    unassessed_contract,
)
from checks.model import EmailFinding, PhoneFinding
from crawler.graph import PathInfo, url_key
from crawler.shopstate import PageRecord, ShopState
from crawler.status import FAILURE_CODES
from reports.schema import CHANNELS

# Identity kinds whose stored value does not say which country issued it: their rows get a
# `country:CC` flag (a Belgian enterprise number and a German Handelsregister entry are both `register`).
IDENTITY_COUNTRY_FLAG_KINDS = frozenset({"register"})

# Longest context snippet and page text stored (characters).
MAX_CONTEXT = 300
MAX_PAGE_TEXT = 200_000


@dataclass
class ShopOutcome:
    """One finished shop: the item the spider yields and the pipeline stores."""

    shop_id: str
    shop: dict[str, Any]  # the `shops` row
    result: dict[str, Any]
    pages: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    contract: dict[str, Any] = field(default_factory=dict)
    assessment: Assessment | None = None
    # channel -> why it is not assessed (see not_assessed_channels); empty when all were judged
    not_assessed: dict[str, dict[str, Any]] = field(default_factory=dict)


def _final_paths(state: ShopState) -> dict[str, PathInfo]:
    if state.home_key is None:
        return {}
    return state.graph.shortest_paths(state.home_key)


def _clicks_for(record: PageRecord, paths: dict[str, PathInfo]) -> PathInfo:
    info = paths.get(record.key)
    if info is None and record.final_url:
        info = paths.get(url_key(record.final_url))
    if info is None:  # not reachable over recorded edges (should not happen): keep the crawl figure
        info = PathInfo(record.clicks, [record.link_text] if record.link_text else [])
    return info


def _page_row(record: PageRecord, info: PathInfo) -> dict[str, Any]:
    a = record.analysis
    return {
        "url": record.url,
        "final_url": record.final_url or None,
        "http_status": record.http_status,
        "clicks": info.clicks,
        "page_kind": ("homepage" if record.is_homepage else a.page_kind) if a is not None else None,
        "link_text": info.texts[-1] if info.texts else None,
        "path": list(info.texts),
        "content_type": (a.content_type if a is not None else record.content_type),
        "content_hash": record.content_hash,
        "size": record.size,
        "fetched_at": record.fetched_at,
        # a page that could not be read starts with its reason code (crawler.status.FAILURE_CODES)
        "error": f"{record.failure}: {record.error}" if record.failure and record.error else record.error,
        "title": a.title if a is not None else None,
        "text": a.text[:MAX_PAGE_TEXT] if a is not None else None,
    }


def _owner(finding: PhoneFinding | EmailFinding) -> tuple[str, str]:
    """The finding's owner and the evidence for it (checks/attribution.py)."""
    if not finding.owner_reason:  # made without attribution: the old flag decides
        return ("third_party" if finding.third_party else "shop"), ""
    return finding.owner, finding.owner_reason


def credited(finding: PhoneFinding | EmailFinding) -> bool:
    """Whether a value counts for the shop (as checks.findability counts it): visible, owned by
    the shop, not a placeholder."""
    return finding.visible and _owner(finding)[0] == "shop" and not UNCREDITED_FLAGS & set(finding.flags)


def _finding_rows(page: ShopPage) -> list[dict[str, Any]]:
    a = page.analysis
    tier = None if a.flooded else page_tier(page)  # a flooded page sets no tier (checks.flood)
    kind = "homepage" if page.is_homepage else a.page_kind
    base = {"url": a.url, "clicks": page.clicks, "page_kind": kind}
    rows: list[dict[str, Any]] = []
    for p in a.phones:
        flags = list(p.flags) + (["fax"] if p.is_fax else [])
        rows.append(
            {
                **base,
                "channel": "phone",
                "value": p.value,
                "raw": p.raw,
                "region": p.region,
                "source": p.source,
                "visible": int(p.visible),
                "third_party": int(_owner(p)[0] == "third_party"),
                "owner": _owner(p)[0],
                "owner_reason": _owner(p)[1],
                "phone_type": p.type,
                "flags": flags,
                "context": p.context[:MAX_CONTEXT],
                "tier": tier if credited(p) and not p.is_fax else None,
            }
        )
    for e in a.emails:
        rows.append(
            {
                **base,
                "channel": "email",
                "value": e.value,
                "raw": e.raw,
                "region": e.region,
                "source": e.source,
                "visible": int(e.visible),
                "third_party": int(_owner(e)[0] == "third_party"),
                "owner": _owner(e)[0],
                "owner_reason": _owner(e)[1],
                "flags": list(e.flags),
                "context": e.context[:MAX_CONTEXT],
                "tier": tier if credited(e) else None,
            }
        )
    for c in a.chat:
        rows.append(
            {
                **base,
                "channel": "chat",
                "value": c.value or c.vendor,
                "raw": c.evidence[:MAX_CONTEXT],
                "source": c.kind,
                "vendor": c.vendor,
                "visible": 1,
                "third_party": 0,
                "flags": ["blocked_by_consent"] if c.blocked_by_consent else [],
            }
        )
    for f in a.forms:
        rows.append(
            {
                **base,
                "channel": "form",
                "value": f.kind,
                "raw": f.action[:MAX_CONTEXT],
                "source": "form",
                "visible": 1,
                "third_party": 0,
                "flags": list(f.fields),
            }
        )
    for i in a.identity:
        if i.kind not in CHANNELS:  # a kind the schema has no channel for yet
            continue
        flags = [] if i.valid else ["invalid"]
        if i.kind in IDENTITY_COUNTRY_FLAG_KINDS and i.country:
            flags.append(f"country:{i.country}")
        rows.append(
            {
                **base,
                "channel": i.kind,
                "value": i.value,
                "raw": i.raw,
                "region": i.region,
                "source": "text",
                "visible": 1,
                "third_party": 0,
                "flags": flags,
                "context": i.context[:MAX_CONTEXT],
            }
        )
    return rows


def _evidence_order(row: dict[str, Any]) -> tuple:
    """Best evidence first, so the store keeps it when a (channel, value, url) repeats."""
    return (not row.get("visible"), row.get("owner", "shop") != "shop", row.get("tier") is None)


def build_outcome(state: ShopState, rule: VerdictRule) -> ShopOutcome:
    """All rows for one finished shop, plus its `check --json` contract."""
    paths = _final_paths(state)
    page_rows: list[dict[str, Any]] = []
    shop_pages: list[ShopPage] = []
    for record in state.pages.values():
        info = _clicks_for(record, paths)
        page_rows.append(_page_row(record, info))
        if record.analysis is not None and record.error is None:
            shop_pages.append(
                ShopPage(
                    analysis=record.analysis,
                    clicks=info.clicks,
                    link_texts=list(info.texts),
                    is_homepage=record.is_homepage,
                )
            )
    page_rows.sort(key=lambda r: (r["clicks"] if r["clicks"] is not None else 99, r["url"]))
    links = [
        {"from_url": src, "to_url": dst, "text": text}
        for src, targets in state.graph.edges.items()
        for dst, text in targets.items()
    ]
    homepage = state.homepage or state.entry.url
    result: dict[str, Any] = {
        "status": state.status,
        "status_reason": state.reason or None,
        "homepage": state.homepage,
        "pages_crawled": len(shop_pages),
        "requests": state.requests,
        "duration_s": state.duration(),
    }
    outcome = ShopOutcome(
        shop_id=state.id, shop=state.entry.to_row(), result=result, pages=page_rows, links=links
    )
    if state.status != "ok" or not any(p.is_homepage for p in shop_pages):
        if state.status == "ok":  # defensive: no usable homepage means no assessment
            result["status"], result["status_reason"] = "error", state.reason or "no usable homepage"
        outcome.contract = unassessed_contract(
            state.id, homepage, result["status"], result["status_reason"] or "", len(shop_pages)
        )
        return outcome
    assessment = assess(shop_pages, rule=rule)
    findings = [row for page in shop_pages for row in _finding_rows(page)]
    findings.sort(key=_evidence_order)
    phone, email = assessment.phone, assessment.email
    result.update(
        phone_tier=phone.tier,
        phone_clicks=phone.clicks,
        phone_value=phone.best.value if phone.best else None,
        phone_type=phone.best.type if phone.best else None,
        email_tier=email.tier,
        email_clicks=email.clicks,
        email_value=email.best.value if email.best else None,
        chat_present=int(assessment.chat_present),
        chat_vendors=list(assessment.chat_vendors),
        contact_form=int(assessment.contact_form),
        compliant=int(assessment.compliant),
        reasons=list(assessment.reasons),
        reason_codes=list(assessment.reason_codes),
    )
    outcome.findings = findings
    outcome.assessment = assessment
    outcome.contract = assessment.to_contract(
        shop=state.id, homepage=homepage, status="ok", pages_crawled=len(shop_pages)
    )
    outcome.not_assessed = not_assessed_channels(assessment, unread_pages(state, paths), rule)
    _mark_not_assessed(outcome)
    return outcome


# The best tier a page could have given a channel, by its kind (or the kind its link promised):
# a page of these kinds that we could not read may hold what the shop is judged on.
POTENTIAL_TIERS: dict[str, str] = {
    "homepage": "homepage",
    "contact": "contact_page",
    "customer_service": "contact_page",
    "imprint": "legal_only",
    "terms": "legal_only",
    "privacy": "legal_only",
    "withdrawal": "legal_only",
}
# Reason codes a not-assessed channel's own verdict codes are replaced by.
TIER_REASON_SUFFIXES = ("_not_found", "_chat_only", "_legal_only", "_too_deep")
FLOODED = "flooded"  # a page full of number- or address-shaped strings: its values set no tier


@dataclass(frozen=True)
class UnreadPage:
    """A page that may hold contact details and could not be read (or not be trusted)."""

    url: str
    clicks: int
    code: str  # crawler.status.FAILURE_CODES, or "flooded"
    kind: str
    tier: str  # the best tier it could have given


def unread_pages(state: ShopState, paths: dict[str, PathInfo] | None = None) -> list[UnreadPage]:
    """Pages of a contact, customer-service or legal kind (or the homepage) that failed."""
    paths = _final_paths(state) if paths is None else paths
    out = []
    for record in state.pages.values():
        a = record.analysis
        code = record.failure
        if code is None and a is not None and record.error is None and a.flooded:
            code = FLOODED
        if code is None:
            continue
        if record.is_homepage:
            kind = "homepage"
        else:
            kind = a.page_kind if a is not None and a.page_kind in POTENTIAL_TIERS else record.link_kind
        tier = POTENTIAL_TIERS.get(kind)
        if tier is None:
            continue
        out.append(
            UnreadPage(record.final_url or record.url, _clicks_for(record, paths).clicks, code, kind, tier)
        )
    return sorted(out, key=lambda u: (TIER_RANK[u.tier], u.clicks, u.url))


def not_assessed_channels(
    assessment: Assessment, unread: list[UnreadPage], rule: VerdictRule
) -> dict[str, dict[str, Any]]:
    """The channels an unread page could have changed: those that do not pass the rule and whose
    tier that page could have bettered. Never `not_found` because we could not read a page."""
    out: dict[str, dict[str, Any]] = {}
    for name, result in (("phone", assessment.phone), ("email", assessment.email)):
        if result.tier in rule.accepted_tiers and (result.clicks or 0) <= rule.max_clicks:
            continue
        rank = TIER_RANK.get(result.tier, len(TIER_RANK))
        could = [u for u in unread if TIER_RANK[u.tier] < rank]
        if not could:
            continue
        first = could[0]
        what = "homepage" if first.kind == "homepage" else f"{first.kind.replace('_', ' ')} page"
        out[name] = {
            "code": first.code,
            "reason": (
                f"{'Phone number' if name == 'phone' else 'E-mail address'} not assessed: the {what} "
                f"{first.url} could not be read ({first.code}: {_FAILURES.get(first.code, first.code)})."
            ),
            "pages": [{"url": u.url, "kind": u.kind, "clicks": u.clicks, "code": u.code} for u in could],
        }
    return out


_FAILURES = {**FAILURE_CODES, FLOODED: "it is flooded with number- or address-shaped strings"}


def _mark_not_assessed(outcome: ShopOutcome) -> None:
    """A channel an unread page could have changed gets no tier, a `{channel}_not_assessed` reason
    code and a `not_assessed` block in the contract; the verdict stays only when the rest fails."""
    missing = outcome.not_assessed
    if not missing:
        return
    result, contract = outcome.result, outcome.contract
    dropped = {f"{name}{suffix}" for name in missing for suffix in TIER_REASON_SUFFIXES}
    if "email" in missing:
        dropped.add("email_form_only")
    kept = [(c, r) for c, r in zip(result["reason_codes"], result["reasons"]) if c not in dropped]
    decided = bool(kept)  # the shop fails on something the unread pages cannot change
    for name, info in missing.items():
        result.update({f"{name}_tier": None, f"{name}_clicks": None, f"{name}_value": None})
        if name == "phone":
            result["phone_type"] = None
        kept.append((f"{name}_not_assessed", info["reason"]))
        channel = contract["channels"][name]
        channel.update(tier=None, clicks=None, not_assessed=info)
    result["reason_codes"] = [c for c, _ in kept]
    result["reasons"] = [r for _, r in kept]
    result["compliant"] = 0 if decided else None
    result["status_reason"] = " ".join(info["reason"] for info in missing.values())
    contract["verdict"].update(compliant=False if decided else None, reasons=list(result["reasons"]))
