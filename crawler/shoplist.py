"""Read a shop list (CSV with a header, or plain text with one URL per line) into shop entries.

Every bad line is collected and reported at once, with its line number and the reason, so a
researcher fixes the file in one go. File-level problems (missing, empty, binary, wrong
encoding) are one clear sentence.
"""

from __future__ import annotations

import csv
import hashlib
import io
import ipaddress
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import idna

from checks.domains import has_public_suffix

# Column names accepted for each field (lower case, compared after stripping).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "url": ("url", "homepage", "website", "site", "webshop_url"),
    "name": ("name", "naam", "shop", "webshop"),
    "rank": ("rank", "positie", "position", "nr"),
    "category": ("category", "categorie", "branche", "sector"),
    "country": ("country", "land"),
}
# Delimiters tried on the header line, in this order (Dutch spreadsheets export `;`).
CSV_DELIMITERS = (",", ";", "\t")
ALLOWED_SCHEMES = frozenset({"http", "https"})
# Byte-order marks we recognise, for a helpful encoding message.
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# A line in a text list may end with a comment introduced by whitespace + '#'.
INLINE_COMMENT = re.compile(r"\s+#.*$")
COUNTRY_CODE = re.compile(r"^[A-Za-z]{2}$")
MAX_URL_LENGTH = 2000


class ShopListError(Exception):
    """A shop list that cannot be used. `problems` lists every bad line (empty for file-level errors)."""

    def __init__(self, message: str, problems: list[LineProblem] | None = None):
        super().__init__(message)
        self.message = message
        self.problems = problems or []

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        lines = [self.message] + [f"  line {p.line}: {p.reason} ({p.text!r})" for p in self.problems]
        return "\n".join(lines)


@dataclass(slots=True)
class LineProblem:
    line: int
    text: str
    reason: str


@dataclass(slots=True)
class ShopEntry:
    id: str  # host, lower case, without leading www.
    url: str  # start URL with scheme, host in IDNA form
    name: str = ""
    rank: int | None = None
    category: str = ""
    country: str = ""
    line: int = 0

    def to_row(self) -> dict[str, Any]:
        """The `shops` table row."""
        return {
            "id": self.id,
            "name": self.name or self.id,
            "url": self.url,
            "rank": self.rank,
            "category": self.category or None,
            "country": self.country or None,
        }


@dataclass(slots=True)
class ShopList:
    shops: list[ShopEntry]
    path: str = ""
    sha256: str = ""
    warnings: list[str] = field(default_factory=list)
    skipped: list[LineProblem] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.shops)


