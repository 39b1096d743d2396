"""The act a question naming no tax is about, from its events and asker (taxqa.corpus.chooser)."""

from __future__ import annotations

import pytest

from taxqa.corpus import chooser, search
from taxqa.corpus.query import read_query, table

TAXES = {c for cues in table()["acts"].values() for c in cues if c.endswith("세")}


@pytest.mark.parametrize(
    ("question", "act"),
    [
        ("할머니께 받은 돈 오천만 원도 신고해야 하나", chooser.GIFT_ACT),  # received from family
        ("아들한테 전셋값 일부를 보태 주면 문제 될까", chooser.GIFT_ACT),  # given to family
        ("아버지 돌아가시고 남은 논밭은 어떻게 계산해", chooser.GIFT_ACT),  # left by the dead
        ("우리 회사가 거래처에 떼인 외상값을 손해로 잡을 수 있나", chooser.CORPORATE_ACT),  # a company's accounts
        ("사장이 회사 돈 빌려 가서 안 갚으면 어떻게 돼", chooser.CORPORATE_ACT),
        ("적금 만기에 받은 이자는 어떤 소득이야", chooser.INCOME_ACT),  # a person's income
        ("회사 다니면서 받은 월급에서 떼는 돈", chooser.INCOME_ACT),  # an employee's company is not the taxpayer
        ("십 년 산 아파트 팔 때 남는 차익은 어떻게 돼", chooser.INCOME_ACT),  # selling an asset
    ],
)
def test_the_event_chooses_the_act(question, act):
    assert chooser.choose(question, set(), TAXES) == act


@pytest.mark.parametrize(
    "question",
    [
        "할머니께 받은 돈에 증여세가 붙나",  # names a tax: its own words decide
        "상증법에서 부모한테 받은 돈 공제",  # names an act
        "엄마한테 받은 집을 팔면 차익은 어떻게 돼",  # two events, two acts: nothing chosen
        "직장인인데 근로장려금 받을 수 있어",  # who asks is no event (근로장려금 is the special act's)
        "물건 팔면 영수증을 꼭 줘야 해",  # selling goods is no asset sale
    ],
)
def test_no_act_is_chosen_without_one_clear_event(question):
    assert chooser.choose(question, read_query(question).named, TAXES) == ""


def test_a_general_act_word_keeps_the_choice_silent():
    question = "돌려받을 세금 늦게 주면 이자도 붙여 줘?"  # 이자 here is 국세환급가산금, not interest income
    assert chooser.events(question) == {chooser.INCOME_ACT}
    assert chooser.choose(question, set(), TAXES, general=True) == ""


def test_the_chosen_act_governs_and_the_others_step_back():
    q = read_query("성인 자녀가 부모한테 받을 때 공제되는 금액이 얼마예요")
    assert chooser.GIFT_ACT in q.acts and chooser.INCOME_ACT not in q.acts
    assert chooser.GIFT_ACT in q.primary and chooser.INCOME_ACT not in q.primary


@pytest.mark.parametrize(
    ("question", "gold"),
    [
        ("성인 자녀가 부모한테 받을 때 공제되는 금액이 얼마예요", "상속세 및 증여세법 제53조"),  # tuned set
        ("미국 주식 배당금에서 미국이 먼저 세금을 떼 갔으면 여기서 또 다 내야 해", "소득세법 제57조"),  # plain17
        ("회사에서 산 기계값을 한 해에 다 비용으로 못 잡고 몇 년에 걸쳐 나눠야 한다는데", "법인세법 제23조"),
    ],
)
def test_the_chosen_act_puts_its_article_first(question, gold):
    assert search(question, 5)[0][0].citation == gold


def test_a_relief_asked_with_nothing_else_to_go_on_is_the_special_acts():
    q = read_query("헬스장 회원권 결제하면 연말에 세금 줄여 준다던데")  # no tax, no act, no event: a relief
    assert q.acts == {chooser.RELIEF_ACT}
    assert read_query("헬스장 회원권 결제하면 연말에 소득세 줄여 준다던데").acts == {"소득세법"}  # a tax named


@pytest.mark.parametrize(
    ("question", "act"),
    [
        ("남편이 떠나고 남은 집이랑 예금은 어떻게 나눠", chooser.GIFT_ACT),  # 떠나다 for dying
        ("아버지 가신 뒤에 남은 땅 서류", chooser.GIFT_ACT),
        ("딸한테 목돈을 줄 때 얼마까지 괜찮아", chooser.GIFT_ACT),
        ("우리 회사 결산이 끝나면 무엇부터 내야 해", chooser.CORPORATE_ACT),  # a company's closing of the books
        ("분양권 전매하면 남는 돈은 어떻게 계산해", chooser.INCOME_ACT),  # a right resold
    ],
)
def test_more_ways_of_saying_the_event(question, act):
    assert chooser.choose(question, set(), TAXES) == act


@pytest.mark.parametrize(
    ("question", "act"),
    [
        ("중고 트럭 한 대 샀는데 등록할 때 내는 돈", chooser.LOCAL_ACT),  # buying a vehicle: 취득세
        ("해마다 칠월에 날아오는 상가 건물 고지서", chooser.LOCAL_ACT),  # keeping a building: 재산세
        ("가게 문 닫으면 창고의 재고는 어떻게 돼", chooser.VAT_ACT),  # closing a shop
        ("작년 신고를 고쳐 달라는 건 언제까지 할 수 있어", chooser.BASIC_ACT),  # correcting a return
        ("결정이 억울하면 어디에 말해야 해", chooser.BASIC_ACT),  # an appeal
        ("라면 맛있게 끓이는 법", ""),
        ("가게 문 닫고 억울한 일이 생겼어", ""),  # two acts hinted: none
    ],
)
def test_the_events_hint_at_the_other_acts(question, act):
    assert chooser.hint(question) == act


def test_the_hint_governs_only_when_nothing_else_reads_an_act():
    q = read_query("중고 트럭 한 대 샀는데 등록할 때 붙는 비율")
    assert q.hinted == chooser.LOCAL_ACT and not q.acts  # retrieval takes it when the corpus vote is silent
    assert search(q.text, 1)[0][0].law == chooser.LOCAL_ACT
    assert read_query("중고 트럭 샀는데 부가세 환급 되나").hinted == ""  # a tax named: its act governs


@pytest.mark.parametrize("question", ["카드 많이 쓰면 세금 덜 낸다던데", "기부하면 세금에서 빼 준다던데"])
def test_a_relief_asked_in_any_tense(question):
    assert read_query(question).wants_relief


def test_tax_paid_short_is_no_relief():
    assert not read_query("수입을 빠뜨려서 세금을 덜 낸 것 같아 고쳐 내고 싶어").wants_relief  # underpaid: a fact
