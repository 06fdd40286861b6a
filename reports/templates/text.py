"""The words of the report, shared by the HTML and Markdown renderers (plain text, not yet escaped)."""

from __future__ import annotations

from reports.report import STATUS_LABELS, TIER_LABELS, TIERS, ReportData, ShopResult

REPORT_TITLE = "Can customers reach these webshops?"
STATUS_SHORT = {
    "unreachable": "unreachable",
    "blocked": "blocked the crawler",
    "robots_disallowed": "disallowed by robots.txt",
    "error": "crawl error",
}
TIER_ORDER_TEXT = " > ".join(TIER_LABELS[t] for t in TIERS)

TIER_MEANINGS = (
    ("homepage", "visible on the landing page (header, body or footer)"),
    ("contact_page", "visible on a contact or customer-service page"),
    ("other_page", "visible on another ordinary page (FAQ, about us, shipping, ...)"),
    (
        "legal_only",
        "only inside legal documents: terms and conditions, privacy statement, imprint (HTML or PDF)",
    ),
    ("chat_only", "not published on any crawled page, but a live chat or messaging widget is offered"),
    ("not_found", "none of the above"),
)

LEGAL_BASIS = (
    "Since 28 May 2022 a trader who sells at a distance must give consumers a telephone number and an "
    "e-mail address: Consumer Rights Directive 2011/83/EU art. 6(1)(c) as amended by the Omnibus "
    "Directive (EU) 2019/2161, in Dutch law art. 6:230m BW. Chat, web forms and WhatsApp may be offered "
    "in addition, not instead. The information must be given in a clear and comprehensible manner, and a "
    "call about a concluded contract may not cost more than the basic rate (CRD art. 21, art. 6:230k BW)."
)

NOT_ASSESSED = (
    "A shop is 'not assessed' when the crawler could not look at it: the site did not answer "
    "(unreachable), refused the crawler (blocked: HTTP 403/429 or a bot wall), asked crawlers to stay "
    "away in robots.txt (we obey it), or the crawl failed (error). Such shops are left out of every "
    "figure and percentage: 'we could not look' never counts as 'they have none'."
)

ATTRIBUTION = (
    "Every phone number and e-mail address gets an owner with its evidence: the shop's own (on its "
    "homepage, contact page, header or footer; an e-mail on the shop's domain or on a domain its own name "
    "spells; in the block with its KvK/VAT number; first-person wording such as 'bel ons'), someone else's "
    "(the sentence or address block names another organisation, recognised by its legal form or an "
    "institution word such as Stichting, B.V., GmbH, commissie, ombudsman, Schlichtungsstelle; wording "
    "about disputes, complaints, supervision, payment or delivery by another party), or unknown. Only the "
    "shop's own values set a tier. A value found only in terms, privacy statements or imprints needs "
    "positive evidence; without it, it is kept as 'unknown' and counts for nothing. A value shown by "
    "3 or more unrelated shops of a run (different domains and different registration numbers) belongs to "
    "none of them."
)

SHARED_INTRO = (
    "Phone numbers and e-mail addresses that 3 or more unrelated shops of this run show. They belong to "
    "none of these shops (a disputes body, a payment provider, a theme's demo number) and were not "
    "credited to any of them."
)

LIMITS = (
    "The crawler reads the HTML, plain text and PDF files the shop's server sends; it does not run "
    "JavaScript. A phone number or chat widget that only appears after scripts run is not seen, so "
    "'not found' means 'not found on the pages crawled, as delivered by the server'. Values seen only in "
    "invisible data (JSON-LD, meta tags, comments, a bare tel: link) are recorded but do not set a tier. "
    "Each shop is crawled within a page budget, following the links most likely to lead to contact and "
    "legal pages first."
)


def plural(n: int, one: str, many: str) -> str:
    """'1 click', '2 clicks'; also verbs: plural(1, 'hides', 'hide') -> '1 hides'."""
    return f"{n} {one if n == 1 else many}"


def rule_text(max_clicks: int) -> str:
    return (
        f"A shop complies when both its phone number and its e-mail address are visible on the homepage, a "
        f"contact page or another ordinary page, at most {max_clicks} clicks from the homepage; the e-mail "
        f"address is a real address (a contact form does not replace it); and no phone number offered costs "
        f"extra. The two-click rule comes from the German standard for the Impressum (BGH I ZR 228/03); the "
        f"Consumentenbond found compliant shops reached both in 1.7 clicks on average (2023)."
    )


