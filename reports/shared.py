"""Values seen on several unrelated shops of one run belong to none of them.

A disputes committee's number, a payment provider's privacy address, a theme's demo number or a
platform's support e-mail turn up on many shops. Whatever a single page said about them, a value
that SHARED_MIN_SHOPS or more *unrelated* shops show is someone else's. Shops are related when they
share a registrable domain or a registration number (KvK, VAT, enterprise number): a group that runs
several stores under one company is one owner, not three.

This lives in the database, keyed by value, so it works the same for a crawl on one machine and
for workers on many (the coordinator is the one writer). Each shop's values are recorded in
`value_sightings` when the shop is saved; when a value crosses the threshold, every shop of the run
that shows it is re-judged in the same transaction (`findings.owner` becomes `third_party` with the
reason, and the shop's tiers and verdict are computed again from its stored findings), and the
value is listed in `shared_values` with the shops it appears on.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

import sqlite_utils

from checks.domains import registrable_domain
from checks.findability import FoundValue, VerdictRule, reassess

# Three unrelated shops: two could be a coincidence (a shop that moved, a family of stores we could
# not link); three shops with different domains and different registration numbers are not.
SHARED_MIN_SHOPS = 3
CONTACT_CHANNELS = ("phone", "email")
IDENTITY_CHANNELS = ("kvk", "vat", "register")


def shared_reason(n: int, shops: list[str]) -> str:
    named = ", ".join(shops[:4]) + (f" and {len(shops) - 4} more" if len(shops) > 4 else "")
    return f"seen on {n} unrelated shops in this run ({named}), so it belongs to none of them (see shared_values)"


def _groups(rows: list[tuple[str, str, str]]) -> int:
    """How many unrelated owners among (shop_id, domain, identity JSON) rows: shops sharing a
    domain or a registration number are one owner."""
    parent = {shop: shop for shop, _, _ in rows}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner_of: dict[str, str] = {}
    for shop, domain, identity in rows:
        keys = [f"d:{domain}"] if domain else []
        with contextlib.suppress(ValueError):
            keys += [f"i:{v}" for v in json.loads(identity or "[]")]
        for key in keys:
            if key in owner_of:
                parent[find(shop)] = find(owner_of[key])
            else:
                owner_of[key] = shop
    return len({find(shop) for shop, _, _ in rows})


def _own_address(channel: str, value: str, domain: str) -> bool:
    """An e-mail on the shop's own domain stays the shop's, however many shops print it."""
    return channel == "email" and registrable_domain(value.rsplit("@", 1)[-1]) == domain


def record_shop(db: sqlite_utils.Database, run_id: int, shop_id: str, findings: list[dict]) -> list[str]:
    """Record one saved shop's values, mark values that are now shared, and re-judge every shop of
    the run that shows one. Runs inside the caller's transaction. Returns the re-judged shop ids."""
    domain = registrable_domain(shop_id) or shop_id
    identity = sorted(
        {str(f["value"]) for f in findings if f.get("channel") in IDENTITY_CHANNELS and f.get("value")}
    )
    values = sorted(
        {
            (f["channel"], f["value"])
            for f in findings
            if f.get("channel") in CONTACT_CHANNELS and f.get("value")
        }
    )
    db.execute("DELETE FROM value_sightings WHERE run_id = ? AND shop_id = ?", [run_id, shop_id])
    if values:
        db["value_sightings"].insert_all(
            {
                "run_id": run_id,
                "channel": channel,
                "value": value,
                "shop_id": shop_id,
                "domain": domain,
                "identity": json.dumps(identity),
            }
            for channel, value in values
        )
    rejudge: dict[str, dict[tuple[str, str], str]] = {}
    for channel, value in values:
        rows = db.execute(
            "SELECT shop_id, domain, identity FROM value_sightings WHERE run_id = ? AND channel = ? AND value = ?",
            [run_id, channel, value],
        ).fetchall()
        if len(rows) < 2:
            continue
        groups = _groups(rows)
        shops = sorted(r[0] for r in rows)
        shared = groups >= SHARED_MIN_SHOPS
        db["shared_values"].upsert(
            {
                "run_id": run_id,
                "channel": channel,
                "value": value,
                "shops": len(shops),
                "unrelated_shops": groups,
                "shared": int(shared),
                "shop_ids": json.dumps(shops),
            },
            pk=("run_id", "channel", "value"),
        )
        if not shared:
            continue
        reason = shared_reason(groups, shops)
        for shop, shop_domain, _ in rows:
            if not _own_address(channel, value, shop_domain):
                rejudge.setdefault(shop, {})[(channel, value)] = reason
    changed = []
    for shop, reasons in rejudge.items():
        if _mark_third_party(db, run_id, shop, reasons):
            _recompute_result(db, run_id, shop)
            changed.append(shop)
    return changed


