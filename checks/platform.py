"""Which shop platform built the page (DOMAIN.md section 5 fingerprints).

Evidence, cheapest first: the generator / application-name meta tags, the hosts and paths of
scripts and stylesheets, the page's own host, script types and ids, HTML comments, and
finally a few JS globals in inline scripts. The first platform in FINGERPRINTS that matches
wins, so specific platforms (WooCommerce) come before their base (WordPress).
"""

from __future__ import annotations

from typing import NamedTuple

import lxml.html
from lxml import etree

from checks.domains import host_of
from checks.page import of_tags


class Fingerprint(NamedTuple):
    platform: str
    generators: tuple[str, ...] = ()  # lower-case words in meta generator / application-name
    assets: tuple[str, ...] = ()  # lower-case substrings of script src / link href
    hosts: tuple[str, ...] = ()  # the page's own host ends with one of these
    markers: tuple[str, ...] = ()  # script type/id, comment text, body class (lower case)
    globals: tuple[str, ...] = ()  # case-sensitive substrings of inline script text


FINGERPRINTS: tuple[Fingerprint, ...] = (
    Fingerprint("shopify", ("shopify",), ("cdn.shopify.com", "cdn.shopifycdn.net", "/cdn/shop/", "myshopify.com"),
                (".myshopify.com",), ("shopify-features",), ("Shopify.shop", "ShopifyAnalytics", "window.Shopify")),
    Fingerprint("woocommerce", ("woocommerce",), ("/plugins/woocommerce/",), (), ("woocommerce-page", "woocommerce-no-js"),
                ("woocommerce_params", "wc_add_to_cart_params")),
    Fingerprint("magento", ("magento",), ("/static/version", "/static/frontend/", "/skin/frontend/", "mage/cookies"),
                (), ("text/x-magento-init", "text/x-magento-template"), ("Mage.Cookies",)),
    Fingerprint("lightspeed", ("lightspeed", "seoshop"), ("webshopapp.com", "shoplightspeed.com"),
                (".webshopapp.com", ".shoplightspeed.com"), ("blocks/head.rain",), ()),
    Fingerprint("prestashop", ("prestashop",), ("/modules/ps_", "/themes/classic/assets/"), (), (),
                ("var prestashop =", "prestashop = {")),
    Fingerprint("shopware", ("shopware",), ("/bundles/storefront/", "/themes/frontend/"), (), (),
                ("window.features = {\"V6", "window.features={\"V6")),
    Fingerprint("wix", ("wix.com",), ("static.parastorage.com", "static.wixstatic.com"), (".wixsite.com",),
                ("wix-viewer-model", "wix-warmup-data"), ()),
    Fingerprint("ccvshop", ("ccv shop", "ccvshop"), ("vertoshop.js", "ccvshop.nl", "ccvshop.be"),
                (".ccvshop.nl", ".ccvshop.be"), (), ()),
    Fingerprint("mijnwebwinkel", ("mijnwebwinkel", "myonlinestore"), ("mijnwebwinkel", "myonlinestore"),
                (".mijnwebwinkel.nl", ".myonlinestore.com"), (), ()),
    Fingerprint("jouwweb", ("jouwweb",), ("jwwb.nl", "jouwweb.nl"), (".jouwweb.nl", ".jouwweb.site"), (), ("JOUWWEB",)),
    Fingerprint("squarespace", ("squarespace",), ("static1.squarespace.com", "assets.squarespace.com"),
                (".squarespace.com",), (), ("SQUARESPACE_CONTEXT",)),
    Fingerprint("wordpress", ("wordpress",), ("/wp-content/", "/wp-includes/"), (".wordpress.com",),
                ("api.w.org",), ("wp-emoji", "wpApiSettings")),
)  # fmt: skip

# Inline scripts above this size are data or bundles; the globals pass reads only the first part.
MAX_INLINE_SCAN = 50_000


def _matches(fp: Fingerprint, generators: str, assets: str, host: str, markers: str) -> bool:
    return (
        any(g in generators for g in fp.generators)
        or any(a in assets for a in fp.assets)
        or any(host.endswith(h) for h in fp.hosts)
        or any(m in markers for m in fp.markers)
    )


_LOOKED_AT = frozenset({"meta", "script", "link", etree.Comment})


def detect_platform(root: lxml.html.HtmlElement, url: str = "", furniture: list | None = None) -> str:
    """The shop platform's id (shopify, woocommerce, ..., wordpress) or "" when unknown.

    `furniture`: `ParsedPage.furniture` when the caller has gathered it (it holds these tags).
    """
    generators, assets, markers, inline = [], [], [], []
    for el in of_tags(root, furniture, _LOOKED_AT):
        tag = el.tag
        if tag == "meta":
            if (el.get("name") or "").lower() in ("generator", "application-name"):
                generators.append(el.get("content") or "")
            elif (el.get("name") or "").lower().startswith("shopify"):
                markers.append("shopify-features")
        elif tag == "script":
            assets.append(el.get("src") or "")
            markers.append(f"{el.get('type') or ''} {el.get('id') or ''}")
            if el.text:
                inline.append(el.text[:MAX_INLINE_SCAN])
        elif tag == "link":
            assets.append(el.get("href") or "")
            markers.append(el.get("rel") or "")
        elif el.text:  # a comment
            markers.append(el.text[:200])
    body = root.find("body")
    if body is not None:
        markers.append(body.get("class") or "")
    joined_gen = " ".join(generators).lower()
    joined_assets = "\n".join(assets).lower()
    joined_markers = "\n".join(markers).lower()
    host = host_of(url) if url else ""
    found = next(
        (fp.platform for fp in FINGERPRINTS if _matches(fp, joined_gen, joined_assets, host, joined_markers)),
        "",
    )
    if found and found != "wordpress":
        return found
    # No decisive tag, or only WordPress (WooCommerce may show itself only in its globals).
    code = "\n".join(inline)
    for fp in FINGERPRINTS:
        if (not found or fp.platform == "woocommerce") and any(g in code for g in fp.globals):
            return fp.platform
    return found
