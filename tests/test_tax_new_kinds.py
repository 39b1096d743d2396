"""The new kinds through the registry: `taxqa tax KIND --json` (the one JSON contract for every kind),
question reading (`ask`), answer checking of their template answers, and calc-mode datagen."""

from __future__ import annotations

import json
import random
import re

import pytest

from taxqa.amounts import format_won
from taxqa.cli import main
from taxqa.tax.checking import check_answer
from taxqa.tax.kinds import KINDS
from taxqa.tax.reading import ask
from taxqa.tax.render import render_answer

CONTRACT = {"tax_base", "computed_tax", "credits", "determined_tax", "payable", "local_tax", "steps", "as_of",
            "inputs", "citations", "assumptions"}  # fmt: skip
NEW = ("salary", "transfer", "corporate", "penalty", "retirement")


def run(capsys, *argv):
    code = main(["tax", *argv, "--json", "--as-of", "2026-01-01"])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if code == 0 else out.err)


CLI_CASES = [
    (["gift", "--amount", "20억", "--relation", "lineal_ascendant"], {"determined_tax": 601_400_000}),
    (["inheritance", "--estate", "30억", "--spouse", "--children", "2"], {}),
    (["income", "--base", "5000만"], {"local_tax": 624_000}),
    (["wage", "--salary", "5천만원"], {"local_tax": 0}),
    (["vat", "--sales", "10억", "--purchases", "5억", "--card-sales", "10억"], {"payable": 40_000_000}),
    (["vat-simple", "--supply", "8천만원", "--industry", "retail", "--no-invoice", "1천만원"], {"payable": 1_250_000}),
    (
        [
            "salary",
            "--salary",
            "6천만원",
            "--dependents",
            "3",
            "--children",
            "2",
            "--pension",
            "225만원",
            "--insurance",
            "200만원",
            "--withheld",
            "400만원",
        ],
        {"determined_tax": 3_080_000, "payable": -920_000, "local_tax": 308_000},
    ),  # fmt: skip
    (
        ["transfer", "--price", "15억", "--acquired", "5억", "--held-years", "10", "--one-house"],
        {"tax_base": 37_500_000, "computed_tax": 4_365_000, "local_tax": 436_500},
    ),  # fmt: skip
    (["corporate", "--base", "5억"], {"computed_tax": 80_000_000, "local_tax": 8_000_000}),
    (["corporate", "--base", "3억", "--small"], {"computed_tax": 60_000_000}),
    (
        ["penalty", "--kind", "no-return", "--tax", "1천만원", "--days", "30", "--months-late", "1"],
        {"computed_tax": 2_066_000, "determined_tax": 1_066_000, "payable": 1_066_000},
    ),  # fmt: skip
    (
        ["penalty", "--limitation", "--due-date", "2024-03-31", "--case", "offshore-fraud"],
        {"limitation_years": 15, "limitation_end": "2039-03-31"},
    ),  # fmt: skip
    (["retirement", "--pay", "1억", "--years", "10"], {"computed_tax": 3_875_000, "local_tax": 387_500}),
]


@pytest.mark.parametrize(("argv", "expected"), CLI_CASES, ids=[" ".join(c[0][:3]) for c in CLI_CASES])
def test_json_contract_for_every_kind(capsys, argv, expected):
    code, d = run(capsys, *argv)
    assert code == 0, d
    assert CONTRACT <= set(d), CONTRACT - set(d)
    assert d["as_of"] == "2026-01-01" and d["kind"] == argv[0]
    assert all({"label", "amount", "article"} <= set(c) for c in d["credits"])
    assert d["determined_tax"] == d["computed_tax"] - sum(c["amount"] for c in d["credits"])
    assert isinstance(d["assumptions"], list) and isinstance(d["local_tax"], int)
    assert {k: d[k] for k in expected} == expected


def test_every_kind_is_covered_by_the_cases():
    assert {c[0][0] for c in CLI_CASES} == set(KINDS)


