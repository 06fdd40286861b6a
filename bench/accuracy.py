"""Scoring the checks against the real-page corpus (tests/realpages, see its README).

Importable by `bench/bench_accuracy.py` (prints the figures) and `tests/test_realpages.py`
(keeps a floor). A value is *credited* when the checks return it visible, owned by the shop and
not a fax. Per channel (phone, e-mail):

- precision = credited values the truth lists as the shop's / credited values, values the truth
  calls `unknown` left out of both;
- recall = the truth's shop values (faxes left out) that are credited / the truth's shop values;
- third-party credited = the truth's third-party values credited to the shop (target: zero).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REALPAGES = Path(__file__).resolve().parent.parent / "tests" / "realpages"
PAGE_SUFFIXES = (".html", ".txt")
CHANNELS = ("phone", "email")
TRUTH_KEY = {"phone": "phones", "email": "emails"}


@dataclass(slots=True)
class CorpusPage:
    id: str  # "<country folder>/<stem>", e.g. "nl/coolblue-klantenservice"
    truth_path: Path
    page_path: Path | None  # None when neither .html nor .txt exists (the truth test reports it)
    truth: dict[str, Any]

    @property
    def country(self) -> str:
        return str(self.truth.get("country") or self.id.split("/", 1)[0].upper())

    @property
    def page_kind(self) -> str:
        return str(self.truth.get("page_kind") or "?")

    def body(self) -> bytes:
        assert self.page_path is not None, f"{self.id}: no page file beside the truth"
        return self.page_path.read_bytes()


def truth_files(root: Path = REALPAGES) -> list[Path]:
    return sorted(root.glob("*/*.truth.json"))


def page_for(truth_path: Path) -> Path | None:
    stem = truth_path.name.removesuffix(".truth.json")
    for suffix in PAGE_SUFFIXES:
        candidate = truth_path.with_name(stem + suffix)
        if candidate.exists():
            return candidate
    return None


def load_page(truth_path: Path) -> CorpusPage:
    page_id = f"{truth_path.parent.name}/{truth_path.name.removesuffix('.truth.json')}"
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    return CorpusPage(page_id, truth_path, page_for(truth_path), truth)


def load_corpus(root: Path = REALPAGES, only: str | None = None) -> list[CorpusPage]:
    """Every usable page with a truth file (optionally only ids containing `only`). Truth files
    that are not valid JSON objects with a `url` are left out: tests/test_realpages.py names them."""
    pages = []
    for path in truth_files(root):
        try:
            page = load_page(path)
        except ValueError:
            continue
        usable = isinstance(page.truth, dict) and isinstance(page.truth.get("url"), str)
        if usable and (not only or only in page.id):
            pages.append(page)
    return pages


def normalise(channel: str, value: str) -> str:
    return value.strip().lower() if channel == "email" else value.strip()


# --- who the engine says a value belongs to ------------------------------------------------


def engine_view(analysis: Any) -> dict[str, dict[str, Any]]:
    """Per channel, value -> the engine's best finding for it and the owner it gives."""
    out: dict[str, dict[str, Any]] = {}
    for channel, items in (("phone", analysis.phones), ("email", analysis.emails)):
        by_value: dict[str, Any] = {}
        for f in items:
            value = normalise(channel, f.value)
            cur = by_value.get(value)
            owner = f.owner
            credited = is_credited(f, owner)
            if cur is None or (credited, f.visible) > (cur["credited"], cur["finding"].visible):
                by_value[value] = {"finding": f, "owner": owner, "credited": credited}
        out[channel] = by_value
    return out


def is_credited(finding: Any, owner: str) -> bool:
    return bool(finding.visible) and owner == "shop" and not getattr(finding, "is_fax", False)


def describe(entry: dict[str, Any] | None) -> str:
    """What the engine said about a value, in a few words."""
    if entry is None:
        return "not found"
    f = entry["finding"]
    bits = [f"owner {entry['owner']}"]
    if not f.visible:
        bits.append(f"invisible ({f.source})")
    if getattr(f, "is_fax", False):
        bits.append("fax")
    return ", ".join(bits)


# --- one page --------------------------------------------------------------------------------


@dataclass(slots=True)
class Error:
    page: str
    channel: str
    value: str
    kind: str  # false_positive | third_party_credited | missed | fax_credited
    expected: str
    engine: str
    owner_reason: str = ""
    context: str = ""


