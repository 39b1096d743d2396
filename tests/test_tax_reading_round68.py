"""Round 68 (set 85's misses at their rules): "아기 엄마 아빠" names both parents, not the asker's wife; "팀에서 7년
뛰고" is the years of service."""

from __future__ import annotations

from taxqa.tax.normalise import normalise
from taxqa.tax.reading import ask

AS_OF = "2026-06-01"


def test_the_babys_mother_and_father_together_are_no_spouse():
    assert "아기 엄마 아빠" in normalise("아기 엄마 아빠 다 건강하고요")
    assert "아내한테" in normalise("우리 애 엄마한테 1억 줬어요")  # one parent named: the asker's spouse
    q = "오늘 우리 손주 백일이라 제가(할머니) 손주 앞으로 3천만원 통장을 만들어 줬어요. 아기 엄마 아빠 다 건강하고요. 손주 증여세는?"
    r = ask(q, as_of=AS_OF)["result"]
    assert r["inputs"]["minor"] is True and r["inputs"]["generation_skip"] is True and r["payable"] == 1_261_000


def test_years_played_for_a_team_are_service():
    r = ask("해설: 은퇴한 이선수, 팀에서 7년 뛰고 퇴직금 4,200만원 받았는데요~ 퇴직소득세 얼마죠?", as_of=AS_OF)[
        "result"
    ]
    assert r["inputs"]["years"] == 7
