"""Pages flooded with number- or address-shaped strings: recognised, capped, never a verdict.

A data dump, a price list of article numbers or a spam page can hold tens of thousands of
strings shaped like phone numbers or e-mail addresses. Read one by one they would cost minutes
and store thousands of "contact details", and their random digits would make a shop
"extra-cost". A page is *flooded* when its visible text holds at least `FLOOD_MIN_COUNT`
distinct such strings, all of them together covering at least `FLOOD_MIN_SHARE` of the text, or
`FLOOD_HARD_COUNT` distinct ones whatever their share (one number repeated in every product
tile is no flood), or when the checks find more than `FLOOD_FINDINGS` values of one channel on it.

Any page with more than `SCAN_LIMIT` candidates of one shape has each block read only up to
its `SCAN_LIMIT`-th one, so analysis time per MB stays bounded whatever the page repeats.
On a flooded page the matchers read only the text up to the `FLOOD_SCAN` th candidate of each
block, at most `FLOOD_CAP` (50) values per channel are kept, each flagged `flood`, and the page
is marked `PageAnalysis.flooded`: its values are shown but set no tier (checks.findability).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from checks.model import PageAnalysis, TextBlock

# A phone-number shape: 8 to 20 characters of digits and the separators numbers are written
# with, starting and ending with a digit.
NUMBER_SHAPE = re.compile(r"\d[\d \-./()]{6,18}\d")
# An address shape: something@something.tld.
ADDRESS_SHAPE = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
SHAPES: dict[str, re.Pattern[str]] = {"phone": NUMBER_SHAPE, "email": ADDRESS_SHAPE}
WARNINGS: dict[str, str] = {"phone": "number_flood", "email": "address_flood"}

# A store locator with a few hundred branches stays below these; a dump of digits does not.
FLOOD_MIN_COUNT = 200
FLOOD_MIN_SHARE = 0.25
FLOOD_HARD_COUNT = 2000
# More distinct values of one channel than this on one page (found in scripts or comments, say)
# also make a flood: a store locator lists a few hundred branches at most.
FLOOD_FINDINGS = 500
# Values kept per channel on a flooded page, and candidates read per block to find them.
FLOOD_CAP = 50
FLOOD_SCAN = 4 * FLOOD_CAP
# Tel:/mailto: links and comments read on a flooded page.
FLOOD_LINKS = 4 * FLOOD_CAP
# Any page with more candidates of one shape than this (one number repeated in hundreds of
# tiles, say) has each block read up to its SCAN_LIMIT-th candidate: time per MB stays bounded.
SCAN_LIMIT = 500
FLOOD_FLAG = "flood"


@dataclass(slots=True)
class Survey:
    """What a page's visible text holds: flooded channels, and how much each matcher may read."""

    floods: set[str] = field(default_factory=set)
    # channel -> candidates read per block; a channel not in here is read in full
    limits: dict[str, int] = field(default_factory=dict)


def survey(text: str) -> Survey:
    """Count number- and address-shaped strings: which channels are flooded, which need a bound."""
    out = Survey()
    size = max(1, len(text))
    for channel, shape in SHAPES.items():
        if channel == "email" and text.count("@") < FLOOD_MIN_COUNT:
            continue
        matches = shape.findall(text)  # one C pass; a page's text is at most a few MB
        total = len(matches)
        if total < FLOOD_MIN_COUNT:
            continue
        count = len(set(matches))
        covered = sum(map(len, matches))
        if count >= FLOOD_HARD_COUNT or (count >= FLOOD_MIN_COUNT and covered / size >= FLOOD_MIN_SHARE):
            out.floods.add(channel)
            out.limits[channel] = FLOOD_SCAN
        elif total > SCAN_LIMIT:
            out.limits[channel] = SCAN_LIMIT
    return out


def floods_in(text: str) -> set[str]:
    """The channels ("phone", "email") whose shapes flood this text."""
    return survey(text).floods


def _head(text: str, shape: re.Pattern[str], limit: int) -> str:
    """The text up to the end of its `limit`-th candidate."""
    for n, match in enumerate(shape.finditer(text), 1):
        if n >= limit:
            return text[: match.end()]
    return text


def sample_blocks(blocks: list[TextBlock], found: Survey) -> dict[str, list[TextBlock]]:
    """Per channel, the blocks its matcher reads: all of them, or their heads when bounded."""
    out = {}
    for channel, shape in SHAPES.items():
        limit = found.limits.get(channel)
        if limit is None:
            out[channel] = blocks
        else:
            out[channel] = [TextBlock(_head(b.text, shape, limit), b.region) for b in blocks]
    return out


def sample_page(page, found: Survey, channel: str):
    """The parsed page as the channel's checks should read it: itself, or cut down when bounded."""
    if channel not in found.limits:
        return page
    blocks = sample_blocks(page.blocks, found)[channel]
    return dataclasses.replace(
        page,
        blocks=blocks,
        tel_links=page.tel_links[:FLOOD_LINKS],
        mailto_links=page.mailto_links[:FLOOD_LINKS],
        comments=page.comments[:FLOOD_LINKS],
        cf_emails=page.cf_emails[:FLOOD_LINKS],
    )


def cap_findings(analysis: PageAnalysis, found: Survey) -> None:
    """Mark a flooded page, keep at most FLOOD_CAP values per channel and flag them."""
    channels = set(found.floods)
    if len(analysis.phones) > FLOOD_FINDINGS:
        channels.add("phone")
    if len(analysis.emails) > FLOOD_FINDINGS:
        channels.add("email")
    if not channels:
        return
    analysis.flooded = True
    for channel in sorted(channels):
        warning = WARNINGS[channel]
        if warning not in analysis.warnings:
            analysis.warnings.append(warning)
    analysis.phones = _capped(analysis.phones)
    analysis.emails = _capped(analysis.emails)


def _capped(findings: list) -> list:
    kept = sorted(findings, key=lambda f: not f.visible)[:FLOOD_CAP]
    for f in kept:
        if FLOOD_FLAG not in f.flags:
            f.flags.append(FLOOD_FLAG)
    return kept


FLOOD_OWNER_REASON = "the page is flooded with number- or address-shaped strings: its values set no tier"


def leave_unowned(analysis: PageAnalysis) -> None:
    """Owner `unknown` for every value of a flooded page, saying why (no attribution is run)."""
    for f in [*analysis.phones, *analysis.emails]:
        f.owner, f.owner_reason, f.third_party = "unknown", FLOOD_OWNER_REASON, False
