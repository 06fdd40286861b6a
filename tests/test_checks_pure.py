"""checks/ is pure extraction: importing every module of it loads no crawler, database or HTTP
client (tools embed it; the crawler's worker processes import it fresh)."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = (
    "scrapy", "twisted", "sqlite3", "_sqlite3", "sqlite_utils", "datasette", "requests", "urllib3",
    "httpx", "aiohttp", "tldextract", "http.client", "urllib.request",
)  # fmt: skip

PROBE = """
import importlib, pkgutil, sys
import checks
for info in pkgutil.iter_modules(checks.__path__):
    importlib.import_module("checks." + info.name)
forbidden = {forbidden!r}
print(sorted(m for m in sys.modules if m in forbidden or m.split(".")[0] in forbidden))
"""


def test_importing_checks_loads_no_crawler_database_or_http_client():
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(forbidden=FORBIDDEN)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout
