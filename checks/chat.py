"""Live-chat and messaging widgets, and WhatsApp / Messenger links (DOMAIN.md section 1).

A non-rendering crawler sees the loader, not the widget: a `<script src>`, an inline bootstrap
snippet (hosts and globals in JS strings), sometimes an iframe, a `<link>`, a server-rendered
container or custom element. Consent managers park loaders as `type="text/plain"` (Cookiebot,
OneTrust, Complianz, Usercentrics, ...); such a loader still shows the shop offers chat, so every
`<script>` is read and the finding says `blocked_by_consent`.

Speed: the page is walked once by one XPath union that returns only scripts, iframes, links,
messaging anchors and elements carrying a vendor DOM marker. Every signature pattern has a
literal "needle" (derived from the pattern itself) that must occur before the regex runs, so a
megabyte of inline JSON costs a few substring searches, not forty regex scans.

Deliberately absent: Meta's Facebook Chat Plugin (`fb-customerchat`, `customerchat.js`). It
stopped working on 2024-05-09, so a page that still embeds it offers no contact route; a
dead widget must not turn a shop's "no phone number" into "chat only". `m.me` links still work
and are reported as `messenger`.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import unquote

import lxml.html
import phonenumbers
from lxml import etree

from checks.model import ChatFinding
from checks.page import items_containing, of_tags


class _Pattern(NamedTuple):
    regex: re.Pattern[str]
    needle: str  # a literal every match contains: the cheap test before the regex runs


class _Dom(NamedTuple):
    marker: str  # as written in the table: "#id", ".class", "tag", "[attr]", "tag[attr=v]", "[attr*=v]"
    tag: str
    id: str
    cls: str
    attrs: tuple[tuple[str, str, str], ...]  # (name, op, value); op "" (present), "=" or "*="


class Signature(NamedTuple):
    vendor: str
    urls: tuple[_Pattern, ...]  # lower-cased script/iframe/link URLs, and hosts inside inline JS
    inline: tuple[_Pattern, ...]  # inline script text: globals and API calls (case-sensitive)
    dom: tuple[_Dom, ...]  # server-rendered containers, custom elements, script ids


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


def _pattern(source: str) -> _Pattern:
    return _Pattern(re.compile(source), literal_needle(source))


_DOM_SYNTAX = re.compile(
    r"^(?P<tag>[a-z][\w-]*)?(?:#(?P<id>[\w-]+))?(?:\.(?P<cls>[\w-]+))?(?P<attrs>(?:\[[^\]]+\])*)$"
)
_DOM_ATTR = re.compile(r"\[([\w-]+)(?:(\*?=)([^\]]*))?\]")


def _dom(marker: str) -> _Dom:
    m = _DOM_SYNTAX.match(marker)
    if not m:
        raise ValueError(f"DOM marker {marker!r} is not of the form tag#id.class[attr=value].")
    attrs = tuple((n, op or "", v or "") for n, op, v in _DOM_ATTR.findall(m["attrs"] or ""))
    return _Dom(marker, m["tag"] or "", m["id"] or "", m["cls"] or "", attrs)


def _host(name: str) -> str:
    """Regex source for a host or any of its subdomains, as written in a URL or a JS string."""
    return r"(?<![\w-])" + re.escape(name) + r"(?![\w-])"


def _sig(vendor: str, urls=(), inline=(), dom=()) -> Signature:
    return Signature(
        vendor,
        tuple(_pattern(u) for u in urls),
        tuple(_pattern(p) for p in inline),
        tuple(_dom(d) for d in dom),
    )


# One row per vendor. URL patterns are written in lower case (URLs are lower-cased before
# matching); inline patterns are case-sensitive; DOM markers use a tiny CSS-like syntax.
SIGNATURES: tuple[Signature, ...] = (
    _sig("zendesk", urls=(_host("static.zdassets.com") + "/ekr/", _host("v2.zopim.com"), _host("cdn.smooch.io")),
         inline=(r"\bzESettings\b", r"\bzEmbed\b", r"\$zopim\b", r"\bzE\(\s*['\"](?:messenger|webWidget)"),
         dom=("#ze-snippet",)),
    _sig("intercom", urls=(_host("widget.intercom.io"), _host("js.intercomcdn.com"), _host("static.intercomcdn.com")),
         inline=(r"\bintercomSettings\b", r"\bIntercom\(\s*['\"]boot"),
         dom=("#intercom-container", "#intercom-frame", ".intercom-lightweight-app")),
    _sig("livechat", urls=(_host("cdn.livechatinc.com"), _host("secure.livechatinc.com")),
         inline=(r"\bwindow\.__lc\b", r"\b__lc\.license\b", r"(?<![.\w])LiveChatWidget\.(?:call|on|init|get)\b")),
    _sig("tidio", urls=(_host("code.tidio.co"), _host("widget-v4.tidiochat.com")),
         inline=(r"\btidioChatApi\b",), dom=("#tidio-chat",)),
    _sig("trengo", urls=(_host("widget.trengo.eu"), _host("static.widget.trengo.eu"), _host("cdn.widget.trengo.eu")),
         inline=(r"\bwindow\.Trengo\b", r"\bTrengo\.(?:eventBus|Api)\b"), dom=("#trengo-web-widget",)),
    _sig("freshchat", urls=(_host("wchat.freshchat.com"), r"\.freshchat\.com/js/widget\.js"),
         inline=(r"\bfcWidget\.(?:init|open|setExternalId|user)\b", r"\bwindow\.fcSettings\b"),
         dom=("#freshchat-js-sdk", "script[src*=fw-cdn.com][chat=true]", "script[src*=fw-cdn.com][data-chat=true]")),
    _sig("freshdesk", urls=(r"widget\.freshworks\.com/widgets/",),
         inline=(r"\bwindow\.fwSettings\b", r"\bFreshworksWidget\("), dom=("#freshworks-container",)),
    # hs-scripts.com alone is HubSpot's tracking loader, not chat (DOMAIN.md 1.1).
    _sig("hubspot", urls=(_host("js.usemessages.com"), _host("js-eu1.usemessages.com")),
         inline=(r"\bHubSpotConversations\b", r"\bhsConversationsSettings\b", r"\bhsConversationsOnReady\b"),
         dom=("#hubspot-messages-iframe-container",)),
    _sig("drift", urls=(_host("js.driftt.com"),), inline=(r"\bdrift\.SNIPPET_VERSION\b", r"\bdrift\.load\(\s*['\"]"),
         dom=("#drift-widget", "#drift-frame-controller")),
    _sig("crisp", urls=(_host("client.crisp.chat"),), inline=(r"\bCRISP_WEBSITE_ID\b", r"(?<![\w$])\$crisp\b"),
         dom=(".crisp-client", "#crisp-chatbox")),
    _sig("tawkto", urls=(_host("embed.tawk.to"),), inline=(r"\bTawk_API\b", r"\bTawk_LoadStart\b"),
         dom=("#tawkchat-container",)),
    _sig("userlike", urls=(r"userlike-cdn-widgets\.", _host("api.userlike.com")),
         inline=(r"\buserlikeInit\b", r"__USERLIKE_MOUNT_GUARD__", r"\buserlikeConfig\b")),
    _sig("salesforce", urls=(r"/embeddedservice/\d[\d.]*/esw(?:\.min)?\.js", r"\.my\.salesforce-scrt\.com",
                             r"/esw\w*/assets/js/bootstrap(?:\.min)?\.js"),
         inline=(r"\bembedded_svc\.(?:init|settings)\b", r"\bembeddedservice_bootstrap\b", r"\binitEmbeddedMessaging\b")),
    _sig("dynamics", urls=(r"\.azureedge\.net/livechatwidget/", r"\.omnichannelengagementhub\.com"),
         inline=(r"Microsoft\.Omnichannel\.LiveChatWidget",), dom=("#Microsoft_Omnichannel_LCWidget",)),
    _sig("genesys", urls=(r"/genesys-bootstrap/genesys(?:\.min)?\.js", _host("boldchat.com")),
         inline=(r"\b_genesysJs\b", r"\bGenesys\(\s*['\"](?:subscribe|command|registerPlugin)", r"PURECLOUD_WEBCHAT_FRAME_CONFIG")),
    _sig("sprinklr", urls=(r"live-chat\.sprinklr\.com",), inline=(r"\bsprChatSettings\b", r"\bsprChat\(")),
    _sig("seamly", urls=(_host("seamly-app.com"),), inline=(r"\bwindow\.seamly\b", r"@seamly/web-ui", r"seamly-app\.com")),
    _sig("watermelon", urls=(r"watermelon-widget-injection",), inline=(r"watermelon-widget-injection",),
         dom=("watermelon-widget-button", "[data-watermelon-widget-id]", ".watermelon-embed-frame")),
    _sig("robin", urls=(_host("selfservice.robinhq.com"), r"\.robinhq\.com/external/robin/")),
    _sig("zowie", urls=(_host("chatbotize.com"),), inline=(r"\bzowieJsonp\b", r"\bZowie\.init\("),
         dom=("#zowieChatbotWrapper",)),
    _sig("gorgias", urls=(_host("config.gorgias.chat"), _host("gorgias.chat")),
         inline=(r"\bgorgiasChat\b", r"\bGorgiasChat\b", r"gorgias-widget-loaded"),
         dom=("#gorgias-chat-widget-install-v3", "#gorgias-chat-container")),
    _sig("kustomer", urls=(r"cdn\.kustomerapp\.com/chat-web/",), inline=(r"\bKustomer\.(?:start|open|login)\(",),
         dom=("[data-kustomer-api-key]", "#kustomer-ui-sdk-iframe")),
    _sig("reamaze", urls=(_host("cdn.reamaze.com"),), inline=(r"\breamaze\.version\b", r"\b_support\[['\"]account['\"]\]")),
    _sig("olark", urls=(_host("static.olark.com"),), inline=(r"\bolark\.identify\(", r"\bolarkUserData\b", r"static\.olark\.com/"), dom=("#olark",)),
    _sig("smartsupp", urls=(_host("smartsuppchat.com"),), inline=(r"\b_smartsupp\.key\b", r"\bsmartsupp\(\s*['\"]")),
    _sig("jivochat", urls=(_host("code.jivosite.com"), _host("code.jivo.ru")), inline=(r"\bjivo_api\b",)),
    _sig("liveperson", urls=(_host("lptag.liveperson.net"), _host("lpsnmedia.net")), inline=(r"\bwindow\.lpTag\b",)),
    _sig("ada", urls=(_host("static.ada.support"),), inline=(r"\badaEmbed\.", r"\b__AdaEmbedConstructor\b", r"\bwindow\.adaSettings\b"),
         dom=("#__ada", "#ada-button-frame")),
    _sig("chatwoot", urls=(_host("app.chatwoot.com"), r"/packs/js/sdk\.js"),
         inline=(r"\bchatwootSDK\.run\(", r"\bwindow\.chatwootSettings\b"), dom=("#chatwoot_live_chat_widget",)),
    _sig("shopify_inbox", urls=(r"/shopifycloud/shopify_chat/",)),
    _sig("iadvize", urls=(_host("iadvize.com"),), inline=(r"\biAdvizeInterface\b",)),
    _sig("zoho", urls=(r"salesiq\.zoho(?:public)?\.",), inline=(r"\$zoho\.salesiq\b",), dom=("#zsiqwidget",)),
    _sig("giosg", urls=(_host("service.giosg.com"),), inline=(r"\bgiosgWebpackJsonp\b",)),
    _sig("superchat", urls=(_host("superchat.de"),), inline=(r"\bSuperchat\.init\b",)),
    _sig("chatra", urls=(_host("call.chatra.io"),), inline=(r"\bChatraID\b", r"\bChatraSetup\b")),
    _sig("comm100", urls=(_host("comm100.com"), _host("comm100.io")), inline=(r"\bComm100API\b",)),
    _sig("helpscout", urls=(_host("beacon-v2.helpscout.net"),), inline=(r"\bBeacon\(\s*['\"]init['\"]",)),
    _sig("landbot", urls=(_host("cdn.landbot.io"), _host("static.landbot.io")), inline=(r"\bnew Landbot\.\w+\(",)),
    _sig("oct8ne", urls=(_host("oct8ne.com"),), inline=(r"\boct8ne\.server\b",)),
    # Floating WhatsApp buttons: Joinchat (WordPress), Chaty, GetButton and common WP plugins.
    _sig("whatsapp", urls=(r"/plugins/creame-whatsapp-me/", r"/plugins/click-to-chat-for-whatsapp/",
                           r"/plugins/wp-whatsapp-chat/", _host("cdn.chaty.app"), _host("getbutton.io")),
         inline=(r"\bjoinchat_obj\b",), dom=(".joinchat",)),
)  # fmt: skip

# Messaging links in <a href>. Group "digits" holds the number when the link carries one.
WHATSAPP_LINK = re.compile(
    r"^(?:(?:https?:)?//(?:www\.)?(?:wa\.me/\+?(?P<digits>[\d\s().-]{6,24})?"
    r"|(?:api|web)\.whatsapp\.com/send/?(?:\?(?:[^#]*?&)?phone=\+?(?P<digits2>[\d\s().-]{6,24}))?"
    r"|wa\.link/\w+)"
    r"|whatsapp://send(?:\?(?:[^#]*?&)?phone=\+?(?P<digits3>[\d\s().-]{6,24}))?)",
    re.I,
)
MESSENGER_LINK = re.compile(r"^(?:https?:)?//(?:www\.)?(?:m\.me|messenger\.com/t)/(?P<page>[\w.-]+)", re.I)

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


def _dom_matches(d: _Dom, el: lxml.html.HtmlElement) -> bool:
    if d.tag and el.tag != d.tag:
        return False
    if d.id and el.get("id") != d.id:
        return False
    if d.cls and d.cls not in (el.get("class") or "").split():
        return False
    for name, op, value in d.attrs:
        got = el.get(name)
        if got is None or (op == "=" and got != value) or (op == "*=" and value not in got):
            return False
    return True


def _script_blocked(el: lxml.html.HtmlElement, script_type: str) -> bool:
    if script_type in CONSENT_SCRIPT_TYPES:
        return True
    if script_type not in JS_SCRIPT_TYPES and script_type not in DATA_SCRIPT_TYPES:
        # an unknown type on a tag a consent manager marked is a parked loader
        return any(
            el.get(a) is not None for a in ("data-cookieconsent", "data-category", "data-usercentrics")
        ) or ("optanon-category" in (el.get("class") or "") or "cmplz" in (el.get("class") or ""))
    return el.get("src") is None and any(el.get(a) for a in DEFERRED_SRC_ATTRS)


_DOM_IDS = frozenset(d.id for s in SIGNATURES for d in s.dom if d.id)
_DOM_CLASSES = frozenset(d.cls for s in SIGNATURES for d in s.dom if d.cls)
_DOM_TAGS = frozenset(
    d.tag for s in SIGNATURES for d in s.dom if d.tag and d.tag not in ("script", "iframe", "link")
)
_DOM_ATTRS = frozenset(
    n for s in SIGNATURES for d in s.dom for n, _, _ in d.attrs if n not in ("src", "href")
)
# URLs inside scripts (after "\\/" is unescaped); images and fonts never load chat.
URL_IN_TEXT = re.compile(r"//[a-z0-9][\w.-]*\.[a-z]{2,}[^\s\"'<>\\)]{0,200}", re.I)
ASSET_URL = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|woff2?|ttf|css)(?:[?#]|$)")


def _may_carry_marker(el: lxml.html.HtmlElement) -> bool:
    if el.tag in _DOM_TAGS or el.get("id") in _DOM_IDS:
        return True
    cls = el.get("class")
    if cls and not _DOM_CLASSES.isdisjoint(cls.split()):
        return True
    return any(el.get(a) is not None for a in _DOM_ATTRS)


class _Corpus:
    """Strings gathered from one page: URLs, executable inline JS, elements with DOM markers."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.code: list[str] = []
        self.dom: list[lxml.html.HtmlElement] = []

    def add_urls(self, text: str) -> None:
        """The (non-asset) URLs written in a script; vendor URL patterns run on these."""
        urls = {u.lower() for u in URL_IN_TEXT.findall(text)}
        self.urls.extend(u for u in urls if not ASSET_URL.search(u))


