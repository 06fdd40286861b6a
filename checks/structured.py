"""Contact values in structured data: JSON-LD (schema.org) and meta tags.

Tolerant like extruct: comment lines and trailing junk are stripped before a second try, and
top-level lists and `@graph` arrays are walked. Values found here are invisible evidence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

PHONE_KEYS = frozenset({"telephone", "phone", "phonenumber", "contactphone"})
FAX_KEYS = frozenset({"faxnumber", "fax"})
EMAIL_KEYS = frozenset({"email", "contactemail"})
META_PHONE = re.compile(r"(?:^|[:_.\-])(?:tele)?phone(?:_number)?$", re.I)
META_EMAIL = re.compile(r"(?:^|[:_.\-])e-?mail$", re.I)
_JS_COMMENT = re.compile(r"^\s*(?://.*|<!--|-->)\s*$", re.M)
MAX_JSONLD = 2_000_000


def _load(text: str):
    if len(text) > MAX_JSONLD:
        return None
    for candidate in (text, _JS_COMMENT.sub("", text).strip().rstrip(";")):
        try:
            return json.loads(candidate, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def _walk(node, depth: int = 0) -> Iterator[tuple[str, str]]:
    if depth > 30:
        return
    if isinstance(node, dict):
        for key, value in node.items():
            low = str(key).lower()
            if isinstance(value, str | int) and low in PHONE_KEYS | FAX_KEYS | EMAIL_KEYS:
                kind = "fax" if low in FAX_KEYS else "email" if low in EMAIL_KEYS else "phone"
                yield kind, str(value)
            elif isinstance(value, list) and low in PHONE_KEYS | EMAIL_KEYS | FAX_KEYS:
                kind = "fax" if low in FAX_KEYS else "email" if low in EMAIL_KEYS else "phone"
                for item in value:
                    if isinstance(item, str):
                        yield kind, item
            elif isinstance(value, dict | list):
                yield from _walk(value, depth + 1)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, depth + 1)


def jsonld_contacts(scripts: list[str]) -> list[tuple[str, str]]:
    """(kind, value) pairs with kind phone, fax or email from JSON-LD script texts."""
    out: list[tuple[str, str]] = []
    for text in scripts:
        if not any(k in text.lower() for k in ("phone", "email", "fax")):
            continue
        data = _load(text)
        if data is not None:
            out.extend(_walk(data))
    return out


def meta_contacts(meta: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key, content in meta:
        if META_PHONE.search(key):
            out.append(("phone", content))
        elif META_EMAIL.search(key):
            out.append(("email", content))
    return out
