"""The industry a 간이과세자 names, by the words people use for it (부가가치세법 시행령 제111조②'s 업종별
부가가치율 table keys), and a word said not to be the business ("음식점 아니고 서비스업")."""

from __future__ import annotations

import re

# "스터디카페", "키즈카페", "코인노래방", "PC방": a room or a place let by the hour is a 서비스업, not a 카페 that sells drinks
PLACE_BY_HOUR = r"(?:스터디|키즈|보드\s*게임|만화|룸)\s*카페|노래방|노래\s*연습장|(?:PC|피시|pc)\s*방|독서실|당구장|볼링장|탁구장|스크린\s*골프"
RESTAURANT = (  # "국숫집", "칼국수 가게": the dish names the place
    r"음식점|식당|(?<!스터디)(?<!키즈)(?<!만화)(?<!게임)(?<!룸)카페|커피|디저트|치킨|분식|음식|요식|백반|한식|중식|일식|고깃집|국밥|횟집|빵집|베이커리|주점|호프"
    r"|국숫집|국수집|국수|냉면|김밥|떡볶이|족발|보쌈|중국집|밥집|술집|포차|피자|닭갈비"
)
INDUSTRY_WORDS = [
    (
        "realestate",
        r"부동산\s*임대|(?:상가|건물|사무실|오피스텔)\S{0,3}\s*(?:하나\s*)?(?:세\s*(?:를\s*)?(?:주|줘|놓)|임대)|"
        r"(?:월세|임대료)\S{0,2}\s*(?:를\s*)?받",  # "오피스텔 월세 받는데": the rent of a let
    ),
    ("facility", r"사업시설|사업지원|렌탈|임대\s*서비스"),
    ("recycling", r"재생용|재활용|고물"),
    ("parcel", r"소화물|택배|퀵서비스"),
    ("service", PLACE_BY_HOUR),
    # a bare "가게" ("우리 가게", "가게는 작년에 열었고") says nothing of what is sold: a 분식집 or a 카페 is one too;
    # a shop its goods name is ("과일가게", "구멍가게", "옷 가게")
    (
        "retail",
        r"소매|편의점|슈퍼|마트|(?<=[가-힣])가게|(?:옷|과일|신발|잡화|소품|문구|채소|야채|생선|가구|안경)\s가게|상점|꽃집|화원|"
        # packaged goods sold over a counter or online: "무인 아이스크림 가게", "스마트스토어로 옷을 팔아요"
        r"아이스크림\s*(?:할인점|가게|매장|판매점|할인\s*매장)|무인\s*(?:아이스크림|과자|문구|편의점|판매점)|"
        r"스마트\s*스토어|온라인\s*(?:쇼핑몰|판매|몰)|인터넷\s*(?:쇼핑몰|판매)|쇼핑몰|통신\s*판매|오픈\s*마켓|"
        r"정육점|철물점|문구점|(?<![가-힣])서점|안경점|잡화점|밀키트|화장품\s*(?:가게|매장|판매)|(?:휴대폰|핸드폰)\s*(?:매장|판매점|가게)",
    ),
    ("restaurant", RESTAURANT),
    ("manufacturing", r"제조"),
    ("agriculture", r"(?<![가-힣])(?:농업|임업|어업)|농림|축산|양식업"),  # not the 어업 of 인테리어업
    ("lodging", r"숙박|모텔|펜션|민박|게스트하우스"),
    ("construction", r"건설|인테리어|시공"),
    ("transport", r"운수|운송|택시|화물|창고"),
    ("ict", r"정보통신|소프트웨어|출판|방송"),
    ("finance", r"금융|보험"),
    ("professional", r"전문|과학|기술서비스|컨설팅|디자인|광고"),
    (
        "service",
        r"서비스|미용|세탁|수리|네일|헤어|이발|사진\s*(?:촬영|관|스튜디오)|촬영|영상\s*편집",
    ),  # "네일샵": 미용업; 사진 촬영
]


def said_industry(text: str, words: str) -> re.Match | None:
    """The first industry word not said to be not the business ("음식점 아니고 서비스업(노래방)")."""
    return next(
        (
            m
            for m in re.finditer(words, text)
            if not NOT_THIS.match(text[m.end() :])
            # "칼국수 가게": a shop its dish names is a restaurant, not a 소매 가게
            and not (m.group(0) == "가게" and re.search(rf"(?:{RESTAURANT})\s*$", text[: m.start()]))
        ),
        None,
    )


NOT_THIS = re.compile(r"\S{0,3}\s*(?:이|가|은|는)?\s*(?:아니|아님|말고|빼고|아닌)")
