"""E-mail addresses: mailto links, visible text, obfuscated forms and structured data.

Decodes Cloudflare's e-mail protection, Joomla's cloak, Smarty's JavaScript encodings, string
concatenation and the munged text forms (`info [at] shop [dot] nl`, `(apenstaartje)`, `(ät)`,
`(arobase)`). Rejects asset names, package specs, monitoring DSNs, placeholders and anything
without a real public suffix.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import unquote

from checks.domains import has_public_suffix, registrable_domain
from checks.model import EmailFinding, TextBlock, best_per_value
from checks.thirdparty import domain_is_third_party, names_third_party

# The local part: letters, digits and ._%+- , an apostrophe between letters ("d'souza",
# "o'brien"; a typographic one is read as "'"), or a quoted string ("john.doe"@...). A local
# part never starts right after a letter and an apostrophe (that is the middle of one).
EMAIL = re.compile(
    r"(?<![\w.%+\-/])(?<!\w['’])"
    r"(\"[^\"\s@\\]{1,62}\"|[a-z0-9](?:[a-z0-9._%+\-]|['’](?=[a-z0-9])){0,63})"
    r"@((?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?![\w\-])",
    re.I,
)
# A quoted local part that is an ordinary one inside its quotes means the same address.
DOT_ATOM = re.compile(r"^[a-z0-9][a-z0-9._%+\-']*$", re.I)
# A domain-like tail that is really a file: logo@2x.png, sprite@3x.webp
FILE_EXTENSIONS = frozenset(
    [
        "png",
        "jpg",
        "jpeg",
        "gif",
        "webp",
        "svg",
        "avif",
        "css",
        "js",
        "mjs",
        "ico",
        "bmp",
        "tif",
        "tiff",
        "mp4",
        "webm",
        "mp3",
        "woff",
        "woff2",
        "ttf",
        "eot",
        "otf",
        "json",
        "map",
        "pdf",
        "zip",
        "gz",
        "php",
        "html",
        "htm",
        "asp",
        "aspx",
        "jsp",
        "txt",
        "xml",
    ]
)
PLACEHOLDER_DOMAINS = frozenset(
    {
        "example.com",
        "example.org",
        "example.net",
        "voorbeeld.nl",
        "voorbeeld.be",
        "domain.com",
        "domain.nl",
        "domein.nl",
        "uwdomein.nl",
        "jouwdomein.nl",
        "yourdomain.com",
        "mydomain.com",
        "yoursite.com",
        "email.com",
        "e-mail.com",
        "adres.nl",
        "emailadres.nl",
        "mailadres.nl",
        "beispiel.de",
        "musterfirma.de",
        "mustermann.de",
        "exemple.fr",
        "exemple.com",
        "company.com",
        "website.com",
        "sentry.io",
        "wixpress.com",
        "sentry-next.wixpress.com",
    }
)
PLACEHOLDER_ADDRESSES = frozenset(
    {
        "jouw@email.nl",
        "naam@voorbeeld.nl",
        "email@adres.nl",
        "you@domain.com",
        "name@email.com",
        "je@email.nl",
        "uw@email.nl",
        "jouw@emailadres.nl",
        "john@doe.com",
        "john.doe@gmail.com",
        "jan@jansen.nl",
        "max@mustermann.de",
        "test@test.com",
        "test@test.nl",
        "user@domain.com",
        "info@uwbedrijf.nl",
        "info@jouwbedrijf.nl",
        "your@email.com",
        "your.email@gmail.com",
        "voornaam@bedrijf.nl",
        "vorname.nachname@firma.de",
        "prenom.nom@domaine.fr",
    }
)
NOREPLY = re.compile(r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|bounce|mailer-daemon)", re.I)
JSON_ESCAPE_PREFIX = re.compile(r"^(?:u00[0-9a-f]{2})+", re.I)
HEX_KEY = re.compile(r"^[0-9a-f]{32}$", re.I)

# Munged text forms, normalised before matching (DOMAIN.md 2.3).
AT_WORDS = r"at|@|apenstaartje|apestaartje|apenstaart|ät|aet|arobase|arrobase|klammeraffe"
DOT_WORDS = r"dot|punt|punkt|point|\."
MUNGED_AT = re.compile(rf"\s*[\[\(\{{<]\s*(?:{AT_WORDS})\s*[\]\)\}}>]\s*", re.I)
MUNGED_DOT = re.compile(rf"\s*[\[\(\{{<]\s*(?:{DOT_WORDS})\s*[\]\)\}}>]\s*", re.I)
# "info AT shop DOT nl" (capitals), or lower case only after a usual mailbox name
MAILBOX_NAMES = r"info|contact|kontakt|service|klantenservice|kundenservice|support|sales|verkoop|hallo|hello|mail|office|shop|webshop|vragen|help|orders|bestellingen|administratie|boekhouding"
SPACED_AT = re.compile(r"([\w.\-]+)\s+(AT|at)\s+(?=[a-z0-9\-]+\s*(?:\.|\s(?:DOT|dot|punt)\s))")
MAILBOX_WORDS = frozenset(MAILBOX_NAMES.split("|"))


def _spaced_at(m: re.Match) -> str:
    if m.group(2) == "AT" or m.group(1).lower() in MAILBOX_WORDS:
        return m.group(1) + "@"
    return m.group(0)


# "@" with a space on one side only ("info @shop.nl", "info@ shop.nl") is a broken address.
ONE_SPACED_AT = re.compile(r"(?<=[\w.\-])\s+@(?=[^\s@])|(?<=[^\s@])@\s+(?=\w)")
# "@" with spaces on both sides joins two words only when the result is a plausible address
# ("Like ons @ facebook.com" is a social handle sentence, not ons@facebook.com).
SPACED_BOTH_AT = re.compile(r"([\w.\-+']+)\s+@\s+([a-z0-9\-]+(?:\s?\.\s?[a-z0-9\-]+)*)(\s?/)?", re.I)
# Mail wording that introduces the address: "E-mail: jan @ shop.nl", "mail naar jan @ ...".
MAIL_INTRO = re.compile(
    r"(?i:\b(?:e-?mail(?:\s?(?:adres|adresse|address))?|mail(?:adres)?|courriel|adresse|write|schrijf|"
    r"schreiben\s+sie|écrivez)\b\s*(?::|\s(?:naar|aan|to|an|à|via|op|at|ons\s+op)\b\s*:?))\s*$"
)
# A dot, underscore, plus or digit is rare in a word and usual in a mailbox ("jan.de.vries");
# a hyphen is not ("Retrouvez-nous @ boutique.fr").
LOCAL_PART_MARKS = frozenset("._+0123456789")


def _join_spaced_both(m: re.Match) -> str:
    """Join `word @ domain` when the word is a usual mailbox name, looks like a local part (a
    dot, dash, digit...) or follows mail wording, and the domain is not a URL with a path."""
    local = m.group(1)
    if m.group(3):  # "@ twitter.com/shop": a profile URL
        return m.group(0)
    line_start = m.string.rfind("\n", 0, m.start()) + 1
    before = m.string[max(line_start, m.start() - 40) : m.start()]
    plausible = (
        local.lower() in MAILBOX_WORDS
        or any(c in LOCAL_PART_MARKS for c in local)
        or MAIL_INTRO.search(before) is not None
    )
    if not plausible:
        return m.group(0)
    return f"{local}@{m.group(2)}" + (m.group(3) or "")


SPACED_DOT = re.compile(
    r"(@[a-z0-9\-]{1,63})(?:\s+(?:DOT|dot|punt|punkt)\s+|\s+\.\s*|\.\s+)(?=[a-z]{2,24}\b)", re.I
)
MUNGE_HINT = re.compile(
    r"[\[\(\{<]\s*(?:at|ät|dot|punt|punkt|point|apen|arob)|\s(?:at|AT|@)\s|＠|\s@|@\s", re.I
)

# JavaScript encodings in inline scripts.
JS_URI_ENCODED = re.compile(r"decodeURIComponent\(\s*['\"]((?:%[0-9a-f]{2})+)['\"]", re.I)
JS_CHARCODES = re.compile(r"fromCharCode\(\s*([\d\s,]+)\)")
JS_CONCAT = re.compile(r"""(['"])([^'"\n]{0,80})\1\s*\+\s*(?:(['"])([^'"\n]{0,80})\3\s*\+?\s*)+""")
JS_LITERAL = re.compile(r"""(['"])([^'"\n]{0,80})\1""")
UNICODE_ESCAPE = re.compile(r"\\u00([0-9a-f]{2})", re.I)


def decode_cfemail(hex_text: str) -> str | None:
    """Cloudflare e-mail protection: first byte is the key, every next byte XOR key is one byte."""
    try:
        data = bytes.fromhex(hex_text.strip())
    except ValueError:
        return None
    if len(data) < 2:
        return None
    key = data[0]
    try:
        return bytes(b ^ key for b in data[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _b64(text: str) -> str:
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4)).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return ""


def clean_address(local: str, domain: str) -> str | None:
    """The normalised address, or None when it is a false positive."""
    local = JSON_ESCAPE_PREFIX.sub("", local).replace("’", "'")
    if local.startswith('"') and DOT_ATOM.match(local[1:-1]):
        local = local[1:-1]
    domain = domain.lower().rstrip(".")
    if not local or len(local) > 64 or local.startswith(".") or ".." in local:
        return None
    tld = domain.rsplit(".", 1)[-1]
    if tld in FILE_EXTENSIONS or not has_public_suffix(domain):
        return None
    if len(registrable_domain(domain).split(".", 1)[0]) < 2:
        return None  # k@L.Bi and other junk from minified code
    if domain.endswith("sentry.io") or domain.endswith(".ingest.sentry.io") or HEX_KEY.match(local):
        return None
    address = f"{local.lower()}@{domain}"
    if address in PLACEHOLDER_ADDRESSES or domain in PLACEHOLDER_DOMAINS:
        return None
    return address


# The domain half of EMAIL, tried first at each "@": most "@"s in scripts and styles are
# "@context", "@media" or "logo@2x.png", which fail here without the costly search backwards.
AT_DOMAIN = re.compile(r"@(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+([a-z]{2,24})(?![\w\-])", re.I)


def _around_ats(text: str) -> Iterable[re.Match]:
    """EMAIL matches, looking only at the stretch around each "@" (scripts run to megabytes)."""
    at = text.find("@")
    done = 0
    while at >= 0:
        tail = AT_DOMAIN.match(text, at)
        if tail is None or tail.group(1).lower() in FILE_EXTENSIONS:
            at = text.find("@", at + 1)
            continue
        lo = max(done, at - 65)
        m = EMAIL.search(text, lo, min(len(text), at + 256))
        if m is not None and m.start() <= at:
            yield m
            done = m.end()
            at = text.find("@", done)
        else:
            at = text.find("@", at + 1)


def addresses_in(text: str) -> Iterable[tuple[str, int, int]]:
    """(address, start, end) for every acceptable address in a string."""
    for m in _around_ats(text):
        start = m.start()
        if start >= 3 and text[start - 3 : start] == "://":
            continue  # user@host in a URL (monitoring DSNs, credentials)
        address = clean_address(m.group(1), m.group(2))
        if address:
            yield address, start, m.end()


def demunge(text: str) -> str:
    """Turn `info [at] shop [dot] nl` and friends into `info@shop.nl`."""
    if "＠" in text or "．" in text:
        text = unicodedata.normalize("NFKC", text)
    text = MUNGED_AT.sub("@", text)
    text = MUNGED_DOT.sub(".", text)
    text = SPACED_AT.sub(_spaced_at, text)
    if " @ " in text or "\u00a0@" in text:
        text = SPACED_BOTH_AT.sub(_join_spaced_both, text)
    text = ONE_SPACED_AT.sub("@", text)
    text = SPACED_DOT.sub(r"\1.", text)
    return text


# Plain substrings one of which every munged form contains: cheap C-level tests on long texts
# before any regex runs.
MUNGE_MARKERS = (
    "[at", "(at", "{at", "<at", "[ at", "( at", "[AT", "(AT", "{AT", "[ät", "(ät", "apenst", "arobase",
    "klammeraffe", " AT ", "＠", " @", "@ ",
)  # fmt: skip
MAILBOX_AT = re.compile(rf"\b(?:{MAILBOX_NAMES})\s+at\s+[a-z0-9\-]+\s", re.I)


# The bracketed markers above as one pattern that opens with a character class: re scans for
# the bracket in C instead of a substring search per marker.
MUNGE_BRACKET = re.compile(r"[\[({<] ?(?:at|AT|ät)")
_MUNGE_WORDS = ("apenst", "arobase", "klammeraffe", " AT ", "＠")


def _has_munge_marker(text: str) -> bool:
    """True whenever any(marker in text for marker in MUNGE_MARKERS), in fewer passes over the
    text (and for a few more bracket forms: MUNGE_HINT decides)."""
    return (
        ("@" in text and (" @" in text or "@ " in text))
        or any(word in text for word in _MUNGE_WORDS)
        or MUNGE_BRACKET.search(text) is not None
    )


def _munged(text: str) -> bool:
    if _has_munge_marker(text):
        return bool(MUNGE_HINT.search(text))
    return " at " in text and MAILBOX_AT.search(text) is not None


def _snippet(text: str, start: int, end: int, width: int = 60) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


def emails_in_blocks(
    blocks: Iterable[TextBlock], source: str = "text", visible: bool = True
) -> list[EmailFinding]:
    found: list[EmailFinding] = []
    previous = ""
    for block in blocks:
        text = block.text
        above, previous = previous, text
        plain_hits = set()
        if "@" in text:
            floor = 0
            for address, start, end in addresses_in(text):
                plain_hits.add(address)
                found.append(
                    EmailFinding(
                        address,
                        text[start:end],
                        source,
                        block.region,
                        visible,
                        names_third_party(text, start, floor, above),
                        [],
                        _snippet(text, start, end),
                    )
                )
                floor = end
        if _munged(text):
            fixed = demunge(text)
            if fixed != text:
                for address, start, end in addresses_in(fixed):
                    if address in plain_hits:
                        continue
                    found.append(
                        EmailFinding(
                            address,
                            fixed[start:end],
                            "deobfuscated",
                            block.region,
                            visible,
                            names_third_party(fixed, start, 0, above),
                            [],
                            _snippet(fixed, start, end),
                        )
                    )
    return found


def emails_in_mailto(href: str) -> list[str]:
    value = unquote(href.strip())
    value = re.sub(r"^mailto:\s*(?://)?", "", value, flags=re.I).split("?")[0]
    out = []
    for part in re.split(r"[,;]", value):
        out.extend(a for a, _, _ in addresses_in(part.strip()))
    return out


# A string literal that holds or ends or starts with "@", next to a "+": 'a' + '@' + 'b',
# 'info@' + 'shop.nl', 'info' + '@shop.nl'. Plain substring tests before any regex.
_CONCAT_AT_MARKERS = ("'@'", '"@"', "@' +", '@" +', "@'+", '@"+', "+ '@", '+ "@', "+'@", '+"@')


def _concat_at(script: str) -> bool:
    return any(marker in script for marker in _CONCAT_AT_MARKERS)


def emails_in_script(script: str) -> tuple[list[str], list[str]]:
    """(addresses a script writes into the page after decoding, addresses it merely contains)."""
    decoded: list[str] = []
    for m in JS_URI_ENCODED.finditer(script) if "decodeURIComponent" in script else ():
        decoded.extend(a for a, _, _ in addresses_in(unquote(m.group(1))))
    for m in JS_CHARCODES.finditer(script):
        try:
            text = "".join(chr(int(c)) for c in m.group(1).split(",") if c.strip())
        except (ValueError, OverflowError):
            continue
        decoded.extend(a for a, _, _ in addresses_in(text))
    if "+" in script and _concat_at(script):
        for m in JS_CONCAT.finditer(script):
            joined = "".join(lit.group(2) for lit in JS_LITERAL.finditer(m.group(0)))
            if "@" in joined:
                decoded.extend(a for a, _, _ in addresses_in(joined))
    plain: list[str] = []
    if "@" in script or "\\u0040" in script:
        text = UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), script) if "\\u00" in script else script
        plain = [a for a, _, _ in addresses_in(text) if a not in decoded]
    return decoded, plain


