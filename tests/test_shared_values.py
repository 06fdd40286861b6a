"""A value shown by several unrelated shops of a run belongs to none of them (reports/shared.py).

Real SQLite files; each shop is saved the way the crawler saves it, and the store re-judges the
shops already committed when a value crosses the threshold.
"""

from __future__ import annotations

import json

import pytest

from reports.shared import SHARED_MIN_SHOPS, _groups
from reports.store import Store

# A disputes body under a name no list holds: only its spread over shops gives it away.
SHARED_PHONE = "+31703105310"


def _shop_rows(shop: str, own_phone: str | None, *, kvk: str | None = None, shared_tier: str = "legal_only"):
    home, terms = f"https://www.{shop}/", f"https://www.{shop}/voorwaarden"
    result = {
        "status": "ok",
        "homepage": home,
        "phone_tier": "homepage" if own_phone else shared_tier,
        "phone_clicks": 0 if own_phone else 1,
        "phone_value": own_phone or SHARED_PHONE,
        "email_tier": "homepage",
        "email_clicks": 0,
        "email_value": f"info@{shop}",
        "chat_present": 0,
        "chat_vendors": [],
        "contact_form": 0,
        "compliant": 0 if not own_phone and shared_tier == "legal_only" else 1,
        "reasons": [],
        "reason_codes": ["phone_legal_only"] if not own_phone and shared_tier == "legal_only" else [],
        "pages_crawled": 2,
    }
    pages = [
        {"url": home, "clicks": 0, "page_kind": "homepage", "path": []},
        {"url": terms, "clicks": 1, "page_kind": "terms", "path": ["Voorwaarden"]},
    ]
    findings = [
        {"channel": "email", "value": f"info@{shop}", "raw": f"info@{shop}", "url": home, "tier": "homepage",
         "visible": 1, "owner": "shop", "owner_reason": "e-mail domain is the shop's", "clicks": 0,
         "page_kind": "homepage", "source": "text"},
        {"channel": "phone", "value": SHARED_PHONE, "raw": "070 310 53 10", "url": terms, "tier": shared_tier,
         "visible": 1, "owner": "shop", "owner_reason": "same block as the shop's KvK number", "clicks": 1,
         "page_kind": "terms", "source": "text", "phone_type": "fixed_line", "flags": []},
    ]  # fmt: skip
    if own_phone:
        findings.append(
            {"channel": "phone", "value": own_phone, "raw": own_phone, "url": home, "tier": "homepage",
             "visible": 1, "owner": "shop", "owner_reason": "in the site's footer", "clicks": 0,
             "page_kind": "homepage", "source": "text", "phone_type": "fixed_line", "flags": []}
        )  # fmt: skip
    if kvk:
        findings.append({"channel": "kvk", "value": kvk, "raw": kvk, "url": home, "visible": 1})
    return result, pages, findings


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "run.db") as s:
        s.run_id = s.start_run("shops.csv", "0" * 64, 4, {"verdict_rule": {"max_clicks": 2}})
        yield s


def _save(store: Store, shop: str, *args, **kwargs) -> list[str]:
    result, pages, findings = _shop_rows(shop, *args, **kwargs)
    store.save_shop(store.run_id, shop, result, pages, findings, [])
    return store.rejudged


def _result(store: Store, shop: str) -> dict:
    return next(r for r in store.results(store.run_id) if r["shop_id"] == shop)


def _owner(store: Store, shop: str, value: str) -> tuple[str, str]:
    row = store.db.execute(
        "SELECT owner, owner_reason FROM findings WHERE run_id = ? AND shop_id = ? AND value = ?",
        [store.run_id, shop, value],
    ).fetchone()
    return row[0], row[1]


def test_threshold_is_three_unrelated_shops():
    assert SHARED_MIN_SHOPS == 3


def test_a_value_on_three_unrelated_shops_is_rejudged_on_all_of_them(store):
    assert _save(store, "alpha-tuin.nl", None) == []
    assert _save(store, "bravo-lampen.nl", "+31201234567") == []
    assert _owner(store, "alpha-tuin.nl", SHARED_PHONE)[0] == "shop"  # two shops: could be chance
    assert _result(store, "alpha-tuin.nl")["phone_tier"] == "legal_only"
    rejudged = _save(store, "charlie-fiets.be", None)
    assert sorted(rejudged) == ["alpha-tuin.nl", "bravo-lampen.nl", "charlie-fiets.be"]
    for shop in rejudged:
        owner, reason = _owner(store, shop, SHARED_PHONE)
        assert owner == "third_party"
        assert "3 unrelated shops" in reason and "alpha-tuin.nl" in reason
    # the shop whose only phone was the shared one now has none; the verdict says so
    alpha = _result(store, "alpha-tuin.nl")
    assert alpha["phone_tier"] == "not_found" and alpha["phone_value"] is None
    assert alpha["reason_codes"] == ["phone_not_found"] and alpha["compliant"] == 0
    # the shop with a phone of its own keeps it
    bravo = _result(store, "bravo-lampen.nl")
    assert (bravo["phone_tier"], bravo["phone_value"], bravo["compliant"]) == ("homepage", "+31201234567", 1)
    shared = store.shared_values(store.run_id)
    assert [(s["value"], s["unrelated_shops"], s["shop_ids"]) for s in shared] == [
        (SHARED_PHONE, 3, ["alpha-tuin.nl", "bravo-lampen.nl", "charlie-fiets.be"])
    ]
    # a fourth shop with the value is judged on arrival
    assert _save(store, "delta-boek.nl", None) == ["delta-boek.nl"]
    assert _result(store, "delta-boek.nl")["phone_tier"] == "not_found"


