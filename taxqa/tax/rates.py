"""Rate tables and statutory amounts as data, each with its 시행일 (effective date).

A new year's amendment is a new entry in a table below, not a code change: the
calculators ask ``select(name, as_of)`` for the version in force on a date.
Every figure here was read from the statute text (legalize-kr 2026 Markdown and
law.go.kr JSON in ../shared/data); ``tests/test_tax_statute.py`` parses the
progressive tables back out of that text and compares them with these rows.

A progressive bracket is ``(over, up_to, base_tax, (num, den))``: for an amount
in (over, up_to], the result is ``base_tax + (amount - over) * num // den``
(up_to None = no upper bound). The statute writes each row exactly this way
("1천만원 + (1억원을 초과하는 금액의 100분의 20)").
"""

from __future__ import annotations

from datetime import date
from typing import Any

from taxqa.errors import UserError

Bracket = tuple[int, int | None, int, tuple[int, int]]

MAN = 10_000
EOK = 100_000_000

TABLES: dict[str, list[dict[str, Any]]] = {
    # 상속세 및 증여세법 제26조 (증여세는 제56조가 같은 표를 준용). Unchanged since 2000.
    "inheritance_gift_rates": [
        {
            "effective": "2000-01-01",
            "law": "상속세 및 증여세법 제26조",
            "brackets": [
                (0, 1 * EOK, 0, (10, 100)),
                (1 * EOK, 5 * EOK, 1_000 * MAN, (20, 100)),
                (5 * EOK, 10 * EOK, 9_000 * MAN, (30, 100)),
                (10 * EOK, 30 * EOK, 24_000 * MAN, (40, 100)),
                (30 * EOK, None, 104_000 * MAN, (50, 100)),
            ],
        }
    ],
    # 상속세 및 증여세법 제53조 (증여재산공제), 제53조의2 (혼인·출산, 2024-01-01 신설),
    # 제55조② 과세최저한, 제57조 세대생략 할증, 제69조② 신고세액공제.
    "gift": [
        {
            "effective": "2016-01-01",
            "law": "상속세 및 증여세법",
            "deduction": {
                "spouse": 6 * EOK,
                "lineal_ascendant": 5_000 * MAN,
                "lineal_ascendant_minor": 2_000 * MAN,
                "lineal_descendant": 5_000 * MAN,
                "other_relative": 1_000 * MAN,
                "other": 0,
            },
            "marriage_birth": 0,
            "aggregation_window_years": 10,
            "aggregation_min": 1_000 * MAN,
            "minimum_base": 50 * MAN,
            "generation_skip_pct": 30,
            "generation_skip_minor_pct": 40,
            "generation_skip_minor_over": 20 * EOK,
            "filing_credit": (3, 100),
        },
        {
            "effective": "2024-01-01",
            "law": "상속세 및 증여세법",
            "deduction": {
                "spouse": 6 * EOK,
                "lineal_ascendant": 5_000 * MAN,
                "lineal_ascendant_minor": 2_000 * MAN,
                "lineal_descendant": 5_000 * MAN,
                "other_relative": 1_000 * MAN,
                "other": 0,
            },
            "marriage_birth": 1 * EOK,
            "aggregation_window_years": 10,
            "aggregation_min": 1_000 * MAN,
            "minimum_base": 50 * MAN,
            "generation_skip_pct": 30,
            "generation_skip_minor_pct": 40,
            "generation_skip_minor_over": 20 * EOK,
            "filing_credit": (3, 100),
        },
    ],
    # 상속세 및 증여세법 제18·19·20·21·22·24·25·69조.
    "inheritance": [
        {
            "effective": "2016-01-01",
            "law": "상속세 및 증여세법",
            "basic": 2 * EOK,
            "per_child": 5_000 * MAN,
            "minor_per_year": 1_000 * MAN,
            "minor_age": 19,
            "lump_sum": 5 * EOK,
            "spouse_min": 5 * EOK,
            "spouse_max": 30 * EOK,
            # 민법 제1009조: 배우자 상속분은 직계비속 상속분의 5할 가산 (3:2).
            "spouse_share_weight": (3, 2),
            "financial_full_upto": 2_000 * MAN,
            "financial_rate": (20, 100),
            "financial_floor": 2_000 * MAN,
            "financial_cap": 2 * EOK,
            "minimum_base": 50 * MAN,
            "filing_credit": (3, 100),
            # 시행령 제9조②: 장례비용 500만원 미만은 500만원, 1천만원 초과는 1천만원 (봉안시설 별도)
            "funeral_min": 500 * MAN,
            "funeral_max": 1_000 * MAN,
        }
    ],
    # 소득세법 제55조①. The 2022.12.31 amendment (1,400만/5,000만 bounds) applies from 2023 income.
    "income_tax_rates": [
        {
            "effective": "2021-01-01",
            "law": "소득세법 제55조",
            "brackets": [
                (0, 1_200 * MAN, 0, (6, 100)),
                (1_200 * MAN, 4_600 * MAN, 72 * MAN, (15, 100)),
                (4_600 * MAN, 8_800 * MAN, 582 * MAN, (24, 100)),
                (8_800 * MAN, 15_000 * MAN, 1_590 * MAN, (35, 100)),
                (15_000 * MAN, 3 * EOK, 3_760 * MAN, (38, 100)),
                (3 * EOK, 5 * EOK, 9_460 * MAN, (40, 100)),
                (5 * EOK, 10 * EOK, 17_460 * MAN, (42, 100)),
                (10 * EOK, None, 38_460 * MAN, (45, 100)),
            ],
        },
        {
            "effective": "2023-01-01",
            "law": "소득세법 제55조",
            "brackets": [
                (0, 1_400 * MAN, 0, (6, 100)),
                (1_400 * MAN, 5_000 * MAN, 84 * MAN, (15, 100)),
                (5_000 * MAN, 8_800 * MAN, 624 * MAN, (24, 100)),
                (8_800 * MAN, 15_000 * MAN, 1_536 * MAN, (35, 100)),
                (15_000 * MAN, 3 * EOK, 3_706 * MAN, (38, 100)),
                (3 * EOK, 5 * EOK, 9_406 * MAN, (40, 100)),
                (5 * EOK, 10 * EOK, 17_406 * MAN, (42, 100)),
                (10 * EOK, None, 38_406 * MAN, (45, 100)),
            ],
        },
    ],
    # 지방세법 제92조①: 개인지방소득세 표준세율 (종합소득), 1천분의 단위.
    "local_income_tax_rates": [
        {
            "effective": "2021-01-01",
            "law": "지방세법 제92조",
            "brackets": [
                (0, 1_200 * MAN, 0, (6, 1000)),
                (1_200 * MAN, 4_600 * MAN, 72_000, (15, 1000)),
                (4_600 * MAN, 8_800 * MAN, 582_000, (24, 1000)),
                (8_800 * MAN, 15_000 * MAN, 1_590_000, (35, 1000)),
                (15_000 * MAN, 3 * EOK, 3_760_000, (38, 1000)),
                (3 * EOK, 5 * EOK, 9_460_000, (40, 1000)),
                (5 * EOK, 10 * EOK, 17_460_000, (42, 1000)),
                (10 * EOK, None, 38_460_000, (45, 1000)),
            ],
        },
        {
            "effective": "2023-01-01",
            "law": "지방세법 제92조",
            "brackets": [
                (0, 1_400 * MAN, 0, (6, 1000)),
                (1_400 * MAN, 5_000 * MAN, 84_000, (15, 1000)),
                (5_000 * MAN, 8_800 * MAN, 624_000, (24, 1000)),
                (8_800 * MAN, 15_000 * MAN, 1_536_000, (35, 1000)),
                (15_000 * MAN, 3 * EOK, 3_706_000, (38, 1000)),
                (3 * EOK, 5 * EOK, 9_406_000, (40, 1000)),
                (5 * EOK, 10 * EOK, 17_406_000, (42, 1000)),
                (10 * EOK, None, 38_406_000, (45, 1000)),
            ],
        },
    ],
    # 소득세법 제47조① 근로소득공제 (한도 2천만원은 2020-01-01부터).
    "wage_deduction": [
        {
            "effective": "2020-01-01",
            "law": "소득세법 제47조",
            "brackets": [
                (0, 500 * MAN, 0, (70, 100)),
                (500 * MAN, 1_500 * MAN, 350 * MAN, (40, 100)),
                (1_500 * MAN, 4_500 * MAN, 750 * MAN, (15, 100)),
                (4_500 * MAN, 1 * EOK, 1_200 * MAN, (5, 100)),
                (1 * EOK, None, 1_475 * MAN, (2, 100)),
            ],
            "cap": 2_000 * MAN,
        }
    ],
    # 부가가치세법 제30조 세율, 제61·63·69조 간이과세; 기준금액과 업종별 부가가치율은
    # 부가가치세법 시행령 제109조·제111조 (not in the saved data; current values).
    "vat": [
        {
            "effective": "2024-07-01",
            "law": "부가가치세법",
            "rate": (10, 100),
            "simple_threshold": 10_400 * MAN,
            "simple_threshold_law": "부가가치세법 시행령 제109조",
            "simple_exemption_below": 4_800 * MAN,
            "simple_realestate_threshold": 4_800 * MAN,
            "simple_purchase_credit": (5, 1000),
            "value_added_ratio_law": "부가가치세법 시행령 제111조",
            # industry key -> (부가가치율 %, 업종명)
            "value_added_ratio": {
                "retail": (15, "소매업"),
                "recycling": (15, "재생용 재료수집 및 판매업"),
                "restaurant": (15, "음식점업"),
                "manufacturing": (20, "제조업"),
                "agriculture": (20, "농업·임업 및 어업"),
                "parcel": (20, "소화물 전문 운송업"),
                "lodging": (25, "숙박업"),
                "construction": (30, "건설업"),
                "transport": (30, "운수 및 창고업"),
                "ict": (30, "정보통신업"),
                "service": (30, "그 밖의 서비스업"),
                "finance": (40, "금융 및 보험 관련 서비스업"),
                "professional": (40, "전문·과학 및 기술서비스업"),
                "facility": (40, "사업시설관리·사업지원 및 임대서비스업"),
                "realestate": (40, "부동산 임대업"),
            },
        }
    ],
}

