"""`bereikbaar demo`: the bundled sample shops served on loopback, crawled, reported and browsed.

`run_demo()` does it in order, printing as it goes:

1. binds the Datasette port first (a port in use fails in one sentence before any work),
2. serves the sample universe on 127.0.x.y addresses (`SampleServer`),
3. crawls it into a fresh SQLite file in a child process (Twisted's reactor starts once per
   process) with `--resolve HOST=IP ... --resolve-only`, so no name is ever looked up in DNS
   and nothing outside loopback is contacted; the sample server stops when the crawl ends,
4. writes the HTML and Markdown reports,
5. serves the database in Datasette (uvicorn in a thread) and prints the URLs to open.

SIGINT and SIGTERM only set a flag; every phase checks it, then the crawl child, Datasette and
the sample server are stopped in that order and the demo exits 0.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from bereikbaar.samples.server import SampleServer

DEFAULT_OUT = Path("demo-output")
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001  # `bereikbaar serve`'s default; another free port when it is taken
DB_NAME = "bereikbaar-demo.db"
SHOP_LIST_NAME = "sample-shops.csv"
HTML_REPORT_NAME = "report.html"
MD_REPORT_NAME = "report.md"
# The shops answer from loopback at once: no politeness delay, no retries, short timeouts.
CRAWL_ARGS = ("--delay", "0", "--timeout", "10", "--set", "RETRY_TIMES=0")
CRAWL_TIME_LIMIT_S = 600.0
CHILD_WAIT_S = 10.0  # a killed crawl child is reaped within this time
SERVER_START_LIMIT_S = 60.0
SERVER_STOP_LIMIT_S = 5.0
POLL_S = 0.2
# Pages worth opening first: (label, path under the Datasette root).
DATASETTE_LINKS = (
    ("Dashboard with charts", "/-/dashboards/overview"),
    ("Latest result per shop", "/bereikbaar/latest_results"),
    ("Phone number not findable", "/bereikbaar/phone_not_findable"),
    ("Phone only in the terms", "/bereikbaar/phone_only_in_terms"),
    ("All tables and queries", "/bereikbaar"),
)


class DemoError(Exception):
    """The demo cannot go on; the message is one sentence. exit_code 2 is a usage problem."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass
class DemoOptions:
    out: Path = DEFAULT_OUT
    host: str = DEFAULT_HOST
    port: int | None = None  # None: DEFAULT_PORT when free, else any free port
    serve: bool = True
    open_browser: bool = False


@dataclass
class DemoFiles:
    out: Path
    shop_list: Path
    db: Path
    html_report: Path
    md_report: Path

    @classmethod
    def under(cls, out: Path) -> DemoFiles:
        out = out.resolve()
        return cls(out, out / SHOP_LIST_NAME, out / DB_NAME, out / HTML_REPORT_NAME, out / MD_REPORT_NAME)


