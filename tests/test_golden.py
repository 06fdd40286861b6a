"""Golden files: realistic saved shop pages with a hand-written expected result beside each.

Each `tests/golden/<name>.expected.json` describes what a correct engine must report for the page
`tests/golden/<name>.html` (or `.txt`) when it is analysed as `url`. The expectations were written
from DOMAIN.md and DESIGN.md, not from the engine's output; `tests/golden/README.md` says what
each page tests. The phone and e-mail lists are complete: an extra value is a failure, which is
how false positives are caught.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

GOLDEN = Path(__file__).parent / "golden"
PAGE_SUFFIXES = (".html", ".txt")
REQUIRED_KEYS = ("url", "page_kind", "phones", "emails", "chat_vendors", "contact_form")
PHONE_FIELDS = ("visible", "third_party", "type")
EMAIL_FIELDS = ("visible", "third_party")


def _cases() -> list[Any]:
    cases = []
    for expected in sorted(GOLDEN.glob("*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        pages = [
            GOLDEN / f"{stem}{suffix}" for suffix in PAGE_SUFFIXES if (GOLDEN / f"{stem}{suffix}").exists()
        ]
        page = pages[0] if pages else GOLDEN / f"{stem}.html"
        cases.append(pytest.param(page, expected, id=page.name))
    return cases


CASES = _cases()


def test_golden_set_is_complete() -> None:
    """Every page has an expectation, every expectation has a page, and there are enough of them."""
    pages = {p.name.rsplit(".", 1)[0] for p in GOLDEN.iterdir() if p.suffix in PAGE_SUFFIXES}
    expectations = {p.name.removesuffix(".expected.json") for p in GOLDEN.glob("*.expected.json")}
    assert pages == expectations, (
        f"pages without expectation: {sorted(pages - expectations)}; "
        f"expectations without page: {sorted(expectations - pages)}"
    )
    assert len(pages) >= 25


def _by_value(findings: list[Any]) -> dict[str, Any]:
    """Findings keyed by value; when the engine lists a value twice, the visible one wins."""
    out: dict[str, Any] = {}
    for f in findings:
        if f.value not in out or (f.visible and not out[f.value].visible):
            out[f.value] = f
    return out


def _compare_channel(
    name: str, expected: list[dict[str, Any]], found: list[Any], fields: tuple[str, ...], problems: list[str]
) -> None:
    got = _by_value(found)
    want = {e["value"]: e for e in expected}
    for value in sorted({f.value for f in found if sum(g.value == f.value for g in found) > 1}):
        problems.append(f"{name}: {value} is listed more than once (the engine should keep one per value)")
    if len(want) != len(expected):
        problems.append(f"{name}: the expectation lists a value twice")
    for value in sorted(set(want) - set(got)):
        problems.append(f"{name}: missing {value}")
    for value in sorted(set(got) - set(want)):
        f = got[value]
        problems.append(
            f"{name}: unexpected {value} (raw={f.raw!r}, source={f.source}, visible={f.visible}, "
            f"context={getattr(f, 'context', '')!r})"
        )
    for value in sorted(set(want) & set(got)):
        e, f = want[value], got[value]
        for field in fields:
            if field in e and getattr(f, field) != e[field]:
                problems.append(f"{name} {value}: {field} expected {e[field]!r}, got {getattr(f, field)!r}")
        if "flags" in e and set(f.flags) != set(e["flags"]):
            problems.append(f"{name} {value}: flags expected {sorted(e['flags'])}, got {sorted(f.flags)}")
        if "is_fax" in e and bool(getattr(f, "is_fax", False)) != e["is_fax"]:
            problems.append(
                f"{name} {value}: is_fax expected {e['is_fax']}, got {getattr(f, 'is_fax', False)}"
            )


def compare(expected: dict[str, Any], analysis: Any) -> list[str]:
    """Every difference between an expectation and a PageAnalysis, as readable lines."""
    problems: list[str] = []
    if analysis.page_kind != expected["page_kind"]:
        problems.append(f"page_kind: expected {expected['page_kind']!r}, got {analysis.page_kind!r}")
    if "country" in expected and analysis.country != expected["country"]:
        problems.append(f"country: expected {expected['country']!r}, got {analysis.country!r}")
    if "platform" in expected and analysis.platform != expected["platform"]:
        problems.append(f"platform: expected {expected['platform']!r}, got {analysis.platform!r}")
    _compare_channel("phone", expected["phones"], analysis.phones, PHONE_FIELDS, problems)
    _compare_channel("email", expected["emails"], analysis.emails, EMAIL_FIELDS, problems)
    want_chat, got_chat = set(expected["chat_vendors"]), set(analysis.chat_vendors)
    if want_chat != got_chat:
        problems.append(
            f"chat_vendors: missing {sorted(want_chat - got_chat)}, unexpected {sorted(got_chat - want_chat)}"
        )
    if analysis.contact_form != expected["contact_form"]:
        kinds = [f.kind for f in analysis.forms]
        problems.append(
            f"contact_form: expected {expected['contact_form']}, got {analysis.contact_form} {kinds}"
        )
    for kind, want in expected.get("identity", {}).items():
        got = {i.value for i in analysis.identity if i.kind == kind}
        if got != set(want):
            problems.append(
                f"identity {kind}: missing {sorted(set(want) - got)}, unexpected {sorted(got - set(want))}"
            )
    return problems


@pytest.mark.parametrize(("page", "expected_path"), CASES)
def test_golden_page(page: Path, expected_path: Path) -> None:
    from checks import analyse_page

    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    missing = [k for k in REQUIRED_KEYS if k not in expected]
    assert not missing, f"{expected_path.name} lacks {missing}"
    assert page.exists(), f"{expected_path.name} has no page beside it"
    analysis = analyse_page(expected["url"], page.read_bytes())
    problems = compare(expected, analysis)
    assert not problems, f"{page.name} ({expected['url']}):\n  " + "\n  ".join(problems)