INDUSTRIES = tuple(TABLES["vat"][-1]["value_added_ratio"])
RELATIONS = ("spouse", "lineal_ascendant", "lineal_descendant", "other_relative", "other")


def parse_as_of(value: str | date | None) -> date:
    """The law date: a date, an ISO string, or None for today."""
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise UserError(f"--as-of: expected a date like 2026-01-01, got {value!r}") from exc


def whole_number(value: int | str | None, name: str) -> int | None:
    """A count or a number of days/years given to a calculator: an int >= 0 (None stays None)."""
    if value is None:
        return None
    try:
        n = int(value)
    except (TypeError, ValueError) as exc:
        raise UserError(f"{name}: expected a whole number, got {value!r}") from exc
    if n < 0:
        raise UserError(f"{name}: expected a number >= 0, got {n}")
    return n


def select(name: str, as_of: date) -> dict[str, Any]:
    """The version of table `name` in force on `as_of` (the latest with effective <= as_of)."""
    versions = [v for v in TABLES[name] if date.fromisoformat(v["effective"]) <= as_of]
    if not versions:
        first = TABLES[name][0]["effective"]
        raise UserError(f"no {name} table in force on {as_of.isoformat()} (data starts {first})")
    return max(versions, key=lambda v: v["effective"])


def progressive(amount: int, brackets: list[Bracket]) -> tuple[int, Bracket]:
    """Apply a statute table to `amount`: (result floored to the won, the bracket used)."""
    for row in brackets:
        over, up_to, base, (num, den) = row
        if up_to is None or amount <= up_to:
            return base + (amount - over) * num // den, row
    raise AssertionError("a progressive table must end with an open bracket")


