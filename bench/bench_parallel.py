"""Parallelism and memory: many shops at once, each crawled politely.

1. 200 synthetic shops, every request answered after a fixed delay. The politeness bound is
   what the slowest shop needs on its own: (requests of the largest shop) x delay, the way a
   crawler that visits one page at a time per shop would take it. Prints the wall time of the
   crawl next to that bound. Target: <= 1.5x the bound.
   Analysis runs in worker processes (BEREIKBAAR_ANALYSIS_WORKERS, default cores - 1), so the
   crawl can never be faster than pages x (checks time per page) / workers either; that CPU
   floor is printed too. A realistic polite
   interval per request (1 s) is the default delay.
2. Peak memory (max RSS of the crawling process) of a 2,000-shop crawl on loopback.

    .venv/bin/python bench/bench_parallel.py [--shops 200] [--delay 1.0] [--big 2000]
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bereikbaar.samples.server import synthetic_server

TARGET_RATIO = 1.5
EXTRA: list[str] = []  # extra crawl options from the command line
# The crawl summary line: "run 1: 200 of 200 shops in x.db (12.3 s, status finished)".
CRAWL_SECONDS = re.compile(r"\((\d+(?:\.\d+)?) s, status (\w+)\)")


def crawl(server, tmp: Path, name: str, concurrency: int) -> tuple[float, float, str]:
    """(seconds inside the crawl, seconds of the whole process, run status)."""
    shops = server.write_shop_list(tmp / f"{name}.csv")
    resolve = [arg for host, ip in server.resolve_map.items() for arg in ("--resolve", f"{host}={ip}")]
    cmd = [sys.executable, "-m", "bereikbaar.cli", "crawl", str(shops), "--db", str(tmp / f"{name}.db"),
           *resolve, "--resolve-only", "--delay", "0", "--timeout", "30", "--concurrency", str(concurrency),
           "--set", "RETRY_TIMES=0", "-q", *EXTRA]  # fmt: skip
    started = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
    total = time.monotonic() - started
    if proc.returncode != 0:
        sys.exit(f"the {name} crawl failed:\n{proc.stderr[-2000:]}")
    match = CRAWL_SECONDS.search(proc.stdout)
    inner = float(match.group(1)) if match else total
    return inner, total, match.group(2) if match else "?"


def analysis_ms(server) -> float:
    """Milliseconds the checks take per synthetic page, measured in this process."""
    from checks import analyse_page

    shop = server.shops[0]
    pages = [server.route(shop.host, path, "", "GET").body for path in ("/", "/contact", "/privacy")]
    started = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for body in pages:
            analyse_page(shop.url or f"http://{shop.host}/", body, content_type="text/html")
    return (time.perf_counter() - started) * 1000 / (rounds * len(pages))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shops", type=int, default=200)
    parser.add_argument("--delay", type=float, default=1.0, help="server delay per request, seconds")
    parser.add_argument("--big", type=int, default=2000, help="shops in the memory run (0 to skip)")
    parser.add_argument(
        "--workers", type=int, default=None, help="analysis worker processes (default: the crawler's)"
    )
    args = parser.parse_args()
    if args.workers is not None:
        EXTRA.extend(["--set", f"BEREIKBAAR_ANALYSIS_WORKERS={args.workers}"])
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        with synthetic_server(args.shops, delay=args.delay) as server:
            inner, total, status = crawl(server, tmp, "parallel", concurrency=2 * args.shops)
            largest = max(server.request_counts.values())
            requests = sum(server.request_counts.values())
        bound = largest * args.delay
        print(
            f"{args.shops} synthetic shops, {args.delay:.2f} s per request, {requests} requests, run {status}"
        )
        print(f"politeness bound (largest shop: {largest} requests x {args.delay:.2f} s): {bound:6.1f} s")
        print(f"crawl wall time:                                       {inner:6.1f} s  "
              f"({total:.1f} s with process start-up)")  # fmt: skip
        cpu_ms = analysis_ms(server)
        from crawler.analysis import default_workers

        workers = args.workers if args.workers is not None else default_workers()
        print(f"analysis floor (checks {cpu_ms:.1f} ms/page x {requests} pages / {max(workers, 1)} worker(s)): "
              f"{cpu_ms * requests / 1000 / max(workers, 1):6.1f} s")  # fmt: skip
        ratio = inner / bound if bound else float("inf")
        verdict = "meets" if ratio <= TARGET_RATIO else "misses"
        print(f"ratio: {ratio:.2f}x the bound (target <= {TARGET_RATIO}x: {verdict})")
        if args.big:
            with synthetic_server(args.big, delay=0.0) as server:
                inner, total, status = crawl(server, tmp, "memory", concurrency=64)
                requests = sum(server.request_counts.values())
            peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            print(f"{args.big} shops on loopback: {requests} requests in {inner:.1f} s "
                  f"({requests / max(inner, 0.001):.0f} requests/s), run {status}")  # fmt: skip
            print(f"peak memory of the crawling process: {peak_kb / 1024:.0f} MB (max RSS)")


if __name__ == "__main__":
    main()
