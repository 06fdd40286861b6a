"""Case tables for checks.chat: one positive case per vendor, consent-parked loaders, links, negatives."""

from __future__ import annotations

import lxml.html
import pytest

from checks.chat import SIGNATURES, detect_chat, literal_needle


def _page(head: str = "", body: str = "") -> lxml.html.HtmlElement:
    return lxml.html.fromstring(
        f"<!doctype html><html lang='nl'><head><title>Shop</title>{head}</head>"
        f"<body><header><a href='/'>Home</a></header><main><p>Welkom</p></main>{body}</body></html>"
    )


def _vendors(root: lxml.html.HtmlElement) -> list[str]:
    return [f.vendor for f in detect_chat(root)]


# (vendor, head html, body html) — loaders as shops embed them in raw HTML.
VENDOR_CASES = [
    ("zendesk", "", '<script id="ze-snippet" src="https://static.zdassets.com/ekr/snippet.js?key=0a1b2c3d"></script>'),
    ("zendesk", "<script>window.zESettings = {webWidget: {color: {theme: '#000'}}};</script>", ""),
    ("zendesk", "", "<script>window.$zopim||(function(d,s){var z=$zopim=function(c){z._.push(c)}})</script>"),
    ("intercom", "", "<script>window.intercomSettings = {api_base: 'https://api-iam.intercom.io', app_id: 'abc123'};</script>"),
    ("intercom", "", '<script async src="https://widget.intercom.io/widget/abc123"></script>'),
    ("livechat", "", "<script>window.__lc = window.__lc || {}; window.__lc.license = 12345678;"
                     "(function(n,t,c){var e={_q:[],_h:null};n.LiveChatWidget=n.LiveChatWidget||e;"
                     "var s=t.createElement('script');s.src='https://cdn.livechatinc.com/tracking.js';})(window,document)</script>"),
    ("livechat", "", "<script>LiveChatWidget.call('maximize');</script>"),
    ("tidio", "", '<script src="//code.tidio.co/abcdefghijklmnopqrstuvwxyz123456.js" async></script>'),
    ("trengo", "", "<script>window.Trengo = window.Trengo || {}; window.Trengo.key = 'k3y';"
                   "(function(d,script){script=d.createElement('script');script.src='https://static.widget.trengo.eu/embed.js';"
                   "d.getElementsByTagName('head')[0].appendChild(script);}(document));</script>"),
    ("freshchat", "", '<script src="https://wchat.freshchat.com/js/widget.js" id="freshchat-js-sdk"></script>'
                      "<script>window.fcWidget.init({token: 't', host: 'https://wchat.freshchat.com'});</script>"),
    ("freshchat", "", "<script src='//eu.fw-cdn.com/1234567/89012.js' chat='true'></script>"),
    ("freshdesk", "", "<script>window.fwSettings={'widget_id':80000001234};</script>"
                      '<script src="https://euc-widget.freshworks.com/widgets/80000001234.js" async defer></script>'),
    ("hubspot", "", '<script src="https://js.usemessages.com/conversations-embed.js" data-hsjs-portal="123"></script>'),
    ("hubspot", "", "<script>window.HubSpotConversations.widget.load();</script>"),
    ("hubspot", "", '<div id="hubspot-messages-iframe-container"></div>'),
    ("drift", "", "<script>!function(){var t=window.driftt=window.drift=window.driftt||[];t.SNIPPET_VERSION='0.3.1';"
                  "}();drift.SNIPPET_VERSION = '0.3.1';drift.load('a1b2c3d4e5');</script>"),
    ("crisp", "", "<script>window.$crisp=[];window.CRISP_WEBSITE_ID='0000-1111';(function(){d=document;"
                  "s=d.createElement('script');s.src='https://client.crisp.chat/l.js';s.async=1;})();</script>"),
    ("tawkto", "", "<script>var Tawk_API=Tawk_API||{}, Tawk_LoadStart=new Date();(function(){var s1=document.createElement('script');"
                   "s1.src='https://embed.tawk.to/5f1234567890abcdef/default';})();</script>"),
    ("userlike", "", '<script async src="https://userlike-cdn-widgets.s3-eu-west-1.amazonaws.com/'
                     'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.js"></script>'),
    ("salesforce", "", "<script src='https://service.force.com/embeddedservice/5.0/esw.min.js'></script>"
                       "<script>embedded_svc.settings.displayHelpButton = true;</script>"),
    ("salesforce", "", "<script>function initEmbeddedMessaging(){try{embeddedservice_bootstrap.settings.language='nl';"
                       "embeddedservice_bootstrap.init('00D','Web','https://shop.my.site.com/ESWWeb1700000000000',{});}catch(e){}}</script>"
                       "<script src='https://shop.my.site.com/ESWWeb1700000000000/assets/js/bootstrap.min.js' "
                       "onload='initEmbeddedMessaging()'></script>"),
    ("dynamics", "", '<script id="Microsoft_Omnichannel_LCWidget" '
                     'src="https://oc-cdn-public-eur.azureedge.net/livechatwidget/scripts/LiveChatBootstrapper.js" '
                     'data-app-id="x" data-org-id="y" data-org-url="https://z.omnichannelengagementhub.com"></script>'),
    ("genesys", "", "<script>(function (g, e, n, es, ys) {g['_genesysJs'] = e;})(window, 'Genesys', "
                    "'https://apps.mypurecloud.de/genesys-bootstrap/genesys.min.js', {environment: 'prod-euc1'});"
                    "Genesys('subscribe', 'Messenger.ready', function(){});</script>"),
    ("sprinklr", "", "<script>window.sprChatSettings = window.sprChatSettings || {appId: '60f0_app_123'};</script>"
                     "<script src='https://prod3-live-chat.sprinklr.com/api/livechat/handshake/widget/60f0_app_123'></script>"),
    ("seamly", "", "<script>window.seamly = window.seamly || []; window.seamly.push({action: 'init', args: {}});</script>"),
    ("seamly", "", "<script>var cfg={api:{key:'k',domain:'api.seamly-app.com'}};</script>"),
    ("watermelon", "", '<watermelon-widget-button></watermelon-widget-button>'),
    ("watermelon", "", '<div class="wm" data-watermelon-widget-id="abc-123"></div>'),
    ("robin", "", '<script src="https://selfservice.robinhq.com/external/robin/abcdef.js" async></script>'),
    ("zowie", "", "<script>window.zowieJsonp = window.zowieJsonp || [];</script>"),
    ("zowie", "", '<div id="zowieChatbotWrapper"></div>'),
    ("gorgias", "", '<script id="gorgias-chat-widget-install-v3" src="https://config.gorgias.chat/bundle-loader/01GXYZ"></script>'),
    ("kustomer", "", '<script src="https://cdn.kustomerapp.com/chat-web/widget.js" data-kustomer-api-key="ey.."></script>'),
    ("reamaze", "", "<script src='https://cdn.reamaze.com/assets/reamaze.js'></script>"
                    "<script>var _support = _support || {'ui': {}, 'user': {}}; _support['account'] = 'shop';</script>"),
    ("olark", "", "<script>;(function(o,l,a,r,k,y){if(o.olark)return;})(window,document,'static.olark.com/jsclient/loader.js');"
                  "olark.identify('1234-567-89-0123');</script>"),
    ("smartsupp", "", "<script>var _smartsupp = _smartsupp || {};_smartsupp.key = 'abc';window.smartsupp||(function(d) {"
                      "c.src='https://www.smartsuppchat.com/loader.js?';})(document);</script>"),
    ("jivochat", "", "<script src='//code.jivosite.com/widget/AbCdEf' async></script>"),
    ("liveperson", "", "<script>window.lpTag=window.lpTag||{},'undefined'==typeof window.lpTag._tagCount?(window.lpTag={"
                       "site:'12345678'}):0;</script>"),
    ("ada", "", '<script id="__ada" data-handle="shop" src="https://static.ada.support/embed2.js"></script>'),
    ("chatwoot", "", "<script>(function(d,t){var BASE_URL='https://chat.shop.nl';var g=d.createElement(t);"
                     "g.src=BASE_URL+'/packs/js/sdk.js';g.onload=function(){window.chatwootSDK.run({websiteToken:'x',"
                     "baseUrl:BASE_URL})}})(document,'script');</script>"),
    ("shopify_inbox", "", '<script src="https://cdn.shopify.com/shopifycloud/shopify_chat/storefront/shopifyChatV1Widget.js'
                          '?v=1" defer></script>'),
    ("iadvize", "", "<script>window.iAdvizeInterface = window.iAdvizeInterface || [];</script>"
                    "<script src='//halc.iadvize.com/iadvize.js?sid=1234'></script>"),
    ("zoho", "", "<script>var $zoho=$zoho || {};$zoho.salesiq = $zoho.salesiq || {widgetcode:'abc', values:{},ready:function(){}};"
                 "</script><script id='zsiqscript' src='https://salesiq.zohopublic.eu/widget?wc=abc' defer></script>"),
    ("giosg", "", "<script>(function(w, t, f) {var s='script',o='_giosg',h='https://service.giosg.com',e,n;})"
                  "(window,'1234abcd');</script>"),
    ("superchat", "", "<script src='https://widget.superchat.de/snippet.js?applicationKey=WC123' defer></script>"),
    ("chatra", "", "<script>(function(d, w, c) {w.ChatraID = 'abc123';var s = d.createElement('script');"
                   "s.src = 'https://call.chatra.io/chatra.js';})(document, window, 'Chatra');</script>"),
    ("comm100", "", "<script>var Comm100API=Comm100API||{};Comm100API.chat_buttons=[];</script>"),
    ("helpscout", "", "<script>!function(e,t,n){}(window,document,window.Beacon||function(){});</script>"
                      "<script>window.Beacon('init', '0000-aaaa')</script>"),
    ("landbot", "", "<script src='https://cdn.landbot.io/landbot-3/landbot-3.0.0.js'></script>"
                    "<script>var myLandbot = new Landbot.Livechat({configUrl: 'https://chats.landbot.io/v3/H-1/index.json'});</script>"),
    ("oct8ne", "", "<script>var oct8ne = document.createElement('script'); oct8ne.server = 'backoffice-eu.oct8ne.com/';"
                   "oct8ne.src = 'https://static-eu.oct8ne.com/api/v2/oct8ne.js';</script>"),
    ("whatsapp", "", "<script src='/wp-content/plugins/creame-whatsapp-me/public/js/joinchat.min.js'></script>"),
    ("whatsapp", "", "<script src='https://cdn.chaty.app/pixel.js?id=abc'></script>"),
    ("whatsapp", "", "<script>var options = {whatsapp: '31612345678'};(function(){var proto='https:', host='getbutton.io',"
                     " url=proto+'//static.'+host;})();</script><script src='https://static.getbutton.io/widget-send-button/js/init.js'></script>"),
]  # fmt: skip


