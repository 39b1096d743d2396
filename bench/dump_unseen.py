"""Every case of every reading_unseen set, one JSON line each (got, right, flags), to compare two readers.

python bench/dump_unseen.py > before.jsonl   # then change the reader
python bench/dump_unseen.py > after.jsonl && python bench/dump_unseen.py --diff before.jsonl after.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_unseen import DATA, score_case  # noqa: E402


def dump() -> None:
    for path in sorted(DATA.glob("reading_unseen*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            row = score_case(case, data["as_of"])
            keep = {k: row.get(k) for k in ("got", "right", "asked", "flags", "kind_ok", "wrong_unflagged")}
            print(json.dumps({"set": path.name, "i": i, **keep}, ensure_ascii=False, default=str))


def diff(before: str, after: str) -> None:
    old = {(r["set"], r["i"]): r for r in map(json.loads, Path(before).read_text().splitlines())}
    for line in Path(after).read_text().splitlines():
        r = json.loads(line)
        o = old.get((r["set"], r["i"]))
        if o != r:
            print(r["set"], r["i"], "\n  before:", o, "\n  after: ", r)


if __name__ == "__main__":
    diff(sys.argv[2], sys.argv[3]) if sys.argv[1:2] == ["--diff"] else dump()
