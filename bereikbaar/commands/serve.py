"""`bereikbaar serve DB [--port N] [--host H]`: browse a crawl database in Datasette."""

from __future__ import annotations

import socket

import click


class _UsageProblem(click.ClickException):
    """One sentence on stderr and exit code 2, like the project's other usage errors."""

    exit_code = 2


def _check_port(host: str, port: int) -> None:
    """Fail with one sentence now rather than with a uvicorn traceback later."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise _UsageProblem(f"cannot listen on {host}: {exc.strerror}") from exc
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            raise _UsageProblem(f"cannot listen on {host}:{port}: {exc.strerror}") from exc


@click.command(name="serve")
@click.argument("db", type=click.Path(dir_okay=True, path_type=str))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8001, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
def command(db: str, host: str, port: int) -> None:
    """Browse a crawl database in Datasette: tables with descriptions, facets, full-text search,
    canned questions and a dashboard with charts. The database is opened read-only, so it can be
    served while a crawl is still writing to it. Listens on 127.0.0.1 unless --host says otherwise.

    Example:

        bereikbaar serve results.db --port 8001
    """
    from reports.serve import DATABASE_NAME, ServeError, check_database, serve

    try:
        check_database(db)
    except ServeError as exc:
        raise _UsageProblem(str(exc)) from exc
    _check_port(host, port)
    base = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    click.echo(f"Serving {db} at {base}/{DATABASE_NAME} (dashboard: {base}/-/dashboards/overview)")
    click.echo("Press Ctrl-C to stop.")
    serve(db, host=host, port=port)
