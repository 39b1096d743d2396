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


def test_articles_calculator_first_then_retrieval_every_time():
    for _ in range(2):  # the second read must work too (the corpus index is cached per process)
        found = grounding.panel(GIFT, k=2)
        assert "articles_error" not in found
        via = [a["via"] for a in found["articles"]]
        first = via.count("calculator")
        assert first >= 1 and via[:first] == ["calculator"] * first and "calculator" not in via[first:]
        assert len(via) > first, "retrieval adds articles after the calculator's"
        assert "상속세 및 증여세법 제53조" in [a["citation"] for a in found["articles"]]
        assert all(a["text"] for a in found["articles"])
        citations = [a["citation"] for a in found["articles"]]
        assert len(citations) == len(set(citations))


def test_panel_says_what_was_understood_and_what_is_missing():
    import asyncio

    from textual.app import App
    from textual.widgets import Static

    from tui.widgets.grounding_panel import GroundingPanel

    heirs = grounding.panel("남편이 사망해서 제가 아이 둘과 함께 30억원을 상속받아요. 상속세 얼마?", k=1)
    assert heirs["reading"]["understood"].startswith("상속세: 피상속인의 배우자 + 자녀 2명")
    late = grounding.panel("신고를 안 했으면 가산세는?", k=1)  # no tax amount: say so, do not assume one
    assert late["calculation"] is None and late["reading"]["missing"]
    assert grounding.panel("안녕하세요", k=1)["reading"] is None

    class Host(App):
        def compose(self):
            yield GroundingPanel()

    async def shown(panel: dict) -> str:
        app = Host()
        async with app.run_test(size=(120, 60)) as pilot:
            await app.query_one(GroundingPanel).show(panel)
            await pilot.pause()
            return "\n".join(str(w.render()) for w in app.query(Static))

    text = asyncio.run(shown(heirs))
    assert "이렇게 이해했습니다: 상속세: 피상속인의 배우자 + 자녀 2명" in text
    text = asyncio.run(shown(late))
    assert "확인이 필요합니다: 신고·납부하지 않은 세액" in text and "다시 계산합니다" in text
    # a figure computed on a fact not placed is shown as a reference calculation, not as the answer
    split = grounding.panel("아버지가 저한테 1억, 누나한테 2억 줬어요. 증여세 각각 얼마예요?", k=1)
    assert split["calculation"] and split["reading"]["ambiguous"]
    text = asyncio.run(shown(split))
    assert "확인이 필요합니다: " in text and "누가 얼마를" in text and "참고 계산" in text
    assert "참고 계산" not in asyncio.run(shown(heirs))
