"""Text from PDF documents (terms and conditions are often a linked PDF)."""

from __future__ import annotations

import io
import logging

MAX_PDF_PAGES = 60


class PdfError(ValueError):
    """The bytes are not a PDF we can read."""


def pdf_text(data: bytes, max_pages: int = MAX_PDF_PAGES) -> str:
    """The text of the first `max_pages` pages, pages separated by blank lines."""
    from pypdf import PdfReader  # imported here: most pages are HTML
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:  # noqa: BLE001 - pypdf raises several types here
                raise PdfError(f"the PDF is encrypted ({exc})") from exc
        parts = []
        for i, page in enumerate(reader.pages):
            if i >= max_pages:
                break
            parts.append(page.extract_text() or "")
    except PdfReadError as exc:
        raise PdfError(f"the PDF could not be read: {exc}") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PdfError(f"the PDF is damaged: {exc}") from exc
    return "\n\n".join(parts)
