"""`bereikbaar extract FILE|- [--url URL] [--json]`: run the checks on one saved page."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

MAX_EXTRACT_BYTES = 20 * 1024 * 1024


def _read_input(source: str) -> bytes:
    if source == "-":
        data = sys.stdin.buffer.read(MAX_EXTRACT_BYTES + 1)
        name = "standard input"
    else:
        path = Path(source)
        if not path.exists():
            raise click.UsageError(f"{source}: no such file")
        if path.is_dir():
            raise click.UsageError(f"{source} is a directory, not a saved page")
        if path.stat().st_size > MAX_EXTRACT_BYTES:
            raise click.UsageError(
                f"{source} is {path.stat().st_size / 1e6:.1f} MB; pages over "
                f"{MAX_EXTRACT_BYTES // (1024 * 1024)} MB are not analysed"
            )
        data = path.read_bytes()
        name = source
    if len(data) > MAX_EXTRACT_BYTES:
        raise click.UsageError(f"{name} is larger than {MAX_EXTRACT_BYTES // (1024 * 1024)} MB; not analysed")
    if not data.strip():
        raise click.UsageError(f"{name} is empty")
    return data


def _print_card(result: dict) -> None:
    echo = click.echo
    echo(
        f"{result['url']}  ({result['content_type']}, page kind: {result['page_kind']}, country {result['country']})"
    )
    if result.get("platform"):
        echo(f"platform: {result['platform']}")
    for label, key in (("Phone numbers", "phones"), ("E-mail addresses", "emails")):
        echo(f"\n{label}:")
        if not result[key]:
            echo("  none")
        for f in result[key]:
            notes = []
            if key == "phones":
                notes.append(f["type"])
                if f.get("is_fax"):
                    notes.append("fax")
            notes += f.get("flags", [])
            if not f["visible"]:
                notes.append("invisible")
            owner = f.get("owner") or ("third_party" if f["third_party"] else "shop")
            echo(f"  {f['value']:<28} {owner:<11} {f['source']:<12} {f['region']:<7} {', '.join(notes)}")
            if f.get("owner_reason"):
                echo(f"      owner: {f['owner_reason']}")
            if f.get("context"):
                echo(f"      “{f['context'][:110]}”")
    chat = result["chat"]
    echo(f"\nChat: {', '.join(chat['vendors']) if chat['present'] else 'none found'}")
    echo(f"Contact form: {'yes' if result['contact_form']['present'] else 'no'}")
    if result["identity"]:
        echo("Identity: " + "; ".join(f"{i['kind']} {i['value']}" for i in result["identity"]))
    top = [link for link in result["links"] if link["score"] >= 50][:8]
    if top:
        echo("\nLinks worth following:")
        for link in top:
            echo(f"  {link['score']:>4}  {link['kind']:<17} {link['text'][:40]:<40} {link['url']}")


@click.command(name="extract")
@click.argument("source", metavar="FILE|-")
@click.option(
    "--url", default=None, help="The URL the page was saved from (sets the country and resolves links)."
)
@click.option("--country", default=None, help="Region for national phone numbers, e.g. NL, BE, DE.")
@click.option("--json", "as_json", is_flag=True, help="Print the extract --json contract.")
def command(source: str, url: str | None, country: str | None, as_json: bool) -> None:
    """Run the checks on one saved page (HTML, plain text or PDF, detected from content).

    Example:

        bereikbaar extract saved/contact.html --url https://www.shop.nl/contact --json
    """
    from checks.analyse import UnsupportedContent, analyse_page
    from checks.pdf import PdfError

    data = _read_input(source)
    if url is None:
        url = "file:///" + str(Path(source).resolve()).lstrip("/") if source != "-" else "file:///stdin"
    try:
        analysis = analyse_page(url, data, country=country)
    except (UnsupportedContent, PdfError) as exc:
        raise click.UsageError(f"{source}: {exc}") from exc
    result = analysis.to_extract_json()
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print_card(result)
