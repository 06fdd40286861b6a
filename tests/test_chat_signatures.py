"""Generated tests for the chat signature table (checks/data/chat_signatures.toml).

For every row: a minimal page per signature (a loader <script src> for each host, label and path,
an inline script for each global, call and string, an element for each DOM marker) must give
exactly that row's vendor id; the row's hosts in plain links and its names in visible text must
give nothing. Then the table itself: ids stable and unique, markers specific, rows well formed.
"""

from __future__ import annotations

import tomllib

import lxml.html
import pytest

from checks.chat import (
    SIGNATURES,
    SIGNATURES_FILE,
    Signature,
    detect_chat,
    load_signatures,
    parse_signature,
)


def _page(body: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(
        "<!doctype html><html lang='nl'><head><title>Winkel</title></head>"
        f"<body><header><a href='/'>Home</a></header><main><p>Welkom</p></main>{body}</body></html>"
    )


def _script_src(url: str) -> str:
    return f'<script async src="{url}"></script>'


def _host_url(entry: str) -> str:
    host, _, rest = entry.partition("/")
    return f"https://{host}/{rest}" if rest else f"https://{host}/loader.js"


def _host_in_code(entry: str) -> str:
    # a bootstrap snippet that names the loader by a quoted host (and path) rather than a URL
    host, _, rest = entry.partition("/")
    if rest:
        return f"var loader = '{host}/{rest.upper()}x.js'; s.src = 'https://' + loader;"
    return f"(function(){{var host='{host}', url='https://static.'+host;}})();"


def _path_url(fragment: str) -> str:
    path = fragment.lstrip("/").replace("*", "x1")
    return "https://www.winkel-voorbeeld.nl/" + path + ("loader.js" if path.endswith("/") else "")


def _call_snippet(call: str) -> str:
    # written with double quotes: the table's "'" stands for either quote
    text = call.replace("'", '"')
    if text.endswith('"'):
        return text + 'x1");'
    if text.endswith(("(", "[")):
        return text + '"x1");'
    return text + '", "open");'


def _dom_snippet(marker: str, sig: Signature) -> str:
    d = next(d for d in sig.dom if d.marker == marker)
    tag = d.tag or "div"
    attrs = []
    if d.id:
        attrs.append(f'id="{d.id}"')
    if d.cls:
        attrs.append(f'class="{d.cls} extra"')
    for name, op, value in d.attrs:
        attrs.append(f'{name}="{value or "x1"}"' if op else f'{name}="x1"')
    return f"<{tag} {' '.join(attrs)}></{tag}>"


def _cases() -> list:
    cases = []
    for sig in SIGNATURES:
        snippets = (
            [("host", h, _script_src(_host_url(h))) for h in sig.hosts]
            + [("host-in-code", h, f"<script>{_host_in_code(h)}</script>") for h in sig.hosts]
            + [
                ("label", lb, _script_src(f"https://{lb}.s3.eu-west-1.amazonaws.com/w/abc.js"))
                for lb in sig.labels
            ]
            + [("path", p, _script_src(_path_url(p))) for p in sig.paths]
            + [("global", g, f"<script>var probe = typeof {g};</script>") for g in sig.globals]
            + [("call", c, f"<script>{_call_snippet(c)}</script>") for c in sig.calls]
            + [("string", s, f'<script>var probe = "{s}";</script>') for s in sig.strings]
            + [("dom", d.marker, _dom_snippet(d.marker, sig)) for d in sig.dom]
        )
        for kind, signal, html in snippets:
            cases.append(pytest.param(sig.vendor, html, id=f"{sig.vendor}-{kind}-{signal}"))
    return cases


@pytest.mark.parametrize(("vendor", "html"), _cases())
def test_each_signature_alone_names_its_vendor(vendor: str, html: str) -> None:
    found = detect_chat(_page(html))
    assert [(f.vendor, f.kind, f.blocked_by_consent) for f in found] == [(vendor, "widget", False)]
    assert found[0].evidence


@pytest.mark.parametrize(("vendor", "html"), _cases())
def test_each_signature_parked_by_consent_counts_as_blocked(vendor: str, html: str) -> None:
    if not html.startswith("<script"):
        pytest.skip("only scripts are parked by consent managers")
    parked = html.replace("<script", '<script type="text/plain" data-cookieconsent="marketing"', 1)
    found = detect_chat(_page(parked))
    assert [(f.vendor, f.blocked_by_consent) for f in found] == [(vendor, True)]


def _negative_cases() -> list:
    cases = []
    for sig in SIGNATURES:
        parts = [f"<p>Wij gebruiken {sig.name} voor onze klantenservice.</p>"]
        for h in sig.hosts:
            host = h.partition("/")[0]
            parts.append(
                f'<a href="https://{host}/">{sig.name}</a> <a href="https://www.{host}/nl/prijzen">prijzen</a>'
            )
            # a script naming the vendor's site (a "powered by" or partner link), not a loader
            parts.append(f'<script>var partner = "https://www.{host}/";</script>')
        for g in (*sig.globals, *sig.calls, *sig.strings):
            parts.append(f"<p><code>{g}</code></p>")
        cases.append(pytest.param("".join(parts), id=sig.vendor))
    return cases


@pytest.mark.parametrize("html", _negative_cases())
def test_links_to_the_vendor_and_its_names_in_text_are_not_chat(html: str) -> None:
    assert detect_chat(_page(html)) == []


def test_a_vendor_homepage_url_in_data_is_not_a_loader() -> None:
    body = (
        '<script type="application/ld+json">{"@type":"Organization","sameAs":'
        '["https://www.iadvize.com/","https://comm100.com","https://www.smartsuppchat.com/"]}</script>'
    )
    assert detect_chat(_page(body)) == []


def test_loader_on_the_vendors_www_host_counts() -> None:
    assert [
        f.vendor for f in detect_chat(_page(_script_src("https://www.smartsuppchat.com/loader.js?")))
    ] == ["smartsupp"]


def test_a_page_without_any_signature_has_no_chat() -> None:
    body = (
        '<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>'
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>"
        '<div id="chat" class="chat chat-widget live-chat"><button class="open-chat">Chat</button></div>'
        '<iframe src="https://www.youtube.com/embed/x1"></iframe>'
    )
    assert detect_chat(_page(body)) == []


# -- the table -------------------------------------------------------------------------------

# Ids that reports and stored findings already carry: never renamed or dropped.
PUBLIC_IDS = {
    "zendesk", "intercom", "livechat", "tidio", "trengo", "freshchat", "freshdesk", "hubspot", "drift",
    "crisp", "tawkto", "userlike", "salesforce", "dynamics", "genesys", "sprinklr", "seamly",
    "watermelon", "robin", "zowie", "gorgias", "kustomer", "reamaze", "olark", "smartsupp", "jivochat",
    "liveperson", "ada", "chatwoot", "shopify_inbox", "iadvize", "zoho", "giosg", "superchat", "chatra",
    "comm100", "helpscout", "landbot", "oct8ne", "whatsapp",
}  # fmt: skip
# Products issue 9 names: each must have a row.
REQUIRED_IDS = {
    "front", "gladly", "brevo", "moinai", "boostai", "dialogshift", "ultimate", "solvemate", "liveagent",
    "kayako", "oracle", "botpress", "manychat", "chatbase", "gist", "hiver", "khoros", "certainly", "ebi",
    "limechat", "messagebird", "spoki", "wati", "purechat", "rocketchat", "helpcrunch",
}  # fmt: skip
# Ids and classes any site may use for its own chat button: never a vendor signature.
GENERIC_MARKERS = {"chat", "livechat", "live-chat", "chat-widget", "chatbox", "chat-button", "widget",
                   "launcher", "messenger", "support", "help", "whatsapp", "open-chat", "chat-container"}  # fmt: skip
GENERIC_GLOBALS = {"chat", "widget", "Chat", "Widget", "config", "settings", "init", "support", "boost",
                   "drift", "olark", "Intercom", "Genesys", "Beacon", "Landbot", "Zowie", "Kustomer"}  # fmt: skip


def test_the_table_covers_at_least_100_products() -> None:
    assert len(SIGNATURES) >= 100


def test_public_ids_are_kept() -> None:
    assert {s.vendor for s in SIGNATURES} >= PUBLIC_IDS


def test_named_products_have_rows() -> None:
    assert {s.vendor for s in SIGNATURES} >= REQUIRED_IDS


def test_ids_are_unique_and_every_row_names_its_source() -> None:
    ids = [s.vendor for s in SIGNATURES]
    assert len(ids) == len(set(ids))
    assert all(len(s.source) >= 5 and s.name for s in SIGNATURES)


def test_no_signal_belongs_to_two_rows() -> None:
    owner: dict[str, str] = {}
    for s in SIGNATURES:
        for signal in (
            *s.hosts,
            *s.labels,
            *s.paths,
            *s.globals,
            *s.calls,
            *s.strings,
            *(d.marker for d in s.dom),
        ):
            assert owner.setdefault(signal, s.vendor) == s.vendor, signal


def test_markers_and_globals_are_specific() -> None:
    for s in SIGNATURES:
        for d in s.dom:
            for name in (d.id, d.cls, d.tag if d.tag not in ("script", "style", "div") else ""):
                assert name not in GENERIC_MARKERS, (s.vendor, d.marker)
                assert not name or len(name) >= 5, (s.vendor, d.marker)
        for g in s.globals:
            assert g not in GENERIC_GLOBALS and len(g) >= 4, (s.vendor, g)
        for h in s.hosts:
            assert "." in h.partition("/")[0], (s.vendor, h)


def test_the_data_file_is_the_table() -> None:
    with open(SIGNATURES_FILE, "rb") as fh:
        rows = tomllib.load(fh)["vendor"]
    assert [r["id"] for r in rows] == [s.vendor for s in SIGNATURES]
    assert load_signatures() == SIGNATURES


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            {"id": "x1", "name": "X", "source": "docs", "hosts": ["cdn.x1.io"], "colour": "red"},
            "unknown field",
        ),
        ({"id": "Vendor X", "name": "X", "source": "docs", "hosts": ["cdn.x1.io"]}, "lower-case"),
        ({"id": "x1", "name": "X", "source": "docs"}, "no signature"),
        ({"id": "x1", "name": "X", "hosts": ["cdn.x1.io"]}, "source is missing"),
        ({"id": "x1", "name": "X", "source": "docs", "hosts": ["CDN.X1.IO"]}, "lower-case host"),
        ({"id": "x1", "name": "X", "source": "docs", "paths": ["/chat"]}, "specific"),
        ({"id": "x1", "name": "X", "source": "docs", "globals": ["x1('init'"]}, "identifier path"),
        ({"id": "x1", "name": "X", "source": "docs", "calls": ["x1"]}, "must start with"),
        ({"id": "x1", "name": "X", "source": "docs", "dom": ["div > .x1"]}, "DOM marker"),
        ({"id": "x1", "name": "X", "source": "docs", "dom": ["script[src*=x1.io]"]}, "needs an id"),
        ({"id": "x1", "name": "X", "source": "docs", "hosts": "cdn.x1.io"}, "list"),
    ],
)
def test_bad_rows_are_refused(row: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_signature(row)
