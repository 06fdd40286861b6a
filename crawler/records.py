"""Turn a finished shop's state into the rows the store writes and the contract `check` prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checks.findability import (
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
        "error": record.error,
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
    return outcome
