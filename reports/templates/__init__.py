"""Renderers for the static report: self-contained HTML (inline CSS and SVG) and Markdown."""

from __future__ import annotations

from reports.report import ReportData

FORMATS = ("html", "md")


def render(data: ReportData, fmt: str = "html") -> str:
    """The report for `data` as text in the given format ('html' or 'md')."""
    if fmt == "html":
        from reports.templates.html_report import render_html

        return render_html(data)
    if fmt == "md":
        from reports.templates.md_report import render_markdown

        return render_markdown(data)
    raise ValueError(f"Unknown report format {fmt!r}; use one of {', '.join(FORMATS)}.")
