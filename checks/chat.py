"""Live-chat and messaging widgets, and WhatsApp / Messenger links (DOMAIN.md section 1).

A non-rendering crawler sees the loader, not the widget: a `<script src>`, an inline bootstrap
snippet (hosts and globals in JS strings), sometimes an iframe, a `<link>`, a server-rendered
container or custom element. Consent managers park loaders as `type="text/plain"` (Cookiebot,
OneTrust, Complianz, Usercentrics, ...); such a loader still shows the shop offers chat, so every
`<script>` is read and the finding says `blocked_by_consent`.

The vendor signatures are data: `checks/data/chat_signatures.toml`, one row per product with its
loader hosts and paths, JS globals, API calls and DOM markers, and the source of the fingerprint.
The table is compiled once into combined matchers, so the cost per page does not grow with the
number of rows:

- URLs (script/iframe/link URLs, URLs and quoted host names inside scripts): each distinct host
  is looked up, suffix by suffix, in one dict of loader hosts; path fragments (self-hosted
  loaders) are a few substring searches on the joined URLs, each behind a literal needle.
- Inline scripts: split once into identifier tokens; only the rows whose key identifier occurs
  run their exact regex. A megabyte of inline JSON costs one tokenising pass, not 300 scans.
- DOM markers: indexed by id, class, tag and attribute name.

A messaging link counts only when it leads to someone to contact: `wa.me/<number>`,
`api.whatsapp.com/send?phone=<number>`, `whatsapp://send?phone=`, `wa.me/message/<code>`,
`wa.link/<code>`, `m.me/<page>`. A share button (`wa.me/?text=`, `api.whatsapp.com/send?text=`,
`whatsapp://send?text=`, `facebook.com/sharer`) is no contact channel.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

import lxml.html
import phonenumbers
from lxml import etree

from checks.model import ChatFinding
from checks.page import items_containing, of_tags

SIGNATURES_FILE = Path(__file__).resolve().parent / "data" / "chat_signatures.toml"


def literal_needle(pattern: str) -> str:
    """The longest literal run that every match of `pattern` must contain ("" if none)."""
    best, run, i, depth = "", "", 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            i += 2
            if depth == 0 and not nxt.isalnum():
                run += nxt
                continue
            best, run = max(best, run, key=len), ""
            continue
        if c == "[":
            j = i + 1 + (pattern[i + 1 : i + 2] == "^")
            j += pattern[j : j + 1] == "]"
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            best, run, i = max(best, run, key=len), "", j + 1
            continue
        if c in "?*{":
            run = run[:-1]  # the previous character may be absent
        if c == "|" and depth == 0:
            return ""  # alternation at top level: nothing is guaranteed
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        if c in ".^$?*{}+()|":
            best, run = max(best, run, key=len), ""
            if c == "{":
                i = pattern.index("}", i)
        elif depth == 0:
            run += c
        i += 1
    return max(best, run, key=len)


# -- the table -------------------------------------------------------------------------------


class Dom(NamedTuple):
    marker: str  # as written in the table: "#id", ".class", "tag", "[attr]", "tag[attr=v]", "[attr*=v]"
    tag: str
    id: str
    cls: str
    attrs: tuple[tuple[str, str, str], ...]  # (name, op, value); op "" (present), "=" or "*="


class Signature(NamedTuple):
    vendor: str  # stable lower-case id: a public contract (findings, reports)
    name: str
    hosts: tuple[str, ...]  # "host" or "host/path-prefix", lower case
    labels: tuple[str, ...]  # first DNS label of a loader host on any parent domain
    paths: tuple[str, ...]  # URL fragments on any host; "*" = one run of [\w.-]
    globals: tuple[str, ...]  # JS identifiers or dotted paths
    calls: tuple[str, ...]  # call prefixes: "zE('messenger"
    strings: tuple[str, ...]  # literal strings in inline scripts
    dom: tuple[Dom, ...]
    source: str


_FIELDS = ("id", "name", "hosts", "labels", "paths", "globals", "calls", "strings", "dom", "source")
_SIGNAL_FIELDS = ("hosts", "labels", "paths", "globals", "calls", "strings", "dom")
VENDOR_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_HOST_ENTRY = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+(?:/[^\s]*)?$")
_IDENT_PATH = re.compile(r"^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$")
_CALL = re.compile(r"^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*[(\[]")
_DOM_SYNTAX = re.compile(
    r"^(?P<tag>[a-z][\w-]*)?(?:#(?P<id>[\w-]+))?(?:\.(?P<cls>[\w-]+))?(?P<attrs>(?:\[[^\]]+\])*)$"
)
_DOM_ATTR = re.compile(r"\[([\w-]+)(?:(\*?=)([^\]]*))?\]")


def parse_dom(marker: str) -> Dom:
    m = _DOM_SYNTAX.match(marker)
    if not m or marker == "":
        raise ValueError(f"DOM marker {marker!r} is not of the form tag#id.class[attr=value].")
    attrs = tuple((n, op or "", v or "") for n, op, v in _DOM_ATTR.findall(m["attrs"] or ""))
    return Dom(marker, m["tag"] or "", m["id"] or "", m["cls"] or "", attrs)


def _strings(row: dict, key: str) -> tuple[str, ...]:
    value = row.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"chat signature {row.get('id')!r}: {key} must be a list of non-empty strings")
    return tuple(value)


def parse_signature(row: dict) -> Signature:
    """One table row, validated; ValueError says what is wrong with it."""
    unknown = set(row) - set(_FIELDS)
    vendor = row.get("id")
    if unknown:
        raise ValueError(f"chat signature {vendor!r}: unknown field(s) {', '.join(sorted(unknown))}")
    if not isinstance(vendor, str) or not VENDOR_ID.match(vendor):
        raise ValueError(f"chat signature id {vendor!r} must be lower-case letters, digits and _")
    for key in ("name", "source"):
        if not isinstance(row.get(key), str) or not row[key].strip():
            raise ValueError(f"chat signature {vendor!r}: {key} is missing")
    sig = Signature(
        vendor=vendor,
        name=row["name"],
        hosts=_strings(row, "hosts"),
        labels=_strings(row, "labels"),
        paths=_strings(row, "paths"),
        globals=_strings(row, "globals"),
        calls=_strings(row, "calls"),
        strings=_strings(row, "strings"),
        dom=tuple(parse_dom(d) for d in _strings(row, "dom")),
        source=row["source"],
    )
    if not any(getattr(sig, k) for k in _SIGNAL_FIELDS):
        raise ValueError(f"chat signature {vendor!r} has no signature at all")
    for h in sig.hosts:
        if not _HOST_ENTRY.match(h):
            raise ValueError(f"chat signature {vendor!r}: host {h!r} is not a lower-case host[/path]")
    for p in (*sig.labels, *sig.paths):
        if p != p.lower() or len(p.replace("*", "")) < 6:
            raise ValueError(f"chat signature {vendor!r}: {p!r} must be lower case and specific")
    for g in sig.globals:
        if not _IDENT_PATH.match(g):
            raise ValueError(f"chat signature {vendor!r}: global {g!r} is not an identifier path")
    for c in sig.calls:
        if not _CALL.match(c):
            raise ValueError(f"chat signature {vendor!r}: call {c!r} must start with name( or name[")
    for d in sig.dom:
        own_tag = d.tag and d.tag not in ("script", "iframe", "link", "div", "span")
        if not (d.id or d.cls or own_tag or any(n not in ("src", "href") for n, _, _ in d.attrs)):
            # a loader URL alone is a host or path signature, and a bare div is no marker
            raise ValueError(
                f"chat signature {vendor!r}: DOM marker {d.marker!r} needs an id, class or attribute"
            )
    return sig


def load_signatures(path: Path = SIGNATURES_FILE) -> tuple[Signature, ...]:
    with open(path, "rb") as fh:
        rows = tomllib.load(fh).get("vendor", [])
    return tuple(parse_signature(row) for row in rows)


SIGNATURES: tuple[Signature, ...] = load_signatures()


# -- compiled matchers -------------------------------------------------------------------------

# Identifiers that say nothing about a vendor: never used as the key token of a code pattern.
_WEAK_TOKENS = frozenset({"window", "document", "init", "load", "settings", "config", "on", "get", "call"})
IDENT_TOKEN = re.compile(r"[A-Za-z_$][\w$]*")


def _ident_path_regex(path: str) -> str:
    parts = path.split(".")
    return r"(?<![\w$])" + r"\s*\.\s*".join(re.escape(p) for p in parts) + r"(?![\w$])"


def _call_regex(call: str) -> str:
    out = [r"(?<![\w$])"]
    for ch in call:
        if ch == ".":
            out.append(r"\s*\.\s*")
        elif ch in "([":
            out.append(r"\s*" + re.escape(ch) + r"\s*")
        elif ch in "'\"":
            out.append("['\"]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _code_host_regex(host: str, path: str) -> str:
    """A loader host written in a script as a quoted string ('static.olark.com/x.js',
    host='getbutton.io') or as a subdomain in a URL; never the vendor's bare or www site in a URL
    (those are read from the URL corpus, where a homepage link does not count)."""
    before = r"(?:(?<=['\"])|(?<=[A-Za-z0-9-]\.)(?<!www\.))"
    after = "/" + re.escape(path) if path else r"(?=[/'\"?:])"
    return before + re.escape(host) + after


def _key_token(text: str) -> str:
    tokens = [t for t in IDENT_TOKEN.findall(text) if t not in _WEAK_TOKENS]
    return max(tokens, key=len) if tokens else text


def path_regex(fragment: str) -> str:
    return r"[\w.-]*".join(re.escape(part) for part in fragment.split("*"))


class HostEntry(NamedTuple):
    vendor: int
    prefix: str  # path prefix after the host, "" for any
    apex: str  # the entry's host


class CodeEntry(NamedTuple):
    vendor: int
    regex: re.Pattern[str]
    entry: str


class Matchers:
    """The signature table compiled into lookups shared by all vendors."""

    def __init__(self, signatures: tuple[Signature, ...]) -> None:
        self.signatures = signatures
        self.hosts: dict[str, list[HostEntry]] = {}
        self.labels: dict[str, int] = {}
        self.paths: list[tuple[int, str, re.Pattern[str], str]] = []  # vendor, needle, regex, entry
        self.code: dict[str, list[CodeEntry]] = {}
        self.code_hosts: dict[str, list[CodeEntry]] = {}  # loader hosts written in scripts
        self.strings: list[tuple[int, str]] = []
        self.dom_ids: dict[str, list[tuple[int, Dom]]] = {}
        self.dom_classes: dict[str, list[tuple[int, Dom]]] = {}
        self.dom_tags: dict[str, list[tuple[int, Dom]]] = {}
        self.dom_attrs: dict[str, list[tuple[int, Dom]]] = {}
        for i, sig in enumerate(signatures):
            for h in sig.hosts:
                host, _, rest = h.partition("/")
                self.hosts.setdefault(host, []).append(HostEntry(i, "/" + rest if rest else "", host))
            for label in sig.labels:
                self.labels[label] = i
            for p in sig.paths:
                rx = path_regex(p)
                self.paths.append((i, literal_needle(rx) or p.split("*")[0], re.compile(rx), p))
            for g in sig.globals:
                self.code.setdefault(_key_token(g), []).append(
                    CodeEntry(i, re.compile(_ident_path_regex(g)), g)
                )
            for c in sig.calls:
                self.code.setdefault(_key_token(c), []).append(CodeEntry(i, re.compile(_call_regex(c)), c))
            for h in sig.hosts:
                host, _, rest = h.partition("/")
                self.code_hosts.setdefault(_key_token(host), []).append(
                    CodeEntry(i, re.compile(_code_host_regex(host, rest), re.I), h)
                )
            for s in sig.strings:
                self.strings.append((i, s))
            for d in sig.dom:
                if d.id:
                    self.dom_ids.setdefault(d.id, []).append((i, d))
                elif d.cls:
                    self.dom_classes.setdefault(d.cls, []).append((i, d))
                elif d.tag and d.tag not in ("script", "iframe", "link", "style"):
                    self.dom_tags.setdefault(d.tag, []).append((i, d))
                elif d.attrs:
                    name = next((n for n, _, _ in d.attrs if n not in ("src", "href")), d.attrs[0][0])
                    self.dom_attrs.setdefault(name, []).append((i, d))
                else:
                    self.dom_tags.setdefault(d.tag, []).append((i, d))
        self.code_keys = frozenset(self.code) | frozenset(self.code_hosts)
        self.dom_tag_names = frozenset(
            d.tag for s in signatures for d in s.dom if d.tag and d.tag not in ("script", "iframe", "link")
        )
        self.dom_attr_names = frozenset(
            n for s in signatures for d in s.dom for n, _, _ in d.attrs if n not in ("src", "href")
        )

    # URLs ------------------------------------------------------------------------------------

    def match_urls(self, urls: list[str], hits: dict[int, str]) -> None:
        if not urls:
            return
        joined = "\n".join(urls)
        seen: set[str] = set()
        for host in URL_HOST.findall(joined):
            if host in seen:
                continue
            seen.add(host)
            self._match_host(host, joined, hits)
        for vendor, needle, regex, _entry in self.paths:
            if vendor not in hits and needle in joined:
                m = regex.search(joined)
                if m:
                    hits[vendor] = m.group(0)

    def _match_host(self, host: str, joined: str, hits: dict[int, str]) -> None:
        host = host.rstrip(".")
        labels = host.split(".")
        first = self.labels.get(labels[0])
        if first is not None and first not in hits and len(labels) > 2:
            hits[first] = host
        for k in range(len(labels) - 1):
            entries = self.hosts.get(".".join(labels[k:]))
            if not entries:
                continue
            for e in entries:
                if e.vendor in hits:
                    continue
                if e.prefix:
                    if host + e.prefix not in joined:
                        continue
                    hits[e.vendor] = host + e.prefix
                elif host in (e.apex, "www." + e.apex):
                    # the vendor's own site: a loader only with a path ("www.x.com/loader.js"),
                    # never its bare homepage (a "powered by" or sameAs URL)
                    if re.search("//" + re.escape(host) + r"/[^\s/?#]", joined):
                        hits[e.vendor] = host
                else:
                    hits[e.vendor] = host

    # inline code ---------------------------------------------------------------------------

    def match_code(self, code: str, hits: dict[int, str]) -> None:
        if not code:
            return
        tokens = self.code_keys.intersection(IDENT_TOKEN.findall(code))
        found: list[tuple[int, int, str]] = []  # (position, vendor, evidence)
        for key in tokens:
            for e in (*self.code_hosts.get(key, ()), *self.code.get(key, ())):
                if e.vendor in hits:
                    continue
                m = e.regex.search(code)
                if m:
                    found.append((m.start(), e.vendor, m.group(0)))
        for vendor, s in self.strings:
            if vendor not in hits:
                at = code.find(s)
                if at >= 0:
                    found.append((at, vendor, s))
        for _, vendor, evidence in sorted(found):
            hits.setdefault(vendor, evidence)

    # DOM -------------------------------------------------------------------------------------

    def may_carry_marker(self, el: lxml.html.HtmlElement) -> bool:
        if el.tag in self.dom_tag_names or el.get("id") in self.dom_ids:
            return True
        cls = el.get("class")
        if cls and not self.dom_classes.keys().isdisjoint(cls.split()):
            return True
        return any(el.get(a) is not None for a in self.dom_attr_names)

    def match_dom(self, elements: list[lxml.html.HtmlElement], hits: dict[int, str]) -> None:
        for el in elements:
            candidates: list[tuple[int, Dom]] = []
            el_id = el.get("id")
            if el_id:
                candidates += self.dom_ids.get(el_id, ())
            cls = el.get("class")
            if cls:
                for c in cls.split():
                    candidates += self.dom_classes.get(c, ())
            candidates += self.dom_tags.get(el.tag, ())
            for name in self.dom_attrs:
                if el.get(name) is not None:
                    candidates += self.dom_attrs[name]
            for vendor, d in candidates:
                if vendor not in hits and _dom_matches(d, el):
                    hits[vendor] = d.marker


def _dom_matches(d: Dom, el: lxml.html.HtmlElement) -> bool:
    if d.tag and el.tag != d.tag:
        return False
    if d.id and el.get("id") != d.id:
        return False
    if d.cls and d.cls not in (el.get("class") or "").split():
        return False
    for name, op, value in d.attrs:
        got = el.get(name)
        if got is None:
            return False
        if name in ("src", "href"):
            got = got.lower()
        if (op == "=" and got != value) or (op == "*=" and value not in got):
            return False
    return True


@cache
def matchers() -> Matchers:
    return Matchers(SIGNATURES)


# Hosts in the joined URL corpus (every entry is lower-cased and written "//host..." or relative).
URL_HOST = re.compile(r"//([a-z0-9][a-z0-9.-]*\.[a-z0-9-]{2,})")

# Messaging links in <a href>. Each alternative needs a number, a page or a short-link code: a
# share button (wa.me/?text=, api.whatsapp.com/send?text=, whatsapp://send?text=) is not a channel.
_DIGITS = r"\+?(?P<{}>\d[\d\s().-]{{5,23}})"
WHATSAPP_LINK = re.compile(
    r"^(?:(?:https?:)?//(?:www\.)?(?:"
    r"wa\.me/(?:c/)?" + _DIGITS.format("digits") + r"(?![\w])"
    r"|wa\.me/message/(?P<code>\w{4,})"
    r"|(?:api|web)\.whatsapp\.com/send/?\?(?:[^#]*?&)?phone=" + _DIGITS.format("digits2") + r"|wa\.link/\w+)"
    r"|whatsapp://send/?\?(?:[^#]*?&)?phone=" + _DIGITS.format("digits3") + ")",
    re.I,
)
# m.me/<page>; messenger.com/t/<page>. Not Messenger's own paths (m.me/j/ is a group invite).
MESSENGER_LINK = re.compile(
    r"^(?:https?:)?//(?:www\.)?(?:m\.me|messenger\.com/t)/(?!j/)(?P<page>[\w.-]+)", re.I
)

# Script types that mean "parked until the visitor consents" (Cookiebot manual mode, OneTrust,
# Complianz, Usercentrics, Klaro, iubenda, Borlabs).
CONSENT_SCRIPT_TYPES = frozenset({"text/plain", "text/cmplz-script", "text/template", "text/x-cookieconsent"})
JS_SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module", "text/ecmascript",
                             "application/ecmascript", "application/x-javascript", "text/babel"})  # fmt: skip
# Data blobs: searched for vendor hosts only (a global in JSON is data, not a running widget).
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json", "text/x-magento-init"})
DEFERRED_SRC_ATTRS = ("data-src", "data-suppressedsrc", "data-src-cmplz", "data-cmplz-src")
# Inline scripts above this size are bundles or data: only the URLs in them are read, not globals.
# (Vendor snippets are a few hundred bytes to a few KB.)
MAX_INLINE_GLOBALS_SCRIPT = 50_000


_WALKED_TAGS = ("script", "iframe", "link")
_MESSAGING_HREF = ("wa.me/", "whatsapp", "wa.link/", "m.me/", "messenger.com/t/")
# Evaluated in C: a page can have thousands of anchors, and each Python proxy costs microseconds.
_MESSAGING_HREFS = etree.XPath(
    "//a/@href[" + " or ".join(f"contains(.,'{h}')" for h in _MESSAGING_HREF) + "]", smart_strings=False
)


def _script_blocked(el: lxml.html.HtmlElement, script_type: str) -> bool:
    if script_type in CONSENT_SCRIPT_TYPES:
        return True
    if script_type not in JS_SCRIPT_TYPES and script_type not in DATA_SCRIPT_TYPES:
        # an unknown type on a tag a consent manager marked is a parked loader
        return any(
            el.get(a) is not None for a in ("data-cookieconsent", "data-category", "data-usercentrics")
        ) or ("optanon-category" in (el.get("class") or "") or "cmplz" in (el.get("class") or ""))
    return el.get("src") is None and any(el.get(a) for a in DEFERRED_SRC_ATTRS)


# URLs inside scripts (after "\\/" is unescaped); images and fonts never load chat.
URL_IN_TEXT = re.compile(r"//[a-z0-9][\w.-]*\.[a-z]{2,}[^\s\"'<>\\)]{0,200}", re.I)
ASSET_URL = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|woff2?|ttf|css)(?:[?#]|$)")


class _Corpus:
    """Strings gathered from one page: URLs, executable inline JS, elements with DOM markers."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.code: list[str] = []
        self.dom: list[lxml.html.HtmlElement] = []

    def add_urls(self, text: str) -> None:
        """The (non-asset) URLs written in a script; vendor hosts run on these."""
        urls = {u.lower() for u in URL_IN_TEXT.findall(text)}
        self.urls.extend(u for u in urls if not ASSET_URL.search(u))