def shop_id_for(url: str) -> str:
    """The shop id for a start URL: its host in lower case without a leading `www.`."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    return host[4:] if host.startswith("www.") and host.count(".") >= 2 else host


def _idna_host(host: str) -> str:
    if host.isascii():
        return host
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError as exc:
        raise ValueError(f"host name {host!r} is not a valid internationalised domain name ({exc})") from None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def normalise_url(raw: str) -> str:
    """A usable start URL for `raw` (scheme added, IDNA host, no fragment); ValueError says what is wrong."""
    text = raw.strip()
    if not text:
        raise ValueError("no URL")
    if len(text) > MAX_URL_LENGTH:
        raise ValueError(f"URL is longer than {MAX_URL_LENGTH} characters")
    if any(ch.isspace() for ch in text):
        raise ValueError("URL contains spaces")
    if text.startswith("//"):
        text = "https:" + text
    elif "://" not in text:
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:(?!\d)", text):
            raise ValueError(f"scheme {text.split(':', 1)[0]!r} is not http or https")
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise ValueError(f"scheme {parts.scheme!r} is not http or https")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise ValueError("URL has no host name")
    host = _idna_host(host).lower()
    if not (_is_ip(host) or host == "localhost" or has_public_suffix(host)):
        raise ValueError(f"host {host!r} does not end in a known domain suffix")
    if parts.username or parts.password:
        raise ValueError("URL contains a user name or password")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def _decode(data: bytes, name: str) -> str:
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ShopListError(
                f"{name} has a UTF-16 byte-order mark but is not valid UTF-16 text."
            ) from None
    sample = data[:8192]
    if b"\x00" in sample or (sample and sum(b < 9 or 13 < b < 32 for b in sample) / len(sample) > 0.05):
        raise ShopListError(f"{name} is a binary file, not a shop list (expected CSV or one URL per line).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ShopListError(
            f"{name} is not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line} is invalid in UTF-8); "
            "save it as UTF-8 and try again."
        ) from None


def _find_columns(header: list[str]) -> dict[str, int]:
    names = [h.strip().lower().lstrip("\ufeff") for h in header]
    columns: dict[str, int] = {}
    for key, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            if alias in names:
                columns[key] = names.index(alias)
                break
    return columns


def _looks_like_csv(first_line: str) -> str | None:
    """The delimiter when the first real line is a CSV header with a url column."""
    for delim in CSV_DELIMITERS:
        if delim in first_line:
            cells = next(csv.reader([first_line], delimiter=delim))
            if "url" in _find_columns(cells):
                return delim
    if "url" in _find_columns([first_line]):
        return ","  # a one-column export: just the header "url" (or "website", ...) above the URLs
    return None


def _rows_text(text: str) -> list[tuple[int, str, dict[str, str]]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = INLINE_COMMENT.sub("", line).strip()
        if not stripped or stripped.startswith("#"):
            continue
        rows.append((number, line.strip(), {"url": stripped}))
    return rows


def _rows_csv(text: str, delim: str, problems: list[LineProblem]) -> list[tuple[int, str, dict[str, str]]]:
    lines = text.splitlines()
    # skip leading comments/blank lines before the header
    start = 0
    while start < len(lines) and (not lines[start].strip() or lines[start].lstrip().startswith("#")):
        start += 1
    reader = csv.reader(io.StringIO("\n".join(lines[start:])), delimiter=delim)
    header = next(reader)
    columns = _find_columns(header)
    rows = []
    for cells in reader:
        number = start + reader.line_num
        raw = lines[number - 1].strip() if number - 1 < len(lines) else ""
        if not any(c.strip() for c in cells) or (cells and cells[0].lstrip().startswith("#")):
            continue
        if len(cells) > len(header):
            problems.append(LineProblem(number, raw, f"{len(cells)} fields but the header has {len(header)}"))
            continue
        row = {key: (cells[i].strip() if i < len(cells) else "") for key, i in columns.items()}
        rows.append((number, raw, row))
    return rows


def _entry(number: int, row: dict[str, str]) -> ShopEntry:
    url = normalise_url(row.get("url", ""))
    rank_text = row.get("rank", "")
    rank = None
    if rank_text:
        if not rank_text.isdigit():
            raise ValueError(f"rank {rank_text!r} is not a whole number")
        rank = int(rank_text)
    country = row.get("country", "")
    if country and not COUNTRY_CODE.match(country):
        raise ValueError(f"country {country!r} is not a two-letter code such as NL")
    return ShopEntry(
        id=shop_id_for(url),
        url=url,
        name=row.get("name", ""),
        rank=rank,
        category=row.get("category", ""),
        country=country.upper(),
        line=number,
    )


def parse_shop_list(text: str, *, name: str = "the shop list", skip_invalid: bool = False) -> ShopList:
    """Parse the text of a shop list. Raises ShopListError listing every bad line (unless skip_invalid)."""
    first = next(
        (ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")),
        None,
    )
    if first is None:
        raise ShopListError(f"{name} is empty: it lists no shops.")
    problems: list[LineProblem] = []
    delim = _looks_like_csv(first)
    if delim is None and any(d in first for d in (",", ";", "\t")) and "url" not in first.lower():
        cells = re.split(r"[,;\t]", first)
        if len(cells) > 1 and not any(c.strip().lower().startswith(("http", "www")) for c in cells):
            raise ShopListError(f"{name} looks like a CSV file but its header has no 'url' column.")
    rows = _rows_csv(text, delim, problems) if delim else _rows_text(text)
    shops: list[ShopEntry] = []
    by_id: dict[str, ShopEntry] = {}
    warnings: list[str] = []
    for number, raw, row in rows:
        try:
            entry = _entry(number, row)
        except ValueError as exc:
            problems.append(LineProblem(number, raw, str(exc)))
            continue
        first_seen = by_id.get(entry.id)
        if first_seen is not None:
            warnings.append(f"line {number}: {entry.id} is already listed on line {first_seen.line}; merged")
            for attr in ("name", "category", "country"):
                if not getattr(first_seen, attr):
                    setattr(first_seen, attr, getattr(entry, attr))
            if first_seen.rank is None:
                first_seen.rank = entry.rank
            continue
        by_id[entry.id] = entry
        shops.append(entry)
    problems.sort(key=lambda p: p.line)
    if problems and not skip_invalid:
        count = len(problems)
        raise ShopListError(
            f"{name} has {count} invalid line{'s' if count != 1 else ''}; fix "
            f"{'them' if count != 1 else 'it'} or pass --skip-invalid:",
            problems,
        )
    if not shops:
        raise ShopListError(f"{name} lists no usable shops.", problems)
    return ShopList(shops=shops, path=name, warnings=warnings, skipped=problems)


def load_shop_list(path: str | Path, *, skip_invalid: bool = False) -> ShopList:
    """Read and parse a shop list file; every problem is a ShopListError with one clear sentence."""
    p = Path(path)
    if not p.exists():
        raise ShopListError(f"shop list {str(path)!r} does not exist.")
    if p.is_dir():
        raise ShopListError(f"shop list {str(path)!r} is a directory, not a file.")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ShopListError(f"cannot read shop list {str(path)!r}: {exc.strerror}.") from None
    if not data.strip():
        raise ShopListError(f"{path} is empty: it lists no shops.")
    text = _decode(data, str(path))
    result = parse_shop_list(text, name=str(path), skip_invalid=skip_invalid)
    result.path = str(path)
    result.sha256 = hashlib.sha256(data).hexdigest()
    return result
