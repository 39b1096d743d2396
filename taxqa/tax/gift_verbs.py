"""The words that say a gift is given or received ("넣어 주신대요", "물려받은"), and to or from whom ("아들에게",
"아버지로부터"): what the family reader (taxqa.tax.family) and the gift reader read a giver and a receiver by."""

from __future__ import annotations

import re

GIVE = r"증여\s*(?:하|를\s*하|해|했|할|함|[.,/\n]|$)|(?:한테|에게|께)\s*(?:\S+\s*){0,2}?줘|(?<![가-힣])줌(?![가-힣])|(?<=[어아])\s*줬|넣어\s*(?:주|두|놓)|(?:통장|계좌)\S{0,2}\s*(?:\S+\s*){0,3}?넣|입금|(?<![가-힣])주(?:[고면었시셨려는신실셔세자심]|어|기)|(?<![가-힣])줄(?:라|려|까|\s*(?:거|것|테|생각|계획))|(?<![가-힣])줬|(?<![가-힣])준(?:다|대|데|답)|주려|보태|(?<=[어아])\s*주|드리|드렸|넘겨|넘길|(?<!기한을\s)(?<!기한\s)(?<!기한을)(?<!기한)넘겼|물려\s*주|이전해|보내|송금|이체|사\s*주|사줘|해\s*주|건네(?:[주준줄고려]|어\s*주)|건넨|건넸"
RECEIVE = r"받|물려\s*받|상속받|증여받"
HONOURED_GIVES = r"(?<!알려)(?<!계산해)(?<!말해)(?<!가르쳐)(?<!확인해)(?<!봐)\s?주(?:셨|심|신(?:대|다|데|다고|\s*돈)|셔서|시려|시기로|시겠|시는데)"
# "혼인공제 받으면", "비과세 받으려면": a relief received, not the gift
RELIEF_RECEIVED = (  # "공제를 1억 원까지 받", "혼인할 때 받는 공제"
    r"(?:공제|비과세|감면|혜택|환급)\s*(?:을|를|도|은|는)?\s*(?:[^.?!\s]+\s*){0,2}?받|받는\s*(?:공제|혜택|비과세|감면)"
)
FROM = r"(?:님)?(?:으로부터|로부터|에게서|한테서|께로부터|에서)"
TO = r"(?:님)?(?:에게|한테|께|에게로|헌티|한티)(?!서)"  # "나헌티": a dialect's 한테


def in_name_of(rest: str) -> bool:
    """'손자 앞으로 통장을 새로 만들어서 1억을 넣어주신대요': a gift into someone's name, its verb later in the sentence."""
    sentence = re.split(r"[.?!\n]", rest, maxsplit=1)[0]
    return bool(
        re.search(r"(?:앞으로|명의로)", sentence) and re.search(GIVE, sentence) and not re.search(RECEIVE, sentence)
    )