def clicks_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def headline_sentences(data: ReportData) -> list[str]:
    """The study-style sentences: 'x of N shops show no phone number; ...'."""
    h = data.headline
    n = h.assessed
    out: list[str] = []
    if n == 0:
        out.append(f"No shop could be assessed in run {data.run['id']}.")
    else:
        p, e = h.phone_tiers, h.email_tiers
        out.append(
            f"{h.compliant} of {n} assessed shops {'complies' if h.compliant == 1 else 'comply'}: phone number "
            f"and e-mail address on an ordinary page within {data.max_clicks} clicks of the homepage, a real "
            "e-mail address and no extra-cost number."
        )
        out.append(
            f"{h.no_phone} of {n} {'shows' if h.no_phone == 1 else 'show'} no phone number on an ordinary page: "
            f"{plural(p['legal_only'], 'hides', 'hide')} it in the terms and conditions or other legal documents, "
            f"{plural(p['chat_only'], 'offers', 'offer')} only chat and {plural(p['not_found'], 'publishes', 'publish')} "
            "none at all."
        )
        out.append(
            f"{h.no_email} of {n} {'shows' if h.no_email == 1 else 'show'} no e-mail address on an ordinary page: "
            f"{plural(e['legal_only'], 'gives', 'give')} it only in legal documents, "
            f"{plural(e['chat_only'], 'offers', 'offer')} only chat and {plural(e['not_found'], 'publishes', 'publish')} "
            f"none at all; {plural(h.form_only, 'offers', 'offer')} a contact form instead of an e-mail address."
        )
        if h.extra_cost:
            out.append(
                f"{h.extra_cost} of {n} {'offers' if h.extra_cost == 1 else 'offer'} an extra-cost phone number."
            )
        out.append(
            f"Where found, the phone number is {clicks_text(h.avg_phone_clicks)} clicks from the homepage on "
            f"average and the e-mail address {clicks_text(h.avg_email_clicks)}; compliant shops show both "
            f"within {clicks_text(h.avg_both_clicks_compliant)} clicks on average."
        )
    if h.not_assessed_total:
        parts = [f"{len(shops)} {STATUS_SHORT.get(st, st)}" for st, shops in h.not_assessed.items()]
        out.append(
            f"{h.not_assessed_total} of {h.total} shops could not be assessed ({'; '.join(parts)}); "
            "they are left out of the figures above."
        )
    else:
        out.append(f"All {h.total} shops in this run could be assessed.")
    return out


def headline_rows(data: ReportData) -> list[tuple[str, int, int]]:
    """(figure, shops, out of) for the headline table."""
    h = data.headline
    n = h.assessed
    return [
        ("Comply (phone and e-mail within the click rule)", h.compliant, n),
        ("No phone number on an ordinary page", h.no_phone, n),
        ("Phone number only in legal documents", h.phone_tiers["legal_only"], n),
        ("Phone: only chat", h.phone_tiers["chat_only"], n),
        ("No phone number at all", h.phone_tiers["not_found"], n),
        (f"Phone number more than {data.max_clicks} clicks from the homepage", h.phone_too_deep, n),
        ("No e-mail address on an ordinary page", h.no_email, n),
        ("E-mail address only in legal documents", h.email_tiers["legal_only"], n),
        (f"E-mail address more than {data.max_clicks} clicks from the homepage", h.email_too_deep, n),
        ("E-mail: contact form instead of an address", h.form_only, n),
        ("Extra-cost phone number", h.extra_cost, n),
        ("Could not be assessed", h.not_assessed_total, h.total),
    ]


def share(part: int, whole: int) -> str:
    """Percentage rounded half up (12.5% -> 13%), as readers expect."""
    return f"{int(100 * part / whole + 0.5)}%" if whole else "–"


def channel_text(shop: ShopResult, channel: str) -> str:
    """'contact page, 1 click: +31301234567' style summary of one channel."""
    if not shop.assessed:
        return "–"
    tier = getattr(shop, f"{channel}_tier")
    clicks = getattr(shop, f"{channel}_clicks")
    value = getattr(shop, f"{channel}_value")
    text = TIER_LABELS.get(tier or "", tier or "unknown")
    if clicks is not None and value:
        text += f", {plural(clicks, 'click', 'clicks')}"
    if value:
        text += f": {value}"
    if channel == "phone" and shop.phone_type and shop.phone_type not in ("unknown", "fixed_line", "mobile"):
        text += f" ({shop.phone_type.replace('_', ' ')})"
    return text


def reasons_text(shop: ShopResult) -> list[str]:
    if not shop.assessed:
        return [shop.status_reason or STATUS_LABELS.get(shop.status, shop.status)]
    return shop.reasons


def run_facts(data: ReportData) -> list[tuple[str, str]]:
    run = data.run
    facts = [
        ("Run", str(run["id"])),
        ("Status", str(run.get("status") or "")),
        ("Started", str(run.get("started_at") or "")),
        ("Finished", str(run.get("finished_at") or "not finished")),
        (
            "Shop list",
            f"{run.get('shop_list') or ''} (sha256 {str(run.get('shop_list_sha256') or '')[:12]}…)",
        ),
        ("Shops", f"{data.headline.total} with a result, {run.get('shops_total')} in the list"),
    ]
    versions = [
        f"{name} {run.get(key)}"
        for name, key in (
            ("bereikbaar", "tool_version"),
            ("Python", "python_version"),
            ("Scrapy", "scrapy_version"),
            ("phonenumbers", "phonenumbers_version"),
        )
        if run.get(key)
    ]
    facts.append(("Software", ", ".join(versions)))
    return facts


def category_verdicts(data: ReportData) -> list[tuple[str, int, int, int]]:
    """(category, comply, do not comply, not assessed) per category, by name."""
    cats: dict[str, list[int]] = {}
    for shop in data.shops:
        row = cats.setdefault(shop.category or "(no category)", [0, 0, 0])
        if not shop.assessed:
            row[2] += 1
        elif shop.compliant:
            row[0] += 1
        else:
            row[1] += 1
    return [(cat, *counts) for cat, counts in sorted(cats.items(), key=lambda kv: kv[0].casefold())]


def history_rows(data: ReportData) -> list[tuple[str, str, int, int]]:
    """(run label, date, compliant, assessed) for the runs up to the reported one."""
    return [
        (
            f"run {p.run_id}" + ("" if p.status == "finished" else f" ({p.status})"),
            p.started_at[:10],
            p.compliant,
            p.assessed,
        )
        for p in data.history
    ]
