"""Case table for checks.platform: generator tags, asset hosts, markers, globals and own host."""

from __future__ import annotations

import lxml.html
import pytest

from checks.platform import FINGERPRINTS, detect_platform


def _page(head: str = "", body: str = "", body_attrs: str = "") -> lxml.html.HtmlElement:
    return lxml.html.fromstring(
        f"<html><head><title>x</title>{head}</head><body {body_attrs}><p>hi</p>{body}</body></html>"
    )


CASES = [
    # Shopify
    ("shopify", '<link rel="stylesheet" href="//cdn.shopify.com/s/files/1/0123/t/4/assets/base.css">', "", "", ""),
    ("shopify", '<script src="/cdn/shop/t/12/assets/global.js?v=1" defer></script>', "", "", ""),
    ("shopify", "<script>var Shopify = Shopify || {};\nShopify.shop = \"fiets.myshopify.com\";</script>", "", "", ""),
    ("shopify", "", "", "", "https://fietsplaza.myshopify.com/"),
    ("shopify", '<meta name="shopify-checkout-api-token" content="abc">', "", "", ""),
    # WooCommerce before WordPress
    ("woocommerce", '<meta name="generator" content="WooCommerce 8.9.1">'
                    '<meta name="generator" content="WordPress 6.5">', "", "", ""),
    ("woocommerce", "<link rel='stylesheet' href='https://shop.nl/wp-content/plugins/woocommerce/assets/css/woocommerce.css'>",
     "", "", ""),
    ("woocommerce", "<script src='/wp-includes/js/jquery/jquery.min.js'></script>"
                    "<script>var wc_add_to_cart_params = {\"ajax_url\":\"/wp-admin/admin-ajax.php\"};</script>", "", "", ""),
    ("woocommerce", "", "", 'class="home page-template woocommerce-no-js"', ""),
    ("wordpress", '<meta name="generator" content="WordPress 6.5.2">', "", "", ""),
    ("wordpress", "<link rel='https://api.w.org/' href='https://blog.nl/wp-json/'>", "", "", ""),
    # Magento 1 and 2
    ("magento", "", '<script type="text/x-magento-init">{"*": {"Magento_Ui/js/core/app": {}}}</script>', "", ""),
    ("magento", '<script src="https://www.shop.de/static/version1712345678/frontend/Magento/luma/de_DE/requirejs/require.js">'
                "</script>", "", "", ""),
    ("magento", '<link rel="stylesheet" href="https://www.shop.nl/skin/frontend/default/shop/css/styles.css">', "", "", ""),
    # Lightspeed
    ("lightspeed", '<link rel="stylesheet" href="https://cdn.webshopapp.com/shops/12345/themes/1/assets/style.css">', "", "", ""),
    ("lightspeed", "<!-- [START] 'blocks/head.rain' -->", "", "", ""),
    ("lightspeed", "", "", "", "https://winkel.webshopapp.com/nl/"),
    # PrestaShop
    ("prestashop", '<meta name="generator" content="PrestaShop">', "", "", ""),
    ("prestashop", '<script src="/modules/ps_shoppingcart/ps_shoppingcart.js"></script>', "", "", ""),
    ("prestashop", '<script>var prestashop = {"cart":{"products":[]}};</script>', "", "", ""),
    # Shopware 5 and 6
    ("shopware", '<meta name="application-name" content="Shopware">', "", "", ""),
    ("shopware", '<script src="https://www.shop.de/bundles/storefront/storefront/js/storefront.js"></script>', "", "", ""),
    ("shopware", '<link rel="stylesheet" href="/themes/Frontend/Responsive/frontend/_public/src/css/all.css">', "", "", ""),
    # site builders
    ("wix", '<meta name="generator" content="Wix.com Website Builder">', "", "", ""),
    ("wix", '<link rel="preload" href="https://static.parastorage.com/services/wix-thunderbolt/dist/main.js">', "", "", ""),
    ("ccvshop", '<script src="/website/JavaScript/Vertoshop.js?v=1"></script>', "", "", ""),
    ("ccvshop", "", "", "", "https://mijnzaak.ccvshop.nl/"),
    ("mijnwebwinkel", '<meta name="generator" content="Mijnwebwinkel">', "", "", ""),
    ("mijnwebwinkel", '<link rel="stylesheet" href="https://static.myonlinestore.eu/css/shop.css">', "", "", ""),
    ("jouwweb", '<link rel="stylesheet" href="https://assets.jwwb.nl/assets/build/website-rendering/nl-NL.css">', "", "", ""),
    ("jouwweb", "<script>var JOUWWEB = JOUWWEB || {};</script>", "", "", ""),
    ("squarespace", '<script src="https://static1.squarespace.com/static/vta/5c5a519771c10ba3470d8101/scripts/site-bundle.js">'
                    "</script>", "", "", ""),
    ("squarespace", "<script>Static.SQUARESPACE_CONTEXT = {};</script>", "", "", ""),
    # unknown: hand-built pages, CDNs that say nothing, words in visible text
    ("", '<script src="/js/app.js"></script><link rel="stylesheet" href="/css/site.css">', "", "", ""),
    ("", "", "<p>Wij verkopen Shopify-thema's en WordPress-plugins; ook Magento-hosting.</p>", "", ""),
    ("", '<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>', "", "", "https://www.shop.nl/"),
]  # fmt: skip


@pytest.mark.parametrize(("expected", "head", "body", "body_attrs", "url"), CASES)
def test_platform(expected: str, head: str, body: str, body_attrs: str, url: str) -> None:
    assert detect_platform(_page(head, body, body_attrs), url) == expected


def test_every_platform_has_a_case() -> None:
    assert {fp.platform for fp in FINGERPRINTS} <= {c[0] for c in CASES}
