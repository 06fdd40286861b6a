"""Load one crawl run from the results database and compute the figures a report shows.

The database is opened with plain sqlite3 and PRAGMA query_only (a report never migrates or
writes the database it reads, so it does not go through reports.store.Store). Rendering lives in reports/templates/, the charts in reports/charts.py.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# Findability tiers, best first (DESIGN.md). The order is what "improved" and "got worse" mean.
TIERS = ("homepage", "contact_page", "other_page", "legal_only", "chat_only", "not_found")
TIER_RANK = {tier: i for i, tier in enumerate(TIERS)}
TIER_LABELS = {
    "homepage": "homepage",
    "contact_page": "contact page",
    "other_page": "other page",
    "legal_only": "only in legal documents",
    "chat_only": "only chat",
    "not_found": "not found",
}
# Tiers where a customer can see the value on an ordinary page, and tiers where it was found at all.
VISIBLE_TIERS = frozenset(TIERS[:3])
FOUND_TIERS = frozenset(TIERS[:4])

STATUSES = ("ok", "unreachable", "blocked", "robots_disallowed", "error")
STATUS_LABELS = {
    "ok": "assessed",
    "unreachable": "unreachable (no answer, DNS or connection failure)",
    "blocked": "blocked the crawler (HTTP 403/429 or a bot wall)",
    "robots_disallowed": "robots.txt asks crawlers to stay away",
    "error": "crawl error",
}
# The verdict rule's click limit when a run did not record its rule (checks.findability.VerdictRule).
# A run's top-level `max_clicks` setting is never used: older crawls stored the crawl depth there.
DEFAULT_MAX_CLICKS = 2
SQLITE_MAGIC = b"SQLite format 3\x00"


class ReportError(Exception):
    """A report cannot be written; the message is one sentence for the user."""


@dataclass
class ShopResult:
    id: str
    name: str
    category: str
    country: str
    rank: int | None
    status: str
    status_reason: str
    homepage: str
    phone_tier: str | None
    phone_clicks: int | None
    phone_value: str | None
    phone_type: str | None
    email_tier: str | None
    email_clicks: int | None
    email_value: str | None
    chat_vendors: list[str]
    contact_form: bool
    compliant: bool | None
    reasons: list[str]
    reason_codes: list[str]
    evidence: dict[str, str] = field(default_factory=dict)  # channel -> page URL of the best value
    # phone numbers and e-mails found but not credited to the shop: (channel, value, owner, reason)
    not_credited: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def assessed(self) -> bool:
        return self.status == "ok"

    @property
    def verdict(self) -> str:
        if not self.assessed:
            return "not assessed"
        if self.compliant is None:
            return "no verdict"
        return "complies" if self.compliant else "does not comply"


@dataclass
class Headline:
    total: int
    assessed: int
    phone_tiers: dict[str, int]
    email_tiers: dict[str, int]
    compliant: int
    extra_cost: int
    form_only: int
    phone_too_deep: int
    email_too_deep: int
    avg_phone_clicks: float | None
    avg_email_clicks: float | None
    avg_both_clicks_compliant: float | None
    not_assessed: dict[str, list[ShopResult]]  # status -> shops, in STATUSES order

    @property
    def no_phone(self) -> int:
        return sum(n for tier, n in self.phone_tiers.items() if tier not in VISIBLE_TIERS)

    @property
    def no_email(self) -> int:
        return sum(n for tier, n in self.email_tiers.items() if tier not in VISIBLE_TIERS)

    @property
    def not_assessed_total(self) -> int:
        return sum(len(shops) for shops in self.not_assessed.values())


@dataclass
class Change:
    old: ShopResult
    new: ShopResult
    direction: str  # improved | worse | mixed
    details: list[str]


@dataclass
class Comparison:
    old_run: dict[str, Any]
    improved: list[Change]
    worse: list[Change]
    mixed: list[Change]
    unchanged: int
    now_compliant: list[ShopResult]
    no_longer_compliant: list[ShopResult]
    new_shops: list[ShopResult]
    missing_shops: list[ShopResult]
    no_longer_assessed: list[ShopResult]  # assessed before, not now (status in the new run)
    newly_assessed: list[ShopResult]


@dataclass
class RunPoint:
    run_id: int
    started_at: str
    status: str
    assessed: int
    compliant: int


@dataclass
class ReportData:
    db_name: str
    run: dict[str, Any]
    max_clicks: int
    shops: list[ShopResult]
    headline: Headline
    history: list[RunPoint]
    comparison: Comparison | None
    generated_at: str
    shared_values: list[dict[str, Any]] = field(default_factory=list)


def _json_list(value: Any) -> list:
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return value
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return [value]
    return parsed if isinstance(parsed, list) else [parsed]


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open a results database read-only, or raise ReportError saying why not."""
    path = Path(path)
    if not path.exists():
        raise ReportError(f"{path} does not exist.")
    if not path.is_file():
        raise ReportError(f"{path} is not a file.")
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise ReportError(f"{path} is not a SQLite database.")
    # mode=rw never creates a file; query_only refuses every write. (mode=ro would leave the -wal and
    # -shm files of a WAL database behind, since a read-only connection cannot clean them up.)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA query_only = ON")
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table','view')")}
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ReportError(f"{path} is not a readable SQLite database ({exc}).") from exc
    missing = sorted({"runs", "results", "shops"} - tables)
    if missing:
        conn.close()
        raise ReportError(f"{path} is not a bereikbaar database (no {', '.join(missing)} table).")
    return conn


