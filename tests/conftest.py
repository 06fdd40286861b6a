"""Shared fixtures: the sample universe served on loopback, and a way to run the CLI."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Crawls in tests: no politeness delay, short timeouts, no retries (loopback answers at once).
FAST_CRAWL_ARGS = ("--delay", "0", "--timeout", "5", "--set", "RETRY_TIMES=0")


@pytest.fixture(scope="session")
def sample_server() -> Iterator:
    """The bundled sample universe on 127.0.x.y addresses, one port, for the whole session."""
    from bereikbaar.samples.server import SampleServer

    server = SampleServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def resolve_args(server) -> list[str]:
    """`--resolve HOST=IP` for every universe host, plus `--resolve-only` (never leave loopback)."""
    args: list[str] = []
    for host, ip in sorted(server.resolve_map.items()):
        args += ["--resolve", f"{host}={ip}"]
    return [*args, "--resolve-only"]


def run_cli(*args: str, timeout: float = 120, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `bereikbaar ARGS...` in a fresh process (Twisted's reactor starts once per process)."""
    return subprocess.run(
        [sys.executable, "-m", "bereikbaar.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
    )
