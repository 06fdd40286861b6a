"""Parse a page once and take from it everything the checks share.

`parse_html` returns a `ParsedPage`: the lxml tree (scripts still in it, for the chat and form
checks), the visible text as blocks with their region (header/footer/main), and the invisible
material (JSON-LD, meta tags, inline scripts, comments, tel:/mailto: hrefs) that the phone and
e-mail checks read separately.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from checks.decode import Decoded, decode_body
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
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# id/class tokens that mark a page header or footer.
HEADER_TOKEN = re.compile(
    r"(?:^|[\s_-])(?:site|page|main|global|top)?[-_]?(?:header|masthead|topbar|top-bar|navbar)(?:$|[\s_-])",
    re.I,
)
FOOTER_TOKEN = re.compile(r"footer|colophon|site-info|bottom-bar", re.I)
RTL_STYLE = re.compile(r"direction\s*:\s*rtl", re.I)
WHITESPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")

# A page header or footer container sits near the top of the tree: only this many levels below
# <body> are looked at for class/id/role marks (<header>/<footer> tags are found at any depth).
REGION_DEPTH = 4
_REGION_WORDS = re.compile(r"ooter|eader|olophon|masthead|site-info|bottom-bar|topbar|top-bar")


# Containers a page header or footer is never nested in: not descended into.
_NOT_FURNITURE = frozenset(
    {
        "main",
        "nav",
        "ul",
        "ol",
        "dl",
        "form",
        "table",
        "select",
        "svg",
        "script",
        "style",
        "noscript",
        "template",
        "article",
        "p",
        "a",
        "button",
        "picture",
        "figure",
    }
)


# Of a container with more children than this (a flat page of thousands of rows), only the first
# and last EDGE_CHILDREN are looked at for header/footer marks: that is where a page's furniture is.
FLAT_CHILDREN = 600
EDGE_CHILDREN = 100


def _edge_children(node: lxml.html.HtmlElement) -> list:
    children = list(node.iterchildren("*"))
    if len(children) > FLAT_CHILDREN:
        return children[:EDGE_CHILDREN] + children[-EDGE_CHILDREN:]
    return children


def _near_top_candidates(body: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found = []
    level = [body]
    for _ in range(REGION_DEPTH):
        below = []
        for node in level:
            for child in _edge_children(node):
                get = child.get
                cls, ident = get("class"), get("id")
                if (
                    (cls and _REGION_WORDS.search(cls))
                    or (ident and _REGION_WORDS.search(ident))
                    or get("role") in ("banner", "contentinfo")
                ):
                    found.append(child)
                elif child.tag not in _NOT_FURNITURE:
                    below.append(child)
        if len(below) > 300:  # a grid of items, not page furniture
            break
        level = below
    return found


# Attribute-axis scans: in libxml2 these are far cheaper than //*[predicate] over every element.
_VALUE_HREF_NEEDLES = ("tel:", "callto:", "mailto:", "/cdn-cgi/l/email-protection")
# Attributes, not their elements: a parent step (`//@style/..`) costs libxml2 a duplicate check
# per node, quadratic on pages with tens of thousands of styled elements. Only style values that
# may hide (HIDDEN_STYLE needs "none" or "hidden" in any case) come back to Python. One union of
# two small sets: the tree is walked once.
_CASELESS = "translate(., 'NOEHIDTRU', 'noehidtru')"
# `aria-hidden="true"` marks a block as not part of what the page says (issue 9): its text is
# not counted as visible either.
_HIDDEN_ATTRIBUTES = etree.XPath(
    f"//@hidden | //@aria-hidden[{_CASELESS} = 'true']"
    f" | //@style[contains({_CASELESS}, 'none') or contains({_CASELESS}, 'hidden')]"
)
_CFEMAIL_ATTRIBUTES = etree.XPath("//@data-cfemail")
_REVERSED = etree.XPath("//bdo | //@style[contains(., 'rtl')]")
BLOCK_TAGS = (
    "address",
    "article",
    "aside",
    "blockquote",
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
    "td",
    "th",
    "tr",
    "ul",
    "button",
    "option",
    "center",
    "caption",
    "label",
)


# Joins lists of strings for bulk searches; libxml2 text never holds a NUL.
SEP = "\x00"


def of_tags(root: lxml.html.HtmlElement, furniture: list | None, tags: frozenset) -> Iterable:
    """The elements (or comments, with etree.Comment in `tags`) of these tags in document order:
    picked from `ParsedPage.furniture` when the caller gathered it, else by a walk of the tree."""
    if furniture is None:
        return root.iter(*tags)
    return (el for el in furniture if el.tag in tags)


def items_containing(items: list[str], needles: tuple[str, ...], *, lower: bool = False) -> list[int]:
    """Indices of the strings that contain any of the needles (lowercased first with `lower`).

    One join and a C substring search per needle, instead of a Python test per item: a page has
    tens of thousands of hrefs and only a handful carry what we look for.
    """
    if not items:
        return []
    joined = SEP.join(items)
    if lower:
        joined = joined.lower()
    spots = []
    for needle in needles:
        at = joined.find(needle)
        while at >= 0:
            spots.append(at)
            at = joined.find(needle, at + 1)
    if not spots:
        return []
    if joined.count(SEP) != len(items) - 1:  # a NUL inside an item: test them one by one
        test = (lambda s: s.lower()) if lower else (lambda s: s)
        return [i for i, item in enumerate(items) if any(n in test(item) for n in needles)]
    return item_indices(joined, spots)


def item_indices(joined: str, positions: list[int]) -> list[int]:
    """The indices of the NUL-joined items that the positions fall in, sorted and distinct.

    Counting NULs between consecutive positions (C) costs one pass over the string, however
    many items there are.
    """
    found: list[int] = []
    index = previous = 0
    for at in sorted(positions):
        index += joined.count(SEP, previous, at)
        previous = at
        if not found or found[-1] != index:
            found.append(index)
    return found


def attached(el: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> bool:
    """Whether an element is still in the tree under root (not dropped or stripped since)."""
    node = el.getparent()
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


class AnchorIndex:
    """Every <a href> of a page, read before anything is stripped.

    `elements[i]` has href `hrefs[i]`; `labels` holds the words a link without text is known by
    (its title and aria-label, the alt text of images inside it) and `label_owner` the index of
    their link. The link, chat and tel:/mailto: checks share it, so the page's anchors (tens of
    thousands on a category page) are visited once.
    """

    __slots__ = ("elements", "hrefs", "labels", "label_owner")

    def __init__(self, root: lxml.html.HtmlElement | None = None) -> None:
        self.elements: list = []
        self.hrefs: list[str] = []
        self.labels: list[str] = []
        self.label_owner: list[int] = []
        if root is not None:
            walk_page(root, self)


def walk_page(
    root: lxml.html.HtmlElement, anchors: AnchorIndex, furniture_tags: tuple[str, ...] = ()
) -> tuple[list, list]:
    """One walk of the tree (C picks the tags): fill `anchors`, and return the h1/h2 elements
    and the elements of `furniture_tags` and comments, in document order.

    Every walk of a large tree costs about a tenth of parsing it, so the checks share this one.
    """
    elements, hrefs, labels, owners = anchors.elements, anchors.hrefs, anchors.labels, anchors.label_owner
    headings: list = []
    furniture: list = []
    last_a, last_index = None, -1  # the latest <a>, and its index in elements (-1: no href)
    extra = (*furniture_tags, etree.Comment) if furniture_tags else ()
    for el in root.iter("a", "img", "h1", "h2", *extra):
        tag = el.tag
        if tag == "a":
            get = el.get
            href = get("href")
            last_a, last_index = el, -1
            if href is None:
                continue
            last_index = len(elements)
            title, aria = get("title"), get("aria-label")
            if title:
                labels.append(title)
                owners.append(last_index)
            if aria:
                labels.append(aria)
                owners.append(last_index)
            elements.append(el)
            hrefs.append(href)
        elif tag == "img":
            if last_index < 0:
                continue
            alt = el.get("alt")
            if not alt:
                continue
            node = el.getparent()
            while node is not None and node is not last_a:
                node = node.getparent()
            if node is not None:  # the image sits inside the latest link
                labels.append(alt)
                owners.append(last_index)
        elif tag == "h1" or tag == "h2":
            headings.append(el)
        else:
            furniture.append(el)
    return headings, furniture


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
    link_regions: dict = field(default_factory=dict)  # every <a> inside a header or footer
    rare: set = field(default_factory=lambda: set(RARE_MARKERS))  # rare markup the raw page mentions
    _anchors: AnchorIndex | None = None
    furniture: list = field(default_factory=list)  # see collect_invisible
    heading_elements: list | None = None  # h1/h2 before stripping (collect_invisible)
    warnings: list[str] = field(default_factory=list)  # repairs made while reading the page

    @property
    def anchors(self) -> AnchorIndex:
        """The page's <a href> elements, read once (before stripping) and shared by the checks."""
        if self._anchors is None:
            self._anchors = AnchorIndex(self.root)
        return self._anchors

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    def region_of(self, el: lxml.html.HtmlElement) -> str:
        """header/footer/main for any element of the (already stripped) tree."""
        marks = self.region_of_element
        if not marks:
            return "main"
        if el.tag == "a":
            return self.link_regions.get(el, "main")
        node = el
        while node is not None:
            region = marks.get(node)
            if region is not None:
                return region
            node = node.getparent()
        return "main"


