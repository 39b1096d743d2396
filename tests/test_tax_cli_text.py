"""`taxqa tax` text output: honest labels, display-width alignment within 80 columns, Korean
relation and industry names, negative amounts refused as values."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len

from taxqa.cli import main

CASES = [
    ["gift", "--amount", "20억", "--relation", "lineal_ascendant"],
    ["gift", "--amount", "30억", "--relation", "직계존속", "--minor", "--generation-skip", "--prior", "1억"],
    [
        "inheritance",
        "--estate",
        "30억",
        "--spouse",
        "--children",
        "2",
        "--financial",
        "5억",
        "--minor-children-years",
        "3",
    ],  # fmt: skip
    ["income", "--base", "5000만"],
    ["wage", "--salary", "5천만"],
    ["vat", "--sales", "1억", "--purchases", "1.5억"],
    ["vat-simple", "--supply", "6000만", "--industry", "restaurant", "--purchases", "2000만"],
]


def run(capsys, *argv):
    code = main(["tax", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("argv", CASES, ids=[c[0] for c in CASES])
def test_text_fits_80_columns_and_amounts_align(capsys, argv):
    code, out, _ = run(capsys, *argv)
    assert code == 0
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    # the summary block (after the blank line) right-aligns its amounts by display width
    summary = [line for line in lines[lines.index("", 2) + 1 :] if line.startswith("  ") and line.endswith("원")]
    ends = {cell_len(line) for line in summary}
    assert len(summary) >= 2 and len(ends) == 1, summary


def test_honest_labels(capsys):
    _, wage, _ = run(capsys, "wage", "--salary", "5천만")
    assert "과세표준" not in wage.split("\n\n")[-1].split("*")[0] and "산출세액" not in wage
    assert "총급여액" in wage and "근로소득공제" in wage and "근로소득금액" in wage
    _, income, _ = run(capsys, "income", "--base", "5000만")
    assert "납부할 세액  " not in income and "종합소득 산출세액" in income and "납부할 세액이 아님" in income
    _, vat, _ = run(capsys, "vat", "--sales", "1억", "--purchases", "6천만")
    assert "매출세액" in vat and "매입세액" in vat and "산출세액" not in vat
    _, gift, _ = run(capsys, "gift", "--amount", "20억", "--relation", "lineal_ascendant")
    assert "납부할 세액" in gift and "신고세액공제" in gift  # credits applied: the payable may be called so


def test_sole_spouse_takes_the_whole_estate(capsys):
    code, out, _ = run(capsys, "inheritance", "--estate", "10억", "--spouse", "--children", "0", "--json")
    d = json.loads(out)
    steps = {s["label"]: s["amount"] for s in d["steps"]}
    assert steps["배우자상속공제"] == 1_000_000_000 and d["tax_base"] == 0  # not the 5억 minimum
    assert any("상속재산 전부" in n for n in d["notes"])
    code, out, _ = run(capsys, "inheritance", "--estate", "40억", "--spouse", "--json")
    d = json.loads(out)
    assert {s["label"]: s["amount"] for s in d["steps"]}["배우자상속공제"] == 3_000_000_000  # capped at 30억
    code, out, _ = run(capsys, "inheritance", "--estate", "20억", "--spouse", "--parents", "2", "--json")
    d = json.loads(out)
    assert d["tax_base"] == 1_000_000_000 and d["inputs"]["parents"] == 2  # 일괄공제 5억 + 배우자 최소 5억
    code, _, err = run(capsys, "inheritance", "--estate", "20억", "--children", "1", "--parents", "1")
    assert code == 2 and "parents" in err


@pytest.mark.parametrize(
    ("korean", "english"),
    [("직계존속", "lineal_ascendant"), ("배우자", "spouse"), ("직계비속", "lineal_descendant"),
     ("기타친족", "other_relative"), ("타인", "other")],
)  # fmt: skip
def test_korean_relation_names(capsys, korean, english):
    _, a, _ = run(capsys, "gift", "--amount", "1억", "--relation", korean, "--json")
    _, b, _ = run(capsys, "gift", "--amount", "1억", "--relation", english, "--json")
    assert json.loads(a)["inputs"]["relation"] == english and json.loads(a)["payable"] == json.loads(b)["payable"]


def test_korean_industry_names(capsys):
    _, a, _ = run(capsys, "vat-simple", "--supply", "6000만", "--industry", "음식점업", "--json")
    assert json.loads(a)["inputs"]["industry"] == "restaurant"
    code, _, err = run(capsys, "vat-simple", "--supply", "6000만", "--industry", "카지노")
    assert code == 2 and "음식점업" in err


@pytest.mark.parametrize("value", ["-5억", "-5000만원", "−1억", "-5"])
def test_negative_amount_is_read_as_a_value_and_refused(capsys, value):
    code, _, err = run(capsys, "gift", "--amount", value, "--relation", "spouse")
    assert code == 2
    assert "amount: negative amount" in err and "expected one argument" not in err
    assert len(err.strip().splitlines()) == 1
