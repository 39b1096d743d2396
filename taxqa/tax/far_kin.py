"""Kin words that sound like a close relative but are not one under 상증법 제53조: a grandparent's brother or sister
(작은할아버지, 종조부, 고모할머니, "할아버지 남동생") is a 4촌 혈족 (기타친족), not a 직계존속, so no generation is skipped;
their spouse (작은할머니, 종조모, 이모할아버지) a 4촌 인척, beyond the 3촌 인척 of 제53조제4호. And an adopted child,
who is no stranger: a 직계비속 (민법 제772조). Read by the family words of taxqa.tax.family."""

from __future__ import annotations

import re

# an adopted child (양자, 친양자, 양딸) is a 직계비속 like any child; not "양자 간 합의" (both parties of a contract)
ADOPTED = r"(?:친)?양자(?!\s*(?:간|사이|합의|모두|각각|대결|구도|택일|역학|컴퓨터))|양녀|양아들|양딸"
GRAND = r"(?:외|친)?(?:할아버지|할머니|할아버님|할머님|할배|할매|조부|조모)"
# "할아버지 남동생", "외할머니 언니": a grandparent's sibling said as such (a particle or a space after it)
GRAND_SIBLING = (
    r"(?:외)?종조(?:부|할아버지)|(?:작은|큰)할아버(?:지|님)|(?:고모|이모)할머(?:니|님)|대고모|왕고모|"
    + GRAND
    + r"\s*(?:의\s*)?(?:남동생|여동생|동생|형님?|누나|누님|오빠|언니|누이)(?=분|님|[이가은는에한께과와도의랑으을를,\s()]|$)"
)
GRAND_SIBLING_SPOUSE = r"(?:외)?종조(?:모|할머니)|(?:작은|큰)할머(?:니|님)|(?:고모|이모)할아버(?:지|님)"


def kin_note(words: str) -> str | None:
    """What the answer assumes of a relative beyond the close family, by the words that name them."""
    if re.fullmatch(GRAND_SIBLING, words):
        return "조부모의 형제자매(종조부·대고모 등)는 4촌 혈족으로 기타친족 공제 (제53조제4호): 직계존속이 아니라 세대생략 할증 없음"
    if re.fullmatch(GRAND_SIBLING_SPOUSE, words):
        return "조부모 형제자매의 배우자(종조모 등)는 직계존속이 아니라 세대생략 할증 없음"
    if re.search(r"친척|친족", words):
        return "친척은 4촌 이내 혈족 또는 3촌 이내 인척으로 가정 (제53조제4호)"
    return None
