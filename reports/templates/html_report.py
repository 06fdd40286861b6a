"""The self-contained HTML report: inline CSS, inline SVG charts, no scripts, no external resources.

Every value from the database passes through `_e` (HTML escaping); links are made only for
http(s) evidence URLs, so a hostile shop name or URL stays inert text.
"""

from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from reports import charts
from reports.report import TIER_LABELS, TIERS, Comparison, ReportData, ShopResult
from reports.templates import text

LINK_SCHEMES = ("http", "https")
SHOP_COLUMNS = ("shop", "cat", "status", "phone", "email", "chat", "verdict", "reasons", "evidence")


def _e(value: object) -> str:
    return escape(str(value), quote=True)


@cache
def _css() -> str:
    return Path(__file__).with_name("report.css").read_text(encoding="utf-8")


OWNER_LABELS = {"third_party": "someone else's", "unknown": "nothing ties it to the shop"}
MAX_NOT_CREDITED = 6


def _evidence_link(label: str, url: str) -> str:
    """A link to a shop page when the URL is http(s), otherwise the URL as plain text."""
    parts = urlsplit(url)
    shown = f"{label}: {parts.path or '/'}" + ("?…" if parts.query else "")
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return f'<span class="value">{_e(label)}: {_e(url)}</span>'
    return f'<a href="{_e(url)}" rel="nofollow noopener noreferrer" title="{_e(url)}">{_e(shown)}</a>'


def _header(data: ReportData) -> str:
    run = data.run
    h = data.headline
    return (
        '<header class="report">'
        f'<p class="kicker">bereikbaar report · run {_e(run["id"])} · {_e(data.db_name)}</p>'
        f"<h1>{_e(text.REPORT_TITLE)}</h1>"
        f'<p class="meta">Crawl started {_e(run.get("started_at") or "?")}, status {_e(run.get("status") or "?")}. '
        f"{_e(h.total)} shops, {_e(h.assessed)} assessed, {_e(h.not_assessed_total)} could not be assessed.</p>"
        "</header>"
    )


def _cards(data: ReportData) -> str:
    h = data.headline
    n = h.assessed
    cards = [
        ("ok", h.compliant, n, "comply: phone and e-mail reachable"),
        ("bad", h.no_phone, n, "show no phone number on an ordinary page"),
        ("bad", h.phone_tiers["legal_only"], n, "hide the phone number in legal documents"),
        ("bad", h.phone_tiers["chat_only"], n, "offer only chat instead of a phone number"),
        ("na", h.not_assessed_total, h.total, "could not be assessed"),
    ]
    out = ['<div class="cards">']
    for cls, num, of, what in cards:
        out.append(
            f'<div class="card {cls}"><div class="num">{_e(num)} <span class="of">of {_e(of)}</span></div> '
            f'<div class="what">{_e(what)}</div></div>'
        )
    out.append("</div>")
    return "".join(out)


def _headline(data: ReportData) -> str:
    rows = "".join(
        f'<tr><td>{_e(label)}</td><td class="num">{_e(n)}</td><td class="num">{_e(of)}</td>'
        f'<td class="num">{_e(text.share(n, of))}</td></tr>'
        for label, n, of in text.headline_rows(data)
    )
    sentences = "".join(f"<li>{_e(s)}</li>" for s in text.headline_sentences(data))
    return (
        '<section id="headline"><h2>Headline</h2>'
        + _cards(data)
        + f'<ul class="sentences">{sentences}</ul>'
        + '<table class="figures"><thead><tr><th>Figure</th><th class="num">Shops</th><th class="num">Out of</th>'
        + f'<th class="num">Share</th></tr></thead><tbody>{rows}</tbody></table></section>'
    )


def _tier_chart(data: ReportData, channel: str) -> str:
    counts = data.headline.phone_tiers if channel == "phone" else data.headline.email_tiers
    label = "Phone number" if channel == "phone" else "E-mail address"
    bars = [charts.Bar(TIER_LABELS[t], counts[t], charts.TIER_COLOURS[t]) for t in TIERS]
    svg = charts.bar_chart(
        f"chart-{channel}-tiers",
        f"{label}: where it is found, {data.headline.assessed} assessed shops",
        bars,
        total=data.headline.assessed,
    )
    return f"<figure><figcaption>{_e(label)}: where it is found</figcaption>{svg}</figure>"


