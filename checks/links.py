"""Every link on a page with a crawl priority: contact and customer service first, never the cart.

Score scale (`score_link`; higher is fetched first, below 0 never):

    100 contact             75 terms (HTML or PDF; also the withdrawal notice)   50 about us
     90 customer service    70 privacy                                           20 shipping/payment info
     80 imprint / colofon   60 returns              55 FAQ                       15 a weak hint (see below)
     10 any other page       5 the homepage or a language root
      1 product, category, brand and tag pages; pagination pages 2-3; PDFs that are not legal documents
     -1 never: another site, cart/checkout, account/login/wishlist, search, filters and sorting,
        faceted URLs (more than MAX_QUERY_PARAMS parameters), calendars and date archives, pagination
        beyond page MAX_PAGINATION_PAGE, add-to-cart, compare, print, share, feeds, asset files,
        Cloudflare's /cdn-cgi/ routes; and buttons whose whole text is "In winkelwagen", "Inloggen"...

The kind comes from the link text and the URL, weighed alike (`W_LINK_TEXT` = `W_LEAF`), so
`<a href="/p/123">Klantenservice</a>` is customer service and `/pages/contact` with text "Meer"
is contact. A never-follow URL wins over any kind (`/search?q=contact` is a search); a kind wins
over the low product score. A *hint* is evidence for a kind that is too weak to name it: a page
under `/klantenservice/`, or an article such as `/blog/algemene-voorwaarden-uitgelegd`.
Where on the page a link sits (header, footer, main) is recorded but does not change its score.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
from lxml import etree

from checks.domains import host_of, same_site
from checks.model import Link
from checks.page import SEP, AnchorIndex, item_indices
from checks.pagekind import (
    W_LEAF,
    Evidence,
    UrlInfo,
    _host_facts,
    _split,
    legal_kind_of_pdf,
    scan_text,
    url_info,
)
from checks.vocabulary import (
    ASSET_EXTENSIONS,
    DATE_PATH,
    DATE_SEGMENT,
    HELP_SUBDOMAINS,
    HOMEPAGE_LEAVES,
    KEY_TOKENS,
    LOCALE_SEGMENT,
    MAX_PAGINATION_PAGE,
    MAX_QUERY_PARAMS,
    NEVER_PARAM_FAMILY,
    NEVER_PARAM_PREFIXES,
    NEVER_SEGMENT_FAMILY,
    NEVER_TEXT_SET,
    PAGINATION_PARAMS,
    PAGINATION_PATH,
    PLATFORM_PATHS,
    PRICE_TEXT,
    PRODUCT_PATH,
    PRODUCT_SEGMENTS,
    REPORTED_KIND,
    ROUTE_PARAMS,
    STEM_HEADS,
    SUFFIX_TUPLE,
    TRACKING_PARAMS,
    TRACKING_PREFIXES,
    fold,
    may_name_kind,
)

KIND_SCORES: dict[str, int] = {
    "contact": 100,
    "customer_service": 90,
    "imprint": 80,
    "terms": 75,
    "withdrawal": 75,
    "privacy": 70,
    "returns": 60,
    "faq": 55,
    "about": 50,
    "shipping": 20,
}
SCORE_HINT = 15
SCORE_ORDINARY = 10
SCORE_HOMEPAGE = 5
SCORE_LOW = 1
SCORE_NEVER = -1
W_LINK_TEXT = W_LEAF  # link text weighs as much as the URL's last segment
MAX_TEXT = 200  # characters of link text kept
SKIP_SCHEMES = (
    "mailto:", "tel:", "javascript:", "data:", "callto:", "sms:", "whatsapp:", "about:", "skype:", "fax:",
    "ftp:", "file:", "intent:", "market:", "blob:", "viber:", "geo:",
)  # fmt: skip
_CONTROL = re.compile(r"[\t\n\r]")
_DIGIT = re.compile(r"\d")
_NEVER_SEGMENTS = frozenset(NEVER_SEGMENT_FAMILY)
_DATE_OR_PAGE = re.compile(r"(?:19|20)\d\d[-/]|/(?:page|pagina|seite|pagine)[/-]\d")  # before the exact rules


def never_follow_reason(url: str) -> str | None:
    """The never-follow family a URL belongs to (cart, account, search, filter, ...), or None."""
    return _never(url_info(url), url_info(url).path.endswith(".pdf"))


def _never(info: UrlInfo, is_pdf: bool) -> str | None:
    segments = info.segments
    if segments:
        leaf = segments[-1]
        dot = leaf.rfind(".")
        if dot > 0:
            if leaf[dot + 1 :] in ASSET_EXTENSIONS:
                return "asset"
            family = NEVER_SEGMENT_FAMILY.get(fold(leaf[:dot]))
            if family and not (family == "technical" and is_pdf):
                return family
        if not _NEVER_SEGMENTS.isdisjoint(info.folded):
            for folded in info.folded:
                family = NEVER_SEGMENT_FAMILY.get(folded)
                if family and not (family == "technical" and is_pdf):
                    return family
        path = info.path
        if _DATE_OR_PAGE.search(path):
            m = PAGINATION_PATH.search(path)
            if m and int(m.group(1)) > MAX_PAGINATION_PAGE:
                return "pagination"
            if DATE_PATH.search(path) or DATE_SEGMENT.search(path):
                return "calendar"
    meaningful = 0
    for key, value in info.query:
        if key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES):
            continue
        if key in PAGINATION_PARAMS:
            if value.isdigit() and int(value) > MAX_PAGINATION_PAGE:
                return "pagination"
            continue
        family = NEVER_PARAM_FAMILY.get(key)
        if family:
            return family
        if key.startswith(NEVER_PARAM_PREFIXES):
            return "filter"
        meaningful += 1
    if meaningful > MAX_QUERY_PARAMS:
        return "filter"
    return None


def _low_priority(info: UrlInfo, text: str) -> bool:
    """Product, category, brand or tag page, or pagination page 2-3."""
    if not PRODUCT_SEGMENTS.isdisjoint(info.folded):
        return True
    path = info.path
    if _DIGIT.search(path) and (PRODUCT_PATH.search(path) or PAGINATION_PATH.search(path)):
        return True
    for key, value in info.query:
        if key in PAGINATION_PARAMS and value not in ("", "0", "1"):
            return True
    return bool(text) and _DIGIT.search(text) is not None and PRICE_TEXT.search(text) is not None


# Every word a never-follow segment or a platform path is made of: a URL holding none of them,
# and no kind keyword, can take the quick path below.
_QUICK_STOP_TOKENS = frozenset(
    word for key in list(NEVER_SEGMENT_FAMILY) + list(PLATFORM_PATHS) for word in fold(key).split()
)


def _quick_ordinary(url: str, text: str) -> tuple[int, str, bool] | None:
    """The score of a plain on-site link (most product and category links) without the full rules.

    Returns None whenever anything in the URL or the text could matter to the full rules (a
    query, a file extension, a date or page number, a keyword or stem, a never-follow word, a
    help-centre subdomain, a home or language root); `tests/test_links.py` checks that both
    paths agree on every link of the golden pages.
    """
    host, path, query = _split(url)
    if query or not path.isascii() or "%" in path or "." in path.rsplit("/", 1)[-1]:
        return None
    segments = [seg for seg in path.lower().split("/") if seg]
    if not segments or (
        len(segments) == 1 and (segments[0] in HOMEPAGE_LEAVES or LOCALE_SEGMENT.match(segments[0]))
    ):
        return None
    tokens = fold(path).split()
    if not _QUICK_STOP_TOKENS.isdisjoint(tokens) or may_name_kind(tokens) or _DATE_OR_PAGE.search(path):
        return None
    if _host_facts(host)[1]:
        return None
    if text:
        folded = fold(text)
        if folded in NEVER_TEXT_SET or may_name_kind(folded.split()):
            return None
    low = path.lower()
    product = (
        not PRODUCT_SEGMENTS.isdisjoint(map(fold, segments))
        or (_DIGIT.search(low) is not None and PRODUCT_PATH.search(low) is not None)
        or (bool(text) and _DIGIT.search(text) is not None and PRICE_TEXT.search(text) is not None)
    )
    return (SCORE_LOW if product else SCORE_ORDINARY), "other", False


@lru_cache(maxsize=131072)
def _score(url: str, text: str, onsite: bool) -> tuple[int, str, bool]:
    if onsite:
        quick = _quick_ordinary(url, text)
        if quick is not None:
            return quick
    return _full_score(url, text, onsite)


def _full_score(url: str, text: str, onsite: bool) -> tuple[int, str, bool]:
    info = url_info(url)
    is_pdf = info.path.endswith(".pdf")
    never = _never(info, is_pdf)
    if is_pdf:
        kind = legal_kind_of_pdf(url, text)
        if not onsite or never:
            return SCORE_NEVER, kind or "other", True
        return (KIND_SCORES[kind], kind, True) if kind else (SCORE_LOW, "other", True)
    if never and onsite:
        return SCORE_NEVER, "other", False
    route = bool(info.query) and any(key in ROUTE_PARAMS for key, _ in info.query)
    if info.keywords or info.subdomain_kind or route or scan_text(text).kinds:
        evidence = Evidence(info.ignore, weak_only=info.article)
        evidence.url(info)
        evidence.text(text, W_LINK_TEXT)
        found, hint = evidence.best(), evidence.hint()
    else:  # the common product link: nothing in its URL or text names a kind
        found, hint = None, False
    kind = REPORTED_KIND.get(found, found) if found else ("homepage" if info.root else "other")
    if not onsite or never:
        return SCORE_NEVER, kind, False
    if found:
        return KIND_SCORES[found], kind, False
    if info.root:
        return SCORE_HOMEPAGE, kind, False
    if text and fold(text) in NEVER_TEXT_SET:
        return SCORE_NEVER, kind, False
    if _low_priority(info, text):
        return SCORE_LOW, kind, False
    if hint:
        return SCORE_HINT, kind, False
    return SCORE_ORDINARY, kind, False


def score_link(url: str, text: str, base_url: str) -> tuple[int, str, bool]:
    """(crawl priority, the page kind it probably leads to, is it a PDF) for an absolute URL."""
    return _score(url.split("#", 1)[0], " ".join(text.split())[:MAX_TEXT], same_site(url, base_url))


def _base_of(root: lxml.html.HtmlElement, page_url: str) -> str:
    """The page URL, or the document's <base href> resolved against it."""
    head = root.find("head") if root.tag == "html" else None
    base = head.find("base") if head is not None else None
    href = (base.get("href") or "").strip() if base is not None else ""
    if href:
        resolved = urljoin(page_url, _CONTROL.sub("", href))
        if resolved.startswith(("http://", "https://")):
            return resolved
    return page_url


