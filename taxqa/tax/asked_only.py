"""How a question says that one thing alone is asked about, of several it tells: "상속세만 먼저 알려주세요", "아내
것만 계산해 주세요", "제 양도세만", "남편이 받은 것 증여세만", "소품 매장 부가세만 봐 주세요". The words live here once;
each reader that must choose among several taxes, people, pays or businesses builds its own cue from them."""

from __future__ import annotations

# the asking after "만": "만 계산해", "만 먼저 알려", "만 좀 봐", "만 부탁"; not "만 해도" ("상속세만 해도 수억인데": even)
ASKING = (
    r"(?:먼저\s*|일단\s*|우선\s*|좀\s*)?"
    r"(?:알려|계산|구해|궁금|여쭤|물어|얼마|부탁|봐\s*주|봐줘|따져|해\s*주|해줘|뽑아|내\s*주)"
)
# "만" ending the asking itself: "아내 것만요", "저만."
ONLY_END = r"만\s*(?:요|[.?!]|$)"
# the asker, as the one asked about
ASKER = r"저|제|나|내|본인"
# people a question names as the one asked about
PEOPLE = (
    r"아내|와이프|남편|신랑|배우자|큰형|작은형|친?형|큰누나|누나|언니|오빠|(?:남|여)?동생|아빠|엄마|아버지|어머니|"
    r"아들|딸|친구|동료|사촌|조카|사위|며느리"
)
# a thing of someone's: "것", "거", "꺼", "몫", "건"
THEIRS = r"(?:것|거|꺼|몫|건)"