def _charts(data: ReportData) -> str:
    legend = [charts.Bar(name, 0, colour) for name, colour in charts.VERDICT_COLOURS.items()]
    rows = [
        charts.StackedRow(
            cat,
            [
                charts.Bar("complies", ok, charts.VERDICT_COLOURS["complies"]),
                charts.Bar("does not comply", bad, charts.VERDICT_COLOURS["does not comply"]),
                charts.Bar("not assessed", na, charts.VERDICT_COLOURS["not assessed"]),
            ],
            note=f"{ok} of {ok + bad} comply" + (f", {na} not assessed" if na else ""),
        )
        for cat, ok, bad, na in text.category_verdicts(data)
    ]
    parts = [
        '<section id="charts"><h2>Charts</h2><div class="charts">',
        _tier_chart(data, "phone"),
        _tier_chart(data, "email"),
        '<figure class="wide"><figcaption>Verdict by category</figcaption>',
        charts.stacked_bar_chart("chart-categories", "Verdict by category (shops)", rows, legend),
        "</figure>",
    ]
    history = text.history_rows(data)
    if len(history) > 1:
        svg = charts.column_chart("chart-runs", "Share of assessed shops that comply, per run", history)
        parts.append(f'<figure class="wide"><figcaption>Compliance over runs</figcaption>{svg}</figure>')
    parts.append("</div></section>")
    return "".join(parts)


def _shop_list(shops: list[ShopResult]) -> str:
    return ", ".join(_e(s.name) for s in shops) or "none"


def _comparison(comp: Comparison, data: ReportData) -> str:
    old = comp.old_run

    def changes(items: list, cls: str) -> str:
        if not items:
            return "<p>None.</p>"
        lis = "".join(
            f'<li><span class="{cls}">{_e(c.new.name)}</span>: {_e("; ".join(c.details))}</li>' for c in items
        )
        return f'<ul class="changes">{lis}</ul>'

    return (
        f'<section id="changes"><h2>Changes since run {_e(old["id"])}</h2>'
        f"<p>Run {_e(old['id'])} (started {_e(old.get('started_at') or '?')}) compared with run "
        f"{_e(data.run['id'])}. Tier order: {_e(text.TIER_ORDER_TEXT)}; fewer clicks "
        f"within a tier also counts as better. {_e(comp.unchanged)} assessed shops did not change.</p>"
        f"<h3>Improved ({len(comp.improved)})</h3>{changes(comp.improved, 'up')}"
        f"<h3>Got worse ({len(comp.worse)})</h3>{changes(comp.worse, 'down')}"
        + (f"<h3>Mixed ({len(comp.mixed)})</h3>{changes(comp.mixed, '')}" if comp.mixed else "")
        + "<ul>"
        f"<li>Now comply: {_shop_list(comp.now_compliant)}</li>"
        f"<li>No longer comply: {_shop_list(comp.no_longer_compliant)}</li>"
        f"<li>New shops: {_shop_list(comp.new_shops)}</li>"
        f"<li>Missing from this run: {_shop_list(comp.missing_shops)}</li>"
        f"<li>Assessed before, not assessed now: {_shop_list(comp.no_longer_assessed)}</li>"
        f"<li>Not assessed before, assessed now: {_shop_list(comp.newly_assessed)}</li>"
        "</ul></section>"
    )


def _channel_cell(shop: ShopResult, channel: str) -> str:
    if not shop.assessed:
        return "<td>–</td>"
    tier = getattr(shop, f"{channel}_tier")
    clicks = getattr(shop, f"{channel}_clicks")
    value = getattr(shop, f"{channel}_value")
    out = (
        f'<td data-tier="{_e(tier or "")}"><span class="tier">{_e(TIER_LABELS.get(tier or "", tier or "?"))}'
    )
    if value and clicks is not None:
        out += f", {_e(text.plural(clicks, 'click', 'clicks'))}"
    out += "</span>"
    if value:
        out += f' <span class="value">{_e(value)}</span>'
    if channel == "phone" and shop.phone_type and shop.phone_type not in ("unknown", "fixed_line", "mobile"):
        out += f' <span class="shop-id">{_e(shop.phone_type.replace("_", " "))}</span>'
    return out + "</td>"