# The element tags the chat check walks: pass them to `collect_invisible(extra_tags=...)` so that
# `ParsedPage.furniture` holds them.
WALKED_TAGS = (*_WALKED_TAGS, *sorted(matchers().dom_tag_names - set(_WALKED_TAGS)))
_WALKED = frozenset(WALKED_TAGS)


def _gather(
    root: lxml.html.HtmlElement, hrefs: list[str] | None, furniture: list | None
) -> tuple[_Corpus, _Corpus, list[str]]:
    live, parked = _Corpus(), _Corpus()
    may_carry_marker = matchers().may_carry_marker
    if hrefs is None:
        hrefs = _MESSAGING_HREFS(root)
    else:
        hrefs = [hrefs[i] for i in items_containing(hrefs, _MESSAGING_HREF)]
    for el in of_tags(root, furniture, _WALKED):
        tag = el.tag
        into = live
        if tag == "script":
            script_type = (el.get("type") or "").strip().lower()
            if _script_blocked(el, script_type):
                into = parked
            src = el.get("src") or next((el.get(a) for a in DEFERRED_SRC_ATTRS if el.get(a)), None)
            if src:
                into.urls.append(src.lower())
            text = el.text
            if text:
                if "\\/" in text:
                    text = text.replace("\\/", "/")
                into.add_urls(text)
                if script_type not in DATA_SCRIPT_TYPES and len(text) <= MAX_INLINE_GLOBALS_SCRIPT:
                    into.code.append(text)
        elif tag == "iframe":
            src = el.get("src") or ""
            deferred = next((el.get(a) for a in DEFERRED_SRC_ATTRS if el.get(a)), "")
            if src and not src.startswith("about:"):
                live.urls.append(src.lower())
            elif deferred:
                into = parked
                parked.urls.append(deferred.lower())
        elif tag == "link":
            live.urls.append((el.get("href") or "").lower())
        if may_carry_marker(el):
            into.dom.append(el)
    # Launchers rendered on the server sit at the top of <body> (fixed-position containers), at
    # most one wrapper deep: look there rather than walking every element of the page again.
    body = root.find("body")
    for child in body if body is not None else ():
        for el in (child, *child) if len(child) <= 30 else (child,):
            if isinstance(el.tag, str) and el.tag not in _WALKED and may_carry_marker(el):
                live.dom.append(el)
    return live, parked, hrefs