def to_document(body: bytes | str, content_type: str | None = None) -> lxml.html.HtmlElement:
    """Parse HTML bytes or text into an lxml document (see `parse_document`)."""
    return parse_document(body, content_type)[0]


def parse_document(
    body: bytes | str | Decoded, content_type: str | None = None, *, clean: bool = False
) -> tuple[lxml.html.HtmlElement, list[str], str]:
    """Parse HTML into an lxml document, with warnings about what had to be repaired and the text.

    Bytes are decoded as a browser decodes them (checks.decode), control characters are taken
    out, and the text goes to libxml2 as UTF-8 with the encoding fixed, so a wrong or late
    charset declaration cannot make it read the page differently. Trees deeper than libxml2's
    limit (2,048 with huge_tree) are flattened and read again rather than cut off.
    """
    if isinstance(body, Decoded):  # decoded by the caller (analyse_page), warnings taken there
        decoded, warnings = body, []
    else:
        decoded = decode_body(body, content_type, clean=clean)
        warnings = decoding_warnings(decoded)
    data = decoded.as_utf8()
    root = _parse_utf8(data)
    for keep in FLATTEN_KEEP:
        if not any(DEPTH_ERROR in entry.message for entry in _UTF8_PARSER.error_log):
            break
        warnings.append("deep_tree_flattened")
        data = flatten_tags(decoded.text, keep).encode("utf-8")
        root = _parse_utf8(data)
    return root, sorted(set(warnings), key=warnings.index), decoded.text