def test_text_output_and_errors(capsys):
    assert main(["tax", "penalty", "--limitation", "--due-date", "2025-05-31", "--as-of", "2026-01-01"]) == 0
    out = capsys.readouterr().out
    assert "2030-05-31" in out and "0원" not in out
    assert main(["tax", "salary", "--salary", "5천만원", "--as-of", "2026-01-01"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"결정세액\s+338만 7,500원", out) and "[소득세법 제59조]" in out
    assert main(["tax", "penalty", "--tax", "1천만원"]) == 2
    assert "--kind" in capsys.readouterr().err
    assert main(["tax", "transfer", "--price", "다섯억", "--acquired", "1억", "--held-years", "3"]) == 2
    assert "price" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("question", "kind", "inputs", "figure"),
    [
        ("연봉 5천만원 직장인 세금", "salary", {"salary": 50_000_000}, ("determined_tax", 3_387_500)),
        ("연봉 6천만원, 아내와 자녀 2명을 부양합니다. 원천징수된 세금이 300만원인데 환급받나요?", "salary",
         {"salary": 60_000_000, "children": 2, "dependents": 3, "withheld": 3_000_000}, ("payable", 587_500)),
        ("월급 300만원 받는 회사원인데 소득세 얼마?", "salary", {"salary": 36_000_000}, None),
        ("연봉이 8천만원이고 맞벌이 부부에 아이가 둘 있어요. 연말정산 결정세액은?", "salary",
         {"salary": 80_000_000, "children": 2, "dependents": 2}, None),
        ("외벌이 가장이고 연봉 7천, 자녀 셋입니다. 소득세 얼마 내나요?", "salary",
         {"salary": 70_000_000, "children": 3, "dependents": 4}, None),
        ("집 한 채를 8억에 팔았는데 3억에 샀고 12년 보유, 8년 거주했어요. 양도세는?", "transfer",
         {"price": 800_000_000, "acquired": 300_000_000, "held_years": 12, "resided_years": 8, "one_house": True},
         ("computed_tax", 0)),
        ("2주택자가 2억에 산 아파트를 3년 보유 후 4억에 팔면 양도소득세?", "transfer",
         {"price": 400_000_000, "acquired": 200_000_000, "held_years": 3, "one_house": None}, None),
        ("상가를 10억에 사서 6개월 만에 12억에 팔면 양도세?", "transfer",
         {"held_years": 0, "asset": "land"}, ("computed_tax", 98_750_000)),
        ("부동산임대업 위주의 소규모 법인인데 과세표준 3억이면 법인세?", "corporate",
         {"base": 300_000_000, "small": True}, ("computed_tax", 60_000_000)),
        ("부정행위로 법인세 1억을 신고하지 않았다면 가산세는?", "penalty",
         {"kind": "no-return", "tax": 100_000_000, "fraud": True}, ("payable", 40_000_000)),
        ("양도소득세 신고기한이 2023년 5월 31일인데 신고를 안 했으면 제척기간은 언제까지?", "penalty",
         {"limitation": True, "case": "no-return", "due_date": "2023-05-31"}, ("limitation_end", "2030-05-31")),
        ("간이과세자로 음식점을 합니다. 1년 매출 8천만원, 그중 신용카드 매출 6천만원이면 부가세는?", "vat-simple",
         {"supply": 80_000_000, "industry": "restaurant", "card_sales": 60_000_000}, ("payable", 420_000)),
        ("편의점 간이과세자인데 공급대가 9천만원, 세금계산서 없이 산 물건이 1천만원입니다. 부가세 얼마?", "vat-simple",
         {"supply": 90_000_000, "no_invoice": 10_000_000}, ("payable", 1_400_000)),
        ("연봉 5천만원인데 근로소득공제랑 세금은 얼마예요?", "salary", {"salary": 50_000_000}, None),
        ("원천징수된 소득세가 300만원이고 연봉은 6천만원입니다. 연말정산 환급 얼마?", "salary",
         {"salary": 60_000_000, "withheld": 3_000_000}, None),
        ("연봉 3천만원 직장인 환급 얼마 받나요? 원천징수 80만원", "salary", {"salary": 30_000_000, "withheld": 800_000},
         ("payable", -117_500)),
        ("총급여 7,500만원이고 부양가족은 배우자와 자녀 1명, 국민연금 300만원 냈어요. 결정세액은?", "salary",
         {"salary": 75_000_000, "children": 1, "dependents": 2, "pension": 3_000_000}, ("determined_tax", 6_320_000)),
        ("오피스텔 2억에 사서 3억에 팔면 양도세 얼마? 보유는 4년", "transfer",
         {"price": 300_000_000, "acquired": 200_000_000, "held_years": 4}, None),
        ("1주택자입니다. 10억에 산 집을 20억에 팔려고 합니다. 15년 보유, 10년 거주. 양도소득세는?", "transfer",
         {"held_years": 15, "resided_years": 10, "one_house": True}, ("tax_base", 77_500_000)),
        ("종소세 신고 기한을 놓쳐서 한 달 뒤에 기한 후 신고했어요. 낼 세금은 300만원인데 가산세?", "penalty",
         {"kind": "no-return", "tax": 3_000_000, "months_late": 1}, ("payable", 300_000)),
        ("세금 500만원을 두 달 늦게 냈어요 가산세는?", "penalty", {"kind": "late-payment", "days": 60}, ("payable", 66_000)),
        ("증여세를 신고 안 했는데 부과제척기간은? 신고기한은 2020년 6월 30일", "penalty",
         {"case": "inheritance-gift-no-return", "due_date": "2020-06-30"}, ("limitation_end", "2035-06-30")),
        ("퇴직금 2억 받았고 근무기간 15년이에요. 세금?", "retirement", {"pay": 200_000_000, "years": 15}, None),
        ("퇴직하면서 1억 5천만원 받았어요. 12년 일했는데 퇴직소득세는요?", "retirement", {"years": 12}, None),
        ("2015년에 3억에 산 아파트를 올해 9억에 팔았어요. 계속 거주했고 1주택입니다. 양도세는?", "transfer",
         {"held_years": 11, "resided_years": 11, "one_house": True}, ("computed_tax", 0)),
        ("2010년 취득한 토지를 2024년에 5억에 양도, 취득가 1억. 양도소득세는?", "transfer",
         {"price": 500_000_000, "acquired": 100_000_000, "held_years": 14, "asset": "land"}, None),
        ("연봉 5천, 부모님 두 분 모시고 살아요. 소득세?", "salary", {"salary": 50_000_000, "dependents": 2}, None),
        ("근속 3년 6개월, 퇴직금 2천만원 퇴직소득세", "retirement", {"pay": 20_000_000, "years": 4}, None),
        ("부가세 신고를 했는데 3천만원을 과소신고했고 부정행위는 없어요. 가산세는?", "penalty",
         {"kind": "under-report", "tax": 30_000_000, "fraud": None}, ("payable", 3_000_000)),
        ("허위 장부로 소득세 5천만원을 적게 신고했어요. 과소신고가산세?", "penalty",
         {"kind": "under-report", "fraud": True}, ("payable", 20_000_000)),
        ("퇴직금 5천만원, 근속연수 5년 퇴직소득세는?", "retirement", {"pay": 50_000_000, "years": 5},
         ("computed_tax", 2_143_750)),
        ("5억에 사서 10년 살던 집을 15억에 팔면 양도세", "transfer",
         {"price": 1_500_000_000, "acquired": 500_000_000, "held_years": 10, "resided_years": 10, "one_house": True},
         ("computed_tax", 4_365_000)),
        ("아파트를 3억원에 매입해서 5년 보유 후 6억원에 매도했어요. 다주택자인데 양도소득세는?", "transfer",
         {"price": 600_000_000, "acquired": 300_000_000, "held_years": 5}, None),
        ("법인 과세표준 5억이면 법인세", "corporate", {"base": 500_000_000}, ("computed_tax", 80_000_000)),
        ("부가세 1천만원을 30일 늦게 냈어요. 가산세는?", "penalty",
         {"kind": "late-payment", "tax": 10_000_000, "days": 30}, ("payable", 66_000)),
        ("소득세 2천만원을 적게 신고했다가 3개월 안에 수정신고하면 과소신고가산세는?", "penalty",
         {"kind": "under-report", "tax": 20_000_000, "months_late": 3}, ("payable", 500_000)),
        ("2024년 3월 31일이 신고기한인데 역외거래 부정행위면 부과제척기간은?", "penalty",
         {"limitation": True, "case": "offshore-fraud", "due_date": "2024-03-31"}, None),
        ("10년 근무하고 퇴직금 1억을 받으면 세금은?", "retirement", {"pay": 100_000_000, "years": 10},
         ("computed_tax", 3_875_000)),
    ],
)  # fmt: skip
def test_questions_are_read(question, kind, inputs, figure):
    d = ask(question, "2026-01-01")
    assert d["kind"] == kind, d
    assert {k: d["inputs"].get(k) for k in inputs} == inputs
    assert d["understood"] and d["result"] is not None and d["missing"] == []
    if figure:
        assert d["result"][figure[0]] == figure[1]