def _fallback_text(a: lxml.html.HtmlElement) -> str:
    text = a.get("title") or a.get("aria-label") or ""
    if not text.strip():
        for img in a.iter("img"):
            text = img.get("alt") or ""
            if text.strip():
                break
    return " ".join(text.split())


# -- the crawl's shortcut: only links that can name a page kind ------------------------------------
# A prioritised crawl follows only links whose score reaches a kind score (KIND_SCORES), and a
# kind needs a keyword, stem or platform path in the link's URL or text. These patterns are a
# superset of `may_name_kind` (whole tokens, stem heads, suffixes) run once over all hrefs and
# all link texts of a page, so the thousands of product links of a category page never reach
# the per-link Python code.
_EXTRA_TOKENS = (
    {word for key in PLATFORM_PATHS for word in fold(key).split()}
    | set(HELP_SUBDOMAINS)
    | set(ROUTE_PARAMS)
    | {"pdf"}
)


_CANDIDATE_TOKENS = KEY_TOKENS | frozenset(t for t in _EXTRA_TOKENS if not t.isdigit())


def _accent_table() -> dict[int, str]:
    """Latin letters with accents -> their base letters (what `fold` gets through NFKD)."""
    table: dict[int, str] = {ord("ß"): "ss"}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFKD", chr(code)).encode("ascii", "ignore").decode("ascii")
        if base.isalpha():
            table[code] = base.lower()
    return table


