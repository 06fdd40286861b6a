"""One page in, one `PageAnalysis` out: the facade that runs every check on a shared parse."""

from __future__ import annotations

from lxml import etree

from checks import chat as chat_check
from checks import emails as mail
from checks import flood, pagekind
from checks import forms as form_check
from checks import identity as identity_check
from checks import links as link_check
from checks import phones as phone_check
from checks import platform as platform_check
from checks.attribution import PageContext, attribute
from checks.contacts import page_emails, page_phones
from checks.decode import Decoded, binary_kind, decode_body, strip_controls
from checks.domains import host_of, registrable_domain
from checks.model import PageAnalysis
from checks.page import (
    ParsedPage,
    blocks_from_text,
    collect_invisible,
    decoding_warnings,
    mark_regions,
    parse_html,
    strip_and_read,
)
from checks.pdf import pdf_text
from checks.region import regions_for

# Bigger inputs are cut (and say so in `warnings`): a crawler never hands us more than its own
# limit (5 MB).
MAX_INPUT_BYTES = 25 * 1024 * 1024
CUT_WARNING = "cut_at_size_limit"


class UnsupportedContent(ValueError):
    """The input is not HTML, text or PDF (a binary file, an image, an archive...)."""


def sniff(body: bytes | str, content_type: str | None = None) -> str:
    """html, text or pdf — from the bytes first, the declared content type second.

    Raises UnsupportedContent only for files that are not text at all (checks.decode.binary_kind)
    and for content declared as PDF that is not one; a NUL or a stray byte does not make a page
    binary.
    """
    if isinstance(body, str):
        return _text_kind(body[:2048], None)
    if _is_pdf(body):
        return "pdf"
    _refuse_binary(body, content_type)
    return _text_kind(decode_body(body[:2048], content_type).text, content_type)


def _is_pdf(body: bytes) -> bool:
    return body[:1024].lstrip().startswith(b"%PDF-")


def _refuse_binary(body: bytes, content_type: str | None) -> None:
    why = binary_kind(body)
    if why is not None:
        raise UnsupportedContent(f"the content is binary ({why}), not a web page, text or PDF")
    if _media_type(content_type) in ("application/pdf", "application/x-pdf"):
        raise UnsupportedContent("the content is declared as PDF but is not a PDF file")


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _text_kind(head: str, content_type: str | None) -> str:
    low = head[:2048].lstrip().lower()
    if low.startswith("<") or "<html" in low or "<body" in low or "<div" in low:
        return "html"
    ctype = _media_type(content_type)
    if ctype.startswith("text/html") or ctype == "application/xhtml+xml":
        return "html"
    return "text"


def _decode_text(body: bytes | str, content_type: str | None = None) -> str:
    """Text as a browser decodes it (BOM, header, meta, sniffing), control characters removed."""
    return decode_body(body, content_type).text


def analyse_page(
    url: str,
    body: bytes | str,
    *,
    content_type: str | None = None,
    country: str | list[str] | tuple[str, ...] | None = None,
    shop_domain: str | None = None,
    link_text: str = "",
    is_homepage: bool | None = None,
    min_link_score: int | None = None,
) -> PageAnalysis:
    """Run every check on one page (HTML, plain text or PDF bytes).

    `content_type` is the response's Content-Type header, charset included: it decides the
    encoding when the page has no byte order mark. Any bytes give an analysis; only a file
    that is not text (an image, an archive) raises UnsupportedContent, and a PDF that cannot be
    read raises checks.pdf.PdfError (the crawl records both as `analysis_failed`). Repairs (a cut page,
    a guessed encoding, replaced bytes, removed control characters, a flattened tree, a flood
    of number- or address-shaped strings) are listed in `warnings`.

    `min_link_score` keeps only links scoring at least that much (a prioritised crawl follows
    nothing below the lowest page-kind score) and lets the link check skip the rest unseen.
    """
    warnings = []
    if len(body) > MAX_INPUT_BYTES:
        body = body[:MAX_INPUT_BYTES]
        warnings.append(CUT_WARNING)
    shop_domain = shop_domain or registrable_domain(host_of(url))
    if isinstance(body, bytes):
        if _is_pdf(body):
            text = pdf_text(body)
            return _analyse_text(url, text, "pdf", country, shop_domain, link_text, warnings)
        _refuse_binary(body, content_type)
    decoded = decode_body(body, content_type)
    warnings.extend(decoding_warnings(decoded))
    if _text_kind(decoded.text, content_type) == "text":
        return _analyse_text(url, decoded.text, "text", country, shop_domain, link_text, warnings)
    return _analyse_html(url, decoded, country, shop_domain, link_text, is_homepage, min_link_score, warnings)