def _mark_third_party(db: sqlite_utils.Database, run_id: int, shop_id: str, reasons: dict) -> bool:
    changed = False
    for (channel, value), reason in reasons.items():
        cur = db.execute(
            "UPDATE findings SET owner = 'third_party', third_party = 1, tier = NULL, owner_reason = ? "
            "WHERE run_id = ? AND shop_id = ? AND channel = ? AND value = ? "
            "AND (owner IS NULL OR owner != 'third_party')",
            [reason, run_id, shop_id, channel, value],
        )
        changed = changed or cur.rowcount > 0
    return changed


def _rule(db: sqlite_utils.Database, run_id: int) -> VerdictRule:
    row = db.execute("SELECT settings FROM runs WHERE id = ?", [run_id]).fetchone()
    try:
        rule = json.loads(row[0] or "{}").get("verdict_rule") or {} if row else {}
    except (ValueError, AttributeError):
        rule = {}
    fields = {
        k: v for k, v in rule.items() if k in ("max_clicks", "email_form_is_enough", "reject_extra_cost")
    }
    if "accepted_tiers" in rule:
        fields["accepted_tiers"] = tuple(rule["accepted_tiers"])
    return VerdictRule(**fields)


def _sighting(row: dict[str, Any], paths: dict[str, list[str]]) -> FoundValue:
    try:
        flags = json.loads(row["flags"] or "[]")
    except ValueError:
        flags = []
    owner = row.get("owner") or ("third_party" if row.get("third_party") else "shop")
    return FoundValue(
        value=row["value"],
        type=row.get("phone_type"),
        raw=row.get("raw") or "",
        tier=row.get("tier") if owner == "shop" else None,
        clicks=row.get("clicks") if row.get("clicks") is not None else 99,
        url=row.get("url") or "",
        page_type=row.get("page_kind") or "other",
        source=row.get("source") or "text",
        region=row.get("region") or "main",
        visible=bool(row.get("visible")),
        third_party=owner == "third_party",
        flags=[f for f in flags if f != "fax"],
        link_texts=paths.get(row.get("url") or "", []),
        context=row.get("context") or "",
        is_fax="fax" in flags,
        owner=owner,
        owner_reason=row.get("owner_reason") or "",
    )


def _recompute_result(db: sqlite_utils.Database, run_id: int, shop_id: str) -> None:
    """The shop's tiers, best values and verdict again, from its stored findings."""
    result = db.execute(
        "SELECT status, chat_vendors, pages_crawled FROM results WHERE run_id = ? AND shop_id = ?",
        [run_id, shop_id],
    ).fetchone()
    if result is None or result[0] != "ok":
        return
    try:
        vendors = json.loads(result[1] or "[]")
    except ValueError:
        vendors = []
    paths: dict[str, list[str]] = {}
    for url, path in db.execute(
        "SELECT url, path FROM pages WHERE run_id = ? AND shop_id = ?", [run_id, shop_id]
    ):
        try:
            paths[url] = [str(t) for t in json.loads(path or "[]")]
        except ValueError:
            paths[url] = []
    rows = list(
        db.query(
            "SELECT * FROM findings WHERE run_id = ? AND shop_id = ? AND channel IN ('phone', 'email', 'form')",
            [run_id, shop_id],
        )
    )
    phones = [_sighting(r, paths) for r in rows if r["channel"] == "phone"]
    emails = [_sighting(r, paths) for r in rows if r["channel"] == "email"]
    forms = sorted(
        (r for r in rows if r["channel"] == "form" and r["value"] == "contact"),
        key=lambda r: (r.get("clicks") if r.get("clicks") is not None else 99, r.get("url") or ""),
    )
    a = reassess(
        phones, emails, vendors, forms[0]["url"] if forms else None, result[2] or 0, _rule(db, run_id)
    )
    db.execute(
        "UPDATE results SET phone_tier = ?, phone_clicks = ?, phone_value = ?, phone_type = ?, "
        "email_tier = ?, email_clicks = ?, email_value = ?, compliant = ?, reasons = ?, reason_codes = ? "
        "WHERE run_id = ? AND shop_id = ?",
        [
            a.phone.tier,
            a.phone.clicks,
            a.phone.best.value if a.phone.best else None,
            a.phone.best.type if a.phone.best else None,
            a.email.tier,
            a.email.clicks,
            a.email.best.value if a.email.best else None,
            int(a.compliant),
            json.dumps(a.reasons),
            json.dumps(a.reason_codes),
            run_id,
            shop_id,
        ],
    )