def pick_run(conn: sqlite3.Connection, run_id: int | None, db_name: str) -> dict[str, Any]:
    """The run asked for, else the newest finished run, else the newest run."""
    runs = [dict(r) for r in conn.execute("select * from runs order by id desc")]
    if not runs:
        raise ReportError(f"{db_name} has no runs yet; crawl some shops first.")
    if run_id is None:
        finished = [r for r in runs if r.get("status") == "finished"]
        return (finished or runs)[0]
    for run in runs:
        if run["id"] == run_id:
            return run
    known = ", ".join(str(r["id"]) for r in reversed(runs))
    raise ReportError(f"Run {run_id} is not in {db_name} (runs there: {known}).")


def _evidence(conn: sqlite3.Connection, run_id: int, tables: set[str]) -> dict[tuple[str, str, str], str]:
    """(shop, channel, value) -> URL of the page at the fewest clicks where the shop's own value was seen."""
    if "findings" not in tables:
        return {}
    rows = conn.execute(
        """select shop_id, channel, value, url from findings
           where run_id = ? and channel in ('phone', 'email')
             and coalesce(owner, case when third_party = 1 then 'third_party' else 'shop' end) = 'shop'
             and coalesce(visible, 1) = 1
           order by coalesce(clicks, 999999), url""",
        (run_id,),
    )
    best: dict[tuple[str, str, str], str] = {}
    for r in rows:
        best.setdefault((r["shop_id"], r["channel"], r["value"]), r["url"])
    return best


def _not_credited(
    conn: sqlite3.Connection, run_id: int, tables: set[str]
) -> dict[str, list[tuple[str, str, str, str]]]:
    """shop -> its phone numbers and e-mails that were not credited to it, with owner and reason."""
    if "findings" not in tables:
        return {}
    columns = {r[1] for r in conn.execute("pragma table_info(findings)")}
    if "owner" not in columns:
        return {}
    rows = conn.execute(
        """select shop_id, channel, value, owner, min(owner_reason) as reason from findings
           where run_id = ? and channel in ('phone', 'email') and owner in ('third_party', 'unknown')
             and coalesce(visible, 1) = 1
             and not exists (select 1 from findings g where g.run_id = findings.run_id
                             and g.shop_id = findings.shop_id and g.channel = findings.channel
                             and g.value = findings.value and g.owner = 'shop')
           group by shop_id, channel, value, owner order by shop_id, channel, owner, value""",
        (run_id,),
    )
    out: dict[str, list[tuple[str, str, str, str]]] = {}
    for r in rows:
        out.setdefault(r["shop_id"], []).append((r["channel"], r["value"], r["owner"], r["reason"] or ""))
    return out


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def load_results(conn: sqlite3.Connection, run_id: int) -> list[ShopResult]:
    """Every shop's result in one run, with its evidence links, in rank then name order."""
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table','view')")}
    evidence = _evidence(conn, run_id, tables)
    uncredited = _not_credited(conn, run_id, tables)
    rows = conn.execute(
        """select r.*, s.name as shop_name, s.category as shop_category, s.country as shop_country,
                  s.rank as shop_rank
           from results r left join shops s on s.id = r.shop_id where r.run_id = ?""",
        (run_id,),
    )
    shops = []
    for r in rows:
        shop = ShopResult(
            id=r["shop_id"],
            name=r["shop_name"] or r["shop_id"],
            category=r["shop_category"] or "",
            country=r["shop_country"] or "",
            rank=_int(r["shop_rank"]),
            status=r["status"] or "error",
            status_reason=r["status_reason"] or "",
            homepage=r["homepage"] or "",
            phone_tier=r["phone_tier"],
            phone_clicks=_int(r["phone_clicks"]),
            phone_value=r["phone_value"],
            phone_type=r["phone_type"],
            email_tier=r["email_tier"],
            email_clicks=_int(r["email_clicks"]),
            email_value=r["email_value"],
            chat_vendors=[str(v) for v in _json_list(r["chat_vendors"])],
            contact_form=bool(r["contact_form"]),
            compliant=_bool(r["compliant"]),
            reasons=[str(v) for v in _json_list(r["reasons"])],
            reason_codes=[str(v) for v in _json_list(r["reason_codes"])],
        )
        shop.not_credited = uncredited.get(shop.id, [])
        for channel in ("phone", "email"):
            value = getattr(shop, f"{channel}_value")
            url = evidence.get((shop.id, channel, value)) if value else None
            if url:
                shop.evidence[channel] = url
        shops.append(shop)
    shops.sort(key=lambda s: (s.rank is None, s.rank or 0, s.name.casefold(), s.id))
    return shops


