"""`bereikbaar demo` end to end: sample shops on loopback, crawl, reports, Datasette, Ctrl-C.

Each test runs the demo in a fresh process (the crawl inside it is another child process) and
talks to it only over loopback.
"""

from __future__ import annotations

import json
import queue
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from bereikbaar.samples.server import load_manifest
from tests.conftest import run_cli

START_LIMIT_S = 75.0  # crawl + reports + Datasette up; a few seconds on a laptop
STOP_LIMIT_S = 10.0
DB_NAME = "bereikbaar-demo.db"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _sample_shop_ids() -> list[str]:
    return sorted(shop["id"] for shop in load_manifest()["shops"])


def _headline(results: list[dict]) -> str:
    """The report's first headline sentence, computed from the crawled rows themselves."""
    assessed = [r for r in results if r["status"] == "ok"]
    compliant = sum(1 for r in assessed if r["compliant"])
    return f"{compliant} of {len(assessed)} assessed shops comply"


def _get_json(url: str) -> list[dict]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy
    with opener.open(url, timeout=10) as response:
        assert response.status == 200
        return json.loads(response.read())


class _Lines:
    """Collects a child's output lines in a thread so the test can wait for one with a deadline."""

    def __init__(self, stream) -> None:
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream) -> None:
        for line in stream:
            self._queue.put(line)
        self._queue.put(None)

    def wait_for(self, marker: str, limit: float) -> bool:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return False
            if line is None:
                return False
            self.lines.append(line)
            if marker in line:
                return True
        return False

    def drain(self, limit: float = 5.0) -> str:
        self.wait_for("\0never\0", limit)
        return "".join(self.lines)


@pytest.mark.slow
@pytest.mark.timeout(150)
def test_demo_crawls_reports_serves_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    port = _free_port()
    out = tmp_path / "demo"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bereikbaar.cli", "demo", "--out", str(out), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = _Lines(proc.stdout)
    try:
        ready = lines.wait_for("Press Ctrl-C to stop", START_LIMIT_S)
        assert ready, f"the demo did not start serving:\n{lines.drain()}"
        printed = "".join(lines.lines)
        root = f"http://127.0.0.1:{port}"
        assert f"{root}/-/dashboards/overview" in printed
        assert (out / "report.html").resolve().as_uri() in printed

        results = _get_json(f"{root}/bereikbaar/latest_results.json?_shape=array&_size=max")
        # every sample shop was crawled; exact statuses and tiers are test_crawl_e2e's business
        assert sorted(r["shop_id"] for r in results) == _sample_shop_ids()
        assessed = [r for r in results if r["status"] == "ok"]
        assert len(assessed) > len(results) // 2, results
        assert all(r["homepage"].startswith("http://") and r["phone_tier"] for r in assessed)

        html = (out / "report.html").read_text(encoding="utf-8")
        markdown = (out / "report.md").read_text(encoding="utf-8")
        headline = _headline(results)
        assert headline in html and headline in markdown
        assert headline in printed

        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=STOP_LIMIT_S) == 0
        assert "Stopped." in lines.drain()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=STOP_LIMIT_S)
    with socket.socket() as sock, pytest.raises(ConnectionRefusedError):  # nothing listens any more ...
        sock.connect(("127.0.0.1", port))
    with socket.socket() as sock:  # ... and it can be bound again
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))


@pytest.mark.slow
@pytest.mark.timeout(150)
def test_demo_no_serve_writes_a_fresh_database_and_the_reports(tmp_path: Path) -> None:
    out = tmp_path / "ci"
    for _ in range(2):  # the second run replaces the first database rather than adding a run
        proc = run_cli("demo", "--no-serve", "--out", str(out), timeout=90)
        assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Press Ctrl-C" not in proc.stdout
    for name in (DB_NAME, "report.html", "report.md", "sample-shops.csv"):
        assert (out / name).is_file(), name
    conn = sqlite3.connect(out / DB_NAME)
    conn.row_factory = sqlite3.Row
    try:
        runs = conn.execute("SELECT status FROM runs").fetchall()
        results = [dict(r) for r in conn.execute("SELECT * FROM results")]
    finally:
        conn.close()
    assert [r["status"] for r in runs] == ["finished"]
    assert sorted(r["shop_id"] for r in results) == _sample_shop_ids()
    assert _headline(results) in (out / "report.md").read_text(encoding="utf-8")
    assert _headline(results) in proc.stdout


def test_demo_port_in_use_is_one_sentence_and_does_no_work(tmp_path: Path) -> None:
    out = tmp_path / "busy"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = run_cli("demo", "--out", str(out), "--port", str(port), timeout=60)
    assert proc.returncode == 2
    message = proc.stderr.strip()
    assert message.startswith("Error: cannot listen on port") and str(port) in message
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert not (out / DB_NAME).exists()
