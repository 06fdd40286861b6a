"""The real-page corpus (tests/realpages): every truth file is well formed, and the checks'
precision and recall on the corpus do not fall below a floor.

The scoring is bench/accuracy.py's (the same as `bench/bench_accuracy.py` prints); the README in
tests/realpages defines the truth format and the scoring.
"""

from __future__ import annotations

import re
from typing import Any

import phonenumbers
import pytest

from bench.accuracy import CHANNELS, REALPAGES, load_page, score_corpus, truth_files
from checks.model import OWNERS, PAGE_KINDS

# Floors on the whole corpus, per channel. Measured with bench/bench_accuracy.py at 08:30 UTC on
# 6 Dec 2026 over 165 pages: phone precision 0.985, recall 1.000; e-mail precision 1.000, recall
# 0.964; one truth third-party value credited (us/us-sleepnumber-financing, Synchrony's number).
# The floors are those figures minus a margin of about 0.02 (one value on a channel of ~60), so a
# new page does not trip them but a worse engine does. Raise them when the engine gets better;
# never lower them to make a change pass.
FLOORS = {
    "phone": {"precision": 0.965, "recall": 0.98},
    "email": {"precision": 0.98, "recall": 0.94},
}
# Truth third-party values the engine may credit to the shop, over the whole corpus (target 0).
MAX_THIRD_PARTY_CREDITED = 1
# The corpus may grow but not shrink below this many pages (pages that vanish move the figures).
MIN_PAGES = 165