def _mean(values: list[int]) -> float | None:
    return round(statistics.fmean(values), 1) if values else None


def compute_headline(shops: list[ShopResult]) -> Headline:
    """Figures over assessed shops only, plus who could not be assessed and why."""
    ok = [s for s in shops if s.assessed]
    phone = {t: sum(1 for s in ok if s.phone_tier == t) for t in TIERS}
    email = {t: sum(1 for s in ok if s.email_tier == t) for t in TIERS}
    not_assessed = {st: [s for s in shops if s.status == st] for st in STATUSES if st != "ok"}
    unknown = sorted({s.status for s in shops} - set(STATUSES))
    for st in unknown:
        not_assessed[st] = [s for s in shops if s.status == st]
    compliant = [s for s in ok if s.compliant]
    both = [
        max(s.phone_clicks, s.email_clicks) for s in compliant if None not in (s.phone_clicks, s.email_clicks)
    ]
    return Headline(
        total=len(shops),
        assessed=len(ok),
        phone_tiers=phone,
        email_tiers=email,
        compliant=len(compliant),
        extra_cost=sum(1 for s in ok if "phone_extra_cost" in s.reason_codes),
        form_only=sum(1 for s in ok if "email_form_only" in s.reason_codes),
        phone_too_deep=sum(1 for s in ok if "phone_too_deep" in s.reason_codes),
        email_too_deep=sum(1 for s in ok if "email_too_deep" in s.reason_codes),
        avg_phone_clicks=_mean(
            [s.phone_clicks for s in ok if s.phone_tier in FOUND_TIERS and s.phone_clicks is not None]
        ),
        avg_email_clicks=_mean(
            [s.email_clicks for s in ok if s.email_tier in FOUND_TIERS and s.email_clicks is not None]
        ),
        avg_both_clicks_compliant=_mean(both),
        not_assessed={st: v for st, v in not_assessed.items() if v},
    )


def _channel_key(tier: str | None, clicks: int | None) -> tuple[int, int]:
    return (TIER_RANK.get(tier or "not_found", len(TIERS)), clicks if clicks is not None else 0)


def _describe(channel: str, old: ShopResult, new: ShopResult) -> tuple[int, str] | None:
    """(+1 better / -1 worse, sentence) for one channel, or None when it did not change."""
    ot, oc = getattr(old, f"{channel}_tier"), getattr(old, f"{channel}_clicks")
    nt, nc = getattr(new, f"{channel}_tier"), getattr(new, f"{channel}_clicks")
    before, after = _channel_key(ot, oc), _channel_key(nt, nc)
    if before == after:
        return None
    label = "phone" if channel == "phone" else "e-mail"

    def where(tier: str | None, clicks: int | None) -> str:
        text = TIER_LABELS.get(tier or "", tier or "unknown")
        unit = "click" if clicks == 1 else "clicks"
        return f"{text} ({clicks} {unit})" if clicks is not None and tier in FOUND_TIERS else text

    sign = 1 if after < before else -1
    return sign, f"{label}: {where(ot, oc)} → {where(nt, nc)}"