@pytest.mark.parametrize(("vendor", "head", "body"), VENDOR_CASES)
def test_vendor_detected(vendor: str, head: str, body: str) -> None:
    found = detect_chat(_page(head, body))
    assert [f.vendor for f in found] == [vendor]
    assert found[0].evidence
    assert found[0].kind == "widget"
    assert not found[0].blocked_by_consent


def test_every_realistic_case_names_a_vendor_of_the_table() -> None:
    assert {v for v, _, _ in VENDOR_CASES} <= {s.vendor for s in SIGNATURES}


@pytest.mark.parametrize(
    ("pattern", "needle"),
    [
        (r"\bzESettings\b", "zESettings"),
        (r"(?<![\w-])static\.zdassets\.com(?![\w-])/ekr/", "static.zdassets.com"),
        (r"/embeddedservice/\d[\d.]*/esw(?:\.min)?\.js", "/embeddedservice/"),
        (r"\$zoho\.salesiq\b", "$zoho.salesiq"),
        (r"abcd?efg", "abc"),
        (r"ab[cd]efgh", "efgh"),
        (r"foo|barbaz", ""),
        (r"x{2}yyyy", "yyyy"),
    ],
)
def test_literal_needle(pattern: str, needle: str) -> None:
    assert literal_needle(pattern) == needle


