"""The everyday-word table (taxqa/corpus/data/everyday.tsv): its form, its words, what they name."""

from taxqa.corpus import everyday
from taxqa.corpus.query import read_query


def test_every_row_names_titles_of_its_act_and_matches_no_empty_question():
    assert everyday.check(everyday.carriers()) == []


def test_words_gap_choice_and_optional_space():
    p = everyday.pattern("노후 ~ 연금 ~ (넣|붓) | 개인 연금")
    assert p.search("노후 대비로 드는 연금 상품에 매달 붓는 돈")
    assert p.search("개인연금 통장")
    assert not p.search("연금을 받는 노후")  # parts in their order only


def test_a_short_first_part_starts_a_word_and_an_exclusion_vetoes():
    assert not everyday.pattern("상금").search("토지 보상금")
    assert everyday.pattern("상금").search("대회 상금도 세금")
    p = everyday.pattern("카드 ~ 긁 | - 손님")
    assert p.search("카드 많이 긁으면 연말에")
    assert not p.search("손님이 카드로 긁는 가게")


def test_a_question_in_everyday_words_names_the_articles_concept():
    assert "연금계좌세액공제" in read_query("노후 대비 개인연금에 넣은 돈 돌려받나").concepts
    assert "특별세액공제" in read_query("교회 헌금도 연말정산에 되나").concepts


def test_an_article_with_a_short_title_is_named_by_its_citation():
    q = read_query("오피스텔 재산세는 언제 나오나")
    assert "지방세법 제115조" in q.concepts
    assert "지방세법" in q.acts
    assert "지방세법 제115조" not in q.added  # a citation is not a word to search for


def test_a_later_part_reads_its_verb_in_any_tense():
    p = everyday.pattern("상속세 ~ (대신 내|나눠)")
    assert p.search("상속세를 땅으로 대신 낼 수 있나")
    assert p.search("상속세를 대신 냈는데")
    assert everyday.pattern("부가세 ~ (빼|돌려주)").search("부가세를 돌려줬어")


def test_a_sale_to_family_is_presumed_a_gift_but_handing_over_is_a_gift_already():
    # 상증법 제44조 is about a sale (양도); 넘겨받/넘겨주 is how people say a gift (9x, 9y)
    assert "배우자등에게양도한재산의증여추정" in read_query("아들한테 아파트를 시세대로 팔았는데 증여로 보나").concepts
    assert "배우자등에게양도한재산의증여추정" not in read_query("이혼하면서 아내한테서 집을 넘겨받으면").concepts


def test_a_company_car_is_a_passenger_car_not_a_forklift():
    car = "업무용승용차관련비용의손금불산입등특례"
    assert car in read_query("법인 명의 외제차 리스료 경비 한도").concepts
    assert car not in read_query("물류 창고에 지게차를 법인 명의로 들이면 비용 한도").concepts


def test_rows_walked_from_the_statutes_name_their_articles():
    assert "세금계산서발급시기" in read_query("세금계산서는 공급하고 언제까지 끊어야 해").concepts
    assert "세금계산서발급시기" not in read_query("세금계산서를 늦게 끊으면 벌금").concepts  # that is 제60조
    assert "동거주택상속공제" in read_query("어머니 모시고 같이 살던 집을 물려받으면 공제").concepts
    assert "국세기본법 제55조" in read_query("억울하게 나온 세금 고지는 어디에 따지나").concepts


def test_a_one_syllable_later_part_starts_a_word():
    p = everyday.pattern("명의 ~ 빌린 ~ (주식|땅)")
    assert p.search("친구 명의를 빌린 땅")
    assert not p.search("회사 명의로 빌린 세단 리스료를 몽땅")
    assert everyday.pattern("회사 ~ 차 ~ 비용").search("회사 차 비용")
    assert not everyday.pattern("회사 ~ 차 ~ 비용").search("회사 지게차 비용")


def test_parts_joined_by_an_ampersand_match_in_either_order():
    p = everyday.pattern("취득세 & (며칠|기한)")
    assert p.search("잔금 치렀는데 취득세는 며칠 안에 내")
    assert p.search("며칠 안에 취득세를 내")
    assert not p.search("취득세 세율은 몇 퍼센트")
    words = everyday.Words("연납 | 재산세 & (누가|누구)")
    assert words.search("누가 재산세를 내나")  # a cue from either part
    assert words.search("재산세는 누구 몫")
    assert not everyday.Words("마감 ~ 신고").search("신고 마감")  # " ~ " keeps its order
