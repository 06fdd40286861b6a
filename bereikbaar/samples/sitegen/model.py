"""What a sample shop is made of, for the site generator."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Page:
    title: str
    main: str  # HTML of the main content
    body_class: str = ""
    head_extra: str = ""  # extra tags in <head> (JSON-LD, meta)
    chrome: bool = True  # False: the page is written as given (help-centre pages, PDFs live elsewhere)


@dataclass
class Shop:
    id: str
    name: str
    host: str
    platform: str  # shopify, woocommerce, magento, lightspeed, prestashop, shopware, handbuilt
    lang: str = "nl"
    category: str = ""
    tagline: str = ""
    nav: list[tuple[str, str]] = field(default_factory=list)  # (text, href) in the header menu
    footer_cols: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    header_extra: str = ""  # e.g. the phone number in the top bar
    footer_extra: str = ""  # e.g. a contact block in the footer
    footer_legal: str = ""  # the copyright line (KvK, btw ...)
    head_extra: str = ""
    body_end: str = ""  # chat widgets and other late scripts
    product_base: str = "/products/"  # where product pages live
    product_suffix: str = ""
    home_path: str = "/"  # where the homepage file lives (/nl/ for a redirecting shop)
    products: int = 16  # cards on the homepage grid (and product pages written)
    home_intro: str = ""  # HTML above the product grid
    home_after: str = ""  # HTML below the product grid
    pages: dict[str, Page] = field(default_factory=dict)  # path -> page
    raw_files: dict[str, bytes] = field(default_factory=dict)  # path -> bytes written as-is
    cookie: str = "cookiebot"  # cookiebot | onetrust | complianz | none