def judge_email(finding: EmailFinding, shop_domain: str | None) -> EmailFinding:
    """Set third_party and the flags from the address itself."""
    domain = finding.value.rsplit("@", 1)[-1]
    own = bool(shop_domain) and registrable_domain(domain) == registrable_domain(shop_domain or "")
    if domain_is_third_party(domain) and not own:
        finding.third_party = True
    elif own:
        finding.third_party = False
    elif shop_domain and "other_domain" not in finding.flags:
        finding.flags.append("other_domain")
    if NOREPLY.match(finding.value) and "noreply" not in finding.flags:
        finding.flags.append("noreply")
    return finding


SOURCE_RANK = {
    "mailto": 0,
    "text": 1,
    "cfemail": 2,
    "deobfuscated": 3,
    "pdf": 1,
    "href": 5,
    "jsonld": 6,
    "microdata": 6,
    "meta": 7,
    "script": 8,
    "comment": 9,
}


def merge_emails(findings: list[EmailFinding]) -> list[EmailFinding]:
    """One finding per address, the best evidence first."""
    return best_per_value(findings, SOURCE_RANK)


def hidden_mail_address(first_b64: str, last_b64: str) -> str | None:
    """Joomla 4/5 <joomla-hidden-mail first=... last=...> cloak."""
    user, domain = _b64(first_b64), _b64(last_b64)
    hits = list(addresses_in(f"{user}@{domain}")) if user and domain else []
    return hits[0][0] if hits else None