def _analyse_text(
    url: str,
    text: str,
    kind: str,
    country: str | None,
    shop_domain: str,
    link_text: str,
    warnings: list[str] | None = None,
) -> PageAnalysis:
    regions = regions_for(url, "", text, country)  # one country, an ordered list, or inferred
    region = regions[0]
    text = strip_controls(text)[0]
    blocks = blocks_from_text(text)
    source = "pdf" if kind == "pdf" else "text"
    analysis = PageAnalysis(
        url=url, content_type=kind, country=region, text="\n".join(b.text for b in blocks)
    )
    analysis.warnings = list(warnings or ())
    found = flood.survey(analysis.text)
    scan = flood.sample_blocks(blocks, found)
    phones = phone_check.phones_in_text(scan["phone"], regions, source=source)
    emails = mail.emails_in_blocks(scan["email"], source=source)
    analysis.phones = phone_check.merge_phones(phones)
    analysis.emails = mail.merge_emails([mail.judge_email(e, shop_domain) for e in emails])
    flood.cap_findings(analysis, found)
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
    _attribute(analysis, shop_domain, is_homepage=False)
    return analysis


def _looks_like_terms(text: str) -> bool:
    low = text[:5000].lower()
    return any(w in low for w in ("voorwaarden", "conditions", "geschäftsbedingungen", "terms"))


def _analyse_html(
    url: str,
    body: bytes | str | Decoded,
    country: str | None,
    shop_domain: str,
    link_text: str,
    is_homepage: bool | None,
    min_link_score: int | None = None,
    warnings: list[str] | None = None,
) -> PageAnalysis:
    page = parse_html(url, body)
    collect_invisible(page, extra_tags=chat_check.WALKED_TAGS)
    root, furniture = page.root, page.furniture
    analysis = PageAnalysis(url=url, content_type="html", lang=page.lang, title=page.title)
    analysis.warnings = _unique([*(warnings or ()), *page.warnings])
    analysis.chat = chat_check.detect_chat(root, url, page.anchors.hrefs, furniture)
    analysis.platform = platform_check.detect_platform(root, url, furniture)
    analysis.forms = form_check.find_forms(root, furniture)
    mark_regions(page)
    analysis.links = link_check.extract_links(
        root, url, page.region_of, min_score=min_link_score, anchors=page.anchors
    )
    strip_and_read(page)
    analysis.headings = page.headings
    analysis.text = page.text
    found = flood.survey(page.text)
    regions = regions_for(url, page.lang, page.text, country)  # one country, an ordered list, or inferred
    analysis.country = region = regions[0]
    analysis.phones = page_phones(flood.sample_page(page, found, "phone"), regions)
    analysis.emails = page_emails(flood.sample_page(page, found, "email"), shop_domain)
    flood.cap_findings(analysis, found)
    analysis.page_kind = pagekind.classify_page(
        url, page.title, page.headings, link_text, is_homepage=is_homepage
    )
    analysis.identity = identity_check.find_identity(_identity_scope(page, analysis.page_kind), region)
    analysis.email_as_image = not any(e.visible for e in analysis.emails) and _email_as_image(page)
    _attribute(analysis, shop_domain, is_homepage=bool(is_homepage), blocks=page.blocks)
    return analysis


def _attribute(
    analysis: PageAnalysis, shop_domain: str, is_homepage: bool, blocks: list | None = None
) -> None:
    """Give every phone and e-mail its owner, with the evidence (checks/attribution.py)."""
    if analysis.flooded:  # its values set no tier anyway; weighing each costs a pass over the page
        flood.leave_unowned(analysis)
        return
    regions, pos = [], 0
    for block in blocks or ():
        regions.append((pos, block.region))
        pos += len(block.text) + 1
    ctx = PageContext(
        regions=regions,
        text=analysis.text,
        page_kind=analysis.page_kind,
        shop_domain=shop_domain,
        is_homepage=is_homepage or analysis.page_kind == "homepage",
        title=analysis.title,
        content_type=analysis.content_type,
    )
    analysis.trader_names = attribute(ctx, analysis.phones, analysis.emails)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


# Company details (KvK, VAT, address) are read from the whole of these pages and of any page with
# little main text; elsewhere (homepages and category pages full of product numbers) from the
# header and footer only, where shops put them.
IDENTITY_PAGE_KINDS = frozenset({"contact", "customer_service", "terms", "privacy", "imprint"})
IDENTITY_FULL_TEXT = 20_000


def _identity_scope(page: ParsedPage, kind: str) -> list:
    main_size = sum(len(b.text) for b in page.blocks if b.region == "main")
    if kind in IDENTITY_PAGE_KINDS or main_size <= IDENTITY_FULL_TEXT:
        return page.blocks
    return [b for b in page.blocks if b.region != "main"]


_EMAIL_IMAGE_HINTS = ("e-mail", "email", "mail", "courriel")


# Two plain paths: a union of paths costs libxml2 a sort of every node it found.
_IMG_LABELS = (etree.XPath("//img/@alt", smart_strings=False), etree.XPath("//img/@src", smart_strings=False))


def _email_as_image(page: ParsedPage) -> bool:
    """An image whose alt text or file name says e-mail, and no address in it."""
    for path in _IMG_LABELS:
        labels = path(page.root)
        joined = "\n".join(labels).lower()
        if "mail" not in joined and "courriel" not in joined:
            continue
        if any(any(h in label.lower() for h in _EMAIL_IMAGE_HINTS) and "@" not in label for label in labels):
            return True
    return False
