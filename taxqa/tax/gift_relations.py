"""The relation 상속세 및 증여세법 제53조 gives each kind of family word, as the donor's and as the donee's, and the
note said where the law decides it (a step-parent, an in-law, a relative too far for the 친족 공제)."""

from __future__ import annotations

# category -> (relation when the word is the donor, when the word is the donee, generation skip as donor/donee)
RELATION_OF = {
    "spouse": ("spouse", "spouse", False, False),
    "parent": ("lineal_ascendant", "lineal_descendant", False, False),
    "stepparent": ("lineal_ascendant", "lineal_descendant", False, False),
    "grandparent": ("lineal_ascendant", "lineal_descendant", True, False),
    "child": ("lineal_descendant", "lineal_ascendant", False, False),
    "stepchild": ("lineal_descendant", "lineal_ascendant", False, False),
    "grandchild": ("lineal_descendant", "lineal_ascendant", False, True),
    "inlaw": ("other_relative", "other_relative", False, False),
    "blood": ("other_relative", "other_relative", False, False),
    "far": ("other", "other", False, False),
    "other": ("other", "other", False, False),
}
NOTE_OF = {
    "stepparent": "계부모는 수증자의 직계존속과 혼인(법률혼) 중인 배우자로 직계존속 공제 적용 (제53조제2호)",
    "stepchild": "의붓자녀는 수증자와 혼인 중인 배우자의 직계비속으로 직계비속 공제 적용 (제53조제3호)",
    "inlaw": "인척(3촌 이내)은 기타친족으로 공제 (제53조제4호)",
    "far": "5촌 이상의 혈족·4촌 이상의 인척은 친족 공제 대상이 아니라 공제 없음 (제53조제4호)",
}