def percent(num: int, den: int) -> str:
    """(3, 100) -> '3%', (5, 1000) -> '0.5%'."""
    return f"{num * 100 / den:g}%"


def describe_bracket(row: Bracket) -> str:
    """'1천만원 + (1억원 초과분 × 20%)' style text for steps and answers."""
    from taxqa.amounts import format_won

    over, _, base, (num, den) = row
    pct = percent(num, den)
    if base == 0 and over == 0:
        return f"과세표준 × {pct}"
    return f"{format_won(base)} + ({format_won(over)} 초과분 × {pct})"


# --- tables of the salary, transfer, corporate, penalty and retirement calculators -------------
# Each row was read from the statute text in ../shared/data/legalize-kr (2026 versions); older
# rows are the earlier texts those versions amended (named in the comment above each table).

CORPORATE_2023: dict[str, Any] = {
    "effective": "2023-01-01",
    "law": "법인세법 제55조",
    "brackets": [
        (0, 2 * EOK, 0, (9, 100)),
        (2 * EOK, 200 * EOK, 1_800 * MAN, (19, 100)),
        (200 * EOK, 3_000 * EOK, 37 * EOK + 8_000 * MAN, (21, 100)),
        (3_000 * EOK, None, 625 * EOK + 8_000 * MAN, (24, 100)),
    ],
    "small": None,
}
LOCAL_CORPORATE_2023: dict[str, Any] = {
    "effective": "2023-01-01",
    "law": "지방세법 제103조의20",
    "brackets": [
        (0, 2 * EOK, 0, (9, 1000)),
        (2 * EOK, 200 * EOK, 180 * MAN, (19, 1000)),
        (200 * EOK, 3_000 * EOK, 37_800 * MAN, (21, 1000)),
        (3_000 * EOK, None, 62 * EOK + 5_800 * MAN, (24, 1000)),
    ],
    "small": None,
}
RETIREMENT_2016: dict[str, Any] = {
    "effective": "2016-01-01",
    "law": "소득세법 제48조",
    "service": [
        (0, 5, 0, (30 * MAN, 1)),
        (5, 10, 150 * MAN, (50 * MAN, 1)),
        (10, 20, 400 * MAN, (80 * MAN, 1)),
        (20, None, 1_200 * MAN, (120 * MAN, 1)),
    ],
    "converted": [
        (0, 800 * MAN, 0, (100, 100)),
        (800 * MAN, 7_000 * MAN, 800 * MAN, (60, 100)),
        (7_000 * MAN, 1 * EOK, 4_520 * MAN, (55, 100)),
        (1 * EOK, 3 * EOK, 6_170 * MAN, (45, 100)),
        (3 * EOK, None, 15_170 * MAN, (35, 100)),
    ],
}
# First versions of tables whose later versions override only what changed.
TRANSFER_2021: dict[str, Any] = {
    "effective": "2021-01-01",
    "law": "소득세법",
    "high_price": 9 * EOK,
    "exempt_min_years": 2,  # 시행령 제154조① 보유기간 2년
    "basic_deduction": 250 * MAN,
    "general_ltd": {"from": 3, "start": (6, 100), "step": (2, 100), "max": (30, 100)},
    "house_ltd": {"from": 3, "start": (12, 100), "step": (4, 100), "max": (40, 100),
                  "resided_from": 2, "resided_start": (8, 100), "resided_max": (40, 100)},
    "short_house": {1: (40, 100), 2: None},
    "short_other": {1: (50, 100), 2: (40, 100)},
}  # fmt: skip
PENALTY_2015: dict[str, Any] = {
    "effective": "2015-07-01",
    "law": "국세기본법",
    "no_return": (20, 100),
    "no_return_fraud": (40, 100),
    "no_return_fraud_offshore": (60, 100),
    "under_report": (10, 100),
    "under_report_fraud": (40, 100),
    "under_report_fraud_offshore": (60, 100),
    "daily": (3, 10_000),
    "amended": [(6, 50), (12, 20), (24, 10)],
    "late_filing": [(1, 50), (6, 20)],
    "after_notice": None,  # before 2020 the 3% was a 가산금 of 국세징수법, not a 가산세
}
PENALTY_2020_REDUCTIONS = {
    "amended": [(1, 90), (3, 75), (6, 50), (12, 30), (18, 20), (24, 10)],
    "late_filing": [(1, 50), (3, 30), (6, 20)],
    "after_notice": (3, 100),
}