def test_missing_facts_are_named():
    d = ask("신고를 안 했으면 가산세", "2026-01-01")
    assert d["kind"] is None and d["inputs"] == {"kind": "no-return"} and any("세액" in m for m in d["missing"])
    assert any("근속연수" in m for m in ask("퇴직금 1억이면 퇴직소득세는?")["missing"])
    assert any("보유기간" in m for m in ask("집을 3억에 사서 5억에 팔면 양도세는?")["missing"])
    assert ask("연봉 5천만원이면 근로소득공제는?")["kind"] == "wage"  # the narrower question stays with `wage`


@pytest.mark.parametrize("name", NEW)
def test_template_answers_check_against_the_calculator(name):
    kind = KINDS[name]
    for seed in range(40):
        args, say = kind.sampler(random.Random(seed))
        question = kind.question(args, {"template": seed % 3} | say)
        result = kind.calculator(**args)
        for style in ("teacher", "student"):
            answer = render_answer(result, style)
            verdict = check_answer(question, answer)
            assert verdict is not None and verdict.agree and verdict.checked, (question, verdict)
            # the same answer with the final figure wrong is caught
            final = format_won(abs(result.payable))
            if result.payable and final in answer:
                wrong = answer[::-1].replace(final[::-1], format_won(abs(result.payable) * 2 + 10_000)[::-1], 1)[::-1]
                assert not check_answer(question, wrong).agree, wrong