# Loaders parked by consent managers: still chat, flagged as blocked.
CONSENT_CASES = [
    ("tidio", '<script type="text/plain" data-cookieconsent="marketing" src="//code.tidio.co/abc123.js"></script>'),
    ("zendesk", '<script type="text/plain" class="optanon-category-C0004" id="ze-snippet" '
                'src="https://static.zdassets.com/ekr/snippet.js?key=abc"></script>'),
    ("tawkto", '<script type="text/plain" class="cmplz-script">var Tawk_API=Tawk_API||{};'
               "s1.src='https://embed.tawk.to/abc/default';</script>"),
    ("intercom", '<script type="text/plain" data-usercentrics="Intercom">window.intercomSettings={app_id:"x"};</script>'),
    ("crisp", '<script type="text/cmplz-script">window.CRISP_WEBSITE_ID="x";</script>'),
    ("livechat", '<script data-src="https://cdn.livechatinc.com/tracking.js" data-category="marketing"></script>'),
    ("trengo", '<script type="text/template" data-borlabs-cookie-script-blocker-id="trengo">'
               "window.Trengo = window.Trengo || {};</script>"),
]  # fmt: skip


@pytest.mark.parametrize(("vendor", "body"), CONSENT_CASES)
def test_consent_blocked_loader_counts(vendor: str, body: str) -> None:
    found = detect_chat(_page(body=body))
    assert [(f.vendor, f.blocked_by_consent) for f in found] == [(vendor, True)]


