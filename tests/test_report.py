"""The static report: figures, comparison, Markdown golden file, HTML structure and safety, the CLI."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from click.testing import CliRunner

from bereikbaar.commands.report import command
from reports import charts
from reports.report import ReportError, load_report, verdict_max_clicks
from reports.templates import render
from reports.templates.md_report import _md, _url
from tests.report_fixture import HOSTILE_NAME, RUN_SETTINGS, make_report_db

GOLDEN = Path(__file__).parent / "golden_reports" / "report.md"
GENERATED_LINE = re.compile(r"^Generated \S+ by bereikbaar\.$", re.M)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return make_report_db(tmp_path / "results.db")


def run_cli(*args: str) -> object:
    return CliRunner().invoke(command, [str(a) for a in args], catch_exceptions=False)


def html_doc(db: Path, *extra: str) -> lxml.html.HtmlElement:
    result = run_cli(db, "--out", "-", *extra)
    assert result.exit_code == 0, result.output
    return lxml.html.fromstring(result.output)


def texts(elements: list) -> list[str]:
    return [" ".join(e.text_content().split()) for e in elements]


# --- figures -------------------------------------------------------------------------------------


def test_default_run_is_newest_finished_and_headline_counts_assessed_shops_only(db: Path) -> None:
    data = load_report(db)
    h = data.headline
    assert data.run["id"] == 2  # run 3 is interrupted
    assert (h.total, h.assessed, h.not_assessed_total) == (11, 7, 4)
    assert h.compliant == 2
    assert h.phone_tiers == {
        "homepage": 2,
        "contact_page": 1,
        "other_page": 1,
        "legal_only": 1,
        "chat_only": 1,
        "not_found": 1,
    }
    assert h.email_tiers == {
        "homepage": 1,
        "contact_page": 2,
        "other_page": 1,
        "legal_only": 1,
        "chat_only": 1,
        "not_found": 1,
    }
    assert (h.no_phone, h.no_email, h.extra_cost, h.form_only) == (3, 3, 1, 1)
    # phone clicks 0,1,2,3,0 -> 1.2; e-mail 0,1,1,3,2 -> 1.4; compliant shops need max(0,0), max(1,1) -> 0.5
    assert (h.avg_phone_clicks, h.avg_email_clicks, h.avg_both_clicks_compliant) == (1.2, 1.4, 0.5)
    assert {st: [s.id for s in shops] for st, shops in h.not_assessed.items()} == {
        "unreachable": ["kapotshop.nl"],
        "blocked": ["schoenenshop.nl"],
        "robots_disallowed": ["geheimshop.nl"],
        "error": ["foutje.nl"],
    }


def test_explicit_run_and_fallback_to_newest_unfinished_run(db: Path) -> None:
    data = load_report(db, run_id=1)
    assert (data.headline.assessed, data.headline.compliant, data.headline.total) == (8, 4, 10)
    conn = sqlite3.connect(db)
    conn.execute("update runs set status = 'interrupted'")
    conn.commit()
    conn.close()
    assert load_report(db).run["id"] == 3


def test_evidence_is_the_shallowest_own_page_of_the_best_value(db: Path) -> None:
    shops = {s.id: s for s in load_report(db).shops}
    assert shops["nieuwewinkel.nl"].evidence == {
        "phone": "https://nieuwewinkel.nl/algemene-voorwaarden",
        "email": "https://nieuwewinkel.nl/over/ons/team",
    }
    assert shops["modehuis.nl"].evidence == {"email": "https://modehuis.nl/klantenservice"}
    # elektromax has only a third-party number on record: no evidence link
    assert shops["elektromax.de"].evidence == {}


def test_compare_lists_improved_worse_new_and_missing_shops(db: Path) -> None:
    comp = load_report(db, compare_id=1).comparison
    assert comp is not None
    assert [c.new.id for c in comp.improved] == ["fietsplaza.nl"]
    assert [c.new.id for c in comp.worse] == ["modehuis.nl"]
    assert comp.mixed == []
    assert comp.unchanged == 4
    assert comp.improved[0].details == [
        "phone: only in legal documents (2 clicks) → contact page (1 click)",
        "verdict: does not comply → complies",
    ]
    assert comp.worse[0].details == [
        "phone: homepage (0 clicks) → only chat",
        "verdict: complies → does not comply",
    ]
    assert [s.id for s in comp.now_compliant] == ["fietsplaza.nl"]
    assert [s.id for s in comp.no_longer_compliant] == ["modehuis.nl"]
    assert sorted(s.id for s in comp.new_shops) == ["foutje.nl", "nieuwewinkel.nl"]
    assert [s.id for s in comp.missing_shops] == ["oudewinkel.nl"]
    assert [s.id for s in comp.no_longer_assessed] == ["schoenenshop.nl"]
    # the other way round, the same shops swap sides
    back = load_report(db, run_id=1, compare_id=2).comparison
    assert [c.new.id for c in back.improved] == ["modehuis.nl"]
    assert [c.new.id for c in back.worse] == ["fietsplaza.nl"]


def test_compare_counts_fewer_clicks_in_the_same_tier_as_better(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("update results set email_clicks = 2 where run_id = 1 and shop_id = 'boekenhoek.nl'")
    conn.execute(
        "update results set email_tier = 'contact_page' where run_id = 1 and shop_id = 'boekenhoek.nl'"
    )
    conn.execute("update results set phone_clicks = 2 where run_id = 2 and shop_id = 'tuinwereld.be'")
    conn.execute(
        "update results set email_tier = 'legal_only' where run_id = 2 and shop_id = 'tuinwereld.be'"
    )
    conn.execute("update results set email_clicks = 1 where run_id = 2 and shop_id = 'tuinwereld.be'")
    conn.execute("update results set phone_clicks = 3 where run_id = 2 and shop_id = 'tuinwereld.be'")
    conn.commit()
    conn.close()
    comp = load_report(db, compare_id=1).comparison
    assert sorted(c.new.id for c in comp.improved) == ["boekenhoek.nl", "fietsplaza.nl"]
    # tuinwereld: e-mail chat_only -> legal_only (better), phone 2 -> 3 clicks (worse), verdict unchanged
    assert [c.new.id for c in comp.mixed] == ["tuinwereld.be"]


# --- Markdown ------------------------------------------------------------------------------------


# --- the click limit: the verdict rule the run recorded, never the crawl depth ----------------------

VERDICT_CLICKS_CASES = [
    (json.dumps(RUN_SETTINGS), 2),
    (json.dumps({"crawl_max_clicks": 3, "verdict_rule": {"max_clicks": 1}}), 1),
    (json.dumps({"verdict_rule": {"max_clicks": 4}}), 4),
    (json.dumps({"max_clicks": 3}), 2),  # older crawls stored the crawl depth here: not the rule
    (json.dumps({"verdict_rule": {}}), 2),
    (json.dumps({"verdict_rule": {"max_clicks": "x"}}), 2),
    (json.dumps({"verdict_rule": {"max_clicks": -1}}), 2),
    (json.dumps({"verdict_rule": {"max_clicks": True}}), 2),
    (json.dumps({"verdict_rule": [2]}), 2),
    (json.dumps([1, 2]), 2),
    ("{}", 2),
    ("not json", 2),
    ("", 2),
    (None, 2),
]


@pytest.mark.parametrize("settings, clicks", VERDICT_CLICKS_CASES)
def test_verdict_max_clicks(settings: str | None, clicks: int) -> None:
    assert verdict_max_clicks(settings) == clicks


def test_report_states_the_verdict_rule_of_the_run_not_the_crawl_depth(db: Path) -> None:
    settings = {**RUN_SETTINGS, "crawl_max_clicks": 4, "verdict_rule": {"max_clicks": 1}}
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE runs SET settings = ? WHERE id = 2", [json.dumps(settings)])
    conn.close()
    assert load_report(db).max_clicks == 1
    text = markdown_report(db)
    assert "### The 1-click rule" in text and "within 1 clicks of the homepage" in text
    assert "4-click" not in text and "2-click" not in text


def markdown_report(db: Path) -> str:
    result = run_cli(db, "--compare", "1", "--format", "md", "--out", "-")
    assert result.exit_code == 0, result.output
    return GENERATED_LINE.sub("Generated <time> by bereikbaar.", result.output)


def test_markdown_report_matches_golden_file(db: Path) -> None:
    text = markdown_report(db)
    if os.environ.get("BEREIKBAAR_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def _cells(line: str) -> list[str]:
    return re.split(r"(?<!\\)\|", line.strip())[1:-1]


def test_markdown_tables_keep_their_shape_with_pipes_in_names(db: Path) -> None:
    lines = markdown_report(db).splitlines()
    shop_header = lines.index(
        "| Shop | Category | Status | Phone | E-mail | Chat | Verdict | Reasons | Evidence |"
    )
    rows = []
    for line in lines[shop_header + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(_cells(line))
    assert len(rows) == 11
    assert all(len(r) == 9 for r in rows)
    hostile = next(r for r in rows if "speelgoedland.nl" in r[0])
    assert (
        hostile[0].strip() == r"&lt;script&gt;alert('x')&lt;/script&gt; Speelgoed \| Land (speelgoedland.nl)"
    )
    assert "<script" not in "\n".join(lines)


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("Plain Shop", "Plain Shop"),
        ("a | b", r"a \| b"),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        ("A & B", "A &amp; B"),
        ("*star* _under_", r"\*star\* \_under\_"),
        ("[link](x)", r"\[link\](x)"),
        ("line\nbreak", "line break"),
        ("back\\slash", "back\\\\slash"),
        ("#1 shop", r"\#1 shop"),
    ],
)
def test_markdown_escaping(raw: str, escaped: str) -> None:
    assert _md(raw) == escaped


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("https://shop.nl/contact", "https://shop.nl/contact"),
        ("http://shop.nl/a b", "http://shop.nl/a%20b"),
        ("https://shop.nl/x?a=1&b=<y>", "https://shop.nl/x?a=1&b=%3Cy%3E"),
        ("https://shop.nl/(info)", "https://shop.nl/%28info%29"),
        ("javascript:alert(1)", None),
        ("data:text/html,hi", None),
        ("/relative/path", None),
    ],
)
def test_markdown_link_targets(url: str, target: str | None) -> None:
    assert _url(url) == target


# --- HTML ----------------------------------------------------------------------------------------


def test_html_headline_cards_and_figures(db: Path) -> None:
    doc = html_doc(db)
    cards = texts(doc.cssselect("#headline .card"))
    assert cards == [
        "2 of 7 comply: phone and e-mail reachable",
        "3 of 7 show no phone number on an ordinary page",
        "1 of 7 hide the phone number in legal documents",
        "1 of 7 offer only chat instead of a phone number",
        "4 of 11 could not be assessed",
    ]
    sentences = texts(doc.cssselect("#headline ul.sentences li"))
    assert sentences[0].startswith("2 of 7 assessed shops comply")
    assert sentences[1].startswith("3 of 7 show no phone number on an ordinary page: 1 hides it in the terms")
    assert "4 of 11 shops could not be assessed" in sentences[-1]
    figures = {
        tds[0]: tds[1:]
        for tds in (texts(tr.cssselect("td")) for tr in doc.cssselect("table.figures tbody tr"))
    }
    assert figures["Comply (phone and e-mail within the click rule)"] == ["2", "7", "29%"]
    assert figures["Could not be assessed"] == ["4", "11", "36%"]


def test_html_shop_rows(db: Path) -> None:
    doc = html_doc(db)
    rows = doc.cssselect("table.shops tbody tr")
    assert [r.get("data-shop") for r in rows][:3] == ["boekenhoek.nl", "fietsplaza.nl", "modehuis.nl"]
    assert len(rows) == 11
    by_id = {r.get("data-shop"): texts(r.cssselect("td")) for r in rows}
    assert by_id["fietsplaza.nl"][:7] == [
        "Fietsplaza fietsplaza.nl",
        "Sport",
        "ok",
        "contact page, 1 click +31301234567",
        "contact page, 1 click service@fietsplaza.nl",
        "none",
        "complies",
    ]
    assert by_id["modehuis.nl"][5:7] == ["intercom, whatsapp", "does not comply"]
    assert by_id["schoenenshop.nl"][2] == "blocked the crawler"
    assert by_id["schoenenshop.nl"][6:8] == ["not assessed", "HTTP 403 on the homepage (bot wall)."]
    links = doc.cssselect('tr[data-shop="nieuwewinkel.nl"] td.evidence a')
    assert [a.get("href") for a in links] == [
        "https://nieuwewinkel.nl/algemene-voorwaarden",
        "https://nieuwewinkel.nl/over/ons/team",
    ]


def test_html_charts_have_bars_titles_and_labels(db: Path) -> None:
    doc = html_doc(db, "--compare", "1")
    svgs = doc.cssselect("svg.chart")
    assert [s.get("id") for s in svgs] == [
        "chart-phone-tiers",
        "chart-email-tiers",
        "chart-categories",
        "chart-runs",
    ]
    for svg in svgs:
        assert svg.get("role") == "img"
        assert svg.find("title") is not None and svg.find("title").text
    phone = doc.get_element_by_id("chart-phone-tiers")
    assert [b.get("data-value") for b in phone.cssselect("rect.c-bar")] == ["2", "1", "1", "1", "1", "1"]
    assert texts(phone.cssselect("text.c-value"))[:2] == ["2 (29%)", "1 (14%)"]
    assert texts(phone.cssselect("text.c-label"))[3] == "only in legal documents"
    email = doc.get_element_by_id("chart-email-tiers")
    assert [b.get("data-value") for b in email.cssselect("rect.c-bar")] == ["1", "2", "1", "1", "1", "1"]
    cats = doc.get_element_by_id("chart-categories")
    assert len(cats.cssselect("rect.c-bar")) == 11  # 7 categories, 4 of them with a not-assessed shop
    assert "0 of 1 comply, 1 not assessed" in texts(cats.cssselect("text.c-value"))
    runs = doc.get_element_by_id("chart-runs")
    assert texts(runs.cssselect("text.c-value")) == ["50% (4/8)", "29% (2/7)"]
    # one run only: no run chart
    conn = sqlite3.connect(db)
    conn.execute("delete from results where run_id = 1")
    conn.commit()
    conn.close()
    assert html_doc(db).cssselect("#chart-runs") == []


def test_html_compare_section(db: Path) -> None:
    doc = html_doc(db, "--compare", "1")
    section = doc.get_element_by_id("changes")
    assert texts(section.cssselect("li .up")) == ["Fietsplaza"]
    assert texts(section.cssselect("li .down")) == ["Modehuis"]
    body = " ".join(section.text_content().split())
    assert "New shops: Nieuwe Winkel, Foutje" in body
    assert "Missing from this run: Oude Winkel" in body
    assert html_doc(db).cssselect("#changes") == []


def test_html_escapes_hostile_shop_names(db: Path) -> None:
    raw = run_cli(db, "--out", "-").output
    assert "<script" not in raw
    doc = lxml.html.fromstring(raw)
    assert doc.cssselect("script") == []
    name = doc.cssselect('tr[data-shop="speelgoedland.nl"] .shop-name')[0].text_content()
    assert name == HOSTILE_NAME
    href = doc.cssselect('tr[data-shop="speelgoedland.nl"] td.evidence a')[1].get("href")
    assert href == "https://speelgoedland.nl/voorwaarden?a=1&b=<x>"  # attribute escaped, value intact


def test_html_has_no_external_resources(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("update findings set url = 'javascript:alert(1)' where shop_id = 'boekenhoek.nl'")
    conn.commit()
    conn.close()
    raw = run_cli(db, "--compare", "1", "--out", "-").output
    doc = lxml.html.fromstring(raw)
    shop_ids = {r.get("data-shop") for r in doc.cssselect("table.shops tbody tr")}
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        assert el.get("src") is None, el.tag
        for attr in ("href", "xlink:href", "action", "srcset", "poster", "data"):
            value = el.get(attr)
            if value is None:
                continue
            # the only links are evidence links to the shops' own pages
            assert el.tag == "a" and attr == "href", (el.tag, attr, value)
            assert el.getparent().get("class") == "evidence"
            parts = urlsplit(value)
            assert parts.scheme == "https" and parts.hostname in shop_ids, value
    assert doc.cssselect("link, img, iframe, object, embed, script") == []
    css = " ".join(s.text_content() for s in doc.cssselect("style"))
    assert "url(" not in css and "@import" not in css
    assert "javascript:" not in " ".join(a.get("href") for a in doc.cssselect("a"))
    assert "javascript:alert(1)" in raw  # shown as text, not as a link


# --- charts ----------------------------------------------------------------------------------------


def test_chart_escapes_labels_and_survives_zero_total() -> None:
    svg = charts.bar_chart("c1", "T <x>", [charts.Bar("<b>&", 0, "#000")], total=0)
    assert "<b>" not in svg and "&lt;b&gt;&amp;" in svg
    assert 'width="0.0"' in svg
    stacked = charts.stacked_bar_chart("c2", "S", [], [])
    assert "<desc" in stacked and "no data" in stacked


# --- CLI -----------------------------------------------------------------------------------------


def test_cli_writes_file_and_infers_markdown_from_extension(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = run_cli(db, "--out", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# Can customers reach these webshops?")
    html = tmp_path / "report.html"
    assert run_cli(db, "--out", html).exit_code == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "report.md", "results.db"]


def test_cli_help_has_example() -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and "bereikbaar report results.db" in result.output


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        ("missing", [], "does not exist."),
        ("not_sqlite", [], "is not a SQLite database."),
        ("empty_sqlite", [], "is not a bereikbaar database (no results, runs, shops table)."),
        ("no_runs", [], "has no runs yet; crawl some shops first."),
        ("sample", ["--run", "9"], "Run 9 is not in results.db (runs there: 1, 2, 3)."),
        ("sample", ["--compare", "8"], "Run 8 is not in results.db (runs there: 1, 2, 3)."),
        ("sample", ["--compare", "2"], "Run 2 cannot be compared with itself"),
    ],
)
def test_cli_errors_are_one_sentence_and_leave_the_old_report(
    tmp_path: Path, setup: str, args: list[str], message: str
) -> None:
    path = tmp_path / "results.db"
    if setup == "not_sqlite":
        path.write_text("shop,url\nx,https://x.nl\n")
    elif setup == "empty_sqlite":
        sqlite3.connect(path).execute("create table other (x)").connection.close()
    elif setup == "no_runs":
        make_report_db(path)
        conn = sqlite3.connect(path)
        conn.execute("delete from runs")
        conn.commit()
        conn.close()
    elif setup == "sample":
        make_report_db(path)
    out = tmp_path / "report.html"
    out.write_text("previous report")
    result = run_cli(path, "--out", out, *args)
    assert result.exit_code == 2  # bad input, as for extract, crawl and serve
    assert result.output.startswith("Error: ")
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert out.read_text() == "previous report"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_cli_failed_write_leaves_nothing_half_written(db: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "report.html"
    out.write_text("previous report")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = run_cli(db, "--out", out)
    assert result.exit_code == 1
    assert "Cannot write" in result.output and "No space left on device" in result.output
    assert out.read_text() == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "results.db"]


def test_cli_usage_errors_exit_2(db: Path) -> None:
    assert run_cli(db).exit_code == 2  # --out is required
    assert run_cli(db, "--out", "-", "--format", "pdf").exit_code == 2


def test_render_rejects_unknown_format(db: Path) -> None:
    with pytest.raises(ValueError, match="Unknown report format"):
        render(load_report(db), "pdf")
    with pytest.raises(ReportError):
        load_report(db, run_id=42)


def test_report_never_writes_the_database(db: Path, tmp_path: Path) -> None:
    before = db.read_bytes()
    assert run_cli(db, "--compare", "1", "--out", tmp_path / "r.html").exit_code == 0
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "results.db"]  # no -wal/-shm left


# --- the shared crawl-like database, written through the real Store ----------------------------


def test_report_on_the_shared_sample_database(tmp_path: Path) -> None:
    from tests.fixtures_db import EXPECTED, make_sample_db

    path = make_sample_db(tmp_path / "sample.db")
    data = load_report(path, compare_id=1)
    shops = {s.id: s for s in data.shops}
    assert {i for i, s in shops.items() if s.compliant} == EXPECTED["compliant"]
    assert {i for i, s in shops.items() if not s.assessed} == EXPECTED["not_assessed"]
    assert {i for i, s in shops.items() if s.phone_tier == "legal_only"} == EXPECTED["phone_only_in_terms"]
    assert data.headline.compliant == len(EXPECTED["compliant"])
    assert data.headline.assessed == len(shops) - len(EXPECTED["not_assessed"])
    comp = data.comparison
    assert [c.new.id for c in comp.improved] == ["modehuis.nl"]
    assert [c.new.id for c in comp.worse] == ["boekenbol.nl"]
    assert [s.id for s in comp.newly_assessed] == ["terugkeer.nl"]
    doc = lxml.html.fromstring(render(data, "html"))
    assert len(doc.cssselect("table.shops tbody tr")) == len(shops)
    assert all(a.get("href").startswith("https://") for a in doc.cssselect("a"))
