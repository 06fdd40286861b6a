"""Bytes to text the way a browser does it, and what is not a page at all.

The order follows the HTML standard's encoding sniffing: a byte order mark, then the charset of
the HTTP `Content-Type` header, then a `<meta charset>` / `http-equiv` declaration (or an XML
declaration) in the first bytes, then a guess from the bytes themselves. Stray bytes become
U+FFFD: a page with one bad byte is still a page. Control characters a browser never shows
(C0 except tab, newline, carriage return and form feed; lone surrogates; U+FFFE/U+FFFF) are
taken out before parsing, so one of them can never stop the checks.

A NUL byte does not make a file binary; image, archive and font magic numbers do, and so does
content that is mostly control bytes and is not UTF-16.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Byte order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)

# Labels pages declare, mapped as the WHATWG Encoding standard maps them (ISO-8859-1 and ASCII
# are read as windows-1252, GB2312 and GBK as GB18030; a UTF-16 label inside the bytes means
# UTF-8, since bytes that could be read to find the label are not UTF-16).
LABEL_ALIASES: dict[str, str] = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-cp1252": "cp1252",
    "iso-8859-9": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "x-sjis": "shift_jis",
    "sjis": "shift_jis",
    "ms_kanji": "shift_jis",
    "windows-31j": "shift_jis",
    "x-euc-jp": "euc_jp",
    "ks_c_5601-1987": "euc_kr",
    "tis-620": "cp874",
    "unicode": "utf-8",
    "utf8": "utf-8",
}
# Declared in the bytes, these labels mean UTF-8 (WHATWG "prescan": a UTF-16 page has a BOM).
IN_BAND_UTF8 = frozenset({"utf-16", "utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be"})

# How far into the page a charset declaration is looked for (browsers use 1,024 bytes; many
# real pages put theirs after a long comment or script, so we look further).
PRESCAN_BYTES = 8192
META_CHARSET = re.compile(
    rb"""<meta[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
    re.I,
)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)

# Encodings a page without any declaration is guessed among, besides UTF-8 and UTF-16. The
# default for Western European shops is windows-1252, as in browsers with those locales.
SNIFF_ENCODINGS: tuple[str, ...] = ("shift_jis", "euc_jp", "gb18030", "big5", "euc_kr")
DEFAULT_ENCODING = "cp1252"
SNIFF_SAMPLE = 64 * 1024
# A non-UTF-8 page is read in a CJK encoding when at least this share of its non-ASCII
# characters then falls in CJK, kana or hangul blocks (cp1252 never gives those).
CJK_SHARE = 0.8
# ... and when most of its high bytes come in runs (a CJK character is two high bytes, or a high
# byte then any byte; accented Latin letters stand alone between ASCII letters).
PAIRED_HIGH_SHARE = 0.6
# Japanese text always has kana (particles, endings); GB2312 Chinese is also valid EUC-JP.
JAPANESE_ENCODINGS = frozenset({"shift_jis", "euc_jp"})
KANA = re.compile(r"[\u3040-\u30ff]")
KANA_SHARE = 0.05
HIGH_BYTES = re.compile(rb"[\x80-\xff]+")
HIGH_RUNS = re.compile(rb"[\x80-\xff]{2,}")
CJK_CHAR = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")

# Characters lxml refuses (and a reader never sees): C0 controls but tab, LF, CR; form feed is
# whitespace in HTML and becomes a space; lone surrogates; the non-characters U+FFFE/U+FFFF.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff\ufffe\uffff]+")
FORM_FEED = "\x0c"
# In UTF-8 and the single-byte encodings a control character is the same byte in the raw page,
# so one C pass over the raw bytes (deleting those bytes and comparing lengths) tells whether
# the text needs the regex pass (U+FFFE/U+FFFF are the two sequences below in UTF-8; single-byte
# encodings cannot give them). Other encodings (UTF-16, the CJK ones) always get the pass.
CONTROL_BYTES = bytes((*range(0, 9), 11, 12, *range(14, 32)))
NONCHARACTERS_UTF8 = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")
BYTE_CHECKED_ENCODINGS = ("utf-8", "cp12", "iso8859", "latin", "mac", "koi8")

