"""Write the sample shops' static files: `python -m bereikbaar.samples.sitegen.build`.

Pages the shop specs define are rendered in the shop's platform chrome; product pages are
written for the homepage grid; every other internal link that a page shows gets a plain
content page (collections, blog posts, jobs), so a crawl meets a whole site, not 404s.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from bereikbaar.samples.sitegen import shops_a, shops_b, shops_c
from bereikbaar.samples.sitegen.catalog import products_for
from bereikbaar.samples.sitegen.chrome import CART_LINKS, render
from bereikbaar.samples.sitegen.common import article_page, home, product_page
from bereikbaar.samples.sitegen.model import Page, Shop

OUT_DIR = Path(__file__).resolve().parent.parent / "shops"
_HREF = re.compile(r'href="(/[^"#?]*)')
NEVER_FILL = ("/cdn-cgi/", "/newsletter/", "/agenda", "/catalogus/volledig", "/checkout", "/cart", "/media/",
              "/downloads/", "/wp-admin", "/account", "/customer/", "/winkelwagen", "/mijn-account", "/zoeken",
              "/search", "/inloggen", "/catalogsearch")  # fmt: skip


def file_for(path: str) -> str:
    """URL path -> file path relative to the document root."""
    if path.endswith("/"):
        return path.lstrip("/") + "index.html"
    name = path.rsplit("/", 1)[-1]
    if "." in name:
        return path.lstrip("/")
    return path.lstrip("/") + ".html"


def all_shops() -> list[Shop]:
    return shops_a.shops() + shops_b.shops() + shops_c.shops()


def build_shop(shop: Shop, out_dir: Path, seed: int) -> int:
    root = out_dir / shop.id
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    pages: dict[str, Page] = {}
    if shop.products:
        pages[shop.home_path] = home(shop, seed)
        for name, slug, price in products_for(shop.category, shop.products, seed):
            pages[f"{shop.product_base}{slug}{shop.product_suffix}"] = product_page(shop, name, price)
    pages.update(shop.pages)
    written: dict[str, str] = {}
    for path, page in pages.items():
        if path.startswith("//"):
            host, _, sub_path = path[2:].partition("/")
            target = root / "_hosts" / host / file_for("/" + sub_path)
            text = page.main
        else:
            target = root / file_for(path)
            text = render(shop, path, page) if page.chrome else page.main
            written[path] = text
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for path, data in shop.raw_files.items():
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    _fill_links(shop, root, written)
    return sum(1 for _ in root.rglob("*") if _.is_file())


def _fill_links(shop: Shop, root: Path, written: dict[str, str]) -> None:
    skip = set(CART_LINKS[shop.platform]) | {"/"}
    wanted: set[str] = set()
    for text in written.values():
        wanted.update(_HREF.findall(text))
    for path in sorted(wanted):
        if path in skip or path.startswith(NEVER_FILL) or path.startswith("//"):
            continue
        target = root / file_for(path)
        if target.exists() or (root / path.lstrip("/")).exists():
            continue
        if "." in path.rsplit("/", 1)[-1] and not path.endswith(".html"):
            continue
        words = path.strip("/").replace(".html", "").split("/")[-1].replace("-", " ") or shop.name
        title = words[:1].upper() + words[1:]
        page = article_page(
            f"{title} | {shop.name}",
            [
                f"Ontdek {html.escape(words)} bij {html.escape(shop.name)}: zorgvuldig geselecteerd en snel "
                "geleverd.",
                "Bekijk ook onze bestsellers en de nieuwste collectie.",
            ],
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(shop, path, page), encoding="utf-8")


def main() -> None:
    shops = all_shops()
    keep = {s.id for s in shops}
    OUT_DIR.mkdir(exist_ok=True)
    for stale in OUT_DIR.iterdir():
        if stale.is_dir() and stale.name not in keep:
            shutil.rmtree(stale)
    for seed, shop in enumerate(shops):
        count = build_shop(shop, OUT_DIR, seed)
        print(f"{shop.id}: {count} files")


if __name__ == "__main__":
    main()
