"""Page chrome per platform: head, header, menu, footer and the scripts each platform leaves behind."""

from __future__ import annotations

import html
import json

from bereikbaar.samples.sitegen.catalog import products_for
from bereikbaar.samples.sitegen.model import Page, Shop

PLATFORM_HEAD = {
    "shopify": """<link rel="preconnect" href="https://cdn.shopify.com" crossorigin>
<link href="//{host}/cdn/shop/t/12/assets/base.css?v=144997082486365258741712345678" rel="stylesheet" type="text/css" media="all">
<script>window.Shopify = window.Shopify || {{}};Shopify.shop = "{slug}.myshopify.com";Shopify.locale = "{lang}";Shopify.currency = {{"active":"EUR","rate":"1.0"}};Shopify.country = "NL";Shopify.theme = {{"name":"Dawn","id":139882021123,"schema_name":"Dawn","schema_version":"13.0.1","theme_store_id":887,"role":"main"}};Shopify.routes = Shopify.routes || {{}};Shopify.routes.root = "/";</script>
<script id="shopify-features" type="application/json">{{"accessToken":"a1b2c3d4e5f60718293a4b5c6d7e8f90","betas":["rich-media-storefront-analytics"],"domain":"{host}","predictiveSearch":true,"shopId":61234567,"locale":"nl"}}</script>
<script>window.ShopifyAnalytics = window.ShopifyAnalytics || {{}};window.ShopifyAnalytics.meta = {{"currency":"EUR","page":{{"pageType":"home"}}}};</script>""",
    "woocommerce": """<meta name="generator" content="WordPress 6.5.3">
<meta name="generator" content="WooCommerce 8.9.1">
<link rel="stylesheet" id="wc-blocks-style-css" href="https://{host}/wp-content/plugins/woocommerce/assets/client/blocks/wc-blocks.css?ver=wc-8.9.1" media="all">
<link rel="stylesheet" id="storefront-style-css" href="https://{host}/wp-content/themes/storefront/style.css?ver=4.6.0" media="all">
<script id="woocommerce-js-extra">var woocommerce_params = {{"ajax_url":"\\/wp-admin\\/admin-ajax.php","wc_ajax_url":"\\/?wc-ajax=%%endpoint%%"}};</script>
<script src="https://{host}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>""",
    "magento": """<meta name="format-detection" content="telephone=no">
<link rel="stylesheet" type="text/css" media="all" href="https://{host}/static/version1712345678/frontend/Magento/luma/nl_NL/mage/calendar.css">
<link rel="stylesheet" type="text/css" media="all" href="https://{host}/static/version1712345678/frontend/Magento/luma/nl_NL/css/styles-m.css">
<script type="text/javascript">var BASE_URL = 'https://{host}/';var require = {{"baseUrl":"https://{host}/static/version1712345678/frontend/Magento/luma/nl_NL"}};</script>
<script type="text/javascript" src="https://{host}/static/version1712345678/frontend/Magento/luma/nl_NL/requirejs/require.js"></script>
<script type="text/x-magento-init">{{"*": {{"Magento_Ui/js/core/app": {{"components": {{"customer": {{"component": "Magento_Customer/js/view/customer"}}}}}}}}}}</script>""",
    "lightspeed": """<!-- [START] 'blocks/head.rain' -->
<meta name="generator" content="Lightspeed eCom">
<link rel="stylesheet" href="https://cdn.webshopapp.com/shops/287654/themes/174583/assets/gui-2-0.css?20240501120000">
<script src="https://assets.webshopapp.com/assets/jquery-1-9-1.js?2024-05-01"></script>
<script>var shop = {{"id":287654,"domain":"https://{host}/","currency":"EUR","language":"nl"}};</script>
<!-- [END] 'blocks/head.rain' -->""",
    "prestashop": """<link rel="stylesheet" href="https://{host}/themes/classic/assets/css/theme.css" type="text/css" media="all">
<link rel="stylesheet" href="https://{host}/modules/ps_searchbar/ps_searchbar.css" type="text/css" media="all">
<script type="text/javascript">var prestashop = {{"cart":{{"products_count":0}},"currency":{{"iso_code":"EUR","sign":"\\u20ac"}},"language":{{"iso_code":"{lang}","locale":"nl-NL"}},"page":{{"page_name":"index"}},"shop":{{"name":"{name}","logo":"\\/img\\/logo.png"}}}};var prestashopFacebookAjaxController = "https:\\/\\/{host}\\/module\\/ps_facebook\\/Ajax";</script>""",
    "shopware": """<meta name="application-name" content="Shopware">
<link rel="stylesheet" href="https://{host}/theme/5e3f1a2b9c8d7e6f5a4b3c2d1e0f9a8b/css/all.css?1712345678">
<script>window.features = {{"V6_5_0_0":true,"V6_6_0_0":false,"FEATURE_NEXT_12345":false}};window.activeNavigationId = '018a2b3c4d5e6f708192a3b4c5d6e7f8';window.router = {{'frontend.cart.offcanvas': '/checkout/offcanvas','frontend.checkout.finish.page': '/checkout/finish'}};window.salesChannelId = '0189abcdeffedcba0123456789abcdef';</script>""",
    "handbuilt": """<link rel="stylesheet" href="/assets/css/site.min.css?v=2024.5">
<script defer src="/assets/js/app.min.js?v=2024.5"></script>""",
}