# Magic numbers of files that are never a web page (images, archives, fonts, media, programs).
BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"BM",  # BMP, checked with a size below
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"\x00\x00\x01\x00",  # ICO
    b"PK\x03\x04",  # ZIP, docx, xlsx, epub
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\xfd7zXZ\x00",
    b"wOFF",
    b"wOF2",
    b"\x00\x01\x00\x00\x00",  # TrueType
    b"OTTO",
    b"\x7fELF",
    b"MZ",
    b"\xca\xfe\xba\xbe",
    b"OggS",
    b"ID3",  # MP3
    b"fLaC",
    b"\x1aE\xdf\xa3",  # Matroska / WebM
    b"%!PS",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # old Office files
)
# RIFF containers (WebP, WAV, AVI) and ISO media (MP4, AVIF, HEIC) carry their type further in.
RIFF = b"RIFF"
ISO_MEDIA = b"ftyp"
# Bytes that never occur in text (C0 controls but tab, LF, FF, CR, ESC) and the share of them
# that makes content without markup binary when it is not UTF-16.
TEXT_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13, 27}
BINARY_CONTROL_SHARE = 0.3
MARKUP_START = re.compile(rb"^\s*<|<html|<body|<div|<head", re.I)


class BinaryContent(ValueError):
    """The bytes are an image, archive, font or other file that is not text."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # the Python codec used
    source: str  # bom | header | meta | sniff | str (already text)
    replaced: int = 0  # bytes that could not be decoded (now U+FFFD)
    controls: int = 0  # control characters taken out
    utf8: bytes | None = None  # the text as UTF-8 when the input already was exactly that

    def as_utf8(self) -> bytes:
        """The text encoded as UTF-8 (the input bytes themselves when they were exactly that)."""
        return self.utf8 if self.utf8 is not None else self.text.encode("utf-8")


def normalise_label(label: str | None) -> str | None:
    """The Python codec for a declared charset label, or None when it names none we know."""
    if not label:
        return None
    low = label.strip().strip("\"'").lower()
    low = LABEL_ALIASES.get(low, low)
    try:
        return codecs.lookup(low).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value, as a Python codec name."""
    if not content_type:
        return None
    match = HEADER_CHARSET.search(content_type)
    return normalise_label(match.group(1)) if match else None


def declared_charset(body: bytes) -> str | None:
    """A charset the page declares in its first bytes (meta tag or XML declaration)."""
    head = body[:PRESCAN_BYTES]
    match = XML_ENCODING.search(head) or META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii", "ignore").lower()
    if label in IN_BAND_UTF8:
        return "utf-8"
    return normalise_label(label)