# The element tags the chat check walks: pass them to `collect_invisible(extra_tags=...)` so that
# `ParsedPage.furniture` holds them.
WALKED_TAGS = (*_WALKED_TAGS, *sorted(_DOM_TAGS))
_WALKED = frozenset(WALKED_TAGS)


def _gather(
    root: lxml.html.HtmlElement, hrefs: list[str] | None, furniture: list | None
) -> tuple[_Corpus, _Corpus, list[str]]:
    live, parked = _Corpus(), _Corpus()
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
        if _may_carry_marker(el):
            into.dom.append(el)
    # Launchers rendered on the server sit at the top of <body> (fixed-position containers), at
    # most one wrapper deep: look there rather than walking every element of the page again.
    body = root.find("body")
    for child in body if body is not None else ():
        for el in (child, *child) if len(child) <= 30 else (child,):
            if isinstance(el.tag, str) and el.tag not in _WALKED_TAGS and _may_carry_marker(el):
                live.dom.append(el)
    return live, parked, hrefs


def _search(patterns: tuple[_Pattern, ...], text: str) -> str:
    for p in patterns:
        if p.needle in text:
            m = p.regex.search(text)
            if m:
                return m.group(0)
    return ""


def _find_vendor(sig: Signature, c: _Corpus, urls: str, code: str) -> str:
    hit = _search(sig.urls, urls) or _search(sig.inline, code)
    if hit or not sig.dom:
        return hit
    for el in c.dom:
        for d in sig.dom:
            if _dom_matches(d, el):
                return d.marker
    return ""


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
    corpora = [
        (c, "\n".join(c.urls), "\n".join(c.code), blocked)
        for c, blocked in ((live, False), (parked, True))
        if c.urls or c.code or c.dom
    ]
    for sig in SIGNATURES:
        for c, urls, code, blocked in corpora:
            evidence = _find_vendor(sig, c, urls, code)
            if evidence:
                found.append(ChatFinding(sig.vendor, evidence, blocked_by_consent=blocked))
                break
    unique: list[ChatFinding] = []
    seen: set[tuple[str, str]] = set()
    for f in found:
        key = (f.vendor, f.value if f.vendor == "whatsapp" else "")
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique
