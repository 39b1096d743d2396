"""Statute figures of the personal taxes (증여세, 상속세, 종합소득세, 근로소득공제, 연말정산,
부가가치세), each version with its 시행일. A table's first version is whole; each later version
states only what changed from the one before (`versions`). Read through `taxqa.tax.rates.select`.
"""

from __future__ import annotations

from typing import Any

Bracket = tuple[int, int | None, int, tuple[int, int]]

MAN = 10_000
EOK = 100_000_000


def versions(first: dict[str, Any], *changes: dict[str, Any]) -> list[dict[str, Any]]:
    """A table's versions: ``first`` whole, then each of ``changes`` (its "effective" date and the
    entries an amendment changed) laid over the version before it."""
    out = [first]
    for change in changes:
        out.append({**out[-1], **change})
    return out


PERSONAL: dict[str, list[dict[str, Any]]] = {
    # 상속세 및 증여세법 제26조 (증여세는 제56조가 같은 표를 준용). Unchanged since 2000.
    "inheritance_gift_rates": versions(
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
    ),
    # 상속세 및 증여세법 제53조 (증여재산공제), 제53조의2 (혼인·출산, 2024-01-01 신설),
    # 제55조② 과세최저한, 제57조 세대생략 할증, 제69조② 신고세액공제.
    "gift": versions(
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
        {"effective": "2024-01-01", "marriage_birth": 1 * EOK},
    ),
    # 상속세 및 증여세법 제18·19·20·21·22·24·25·69조.
    "inheritance": versions(
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
    ),
    # 소득세법 제55조①. The 2022.12.31 amendment (1,400만/5,000만 bounds) applies from 2023 income.
    "income_tax_rates": versions(
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
    ),
    # 지방세법 제92조①: 개인지방소득세 표준세율 (종합소득), 1천분의 단위; the same dates.
    "local_income_tax_rates": versions(
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
    ),
    # 소득세법 제47조① 근로소득공제 (한도 2천만원은 2020-01-01부터).
    "wage_deduction": versions(
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
    ),
    # 소득세법 제50·51조 (인적공제), 제59조 (근로소득세액공제 ① 표, ② 한도: the 2022.12.31
    # text with the 1억2천만원 row), 제59조의4⑨1 (표준세액공제 13만원). Salary data starts with
    # the 2023 tables (income years before 2023 are not modelled).
    "salary": versions(
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
    ),
    # 소득세법 제59조의2① 자녀세액공제 (1명, 2명, 3명째부터 1명당) and the age from which a child
    # counts. 2024: 2명 30만→35만; 2025: 25만/55만/40만; 2026-04-21 text: 13세 이상, from the 2026 과세기간
    # (부칙 <제21548호> 제2조①), with the ages of 제2조② for the 과세기간 2026-2029 and none of them for a
    # child born in 2017 (제2조③).
    "child_credit": versions(
        {
            "effective": "2023-01-01",
            "law": "소득세법 제59조의2",
            "one": 15 * MAN,
            "two": 30 * MAN,
            "each_more": 30 * MAN,
            "min_age": 8,
        },
        {"effective": "2024-01-01", "two": 35 * MAN},
        {"effective": "2025-01-01", "one": 25 * MAN, "two": 55 * MAN, "each_more": 40 * MAN},
        {
            "effective": "2026-04-21",
            "min_age": 13,
            "phase_in": {2026: 9, 2027: 10, 2028: 11, 2029: 12},
            "phase_in_excludes_born": 2017,
        },
    ),  # fmt: skip
    # 부가가치세법 제30조 세율, 제61·63·69조 간이과세; 기준금액과 업종별 부가가치율은
    # 부가가치세법 시행령 제109조·제111조 (not in the saved data; current values).
    "vat": versions(
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
    ),
    # 부가가치세법 제46조① 신용카드매출전표등 발행세액공제: 1.3% and 연 1천만원 until 2026-12-31,
    # then 1% and 연 500만원 (the text in force from 2024 names both); 1.3%/1천만원 since 2019.
    "vat_card_credit": versions(
        {"effective": "2019-01-01", "law": "부가가치세법 제46조", "rate": (13, 1000), "cap": 1_000 * MAN},
        {"effective": "2027-01-01", "rate": (1, 100), "cap": 500 * MAN},
    ),
    # 부가가치세법 제68조의2②1 간이과세자 세금계산서 미수취 가산세 (공급대가의 0.5%, 2021-07-01 신설).
    "vat_simple_penalty": versions(
        {"effective": "2021-07-01", "law": "부가가치세법 제68조의2", "no_invoice": (5, 1000)},
    ),
}