class StopFlag:
    """Set by SIGINT or SIGTERM; a second signal also sets `forced`."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.event = threading.Event()
        self.forced = False

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.event.is_set():
            self.forced = True
        self.event.set()

    @contextmanager
    def installed(self) -> Iterator[StopFlag]:
        previous = {sig: signal.signal(sig, self._handle) for sig in self.SIGNALS}
        try:
            yield self
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def is_set(self) -> bool:
        return self.event.is_set()

    def wait(self, seconds: float | None = None) -> bool:
        return self.event.wait(seconds)


class Stopped(Exception):
    """Raised inside run_demo when the user asked to stop."""


def _say(text: str = "") -> None:
    click.echo(text)


# --- the Datasette socket ---------------------------------------------------------------------


def bind_socket(host: str, port: int | None) -> socket.socket:
    """A bound (not yet listening) TCP socket on host:port; port None tries DEFAULT_PORT, then any."""
    try:
        infos = socket.getaddrinfo(host, port or 0, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise DemoError(f"cannot listen on {host}: {exc.strerror}", exit_code=2) from exc
    family, _, _, _, address = infos[0]
    candidates = [address] if port is not None else [(*address[:1], DEFAULT_PORT, *address[2:]), address]
    for i, candidate in enumerate(candidates):
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(candidate)
            return sock
        except OSError as exc:
            sock.close()
            if i + 1 < len(candidates):
                continue  # the default port is taken: any free port will do
            what = f"port {candidate[1]} on {host}" if port else f"a free port on {host}"
            hint = "; choose another with --port" if port else ""
            raise DemoError(f"cannot listen on {what}: {exc.strerror or exc}{hint}", exit_code=2) from exc
    raise AssertionError("unreachable")  # pragma: no cover


def base_url(host: str, port: int) -> str:
    shown = DEFAULT_HOST if host in ("0.0.0.0", "", "::") else host
    return f"http://[{shown}]:{port}" if ":" in shown else f"http://{shown}:{port}"


# --- the crawl --------------------------------------------------------------------------------


def crawl_command(server: SampleServer, files: DemoFiles) -> list[str]:
    """The `bereikbaar crawl` child process: every sample host mapped, nothing else resolvable."""
    args = [sys.executable, "-m", "bereikbaar.cli", "crawl", str(files.shop_list), "--db", str(files.db)]
    for host, ip in sorted(server.resolve_map.items()):
        args += ["--resolve", f"{host}={ip}"]
    return [*args, "--resolve-only", *CRAWL_ARGS]


def _remove_old_database(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = db.with_name(db.name + suffix)
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise DemoError(f"cannot remove the old demo database {path}: {exc.strerror or exc}") from exc


def _stop_child(proc: subprocess.Popen) -> None:
    """Kill the crawl child at once: the demo database is thrown away, and a graceful Scrapy
    shutdown would wait for requests in flight and advise `--resume`, which means nothing here."""
    if proc.poll() is None:
        with suppress(ProcessLookupError):
            proc.kill()
    proc.wait(timeout=CHILD_WAIT_S)


def crawl(server: SampleServer, files: DemoFiles, stop: StopFlag) -> str:
    """Run the crawl child; its progress line goes straight to stderr. Returns its first summary line."""
    # A session of its own: Ctrl-C in the terminal reaches only the demo, which stops the child.
    proc = subprocess.Popen(
        crawl_command(server, files),
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + CRAWL_TIME_LIMIT_S
    output = ""
    try:
        while True:
            try:
                output, _ = proc.communicate(timeout=POLL_S)
                break
            except subprocess.TimeoutExpired:
                if stop.is_set():
                    raise Stopped from None
                if time.monotonic() > deadline:
                    raise DemoError(
                        f"the crawl took longer than {CRAWL_TIME_LIMIT_S:.0f} s; stopped it"
                    ) from None
    finally:
        _stop_child(proc)
    if proc.returncode != 0:
        if output.strip():
            _say(output.rstrip())
        raise DemoError(f"the crawl failed (exit code {proc.returncode}); see the messages above")
    return output.strip().splitlines()[0] if output.strip() else "the crawl finished"


# --- reports ----------------------------------------------------------------------------------


def write_reports(files: DemoFiles) -> list[str]:
    """Write the HTML and Markdown reports; return the headline sentences."""
    from reports.report import ReportError, load_report, write_atomically
    from reports.templates import render
    from reports.templates.text import headline_sentences

    try:
        data = load_report(files.db)
        write_atomically(render(data, "html"), files.html_report)
        write_atomically(render(data, "md"), files.md_report)
    except ReportError as exc:
        raise DemoError(str(exc)) from exc
    except OSError as exc:
        raise DemoError(f"cannot write the report in {files.out}: {exc.strerror or exc}") from exc
    return headline_sentences(data)


# --- Datasette --------------------------------------------------------------------------------


class DatasetteThread:
    """Datasette under uvicorn in a background thread, on a socket bound beforehand."""

    def __init__(self, db: Path, sock: socket.socket) -> None:
        import uvicorn

        from reports.serve import ServeError, make_datasette

        self.sock = sock
        try:
            app = make_datasette(db).app()
        except ServeError as exc:
            raise DemoError(str(exc)) from exc
        config = uvicorn.Config(
            app,
            log_level="warning",
            lifespan="on",
            timeout_graceful_shutdown=2,
        )
        self.server = uvicorn.Server(config)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="datasette", daemon=True)

    def _run(self) -> None:
        try:
            self.server.run(sockets=[self.sock])
        except BaseException as exc:  # noqa: BLE001 - reported by start()
            self.error = exc

    def start(self, stop: StopFlag) -> None:
        self.thread.start()
        deadline = time.monotonic() + SERVER_START_LIMIT_S
        while not self.server.started:
            if stop.is_set():
                raise Stopped
            if not self.thread.is_alive() or time.monotonic() > deadline:
                reason = f": {self.error}" if self.error else ""
                raise DemoError(f"Datasette did not start{reason}")
            stop.wait(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(SERVER_STOP_LIMIT_S)
        if self.thread.is_alive():
            self.server.force_exit = True
            self.thread.join(SERVER_STOP_LIMIT_S)
        self.sock.close()


# --- the whole demo ---------------------------------------------------------------------------


def _start_samples() -> SampleServer:
    from bereikbaar.samples.server import SampleServer

    server = SampleServer()
    try:
        server.start()
    except OSError as exc:
        raise DemoError(
            f"cannot serve the sample shops on loopback addresses 127.0.x.y ({exc}); "
            "this needs the whole 127.0.0.0/8 range on the loopback interface, as Linux has"
        ) from exc
    return server


def _prepare(out: Path) -> DemoFiles:
    files = DemoFiles.under(out)
    try:
        files.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DemoError(f"cannot create the output folder {files.out}: {exc.strerror or exc}") from exc
    _remove_old_database(files.db)
    return files


def _print_urls(root: str, files: DemoFiles) -> None:
    width = max(len(label) for label, _ in DATASETTE_LINKS)
    _say()
    _say("Open in your browser:")
    for label, path in DATASETTE_LINKS:
        _say(f"  {label:<{width}}  {root}{path}")
    _say(f"  {'Report':<{width}}  {files.html_report.as_uri()}")
    _say()
    _say("Press Ctrl-C to stop.")


def _open(url: str) -> None:
    import webbrowser

    with suppress(Exception):  # a missing browser is not an error of the demo
        webbrowser.open(url, new=2)


def run_demo(options: DemoOptions) -> int:
    """Run the demo until it is stopped (or, without serving, until the reports exist); exit code."""
    stop = StopFlag()
    with stop.installed():
        try:
            return _run(options, stop)
        except Stopped:
            _say("\nStopped.")
            return 0


def _run(options: DemoOptions, stop: StopFlag) -> int:
    sock = bind_socket(options.host, options.port) if options.serve else None
    datasette: DatasetteThread | None = None
    try:
        files = _prepare(options.out)
        server = _start_samples()
        try:
            _say(f"Crawling {len(server.shops)} sample shops served on loopback (no internet needed) ...")
            server.write_shop_list(files.shop_list)
            summary = crawl(server, files, stop)
        finally:
            server.stop()
        _say(summary)
        headline = write_reports(files)
        _say()
        for sentence in dict.fromkeys(headline[:3] + headline[-1:]):
            _say(click.wrap_text(sentence, width=100, subsequent_indent="  ", initial_indent="• "))
        _say()
        _say(
            f"Files in {files.out}{os.sep}: {DB_NAME}, {HTML_REPORT_NAME}, {MD_REPORT_NAME}, {SHOP_LIST_NAME}"
        )
        if stop.is_set():
            raise Stopped
        if sock is None:
            if options.open_browser:
                _open(files.html_report.as_uri())
            return 0
        datasette = DatasetteThread(files.db, sock)
        datasette.start(stop)
        root = base_url(options.host, sock.getsockname()[1])
        _print_urls(root, files)
        if options.open_browser:
            _open(root + DATASETTE_LINKS[0][1])
        while not stop.wait(0.5):
            if not datasette.thread.is_alive():
                raise DemoError(
                    f"Datasette stopped unexpectedly{f': {datasette.error}' if datasette.error else ''}"
                )
        raise Stopped
    finally:
        if datasette is not None:
            datasette.stop()
        elif sock is not None:
            sock.close()
