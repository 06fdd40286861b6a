"""Reordering and rewording for the metamorphic tests: paragraphs and sentences whose order
carries no meaning are reordered, and contact labels are swapped for equivalent wordings. A unit
holding a contact value, the unit just before it, and the first and last units of a run keep
their places. Seeded: the same page and seed give the same variant."""

from __future__ import annotations

import random
import re

# Equivalent labels and phrases per language; each occurrence may become any other member of
# its group. A label shared by two languages ("Tel.:") is read in the page's main language.
WORDINGS = {
    "nl": (
        ("Telefoon:", "Tel.:", "Telefoonnummer:"),
        ("telefoon:", "tel.:", "telefoonnummer:"),
        ("E-mail:", "Mail:", "E-mailadres:"),
        ("e-mail:", "mail:", "e-mailadres:"),
        ("bel ons op", "u kunt ons bellen op"),
        ("Bel ons op", "U kunt ons bellen op"),
        ("mail ons op", "stuur ons een e-mail op"),
    ),
    "de": (
        ("Telefon:", "Tel.:", "Telefonnummer:"),
        ("E-Mail:", "Mail:", "E-Mail-Adresse:"),
        ("Rufen Sie uns an unter", "Sie erreichen uns telefonisch unter"),
    ),
    "en": (
        ("Phone:", "Tel:", "Telephone:"),
        ("Email:", "E-mail:", "Email address:"),
        ("call us on", "you can call us on", "ring us on"),
    ),
    "fr": (
        ("Téléphone :", "Tél. :", "Tél :"),
        ("Courriel :", "E-mail :", "Adresse e-mail :"),
    ),
}


def _wording_index(doc: str) -> dict[str, tuple[str, ...]]:
    """Each label to its group, groups of the languages used most on the page winning."""
    hits = {lang: sum(doc.count(w) for group in groups for w in group) for lang, groups in WORDINGS.items()}
    index: dict[str, tuple[str, ...]] = {}
    for lang in sorted(WORDINGS, key=lambda x: hits[x]):  # the most used language last: it wins
        for group in WORDINGS[lang]:
            for w in group:
                index[w] = group
    return index


_WORDING_RE = re.compile(
    "|".join(
        re.escape(w)
        for w in sorted({w for gs in WORDINGS.values() for g in gs for w in g}, key=len, reverse=True)
    )
)

_HAS_VALUE = re.compile(r"@|&#64;|\[at\]|\(at\)|\d[\d\s\-./()]{6,}\d")
_PARA_RUN = re.compile(r"(?:<p(?:\s[^>]*)?>(?:(?!<p[\s>]|</p>).)*</p>\s*){3,}", re.S | re.I)
_PARA = re.compile(r"<p(?:\s[^>]*)?>(?:(?!<p[\s>]|</p>).)*</p>\s*", re.S | re.I)


def _shuffle_free(units: list[str], rng: random.Random) -> list[str]:
    """Shuffle units that carry no contact value; a unit with a value and the unit just before
    it (which may introduce it) keep their places, and so do the first and last units (they touch
    the heading above and whatever the run introduces below)."""
    fixed = {0, len(units) - 1}
    for i, u in enumerate(units):
        if _HAS_VALUE.search(u):
            fixed |= {i, i - 1}
    free = [i for i in range(len(units)) if i not in fixed]
    moved = [units[i] for i in free]
    rng.shuffle(moved)
    out = list(units)
    for i, u in zip(free, moved):
        out[i] = u
    return out


# A full stop after these is an abbreviation, not a sentence end ("e. V.", "z. B.", "Str. 5").
_ABBREVIATIONS = frozenset("inkl incl evtl bspw bzw ggf usw etc resp gem str tel abs art vgl ca nr".split())
_SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences with their trailing space; a stop after a short word, an initial or a dotted
    abbreviation ends no sentence."""
    out, start = [], 0
    for m in _SENTENCE_GAP.finditer(paragraph):
        word = paragraph[start : m.start()].rsplit(None, 1)[-1].rstrip(".!?")
        if len(word) <= 2 or "." in word or word.lower() in _ABBREVIATIONS or not word[-1:].isalpha():
            continue
        out.append(paragraph[start : m.end()])
        start = m.end()
    out.append(paragraph[start:])
    return out


def _reorder_sentences(paragraph: str, rng: random.Random) -> str:
    sentences = split_sentences(paragraph)
    if len(sentences) < 3 or not sentences[-1].rstrip().endswith((".", "!", "?")):
        return paragraph
    trailing = sentences[-1][len(sentences[-1].rstrip()) :]
    body = [s.rstrip() + " " for s in sentences]
    return "".join(_shuffle_free(body, rng)).rstrip() + trailing


def _is_heading(block: str) -> bool:
    """A one-line block, short, without closing punctuation: it opens a section."""
    line = block.strip()
    return "\n" not in line and len(line) <= 60 and not line.endswith((".", "!", "?", ";", ","))


def _shuffle_sections(blocks: list[str], rng: random.Random) -> list[str]:
    """Paragraphs (blank-line separated) reordered within their section, headings fixed."""
    out, section = [], []
    for block in [*blocks, None]:
        if block is None or _is_heading(block):
            out += _shuffle_free(section, rng) if len(section) >= 3 else section
            section = []
            if block is not None:
                out.append(block)
        else:
            section.append(block)
    return out


def reshuffle(doc: str, is_html: bool, seed: int = 0) -> str:
    """Reorder order-free paragraphs and sentences, and swap equivalent wordings."""
    rng = random.Random(f"reshuffle:{seed}")
    if is_html:

        def paragraphs(m: re.Match) -> str:
            return "".join(_shuffle_free(_PARA.findall(m.group(0)), rng))

        doc = _PARA_RUN.sub(paragraphs, doc)

        def inner(m: re.Match) -> str:
            return m.group(1) + _reorder_sentences(m.group(2), rng) + m.group(3)

        doc = re.sub(r"(<p(?:\s[^>]*)?>)([^<]+)(</p>)", inner, doc, flags=re.I)
    else:
        blocks = re.split(r"(\n\s*\n)", doc)
        texts, seps = blocks[0::2], blocks[1::2]
        texts = ["\n".join(_reorder_sentences(line, rng) for line in t.split("\n")) for t in texts]
        texts = _shuffle_sections(texts, rng)
        doc = "".join(t + (seps[i] if i < len(seps) else "") for i, t in enumerate(texts))

    index = _wording_index(doc)

    def reword(m: re.Match) -> str:
        return rng.choice(index[m.group(0)])

    if is_html:
        return re.sub(r">([^<]+)<", lambda m: ">" + _WORDING_RE.sub(reword, m.group(1)) + "<", doc)
    return _WORDING_RE.sub(reword, doc)