_ACCENTS = _accent_table()


def _fold_bulk(text: str) -> str:
    """`fold` for a long string of many items, keeping every character that separates them.

    One str.translate for accents instead of NFKD; other non-ASCII characters stay and separate
    tokens like any non-alphanumeric character.
    """
    text = text.lower()
    if not text.isascii():
        text = text.translate(_ACCENTS)
    return text.replace("ae", "a").replace("oe", "o").replace("ue", "u")


_ANCHOR_TEXTS = etree.XPath("//a//text()")


def _kind_tokens(tokens: set[str]) -> set[str]:
    """The tokens that may name a kind: keywords (and platform, help-subdomain, route and PDF
    words) as whole tokens, and tokens over 5 characters with a stem head or a suffix stem."""
    found = tokens & _CANDIDATE_TOKENS
    found.update(t for t in tokens if len(t) > 5 and (t[:4] in STEM_HEADS or t.endswith(SUFFIX_TUPLE)))
    return found


# Every byte that is not [a-z0-9] becomes a space: tokens of a folded text in one C pass.
_TOKEN_BYTES = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))


def _tokens(folded: str) -> set[str]:
    """The [a-z0-9]+ runs of a folded (lowercase) text, as a set; twice as fast as the regex.
    Non-ASCII characters separate tokens, as any other character does."""
    raw = folded.encode("ascii", "replace").translate(_TOKEN_BYTES)
    return {token.decode("ascii") for token in set(raw.split())}


