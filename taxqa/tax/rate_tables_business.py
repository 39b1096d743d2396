"""Statute figures of the 법인세, 퇴직소득세, 양도소득세, 가산세 and 부과제척기간 calculators, each
version with its 시행일; as in `taxqa.tax.rate_tables`, a later version states only what changed.
Each row was read from the statute text in ../shared/data/legalize-kr (2026 versions); older rows
are the earlier texts those versions amended (named in the comment above each table).
"""

from __future__ import annotations

from typing import Any

from taxqa.tax.rate_tables import EOK, MAN, versions

BUSINESS: dict[str, list[dict[str, Any]]] = {
    # 법인세법 제55조① (1호: 내국법인, 2호: 제60조의2①1호 소규모 성실신고확인 법인). The date is
    # the first day of the 사업연도 the table applies to. 2018: 3천억 초과 25% 신설;
    # 2023: each rate -1%p; 2025: 2호 신설 (19%/21%/24%); 2026: back to 10/20/22/25 (+1%p).
    "corporate_tax_rates": versions(
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
            "brackets": [
                (0, 2 * EOK, 0, (10, 100)),
                (2 * EOK, 200 * EOK, 2_000 * MAN, (20, 100)),
                (200 * EOK, 3_000 * EOK, 39 * EOK + 8_000 * MAN, (22, 100)),
                (3_000 * EOK, None, 655 * EOK + 8_000 * MAN, (25, 100)),
            ],
        },
        {
            "effective": "2023-01-01",
            "brackets": [
                (0, 2 * EOK, 0, (9, 100)),
                (2 * EOK, 200 * EOK, 1_800 * MAN, (19, 100)),
                (200 * EOK, 3_000 * EOK, 37 * EOK + 8_000 * MAN, (21, 100)),
                (3_000 * EOK, None, 625 * EOK + 8_000 * MAN, (24, 100)),
            ],
        },
        {
            "effective": "2025-01-01",
            "small": [
                (0, 200 * EOK, 0, (19, 100)),
                (200 * EOK, 3_000 * EOK, 38 * EOK, (21, 100)),
                (3_000 * EOK, None, 626 * EOK, (24, 100)),
            ],
        },
        {
            "effective": "2026-01-01",
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
    ),
    # 지방세법 제103조의20: 법인지방소득세 표준세율 = 법인세 세율의 1/10, same dates.
    "local_corporate_tax_rates": versions(
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
            "brackets": [
                (0, 2 * EOK, 0, (10, 1000)),
                (2 * EOK, 200 * EOK, 200 * MAN, (20, 1000)),
                (200 * EOK, 3_000 * EOK, 39_800 * MAN, (22, 1000)),
                (3_000 * EOK, None, 65 * EOK + 5_800 * MAN, (25, 1000)),
            ],
        },
        {
            "effective": "2023-01-01",
            "brackets": [
                (0, 2 * EOK, 0, (9, 1000)),
                (2 * EOK, 200 * EOK, 180 * MAN, (19, 1000)),
                (200 * EOK, 3_000 * EOK, 37_800 * MAN, (21, 1000)),
                (3_000 * EOK, None, 62 * EOK + 5_800 * MAN, (24, 1000)),
            ],
        },
        {
            "effective": "2025-01-01",
            "small": [
                (0, 200 * EOK, 0, (19, 1000)),
                (200 * EOK, 3_000 * EOK, 38_000 * MAN, (21, 1000)),
                (3_000 * EOK, None, 62 * EOK + 6_000 * MAN, (24, 1000)),
            ],
        },
        {
            "effective": "2026-01-01",
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
    ),
    # 소득세법 제48조① 퇴직소득공제: 1호 근속연수공제 (brackets over years: amounts per year),
    # 2호 환산급여공제. 2023: the 2022.12.31 amendment raised 근속연수공제.
    "retirement": versions(
        {
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
        },
        {
            "effective": "2023-01-01",
            "service": [
                (0, 5, 0, (100 * MAN, 1)),
                (5, 10, 500 * MAN, (200 * MAN, 1)),
                (10, 20, 1_500 * MAN, (250 * MAN, 1)),
                (20, None, 4_000 * MAN, (300 * MAN, 1)),
            ],
        },
    ),
    # 양도소득세: 소득세법 제89조①3 (고가주택 기준), 제95조② 표1·표2, 제103조 (기본공제),
    # 제104조① (단기 세율; 주택 70%/60% from 2021-06-01, 2020.8.18 amendment), 고가주택 기준
    # 9억→12억 from 2021-12-08. Holding-rate rows: (years from, % per row) by whole years.
    "transfer": versions(
        {
            "effective": "2021-01-01",
            "law": "소득세법",
            "high_price": 9 * EOK,
            "exempt_min_years": 2,  # 시행령 제154조① 보유기간 2년
            "basic_deduction": 250 * MAN,
            "general_ltd": {"from": 3, "start": (6, 100), "step": (2, 100), "max": (30, 100)},
            "house_ltd": {
                "from": 3,
                "start": (12, 100),
                "step": (4, 100),
                "max": (40, 100),
                "resided_from": 2,
                "resided_start": (8, 100),
                "resided_max": (40, 100),
            },
            "short_house": {1: (40, 100), 2: None},
            "short_other": {1: (50, 100), 2: (40, 100)},
        },
        {"effective": "2021-06-01", "short_house": {1: (70, 100), 2: (60, 100)}},
        {"effective": "2021-12-08", "high_price": 12 * EOK},
    ),  # fmt: skip
    # 국세기본법 제47조의2 (무신고 20%, 부정 40%, 역외 부정 60%), 제47조의3 (과소신고 10%, 부정 40%),
    # 제47조의4 납부지연 (1일 이자율: 시행령 제27조의4, not bundled: 10만분의 25 from 2019-02-12,
    # 10만분의 22 from 2022-02-15), 제48조② 감면 (months after the due date, % off). The 2020 text
    # (2019.12.31 amendment) split the reductions finer; the 2015 rows are the text it replaced.
    "penalty": versions(
        {
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
        },
        {"effective": "2019-02-12", "daily": (25, 100_000)},
        {
            "effective": "2020-01-01",
            "amended": [(1, 90), (3, 75), (6, 50), (12, 30), (18, 20), (24, 10)],
            "late_filing": [(1, 50), (3, 30), (6, 20)],
            "after_notice": (3, 100),
        },
        {"effective": "2022-02-15", "daily": (22, 100_000)},
    ),
    # 국세기본법 제26조의2 부과제척기간 (years) by case; the 2019.12.31 text (①②④).
    "limitation": versions(
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
    ),
}
