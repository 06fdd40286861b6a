"""A small fixed crawl database for the report tests: the Store's schema, rows inserted with sqlite-utils.

Three runs: run 1 and run 2 finished, run 3 interrupted (so "newest finished run" is run 2).
Between run 1 and run 2 fietsplaza.nl improves (phone moves out of the terms), modehuis.nl gets
worse (phone replaced by chat), schoenenshop.nl could not be assessed any more (blocked),
oudewinkel.nl disappears and nieuwewinkel.nl plus foutje.nl are new. Run 2 has every tier for both
channels and every status. Every figure in tests/golden_reports/report.md follows from these rows.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import sqlite_utils

from reports.store import Store

HOSTILE_NAME = "<script>alert('x')</script> Speelgoed | Land"

SHOPS = [
    # id, name, category, rank, country
    ("boekenhoek.nl", "Boekenhoek", "Books", 1, "NL"),
    ("fietsplaza.nl", "Fietsplaza", "Sport", 2, "NL"),
    ("modehuis.nl", "Modehuis", "Fashion", 3, "NL"),
    ("tuinwereld.be", "Tuinwereld", "Garden", 4, "BE"),
    ("elektromax.de", "ElektroMax", "Electronics", 5, "DE"),
    ("speelgoedland.nl", HOSTILE_NAME, "Toys", 6, "NL"),
    ("nieuwewinkel.nl", "Nieuwe Winkel", "Home", 7, "NL"),
    ("schoenenshop.nl", "Schoenenshop", "Fashion", 8, "NL"),
    ("kapotshop.nl", "Kapotshop", "Home", 9, "NL"),
    ("geheimshop.nl", "Geheimshop", "Electronics", 10, "NL"),
    ("foutje.nl", "Foutje", "Toys", 11, "NL"),
    ("oudewinkel.nl", "Oude Winkel", "Books", 12, "NL"),
]

REASON_SENTENCES = {
    "phone_not_found": "No phone number was found on any crawled page.",
    "phone_legal_only": "The phone number appears only in legal documents (terms, privacy, imprint).",
    "phone_chat_only": "No phone number is published; only a chat widget is offered.",
    "phone_extra_cost": "The phone number offered is an extra-cost number.",
    "email_not_found": "No e-mail address was found on any crawled page.",
    "email_legal_only": "The e-mail address appears only in legal documents (terms, privacy, imprint).",
    "email_chat_only": "No e-mail address is published; only a chat widget is offered.",
    "email_too_deep": "The e-mail address is more than 2 clicks from the homepage.",
    "email_form_only": "Only a contact form is offered instead of an e-mail address.",
}


def _ok(
    phone: tuple | None,
    email: tuple | None,
    *,
    chat: list[str] = (),
    form: bool = False,
    compliant: bool,
    codes: list[str] = (),
) -> dict:
    """phone/email: (tier, clicks, value, evidence url) or (tier,) for chat_only/not_found."""
    row = {"status": "ok", "status_reason": None}
    for channel, spec in (("phone", phone), ("email", email)):
        tier, clicks, value, _url = (*spec, None, None, None)[:4]
        row[f"{channel}_tier"] = tier
        row[f"{channel}_clicks"] = clicks
        row[f"{channel}_value"] = value
    row["phone_type"] = None
    row.update(
        chat_present=int(bool(chat)),
        chat_vendors=json.dumps(list(chat)),
        contact_form=int(form),
        compliant=int(compliant),
        reasons=json.dumps([REASON_SENTENCES[c] for c in codes]),
        reason_codes=json.dumps(list(codes)),
    )
    return row


def _not_ok(status: str, reason: str) -> dict:
    return {
        "status": status,
        "status_reason": reason,
        "phone_tier": None,
        "phone_clicks": None,
        "phone_value": None,
        "phone_type": None,
        "email_tier": None,
        "email_clicks": None,
        "email_value": None,
        "chat_present": None,
        "chat_vendors": "[]",
        "contact_form": None,
        "compliant": None,
        "reasons": "[]",
        "reason_codes": "[]",
    }


BOEKEN = _ok(
    ("homepage", 0, "+31201234567", "https://boekenhoek.nl/"),
    ("homepage", 0, "info@boekenhoek.nl", "https://boekenhoek.nl/"),
    compliant=True,
)
TUIN = _ok(
    ("other_page", 2, "+3292345678", "https://tuinwereld.be/verzending"),
    ("chat_only",),
    chat=["zendesk"],
    compliant=False,
    codes=["email_chat_only"],
)
ELEKTRO = _ok(
    ("not_found",),
    ("not_found",),
    form=True,
    compliant=False,
    codes=["phone_not_found", "email_form_only"],
)
SPEEL = _ok(
    ("homepage", 0, "+319001234567", "https://speelgoedland.nl/"),
    ("legal_only", 2, "info@speelgoedland.nl", "https://speelgoedland.nl/voorwaarden?a=1&b=<x>"),
    compliant=False,
    codes=["phone_extra_cost", "email_legal_only"],
)
SPEEL["phone_type"] = "premium_rate"

RESULTS = {
    1: {
        "boekenhoek.nl": BOEKEN,
        "fietsplaza.nl": _ok(
            ("legal_only", 2, "+31301234567"),
            ("contact_page", 1, "service@fietsplaza.nl"),
            form=True,
            compliant=False,
            codes=["phone_legal_only"],
        ),
        "modehuis.nl": _ok(
            ("homepage", 0, "+31881234567"),
            ("contact_page", 1, "klantenservice@modehuis.nl"),
            compliant=True,
        ),
        "tuinwereld.be": TUIN,
        "elektromax.de": ELEKTRO,
        "speelgoedland.nl": SPEEL,
        "schoenenshop.nl": _ok(
            ("contact_page", 1, "+31401234567"),
            ("contact_page", 1, "hulp@schoenenshop.nl"),
            compliant=True,
        ),
        "kapotshop.nl": _not_ok("unreachable", "DNS lookup failed for kapotshop.nl."),
        "geheimshop.nl": _not_ok("robots_disallowed", "robots.txt disallows the homepage."),
        "oudewinkel.nl": _ok(
            ("homepage", 0, "+31501234567"),
            ("homepage", 0, "post@oudewinkel.nl"),
            compliant=True,
        ),
    },
    2: {
        "boekenhoek.nl": BOEKEN,
        "fietsplaza.nl": _ok(
            ("contact_page", 1, "+31301234567"),
            ("contact_page", 1, "service@fietsplaza.nl"),
            form=True,
            compliant=True,
        ),
        "modehuis.nl": _ok(
            ("chat_only",),
            ("contact_page", 1, "klantenservice@modehuis.nl"),
            chat=["intercom", "whatsapp"],
            compliant=False,
            codes=["phone_chat_only"],
        ),
        "tuinwereld.be": TUIN,
        "elektromax.de": ELEKTRO,
        "speelgoedland.nl": SPEEL,
        "nieuwewinkel.nl": _ok(
            ("legal_only", 3, "+31851234567"),
            ("other_page", 3, "hallo@nieuwewinkel.nl"),
            compliant=False,
            codes=["phone_legal_only", "email_too_deep"],
        ),
        "schoenenshop.nl": _not_ok("blocked", "HTTP 403 on the homepage (bot wall)."),
        "kapotshop.nl": _not_ok("unreachable", "DNS lookup failed for kapotshop.nl."),
        "geheimshop.nl": _not_ok("robots_disallowed", "robots.txt disallows the homepage."),
        "foutje.nl": _not_ok("error", "The homepage timed out after 3 retries."),
    },
    3: {
        "boekenhoek.nl": BOEKEN,
    },
}

# Where each best value was seen: (run, shop, channel, value, url, clicks). Values are also seen on a
# deeper page, so the evidence link must be the page at the fewest clicks.
PAGE_URLS = {
    "boekenhoek.nl": {"phone": "https://boekenhoek.nl/", "email": "https://boekenhoek.nl/"},
    "fietsplaza.nl": {"phone": "https://fietsplaza.nl/contact", "email": "https://fietsplaza.nl/contact"},
    "modehuis.nl": {"phone": "https://modehuis.nl/", "email": "https://modehuis.nl/klantenservice"},
    "tuinwereld.be": {"phone": "https://tuinwereld.be/verzending"},
    "speelgoedland.nl": {
        "phone": "https://speelgoedland.nl/",
        "email": "https://speelgoedland.nl/voorwaarden?a=1&b=<x>",
    },
    "nieuwewinkel.nl": {
        "phone": "https://nieuwewinkel.nl/algemene-voorwaarden",
        "email": "https://nieuwewinkel.nl/over/ons/team",
    },
    "schoenenshop.nl": {
        "phone": "https://schoenenshop.nl/contact",
        "email": "https://schoenenshop.nl/contact",
    },
    "oudewinkel.nl": {"phone": "https://oudewinkel.nl/", "email": "https://oudewinkel.nl/"},
}
# the first run's fietsplaza phone sat in the terms
RUN1_OVERRIDES = {("fietsplaza.nl", "phone"): "https://fietsplaza.nl/voorwaarden"}


def _finding(run_id: int, shop_id: str, channel: str, value: str, url: str, clicks: int, **extra) -> dict:
    fid = hashlib.sha1(f"{run_id}|{shop_id}|{channel}|{value}|{url}".encode()).hexdigest()
    row = {
        "id": fid,
        "run_id": run_id,
        "shop_id": shop_id,
        "channel": channel,
        "value": value,
        "raw": value,
        "url": url,
        "clicks": clicks,
        "page_kind": "other",
        "region": "main",
        "source": "text",
        "visible": 1,
        "third_party": 0,
        "phone_type": None,
        "flags": "[]",
        "vendor": None,
        "context": "",
        "tier": None,
    }
    row.update(extra)
    return row


# Run settings as the crawler records them: the crawl depth and the verdict rule are separate keys.
RUN_SETTINGS = {
    "max_pages": 30,
    "crawl_max_clicks": 3,
    "verdict_rule": {
        "max_clicks": 2,
        "accepted_tiers": ["homepage", "contact_page", "other_page"],
        "email_form_is_enough": False,
        "reject_extra_cost": True,
    },
}


def make_report_db(path: str | Path) -> Path:
    """Write the fixed database to `path` (which must not exist) and return the path."""
    path = Path(path)
    Store(path).close()  # the real schema, views and migrations; rows go in directly below
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    db["runs"].insert_all(
        [
            {
                "id": 1,
                "started_at": "2025-03-01T08:00:00Z",
                "finished_at": "2025-03-01T09:30:00Z",
                "status": "finished",
                "shop_list": "shops.csv",
                "shop_list_sha256": "a" * 64,
                "shops_total": 10,
                "settings": json.dumps(RUN_SETTINGS),
                "tool_version": "0.1.0",
                "python_version": "3.11.2",
                "scrapy_version": "2.19.0",
                "phonenumbers_version": "9.0.0",
                "stats": "{}",
            },
            {
                "id": 2,
                "started_at": "2025-06-01T08:00:00Z",
                "finished_at": "2025-06-01T09:45:00Z",
                "status": "finished",
                "shop_list": "shops.csv",
                "shop_list_sha256": "b" * 64,
                "shops_total": 11,
                "settings": json.dumps(RUN_SETTINGS),
                "tool_version": "0.1.0",
                "python_version": "3.11.2",
                "scrapy_version": "2.19.0",
                "phonenumbers_version": "9.0.0",
                "stats": "{}",
            },
            {
                "id": 3,
                "started_at": "2025-07-01T08:00:00Z",
                "finished_at": None,
                "status": "interrupted",
                "shop_list": "shops.csv",
                "shop_list_sha256": "b" * 64,
                "shops_total": 11,
                "settings": "{}",
                "tool_version": "0.1.0",
                "python_version": "3.11.2",
                "scrapy_version": "2.19.0",
                "phonenumbers_version": "9.0.0",
                "stats": "{}",
            },
        ],
        pk="id",
    )
    db["shops"].insert_all(
        [
            {"id": i, "name": n, "url": f"https://{i}/", "rank": r, "category": c, "country": co}
            for i, n, c, r, co in SHOPS
        ],
        pk="id",
    )
    results, findings = [], []
    for run_id, shops in RESULTS.items():
        for shop_id, res in shops.items():
            row = {"run_id": run_id, "shop_id": shop_id, **res}
            row.update(
                homepage=f"https://{shop_id}/" if res["status"] == "ok" else None,
                pages_crawled=12 if res["status"] == "ok" else 0,
                requests=14 if res["status"] == "ok" else 1,
                duration_s=3.5,
                finished_at="2025-06-01T09:00:00Z",
            )
            results.append(row)
            for channel in ("phone", "email"):
                value = res[f"{channel}_value"]
                if not value:
                    continue
                url = RUN1_OVERRIDES.get((shop_id, channel)) if run_id == 1 else None
                url = url or PAGE_URLS[shop_id][channel]
                clicks = res[f"{channel}_clicks"]
                findings.append(
                    _finding(run_id, shop_id, channel, value, url, clicks, tier=res[f"{channel}_tier"])
                )
                # the same value seen again deeper in the site
                findings.append(
                    _finding(run_id, shop_id, channel, value, f"https://{shop_id}/deep/page", clicks + 2)
                )
            for vendor in json.loads(res["chat_vendors"]):
                findings.append(
                    _finding(run_id, shop_id, "chat", vendor, f"https://{shop_id}/", 0, vendor=vendor)
                )
    # a third-party number on a page of elektromax: must never become its evidence
    findings.append(
        _finding(2, "elektromax.de", "phone", "+31703705555", "https://elektromax.de/agb", 1, third_party=1)
    )
    db["results"].insert_all(results, pk=("run_id", "shop_id"))
    db["findings"].insert_all(findings, pk="id")
    db.conn.close()
    return path
