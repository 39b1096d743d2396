"""What the grounding panel shows: calculator breakdown, verdict and retrieved articles (real corpus)."""

from __future__ import annotations

from tui import grounding

GIFT = "부모님께 20억원을 증여받으면 증여세는 얼마인가요?"


def test_calculation_breakdown_and_assumptions():
    calc = grounding.calculation(GIFT)
    assert calc["kind"] == "gift" and calc["figures"]["payable"] == 601_400_000
    assert calc["figures"]["tax_base"] == 1_950_000_000 and "deduction" not in calc["figures"]
    assert any("성인" in a for a in calc["assumptions"])
    assert "상속세 및 증여세법 제53조" in calc["citations"]
    assert calc["summary"] == "증여세 납부할 세액 6억 140만원"
    wage = grounding.calculation("연봉 5천만원이면 근로소득공제는 얼마인가요?")
    assert wage["kind"] == "wage" and wage["summary"].startswith("근로소득 근로소득공제")
    assert grounding.calculation("상속세 신고기한은 언제인가요?") is None


def test_verdict_marks_the_original_wrong_figure():
    wrong = grounding.verdict(GIFT, "증여세는 9,000만원입니다.")
    assert wrong["checked"] and not wrong["agree"] and "9,000만원" in wrong["reason"]
    right = grounding.verdict(GIFT, "납부할 세액은 6억 140만원입니다.")
    assert right["agree"]
    assert grounding.verdict("안녕하세요", "네") is None


def test_articles_calculator_first_then_bm25_every_time():
    cited = grounding.calculation(GIFT)["citations"]
    for _ in range(2):  # the second lookup must work too (the corpus index is cached per process)
        found = grounding.retrieve_articles(GIFT, 2, cited)
        assert "error" not in found
        via = [a["via"] for a in found["articles"]]
        assert via == ["calculator"] * len(cited) + ["bm25"] * 2
        assert found["articles"][1]["citation"] == "상속세 및 증여세법 제53조" and found["articles"][1]["text"]
        citations = [a["citation"] for a in found["articles"]]
        assert len(citations) == len(set(citations))