COOKIE_BANNERS = {
    "cookiebot": (
        '<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="7c1a8b2e-3f4d-4e5a-9b6c-0d1e2f3a4b5c" '
        'data-blockingmode="auto" type="text/javascript"></script>',
        "",
    ),
    "onetrust": (
        '<script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js" type="text/javascript" charset="UTF-8" '
        'data-domain-script="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"></script>\n<script type="text/javascript">function OptanonWrapper() { }</script>',
        '<div id="onetrust-consent-sdk"></div>',
    ),
    "complianz": (
        '<script id="cmplz-cookiebanner-js-extra">var complianz = {"prefix":"cmplz_","user_banner_id":"1","version":"7.0.4"};</script>',
        '<div id="cmplz-cookiebanner-container"><div class="cmplz-cookiebanner banner-1 optin cmplz-bottom-right" '
        'aria-modal="true" role="dialog" aria-labelledby="cmplz-header-1-optin"><div class="cmplz-header">'
        '<div class="cmplz-title" id="cmplz-header-1-optin">Beheer toestemming</div></div><div class="cmplz-body">'
        '<div class="cmplz-message">Om de beste ervaringen te bieden, gebruiken wij technologieën zoals cookies om '
        'informatie over je apparaat op te slaan en/of te raadplegen.</div></div><div class="cmplz-buttons">'
        '<button class="cmplz-btn cmplz-accept">Accepteren</button><button class="cmplz-btn cmplz-deny">Weigeren'
        "</button></div></div></div>",
    ),
    "none": ("", ""),
}

CART_LINKS = {
    "shopify": ("/cart", "/account/login", "/search"),
    "woocommerce": ("/winkelwagen/", "/mijn-account/", "/?s="),
    "magento": ("/checkout/cart/", "/customer/account/login/", "/catalogsearch/result/"),
    "lightspeed": ("/cart/", "/account/", "/search/"),
    "prestashop": ("/winkelwagen", "/inloggen", "/zoeken"),
    "shopware": ("/checkout/cart", "/account/login", "/search"),
    "handbuilt": ("/winkelwagen", "/account", "/zoeken"),
}
LABELS = {
    "nl": ("Winkelwagen", "Inloggen", "Zoeken", "Nieuwsbrief", "Schrijf je in", "Je e-mailadres", "Bekijk"),
    "de": ("Warenkorb", "Anmelden", "Suchen", "Newsletter", "Anmelden", "Ihre E-Mail-Adresse", "Ansehen"),
    "fr": ("Panier", "Connexion", "Rechercher", "Newsletter", "S'inscrire", "Votre adresse e-mail", "Voir"),
    "en": ("Cart", "Log in", "Search", "Newsletter", "Subscribe", "Your email", "View"),
}


def product_grid(shop: Shop, seed: int) -> str:
    items = []
    for i, (name, slug, price) in enumerate(products_for(shop.category, shop.products, seed)):
        href = f"{shop.product_base}{slug}{shop.product_suffix}"
        data = json.dumps({"id": 1000 + i, "sku": f"{shop.id[:3].upper()}-{7300 + i}", "price": price})
        items.append(
            f'<li class="grid__item product-item"><div class="card-wrapper product-card" data-product=\'{data}\'>'
            f'<a href="{href}" class="card__link full-unstyled-link" aria-label="{html.escape(name)}">'
            f'<img src="/media/catalog/{slug}-600x600.jpg" srcset="/media/catalog/{slug}-300x300.jpg 300w, '
            f'/media/catalog/{slug}-600x600.jpg 600w, /media/catalog/{slug}@2x.jpg 1200w" sizes="(min-width: 990px) '
            f'25vw, 50vw" alt="{html.escape(name)}" loading="lazy" width="600" height="600"></a>'
            f'<div class="card__content"><h3 class="card__heading h5"><a href="{href}">{html.escape(name)}</a></h3>'
            f'<div class="rating" role="img" aria-label="4,{(i * 3) % 10} van 5 sterren"><span class="rating-count">'
            f"({12 + i * 7})</span></div>"
            f'<div class="price"><span class="price-item price-item--regular">&euro; {price}</span></div>'
            f'<p class="usp">Voor 22:00 besteld, morgen in huis</p>'
            f'<button type="button" class="button add-to-cart" data-sku="{shop.id[:3].upper()}-{7300 + i}">'
            f"In winkelwagen</button></div></div></li>"
        )
    return f'<ul class="grid product-grid grid--4-col-desktop grid--2-col-tablet-down" role="list">{"".join(items)}</ul>'


