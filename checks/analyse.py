"""One page in, one `PageAnalysis` out: the facade that runs every check on a shared parse."""

from __future__ import annotations

from checks import chat as chat_check
from checks import emails as mail
from checks import forms as form_check
from checks import identity as identity_check
from checks import links as link_check
from checks import pagekind
from checks import phones as phone_check
from checks import platform as platform_check
from checks.domains import country_for, host_of, registrable_domain
from checks.model import EmailFinding, PageAnalysis, PhoneFinding
from checks.page import (
    ParsedPage,
    blocks_from_text,
    collect_invisible,
    mark_regions,
    parse_html,
    strip_and_read,
)
from checks.pdf import pdf_text
from checks.structured import jsonld_contacts, meta_contacts

# Bigger inputs are cut: a crawler never hands us more than its own limit (5 MB).
MAX_INPUT_BYTES = 25 * 1024 * 1024


class UnsupportedContent(ValueError):
    """The input is not HTML, text or PDF (a binary file, an image, an archive...)."""


def sniff(body: bytes | str, content_type: str | None = None) -> str:
    """html, text or pdf — from the bytes first, the declared content type second."""
    if isinstance(body, str):
        head = body[:2048].lstrip().lower()
        return "html" if head.startswith("<") or "<html" in head or "<body" in head else "text"
    head = body[:2048]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if b"\x00" in head:
        raise UnsupportedContent("the content is binary, not a web page, text or PDF")
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in ("application/pdf",):
        raise UnsupportedContent("the content is declared as PDF but is not a PDF file")
    low = head.lstrip().lower()
    if low.startswith(b"<") or b"<html" in low or b"<body" in low or b"<div" in low:
        return "html"
    if ctype.startswith("text/html") or ctype == "application/xhtml+xml":
        return "html"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a cut multi-byte character at the end is fine
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                raise UnsupportedContent("the content is neither UTF-8 nor Windows-1252 text") from exc
    return "text"


def _decode_text(body: bytes | str) -> str:
    if isinstance(body, str):
        return body
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            continue
    return body.decode("utf-8", "replace")


def analyse_page(
    url: str,
    body: bytes | str,
    *,
    content_type: str | None = None,
    country: str | None = None,
    shop_domain: str | None = None,
    link_text: str = "",
    is_homepage: bool | None = None,
) -> PageAnalysis:
    """Run every check on one page (HTML, plain text or PDF bytes)."""
    if len(body) > MAX_INPUT_BYTES:
        body = body[:MAX_INPUT_BYTES]
    kind = sniff(body, content_type)
    shop_domain = shop_domain or registrable_domain(host_of(url))
    if kind == "pdf":
        text = pdf_text(body if isinstance(body, bytes) else body.encode("latin-1"))
        return _analyse_text(url, text, "pdf", country, shop_domain, link_text)
    if kind == "text":
        return _analyse_text(url, _decode_text(body), "text", country, shop_domain, link_text)
    return _analyse_html(url, body, country, shop_domain, link_text, is_homepage)


def _analyse_text(
    url: str, text: str, kind: str, country: str | None, shop_domain: str, link_text: str
) -> PageAnalysis:
    region = country_for(url, "", country)
    blocks = blocks_from_text(text)
    source = "pdf" if kind == "pdf" else "text"
    analysis = PageAnalysis(url=url, content_type=kind, country=region, text="\n".join(b.text for b in blocks))
    phones = phone_check.phones_in_text(blocks, region, source=source)
    emails = mail.emails_in_blocks(blocks, source=source)
    analysis.phones = phone_check.merge_phones(phones)
    analysis.emails = mail.merge_emails([mail.judge_email(e, shop_domain) for e in emails])
    analysis.identity = identity_check.find_identity(blocks, region)
    first_line = blocks[0].text[:120] if blocks else ""
    if kind == "pdf":
        analysis.page_kind = pagekind.legal_kind_of_pdf(url, link_text) or pagekind.classify_page(
            url, first_line, [], link_text, is_homepage=False
        )
        if analysis.page_kind in ("other", "homepage"):
            analysis.page_kind = "terms" if _looks_like_terms(analysis.text) else "other"
    else:
        analysis.page_kind = pagekind.classify_page(url, first_line, [], link_text, is_homepage=False)
    analysis.title = first_line
    return analysis


def _looks_like_terms(text: str) -> bool:
    low = text[:5000].lower()
    return any(w in low for w in ("voorwaarden", "conditions", "geschäftsbedingungen", "terms"))


