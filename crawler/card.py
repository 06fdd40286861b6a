"""The report card `bereikbaar check` prints for a shop owner."""

from __future__ import annotations

from checks.findability import TIER_LABELS, ChannelResult, FoundValue
from crawler.records import ShopOutcome

MAX_NOT_CREDITED = 8
CHANNEL_LABELS = {"phone": "Phone number", "email": "E-mail address"}
SOURCE_LABELS = {
    "tel_link": "a tel: link",
    "mailto": "a mailto: link",
    "text": "the page text",
    "cfemail": "Cloudflare-protected text",
    "deobfuscated": "obfuscated text",
    "pdf": "a PDF",
    "jsonld": "structured data (JSON-LD), invisible to visitors",
    "microdata": "microdata, invisible to visitors",
    "meta": "meta tags, invisible to visitors",
    "script": "a script, invisible to visitors",
    "comment": "an HTML comment, invisible to visitors",
    "href": "a link target with no visible number",
}


def _route(value: FoundValue) -> str:
    if value.clicks == 0:
        return "on the homepage"
    path = " > ".join(f'"{t}"' for t in value.link_texts) if value.link_texts else "?"
    plural = "s" if value.clicks != 1 else ""
    return f"{value.clicks} click{plural} from the homepage, via {path}"


def _value_lines(channel: str, value: FoundValue) -> list[str]:
    kind = f" ({value.type.replace('_', ' ')})" if channel == "phone" and value.type else ""
    lines = [f"    {value.value}{kind}, shown as {value.raw!r}"]
    lines.append(f"      where: {value.url} ({value.page_type}, {value.region}); {_route(value)}")
    lines.append(f"      seen in: {SOURCE_LABELS.get(value.source, value.source)}")
    if value.owner_reason:
        lines.append(f"      whose: {value.owner_reason}")
    if value.flags:
        lines.append(f"      flags: {', '.join(value.flags)}")
    return lines


def _channel_lines(channel: str, result: ChannelResult) -> list[str]:
    label = CHANNEL_LABELS[channel]
    lines = [f"{label}: {TIER_LABELS.get(result.tier, result.tier)}"]
    if result.best is not None:
        lines[0] += f" ({_route(result.best)})"
    for value in result.found[:5]:
        lines += _value_lines(channel, value)
    if len(result.found) > 5:
        lines.append(f"    ... and {len(result.found) - 5} more")
    for title, values in (
        ("Not credited, belongs to someone else", result.third_party),
        ("Not credited, nothing ties it to the shop (it sets no tier)", result.unattributed),
    ):
        if values:
            lines.append(f"  {title}:")
        for value in values[:MAX_NOT_CREDITED]:
            lines.append(
                f"    {value.value} on {value.url} ({value.page_type}): {value.owner_reason or 'third party'}"
            )
        if len(values) > MAX_NOT_CREDITED:
            lines.append(f"    ... and {len(values) - MAX_NOT_CREDITED} more")
    return lines


def _not_assessed(channel: str, lines: list[str], missing: dict | None) -> list[str]:
    """A channel a page we could not read may have changed: never shown as "not found"."""
    if not missing:
        return lines
    head = f"{CHANNEL_LABELS[channel]}: not assessed ({missing['code']})"
    return [head, f"  {missing['reason']}", *lines[1:]]


def render_card(outcome: ShopOutcome) -> str:
    """A readable report card for one checked shop."""
    result = outcome.result
    homepage = result.get("homepage") or outcome.shop.get("url")
    lines = [f"bereikbaar report card: {outcome.shop_id}", f"Homepage: {homepage}"]
    if result["status"] != "ok" or outcome.assessment is None:
        lines += [
            "",
            f"Could not assess this shop ({result['status']}): {result.get('status_reason') or 'unknown reason'}.",
            "We never report 'no phone number' for a shop we could not read.",
        ]
        return "\n".join(lines) + "\n"
    a = outcome.assessment
    lines.append(f"Pages crawled: {result.get('pages_crawled')} ({result.get('requests')} requests)")
    lines.append("")
    for name, channel in (("phone", a.phone), ("email", a.email)):
        lines += _not_assessed(name, _channel_lines(name, channel), outcome.not_assessed.get(name))
        lines.append("")
    lines.append(f"Chat / messaging: {', '.join(a.chat_vendors) if a.chat_vendors else 'none detected'}")
    form = f"yes ({a.contact_form_url})" if a.contact_form else "none found"
    lines.append(f"Contact form: {form}")
    lines.append("")
    rule = a.rule
    compliant = result.get("compliant", a.compliant)
    verdict = "NOT ASSESSED" if compliant is None else "COMPLIANT" if compliant else "NOT COMPLIANT"
    lines.append(f"Verdict: {verdict} (rule: phone and e-mail visible within {rule.max_clicks} clicks)")
    for reason in result.get("reasons", a.reasons):
        lines.append(f"  - {reason}")
    return "\n".join(lines) + "\n"
