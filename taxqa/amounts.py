"""Korean won amounts: the one parser and formatter the whole project uses.

Accepted input: plain integers (``1500000``), grouped digits (``1,500,000``),
and Korean notation with 조/억/만/천/백 units (``20억``, ``5천만원``,
``1억 400만원``, ``3억5천만원``, ``2.5억``, ``12억 3,456만 7,890원``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from taxqa.errors import UserError

BIG_UNITS = {"조": 10**12, "억": 10**8, "만": 10**4}
SMALL_UNITS = {"천": 1000, "백": 100, "십": 10}
# The unit a bare 천/백/십 carries after a big unit, as spoken: 20억5천 = 20억 5천만, 1조3천 = 1조 3천억.
SPOKEN_NEXT_UNIT = {"조": "억", "억": "만"}
MAX_WON = 10**18  # 100경원: far above any tax base; bounds the work on absurd input
MAX_CHARS = 80
# letters after a number that make it a count, a date or a rate, not won ("2025년", "3명")
COUNTERS = ("%", "조", "년", "월", "호", "항", "세", "명", "개", "배")
# more such letters, taken only after a bare number beside an amount ("12억 2주택자", "5억 3채"): alone they are also
# particles and verbs ("4천인데", "8천 주고")
BARE_COUNTERS = ("주", "채", "층", "평", "동", "차", "번", "회", "살", "달", "대", "인", "곳")

# ASCII digits only ([0-9], not \d: Arabic-Indic or full-width digits are refused). Digits are grouped
# by commas or by spaces in threes (1,500,000 or 1 500 000), or not at all; a group is never followed
# by another digit (1,0000 and 1,2345 are refused, not misread).
_SEP = "[ \u00a0\u202f]"
_NUM = rf"(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]{{1,3}}(?:{_SEP}[0-9]{{3}})+|[0-9]+)(?:\.[0-9]+)?(?![0-9]|[,.][0-9])"
# A part is a number with an optional small and an optional big unit. Only the last part may be a bare
# number: "5 3" (two numbers side by side) is not an amount.
# "8,900 조금 안 되고요": the 조 of 조금 (a little) is no unit
_BIG = "(?:조(?!금)|[억만])"
_UNIT_PART = rf"{_NUM}\s*(?:[천백십]\s*{_BIG}?|{_BIG})"
_LAST_PART = rf"{_NUM}\s*[천백십]?\s*{_BIG}?"
# parts of one amount stay on one line: "필요경비 1,200만\n\n12억 넘는 부분" is two amounts
_AMOUNT_RE = re.compile(rf"(?<![0-9.,])(?:{_UNIT_PART}[^\S\n]*)*{_LAST_PART}(?:\s*원)?")
_TOKEN_RE = re.compile(rf"({_NUM})\s*([천백십]?)\s*([조억만]?)")
_EXPECTED = "expected digits with optional 조/억/만/천 units, e.g. 20억, 5천만원, 1억 400만원, 1,500,000"


class AmountError(UserError, ValueError):
    """An amount that cannot be read as a whole number of won."""


def _number(text: str, whole: str) -> Decimal:
    try:
        return Decimal(re.sub(rf",|{_SEP}", "", text))
    except InvalidOperation as exc:  # pragma: no cover - regex guarantees digits
        raise AmountError(f"not a number: {text!r} in {whole!r}") from exc


def _value_of(text: str, whole: str) -> int:
    """Value of a string already known to match the amount grammar."""
    total = Decimal(0)
    pending = Decimal(0)  # digits below the current big unit (e.g. "3,456" in "3,456만")
    pending_small = False  # the pending digits carry a 천/백/십 unit
    last_big = None
    place = None  # the smallest 천/백/십 place written so far below the current big unit
    for m in _TOKEN_RE.finditer(text):
        num, small, big = m.groups()
        value = _number(num, whole) * (SMALL_UNITS[small] if small else 1)
        if place is not None and value >= place:
            # "1억 5천 10000", "5천 3000", "3백5천": a part not below the place written before it
            raise AmountError(f"cannot read {whole!r} as a won amount: {m.group(0).strip()!r} is larger than its place")
        if small:
            place = SMALL_UNITS[small]
        if big:
            unit = BIG_UNITS[big]
            if last_big is not None and unit >= last_big:
                raise AmountError(f"units out of order in {whole!r}: {big} after a larger or equal unit")
            if last_big is not None and (pending + value) * unit >= last_big:  # "3억 20000만", "1억 12000만"
                raise AmountError(
                    f"cannot read {whole!r} as a won amount: the part before {big} is not below the unit before it"
                )
            last_big = unit
            total += (pending + value) * unit
            pending = Decimal(0)
            pending_small = False
            place = None
        else:
            pending += value
            pending_small = pending_small or bool(small)
    # "2억 5000", "3억 4,500": spoken for 2억 5000만, never 2억 5천 원
    bare_tail = re.search(r"[억]\s*([0-9]{2,4}|[0-9],[0-9]{3})\s*$", text)
    if pending_small and last_big is not None or bare_tail and last_big == BIG_UNITS["억"] and not pending_small:
        big_name = next(k for k, v in BIG_UNITS.items() if v == last_big)
        if big_name in SPOKEN_NEXT_UNIT:
            pending *= BIG_UNITS[SPOKEN_NEXT_UNIT[big_name]]
    if last_big is not None and pending >= last_big:  # "2만 10000원": the won part is not below 만
        raise AmountError(f"cannot read {whole!r} as a won amount: the last part is not below the unit before it")
    total += pending
    if total != total.to_integral_value():
        raise AmountError(f"{whole!r} is not a whole number of won")
    if total > MAX_WON:
        raise AmountError(f"{whole!r} is too large (at most {MAX_WON:,} won)")
    return int(total)


def parse_won(text: str | int) -> int:
    """Parse a won amount; raise AmountError naming the input when it is not one.

    Digit groups separated by spaces are one number (``20 000 000``); a bare 천/백/십 after 억 or 조
    follows the spoken convention (``20억5천`` is 20억 5천만원, ``1조2천`` is 1조 2천억원).
    """
    if isinstance(text, bool):
        raise AmountError(f"not an amount: {text!r}")
    if isinstance(text, int):
        if text < 0:
            raise AmountError(f"negative amount: {text}")
        if text > MAX_WON:
            digits = int(text.bit_length() * 0.30103) + 1
            raise AmountError(f"amount too large: about {digits} digits (at most {MAX_WON:,} won)")
        return text
    raw = str(text)
    s = raw.strip()
    shown = raw if len(raw) <= MAX_CHARS else raw[:MAX_CHARS] + "…"
    if not s:
        raise AmountError("empty amount: expected e.g. 1,500,000 or 20억 or 5천만원")
    if len(s) > MAX_CHARS:
        raise AmountError(f"amount too long ({len(s)} characters): {shown!r}; {_EXPECTED}")
    if s.startswith("-") or s.startswith("−"):
        raise AmountError(f"negative amount: {raw!r} (amounts must be >= 0)")
    if re.search(r"\d", re.sub(r"[0-9]", "", s)):
        raise AmountError(f"cannot read {raw!r} as a won amount: digits must be ASCII 0-9")
    if not _AMOUNT_RE.fullmatch(s):
        if re.search(r"[0-9],(?:[0-9]{1,2}(?![0-9])|[0-9]{4})", s):
            raise AmountError(f"cannot read {raw!r} as a won amount: commas must group digits in threes (1,500,000)")
        if re.search(r"[0-9]\s+[0-9]", s):
            raise AmountError(
                f"cannot read {raw!r} as a won amount: numbers side by side; group digits in threes (20 000 000) "
                "or add a unit (1억 400만원)"
            )
        raise AmountError(f"cannot read {raw!r} as a won amount: {_EXPECTED}")
    return _value_of(s, raw)


def format_won(amount: int) -> str:
    """620_000_000 -> '6억 2,000만원'; 12_345_678_901 -> '123억 4,567만 8,901원'."""
    amount = int(amount)
    if amount < 0:
        return "-" + format_won(-amount)
    if amount == 0:
        return "0원"
    parts = []
    rest = amount
    for unit, size in BIG_UNITS.items():
        q, rest = divmod(rest, size)
        if q:
            parts.append(f"{q:,}{unit}")
    if rest:
        parts.append(f"{rest:,}")
    return " ".join(parts) + "원"


@dataclass(frozen=True)
class AmountMention:
    start: int
    end: int
    text: str
    value: int


def iter_amounts(text: str) -> Iterator[AmountMention]:
    """Every won amount written in a text, in order (bare numbers need 원 or a unit).

    A bare number such as a year, an article number or a percentage is not a
    money amount; only numbers carrying 원 or a Korean unit (조/억/만/천) or
    digit grouping (1,500,000) count.
    """
    for found in _scan(text):
        if isinstance(found, AmountMention):
            yield found


def iter_unreadable(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, text, reason) of what is written like an amount but does not read as one
    ("1억 5천 10000", "3억 20000만"): a reader must ask, not drop or mis-sum it."""
    for found in _scan(text):
        if isinstance(found, tuple):
            yield found