def _shop_row(shop: ShopResult) -> str:
    verdict_cls = shop.verdict.replace(" ", "-")
    status = "ok" if shop.assessed else text.STATUS_SHORT.get(shop.status, shop.status)
    reasons = "".join(f"<li>{_e(r)}</li>" for r in text.reasons_text(shop))
    evidence = "".join(
        _evidence_link(label, shop.evidence[ch])
        for ch, label in (("phone", "phone"), ("email", "e-mail"))
        if ch in shop.evidence
    )
    if shop.not_credited:
        items = "".join(
            f"<li>{_e(value)} ({_e(OWNER_LABELS.get(owner, owner))}): {_e(reason)}</li>"
            for _channel, value, owner, reason in shop.not_credited[:MAX_NOT_CREDITED]
        )
        more = len(shop.not_credited) - MAX_NOT_CREDITED
        items += f"<li>… and {more} more (Datasette: findings)</li>" if more > 0 else ""
        evidence += (
            f'<details class="not-credited"><summary>{len(shop.not_credited)} not credited</summary>'
            f"<ul>{items}</ul></details>"
        )
    chat = ", ".join(shop.chat_vendors) or ("–" if not shop.assessed else "none")
    row_cls = "assessed" if shop.assessed else "not-assessed"
    return (
        f'<tr class="{row_cls}" data-shop="{_e(shop.id)}">'
        f'<td><div class="shop-name">{_e(shop.name)}</div> <div class="shop-id">{_e(shop.id)}</div></td>'
        f"<td>{_e(shop.category)}</td><td>{_e(status)}</td>"
        f"{_channel_cell(shop, 'phone')}{_channel_cell(shop, 'email')}<td>{_e(chat)}</td>"
        f'<td><span class="verdict {_e(verdict_cls)}">{_e(shop.verdict)}</span></td>'
        f"<td>{'<ul>' + reasons + '</ul>' if reasons else ''}</td>"
        f'<td class="evidence">{evidence}</td></tr>'
    )


def _shops(data: ReportData) -> str:
    head = "".join(
        f"<th>{h}</th>"
        for h in ("Shop", "Category", "Status", "Phone", "E-mail", "Chat", "Verdict", "Reasons", "Evidence")
    )
    rows = "".join(_shop_row(s) for s in data.shops)
    cols = "<colgroup>" + "".join(f'<col class="c-{c}">' for c in SHOP_COLUMNS) + "</colgroup>"
    return (
        '<section id="shops"><h2>Shop by shop</h2>'
        "<p>Tier and clicks from the homepage for the best place each channel was found; the evidence "
        "links open the page where it was seen.</p>"
        f'<table class="shops">{cols}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>'
    )


def _shared(data: ReportData) -> str:
    if not data.shared_values:
        return ""
    rows = "".join(
        f'<tr><td>{_e(v["value"])}</td><td>{_e(v["channel"])}</td><td class="num">{_e(v["unrelated_shops"])}</td>'
        f"<td>{_e(', '.join(v['shop_ids'][:12]))}</td></tr>"
        for v in data.shared_values
    )
    return (
        f'<section id="shared"><h2>Contact details shared by unrelated shops</h2><p>{_e(text.SHARED_INTRO)}</p>'
        "<table><thead><tr><th>Value</th><th>Channel</th><th>Unrelated shops</th><th>Shops</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _method(data: ReportData) -> str:
    tiers = "".join(
        f"<tr><td>{_e(TIER_LABELS[t])}</td><td>{_e(meaning)}</td></tr>" for t, meaning in text.TIER_MEANINGS
    )
    facts = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in text.run_facts(data))
    return (
        '<section id="method"><h2>Method</h2>'
        "<h3>Tiers</h3><p>Each channel (phone, e-mail) gets the best tier where it was found, plus the fewest "
        "link clicks from the homepage to that page (homepage = 0).</p>"
        f"<table><thead><tr><th>Tier</th><th>Meaning</th></tr></thead><tbody>{tiers}</tbody></table>"
        f"<h3>The {_e(data.max_clicks)}-click rule</h3><p>{_e(text.rule_text(data.max_clicks))}</p>"
        f"<h3>Legal basis</h3><p>{_e(text.LEGAL_BASIS)}</p>"
        f"<h3>Whose contact detail is it</h3><p>{_e(text.ATTRIBUTION)}</p>"
        f"<h3>What “not assessed” means</h3><p>{_e(text.NOT_ASSESSED)}</p>"
        f"<h3>Limits</h3><p>{_e(text.LIMITS)}</p>"
        f'<h3>This run</h3><dl class="facts">{facts}</dl></section>'
    )


def render_html(data: ReportData) -> str:
    """The whole report as one HTML document."""
    body = [
        _header(data),
        _headline(data),
        _charts(data),
        _comparison(data.comparison, data) if data.comparison else "",
        _shops(data),
        _shared(data),
        _method(data),
        f"<footer>Generated {_e(data.generated_at)} by bereikbaar from {_e(data.db_name)}.</footer>",
    ]
    title = f"{text.REPORT_TITLE} — bereikbaar run {data.run['id']}"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>\n{_css()}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(part for part in body if part)
        + "\n</main>\n</body>\n</html>\n"
    )