def decoding_warnings(decoded: Decoded) -> list[str]:
    """The repairs decoding made, as page warnings."""
    warnings = []
    if decoded.source == "sniff" and decoded.encoding not in ("utf-8", "ascii"):
        warnings.append(f"encoding_guessed:{decoded.encoding}")
    if decoded.replaced:
        warnings.append("undecodable_bytes_replaced")
    if decoded.controls:
        warnings.append("control_characters_removed")
    return warnings


def _parse_utf8(data: bytes) -> lxml.html.HtmlElement:
    try:
        return lxml.html.document_fromstring(data, parser=_UTF8_PARSER)
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring(b"<html><body></body></html>", parser=_UTF8_PARSER)


# libxml2 stops reading a page nested deeper than its limit; the rest of the page is lost.
DEPTH_ERROR = "Excessive depth"
# Tags kept when a too-deep page is flattened: first everything that carries meaning for the
# checks (links, forms, headings, scripts, metadata), then, if the page is still too deep, only
# the elements that cannot nest. Every other tag becomes a newline (a line break in the text,
# which the block reader splits on, without an element per tag).
FLATTEN_KEEP: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "html",
            "head",
            "body",
            "title",
            "meta",
            "link",
            "base",
            "script",
            "style",
            "noscript",
            "template",
            "a",
            "br",
            "img",
            "input",
            "iframe",
            "form",
            "button",
            "textarea",
            "select",
            "option",
            "h1",
            "h2",
        }
    ),
    frozenset({"html", "head", "body", "title", "meta", "link", "script", "style", "br", "img", "input"}),
)
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*>")


def flatten_tags(html: str, keep: frozenset[str]) -> str:
    """The page with every tag not in `keep` replaced by a newline (text stays in order)."""

    def replace(match: re.Match[str]) -> str:
        return match.group(0) if match.group(2).lower() in keep else "\n"

    return TAG.sub(replace, html)


def _fast_parser(encoding: str | None = None) -> etree.HTMLParser:
    """An HTML parser whose elements are lxml.html.HtmlElement, chosen in C.

    lxml.html's own parser picks form/input/label classes with a Python callback for every
    element proxy; on pages with thousands of elements that callback is a large share of the
    time. Our checks use only the generic HtmlElement API. `huge_tree` lifts libxml2's depth
    limit from 256 to 2,048 levels.
    """
    parser = etree.HTMLParser(encoding=encoding, huge_tree=True)
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    return parser