def test_running_loader_wins_over_parked_copy() -> None:
    body = (
        '<script type="text/plain" data-cookieconsent="marketing" src="//code.tidio.co/abc.js"></script>'
        '<script src="//code.tidio.co/abc.js"></script>'
    )
    assert [(f.vendor, f.blocked_by_consent) for f in detect_chat(_page(body=body))] == [("tidio", False)]


LINK_CASES = [
    ('<a href="https://wa.me/31612345678">WhatsApp ons</a>', [("whatsapp", "link", "+31612345678")]),
    ('<a href="https://wa.me/31612345678?text=Hallo%20shop">App</a>', [("whatsapp", "link", "+31612345678")]),
    ('<a href="https://api.whatsapp.com/send?phone=32470123456&text=hi">BE</a>', [("whatsapp", "link", "+32470123456")]),
    ('<a href="https://api.whatsapp.com/send/?text=hi&phone=%2B4915112345678">DE</a>', [("whatsapp", "link", "+4915112345678")]),
    ('<a href="https://web.whatsapp.com/send?phone=31201234567">web</a>', [("whatsapp", "link", "+31201234567")]),
    ('<a href="whatsapp://send?phone=31612345678">app</a>', [("whatsapp", "link", "+31612345678")]),
    ('<a href="https://wa.link/abc123">kort</a>', [("whatsapp", "link", "")]),
    ('<a href="https://m.me/fietsplaza">Messenger</a>', [("messenger", "link", "fietsplaza")]),
    ('<a href="https://www.messenger.com/t/fietsplaza">Messenger</a>', [("messenger", "link", "fietsplaza")]),
    # two numbers: both kept; the same number twice: once
    (
        '<a href="https://wa.me/31612345678">a</a><a href="https://wa.me/31687654321">b</a>'
        '<a href="https://wa.me/31612345678">c</a>',
        [("whatsapp", "link", "+31612345678"), ("whatsapp", "link", "+31687654321")],
    ),
    # share buttons carry no number or page to contact: not a channel
    ('<a href="https://api.whatsapp.com/send?text=Kijk%20eens%20https://shop.nl/p/1">Deel</a>', []),
    ('<a href="https://wa.me/?text=Kijk%20eens">Deel</a>', []),
    ('<a href="whatsapp://send?text=Kijk%20eens">Deel</a>', []),
    ('<a href="https://web.whatsapp.com/send?text=hallo">Deel</a>', []),
    ('<a href="https://www.facebook.com/sharer/sharer.php?u=https://shop.nl">Deel</a>', []),
    ('<a href="https://api.whatsapp.com/send?phone=&text=hallo">Deel</a>', []),
    # a business's message link and catalogue link lead to the shop
    ('<a href="https://wa.me/message/ABCDEF123GH1">App</a>', [("whatsapp", "link", "")]),
    ('<a href="https://wa.me/c/31612345678">Catalogus</a>', [("whatsapp", "link", "+31612345678")]),
    # not chat: WhatsApp's own site, a group invite, a page merely named like a host
    ('<a href="https://www.whatsapp.com/">WhatsApp</a><a href="https://chat.whatsapp.com/Inv1te">groep</a>', []),
    ('<a href="https://www.shop.nl/blog/whatsapp-tips">blog</a><a href="/form.me/x">x</a>', []),
]  # fmt: skip


