"""The sample universe on loopback: every shop of `universe.json` on its own 127.0.x.y address.

    with SampleServer() as server:
        server.write_shop_list(tmp / "shops.csv")
        crawl(..., resolve=server.resolve_map)

Hosts are routed by the Host header first and the local address second. Static files come
from `shops/<shop-id>/` (extra hosts from `shops/<shop-id>/_hosts/<host>/`); absolute links to
universe hosts are rewritten to `http://<host>:<port>` as they are served. Behaviour flags in
the manifest switch on the dynamic parts (see `BEHAVIOURS`).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

from bereikbaar.samples import dynamic
from bereikbaar.samples.httpd import LoopbackCluster, Response, ShopEntry, loopback_address
from bereikbaar.samples.synthetic import SyntheticUniverse, synthetic_server

__all__ = ["SampleServer", "SyntheticUniverse", "synthetic_server", "UNIVERSE_DIR", "load_manifest"]

UNIVERSE_DIR = Path(__file__).resolve().parent
HOME_REDIRECT_TARGET = "/nl/"
LOOP_PATHS = {"/": "/home/", "/home/": "/"}
CALENDAR_PATH = "/agenda"
HUGE_PAGE_PATH = "/catalogus/volledig"

# What each behaviour flag does; the manifest may use only these.
BEHAVIOURS = {
    "redirect_home": "GET / answers 301 to /nl/, where the homepage lives",
    "redirect_loop": "/ redirects to /home/ and /home/ back to /",
    "forbidden": "every request, robots.txt included, answers 403",
    "bot_wall": "every page answers 200 with a Cloudflare-style 'Just a moment...' challenge",
    "refused": "the host maps to a loopback address where nothing listens",
    "robots_disallow_all": "robots.txt disallows everything (static file)",
    "robots_partial": "robots.txt disallows some paths that hold contact details (static file)",
    "calendar": "/agenda?maand=YYYY-MM links to the next month forever",
    "huge_page": "/catalogus/volledig streams a 20 MB page",
    "binary_link": "a page links to a binary file served as application/octet-stream",
    "subdomain_help": "the contact page lives on a help-centre subdomain with its own address",
    "terms_pdf": "the terms are a linked PDF",
    "deep_chain": "a page is reached by a long prioritised route but has a shorter one",
}

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".pdf": "application/pdf",
    ".css": "text/css",
    ".js": "application/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}
REWRITE_TYPES = ("text/html", "text/plain", "application/xml")
PLATFORM_HEADERS = {
    "shopify": {"Server": "cloudflare", "powered-by": "Shopify", "x-shopid": "61234567"},
    "woocommerce": {"Server": "Apache", "Link": '</wp-json/>; rel="https://api.w.org/"'},
    "magento": {"Server": "nginx", "X-Magento-Cache-Debug": "HIT"},
    "lightspeed": {"Server": "nginx", "X-Webshopapp": "1"},
    "prestashop": {"Server": "Apache", "Powered-By": "PrestaShop"},
    "shopware": {"Server": "nginx", "sw-version-id": "0fa91ce3e96a4bc2be4bd9ce752c3425"},
}
_ABSOLUTE_URL = re.compile(r"https?://([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?=[/\"'\s?#<)]|$)", re.IGNORECASE)


def load_manifest(universe_dir: Path | None = None) -> dict[str, Any]:
    """The parsed `universe.json` of a universe directory (the bundled one by default)."""
    path = Path(universe_dir or UNIVERSE_DIR) / "universe.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"no sample universe manifest at {path}") from exc
    for shop in manifest["shops"]:
        unknown = set(shop.get("behaviour", [])) - set(BEHAVIOURS)
        if unknown:
            raise ValueError(f"shop {shop['id']} uses unknown behaviour flags {sorted(unknown)}")
    return manifest


class SampleServer(LoopbackCluster):
    """Serves the bundled (or given) sample universe; use as a context manager."""

    def __init__(
        self,
        universe_dir: Path | None = None,
        *,
        port: int = 0,
        delay: float = 0.0,
        ip_prefix: str = "127.0.",
    ) -> None:
        super().__init__(port=port, delay=delay, ip_prefix=ip_prefix)
        self.universe_dir = Path(universe_dir or UNIVERSE_DIR)
        self.manifest = load_manifest(self.universe_dir)
        self._host_site: dict[str, tuple[dict[str, Any], Path]] = {}  # host -> (shop, document root)
        self._aliases: dict[str, str] = {}  # apex alias -> canonical host
        self._cache: dict[Path, bytes] = {}
        index = 0
        for shop in self.manifest["shops"]:
            listen = "refused" not in shop.get("behaviour", [])
            root = self.universe_dir / "shops" / shop["id"]
            ip = self.assign(shop["host"], loopback_address(ip_prefix, index), listen=listen)
            index += 1
            self._host_site[shop["host"]] = (shop, root)
            for alias in shop.get("aliases", []):
                self.assign(alias, ip, listen=listen)
                self._aliases[alias] = shop["host"]
            for extra in shop.get("extra_hosts", []):
                self.assign(extra, loopback_address(ip_prefix, index), listen=listen)
                index += 1
                self._host_site[extra] = (shop, root / "_hosts" / extra)
            self.shops.append(
                ShopEntry(
                    id=shop["id"],
                    name=shop["name"],
                    host=shop["host"],
                    url="",
                    ip=ip,
                    category=shop.get("category", ""),
                    country=shop.get("country", ""),
                    rank=shop.get("rank"),
                    expected=shop.get("expected", {}),
                    platform=shop.get("platform", ""),
                    behaviour=list(shop.get("behaviour", [])),
                    tests=shop.get("tests", ""),
                    extra_hosts=list(shop.get("extra_hosts", [])),
                )
            )

    def _after_start(self) -> None:
        self._cache.clear()
        for entry in self.shops:
            entry.url = self.url_for(entry.host)

    def shop(self, shop_id: str) -> ShopEntry:
        for entry in self.shops:
            if entry.id == shop_id:
                return entry
        raise KeyError(f"no sample shop {shop_id!r}")

    # --- routing ----------------------------------------------------------------------------
    def route(self, host: str, path: str, query: str, method: str) -> Response:
        if host in self._aliases:
            target = self.url_for(self._aliases[host], path + (f"?{query}" if query else ""))
            return Response(301, {"Location": target, "Content-Type": "text/html"}, b"Moved Permanently\n")
        site = self._host_site.get(host)
        if site is None:
            return Response(421, {"Content-Type": "text/plain"}, b"Misdirected request\n")
        shop, root = site
        flags = shop.get("behaviour", [])
        headers = dict(PLATFORM_HEADERS.get(shop.get("platform", ""), {}))
        if "forbidden" in flags:
            return Response(403, {"Content-Type": "text/html", "Server": "nginx"}, dynamic.forbidden_page())
        if "bot_wall" in flags and path != "/robots.txt":
            cf = {"Server": "cloudflare", "CF-RAY": "8f1c2a7e9b3d4c21-AMS", "Cache-Control": "no-store"}
            return Response(200, {"Content-Type": "text/html; charset=UTF-8", **cf}, dynamic.bot_wall_page())
        if "redirect_loop" in flags and path in LOOP_PATHS:
            return Response(302, {"Location": LOOP_PATHS[path], **headers}, b"")
        if "redirect_home" in flags and path == "/":
            return Response(301, {"Location": self.url_for(host, HOME_REDIRECT_TARGET), **headers}, b"")
        if "calendar" in flags and path.rstrip("/") == CALENDAR_PATH:
            month = parse_qs(query).get("maand", [""])[0]
            body = dynamic.calendar_page(shop["name"], month)
            return Response(200, {"Content-Type": "text/html; charset=utf-8", **headers}, body)
        if "huge_page" in flags and path == HUGE_PAGE_PATH:
            length, chunks = dynamic.huge_page(shop["name"])
            return Response(
                200,
                {"Content-Type": "text/html; charset=utf-8", **headers},
                stream=lambda: chunks,
                length=length,
            )
        return self._static(shop, root, path, headers)

    def _static(self, shop: dict[str, Any], root: Path, path: str, headers: dict[str, str]) -> Response:
        file = self._find_file(root, path)
        if file is None:
            body = dynamic.not_found_page(shop["name"])
            return Response(404, {"Content-Type": "text/html; charset=utf-8", **headers}, body)
        content_type = CONTENT_TYPES.get(file.suffix.lower(), "application/octet-stream")
        body = self._cache.get(file)
        if body is None:
            body = file.read_bytes()
            if content_type.startswith(REWRITE_TYPES):
                body = self._rewrite(body)
            self._cache[file] = body
        return Response(200, {"Content-Type": content_type, **headers}, body)

    @staticmethod
    def _find_file(root: Path, path: str) -> Path | None:
        clean = posixpath.normpath(unquote(path))
        if clean in (".", "/"):
            clean = ""
        parts = [p for p in clean.split("/") if p]
        if any(p.startswith((".", "_")) for p in parts):
            return None  # never serve hidden files or another host's tree
        base = root.joinpath(*parts) if parts else root
        if path.endswith("/") or not parts:
            candidates = [base / "index.html"]
        else:
            candidates = [base, base.with_name(base.name + ".html"), base / "index.html"]
        for candidate in candidates:
            if candidate.is_file():
                return candidate
        return None

    def _rewrite(self, body: bytes) -> bytes:
        """Point absolute links at universe hosts to the loopback port they are served on."""
        text = body.decode("utf-8")

        def swap(match: re.Match[str]) -> str:
            host = match.group(1).lower()
            return f"http://{host}:{self.port}" if host in self.resolve_map else match.group(0)

        return _ABSOLUTE_URL.sub(swap, text).encode("utf-8")
