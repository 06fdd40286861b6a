"""Loopback HTTP plumbing shared by the sample universe and the synthetic benchmark universe.

A `LoopbackCluster` binds one threaded HTTP server per loopback address (127.0.x.y), all on the
same port, and hands every request to `route()`, which subclasses implement. It counts requests
per host, can add a fixed delay to every request, and knows which host name maps to which
address (`resolve_map`), so a crawler can be pointed at real-looking names without DNS.
"""

from __future__ import annotations

import csv
import errno
import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# First address used inside the prefix: 127.0.10.10 upwards, clear of 127.0.0.1 and 127.0.1.1.
FIRST_OCTET = 10
HOSTS_PER_OCTET = 240
BIND_ATTEMPTS = 20


@dataclass(slots=True)
class Response:
    """What `route()` returns: a status, headers and either a body or a chunk generator."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    stream: Callable[[], Iterable[bytes]] | None = None  # used instead of body when set
    length: int | None = None  # Content-Length of a stream


@dataclass(slots=True)
class ShopEntry:
    """One shop as the servers expose it (`server.shops`)."""

    id: str
    name: str
    host: str
    url: str
    ip: str
    category: str = ""
    country: str = ""
    rank: int | None = None
    expected: dict[str, Any] = field(default_factory=dict)
    platform: str = ""
    behaviour: list[str] = field(default_factory=list)
    tests: str = ""
    extra_hosts: list[str] = field(default_factory=list)

    def __getitem__(self, key: str) -> Any:  # lets callers treat an entry like a dict
        return getattr(self, key)


def loopback_address(prefix: str, index: int) -> str:
    """The index-th address of the cluster, e.g. 127.0.10.10 for index 0."""
    third, fourth = divmod(index, HOSTS_PER_OCTET)
    address = f"{prefix}{FIRST_OCTET + third}.{FIRST_OCTET + fourth}"
    if not ipaddress.ip_address(address).is_loopback:
        raise ValueError(f"{address} is not a loopback address; the ip_prefix must start with 127.")
    return address


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    cluster: LoopbackCluster

    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup (getfqdn) that can stall offline.
        socket.socket.bind(self.socket, self.server_address)
        self.server_address = self.socket.getsockname()[:2]
        self.server_name, self.server_port = self.server_address


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 15  # idle keep-alive connections close by themselves
    server: _QuietServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        return

    def version_string(self) -> str:
        return getattr(self, "_server_header", "") or "nginx"

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self._answer(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(head=True)

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 1_000_000))
        self._answer(head=False, method="POST")

    def _answer(self, *, head: bool, method: str | None = None) -> None:
        cluster = self.server.cluster
        local_ip = self.server.server_address[0]
        host = (self.headers.get("Host") or "").strip().lower()
        if host.startswith("["):
            host = host.split("]")[0] + "]"
        else:
            host = host.split(":")[0]
        host = host.rstrip(".")
        if not host or host not in cluster.resolve_map:
            host = cluster.host_for_ip(local_ip)
        cluster.count(host)
        if cluster.delay > 0:
            time.sleep(cluster.delay)
        parts = urlsplit(self.path)
        try:
            response = cluster.route(
                host, parts.path or "/", parts.query, method or ("HEAD" if head else "GET")
            )
        except Exception as exc:  # a bug in a route must still answer, not hang the client
            response = Response(500, {"Content-Type": "text/plain; charset=utf-8"}, f"{exc}\n".encode())
        self._send(response, head=head)

    def _send(self, response: Response, *, head: bool) -> None:
        length = response.length if response.stream is not None else len(response.body)
        headers = dict(response.headers)
        self._server_header = headers.pop("Server", "")
        self.send_response(response.status)
        for name, value in headers.items():
            self.send_header(name, value)
        if length is not None:
            self.send_header("Content-Length", str(length))
        else:
            self.close_connection = True
        self.end_headers()
        if head:
            return
        try:
            if response.stream is not None:
                for chunk in response.stream():
                    self.wfile.write(chunk)
            else:
                self.wfile.write(response.body)
        except (BrokenPipeError, ConnectionResetError, TimeoutError, OSError):
            self.close_connection = True


class LoopbackCluster:
    """Serves a set of host names on loopback addresses sharing one port; see module docstring."""

    def __init__(self, *, port: int = 0, delay: float = 0.0, ip_prefix: str = "127.0.") -> None:
        self.port = port
        self.delay = delay
        self.ip_prefix = ip_prefix
        self.resolve_map: dict[str, str] = {}  # every host name -> its loopback address
        self.request_counts: dict[str, int] = {}
        self.shops: list[ShopEntry] = []
        self._ip_hosts: dict[str, str] = {}  # address -> the first host given it
        self._silent_ips: set[str] = set()  # addresses where nothing listens (refused connections)
        self._lock = threading.Lock()
        self._servers: list[_QuietServer] = []
        self._threads: list[threading.Thread] = []

    # --- to be provided by subclasses -------------------------------------------------------
    def route(self, host: str, path: str, query: str, method: str) -> Response:
        raise NotImplementedError

    # --- address book ---------------------------------------------------------------------
    def assign(self, host: str, ip: str, *, listen: bool = True) -> str:
        self.resolve_map[host] = ip
        self._ip_hosts.setdefault(ip, host)
        if not listen:
            self._silent_ips.add(ip)
        return ip

    def host_for_ip(self, ip: str) -> str:
        return self._ip_hosts.get(ip, "")

    def count(self, host: str) -> None:
        with self._lock:
            self.request_counts[host] = self.request_counts.get(host, 0) + 1

    def reset_counts(self) -> None:
        with self._lock:
            self.request_counts.clear()

    def url_for(self, host: str, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"

    # --- life cycle -------------------------------------------------------------------------
    def start(self) -> LoopbackCluster:
        if self._servers:
            return self
        ips = [ip for ip in dict.fromkeys(self.resolve_map.values()) if ip not in self._silent_ips]
        wanted = self.port
        last_error: OSError | None = None
        for _ in range(BIND_ATTEMPTS):
            try:
                self._bind_all(ips, wanted)
                break
            except OSError as exc:
                self._close_all()
                last_error = exc
                if wanted != 0 or exc.errno not in (errno.EADDRINUSE, errno.EACCES):
                    raise OSError(
                        exc.errno, f"cannot bind the sample servers on port {wanted}: {exc}"
                    ) from exc
        else:
            raise OSError(f"could not find one free port on all {len(ips)} loopback addresses: {last_error}")
        for server in self._servers:
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
            thread.start()
            self._threads.append(thread)
        self._after_start()
        return self

    def _bind_all(self, ips: list[str], port: int) -> None:
        for ip in ips:
            server = _QuietServer((ip, port), _Handler)
            server.cluster = self
            self._servers.append(server)
            port = server.server_address[1]
        self.port = port

    def _after_start(self) -> None:
        """Hook: subclasses fill URLs once the port is known."""

    def _close_all(self) -> None:
        for server in self._servers:
            server.server_close()
        self._servers.clear()

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
        for thread in self._threads:
            thread.join(timeout=5)
        self._close_all()
        self._threads.clear()

    def __enter__(self) -> LoopbackCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- shop lists -------------------------------------------------------------------------
    def write_shop_list(self, path: str | Path, fmt: str = "csv") -> Path:
        """Write the shops as a crawl list: CSV (url,name,rank,category,country) or plain URLs."""
        path = Path(path)
        if fmt == "csv":
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(["url", "name", "rank", "category", "country"])
                for shop in self.shops:
                    writer.writerow([shop.url, shop.name, shop.rank or "", shop.category, shop.country])
        elif fmt == "txt":
            lines = ["# sample shops served on loopback by bereikbaar.samples"]
            lines += [shop.url for shop in self.shops]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            raise ValueError(f"unknown shop-list format {fmt!r}; use 'csv' or 'txt'")
        return path