_UTF8_PARSER = _fast_parser("utf-8")


def clean_text(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def _mark_regions(root: lxml.html.HtmlElement) -> dict:
    marks: dict = {}
    candidates = list(root.iter("header", "footer"))
    candidates.extend(_near_top_candidates(root))
    for el in candidates:
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
        marks[el] = region
    # the outermost mark wins: a "header" inside the footer is still footer
    return {el: region for el, region in marks.items() if not any(a in marks for a in el.iterancestors())}


def mark_regions(page: ParsedPage) -> None:
    """Find the page header and footer (before anything is stripped, so links can use it)."""
    body = page.root.find("body")
    page.region_of_element = marks = _mark_regions(body if body is not None else page.root)
    page.link_regions = {a: region for el, region in marks.items() for a in el.iter("a")}


# Rare markup, looked for in the tree only when the raw page mentions it (a C substring test).
RARE_MARKERS: dict[str, tuple[str, ...]] = {
    "cfemail": ("data-cfemail",),
    "joomla": ("joomla-hidden-mail",),
    "rtl": ("rtl",),  # the style test below is case-sensitive too
    "bdo": ("<bdo", "<BDO"),
}


def parse_html(
    url: str, body: bytes | str | Decoded, content_type: str | None = None, *, clean: bool = False
) -> ParsedPage:
    """Parse a page: bytes, text, or what checks.decode gave (`clean`: text it gave)."""
    root, warnings, text = parse_document(body, content_type, clean=clean)
    page = ParsedPage(url=url, root=root, warnings=warnings)
    page.rare = {name for name, markers in RARE_MARKERS.items() if any(m in text for m in markers)}
    page.lang = (root.get("lang") or root.get("xml:lang") or "").strip()
    return page


_INVISIBLE_SOURCES = frozenset({"script", "meta", etree.Comment})

# Elements several checks look at (scripts, meta, links, iframes, forms...): gathered in one walk
# of the tree, in document order, so each check filters a short list instead of walking the tree.
FURNITURE_TAGS = ("script", "meta", "link", "iframe", "form", "textarea", "title")


def collect_invisible(page: ParsedPage, extra_tags: tuple[str, ...] = ()) -> None:
    """Take JSON-LD, inline scripts, comments and meta content out of the full tree, and keep the
    page's furniture (FURNITURE_TAGS, `extra_tags` and comments) in `page.furniture`."""
    root = page.root
    page._anchors = AnchorIndex()
    page.heading_elements, page.furniture = walk_page(root, page._anchors, (*FURNITURE_TAGS, *extra_tags))
    furniture = page.furniture
    title = None
    for el in furniture:
        tag = el.tag
        if tag not in _INVISIBLE_SOURCES:
            if tag == "title" and title is None:
                title = el
            continue
        if tag is etree.Comment:
            if el.text and ("@" in el.text or any(c.isdigit() for c in el.text[:2000])):
                page.comments.append(el.text)
        elif tag == "meta":
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
    if title is not None and title.text:
        page.title = clean_text(title.text)


def strip_and_read(page: ParsedPage) -> None:
    """Drop invisible elements, mark header/footer, and read the visible text into blocks."""
    root = page.root
    for el in [attribute.getparent() for attribute in _HIDDEN_ATTRIBUTES(root)]:
        if el.tag in ("html", "body") or el.getparent() is None:
            continue  # the root, or already dropped with an ancestor
        if (
            el.get("hidden") is not None
            or el.get("aria-hidden", "").strip().lower() == "true"
            or HIDDEN_STYLE.search(el.get("style", ""))
        ):
            el.drop_tree()
    etree.strip_elements(root, *INVISIBLE_TAGS, etree.Comment, with_tail=False)
    body = root.find("body")
    if body is None:
        body = root
    if not page.region_of_element:
        mark_regions(page)
    marks = page.region_of_element

    # links whose href carries a value; only those still in the stripped tree are visible
    anchors = page.anchors
    for i in items_containing(anchors.hrefs, _VALUE_HREF_NEEDLES, lower=True):
        href, a = anchors.hrefs[i], anchors.elements[i]
        if not attached(a, root):
            continue
        low = href.lstrip()[:8].lower()
        if not (low.startswith(("tel:", "callto:", "mailto:")) or "/cdn-cgi/l/email-protection" in href):
            continue
        href = href.strip()
        target = (
            page.tel_links
            if href[:7].lower() in ("tel:", "callto:") or href[:4].lower() == "tel:"
            else (page.mailto_links)
        )
        target.append(HrefLink(href, clean_text(a.text_content()), page.region_of(a)))
    for value in _CFEMAIL_ATTRIBUTES(body) if "cfemail" in page.rare else ():
        page.cf_emails.append((str(value), page.region_of(value.getparent())))
    for el in body.iter("joomla-hidden-mail") if "joomla" in page.rare else ():
        page.hidden_mail.append((el.get("first", ""), el.get("last", "")))
    rtl = page.rare & {"rtl", "bdo"}
    for found in _REVERSED(body) if rtl else ():
        el = found.getparent() if isinstance(found, str) else found
        if el.tag == "bdo" or RTL_STYLE.search(el.get("style", "")):
            # text shown reversed with CSS/bdo: store it the way a reader sees it
            txt = el.text_content()
            if "@" in txt:
                for child in list(el):
                    el.remove(child)
                el.text = txt[::-1]

    # h1s first, then h2s, at most six in all, the visible ones (still in the stripped tree)
    levels: dict[str, list] = {"h1": [], "h2": []}
    gathered = page.heading_elements
    for h in body.iter("h1", "h2") if gathered is None else gathered:
        levels[h.tag].append(h)
    for h in (*levels["h1"], *levels["h2"]):
        if gathered is not None and not attached(h, root):
            continue
        t = clean_text(h.text_content())
        if t:
            page.headings.append(t)
        if len(page.headings) >= 6:
            break

    page.blocks = _read_blocks(body, marks)


def _read_blocks(body: lxml.html.HtmlElement, marks: dict) -> list[TextBlock]:
    """Visible text as lines: a newline around every block element, then lxml's C text serialiser.

    Header and footer subtrees are read first and cut out (their tails stay), so every line
    knows its region without a per-node walk in Python.
    """
    for el in body.iter(BLOCK_TAGS):
        # a line break after every block (pretty-printed HTML often has one already); text
        # just before a nested block ("Intro<p>...") may run on, which the checks tolerate
        tail = el.tail
        if tail is None:
            el.tail = "\n"
        elif "\n" not in tail:
            el.tail = "\n" + tail
        if el.tag in ("li", "td", "th", "dd", "p", "h1", "h2", "h3", "h4", "h5", "h6") and el.text:
            el.text = "\n" + el.text
    blocks: list[TextBlock] = []
    regional: list[TextBlock] = []
    for el, region in marks.items():
        if el is body or not attached(el, body):
            continue
        text = etree.tostring(el, method="text", encoding="unicode", with_tail=False)
        regional.extend(_lines(text, region))
        el.drop_tree()
    blocks.extend(b for b in regional if b.region == "header")
    blocks.extend(_lines(etree.tostring(body, method="text", encoding="unicode", with_tail=False), "main"))
    blocks.extend(b for b in regional if b.region == "footer")
    return blocks


def _lines(text: str, region: str) -> list[TextBlock]:
    """One block per region run: its lines (one per HTML block element) joined by newlines.

    The checks scan a whole block with one regex pass and treat a newline as a boundary
    (sentences, labels, number candidates), so one big block costs far less than thousands of
    small ones. str.split() folds every Unicode space, no-break spaces included.
    """
    lines = [" ".join(raw.split()) for raw in text.split("\n") if raw and not raw.isspace()]
    return [TextBlock("\n".join(lines), region)] if lines else []


def blocks_from_text(text: str, region: str = "main") -> list[TextBlock]:
    """Split plain text (or text taken from a PDF) into paragraph blocks."""
    out: list[TextBlock] = []
    for para in re.split(r"\n\s*\n|\r\n\s*\r\n", text):
        for line_group in _chunk_lines(para):
            cleaned = clean_text(line_group)
            if cleaned:
                out.append(TextBlock(cleaned, region))
    return out


def _unwrap(lines: list[str], wrap_at: int = 55) -> list[str]:
    """Join hard-wrapped lines (text files, PDFs): a long line that does not end a sentence or a
    label continues on the next one."""
    out: list[str] = []
    for line in lines:
        prev = out[-1].rstrip() if out else ""
        if prev and len(prev) >= wrap_at and prev[-1] not in ".:;!?" and line.strip():
            out[-1] = prev + " " + line.strip()
        else:
            out.append(line)
    return out


def _chunk_lines(para: str, max_len: int = 2000) -> list[str]:
    lines = _unwrap(para.splitlines()) or [para]
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
