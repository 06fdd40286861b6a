"""The `bereikbaar` command: a thin layer over checks/, crawler/ and reports/.

Subcommands live in bereikbaar/commands/<name>.py, each exposing a click command called
`command`. They are imported only when used, so `bereikbaar extract` never loads Scrapy.
"""

from __future__ import annotations

import importlib

import click

from bereikbaar import __version__

# name -> (module, one-line help shown in `bereikbaar --help`)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "check": ("bereikbaar.commands.check", "Crawl one shop and print its report card (exit code for CI)."),
    "crawl": ("bereikbaar.commands.crawl", "Crawl a list of shops into a SQLite database."),
    "extract": ("bereikbaar.commands.extract", "Run the checks on one saved page (HTML, text or PDF)."),
    "report": ("bereikbaar.commands.report", "Write an HTML or Markdown report from a crawl database."),
    "serve": ("bereikbaar.commands.serve", "Browse a crawl database in Datasette."),
    "demo": ("bereikbaar.commands.demo", "Crawl bundled sample shops offline, write a report, serve it."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in SUBCOMMANDS:
            return None
        module = importlib.import_module(SUBCOMMANDS[name][0])
        return module.command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SUBCOMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bereikbaar")
def main() -> None:
    """Measure whether webshops publish their phone number and e-mail address
    where customers can find them (EU Omnibus Directive, art. 6:230m BW)."""


if __name__ == "__main__":  # pragma: no cover
    main()
