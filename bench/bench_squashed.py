"""Questions typed without spaces: the guarded unseen sets' right answers asked again with every space and tab
removed ("딸한테2억주려고하는데증여세얼마예요", a phone's habit), counting those that break and those that break
with no flag (a wrong figure stated as final). A seeded sample, since every case is read twice (as written and
spaced by the analyser, taxqa.tax.spacing).

    python bench/bench_squashed.py              # 300 cases, seed 7
    python bench/bench_squashed.py --sample 0   # every computable case of the guarded sets
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_unseen import DATA, score_case  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=300, help="how many computable cases (0: all)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    pool = []
    for path in sorted(DATA.glob("reading_unseen*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not data.get("scored_once"):
            pool += [(c, data["as_of"]) for c in data["cases"] if "flag" not in c]
    random.seed(args.seed)
    cases = random.sample(pool, args.sample) if 0 < args.sample < len(pool) else pool
    right = broke = unflagged = 0
    for case, as_of in cases:
        if not score_case(case, as_of)["right"]:
            continue  # only what is read right with its spaces tells what the spaces were worth
        right += 1
        squashed = score_case(dict(case, q=re.sub(r"[ \t]+", "", case["q"])), as_of)
        broke += not squashed["right"]
        unflagged += squashed["wrong_unflagged"]
    print(f"read right with spaces: {right}; without spaces: broken {broke}, of them wrong without a flag {unflagged}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