@dataclass(slots=True)
class Counts:
    tp: int = 0  # credited and the truth's shop value (precision numerator)
    fp: int = 0  # credited and not the truth's shop value
    fn: int = 0  # the truth's shop value (not a fax) not credited
    recalled: int = 0  # the truth's shop value (not a fax) credited (recall numerator)
    third_party_credited: int = 0
    fax_credited: int = 0  # a truth fax credited as a phone (counted in tp as the README says)

    def add(self, other: Counts) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / (self.recalled + self.fn) if self.recalled + self.fn else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "third_party_credited": self.third_party_credited,
            "fax_credited": self.fax_credited,
        }


@dataclass(slots=True)
class PageScore:
    page: CorpusPage
    counts: dict[str, Counts]
    errors: list[Error] = field(default_factory=list)


def score_page(page: CorpusPage, analysis: Any) -> PageScore:
    """Compare the engine's analysis of one page with its truth."""
    view = engine_view(analysis)
    score = PageScore(page, {c: Counts() for c in CHANNELS})
    for channel in CHANNELS:
        counts, engine = score.counts[channel], view[channel]
        truth = {normalise(channel, t["value"]): t for t in page.truth.get(TRUTH_KEY[channel], [])}
        for value, entry in sorted(engine.items()):
            if not entry["credited"]:
                continue
            t = truth.get(value)
            owner = t.get("owner") if t else None
            if owner == "unknown":
                continue
            if owner == "shop":
                counts.tp += 1
                if t.get("fax"):
                    counts.fax_credited += 1
                    score.errors.append(_error(page, channel, value, "fax_credited", "shop fax", entry))
                continue
            counts.fp += 1
            if owner == "third_party":
                counts.third_party_credited += 1
                expected = f"third party ({t.get('who', '?')})"
                score.errors.append(_error(page, channel, value, "third_party_credited", expected, entry))
            else:
                expected = "not a contact detail of anyone on the page"
                score.errors.append(_error(page, channel, value, "false_positive", expected, entry))
        for value, t in sorted(truth.items()):
            if t.get("owner") != "shop" or t.get("fax"):
                continue
            entry = engine.get(value)
            if entry is not None and entry["credited"]:
                counts.recalled += 1
            else:
                counts.fn += 1
                score.errors.append(_error(page, channel, value, "missed", "shop", entry))
    return score


def _error(page: CorpusPage, channel: str, value: str, kind: str, expected: str, entry: Any) -> Error:
    f = entry["finding"] if entry else None
    return Error(
        page.id,
        channel,
        value,
        kind,
        expected,
        describe(entry),
        getattr(f, "owner_reason", "") if f else "",
        " ".join((getattr(f, "context", "") or "").split())[:160] if f else "",
    )


# --- the corpus ------------------------------------------------------------------------------


@dataclass(slots=True)
class CorpusScore:
    pages: list[PageScore]

    def totals(self, pages: Iterable[PageScore] | None = None) -> dict[str, Counts]:
        out = {c: Counts() for c in CHANNELS}
        for ps in self.pages if pages is None else pages:
            for c in CHANNELS:
                out[c].add(ps.counts[c])
        return out

    def breakdown(self, key: str) -> dict[str, dict[str, Counts]]:
        """Totals per `country` or per `page_kind`."""
        groups: dict[str, list[PageScore]] = defaultdict(list)
        for ps in self.pages:
            groups[getattr(ps.page, key)].append(ps)
        return {g: self.totals(items) for g, items in sorted(groups.items())}

    @property
    def errors(self) -> list[Error]:
        return [e for ps in self.pages for e in ps.errors]

    def as_dict(self) -> dict[str, Any]:
        def counts(d: dict[str, Counts]) -> dict[str, Any]:
            return {c: v.as_dict() for c, v in d.items()}

        return {
            "pages": len(self.pages),
            "totals": counts(self.totals()),
            "by_country": {g: counts(v) for g, v in self.breakdown("country").items()},
            "by_page_kind": {g: counts(v) for g, v in self.breakdown("page_kind").items()},
            "errors": [asdict(e) for e in self.errors],
        }


def analyse(page: CorpusPage) -> Any:
    from checks import analyse_page

    return analyse_page(page.truth["url"], page.body())


def score_corpus(pages: list[CorpusPage]) -> CorpusScore:
    return CorpusScore([score_page(p, analyse(p)) for p in pages if p.page_path is not None])
