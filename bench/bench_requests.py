"""Requests per shop: our prioritised crawl vs a breadth-first crawl with the same budget.

Crawls the sample universe (served on loopback) twice with `bereikbaar crawl`, once with
`--strategy priority` (the default) and once with `--strategy bfs`, counting the requests each
shop's hosts received on the server side (robots.txt, redirects and errors included). Prints the
median and 90th percentile per strategy and whether both reached the same findings (phone and
e-mail tier, clicks and value, per shop). Target: median <= 12 requests per shop, same findings.

    .venv/bin/python bench/bench_requests.py [--max-pages 30]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bereikbaar.samples.server import SampleServer

TARGET_MEDIAN = 12
FAST = ["--delay", "0", "--timeout", "5", "--set", "RETRY_TIMES=0", "-q"]


def percentile(values: list[int], share: float) -> float:
    """Nearest-rank percentile (share in 0..1)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, round(share * len(ordered) + 0.5))
    return float(ordered[min(rank, len(ordered)) - 1])


def host_owner(server: SampleServer) -> dict[str, str]:
    owner: dict[str, str] = {}
    for shop in server.shops:
        owner[shop.host] = shop.id
        for extra in shop.extra_hosts:
            owner[extra] = shop.id
    for host in server.resolve_map:
        if host not in owner:
            base = host[4:] if host.startswith("www.") else host
            owner[host] = next((s.id for s in server.shops if s.host.endswith(base)), host)
    return owner


def crawl(
    server: SampleServer, shops: Path, db: Path, strategy: str, max_pages: int
) -> tuple[dict[str, int], float]:
    server.reset_counts()
    resolve = [arg for host, ip in server.resolve_map.items() for arg in ("--resolve", f"{host}={ip}")]
    cmd = [sys.executable, "-m", "bereikbaar.cli", "crawl", str(shops), "--db", str(db), "--strategy", strategy,
           "--max-pages", str(max_pages), *resolve, "--resolve-only", *FAST]  # fmt: skip
    started = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    seconds = time.monotonic() - started
    if proc.returncode != 0:
        sys.exit(f"the {strategy} crawl failed:\n{proc.stderr[-2000:]}")
    owner = host_owner(server)
    per_shop = {shop.id: 0 for shop in server.shops}
    for host, count in server.request_counts.items():
        per_shop[owner.get(host, host)] = per_shop.get(owner.get(host, host), 0) + count
    return per_shop, seconds


def findings(db: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT shop_id, status, phone_tier, phone_clicks, phone_value, email_tier, email_clicks, email_value "
            "FROM results"
        ).fetchall()
    finally:
        conn.close()
    return {r[0]: tuple(r[1:]) for r in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-pages", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, SampleServer() as server:
        shops = server.write_shop_list(Path(tmp) / "shops.csv")
        runs = {}
        for strategy in ("priority", "bfs"):
            db = Path(tmp) / f"{strategy}.db"
            counts, seconds = crawl(server, shops, db, strategy, args.max_pages)
            runs[strategy] = (counts, findings(db), seconds)
    print(f"sample universe: {len(server.shops)} shops, budget {args.max_pages} pages per shop")
    print(f"{'strategy':<10} {'median':>7} {'p90':>6} {'max':>5} {'total':>6} {'seconds':>8}")
    for strategy, (counts, _, seconds) in runs.items():
        values = list(counts.values())
        print(f"{strategy:<10} {statistics.median(values):7.1f} {percentile(values, 0.9):6.1f} "
              f"{max(values):5d} {sum(values):6d} {seconds:8.1f}")  # fmt: skip
    prio, bfs = runs["priority"], runs["bfs"]
    ratio = sum(prio[0].values()) / max(1, sum(bfs[0].values()))
    print(f"requests, priority / breadth-first: {ratio:.2f}x")
    same = [s for s in prio[1] if prio[1][s] == bfs[1].get(s)]
    print(
        f"same findings (status, phone and e-mail tier, clicks, value): {len(same)} of {len(prio[1])} shops"
    )
    for shop in sorted(set(prio[1]) - set(same)):
        print(f"  {shop}: priority {prio[1][shop]}")
        print(f"  {' ' * len(shop)}  bfs      {bfs[1].get(shop)}")
    missed = [
        (shop, channel)
        for shop, got in bfs[1].items()
        for channel, value_at in (("phone", 3), ("email", 6))
        if got[value_at] and got[value_at] != prio[1].get(shop, (None,) * 7)[value_at]
    ]
    print(f"values breadth-first reached that the prioritised crawl missed: {len(missed)} {missed or ''}")
    median = statistics.median(prio[0].values())
    verdict = "meets" if median <= TARGET_MEDIAN else "misses"
    print(f"target: median <= {TARGET_MEDIAN} requests per shop: {verdict} ({median:.1f})")


if __name__ == "__main__":
    main()
