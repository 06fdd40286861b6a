"""The table `bereikbaar crawl` prints at the end: shops per status, per tier, verdicts."""

from __future__ import annotations

from collections import Counter
from typing import Any

from checks.findability import TIERS
from reports.schema import SHOP_STATUSES


def _table(title: str, rows: list[tuple[str, int]], total: int) -> list[str]:
    width = max([len(label) for label, _ in rows] + [len(title)])
    lines = [f"{title:<{width}}  shops   share"]
    for label, count in rows:
        share = f"{100 * count / total:5.1f}%" if total else "    -"
        lines.append(f"{label:<{width}}  {count:5d}  {share}")
    return lines


def summary_lines(results: list[dict[str, Any]]) -> list[str]:
    """Plain-text summary of a run's results rows."""
    total = len(results)
    statuses = Counter(r.get("status") for r in results)
    lines = _table("status", [(s, statuses.get(s, 0)) for s in SHOP_STATUSES], total)
    assessed = [r for r in results if r.get("status") == "ok"]
    if assessed:
        n = len(assessed)
        for channel in ("phone", "email"):
            tiers = Counter(r.get(f"{channel}_tier") for r in assessed)
            lines.append("")
            lines += _table(f"{channel} tier", [(t, tiers.get(t, 0)) for t in TIERS], n)
        compliant = sum(1 for r in assessed if r.get("compliant"))
        lines.append("")
        lines.append(f"compliant: {compliant} of {n} assessed shops ({total - n} not assessed)")
    else:
        lines.append("")
        lines.append(f"no shop could be assessed ({total} not assessed)")
    return lines
