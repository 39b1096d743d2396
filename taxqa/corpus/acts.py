"""Which act an everyday question is about, from the statute words its everyday words map to.

A question in everyday words often names no tax: "집 사면 내는 세금" says 사다 (-> 취득, taxqa.corpus.lexicon),
and 지방세법's 취득세 chapter uses 취득 six times as often as the corpus does; "청년이 작은 회사 들어가면" says
청년 and 중소기업, words of 조세특례제한법. The cue table is the corpus itself: each statute word's articles counted
per *unit* (an act, or a chapter's tax in an act of several taxes: 지방세법's 취득세, 재산세, 자동차세 ...) against
the count the unit's size would give it. A unit's score is the sum over the question's words of
log((observed + 1) / (expected + 1)); the best unit governs the question when its score reaches SCORE_MIN and
leads the next by MARGIN. It is weaker than a tax the question names or a lay phrase: taxqa.corpus.query asks
for it only when neither points at an act.
"""

from __future__ import annotations

from taxqa.corpus.indexing import SEVERAL_TAXES, chapter_taxes

SCORE_MIN = 1.5  # summed log ratio of observed to expected articles, about 4.5x as often
MARGIN = 0.5  # over the second unit (log): a word shared by two units decides nothing between them


def units(index):
    """Per passage its unit number (-1 for precedents and rulings), the unit names and sizes, once per index."""
    found = getattr(index, "_units", None)
    if found is None:
        import numpy as np

        names: dict[str, int] = {}
        ids = []
        for p, tax in zip(index.passages, chapter_taxes(index.passages)):
            if p.kind not in ("statute", "decree"):
                ids.append(-1)
                continue
            act = p.law.rsplit(" ", 1)[0] if p.law.endswith(("시행령", "시행규칙")) else p.law
            ids.append(names.setdefault(f"{act}:{tax}" if act in SEVERAL_TAXES and tax else act, len(names)))
        unit_of = np.array(ids, dtype=np.int64)
        sizes = np.bincount(unit_of[unit_of >= 0], minlength=len(names)).astype(np.float64)
        found = index._units = (unit_of, list(names), sizes)
    return found


def scores(index, tokens) -> dict[str, float]:
    """Each unit's summed log ratio of observed to expected articles over the statute words ``tokens``."""
    import numpy as np

    unit_of, names, sizes = units(index)
    field = index.fields["text"]
    total = np.zeros(len(names))
    everything = sizes.sum()
    for column in field.ids(list(dict.fromkeys(tokens))):
        rows = np.asarray(field.indices[int(field.indptr[column]) : int(field.indptr[column + 1])])
        units_hit = unit_of[rows]
        observed = np.bincount(units_hit[units_hit >= 0], minlength=len(names))
        expected = sizes * observed.sum() / everything
        total += np.log((observed + 1) / (expected + 1))
    return dict(zip(names, total.tolist()))


def vote(index, tokens) -> tuple[str, str, float]:
    """The act and chapter tax ("" when none) the words point at together and the score; ("", "", 0.0) when
    no unit reaches SCORE_MIN ahead of the next by MARGIN."""
    found = sorted(scores(index, tokens).items(), key=lambda kv: -kv[1])
    if not found or found[0][1] < SCORE_MIN or (len(found) > 1 and found[0][1] - found[1][1] < MARGIN):
        return "", "", 0.0
    act, _, tax = found[0][0].partition(":")
    return act, tax, found[0][1]
