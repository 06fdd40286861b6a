"""Parse a page once and take from it everything the checks share.

`parse_html` returns a `ParsedPage`: the lxml tree (scripts still in it, for the chat and form
checks), the visible text as blocks with their region (header/footer/main), and the invisible
material (JSON-LD, meta tags, inline scripts, comments, tel:/mailto: hrefs) that the phone and
e-mail checks read separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from checks.model import TextBlock

# Elements whose text a visitor never reads.
INVISIBLE_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "select",
        "datalist",
        "textarea",
        "iframe",
        "object",
        "canvas",
        "head",
        "title",
        "meta",
        "link",
    }
)
# Elements that start a new block of text in a browser.
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "button",
        "option",
        "html",
        "center",
        "caption",
    }
)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# id/class tokens that mark a page header or footer.
HEADER_TOKEN = re.compile(
    r"(?:^|[\s_-])(?:site|page|main|global|top)?[-_]?(?:header|masthead|topbar|top-bar|navbar)(?:$|[\s_-])",
    re.I,
)
FOOTER_TOKEN = re.compile(r"footer|colophon|site-info|bottom-bar", re.I)
RTL_STYLE = re.compile(r"direction\s*:\s*rtl", re.I)
WHITESPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")

_HIDDEN_XPATH = etree.XPath("//*[@hidden or @style]")
_REGION_XPATH = etree.XPath(
    "//header|//footer|//*[@role='banner' or @role='contentinfo']|//*[@id or @class][contains(@id,'ooter') or"
    " contains(@class,'ooter') or contains(@id,'eader') or contains(@class,'eader') or contains(@id,'olophon')"
    " or contains(@class,'olophon') or contains(@class,'masthead') or contains(@id,'masthead')]"
)


@dataclass(slots=True)
class HrefLink:
    """A tel:, mailto: or cdn-cgi e-mail link: what its href says and what a reader sees."""

    href: str
    text: str
    region: str


@dataclass
class ParsedPage:
    url: str
    root: lxml.html.HtmlElement
    blocks: list[TextBlock] = field(default_factory=list)
    title: str = ""
    lang: str = ""
    headings: list[str] = field(default_factory=list)
    tel_links: list[HrefLink] = field(default_factory=list)
    mailto_links: list[HrefLink] = field(default_factory=list)
    cf_emails: list[tuple[str, str]] = field(default_factory=list)  # (hex, region)
    hidden_mail: list[tuple[str, str]] = field(default_factory=list)  # joomla (user, domain) base64
    jsonld: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # inline script text (any type but JSON-LD)
    comments: list[str] = field(default_factory=list)
    meta: list[tuple[str, str]] = field(default_factory=list)  # (name/property/itemprop, content)
    region_of_element: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    def region_of(self, el: lxml.html.HtmlElement) -> str:
        """header/footer/main for any element of the (already stripped) tree."""
        marks = self.region_of_element
        if not marks:
            return "main"
        node = el
        while node is not None:
            region = marks.get(node)
            if region is not None:
                return region
            node = node.getparent()
        return "main"


def to_document(body: bytes | str) -> lxml.html.HtmlElement:
    """Parse HTML bytes or text into an lxml document, tolerating encoding declarations."""
    if isinstance(body, str):
        body = body.encode("utf-8")
        parser = _UTF8_PARSER
    else:
        parser = _parser_for(body)
    try:
        root = lxml.html.document_fromstring(body, parser=parser)
    except (etree.ParserError, ValueError):
        root = lxml.html.document_fromstring(b"<html><body></body></html>")
    return root


_UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")
_CP1252_PARSER = lxml.html.HTMLParser(encoding="cp1252")
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset|encoding=[\"']", re.I)


def _parser_for(body: bytes) -> lxml.html.HTMLParser | None:
    """lxml reads a declared charset itself; undeclared bytes are UTF-8 when they decode as such."""
    if body[:3] == b"\xef\xbb\xbf" or _DECLARED_CHARSET.search(body[:4096]):
        return None
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(body) - 4:
            return _CP1252_PARSER
    return _UTF8_PARSER


def clean_text(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def _mark_regions(root: lxml.html.HtmlElement) -> dict:
    marks: dict = {}
    for el in _REGION_XPATH(root):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("html", "body", "main"):
            continue
        role = el.get("role", "")
        if tag == "footer" or role == "contentinfo":
            region = "footer"
        elif tag == "header" or role == "banner":
            # <header> inside an article or card is a heading block, not the page header
            if tag == "header" and any(
                a.tag in ("article", "section", "main", "li") for a in el.iterancestors()
            ):
                continue
            region = "header"
        else:
            tokens = f"{el.get('id', '')} {el.get('class', '')}"
            if FOOTER_TOKEN.search(tokens):
                region = "footer"
            elif HEADER_TOKEN.search(tokens):
                region = "header"
            else:
                continue
        # the outermost mark wins: a "header" inside the footer is still footer
        if not any(a in marks for a in el.iterancestors()):
            marks[el] = region
    return marks


def mark_regions(page: ParsedPage) -> None:
    """Find the page header and footer (before anything is stripped, so links can use it)."""
    body = page.root.find("body")
    page.region_of_element = _mark_regions(body if body is not None else page.root)


def parse_html(url: str, body: bytes | str) -> ParsedPage:
    root = to_document(body)
    page = ParsedPage(url=url, root=root)
    page.lang = (root.get("lang") or root.get("xml:lang") or "").strip()
    return page


def collect_invisible(page: ParsedPage) -> None:
    """Take JSON-LD, inline scripts, comments and meta content out of the full tree."""
    root = page.root
    for el in root.iter("script", "meta", etree.Comment):
        if el.tag is etree.Comment:
            if el.text and ("@" in el.text or any(c.isdigit() for c in el.text[:2000])):
                page.comments.append(el.text)
        elif el.tag == "meta":
            key = el.get("itemprop") or el.get("property") or el.get("name") or ""
            content = el.get("content")
            if key and content:
                page.meta.append((key.lower(), content))
        else:
            text = el.text
            if not text:
                continue
            if (el.get("type") or "").lower().strip() == "application/ld+json":
                page.jsonld.append(text)
            else:
                page.scripts.append(text)
    title = root.find(".//title")
    if title is not None and title.text:
        page.title = clean_text(title.text)


def strip_and_read(page: ParsedPage) -> None:
    """Drop invisible elements, mark header/footer, and read the visible text into blocks."""
    root = page.root
    for el in _HIDDEN_XPATH(root):
        if el.tag in ("html", "body") or el.getparent() is None:
            continue
        if el.get("hidden") is not None or HIDDEN_STYLE.search(el.get("style", "")):
            el.drop_tree()
    etree.strip_elements(root, *INVISIBLE_TAGS, etree.Comment, with_tail=False)
    body = root.find("body")
    if body is None:
        body = root
    if not page.region_of_element:
        mark_regions(page)
    marks = page.region_of_element

    # links whose href carries a value (collected after stripping, so only visible ones)
    for a in body.iter("a"):
        href = (a.get("href") or "").strip()
        if not href:
            continue
        low = href[:16].lower()
        if low.startswith("tel:") or low.startswith("callto:"):
            page.tel_links.append(HrefLink(href, clean_text(a.text_content()), page.region_of(a)))
        elif low.startswith("mailto:") or "/cdn-cgi/l/email-protection" in href:
            page.mailto_links.append(HrefLink(href, clean_text(a.text_content()), page.region_of(a)))
    for el in body.xpath("//*[@data-cfemail]"):
        page.cf_emails.append((el.get("data-cfemail", ""), page.region_of(el)))
    for el in body.iter("joomla-hidden-mail"):
        page.hidden_mail.append((el.get("first", ""), el.get("last", "")))
    for el in body.xpath("//*[@dir='rtl' or contains(@style,'rtl')]"):
        if el.tag == "bdo" or RTL_STYLE.search(el.get("style", "")):
            # text shown reversed with CSS/bdo: store it the way a reader sees it
            txt = el.text_content()
            if "@" in txt:
                for child in list(el):
                    el.remove(child)
                el.text = txt[::-1]

    for level in ("h1", "h2"):
        for h in body.iter(level):
            t = clean_text(h.text_content())
            if t:
                page.headings.append(t)
            if len(page.headings) >= 6:
                break

    page.blocks = _read_blocks(body, marks)


def _read_blocks(body: lxml.html.HtmlElement, marks: dict) -> list[TextBlock]:
    blocks: list[TextBlock] = []
    block_of: dict = {}
    region_cache: dict = {}

    def block_and_region(el):
        hit = block_of.get(el)
        if hit is not None:
            return hit
        node = el
        while node is not None and node.tag not in BLOCK_TAGS:
            node = node.getparent()
        result = (node if node is not None else body, _region_for(el, marks, region_cache))
        block_of[el] = result
        return result

    current = None
    current_region = "main"
    parts: list[str] = []
    for t in body.xpath(".//text()"):
        if not t or t.isspace():
            if parts and parts[-1] != " ":
                parts.append(" ")
            continue
        parent = t.getparent()
        if parent is None:
            continue
        if t.is_tail:
            # tail text belongs to the parent's parent; a <br> or block ends the previous block
            owner = parent.getparent()
            if owner is None:
                continue
            if parent.tag in BLOCK_TAGS:
                current = None
            block, region = block_and_region(owner)
        else:
            block, region = block_and_region(parent)
        if block is not current:
            if parts:
                text = clean_text("".join(parts))
                if text:
                    blocks.append(TextBlock(text, current_region))
            parts = []
            current = block
            current_region = region
        elif parts and parts[-1][-1:].isalnum() and t[:1].isalnum():
            parts.append(" ")
        parts.append(t)
    if parts:
        text = clean_text("".join(parts))
        if text:
            blocks.append(TextBlock(text, current_region))
    return blocks


def _region_for(el, marks: dict, cache: dict) -> str:
    node = el
    seen = []
    region = "main"
    while node is not None:
        if node in cache:
            region = cache[node]
            break
        if node in marks:
            region = marks[node]
            break
        seen.append(node)
        node = node.getparent()
    for n in seen:
        cache[n] = region
    return region


def blocks_from_text(text: str, region: str = "main") -> list[TextBlock]:
    """Split plain text (or text taken from a PDF) into paragraph blocks."""
    out: list[TextBlock] = []
    for para in re.split(r"\n\s*\n|\r\n\s*\r\n", text):
        for line_group in _chunk_lines(para):
            cleaned = clean_text(line_group)
            if cleaned:
                out.append(TextBlock(cleaned, region))
    return out


def _chunk_lines(para: str, max_len: int = 2000) -> list[str]:
    lines = para.splitlines() or [para]
    chunks: list[str] = []
    buf: list[str] = []
    size = 0
    for line in lines:
        if size + len(line) > max_len and buf:
            chunks.append("\n".join(buf))
            buf, size = [], 0
        buf.append(line)
        size += len(line) + 1
    if buf:
        chunks.append("\n".join(buf))
    return chunks
