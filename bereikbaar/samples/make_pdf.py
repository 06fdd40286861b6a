"""Write the sample terms PDF by hand: raw PDF objects, a text stream per page, a correct xref table.

python -m bereikbaar.samples.make_pdf   # rewrites shops/vloerenvak.nl/media/algemene-voorwaarden-vloerenvak.pdf
"""

from __future__ import annotations

from pathlib import Path

PDF_PATH = (
    Path(__file__).resolve().parent
    / "shops"
    / "vloerenvak.nl"
    / "media"
    / "algemene-voorwaarden-vloerenvak.pdf"
)
PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
FONT_SIZE, LEADING, LINES_PER_PAGE = 10, 14, 52

TERMS_LINES: tuple[str, ...] = (
    "ALGEMENE VOORWAARDEN VLOERENVAK B.V.",
    "Versie 3.1 - geldig vanaf 1 januari 2025",
    "",
    "Artikel 1 - Definities",
    "In deze voorwaarden wordt verstaan onder: bedenktijd: de termijn waarbinnen de consument",
    "gebruik kan maken van zijn herroepingsrecht; consument: de natuurlijke persoon die niet",
    "handelt voor doeleinden die verband houden met zijn handels-, bedrijfs- of beroepsactiviteit.",
    "",
    "Artikel 2 - Identiteit van de ondernemer",
    "Vloerenvak B.V.",
    "Vestigings- en bezoekadres: Nijverheidslaan 20, 3903 AN Veenendaal",
    "Telefoonnummer: 0318 694 200 (bereikbaar op werkdagen van 8:30 tot 17:00 uur)",
    "E-mailadres: verkoop@vloerenvak.nl",
    "KvK-nummer: 30219876",
    "Btw-identificatienummer: NL819276345B01",
    "",
    "Artikel 3 - Toepasselijkheid",
    "Deze algemene voorwaarden zijn van toepassing op elk aanbod van de ondernemer en op elke",
    "tot stand gekomen overeenkomst op afstand tussen ondernemer en consument, inclusief het",
    "leggen van vloeren door de legservice van Vloerenvak.",
    "",
    "Artikel 4 - Het aanbod",
    "Het aanbod bevat een volledige en nauwkeurige omschrijving van de aangeboden producten.",
    "Kleurafwijkingen tussen monsters en geleverde vloeren zijn bij natuurlijke materialen mogelijk.",
    "",
    "Artikel 5 - Herroepingsrecht",
    "Bij de aankoop van producten heeft de consument de mogelijkheid de overeenkomst zonder opgave",
    "van redenen te ontbinden gedurende 14 dagen. Op maat gezaagde vloerdelen zijn uitgesloten.",
    "",
    "Artikel 6 - Levering en leggen",
    "De ondernemer levert binnen 30 dagen. Het leggen gebeurt op een met de consument afgesproken",
    "datum. De ondergrond moet vlak, droog en schoon zijn.",
    "",
    "Artikel 7 - Klachten",
    "Klachten over de uitvoering van de overeenkomst dient de consument binnen bekwame tijd, volledig",
    "en duidelijk omschreven, in te dienen bij de ondernemer. Klachten worden binnen 14 dagen beantwoord.",
    "",
    "Artikel 8 - Geschillen",
    "Op overeenkomsten tussen de ondernemer en de consument is uitsluitend Nederlands recht van",
    "toepassing.",
) + tuple(
    f"Artikel {n} - Aanvullende bepaling {n - 8}: de ondernemer bewaart de gegevens van de overeenkomst zeven jaar."
    for n in range(9, 30)
)


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content_stream(lines: list[str]) -> bytes:
    parts = [b"BT", f"/F1 {FONT_SIZE} Tf {LEADING} TL 56 {PAGE_HEIGHT - 64} Td".encode()]
    for line in lines:
        parts.append(b"(" + _escape(line) + b") Tj T*")
    parts.append(b"ET")
    return b"\n".join(parts) + b"\n"


def build_pdf(
    lines: tuple[str, ...] | list[str] = TERMS_LINES, title: str = "Algemene voorwaarden Vloerenvak"
) -> bytes:
    """A valid PDF 1.4 file with the lines set in Helvetica, LINES_PER_PAGE per page."""
    pages = [list(lines[i : i + LINES_PER_PAGE]) for i in range(0, len(lines), LINES_PER_PAGE)] or [[]]
    n_pages = len(pages)
    # Object numbers: 1 catalog, 2 page tree, 3 font, 4 info, then (page, content) pairs.
    page_ids = [5 + 2 * i for i in range(n_pages)]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] /Count {n_pages} >>".encode(),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Title (" + _escape(title) + b") /Producer (bereikbaar make_pdf) >>",
    }
    for page_id, page_lines in zip(page_ids, pages):
        stream = _content_stream(page_lines)
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_id + 1} 0 R >>"
        ).encode()
        objects[page_id + 1] = f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"endstream"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref_at = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n".encode()
    out += b"0000000000 65535 f \n"
    for number in range(1, size):
        out += f"{offsets[number]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {size} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(out)


def main() -> None:
    PDF_PATH.parent.mkdir(parents=True, exist_ok=True)
    PDF_PATH.write_bytes(build_pdf())
    print(f"wrote {PDF_PATH} ({PDF_PATH.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
