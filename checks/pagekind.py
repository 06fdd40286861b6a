"""What kind of page this is: homepage, contact, customer service, FAQ, terms, privacy, imprint, returns.

Evidence, each weighed (the `W_*` constants): the platform default path (Shopify
`/policies/contact-information`, Lightspeed `/service/`, ...), the last URL path segment, the
segments above it, a help-centre subdomain (`help.shop.nl`), the page title (first part before
a `|`/` - ` separator weighs most, the shop's own name is ignored), the first heading and a few
more, and the text of the link that led here. A text counts as *strong* evidence when keywords
cover most of it (`STRONG_COVERAGE`): "Klantenservice" or "Neem contact met ons op" are strong,
the product "Privacy-friendly webcam" or "Contact grill XL" only weak, and "Contactgrill" does
not match at all (keywords are whole words, compounds only through the stems in vocabulary.py).
A kind wins when it has at least one strong piece of evidence and `MIN_SCORE` in total; ties
go to the earlier kind in `vocabulary.KIND_PRECEDENCE` (contact before customer service before
imprint, terms, privacy, returns, FAQ, about).

Choices, for shops we have not seen:
* Homepage: path `/`, a bare locale root (`/nl/`, `/en-gb`, `/nl_BE/`) or `/index.html`, `/home`,
  with no query beyond tracking parameters; `is_homepage=True` forces it, `False` forbids it.
  The root of a help-centre subdomain (`help.shop.nl/`) is customer service, not the homepage,
  unless the caller says so.
* About pages ("over ons", "about us", "über uns", "qui sommes-nous") are `other`: DOMAIN.md
  lists them with the imprint words, but most about pages are a story, not the legal identity.
  An about page whose headings or title also say colofon / bedrijfsgegevens / impressum /
  company information is `imprint`. Colofon, bedrijfsgegevens, disclaimer, juridische
  informatie, impressum, anbieterkennzeichnung, legal notice, mentions légales are `imprint`.
* The statutory withdrawal notice (Widerrufsbelehrung, herroepingsrecht, droit de rétractation,
  its model form) is `terms`: it is legal boilerplate required next to the AGB, not the page a
  customer reads to send something back, so contact data found only there counts as "only in
  legal documents". Pages about sending things back (retourneren, Rücksendung, returns, refund
  policy) are `returns`; a page with both ("Retourneren en herroepingsrecht") is `returns`.
* Shopify's `/policies/contact-information` is `imprint`, not contact: it is a legal policy page
  and DOMAIN.md counts contact details found only there as "only in legal documents".
* An article about a kind (`/blog/algemene-voorwaarden-uitgelegd`, `/nieuws/...`, `/ratgeber/...`)
  is `other`: inside article paths all evidence is weak. A link to it still scores as a hint.
* Shipping and payment pages are `other`; FAQ pages are `faq` even under a customer-service path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from checks.domains import registrable_domain
from checks.vocabulary import (
    ARTICLE_SEGMENTS,
    FILLER_WORDS,
    HELP_SUBDOMAINS,
    HOMEPAGE_LEAVES,
    KIND_PRECEDENCE,
    LOCALE_SEGMENT,
    MAX_PHRASE,
    PDF_SINGLE_WORDS,
    PHRASE_STARTS,
    PHRASES,
    PLATFORM_PATHS,
    REPORTED_KIND,
    ROUTE_PARAMS,
    SINGLE_WORDS,
    TRACKING_PARAMS,
    TRACKING_PREFIXES,
    fold,
    may_name_kind,
    stem_kind,
)

STRONG_COVERAGE = 0.6  # share of a text's meaningful words that keywords must cover
WEAK_FACTOR = 0.25  # weak evidence counts this much of its weight
MIN_SCORE = 2.0  # a kind needs this much evidence in total
W_PLATFORM = 10.0  # a platform's default path for that kind
W_LEAF = 3.0  # last path segment (or a route parameter)
W_PARENT = 1.5  # each path segment above it
W_SUBDOMAIN = 1.5  # help.shop.nl (counts as a leaf on the subdomain's root)
W_TITLE = 3.0  # first part of <title>
W_TITLE_REST = 1.5  # other title parts (the shop name is ignored)
W_HEADING = 2.0  # first heading
W_HEADING_REST = 0.75  # the next few headings
W_LINK_TEXT = 2.5  # the text of the link that led to the page
MAX_HEADINGS = 5
LEGAL_PDF_KINDS = frozenset({"terms", "privacy", "imprint", "returns"})
TITLE_SEPARATORS = re.compile(r"\s*[|·•»›]\s*|\s+[-–—:/]\s+|:\s+")
_HAS_DIGIT = re.compile(r"\d")


class TextHits(NamedTuple):
    kinds: tuple[str, ...]  # kinds (and pseudo-kinds) named, in order of appearance
    covered: int  # tokens inside a keyword
    uncovered: tuple[str, ...]  # meaningful tokens outside any keyword


_NO_HITS = TextHits((), 0, ())


@lru_cache(maxsize=65536)
def scan_text(text: str, pdf: bool = False) -> TextHits:
    """Which kinds a short text (link text, title part, heading, slug) names, and how much of it."""
    folded = fold(text)
    tokens = folded.split()
    if not may_name_kind(tokens):
        return _NO_HITS
    kinds: list[str] = []
    covered = 0
    uncovered: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        kind = None
        if token in PHRASE_STARTS:
            for size in range(min(MAX_PHRASE, n - i), 1, -1):
                kind = PHRASES.get(tuple(tokens[i : i + size]))
                if kind:
                    break
            if kind:
                if kind not in kinds:
                    kinds.append(kind)
                covered += size
                i += size
                continue
        kind = SINGLE_WORDS.get(token) or (PDF_SINGLE_WORDS.get(token) if pdf else None)
        if kind is None and len(token) > 5:
            kind = stem_kind(token)
        if kind:
            if kind not in kinds:
                kinds.append(kind)
            covered += 1
        elif token not in FILLER_WORDS and not _HAS_DIGIT.search(token):
            uncovered.append(token)
        i += 1
    return TextHits(tuple(kinds), covered, tuple(uncovered))


def is_strong(hits: TextHits, ignore: frozenset[str] = frozenset()) -> bool:
    """Keywords cover at least STRONG_COVERAGE of the meaningful words (ignoring `ignore`)."""
    if not hits.covered:
        return False
    rest = sum(1 for t in hits.uncovered if t not in ignore) if ignore else len(hits.uncovered)
    return hits.covered / (hits.covered + rest) >= STRONG_COVERAGE


class UrlInfo(NamedTuple):
    host: str
    path: str  # lower case, percent-decoded
    segments: tuple[str, ...]  # path segments without the locale prefix, lower case
    folded: tuple[str, ...]  # the same segments folded (vocabulary.fold)
    query: tuple[tuple[str, str], ...]  # (lower-case key, value), in order
    root: bool  # homepage-like: /, /nl/, /index.html, only tracking parameters
    article: bool  # inside a blog/news/magazine path
    subdomain_kind: str | None  # help.shop.nl -> customer_service
    ignore: frozenset[str]  # tokens of the shop's own name
    keywords: bool  # some path segment may name a kind (quick reject for the common product URL)


_NO_URL = UrlInfo("", "/", (), (), (), False, False, None, frozenset(), False)
_NETLOC_END = re.compile(r"[/?#]")


@lru_cache(maxsize=4096)
def _host_facts(host: str) -> tuple[frozenset[str], str | None]:
    domain = registrable_domain(host) if host else ""
    label = domain.split(".", 1)[0]
    ignore = frozenset(t for t in fold(label).split() if t not in SINGLE_WORDS)
    sub = host[: -len(domain) - 1] if domain and host.endswith("." + domain) else ""
    first = sub.split(".", 1)[0] if sub else ""
    if first == "www" and "." in sub:
        first = sub.split(".")[1]
    return ignore, HELP_SUBDOMAINS.get(first)


def _split(url: str) -> tuple[str, str, str]:
    """(host, path, query) of an absolute URL; cheaper than urlsplit on the hot path."""
    start = url.find("://")
    if start < 0 or not url[:start].isalpha():
        try:
            parts = urlsplit(url)
            return (parts.hostname or "").rstrip("."), parts.path, parts.query
        except ValueError:
            return "", "/", ""
    m = _NETLOC_END.search(url, start + 3)
    end = m.start() if m else len(url)
    host = url[start + 3 : end].rpartition("@")[2]
    if host.startswith("["):
        host = host[: host.find("]") + 1]
    elif ":" in host:
        host = host.partition(":")[0]
    tail = url[end:].partition("#")[0]
    path, _, query = tail.partition("?")
    return host.lower().rstrip("."), path, query


@lru_cache(maxsize=16384)
def url_info(url: str) -> UrlInfo:
    """The parts of a URL that the page-kind and link rules read."""
    host, path, raw_query = _split(url)
    if "%" in path:
        path = unquote(path)
    path = path.lower() or "/"
    segments = [s for s in path.split("/") if s]
    if segments and LOCALE_SEGMENT.match(segments[0]):
        segments = segments[1:]
    folded = tuple(map(fold, segments))
    query: list[tuple[str, str]] = []
    meaningful = False
    if raw_query:
        for pair in raw_query.split("&"):
            key, _, value = pair.partition("=")
            if key:
                key = unquote(key).lower()
                query.append((key, unquote(value) if "%" in value else value))
                if key not in TRACKING_PARAMS and not key.startswith(TRACKING_PREFIXES):
                    meaningful = True
    root = not meaningful and (not segments or (len(segments) == 1 and segments[0] in HOMEPAGE_LEAVES))
    article = len(folded) > 1 and not ARTICLE_SEGMENTS.isdisjoint(folded[:-1])
    ignore, sub_kind = _host_facts(host)
    joined = " ".join(folded)
    keywords = bool(joined) and (may_name_kind(joined.split()) or "/" + "/".join(segments) in PLATFORM_PATHS)
    return UrlInfo(
        host, path, tuple(segments), folded, tuple(query), root, article, sub_kind, ignore, keywords
    )


class Evidence:
    """Weighted votes for page kinds; strong votes make a kind eligible."""

    __slots__ = ("scores", "strong", "weak_only", "ignore", "pdf")

    def __init__(self, ignore: frozenset[str] = frozenset(), weak_only: bool = False, pdf: bool = False):
        self.scores: dict[str, float] = {}
        self.strong: set[str] = set()
        self.weak_only = weak_only
        self.ignore = ignore
        self.pdf = pdf

    def vote(self, kinds: Iterable[str], weight: float, strong: bool) -> None:
        strong = strong and not self.weak_only
        for kind in kinds:
            self.scores[kind] = self.scores.get(kind, 0.0) + (weight if strong else weight * WEAK_FACTOR)
            if strong:
                self.strong.add(kind)

    def text(self, text: str, weight: float) -> None:
        if text:
            hits = scan_text(text, self.pdf)
            if hits.kinds:
                self.vote(hits.kinds, weight, is_strong(hits, self.ignore))

    def url(self, info: UrlInfo) -> None:
        segments = info.segments
        platform = PLATFORM_PATHS.get("/" + "/".join(segments)) if segments else None
        if platform:
            self.vote((platform,), W_PLATFORM, True)
        for key, value in info.query:
            if key in ROUTE_PARAMS and value:
                self.text(value.replace("/", " "), W_LEAF)
        if info.keywords:
            leaf = segments[-1]
            dot = leaf.rfind(".")
            self.text(leaf[:dot] if dot > 0 else leaf, W_LEAF)
            for parent in info.folded[-2::-1][:3]:
                self.text(parent, W_PARENT)
        if info.subdomain_kind:
            self.vote((info.subdomain_kind,), W_LEAF if not segments else W_SUBDOMAIN, True)

    def best(self) -> str | None:
        """The winning kind or pseudo-kind, or None when no kind has enough strong evidence."""
        best, best_score = None, MIN_SCORE - 1e-9
        for kind in KIND_PRECEDENCE:
            score = self.scores.get(kind, 0.0)
            if kind in self.strong and score > best_score:
                best, best_score = kind, score
        return best

    def hint(self) -> bool:
        """Some evidence for a kind that did not win (e.g. a page under /klantenservice/)."""
        return bool(self.scores)


def split_title(title: str) -> list[str]:
    """Title parts, most specific first: `Retourneren | Klantenservice | Shop` -> three parts."""
    return [p for p in TITLE_SEPARATORS.split(title.strip()) if p] if title else []


def classify_page(
    url: str,
    title: str = "",
    headings: Sequence[str] = (),
    link_text: str = "",
    is_homepage: bool | None = None,
) -> str:
    """One of checks.model.PAGE_KINDS for a page, from its URL, title, headings and incoming link text."""
    if is_homepage:
        return "homepage"
    info = url_info(url)
    if is_homepage is None and info.root and not info.subdomain_kind:
        return "homepage"
    evidence = Evidence(info.ignore, weak_only=info.article)
    evidence.url(info)
    for i, part in enumerate(split_title(title)[:3]):
        evidence.text(part, W_TITLE if i == 0 else W_TITLE_REST)
    for i, heading in enumerate(headings[:MAX_HEADINGS]):
        evidence.text(heading[:200], W_HEADING if i == 0 else W_HEADING_REST)
    evidence.text(link_text[:200], W_LINK_TEXT)
    kind = evidence.best()
    if kind is None:
        return "other"
    if kind == "about" and "imprint" in evidence.strong:
        return "imprint"
    return REPORTED_KIND.get(kind, kind)


def legal_kind_of_pdf(url: str, link_text: str) -> str | None:
    """terms, privacy, imprint or returns when a PDF's file name or link text says so, else None."""
    info = url_info(url)
    evidence = Evidence(info.ignore, pdf=True)
    segments = info.segments
    if segments:
        leaf = segments[-1]
        evidence.text(leaf[:-4] if leaf.endswith(".pdf") else leaf, W_LEAF)
        for parent in segments[-2::-1][:2]:
            evidence.text(parent, W_PARENT)
    evidence.text(link_text[:200], W_LINK_TEXT)
    kind = evidence.best()
    kind = REPORTED_KIND.get(kind, kind) if kind else None
    return kind if kind in LEGAL_PDF_KINDS else None
