"""The Markdown report: the same sections as the HTML one, charts given as tables.

Every value from the database goes through `_md` (Markdown/HTML metacharacters and pipes escaped,
line breaks flattened), and link targets through `_url`.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from reports.report import TIER_LABELS, TIERS, Comparison, ReportData, ShopResult
from reports.templates import text

# Characters that Markdown (or HTML inside Markdown) would interpret; each gets a backslash or an entity.
MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")
HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _md(value: object) -> str:
    """Escape a value for use inside Markdown text or a table cell."""
    s = " ".join(str(value).split())
    s = "".join(HTML_ENTITIES.get(ch, ch) for ch in s)
    return MD_SPECIAL.sub(r"\\\1", s)


def _url(url: str) -> str | None:
    """A link target safe inside (...), or None when the URL is not http(s)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~-._").replace("(", "%28").replace(")", "%29")


def _table(header: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    """A Markdown table; cells must already be escaped."""
    align = ["---:" if i in numeric else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _headline(data: ReportData) -> list[str]:
    rows = [[_md(label), str(n), str(of), text.share(n, of)] for label, n, of in text.headline_rows(data)]
    return [
        "## Headline",
        "",
        *[f"- {_md(s)}" for s in text.headline_sentences(data)],
        "",
        _table(["Figure", "Shops", "Out of", "Share"], rows, {1, 2, 3}),
    ]


def _charts(data: ReportData) -> list[str]:
    h = data.headline
    tier_rows = [
        [
            _md(TIER_LABELS[t]),
            str(h.phone_tiers[t]),
            text.share(h.phone_tiers[t], h.assessed),
            str(h.email_tiers[t]),
            text.share(h.email_tiers[t], h.assessed),
        ]
        for t in TIERS
    ]
    cat_rows = [[_md(cat), str(ok), str(bad), str(na)] for cat, ok, bad, na in text.category_verdicts(data)]
    out = [
        "## Charts",
        "",
        f"### Where the phone number and e-mail address are found ({h.assessed} assessed shops)",
        "",
        _table(["Tier", "Phone", "Share", "E-mail", "Share"], tier_rows, {1, 2, 3, 4}),
        "",
        "### Verdict by category",
        "",
        _table(["Category", "Comply", "Do not comply", "Not assessed"], cat_rows, {1, 2, 3}),
    ]
    history = text.history_rows(data)
    if len(history) > 1:
        run_rows = [[_md(lab), _md(day), str(ok), str(n), text.share(ok, n)] for lab, day, ok, n in history]
        out += [
            "",
            "### Compliance over runs",
            "",
            _table(["Run", "Started", "Comply", "Assessed", "Share"], run_rows, {2, 3, 4}),
        ]
    return out


def _names(shops: list[ShopResult]) -> str:
    return ", ".join(_md(s.name) for s in shops) or "none"


def _comparison(comp: Comparison, data: ReportData) -> list[str]:
    old = comp.old_run
    out = [
        f"## Changes since run {old['id']}",
        "",
        f"Run {old['id']} (started {_md(old.get('started_at') or '?')}) compared with run {data.run['id']}. "
        f"Tier order: {text.TIER_ORDER_TEXT}; fewer clicks within a tier also counts "
        f"as better. {comp.unchanged} assessed shops did not change.",
    ]
    for title, items in (("Improved", comp.improved), ("Got worse", comp.worse), ("Mixed", comp.mixed)):
        if title == "Mixed" and not items:
            continue
        out += ["", f"### {title} ({len(items)})", ""]
        out += [f"- **{_md(c.new.name)}**: {_md('; '.join(c.details))}" for c in items] or ["None."]
    out += [
        "",
        f"- Now comply: {_names(comp.now_compliant)}",
        f"- No longer comply: {_names(comp.no_longer_compliant)}",
        f"- New shops: {_names(comp.new_shops)}",
        f"- Missing from this run: {_names(comp.missing_shops)}",
        f"- Assessed before, not assessed now: {_names(comp.no_longer_assessed)}",
        f"- Not assessed before, assessed now: {_names(comp.newly_assessed)}",
    ]
    return out


def _evidence(shop: ShopResult) -> str:
    links = []
    for channel, label in (("phone", "phone"), ("email", "e-mail")):
        url = shop.evidence.get(channel)
        if not url:
            continue
        target = _url(url)
        links.append(f"[{label}]({target})" if target else f"{label}: {_md(url)}")
    if shop.not_credited:
        others = ", ".join(
            _md(f"{value} ({'third party' if owner == 'third_party' else 'unknown'})")
            for _channel, value, owner, _reason in shop.not_credited[:4]
        )
        more = f" and {len(shop.not_credited) - 4} more" if len(shop.not_credited) > 4 else ""
        links.append(f"not credited: {others}{more}")
    return "<br>".join(links)


def _shops(data: ReportData) -> list[str]:
    rows = []
    for s in data.shops:
        rows.append(
            [
                f"{_md(s.name)} ({_md(s.id)})",
                _md(s.category),
                _md("ok" if s.assessed else text.STATUS_SHORT.get(s.status, s.status)),
                _md(text.channel_text(s, "phone")),
                _md(text.channel_text(s, "email")),
                _md(", ".join(s.chat_vendors) or ("–" if not s.assessed else "none")),
                _md(s.verdict),
                "<br>".join(_md(r) for r in text.reasons_text(s)),
                _evidence(s),
            ]
        )
    header = ["Shop", "Category", "Status", "Phone", "E-mail", "Chat", "Verdict", "Reasons", "Evidence"]
    return ["## Shop by shop", "", _table(header, rows)]


def _shared(data: ReportData) -> list[str]:
    if not data.shared_values:
        return []
    rows = [
        [_md(v["value"]), _md(v["channel"]), str(v["unrelated_shops"]), _md(", ".join(v["shop_ids"][:12]))]
        for v in data.shared_values
    ]
    header = ["Value", "Channel", "Unrelated shops", "Shops"]
    return ["## Contact details shared by unrelated shops", "", _md(text.SHARED_INTRO), "",
            _table(header, rows, numeric={2}), ""]  # fmt: skip


def _method(data: ReportData) -> list[str]:
    tiers = [[_md(TIER_LABELS[t]), _md(m)] for t, m in text.TIER_MEANINGS]
    return [
        "## Method",
        "",
        "Each channel (phone, e-mail) gets the best tier where it was found, plus the fewest link clicks "
        "from the homepage to that page (homepage = 0).",
        "",
        _table(["Tier", "Meaning"], tiers),
        "",
        f"### The {data.max_clicks}-click rule",
        "",
        _md(text.rule_text(data.max_clicks)),
        "",
        "### Legal basis",
        "",
        _md(text.LEGAL_BASIS),
        "",
        "### Whose contact detail is it",
        "",
        _md(text.ATTRIBUTION),
        "",
        "### What “not assessed” means",
        "",
        _md(text.NOT_ASSESSED),
        "",
        "### Limits",
        "",
        _md(text.LIMITS),
        "",
        "### This run",
        "",
        *[f"- {_md(k)}: {_md(v)}" for k, v in text.run_facts(data)],
    ]


def render_markdown(data: ReportData) -> str:
    """The whole report as one Markdown document."""
    h = data.headline
    lines = [
        f"# {_md(text.REPORT_TITLE)}",
        "",
        f"bereikbaar report, run {data.run['id']} of {_md(data.db_name)}: crawl started "
        f"{_md(data.run.get('started_at') or '?')}, status {_md(data.run.get('status') or '?')}. "
        f"{h.total} shops, {h.assessed} assessed, {h.not_assessed_total} could not be assessed.",
        "",
        *_headline(data),
        "",
        *_charts(data),
        "",
    ]
    if data.comparison:
        lines += [*_comparison(data.comparison, data), ""]
    lines += [
        *_shops(data),
        "",
        *_shared(data),
        *_method(data),
        "",
        f"Generated {_md(data.generated_at)} by bereikbaar.",
        "",
    ]
    return "\n".join(lines)