TABLES.update(
    {
        # 법인세법 제55조① (1호: 내국법인, 2호: 제60조의2①1호 소규모 성실신고확인 법인). The date is
        # the first day of the 사업연도 the table applies to. 2018: 3천억 초과 25% 신설;
        # 2023: each rate -1%p; 2025: 2호 신설 (19%/21%/24%); 2026: back to 10/20/22/25 (+1%p).
        "corporate_tax_rates": [
            {
                "effective": "2012-01-01",
                "law": "법인세법 제55조",
                "brackets": [
                    (0, 2 * EOK, 0, (10, 100)),
                    (2 * EOK, 200 * EOK, 2_000 * MAN, (20, 100)),
                    (200 * EOK, None, 39 * EOK + 8_000 * MAN, (22, 100)),
                ],
                "small": None,
            },
            {
                "effective": "2018-01-01",
                "law": "법인세법 제55조",
                "brackets": [
                    (0, 2 * EOK, 0, (10, 100)),
                    (2 * EOK, 200 * EOK, 2_000 * MAN, (20, 100)),
                    (200 * EOK, 3_000 * EOK, 39 * EOK + 8_000 * MAN, (22, 100)),
                    (3_000 * EOK, None, 655 * EOK + 8_000 * MAN, (25, 100)),
                ],
                "small": None,
            },
            CORPORATE_2023,
            {
                **CORPORATE_2023,
                "effective": "2025-01-01",
                "small": [
                    (0, 200 * EOK, 0, (19, 100)),
                    (200 * EOK, 3_000 * EOK, 38 * EOK, (21, 100)),
                    (3_000 * EOK, None, 626 * EOK, (24, 100)),
                ],
            },
            {
                "effective": "2026-01-01",
                "law": "법인세법 제55조",
                "brackets": [
                    (0, 2 * EOK, 0, (10, 100)),
                    (2 * EOK, 200 * EOK, 2_000 * MAN, (20, 100)),
                    (200 * EOK, 3_000 * EOK, 39 * EOK + 8_000 * MAN, (22, 100)),
                    (3_000 * EOK, None, 655 * EOK + 8_000 * MAN, (25, 100)),
                ],
                "small": [
                    (0, 200 * EOK, 0, (20, 100)),
                    (200 * EOK, 3_000 * EOK, 40 * EOK, (22, 100)),
                    (3_000 * EOK, None, 656 * EOK, (25, 100)),
                ],
            },
        ],
        # 지방세법 제103조의20: 법인지방소득세 표준세율 = 법인세 세율의 1/10, same dates.
        "local_corporate_tax_rates": [
            {
                "effective": "2012-01-01",
                "law": "지방세법 제103조의20",
                "brackets": [
                    (0, 2 * EOK, 0, (10, 1000)),
                    (2 * EOK, 200 * EOK, 200 * MAN, (20, 1000)),
                    (200 * EOK, None, 39_800 * MAN, (22, 1000)),
                ],
                "small": None,
            },
            {
                "effective": "2018-01-01",
                "law": "지방세법 제103조의20",
                "brackets": [
                    (0, 2 * EOK, 0, (10, 1000)),
                    (2 * EOK, 200 * EOK, 200 * MAN, (20, 1000)),
                    (200 * EOK, 3_000 * EOK, 39_800 * MAN, (22, 1000)),
                    (3_000 * EOK, None, 65 * EOK + 5_800 * MAN, (25, 1000)),
                ],
                "small": None,
            },
            LOCAL_CORPORATE_2023,
            {
                **LOCAL_CORPORATE_2023,
                "effective": "2025-01-01",
                "small": [
                    (0, 200 * EOK, 0, (19, 1000)),
                    (200 * EOK, 3_000 * EOK, 38_000 * MAN, (21, 1000)),
                    (3_000 * EOK, None, 62 * EOK + 6_000 * MAN, (24, 1000)),
                ],
            },
            {
                "effective": "2026-01-01",
                "law": "지방세법 제103조의20",
                "brackets": [
                    (0, 2 * EOK, 0, (10, 1000)),
                    (2 * EOK, 200 * EOK, 200 * MAN, (20, 1000)),
                    (200 * EOK, 3_000 * EOK, 39_800 * MAN, (22, 1000)),
                    (3_000 * EOK, None, 65 * EOK + 5_800 * MAN, (25, 1000)),
                ],
                "small": [
                    (0, 200 * EOK, 0, (20, 1000)),
                    (200 * EOK, 3_000 * EOK, 40_000 * MAN, (22, 1000)),
                    (3_000 * EOK, None, 65 * EOK + 6_000 * MAN, (25, 1000)),
                ],
            },
        ],
        # 소득세법 제50·51조 (인적공제), 제59조 (근로소득세액공제 ① 표, ② 한도: the 2022.12.31
        # text with the 1억2천만원 row), 제59조의4⑨1 (표준세액공제 13만원). Salary data starts with
        # the 2023 tables (income years before 2023 are not modelled).
        "salary": [
            {
                "effective": "2023-01-01",
                "law": "소득세법",
                "basic_per_person": 150 * MAN,
                "elderly": 100 * MAN,  # 제51조①1 (70세 이상)
                "disabled": 200 * MAN,  # 제51조①2
                "woman": 50 * MAN,  # 제51조①3 (종합소득금액 3천만원 이하)
                "woman_income_max": 3_000 * MAN,
                "single_parent": 100 * MAN,  # 제51조①6
                "wage_credit": [(0, 130 * MAN, 0, (55, 100)), (130 * MAN, None, 71 * MAN + 5_000, (30, 100))],
                # (총급여 over, up_to, limit at `over`, (num, den) reduction per won above `over`, floor)
                "wage_credit_limit": [
                    (0, 3_300 * MAN, 74 * MAN, (0, 1), 74 * MAN),
                    (3_300 * MAN, 7_000 * MAN, 74 * MAN, (8, 1000), 66 * MAN),
                    (7_000 * MAN, 12_000 * MAN, 66 * MAN, (1, 2), 50 * MAN),
                    (12_000 * MAN, None, 50 * MAN, (1, 2), 20 * MAN),
                ],
                "standard_credit": 13 * MAN,
            }
        ],
        # 소득세법 제59조의2① 자녀세액공제 (1명, 2명, 3명째부터 1명당) and the age from which a child
        # counts. 2024: 2명 30만→35만; 2025: 25만/55만/40만; 2026-04-21 text: 13세 이상.
        "child_credit": [
            {
                "effective": "2023-01-01",
                "law": "소득세법 제59조의2",
                "one": 15 * MAN,
                "two": 30 * MAN,
                "each_more": 30 * MAN,
                "min_age": 8,
            },
            {
                "effective": "2024-01-01",
                "law": "소득세법 제59조의2",
                "one": 15 * MAN,
                "two": 35 * MAN,
                "each_more": 30 * MAN,
                "min_age": 8,
            },
            {
                "effective": "2025-01-01",
                "law": "소득세법 제59조의2",
                "one": 25 * MAN,
                "two": 55 * MAN,
                "each_more": 40 * MAN,
                "min_age": 8,
            },
            {
                "effective": "2026-04-21",
                "law": "소득세법 제59조의2",
                "one": 25 * MAN,
                "two": 55 * MAN,
                "each_more": 40 * MAN,
                "min_age": 13,
            },
        ],  # fmt: skip
        # 소득세법 제48조① 퇴직소득공제: 1호 근속연수공제 (brackets over years: amounts per year),
        # 2호 환산급여공제. 2023: the 2022.12.31 amendment raised 근속연수공제.
        "retirement": [
            RETIREMENT_2016,
            {
                **RETIREMENT_2016,
                "effective": "2023-01-01",
                "service": [
                    (0, 5, 0, (100 * MAN, 1)),
                    (5, 10, 500 * MAN, (200 * MAN, 1)),
                    (10, 20, 1_500 * MAN, (250 * MAN, 1)),
                    (20, None, 4_000 * MAN, (300 * MAN, 1)),
                ],
            },
        ],
        # 양도소득세: 소득세법 제89조①3 (고가주택 기준), 제95조② 표1·표2, 제103조 (기본공제),
        # 제104조① (단기 세율; 주택 70%/60% from 2021-06-01, 2020.8.18 amendment), 고가주택 기준
        # 9억→12억 from 2021-12-08. Holding-rate rows: (years from, % per row) by whole years.
        "transfer": [
            TRANSFER_2021,
            {**TRANSFER_2021, "effective": "2021-06-01", "short_house": {1: (70, 100), 2: (60, 100)}},
            {
                **TRANSFER_2021,
                "effective": "2021-12-08",
                "short_house": {1: (70, 100), 2: (60, 100)},
                "high_price": 12 * EOK,
            },
        ],  # fmt: skip
        # 국세기본법 제47조의2 (무신고 20%, 부정 40%, 역외 부정 60%), 제47조의3 (과소신고 10%, 부정 40%),
        # 제47조의4 납부지연 (1일 이자율: 시행령 제27조의4, not bundled: 10만분의 25 from 2019-02-12,
        # 10만분의 22 from 2022-02-15), 제48조② 감면 (months after the due date, % off). The 2020 text
        # (2019.12.31 amendment) split the reductions finer; the 2015 rows are the text it replaced.
        "penalty": [
            PENALTY_2015,
            {**PENALTY_2015, "effective": "2019-02-12", "daily": (25, 100_000)},
            {**PENALTY_2015, "effective": "2020-01-01", "daily": (25, 100_000), **PENALTY_2020_REDUCTIONS},
            {**PENALTY_2015, "effective": "2022-02-15", "daily": (22, 100_000), **PENALTY_2020_REDUCTIONS},
        ],
        # 부가가치세법 제46조① 신용카드매출전표등 발행세액공제: 1.3% and 연 1천만원 until 2026-12-31,
        # then 1% and 연 500만원 (the text in force from 2024 names both); 1.3%/1천만원 since 2019.
        "vat_card_credit": [
            {"effective": "2019-01-01", "law": "부가가치세법 제46조", "rate": (13, 1000), "cap": 1_000 * MAN},
            {"effective": "2027-01-01", "law": "부가가치세법 제46조", "rate": (1, 100), "cap": 500 * MAN},
        ],
        # 부가가치세법 제68조의2②1 간이과세자 세금계산서 미수취 가산세 (공급대가의 0.5%, 2021-07-01 신설).
        "vat_simple_penalty": [
            {"effective": "2021-07-01", "law": "부가가치세법 제68조의2", "no_invoice": (5, 1000)},
        ],
        # 국세기본법 제26조의2 부과제척기간 (years) by case; the 2019.12.31 text (①②④).
        "limitation": [
            {
                "effective": "2020-01-01",
                "law": "국세기본법 제26조의2",
                "years": {
                    "general": 5,
                    "offshore": 7,
                    "no-return": 7,
                    "offshore-no-return": 10,
                    "fraud": 10,
                    "offshore-fraud": 15,
                    "inheritance-gift": 10,
                    "inheritance-gift-no-return": 15,
                    "inheritance-gift-fraud": 15,
                    "inheritance-gift-false-return": 15,
                },
            }
        ],
    }
)