def test_shops_of_one_company_count_once(store):
    # two stores of one company (same KvK) and one other shop: two owners, not three
    _save(store, "alpha-tuin.nl", None, kvk="12345678")
    _save(store, "alpha-tuin.be", None, kvk="12345678")
    assert _save(store, "bravo-lampen.nl", None) == []
    assert _owner(store, "bravo-lampen.nl", SHARED_PHONE)[0] == "shop"
    row = store.db.execute("SELECT shops, unrelated_shops, shared FROM shared_values").fetchone()
    assert tuple(row) == (3, 2, 0)


def test_saving_a_shop_again_replaces_its_sightings(store):
    for shop in ("alpha-tuin.nl", "bravo-lampen.nl", "charlie-fiets.be"):
        _save(store, shop, None)
    _save(store, "charlie-fiets.be", None)  # a resumed run saves a shop again
    count = store.db.execute(
        "SELECT COUNT(*) FROM value_sightings WHERE value = ?", [SHARED_PHONE]
    ).fetchone()
    assert count[0] == 3
    assert _owner(store, "charlie-fiets.be", SHARED_PHONE)[0] == "third_party"


def test_an_address_on_the_shops_own_domain_stays_its_own(store):
    # three shops print the same support address of one of them (a group's service desk)
    for shop in ("alpha-tuin.nl", "bravo-lampen.nl", "charlie-fiets.be"):
        result, pages, findings = _shop_rows(shop, "+31201234567")
        findings.append(
            {"channel": "email", "value": "help@alpha-tuin.nl", "raw": "help@alpha-tuin.nl",
             "url": pages[0]["url"], "tier": "homepage", "visible": 1, "owner": "shop",
             "owner_reason": "in the footer", "clicks": 0, "page_kind": "homepage", "source": "text"}
        )  # fmt: skip
        store.save_shop(store.run_id, shop, result, pages, findings, [])
    assert _owner(store, "alpha-tuin.nl", "help@alpha-tuin.nl")[0] == "shop"
    assert _owner(store, "bravo-lampen.nl", "help@alpha-tuin.nl")[0] == "third_party"


@pytest.mark.parametrize(
    "rows,groups",
    [
        ([("a.nl", "a.nl", "[]"), ("b.nl", "b.nl", "[]"), ("c.nl", "c.nl", "[]")], 3),
        ([("a.nl", "a.nl", '["1"]'), ("b.nl", "b.nl", '["1"]'), ("c.nl", "c.nl", "[]")], 2),
        ([("a.nl", "a.nl", '["1"]'), ("b.nl", "b.nl", '["1", "2"]'), ("c.nl", "c.nl", '["2"]')], 1),
        ([("shop.a.nl", "a.nl", "[]"), ("www.a.nl", "a.nl", "[]")], 1),
        ([("a.nl", "a.nl", "not json")], 1),
    ],
)
def test_unrelated_owner_groups(rows, groups):
    assert _groups(rows) == groups


def test_shared_values_show_in_the_database_as_json(store):
    for shop in ("alpha-tuin.nl", "bravo-lampen.nl", "charlie-fiets.be"):
        _save(store, shop, None)
    raw = store.db.execute("SELECT shop_ids FROM shared_values").fetchone()[0]
    assert json.loads(raw) == ["alpha-tuin.nl", "bravo-lampen.nl", "charlie-fiets.be"]


def test_the_report_lists_shared_values_with_their_shops(store, tmp_path):
    from reports.report import load_report
    from reports.templates.html_report import render_html
    from reports.templates.md_report import render_markdown

    for shop in ("alpha-tuin.nl", "bravo-lampen.nl", "charlie-fiets.be"):
        _save(store, shop, None)
    store.finish_run(store.run_id)
    data = load_report(store.path, store.run_id)
    assert [v["value"] for v in data.shared_values] == [SHARED_PHONE]
    md = render_markdown(data)
    assert "## Contact details shared by unrelated shops" in md
    assert f"| {SHARED_PHONE} | phone | 3 | alpha-tuin.nl, bravo-lampen.nl, charlie-fiets.be |" in md
    html = render_html(data)
    assert 'id="shared"' in html and "charlie-fiets.be" in html
    # every shop's row names what was not credited to it, with the owner
    assert f"not credited: {SHARED_PHONE} (third party)" in md
    assert "1 not credited" in html and "seen on 3 unrelated shops" in html