def _vendor_hits(c: _Corpus) -> dict[int, str]:
    """Vendor index -> first evidence: URLs first, then inline code, then DOM markers."""
    m = matchers()
    hits: dict[int, str] = {}
    m.match_urls(c.urls, hits)
    m.match_code("\n".join(c.code), hits)
    if c.dom:
        m.match_dom(c.dom, hits)
    return hits


def _whatsapp_value(digits: str) -> str:
    digits = re.sub(r"\D", "", digits or "")
    if len(digits) < 6:
        return ""
    try:
        number = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _link_findings(hrefs: list[str]) -> list[ChatFinding]:
    found: list[ChatFinding] = []
    for href in hrefs:
        href = unquote(href.strip())
        m = WHATSAPP_LINK.match(href)
        if m:
            value = _whatsapp_value(m["digits"] or m["digits2"] or m["digits3"] or "")
            found.append(ChatFinding("whatsapp", href[:200], kind="link", value=value))
            continue
        m = MESSENGER_LINK.match(href)
        if m:
            found.append(ChatFinding("messenger", href[:200], kind="link", value=m["page"]))
    return found


def detect_chat(
    root: lxml.html.HtmlElement, url: str = "", hrefs: list[str] | None = None, furniture: list | None = None
) -> list[ChatFinding]:
    """Every chat / messaging vendor on the page: one finding per vendor, one per WhatsApp number.

    `hrefs`: the page's <a href> values when the caller has them already
    (`ParsedPage.anchors.hrefs`); `furniture`: `ParsedPage.furniture`, gathered with WALKED_TAGS.
    """
    live, parked, hrefs = _gather(root, hrefs, furniture)
    found = _link_findings(hrefs)
    live_hits = _vendor_hits(live) if live.urls or live.code or live.dom else {}
    parked_hits = _vendor_hits(parked) if parked.urls or parked.code or parked.dom else {}
    for i in sorted(live_hits.keys() | parked_hits.keys()):
        vendor = SIGNATURES[i].vendor
        if i in live_hits:
            found.append(ChatFinding(vendor, live_hits[i]))
        else:
            found.append(ChatFinding(vendor, parked_hits[i], blocked_by_consent=True))
    unique: list[ChatFinding] = []
    seen: set[tuple[str, str]] = set()
    for f in found:
        key = (f.vendor, f.value if f.vendor == "whatsapp" else "")
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique
