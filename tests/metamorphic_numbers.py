"""Phone numbers for the metamorphic tests: a fresh valid number of the same region, type and
shape for each number on a page, and every written form of the old number rewritten to it."""

from __future__ import annotations

import random
import re

import phonenumbers

PHONE_RUN = re.compile(
    r"(?<![\w])\+?(?:\d|\(\d)(?:(?:[ \t\-./()\u00a0\u2011\u2013]|&nbsp;|&#160;|%20|%2B)*\d)+", re.I
)
_SAME_TYPE_PREFIX = {
    phonenumbers.PhoneNumberType.FIXED_LINE: 1,
    phonenumbers.PhoneNumberType.MOBILE: 1,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: 1,
}


def fresh_number(e164: str, rng: random.Random, avoid: str) -> str | None:
    """Another valid number of the same region, type, length and area-code length, or None."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    nsn = phonenumbers.national_significant_number(number)
    region = phonenumbers.region_code_for_number(number)
    ntype = phonenumbers.number_type(number)
    area = phonenumbers.length_of_geographical_area_code(number)
    keep = _SAME_TYPE_PREFIX.get(ntype, min(3, len(nsn) - 4))
    for _attempt in range(400):
        digits = nsn[:keep] + "".join(rng.choice("0123456789") for _ in range(len(nsn) - keep))
        if digits == nsn or digits in avoid or re.search(r"(\d)\1\1\1", digits):
            continue
        candidate = phonenumbers.parse("+" + str(number.country_code) + digits, None)
        if (
            phonenumbers.is_valid_number(candidate)
            and phonenumbers.region_code_for_number(candidate) == region
            and phonenumbers.number_type(candidate) == ntype
            and phonenumbers.length_of_geographical_area_code(candidate) == area
        ):
            return phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.E164)
    return None


def is_placeholder(e164: str) -> bool:
    """Numbers such as 0180 - 000000 are template leftovers, nobody's: they keep their digits."""
    return bool(re.search(r"(\d)\1{4}", e164[3:]))


# Between two numbers written side by side ("030-765 4321 - 06-98765432").
_NUMBER_GAP = re.compile(r"\s[-–/|,]\s|\s{2,}|&nbsp;[-–/]&nbsp;")


def replace_numbers(doc: str, number_map: dict[str, str]) -> str:
    """Rewrite every written form of each mapped number: its national significant number is
    replaced digit by digit, so separators, prefixes and grouping keep their shape. Digits count
    as the number only after nothing, a trunk 0, or the country code (+31, 0031, +31 (0))."""
    nsn_map: dict[str, tuple[str, set[str]]] = {}
    for old, new in number_map.items():
        o, n = phonenumbers.parse(old, None), phonenumbers.parse(new, None)
        cc = str(o.country_code)
        prefixes = {"", "0", cc, cc + "0", "00" + cc, "00" + cc + "0"}
        nsn_map[phonenumbers.national_significant_number(o)] = (
            phonenumbers.national_significant_number(n),
            prefixes,
        )

    def rewrite(m: re.Match) -> str:
        run = m.group(0)
        positions = [i for i, c in enumerate(run) if c.isdigit()]
        digits = "".join(run[i] for i in positions)
        # Where one number may end and the next begin, counted in digits.
        bounds = {0, len(digits)} | {
            sum(c.isdigit() for c in run[: g.start()]) for g in _NUMBER_GAP.finditer(run)
        }
        chars = list(run)
        for old, (new, prefixes) in nsn_map.items():
            start = digits.find(old)
            while start >= 0:
                end = start + len(old)
                ends_number = end in bounds or not run[positions[end - 1] + 1].isdigit()
                if ends_number and any(b <= start and digits[b:start] in prefixes for b in bounds):
                    for k, d in enumerate(new):
                        chars[positions[start + k]] = d
                start = digits.find(old, start + 1)
        return "".join(chars)

    return PHONE_RUN.sub(rewrite, doc)
