"""Reading unseen wording: the figure, the flags and the kind on question sets written after the
reader, in voices it was not tuned on (tests/data/reading_unseen*.json).

Each case is a question with the kind and tax name it is about and either the figure it should
give (computed by the calculator on inputs written by hand, not on the reader's) or the fact the
answer must ask for (`flag`: any of these words in a `missing`/`ambiguous` line). Scores:

- figure right: `taxqa tax ask` gives a result whose asked figure equals the expected one, among the
  computable cases;
- wrong without a flag: a figure given with `missing` and `ambiguous` both empty, where it is wrong or
  where a fact is lacking (must be 0);
- asked: among the cases that lack a fact, the answer is flagged and the flag names the fact;
- kind: the reading's kind (null for taxes not computed here) and its `tax_name`.

    python bench/bench_unseen.py                      # every tests/data/reading_unseen*.json
    python bench/bench_unseen.py tests/data/reading_unseen.json -v   # one set, misses listed
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from taxqa.tax.compute import compute  # noqa: E402
from taxqa.tax.kinds import KINDS  # noqa: E402
from taxqa.tax.reading import ask, read_question  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def figure_of(answer: dict[str, Any], name: str) -> Any:
    result = answer["result"]
    if name in result:
        return result[name]
    res = compute(answer["kind"], **result["inputs"], as_of=result["as_of"])
    return KINDS[answer["kind"]].figure_values(res).get(name)


def score_case(case: dict[str, Any], as_of: str) -> dict[str, Any]:
    answer = ask(case["q"], as_of=as_of)
    flags = list(dict.fromkeys(answer.get("missing", []) + answer.get("ambiguous", [])))  # a line once
    kind = read_question(case["q"], as_of=as_of).kind if answer["kind"] is None else answer["kind"]
    if answer.get("tax_name") is None and case["kind"] is None:
        kind = "?"  # a tax not computed here must be named
    out = {"q": case["q"], "kind_ok": kind == case["kind"], "flagged": bool(flags), "flags": flags}
    if "flag" in case:
        out["asked"] = bool(flags) and any(w in " ".join(flags) for w in case["flag"])
        out["wrong_unflagged"] = answer["result"] is not None and not flags
        return out
    got = figure_of(answer, case["figure"]) if answer["result"] else None
    out["got"], out["expected"] = got, case["expected"]
    out["right"] = got == case["expected"]
    out["wrong_unflagged"] = answer["result"] is not None and not out["right"] and not flags
    return out


def score(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = [(c, score_case(c, data["as_of"])) for c in data["cases"]]
    computable = [r for c, r in rows if "flag" not in c]
    lacking = [r for c, r in rows if "flag" in c]
    return {
        "set": path.name,
        "questions": len(rows),
        "computable": len(computable),
        "right": sum(r["right"] for r in computable),
        "lacking": len(lacking),
        "asked": sum(r["asked"] for r in lacking),
        "wrong_unflagged": sum(r["wrong_unflagged"] for _, r in rows),
        "kind_ok": sum(r["kind_ok"] for _, r in rows),
        "rows": [r for _, r in rows],
    }


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="question sets (default: tests/data/reading_unseen*.json)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = parser.parse_args(argv)
    sets = args.sets or sorted(DATA.glob("reading_unseen*.json"))
    print("| set | questions | figure right (computable) | wrong without a flag | fact asked (lacking) | kind |")
    print("| --- | --- | --- | --- | --- | --- |")
    for path in sets:
        s = score(path)
        print(f"| {s['set']} | {s['questions']} | {pct(s['right'], s['computable'])} | {s['wrong_unflagged']} "
              f"| {pct(s['asked'], s['lacking'])} | {pct(s['kind_ok'], s['questions'])} |")  # fmt: skip
        if args.verbose:
            for r in s["rows"]:
                bad = not r["kind_ok"] or r["wrong_unflagged"] or r.get("right") is False or r.get("asked") is False
                if bad:
                    print(f"  - {r['q']!r}: kind_ok={r['kind_ok']} got={r.get('got')} want={r.get('expected')} "
                          f"flags={r['flags']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