REQUIRED_KEYS = ("url", "source", "country", "page_kind", "shop", "phones", "emails")
ENTRY_KEYS = frozenset({"value", "owner", "who", "fax", "note"})
EMAIL_SHAPE = re.compile(r"^[^@\s]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
URL_SHAPE = re.compile(r"^https?://[^/\s]+\.[^/\s]+(?:/\S*)?$")

TRUTHS = truth_files()


def _entry_problems(channel: str, entry: Any, problems: list[str]) -> None:
    if not isinstance(entry, dict):
        problems.append(f"{channel}: entry {entry!r} is not an object")
        return
    value = entry.get("value")
    where = f"{channel} {value!r}"
    if set(entry) - ENTRY_KEYS:
        problems.append(f"{where}: unknown keys {sorted(set(entry) - ENTRY_KEYS)}")
    if not isinstance(value, str) or not value:
        problems.append(f"{where}: value missing")
        return
    if entry.get("owner") not in OWNERS:
        problems.append(f"{where}: owner must be one of {OWNERS}, not {entry.get('owner')!r}")
    if entry.get("owner") == "third_party" and not str(entry.get("who") or "").strip():
        problems.append(f"{where}: a third-party value names its owner in `who`")
    if "fax" in entry and (channel != "phones" or not isinstance(entry["fax"], bool)):
        problems.append(f"{where}: `fax` is a bool on phones only")
    if channel == "phones":
        try:
            number = phonenumbers.parse(value, None)
        except phonenumbers.NumberParseException as exc:
            problems.append(f"{where}: not an E.164 number ({exc})")
            return
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if e164 != value:
            problems.append(f"{where}: not in E.164 form (expected {e164})")
        if not phonenumbers.is_possible_number(number):
            problems.append(f"{where}: not a possible number for its country")
    elif value != value.lower() or not EMAIL_SHAPE.match(value):
        problems.append(f"{where}: not a lower-case e-mail address")


def truth_problems(truth_path) -> list[str]:
    """Everything wrong with one truth file, as readable lines (empty when it is fine)."""
    try:
        page = load_page(truth_path)
    except ValueError as exc:
        return [f"not valid JSON: {exc}"]
    truth, problems = page.truth, []
    if not isinstance(truth, dict):
        return ["the truth is not a JSON object"]
    problems += [f"missing key {k!r}" for k in REQUIRED_KEYS if k not in truth]
    if page.page_path is None:
        problems.append("no page file (.html or .txt) beside the truth file")
    elif not page.page_path.read_bytes().strip():
        problems.append(f"{page.page_path.name} is empty")
    if not URL_SHAPE.match(str(truth.get("url", ""))):
        problems.append(f"url {truth.get('url')!r} is not an http(s) address")
    if not str(truth.get("source", "")).strip():
        problems.append("source is empty: say where the copy came from")
    country = str(truth.get("country", ""))
    if not re.fullmatch(r"[A-Z]{2}", country):
        problems.append(f"country {country!r} is not an ISO code in capitals")
    elif truth_path.parent.name != country.lower():
        problems.append(f"country {country} but the page sits in {truth_path.parent.name}/")
    if truth.get("page_kind") not in PAGE_KINDS:
        problems.append(f"page_kind {truth.get('page_kind')!r} is not one of {PAGE_KINDS}")
    shop = truth.get("shop")
    if not isinstance(shop, dict) or not str(shop.get("name", "")).strip():
        problems.append("shop must name the shop (`shop.name`)")
    elif not isinstance(shop.get("domains"), list) or not all(isinstance(d, str) for d in shop["domains"]):
        problems.append("shop.domains must be a list of domains")
    if not isinstance(truth.get("traps", []), list):
        problems.append("traps must be a list of strings")
    for channel in ("phones", "emails"):
        entries = truth.get(channel, [])
        if not isinstance(entries, list):
            problems.append(f"{channel} must be a list")
            continue
        for entry in entries:
            _entry_problems(channel, entry, problems)
        values = [e.get("value") for e in entries if isinstance(e, dict)]
        problems += [
            f"{channel}: {v} listed twice" for v in sorted({v for v in values if values.count(v) > 1})
        ]
    return problems


def test_corpus_is_there() -> None:
    assert len(TRUTHS) >= MIN_PAGES, f"{len(TRUTHS)} truth files, the corpus had {MIN_PAGES}"
    orphans = sorted(
        p.relative_to(REALPAGES).as_posix()
        for suffix in ("html", "txt")
        for p in REALPAGES.glob(f"*/*.{suffix}")
        if not p.with_name(p.name.rsplit(".", 1)[0] + ".truth.json").exists()
    )
    assert not orphans, f"pages without a truth file: {orphans}"


@pytest.mark.parametrize(
    "truth_path", TRUTHS, ids=[f"{p.parent.name}/{p.name.removesuffix('.truth.json')}" for p in TRUTHS]
)
def test_truth_file_is_valid(truth_path) -> None:
    problems = truth_problems(truth_path)
    assert not problems, "\n".join(problems)


def test_truth_checker_catches_bad_files(tmp_path) -> None:
    """The validator above is not a rubber stamp."""
    folder = tmp_path / "nl"
    folder.mkdir()
    bad = folder / "x.truth.json"
    bad.write_text(
        '{"url": "shop.nl", "source": "", "country": "BE", "page_kind": "shop", "shop": {},'
        ' "phones": [{"value": "0201234567", "owner": "shop"}, {"value": "+31201234567", "owner": "third_party"}],'
        ' "emails": [{"value": "Info@Shop.nl", "owner": "ours"}]}',
        encoding="utf-8",
    )
    text = "\n".join(truth_problems(bad))
    for expected in (
        "no page file",
        "is not an http(s) address",
        "source is empty",
        "sits in nl/",
        "page_kind 'shop'",
        "shop must name",
        "'0201234567': not an E.164 number",
        "names its owner in `who`",
        "not a lower-case e-mail",
        "owner must be one of",
    ):
        assert expected in text, f"{expected!r} not reported in:\n{text}"


@pytest.fixture(scope="module")
def corpus_score():
    from bench.accuracy import load_corpus

    return score_corpus(load_corpus())


@pytest.mark.parametrize("channel", CHANNELS)
def test_accuracy_floor(corpus_score, channel: str) -> None:
    counts = corpus_score.totals()[channel]
    floor = FLOORS[channel]
    errors = [e for e in corpus_score.errors if e.channel == channel]
    listing = "\n".join(f"{e.page} {e.value}: {e.kind}, engine {e.engine}" for e in errors[:30])
    assert counts.precision >= floor["precision"], (
        f"{channel} precision {counts.precision:.3f} < floor {floor['precision']}\n{listing}"
    )
    assert counts.recall >= floor["recall"], (
        f"{channel} recall {counts.recall:.3f} < floor {floor['recall']}\n{listing}"
    )


def test_third_party_credited_ceiling(corpus_score) -> None:
    totals = corpus_score.totals()
    credited = sum(totals[c].third_party_credited for c in CHANNELS)
    listing = "\n".join(
        f"{e.page} {e.value}: {e.expected}" for e in corpus_score.errors if e.kind == "third_party_credited"
    )
    assert credited <= MAX_THIRD_PARTY_CREDITED, f"{credited} third-party values credited:\n{listing}"


def _fake_analysis(phones: list[Any], emails: list[Any]) -> Any:
    from checks.model import PageAnalysis

    return PageAnalysis(url="https://www.winkel.nl/", phones=phones, emails=emails)


def test_scoring_follows_the_readme() -> None:
    """Truth-unknown values are ignored, faxes are left out of recall, third parties are counted,
    and invisible, third-party or fax findings are not credited."""
    from bench.accuracy import CorpusPage
    from checks.model import EmailFinding, PhoneFinding

    truth = {
        "phones": [
            {"value": "+31201234567", "owner": "shop"},
            {"value": "+31201234599", "owner": "shop", "fax": True},
            {"value": "+31703105310", "owner": "third_party", "who": "Stichting X"},
            {"value": "+31301234567", "owner": "unknown"},
            {"value": "+31611111111", "owner": "shop"},
        ],
        "emails": [{"value": "info@winkel.nl", "owner": "shop"}],
    }
    page = CorpusPage("nl/x", REALPAGES / "nl" / "x.truth.json", None, truth)

    def phone(value: str, **kw: Any) -> PhoneFinding:
        return PhoneFinding(value, value, "text", owner=kw.pop("owner", "shop"), **kw)

    analysis = _fake_analysis(
        [
            phone("+31201234567"),
            phone("+31201234599", is_fax=True),
            phone("+31703105310"),  # third party credited: fp
            phone("+31301234567"),  # truth unknown: ignored
            phone("+31201231231"),  # not in the truth: fp
            phone("+31611111111", visible=False),  # invisible: missed
        ],
        [EmailFinding("info@winkel.nl", "info@winkel.nl", "text", owner="third_party", third_party=True)],
    )
    from bench.accuracy import score_page

    score = score_page(page, analysis)
    p, e = score.counts["phone"], score.counts["email"]
    assert (p.tp, p.fp, p.fn, p.recalled, p.third_party_credited) == (1, 2, 1, 1, 1)
    assert (e.tp, e.fp, e.fn) == (0, 0, 1)
    assert {(x.value, x.kind) for x in score.errors} == {
        ("+31703105310", "third_party_credited"),
        ("+31201231231", "false_positive"),
        ("+31611111111", "missed"),
        ("info@winkel.nl", "missed"),
    }
