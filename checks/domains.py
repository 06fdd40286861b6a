"""Host names, registrable domains and the country a shop probably sells in.

Uses the public-suffix list snapshot that the tldextract package ships. The file is read
directly (tldextract itself imports an HTTP client, and checks/ stays off the network).
"""

from __future__ import annotations

import importlib.util
import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit


class _Parts(NamedTuple):
    domain: str
    suffix: str


def _load_suffix_rules() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(plain rules, wildcard parents, exceptions) from the bundled public-suffix list."""
    spec = importlib.util.find_spec("tldextract")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the tldextract package (which ships the public-suffix list) is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / ".tld_set_snapshot"
    plain: set[str] = set()
    wild: set[str] = set()
    exceptions: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        rule = line.strip()
        if not rule or rule.startswith("//"):
            continue
        rule = rule.split()[0].encode("idna").decode("ascii") if not rule.isascii() else rule.split()[0]
        if rule.startswith("!"):
            exceptions.add(rule[1:])
        elif rule.startswith("*."):
            wild.add(rule[2:])
        else:
            plain.add(rule)
    return frozenset(plain), frozenset(wild), frozenset(exceptions)


_PLAIN, _WILD, _EXCEPT = _load_suffix_rules()


@lru_cache(maxsize=65536)
def _EXTRACT(host: str) -> _Parts:  # noqa: N802 - reads like the tldextract call it replaces
    labels = host.lower().rstrip(".").split(".")
    for i in range(len(labels)):
        candidate = ".".join(labels[i:])
        if candidate in _EXCEPT:
            suffix_start = i + 1
            break
        parent = ".".join(labels[i + 1 :])
        if candidate in _PLAIN or (parent and parent in _WILD):
            suffix_start = i
            break
    else:
        return _Parts(domain=labels[-1] if labels else "", suffix="")
    suffix = ".".join(labels[suffix_start:])
    domain = labels[suffix_start - 1] if suffix_start > 0 else ""
    return _Parts(domain=domain, suffix=suffix)


# ccTLD -> the phonenumbers region to try first.
TLD_COUNTRY: dict[str, str] = {
    "nl": "NL",
    "be": "BE",
    "de": "DE",
    "at": "AT",
    "ch": "CH",
    "fr": "FR",
    "lu": "LU",
    "uk": "GB",
    "co.uk": "GB",
    "ie": "IE",
    "es": "ES",
    "it": "IT",
    "dk": "DK",
    "se": "SE",
    "pl": "PL",
}

# <html lang> primary subtag (or full tag) -> region, used when the TLD says nothing.
LANG_COUNTRY: dict[str, str] = {
    "nl": "NL",
    "nl-nl": "NL",
    "nl-be": "BE",
    "fr-be": "BE",
    "de": "DE",
    "de-de": "DE",
    "de-at": "AT",
    "de-ch": "CH",
    "fr": "FR",
    "fr-fr": "FR",
    "en-gb": "GB",
}

DEFAULT_COUNTRY = "NL"


def host_of(url: str) -> str:
    """The lower-case host name of a URL, without port or trailing dot."""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".").lower()


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=65536)
def registrable_domain(host: str) -> str:
    """`klantenservice.shop.co.uk` -> `shop.co.uk`; an IP address is its own domain."""
    host = host.rstrip(".").lower()
    if not host or _is_ip(host) or host == "localhost":
        return host
    parts = _EXTRACT(host)
    if parts.suffix and parts.domain:
        return f"{parts.domain}.{parts.suffix}"
    labels = host.split(".")
    return ".".join(labels[-2:])


def same_site(url_or_host_a: str, url_or_host_b: str) -> bool:
    """True when both belong to the same registrable domain (subdomains included)."""
    a = host_of(url_or_host_a) if "/" in url_or_host_a else url_or_host_a.lower()
    b = host_of(url_or_host_b) if "/" in url_or_host_b else url_or_host_b.lower()
    return bool(a) and registrable_domain(a) == registrable_domain(b)


def public_suffix(host: str) -> str:
    """The public suffix of a host name ('' when it has none we know of)."""
    return _EXTRACT(host.lower()).suffix


def has_public_suffix(domain: str) -> bool:
    """True when the domain ends in a real public suffix and has a label before it."""
    parts = _EXTRACT(domain.lower())
    return bool(parts.suffix and parts.domain)


def country_for(url: str = "", lang: str = "", explicit: str | None = None) -> str:
    """The region to parse national phone numbers in: explicit setting, ccTLD, `<html lang>`, NL."""
    if explicit:
        return explicit.upper()
    host = host_of(url)
    if host and not _is_ip(host):
        suffix = _EXTRACT(host).suffix
        if suffix in TLD_COUNTRY:
            return TLD_COUNTRY[suffix]
        last = suffix.rsplit(".", 1)[-1]
        if last in TLD_COUNTRY:
            return TLD_COUNTRY[last]
    lang = (lang or "").strip().lower().replace("_", "-")
    if lang in LANG_COUNTRY:
        return LANG_COUNTRY[lang]
    primary = lang.split("-", 1)[0]
    if primary in LANG_COUNTRY:
        return LANG_COUNTRY[primary]
    return DEFAULT_COUNTRY
