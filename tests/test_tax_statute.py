"""The rate tables in taxqa/tax/rates.py must equal the tables printed in the real statute text
(law.go.kr JSON and legalize-kr Markdown in the `shared_data` folder), so a stale table cannot pass."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from taxqa.amounts import parse_won
from taxqa.tax.rates import select


def markdown_article(path: Path, article: str) -> tuple[str, date]:
    """(text of `##### 제N조 (...)` up to the next article, 시행일자 from the front matter)."""
    text = path.read_text(encoding="utf-8")
    effective = date.fromisoformat(re.search(r"^시행일자:\s*(\S+)", text, re.M).group(1))
    m = re.search(rf"^##### {article} \(.*?(?=^##### |\Z)", text, re.S | re.M)
    assert m, f"{article} not found in {path.name}"
    return m.group(0), effective


def json_article(path: Path, number: str) -> tuple[str, date]:
    """All text of article `number` in a law.go.kr lawService JSON response (조문내용, 항, 호, 목)."""
    doc = json.loads(path.read_text(encoding="utf-8"))["법령"]
    effective = date.fromisoformat(re.sub(r"(\d{4})(\d{2})(\d{2})", r"\1-\2-\3", doc["기본정보"]["시행일자"]))
    unit = next(
        u
        for u in doc["조문"]["조문단위"]
        if u["조문번호"] == number and u["조문여부"] == "조문" and not u.get("조문가지번호")
    )
    parts: list[str] = []

    def walk(node):
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, list):
            for x in node:
                walk(x)
        elif isinstance(node, dict):
            for x in node.values():
                walk(x)

    walk(unit.get("조문내용"))
    walk(unit.get("항", []))
    return "\n".join(parts), effective


def parse_table(text: str) -> list[tuple]:
    """Rows of the first box-drawing table: (over, up_to, base, (num, den)) like rates.py."""
    rows, current = [], None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith(("├", "└")):
            if current:
                rows.append(current)
            current = ["", ""]
        elif line.startswith("│") and current is not None:
            cells = [c.strip() for c in line.strip("│").split("│")]
            if len(cells) == 2:
                current[0] += " " + cells[0]
                current[1] += cells[1]
    return [parse_row(bounds, formula) for bounds, formula in rows if re.search(r"이하|초과", bounds)]


AMOUNT = r"[\d,천백 ]+?[억만]?[\d,천백]*[억만]?원"


def parse_row(bounds: str, formula: str) -> tuple:
    over = re.search(rf"({AMOUNT})\s*초과", bounds)
    up_to = re.search(rf"({AMOUNT})\s*이하", bounds)
    if m := re.search(r"100분의\s*(\d+)", formula):
        rate = (int(m.group(1)), 100)
    elif m := re.search(r"(\d+)\s*퍼센트", formula):
        rate = (int(m.group(1)), 100)
    elif m := re.search(r"1천분의\s*(\d+)", formula):
        rate = (int(m.group(1)), 1000)
    else:
        raise AssertionError(f"no rate in {formula!r}")
    base = re.match(r"\s*([^+＋(]+?)\s*[+＋]", formula)
    return (
        parse_won(over.group(1).replace(" ", "")) if over else 0,
        parse_won(up_to.group(1).replace(" ", "")) if up_to else None,
        parse_won(base.group(1).replace(" ", "")) if base else 0,
        rate,
    )


def check(table_name: str, text: str, effective: date):
    parsed = parse_table(text)
    assert len(parsed) >= 5, parsed
    assert parsed == [tuple(row) for row in select(table_name, effective)["brackets"]]


@pytest.fixture(scope="module")
def laws(shared_data) -> Path:
    return shared_data / "legalize-kr" / "laws"


@pytest.fixture(scope="module")
def go_kr(shared_data) -> Path:
    return shared_data / "law.go.kr"


def test_inheritance_gift_rates_match_legalize_kr_2026(laws):
    check("inheritance_gift_rates", *markdown_article(laws / "inheritance_gift_tax_act_20260101.md", "제26조"))


def test_inheritance_gift_rates_match_law_go_kr_json(go_kr):
    check("inheritance_gift_rates", *json_article(go_kr / "inheritance_gift_tax_act_20250314.json", "26"))


def test_income_tax_rates_match_legalize_kr_2026(laws):
    check("income_tax_rates", *markdown_article(laws / "income_tax_act_20260421.md", "제55조"))


def test_income_tax_rates_match_law_go_kr_json(go_kr):
    check("income_tax_rates", *json_article(go_kr / "income_tax_act_20250101.json", "55"))


def test_wage_deduction_matches_statute(laws):
    text, effective = markdown_article(laws / "income_tax_act_20260421.md", "제47조")
    check("wage_deduction", text, effective)
    assert "2천만원을 공제한다" in text and select("wage_deduction", effective)["cap"] == 20_000_000


def test_local_income_tax_rates_match_statute(laws):
    check("local_income_tax_rates", *markdown_article(laws / "local_tax_act_20260101.md", "제92조"))


def test_gift_and_inheritance_amounts_are_in_the_statute(laws):
    """The fixed amounts the calculators use appear in the 2026 articles they cite."""
    path = laws / "inheritance_gift_tax_act_20260101.md"
    day = date(2026, 1, 1)
    gift, inh = select("gift", day), select("inheritance", day)
    a53, _ = markdown_article(path, "제53조")
    for phrase in ("배우자로부터 증여를 받은 경우: 6억원", "5천만원. 다만, 미성년자가", "2천만원으로 한다", "1천만원"):
        assert phrase in a53
    assert gift["deduction"]["spouse"] == 600_000_000 and gift["deduction"]["lineal_ascendant_minor"] == 20_000_000
    assert "1억원을 증여세 과세가액에서 공제" in markdown_article(path, "제53조의2")[0]
    assert "50만원 미만이면 증여세를 부과하지 아니한다" in markdown_article(path, "제55조")[0]
    a57, _ = markdown_article(path, "제57조")
    assert "100분의 30" in a57 and "20억원을 초과하는 경우에는 100분의 40" in a57
    assert "100분의 3에 상당하는 금액을 공제" in markdown_article(path, "제69조")[0]
    assert "2억원을 공제한다" in markdown_article(path, "제18조")[0] and inh["basic"] == 200_000_000
    a20, _ = markdown_article(path, "제20조")
    assert "자녀(태아를 포함한다) 1명에 대해서는 5천만원" in a20 and "1천만원에 19세가 될 때까지의 연수" in a20
    a21, _ = markdown_article(path, "제21조")
    assert "5억원 중 큰 금액" in a21 and "배우자가 단독으로 상속받는 경우" in a21
    a19, _ = markdown_article(path, "제19조")
    assert "30억원" in a19 and "5억원 미만이면" in a19
    a22, _ = markdown_article(path, "제22조")
    assert "2억원을 초과하면 2억원" in a22 and "100분의 20 또는 2천만원 중 큰 금액" in a22


def test_vat_amounts_are_in_the_statute(laws):
    path = laws / "vat_act_20260101.md"
    vat = select("vat", date(2026, 1, 1))
    assert "10퍼센트로 한다" in markdown_article(path, "제30조")[0] and vat["rate"] == (10, 100)
    assert "0.5퍼센트를 곱한 금액" in markdown_article(path, "제63조")[0]
    assert "4천800만원 미만이면" in markdown_article(path, "제69조")[0]
    assert "8천만원의 130퍼센트" in markdown_article(path, "제61조")[0]
    assert vat["simple_threshold"] == 80_000_000 * 130 // 100  # the decree uses the full 130%