def _bom(body: bytes) -> tuple[str, int] | None:
    for mark, encoding in BOMS:
        if body.startswith(mark):
            return encoding, len(mark)
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without a mark: NULs in every other byte (ASCII markup seen through UTF-16)."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _is_utf8(body: bytes) -> bool:
    """Valid UTF-8, tolerating a multi-byte character cut off at the end (a truncated page)."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(body) - 3 and exc.reason == "unexpected end of data"
    return True


def _mostly_utf8(body: bytes) -> bool:
    """UTF-8 with a few stray bytes: valid multi-byte sequences outnumber the bad bytes."""
    sample = body[:SNIFF_SAMPLE]
    text = sample.decode("utf-8", "replace")
    bad = text.count("\ufffd") - sample.count(b"\xef\xbf\xbd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return multibyte > 2 * bad


def _paired_high_share(sample: bytes) -> float:
    """Share of the bytes above 0x7F that sit next to another such byte."""
    high = len(sample) - len(HIGH_BYTES.sub(b"", sample))
    if not high:
        return 0.0
    return sum(len(run) for run in HIGH_RUNS.findall(sample)) / high


def sniff_encoding(body: bytes) -> str:
    """The encoding of bytes that declare none: UTF-8, UTF-16, a CJK encoding, or windows-1252."""
    if _is_utf8(body):
        return "utf-8"
    utf16 = _utf16_without_bom(body[:4096])
    if utf16:
        return utf16
    if _mostly_utf8(body):
        return "utf-8"
    sample = body[:SNIFF_SAMPLE]
    if _paired_high_share(sample) < PAIRED_HIGH_SHARE:
        return DEFAULT_ENCODING
    best, best_share = DEFAULT_ENCODING, 0.0
    for encoding in SNIFF_ENCODINGS:
        text = sample.decode(encoding, "replace")
        non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
        if not non_ascii:
            continue
        bad = text.count("\ufffd")
        share = (len(CJK_CHAR.findall(text)) - bad) / non_ascii
        if encoding in JAPANESE_ENCODINGS and len(KANA.findall(text)) < KANA_SHARE * non_ascii:
            share /= 2  # Japanese text is never without kana; Chinese read as EUC-JP is
        if share > best_share:
            best, best_share = encoding, share
    return best if best_share >= CJK_SHARE else DEFAULT_ENCODING


def strip_controls(text: str, raw: bytes | None = None) -> tuple[str, int]:
    """The text without the control characters lxml refuses; how many were taken out.

    `raw` is the page's bytes in UTF-8 or a single-byte encoding, when the text was decoded
    from them: a C search of those bytes then decides whether the text needs the regex pass.
    """
    if (
        raw is not None
        and len(raw.translate(None, CONTROL_BYTES)) == len(raw)
        and not any(marker in raw for marker in NONCHARACTERS_UTF8)
    ):
        return text, 0
    removed = 0
    if CONTROL_CHARS.search(text) is not None:
        before = len(text)
        text = CONTROL_CHARS.sub("", text)
        removed = before - len(text)
    if FORM_FEED in text:  # whitespace in HTML, refused by lxml: a space (counted as a change)
        removed += text.count(FORM_FEED)
        text = text.replace(FORM_FEED, " ")
    return text, removed


def decode_body(body: bytes | str, content_type: str | None = None, *, clean: bool = False) -> Decoded:
    """Text of a page as a browser would read it, control characters taken out. Never raises.

    `clean` says a str is already decoded_body's text (nothing to take out again)."""
    if isinstance(body, str):
        if clean:
            return Decoded(body, "utf-8", "str")
        text, controls = strip_controls(body)
        return Decoded(text, "utf-8", "str", 0, controls)
    bom = _bom(body)
    if bom is not None:
        encoding, skip = bom
        body, source = body[skip:], "bom"
    elif (encoding := header_charset(content_type)) is not None:
        source = "header"
    elif (encoding := declared_charset(body)) is not None:
        source = "meta"
    else:
        exact = _strict_utf8(body)  # most pages: valid UTF-8, decoded once
        if exact is not None:
            text, controls = strip_controls(exact, body)
            return Decoded(text, "utf-8", "sniff", 0, controls, body if not controls else None)
        encoding, source = sniff_encoding(body), "sniff"
    exact = _strict_utf8(body) if encoding == "utf-8" else None
    if exact is not None:
        text, replaced = exact, 0
    else:
        try:
            text = body.decode(encoding, "replace")
        except LookupError:  # pragma: no cover - codecs.lookup accepted the name
            encoding = DEFAULT_ENCODING
            text = body.decode(encoding, "replace")
        replaced = text.count("\ufffd") - (body.count(b"\xef\xbf\xbd") if encoding == "utf-8" else 0)
    byte_checked = encoding.startswith(BYTE_CHECKED_ENCODINGS)
    text, controls = strip_controls(text, body if byte_checked else None)
    utf8 = body if exact is not None and not controls else None
    return Decoded(text, encoding, source, max(0, replaced), controls, utf8)


def _strict_utf8(body: bytes) -> str | None:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def binary_kind(body: bytes) -> str | None:
    """Why bytes are not a web page, text or PDF (a magic number, mostly control bytes), or None."""
    head = body[:4096]
    if _bom(head) is not None:
        return None
    for magic in BINARY_MAGIC:
        if head.startswith(magic):
            if magic == b"BM" and not (len(head) > 14 and head[6:10] == b"\x00\x00\x00\x00"):
                continue
            if magic == b"MZ" and b"This program" not in head[:512]:
                continue
            return f"a file starting with {magic[:8]!r}"
    if head.startswith(RIFF) or head[4:8] == ISO_MEDIA:
        return "a media file"
    if not head or _utf16_without_bom(head) or MARKUP_START.search(head[:1024]):
        return None
    controls = sum(1 for b in head if b in TEXT_CONTROL_BYTES)
    if controls > BINARY_CONTROL_SHARE * len(head):
        return "mostly control bytes"
    return None