def _scan(text: str) -> Iterator[AmountMention | tuple[int, int, str, str]]:
    for m in _AMOUNT_RE.finditer(text):
        s = m.group(0).rstrip()
        has_unit = any(u in s for u in "조억만천원") or re.search(r"\d,\d{3}", s)
        if not has_unit:
            continue
        # "10%" / "제53조" / "2025년" style neighbours are not amounts.
        if text[max(0, m.start() - 1) : m.start()] == "제":
            continue
        # the next letter after the number, not across a line break ("25,000,000\n일반과세자" is no day count)
        tail = "" if "\n" in m.group(0)[len(s) :] else text[m.end() : m.end() + 1]
        # "과표가 10억일 때": the copula, not a day; "3억 20일 늦게": the days after the amount
        day = tail == "일" and (not re.search(r"[조억만]", s) or re.search(rf"\s{_NUM}$", s))
        if (tail in COUNTERS or tail in BARE_COUNTERS or day) and "원" not in s:
            # "9억 1세대1주택", "3억2천 2026년 4월": the bare number after the space starts the next words
            cut = re.fullmatch(rf"(.*[조억만천백십])\s+{_NUM}", s)
            if cut is None and tail in BARE_COUNTERS and not day:
                pass  # "4천인데": a particle after an amount
            elif cut is None:
                continue
            else:
                s = cut.group(1)
        try:
            value = _value_of(s, s)
        except AmountError as exc:
            yield (m.start(), m.start() + len(s), s, str(exc))
            continue
        yield AmountMention(m.start(), m.start() + len(s), s, value)