def _analyse_html(
    url: str, body: bytes | str, country: str | None, shop_domain: str, link_text: str, is_homepage: bool | None
) -> PageAnalysis:
    page = parse_html(url, body)
    collect_invisible(page)
    root = page.root
    analysis = PageAnalysis(url=url, content_type="html", lang=page.lang, title=page.title)
    analysis.country = region = country_for(url, page.lang, country)
    analysis.chat = chat_check.detect_chat(root, url)
    analysis.platform = platform_check.detect_platform(root, url)
    analysis.forms = form_check.find_forms(root)
    mark_regions(page)
    analysis.links = link_check.extract_links(root, url, page.region_of)
    strip_and_read(page)
    analysis.headings = page.headings
    analysis.text = page.text
    analysis.phones = _phones(page, region)
    analysis.emails = _emails(page, shop_domain)
    analysis.identity = identity_check.find_identity(page.blocks, region)
    analysis.page_kind = pagekind.classify_page(url, page.title, page.headings, link_text, is_homepage=is_homepage)
    analysis.email_as_image = _email_as_image(page) and not any(e.visible for e in analysis.emails)
    return analysis


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _phones(page: ParsedPage, region: str) -> list[PhoneFinding]:
    found = phone_check.phones_in_text(page.blocks, region)
    by_value = {f.value: f for f in found}
    for link in page.tel_links:
        number = phone_check.parse_tel_href(link.href, region)
        if number is None:
            continue
        e164, ptype, num_region = phone_check.describe(number)
        seen = by_value.get(e164)
        shown = _digits(link.text)
        if seen is not None and (shown and shown in _digits(seen.raw) or _digits(seen.raw).endswith(shown[-6:])):
            if shown and len(shown) >= 6:
                seen.source = "tel_link"
            continue
        if seen is not None:
            continue  # the number is visible elsewhere on the page; this link adds nothing
        finding = phone_check.phone_from_value(link.href, region, "href", link.region)
        if finding is not None:
            finding.raw = link.text or link.href
            finding.context = link.text
            found.append(finding)
    for kind, value in jsonld_contacts(page.jsonld) + meta_contacts(page.meta):
        if kind == "email":
            continue
        finding = phone_check.phone_from_value(value, region, "jsonld")
        if finding is not None:
            finding.is_fax = kind == "fax"
            found.append(finding)
    if page.comments:
        comment_blocks = [b for c in page.comments for b in blocks_from_text(c)]
        found.extend(phone_check.phones_in_text(comment_blocks, region, source="comment", visible=False))
    return phone_check.merge_phones(found)


def _emails(page: ParsedPage, shop_domain: str) -> list[EmailFinding]:
    found = mail.emails_in_blocks(page.blocks)
    visible = {f.value for f in found}
    for link in page.mailto_links:
        if "/cdn-cgi/l/email-protection" in link.href:
            addresses = [a for a in [mail.decode_cfemail(link.href.rpartition("#")[2])] if a]
            addresses = [x for a in addresses for x in mail.emails_in_mailto("mailto:" + a)]
            source, shown = "cfemail", True
        else:
            addresses = mail.emails_in_mailto(link.href)
            source = "mailto"
            shown = False
        for address in addresses:
            in_text = address in visible or address in link.text.lower()
            found.append(
                EmailFinding(address, link.text or address, source if (in_text or shown) else "href",
                             link.region, in_text or shown, False, [], link.text)
            )
    for hex_text, region in page.cf_emails:
        address = mail.decode_cfemail(hex_text)
        for a in mail.emails_in_mailto("mailto:" + address) if address else []:
            found.append(EmailFinding(a, "[email protected]", "cfemail", region, True, False, [], ""))
    for first, last in page.hidden_mail:
        address = mail.hidden_mail_address(first, last)
        if address:
            found.append(EmailFinding(address, address, "deobfuscated", "main", True, False, [], ""))
    for script in page.scripts:
        if "@" not in script and "fromCharCode" not in script and "%40" not in script.lower():
            continue
        decoded, plain = mail.emails_in_script(script)
        region = "main"
        found.extend(EmailFinding(a, a, "deobfuscated", region, True, False, [], "") for a in decoded)
        found.extend(EmailFinding(a, a, "script", region, False, False, [], "") for a in plain)
    for kind, value in jsonld_contacts(page.jsonld) + meta_contacts(page.meta):
        if kind == "email":
            for a in mail.emails_in_mailto("mailto:" + value):
                found.append(EmailFinding(a, value, "jsonld", "main", False, False, [], ""))
    for comment in page.comments:
        if "@" in comment:
            found.extend(EmailFinding(a, a, "comment", "main", False, False, [], "")
                         for a, _, _ in mail.addresses_in(comment))
    return mail.merge_emails([mail.judge_email(f, shop_domain) for f in found])


_EMAIL_IMAGE_HINTS = ("e-mail", "email", "mail", "courriel")


def _email_as_image(page: ParsedPage) -> bool:
    for img in page.root.iter("img"):
        label = f"{img.get('alt', '')} {img.get('src', '')}".lower()
        if any(h in label for h in _EMAIL_IMAGE_HINTS) and "@" not in label:
            return True
    return False
