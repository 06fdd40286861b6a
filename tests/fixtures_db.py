"""A crawl-like sample database written through the Store, for the Datasette and report tests.

`make_sample_db(path)` writes two finished runs over thirteen shops. Run 2 (the newest) covers every
tier for phone and e-mail and every shop status. Between run 1 and run 2:
  - modehuis.nl improved (phone moved out of the terms onto the customer-service page),
  - boekenbol.nl got worse (its e-mail address was replaced by a contact form),
  - terugkeer.nl became assessable (unreachable in run 1, ok and compliant in run 2),
  - every other shop is unchanged.
`EXPECTED` names the shops each reader question must return on the newest run.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reports.store import Store

# id, name, category, rank, country
SHOPS: tuple[tuple[str, str, str, int, str], ...] = (
    ("fietsplaza.nl", "Fietsplaza", "Sport", 1, "NL"),
    ("modehuis.nl", "Modehuis", "Fashion", 2, "NL"),
    ("boekenbol.nl", "Boekenbol", "Books", 3, "NL"),
    ("chatwinkel.nl", "Chatwinkel", "Electronics", 4, "NL"),
    ("belduur.nl", "Belduur", "Electronics", 5, "NL"),
    ("geheimshop.nl", "Geheimshop", "Home", 6, "NL"),
    ("diepzee.be", "Diepzee", "Sport", 7, "BE"),
    ("terugkeer.nl", "Terugkeer", "Home", 8, "NL"),
    ("kleinedruk.nl", "Kleine Druk", "Toys", 13, "NL"),
    ("blokkade.nl", "Blokkade", "Fashion", 9, "NL"),
    ("onbereikbaar.nl", "Onbereikbaar", "Books", 10, "NL"),
    ("robotsnee.de", "Robotsnee", "Electronics", 11, "DE"),
    ("kapot.nl", "Kapot", "Home", 12, "NL"),
)

# tier -> (url path, page kind, link text that leads there)
TIER_PAGES: dict[str, tuple[str, str, str]] = {
    "homepage": ("", "homepage", ""),
    "contact_page": ("klantenservice", "customer_service", "Klantenservice"),
    "other_page": ("veelgestelde-vragen", "faq", "Veelgestelde vragen"),
    "legal_only": ("algemene-voorwaarden", "terms", "Algemene voorwaarden"),
}
GOOD_TIERS = ("homepage", "contact_page", "other_page")

REASONS: dict[str, str] = {
    "phone_not_found": "No phone number was found on any crawled page.",
    "phone_legal_only": "The phone number appears only in legal documents.",
    "phone_chat_only": "No phone number is published; only a chat is offered.",
    "phone_too_deep": "The phone number is more than 2 clicks from the homepage.",
    "phone_extra_cost": "The phone number offered is an extra-cost number.",
    "email_not_found": "No e-mail address was found on any crawled page.",
    "email_legal_only": "The e-mail address appears only in legal documents.",
    "email_chat_only": "No e-mail address is published; only a chat is offered.",
    "email_form_only": "Only a contact form is offered instead of an e-mail address.",
}

# The shops each canned question returns for the newest run (run 2).
EXPECTED: dict[str, set[str]] = {
    "phone_not_findable": {"chatwinkel.nl", "geheimshop.nl", "diepzee.be", "kleinedruk.nl"},
    "phone_only_in_terms": {"kleinedruk.nl"},
    "chat_only": {"chatwinkel.nl"},
    "email_replaced_by_form": {"boekenbol.nl"},
    "extra_cost_or_foreign_numbers": {"belduur.nl"},
    "not_assessed": {"blokkade.nl", "onbereikbaar.nl", "robotsnee.de", "kapot.nl"},
    "compliant": {"fietsplaza.nl", "modehuis.nl", "terugkeer.nl"},
}


def _phone(tier: str, clicks: int, value: str, raw: str, ptype: str = "fixed_line", flags=()) -> dict:
    return {"tier": tier, "clicks": clicks, "value": value, "raw": raw, "type": ptype, "flags": list(flags)}


def _email(tier: str, clicks: int, value: str) -> dict:
    return {"tier": tier, "clicks": clicks, "value": value, "raw": value}


# Per run, per assessed shop: phone, email (None when not found), extras, reason codes.
def _spec(run: int) -> dict[str, dict]:
    improved = run == 2
    return {
        "fietsplaza.nl": {
            "phone": _phone("homepage", 0, "+31201234567", "020 123 4567"),
            "email": _email("contact_page", 1, "klantenservice@fietsplaza.nl"),
            "form": True,
        },
        "modehuis.nl": {
            "phone": _phone("contact_page", 1, "+31301234567", "030 - 123 45 67")
            if improved
            else _phone("legal_only", 1, "+31301234567", "030 - 123 45 67"),
            "email": _email("homepage", 0, "service@modehuis.nl"),
            "codes": [] if improved else ["phone_legal_only"],
        },
        "boekenbol.nl": {
            "phone": _phone("other_page", 2, "+31101234567", "010 123 4567"),
            "email": None if run == 2 else _email("other_page", 2, "info@boekenbol.nl"),
            "form": True,
            "codes": ["email_form_only"] if run == 2 else [],
        },
        "chatwinkel.nl": {
            "phone": None,
            "email": None,
            "chat": ["zendesk", "whatsapp"],
            "codes": ["phone_chat_only", "email_chat_only"],
        },
        "belduur.nl": {
            "phone": _phone("homepage", 0, "+319001234567", "0900-1234567", "premium_rate", ["extra_cost"]),
            "extra_phone": _phone(
                "contact_page", 1, "+3232123456", "+32 3 212 34 56", "fixed_line", ["foreign"]
            ),
            "email": _email("homepage", 0, "vragen@belduur.nl"),
            "codes": ["phone_extra_cost"],
        },
        "geheimshop.nl": {
            "phone": None,
            "hidden_phone": "+31401234567",
            "email": _email("legal_only", 1, "juridisch@geheimshop.nl"),
            "codes": ["phone_not_found", "email_legal_only"],
        },
        "diepzee.be": {
            "phone": _phone("other_page", 3, "+3292345678", "09 234 56 78"),
            "email": _email("contact_page", 1, "hallo@diepzee.be"),
            "codes": ["phone_too_deep"],
        },
        "kleinedruk.nl": {
            "phone": _phone("legal_only", 1, "+31601234567", "06 12 34 56 7", "mobile"),
            "email": _email("homepage", 0, "hallo@kleinedruk.nl"),
            "codes": ["phone_legal_only"],
        },
    } | (
        {
            "terugkeer.nl": {
                "phone": _phone("contact_page", 1, "+31501234567", "050 123 4567"),
                "email": _email("other_page", 1, "info@terugkeer.nl"),
            }
        }
        if run == 2
        else {}
    )


# run number -> (started_at, finished_at)
RUN_TIMES: dict[int, tuple[str, str]] = {
    1: ("2025-01-06T09:00:00+00:00", "2025-01-06T09:40:00+00:00"),
    2: ("2025-04-07T09:00:00+00:00", "2025-04-07T09:35:00+00:00"),
}

UNASSESSED: dict[str, tuple[str, str]] = {
    "blokkade.nl": ("blocked", "The homepage answered HTTP 403 (bot protection)."),
    "onbereikbaar.nl": ("unreachable", "DNS lookup failed for onbereikbaar.nl."),
    "robotsnee.de": ("robots_disallowed", "robots.txt disallows the homepage for our user agent."),
    "kapot.nl": ("error", "The homepage returned an empty body."),
}


def _tier_of(channel: dict | None, spec: dict) -> str:
    if channel is not None:
        return channel["tier"]
    return "chat_only" if spec.get("chat") else "not_found"


def _page(home: str, path: str, kind: str, clicks: int, trail: list[str], title: str, text: str) -> dict:
    url = home + path
    return {
        "url": url,
        "final_url": url,
        "http_status": 200,
        "clicks": clicks,
        "page_kind": kind,
        "link_text": trail[-1] if trail else None,
        "path": trail,
        "content_type": "html",
        "content_hash": hashlib.sha1(text.encode()).hexdigest(),
        "size": len(text) * 3,
        "fetched_at": "2025-01-01T10:00:00+00:00",
        "title": title,
        "text": text,
    }


def _shop_rows(
    shop_id: str, name: str, spec: dict, finished_at: str
) -> tuple[dict, list[dict], list[dict], list[dict]]:
    home = f"https://www.{shop_id}/"
    pages = {home: _page(home, "", "homepage", 0, [], name, f"Welkom bij {name}. Gratis verzending.")}
    findings: list[dict] = []
    links: list[dict] = []

    def page_for(tier: str, clicks: int) -> dict:
        path, kind, link_text = TIER_PAGES[tier]
        if tier == "homepage":
            return pages[home]
        trail = ["Service"] * (clicks - 1) + [link_text]
        parent = home
        for depth in range(1, clicks):  # hub pages on the way down
            hub = f"{home}service{depth}"
            pages.setdefault(
                hub, _page(home, f"service{depth}", "other", depth, trail[:depth], "Service", "Service")
            )
            links.append({"from_url": parent, "to_url": hub, "text": "Service"})
            parent = hub
        url = home + path
        if url not in pages:
            pages[url] = _page(home, path, kind, clicks, trail, link_text, f"{link_text} van {name}.")
            links.append({"from_url": parent, "to_url": url, "text": link_text})
        return pages[url]

    for channel, found in (
        ("phone", spec.get("phone")),
        ("email", spec.get("email")),
        ("phone", spec.get("extra_phone")),
    ):
        if not found:
            continue
        page = page_for(found["tier"], found["clicks"])
        label = "Bel ons op" if channel == "phone" else "Mail ons via"
        page["text"] += f" {label} {found['raw']}."
        findings.append(
            {
                "channel": channel,
                "value": found["value"],
                "raw": found["raw"],
                "url": page["url"],
                "clicks": found["clicks"],
                "page_kind": page["page_kind"],
                "region": "footer" if found["tier"] == "homepage" else "main",
                "source": "tel_link" if channel == "phone" else "mailto",
                "visible": 1,
                "third_party": 0,
                "phone_type": found.get("type") if channel == "phone" else None,
                "flags": found.get("flags", []),
                "context": f"{label} {found['raw']}",
                "tier": found["tier"],
            }
        )
    if spec.get("hidden_phone"):  # in JSON-LD only: recorded, but sets no tier
        findings.append(
            {
                "channel": "phone",
                "value": spec["hidden_phone"],
                "url": home,
                "clicks": 0,
                "page_kind": "homepage",
            }
            | {"source": "jsonld", "visible": 0, "third_party": 0, "phone_type": "fixed_line", "tier": None}
        )
    for vendor in spec.get("chat", []):
        findings.append(
            {
                "channel": "chat",
                "value": vendor,
                "vendor": vendor,
                "url": home,
                "clicks": 0,
                "page_kind": "homepage",
            }
            | {"source": "script", "visible": 1, "third_party": 0}
        )
    if spec.get("form"):
        page = page_for("contact_page", 1)
        page["text"] += " Stel je vraag via het contactformulier."
        findings.append(
            {
                "channel": "form",
                "value": "contact",
                "url": page["url"],
                "clicks": 1,
                "page_kind": page["page_kind"],
            }
            | {"source": "text", "visible": 1, "third_party": 0}
        )
    terms = page_for("legal_only", 1)
    terms["text"] += " Geschillencommissie Thuiswinkel, telefoon 070 310 5310. KvK 12345678."
    findings.append(
        {"channel": "phone", "value": "+31703105310", "raw": "070 310 5310", "url": terms["url"], "clicks": 1}
        | {"page_kind": "terms", "source": "text", "visible": 1, "third_party": 1, "phone_type": "fixed_line"}
        | {"context": "Geschillencommissie Thuiswinkel, telefoon 070 310 5310", "tier": None}
    )
    findings.append(
        {"channel": "kvk", "value": "12345678", "raw": "KvK 12345678", "url": terms["url"], "clicks": 1}
        | {"page_kind": "terms", "source": "text", "visible": 1, "third_party": 0, "tier": None}
    )
    phone, email = spec.get("phone"), spec.get("email")
    codes = spec.get("codes", [])
    result = {
        "status": "ok",
        "homepage": home,
        "phone_tier": _tier_of(phone, spec),
        "phone_clicks": phone["clicks"] if phone else None,
        "phone_value": phone["value"] if phone else None,
        "phone_type": phone["type"] if phone else None,
        "email_tier": _tier_of(email, spec),
        "email_clicks": email["clicks"] if email else None,
        "email_value": email["value"] if email else None,
        "chat_present": int(bool(spec.get("chat"))),
        "chat_vendors": spec.get("chat", []),
        "contact_form": int(bool(spec.get("form"))),
        "compliant": int(not codes),
        "reasons": [REASONS[c] for c in codes],
        "reason_codes": codes,
        "pages_crawled": len(pages),
        "requests": len(pages) + 1,
        "duration_s": 1.5,
        "finished_at": finished_at,
    }
    return result, list(pages.values()), findings, links


# Run settings as the crawler records them: crawl depth 3, verdict rule 2 clicks.
RUN_SETTINGS = {"max_pages": 30, "crawl_max_clicks": 3, "verdict_rule": {"max_clicks": 2}}


def make_sample_db(path: str | Path) -> Path:
    """Write the two-run sample database at `path` (replacing nothing: the file must be new)."""
    path = Path(path)
    with Store(path) as store:
        store.upsert_shops(
            [
                {"id": i, "name": n, "url": f"https://www.{i}/", "rank": r, "category": c, "country": k}
                for i, n, c, r, k in SHOPS
            ]
        )
        names = {s[0]: s[1] for s in SHOPS}
        for run, (started, finished) in RUN_TIMES.items():
            run_id = store.start_run("data/shops/sample.csv", "5" * 64, len(SHOPS), RUN_SETTINGS)
            for shop_id, spec in _spec(run).items():
                store.save_shop(run_id, shop_id, *_shop_rows(shop_id, names[shop_id], spec, finished))
            unassessed = dict(UNASSESSED)
            if run == 1:
                unassessed["terugkeer.nl"] = ("unreachable", "Connection refused on port 443.")
            for shop_id, (status, reason) in unassessed.items():
                result = {"status": status, "status_reason": reason, "pages_crawled": 0, "requests": 2}
                result["finished_at"] = finished
                store.save_shop(run_id, shop_id, result, [], [], [])
            store.finish_run(run_id, stats={"shops": len(SHOPS)})
            # fixed times, so reports written from this database are reproducible
            store.db.execute(
                "UPDATE runs SET started_at = ?, finished_at = ? WHERE id = ?", [started, finished, run_id]
            )
            store.db.conn.commit()
    return path
