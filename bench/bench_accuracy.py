"""Accuracy of the checks on the real-page corpus (tests/realpages): precision and recall per
channel, third-party values credited to the shop, breakdowns per country and page kind, and the
list of errors. The scoring lives in bench/accuracy.py (shared with tests/test_realpages.py).

    .venv/bin/python bench/bench_accuracy.py [--only ID-SUBSTRING] [--errors N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.accuracy import CHANNELS, Counts, load_corpus, score_corpus  # noqa: E402


def _row(label: str, counts: dict[str, Counts]) -> str:
    cells = []
    for c in CHANNELS:
        k = counts[c]
        cells.append(
            f"{k.precision:6.3f} {k.recall:6.3f} {k.tp:4d} {k.fp:4d} {k.fn:4d} {k.third_party_credited:4d}"
        )
    return f"{label:<26} " + "   ".join(cells)


def _header() -> str:
    one = f"{'prec':>6} {'recall':>6} {'tp':>4} {'fp':>4} {'fn':>4} {'3rd':>4}"
    return f"{'':<26} {'phone':^{len(one)}}   {'e-mail':^{len(one)}}\n{'':<26} {one}   {one}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="only pages whose id (country/stem) contains this")
    parser.add_argument("--errors", type=int, default=50, help="list at most N errors (default 50)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    pages = load_corpus(only=args.only)
    missing = [p.id for p in pages if p.page_path is None]
    started = time.perf_counter()
    result = score_corpus(pages)
    elapsed = time.perf_counter() - started
    if args.json:
        out = result.as_dict()
        out["errors"] = out["errors"][: max(args.errors, 0)]
        out["pages_without_file"] = missing
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0

    print(f"{len(result.pages)} pages analysed in {elapsed:.1f} s", end="")
    print(f"; {len(missing)} truth files without a page: {', '.join(missing)}" if missing else "")
    print("(tp/fp: credited values right/wrong; fn: the shop's values missed; 3rd: third-party credited)")
    print()
    print(_header())
    print(_row("all", result.totals()))
    for key, title in (("country", "per country"), ("page_kind", "per page kind")):
        print(f"\n{title}")
        for group, counts in result.breakdown(key).items():
            n = sum(1 for ps in result.pages if getattr(ps.page, key) == group)
            print(_row(f"  {group} ({n})", counts))
    totals = result.totals()
    fax = sum(totals[c].fax_credited for c in CHANNELS)
    if fax:
        print(f"\nfaxes credited as phones (counted as right for precision, as the README says): {fax}")
    errors = result.errors
    print(f"\n{len(errors)} errors" + (f" (first {args.errors})" if len(errors) > args.errors else ""))
    for e in errors[: max(args.errors, 0)]:
        print(f"- {e.page} {e.channel} {e.value}: {e.kind}; expected {e.expected}; engine: {e.engine}")
        if e.owner_reason:
            print(f"    reason: {e.owner_reason}")
        if e.context:
            print(f"    context: {e.context}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
