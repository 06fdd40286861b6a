"""`bereikbaar extract`: the JSON contract, the three input kinds, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bereikbaar.cli import main

GOLDEN = Path(__file__).parent / "golden"
CONTRACT_KEYS = {"url", "page_kind", "phones", "emails", "chat", "contact_form", "identity", "links"}
FINDING_KEYS = {"value", "raw", "source", "region", "visible", "third_party"}


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, ["extract", *args], input=input)


def test_json_contract_on_a_saved_page():
    page = next(GOLDEN.glob("*contact*.html"))
    result = run(str(page), "--url", "https://www.voorbeeldshop.nl/contact", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) >= CONTRACT_KEYS
    assert out["url"] == "https://www.voorbeeldshop.nl/contact"
    assert out["phones"] or out["emails"]
    for finding in out["phones"]:
        assert FINDING_KEYS | {"type", "flags"} <= set(finding)
        assert finding["value"].startswith("+")
    for finding in out["emails"]:
        assert set(finding) >= FINDING_KEYS
        assert finding["value"] == finding["value"].lower()
    assert set(out["chat"]) >= {"present", "vendors"}
    assert set(out["contact_form"]) >= {"present"}
    assert all({"url", "text", "score", "kind"} <= set(link) for link in out["links"])


def test_report_card_without_json():
    page = next(GOLDEN.glob("*contact*.html"))
    result = run(str(page), "--url", "https://www.voorbeeldshop.nl/contact")
    assert result.exit_code == 0
    assert "Phone numbers:" in result.output and "E-mail addresses:" in result.output


def test_plain_text_from_stdin():
    text = b"Klantenservice\n\nBel ons op 020 - 123 45 67 of mail naar info@voorbeeldshop.nl.\n"
    result = run("-", "--url", "https://www.voorbeeldshop.nl/service.txt", "--json", input=text)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["content_type"] == "text"
    assert [p["value"] for p in out["phones"]] == ["+31201234567"]
    assert [e["value"] for e in out["emails"]] == ["info@voorbeeldshop.nl"]


def test_pdf_terms():
    pdfs = sorted(Path(__file__).resolve().parents[1].glob("bereikbaar/samples/shops/**/*.pdf"))
    assert pdfs, "the sample universe ships a PDF of the terms"
    result = run(str(pdfs[0]), "--url", "https://www.voorbeeldshop.nl/voorwaarden.pdf", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["content_type"] == "pdf"
    assert out["page_kind"] == "terms"
    assert out["phones"] and all(p["source"] == "pdf" for p in out["phones"])


@pytest.mark.parametrize(
    "content,message",
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b"   \n\t ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"%PDF-1.4\n%broken beyond repair", "PDF"),
    ],
    ids=["missing", "empty", "blank", "binary", "broken-pdf"],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "page.bin"
    if content is not None:
        path.write_bytes(content)
    result = run(str(path), "--json")
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip().startswith("Error")]
    assert len(lines) == 1 and message in lines[0], result.output
    assert "Traceback" not in result.output


def test_huge_input_is_refused(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as f:
        f.write(b"<html><body>")
        f.write(b"<p>filler</p>" * (21 * 1024 * 1024 // 13))
    result = run(str(path))
    assert result.exit_code == 2
    assert "MB" in result.output and "not analysed" in result.output


def test_a_directory_is_refused(tmp_path):
    result = run(str(tmp_path))
    assert result.exit_code == 2 and "directory" in result.output
