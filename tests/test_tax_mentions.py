"""taxqa.tax.mentions: a question read once into typed mentions (kiwipiepy morphemes + the amount
parser), with offsets into the question as written."""

from __future__ import annotations

from taxqa.tax.mentions import read_mentions
from taxqa.tax.normalise import normalise
from taxqa.tax.tax_terms import uncovered_tax


def mentions(text):
    return read_mentions(text, normalise(text))


def one(text, type_):
    found = [m for m in mentions(text) if m.type == type_]
    assert found, (text, type_)
    return found[0]


def test_amount_offsets_are_in_the_question_as_written():
    text = "월급 400인데 이십억 받으면"
    for m in mentions(text):
        if m.type == "amount":
            assert text[m.start : m.end] == m.text
    assert [m.value for m in mentions(text) if m.type == "amount"] == [4_000_000, 2_000_000_000]
    assert one("월급 400인데", "amount").flags.get("implied_unit")


def test_amount_flags():
    assert one("1.5억 받음", "amount").value == 150_000_000
    assert one("10만 달러를 받음", "amount").flags["currency"] == "USD"
    assert one("$80,000 받음", "amount").flags["currency"] == "USD"
    assert one("500만엔 수출", "amount").flags["currency"] == "JPY"
    assert one("3만 유로", "amount").flags["currency"] == "EUR"
    assert one("아빠가 -2억 준대", "amount").flags["negative"]
    assert one("3억 이상 받음", "amount").flags["range"]
    assert one("3-5억 받음", "amount").flags["range"]
    assert one("2~3억 받음", "amount").flags["range"]
    assert one("매달 100만원씩 받음", "amount").flags["period"] == "매달 100만원씩"
    assert "period" not in one("엄마 아빠한테 각각 5천만원씩 받음", "amount").flags
    assert one("공제 5억 한도", "amount").flags.get("context")
    assert one("원천징수로 50만원 냈어요", "amount").flags["tax_paid"]
    assert "tax_paid" not in one("국민연금 300만원 냈어요", "amount").flags
    assert one("대략 1억 전후", "amount").flags["approx"]
    bad = one("1억 5천 10000원 받음", "unreadable")
    assert bad.text == "1억 5천 10000원" and bad.value is None


def test_numbers_people_negations_terms():
    held = one("보유 3년6개월", "duration")
    assert held.value == {"years": 3, "months": 6} and held.text == "3년6개월"
    assert one("5년 전에 산 집", "duration").value == {"years": 5, "ago": True}
    assert one("20일 만에 기한후신고", "duration").value == {"days": 20, "late": True}
    assert one("근속 10~12년", "duration").value.get("range")
    assert one("2021년 귀속 종합소득세", "date").value == {"year": 2021, "attribution": True}
    assert one("75세 어머니", "age").value == 75
    assert one("자녀 2명", "count").value == {"count": 2, "of": "자녀"}
    assert one("1세대1주택 아님", "negation").value == "1세대1주택"
    assert one("부정행위는 아님", "negation").value == "부정행위"
    people = [m for m in mentions("어머니는 예전에 돌아가셨고 아버지가 저한테 1억을 줬어요") if m.type == "person"]
    assert [(p.text, p.value["alive"]) for p in people] == [("어머니", False), ("아버지", True)]
    alive = [m for m in mentions("배우자와 자녀 2명이 있는 사람이 사망했을 때") if m.type == "person"]
    assert all(p.value["alive"] for p in alive)
    assert one("종부세 얼마", "term").value == "종합부동산세"


def test_taxes_not_computed_here():
    assert uncovered_tax("상장주식 팔아서 3억 벌었어요") == "주식 양도소득세"
    assert uncovered_tax("아버지께 주식 1억원어치를 증여받으면") is None
    assert uncovered_tax("아파트 취득세 얼마") == "취득세"
    assert uncovered_tax("양도세 계산, 필요경비에 취득세 1천만원 포함") is None
    assert uncovered_tax("공시가 20억 종부세") == "종합부동산세"


def test_a_lone_surrogate_and_emoji_do_not_break_the_reading():
    assert one("😀 10만 달러", "amount").text == "10만"
    assert mentions("\ud800 부모님께 1억")


def test_particles_fit_how_a_flag_quotes_its_words():
    from taxqa.tax.words import josa, quoted

    # a digit by its Korean name: 영 일 삼 육 칠 팔 (십 백 천 for a trailing 0) end in a consonant, 이 사 오 구 not
    assert [quoted(w, "을를") for w in ("3억", "2,500", "15", "4", "양도가액")] == [
        "'3억'을",
        "'2,500'을",
        "'15'를",
        "'4'를",
        "'양도가액'을",
    ]
    assert josa("기타소득세(권리금)", "이가") == "기타소득세(권리금)이"  # read with its bracket
    assert quoted("ISA", "은는") == "'ISA'은(는)"  # no Korean reading of its end: both kept


def test_an_uncovered_tax_is_named_as_people_say_it():
    from taxqa.tax.tax_terms import not_computed

    assert not_computed("종합부동산세").startswith("이 계산기는 종합부동산세(종부세)를 계산하지 않습니다")
    assert "취득세를" in not_computed("취득세")