@pytest.mark.parametrize(("body", "expected"), LINK_CASES)
def test_messaging_links(body: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(f.vendor, f.kind, f.value) for f in detect_chat(_page(body=body))] == expected


def test_widget_and_number_are_separate_whatsapp_findings() -> None:
    body = '<div class="joinchat joinchat--right"></div><a href="https://wa.me/31612345678">app</a>'
    assert [(f.kind, f.value) for f in detect_chat(_page(body=body))] == [
        ("link", "+31612345678"),
        ("widget", ""),
    ]


NEGATIVE_CASES = [
    # HubSpot's tracking loader alone is not chat
    '<script type="text/javascript" id="hs-script-loader" async defer src="//js-eu1.hs-scripts.com/1234567.js"></script>',
    # a blog post that talks about live chat and vendors
    "<article><h1>Live chat of telefoon?</h1><p>Wij vergeleken Intercom, Zendesk, Tidio en LiveChat. "
    "Zet een live chat op je site met window.intercomSettings of Tawk_API.</p>"
    '<a href="https://www.intercom.com/">Intercom</a> <a href="https://www.tidio.com">Tidio</a></article>',
    # the dead Facebook chat plugin
    '<div id="fb-root"></div><div id="fb-customerchat" class="fb-customerchat" page_id="123" attribution="biz_inbox"></div>'
    "<script>var chatbox = document.getElementById('fb-customerchat');window.fbAsyncInit=function(){};"
    "js.src='https://connect.facebook.net/nl_NL/sdk/xfbml.customerchat.js';</script>",
    # a plain shop page with analytics, a product JSON blob and a newsletter form
    '<script async src="https://www.googletagmanager.com/gtag/js?id=G-X"></script>'
    '<script type="application/json" id="product">{"title":"Crispy drift bike","url":"https://www.shop.nl/p/1"}</script>'
    '<form action="/newsletter"><input type="email" name="email"></form>',
    # a JSON blob that mentions a vendor's marketing site, not its widget host
    '<script type="application/ld+json">{"@type":"Organization","sameAs":["https://www.zendesk.com/"]}</script>',
    # minified code with look-alike identifiers
    "<script>function sizE(a){return a};var ze=sizE(1);var drifting=true;var crisp=0;</script>",
]  # fmt: skip


@pytest.mark.parametrize("body", NEGATIVE_CASES)
def test_no_chat(body: str) -> None:
    assert detect_chat(_page(body=body)) == []


def test_one_finding_per_vendor_first_evidence() -> None:
    body = (
        '<script src="https://widget.intercom.io/widget/abc"></script>'
        "<script>window.intercomSettings={app_id:'abc'};</script>"
        '<div id="intercom-container"></div>'
    )
    found = detect_chat(_page(body=body))
    assert len(found) == 1 and found[0].evidence == "widget.intercom.io"


def test_several_vendors_on_one_page() -> None:
    body = (
        '<script src="//code.tidio.co/abc.js"></script>'
        '<script src="https://static.zdassets.com/ekr/snippet.js?key=x"></script>'
        '<a href="https://wa.me/31612345678">WhatsApp</a>'
    )
    assert sorted(_vendors(_page(body=body))) == ["tidio", "whatsapp", "zendesk"]


def test_escaped_urls_in_json_config() -> None:
    body = '<script type="application/json" id="app-config">{"chat":"https:\\/\\/embed.tawk.to\\/abc\\/default"}</script>'
    assert _vendors(_page(body=body)) == ["tawkto"]


def test_large_bundle_still_gives_its_hosts() -> None:
    bundle = "var a=1;" * 40_000 + "s.src='https://code.tidio.co/abc.js';"
    assert _vendors(_page(body=f"<script>{bundle}</script>")) == ["tidio"]


def test_finding_serialises() -> None:
    found = detect_chat(_page(body='<a href="https://wa.me/31612345678">a</a>'))
    assert found[0].to_dict() == {
        "vendor": "whatsapp",
        "evidence": "https://wa.me/31612345678",
        "kind": "link",
        "value": "+31612345678",
        "blocked_by_consent": False,
    }