def _hinted(items: list[str]) -> list[int]:
    """The indices of the items whose folded text may name a kind.

    All items are folded and split into tokens in one go (C); the set of distinct tokens is
    tested; only the few tokens that matched are looked up again to find their items.
    """
    if not items:
        return []
    joined = SEP.join(items)
    if "%" in joined:
        joined = unquote(joined)
    joined = _fold_bulk(joined)
    matched = _kind_tokens(_tokens(joined))
    if not matched:
        return []
    if joined.count(SEP) != len(items) - 1:
        return list(range(len(items)))  # a separator inside an item: no shortcut, lose nothing
    spots: list[int] = []
    size = len(joined)
    for token in matched:
        at = joined.find(token)
        while at >= 0:
            end = at + len(token)
            if (at == 0 or not joined[at - 1].isalnum()) and (end == size or not joined[end].isalnum()):
                spots.append(at)
            at = joined.find(token, end)
    return item_indices(joined, spots)


def _anchor_of(node) -> lxml.html.HtmlElement | None:
    while node is not None and node.tag != "a":
        node = node.getparent()
    return node


def candidate_anchors(
    root: lxml.html.HtmlElement, anchors: AnchorIndex | None = None
) -> list[lxml.html.HtmlElement]:
    """The <a href> elements whose href, text, title, aria-label or image alt could name a page kind.

    lxml returns all hrefs and all link texts as strings (C); folding and the keyword search run
    once over each joined list; Python only touches the links that matched.
    """
    if anchors is None:
        anchors = AnchorIndex(root)
    chosen: dict = {}
    for i in _hinted(anchors.hrefs):
        chosen[anchors.elements[i]] = None
    texts = _ANCHOR_TEXTS(root)
    for i in _hinted(texts):
        anchor = _anchor_of(texts[i].getparent())
        if anchor is not None and anchor.get("href"):
            chosen[anchor] = None
    # links without text: their title, aria-label or image alt
    for i in _hinted(anchors.labels):
        anchor = anchors.elements[anchors.label_owner[i]]
        if anchor in chosen or not anchor.get("href"):
            continue
        # textless as XPath's normalize-space() sees it: only these four are blank
        if anchor.text_content().strip(" \t\r\n"):
            continue
        if _kind_tokens(_tokens(_fold_bulk(_fallback_text(anchor)))):
            chosen[anchor] = None
    return list(chosen)


def extract_links(
    root: lxml.html.HtmlElement,
    base_url: str,
    region_of: Callable[[lxml.html.HtmlElement], str] | None = None,
    min_score: int | None = None,
    anchors: AnchorIndex | None = None,
) -> list[Link]:
    """Every http(s) link of a page, absolute and without fragment, deduplicated, with its score.

    With `min_score` at or above the lowest kind score, only links scoring at least that much
    are returned, and links that cannot name a page kind are never looked at (see above).
    `anchors`: the page's anchors when the caller has read them already (`ParsedPage.anchors`).
    """
    if min_score is not None and min_score >= min(KIND_SCORES.values()):
        elements = candidate_anchors(root, anchors)
    else:
        elements = anchors.elements if anchors is not None else root.iter("a")
    links = _links_of(elements, _base_of(root, base_url), region_of)
    if min_score is not None:
        links = [link for link in links if link.score >= min_score]
    return links


def _links_of(anchors, base: str, region_of: Callable[[lxml.html.HtmlElement], str] | None) -> list[Link]:
    parts = urlsplit(base)
    scheme, origin = parts.scheme, f"{parts.scheme}://{parts.netloc}"
    base_host = host_of(base)
    onsite_by_origin: dict[str, bool] = {origin: True}
    found: dict[str, Link] = {}
    for a in anchors:
        href = a.get("href")
        if not href:
            continue
        href = href.strip()
        if not href or href[0] == "#":
            continue
        if "\n" in href or "\t" in href or "\r" in href:
            href = _CONTROL.sub("", href)
        head = href[:12].lower()
        if head.startswith(SKIP_SCHEMES):
            continue
        if href[0] == "/" and not href.startswith("//"):
            url = origin + href
        elif head.startswith(("http://", "https://")):
            url = href
        elif href.startswith("//"):
            url = f"{scheme}:{href}"
        else:
            url = urljoin(base, href)
            if not url.startswith(("http://", "https://")):
                continue
        hash_at = url.find("#")
        if hash_at >= 0:
            url = url[:hash_at]
        slash = url.find("/", url.find("//") + 2)
        url_origin = url if slash < 0 else url[:slash]
        onsite = onsite_by_origin.get(url_origin)
        if onsite is None:
            onsite = onsite_by_origin[url_origin] = same_site(host_of(url), base_host)
        text = " ".join(a.text_content().split()) or _fallback_text(a)
        text = text[:MAX_TEXT]
        score, kind, is_pdf = _score(url, text, onsite)
        previous = found.get(url)
        if previous is not None and (score, len(text)) <= (previous.score, len(previous.text)):
            continue
        region = region_of(a) if region_of is not None else "main"
        found[url] = Link(url=url, text=text, score=score, kind=kind, is_pdf=is_pdf, region=region)
    return list(found.values())