def render(shop: Shop, path: str, page: Page) -> str:
    """One full HTML page in the shop's platform style."""
    name = html.escape(shop.name)
    slug = shop.id.split(".")[0]
    labels = LABELS.get(shop.lang, LABELS["nl"])
    head_platform = PLATFORM_HEAD[shop.platform].format(host=shop.host, slug=slug, lang=shop.lang, name=name)
    cookie_head, cookie_body = COOKIE_BANNERS[shop.cookie]
    cart, account, search = CART_LINKS[shop.platform]
    nav = "".join(
        f'<li class="menu__item"><a class="menu__link" href="{href}">{html.escape(text)}</a></li>'
        for text, href in shop.nav
    )
    cols = "".join(
        f'<div class="footer-block footer-col"><h2 class="footer-block__heading">{html.escape(title)}</h2><ul class="list-unstyled">'
        + "".join(f'<li><a href="{href}" class="link">{html.escape(text)}</a></li>' for text, href in links)
        + "</ul></div>"
        for title, links in shop.footer_cols
    )
    canonical = f"https://{shop.host}{path}"
    if shop.platform == "shopify":
        newsletter = (
            '<form method="post" action="/contact#ContactFooter" id="ContactFooter" class="footer__newsletter '
            'newsletter-form"><input type="hidden" name="form_type" value="customer"><input type="hidden" '
            'name="contact[tags]" value="newsletter"><input id="NewsletterForm--footer" type="email" '
            f'name="contact[email]" placeholder="{labels[5]}" autocomplete="email" required><button type="submit" '
            f'class="newsletter-form__button">{labels[4]}</button></form>'
        )
    else:
        newsletter = (
            '<form method="post" action="/newsletter/subscriber/new/" class="newsletter-form" id="newsletter-validate">'
            f'<input type="email" name="newsletter_email" placeholder="{labels[5]}" required><button type="submit">'
            f"{labels[4]}</button></form>"
        )
    return f"""<!DOCTYPE html>
<html lang="{shop.lang}" class="no-js">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(page.title)}</title>
<meta name="description" content="{name} - {html.escape(shop.tagline)}">
<link rel="canonical" href="{canonical}">
<link rel="icon" type="image/png" href="/favicon-32x32.png">
<meta property="og:site_name" content="{name}">
<meta property="og:url" content="{canonical}">
<meta property="og:title" content="{html.escape(page.title)}">
<meta property="og:type" content="website">
<meta property="og:image" content="https://{shop.host}/media/logo@2x.png">
{cookie_head}
{head_platform}
{shop.head_extra}
{page.head_extra}
</head>
<body class="{shop.platform} {page.body_class}">
<a class="skip-to-content-link visually-hidden" href="#MainContent">Ga direct naar de inhoud</a>
{cookie_body}
<div class="announcement-bar" role="region" aria-label="Aankondiging"><p class="announcement-bar__message">{html.escape(shop.tagline)}</p></div>
<header class="header site-header page-header">
<div class="header__top">{shop.header_extra}</div>
<a href="/" class="header__heading-link logo" title="{name}"><img src="/media/logo.svg" srcset="/media/logo.svg 1x, /media/logo@2x.png 2x" alt="{name}" width="180" height="48"></a>
<nav class="header__inline-menu" aria-label="Hoofdmenu"><ul class="list-menu list-menu--inline" role="list">{nav}</ul></nav>
<form action="{search}" method="get" role="search" class="search header-search"><input type="search" name="q" placeholder="{labels[2]}..." aria-label="{labels[2]}"><button type="submit">{labels[2]}</button></form>
<div class="header__icons"><a href="{account}" class="header__icon header__icon--account" rel="nofollow">{labels[1]}</a>
<a href="{cart}" class="header__icon header__icon--cart" id="cart-icon-bubble" rel="nofollow">{labels[0]} <span class="cart-count-bubble">0</span></a></div>
</header>
<main id="MainContent" class="content-for-layout" role="main">
{page.main}
</main>
<footer class="footer page-footer site-footer">
<div class="footer__content-top page-width">
<div class="footer__blocks-wrapper grid">{cols}</div>
{shop.footer_extra}
<div class="footer-block--newsletter"><h2 class="footer-block__heading">{labels[3]}</h2>
{newsletter}</div>
</div>
<div class="footer__content-bottom"><ul class="list list-payment" role="list"><li class="list-payment__item">iDEAL</li><li class="list-payment__item">Bancontact</li><li class="list-payment__item">Visa</li><li class="list-payment__item">Mastercard</li><li class="list-payment__item">PayPal</li><li class="list-payment__item">Klarna</li></ul>
<div class="footer__copyright"><small class="copyright__content">{shop.footer_legal}</small></div></div>
</footer>
{shop.body_end}
</body>
</html>
"""