def compare_runs(
    old_shops: list[ShopResult], new_shops: list[ShopResult], old_run: dict[str, Any]
) -> Comparison:
    """What changed per shop between an earlier run and this one (tier order, then verdict)."""
    old_by_id = {s.id: s for s in old_shops}
    new_by_id = {s.id: s for s in new_shops}
    comp = Comparison(old_run, [], [], [], 0, [], [], [], [], [], [])
    comp.new_shops = [s for s in new_shops if s.id not in old_by_id]
    comp.missing_shops = [s for s in old_shops if s.id not in new_by_id]
    for new in new_shops:
        old = old_by_id.get(new.id)
        if old is None:
            continue
        if old.assessed and not new.assessed:
            comp.no_longer_assessed.append(new)
            continue
        if new.assessed and not old.assessed:
            comp.newly_assessed.append(new)
            continue
        if not new.assessed:
            continue
        details, signs = [], []
        for channel in ("phone", "email"):
            change = _describe(channel, old, new)
            if change:
                signs.append(change[0])
                details.append(change[1])
        verdict_sign = 0
        if old.compliant != new.compliant and None not in (old.compliant, new.compliant):
            verdict_sign = 1 if new.compliant else -1
            details.append(f"verdict: {old.verdict} → {new.verdict}")
            (comp.now_compliant if new.compliant else comp.no_longer_compliant).append(new)
        if verdict_sign:
            direction = "improved" if verdict_sign > 0 else "worse"
        elif signs and all(s > 0 for s in signs):
            direction = "improved"
        elif signs and all(s < 0 for s in signs):
            direction = "worse"
        elif signs:
            direction = "mixed"
        else:
            comp.unchanged += 1
            continue
        getattr(comp, direction).append(Change(old, new, direction, details))
    return comp


def load_history(conn: sqlite3.Connection, run: dict[str, Any]) -> list[RunPoint]:
    """Compliance per finished run up to the reported run (and the reported run itself)."""
    rows = conn.execute(
        """select r.id, r.started_at, r.status,
                  sum(case when x.status = 'ok' then 1 else 0 end) as assessed,
                  sum(case when x.status = 'ok' and x.compliant = 1 then 1 else 0 end) as compliant
           from runs r join results x on x.run_id = r.id
           where r.id <= ? and (r.status = 'finished' or r.id = ?)
           group by r.id order by r.id""",
        (run["id"], run["id"]),
    )
    return [
        RunPoint(r["id"], r["started_at"] or "", r["status"] or "", r["assessed"], r["compliant"])
        for r in rows
    ]


def verdict_max_clicks(settings_json: Any) -> int:
    """The click limit of the verdict rule a run recorded (`settings.verdict_rule.max_clicks`), else 2."""
    try:
        settings = json.loads(settings_json or "{}") if isinstance(settings_json, str) else settings_json
        value = settings["verdict_rule"]["max_clicks"]
        if isinstance(value, bool):
            return DEFAULT_MAX_CLICKS
        clicks = int(value)
    except (TypeError, ValueError, KeyError, IndexError):
        return DEFAULT_MAX_CLICKS
    return clicks if clicks >= 0 else DEFAULT_MAX_CLICKS


def load_report(
    db_path: str | Path,
    run_id: int | None = None,
    compare_id: int | None = None,
    *,
    generated_at: str | None = None,
) -> ReportData:
    """Everything a report shows for one run, optionally compared with an earlier run."""
    db_name = Path(db_path).name
    conn = connect_readonly(db_path)
    try:
        run = pick_run(conn, run_id, db_name)
        shops = load_results(conn, run["id"])
        comparison = None
        if compare_id is not None:
            if compare_id == run["id"]:
                raise ReportError(
                    f"Run {compare_id} cannot be compared with itself; pick another run with --compare."
                )
            old_run = pick_run(conn, compare_id, db_name)
            comparison = compare_runs(load_results(conn, old_run["id"]), shops, old_run)
        history = load_history(conn, run)
        shared = load_shared_values(conn, run["id"])
    finally:
        conn.close()
    return ReportData(
        db_name=db_name,
        run=run,
        max_clicks=verdict_max_clicks(run.get("settings")),
        shops=shops,
        headline=compute_headline(shops),
        history=history,
        comparison=comparison,
        generated_at=generated_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        shared_values=shared,
    )


# The report lists at most this many shared values (the database holds them all).
MAX_SHARED_LISTED = 50


def load_shared_values(conn: sqlite3.Connection, run_id: int) -> list[dict[str, Any]]:
    """Values that 3 or more unrelated shops of the run show (reports/shared.py), most shops first."""
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    if "shared_values" not in tables:
        return []
    rows = conn.execute(
        """select channel, value, shops, unrelated_shops, shop_ids from shared_values
           where run_id = ? and shared = 1 order by unrelated_shops desc, value limit ?""",
        (run_id, MAX_SHARED_LISTED),
    )
    return [
        {
            "channel": r["channel"],
            "value": r["value"],
            "shops": r["shops"],
            "unrelated_shops": r["unrelated_shops"],
            "shop_ids": _json_list(r["shop_ids"]),
        }
        for r in rows
    ]


def write_atomically(text: str, out: str | Path) -> None:
    """Write `text` to `out` via a temporary file and a rename, or to stdout when out is '-'."""
    if str(out) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    out = Path(out)
    directory = out.parent if str(out.parent) else Path(".")
    if not directory.is_dir():
        raise ReportError(f"Cannot write {out}: the folder {directory} does not exist.")
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
