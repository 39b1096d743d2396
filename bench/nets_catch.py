"""Catch and false flags of the general misread nets (taxqa/tax/agreement_nets.py), net by net.

catch: every reading_unseen set written in the last rounds was scored once on the reader of its time before
its fixes (BENCHMARKS.md §13 names that commit, BEFORE below). That reader is unpacked (`git archive`), the
nets are copied in (their imports of reader constants written out as today's values, so the words are the
same), and every case is read: a case wrong WITHOUT a flag there is a real past misread; each net is run on
its own after the old nets and counted when it adds a line.

false: the current reader over every set, the nets taken out of its run; each right, unflagged answer a net
would flag is listed.

    python bench/nets_catch.py catch            # sets 47-89, p8, p9 on their before-state readers
    python bench/nets_catch.py catch 88 89      # some of them
    python bench/nets_catch.py false            # the current reader, every set
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = ("cue_words", "cue_nets", "reread_nets", "agreement_nets")
BEFORE = {  # set -> the commit of its before-score (BENCHMARKS.md §13)
    "47": "c68072f", "48": "cb34f6b", "49": "9e8e4e6", "50": "047e588", "51": "4f6f056", "52": "90dff48",
    "53": "239fe90", "54": "93f93e6", "55": "21cad67", "56": "472c578", "57": "33606c7", "58": "e0189ab",
    "59": "f95a2cf", "60": "15946b7", "61": "1f62ae3", "62": "571a06e", "63": "c728a00", "64": "e177f33",
    "65": "317c222", "66": "bd5dffc", "67": "30219a4", "68": "aa995dd", "69": "f4af60b", "70": "654de83",
    "71": "c4a6158", "72": "60c0249", "73": "f861ae0", "74": "5da1c5f", "75": "438555b", "76": "b30a334",
    "77": "701c950", "78": "bf83075", "79": "cea03ae", "80": "74e99dc", "81": "742f086", "82": "989b026",
    "83": "f2b8446", "84": "dadba33", "85": "e6ab2f4", "86": "4c3b52d", "87": "f9482bc", "88": "4a5db65",
    "89": "ae77a1b", "p8": "6493037", "p9": "d041857",
}  # fmt: skip
IMPORT = re.compile(r"^from (taxqa\.tax\.\w+) import ([\w, ]+)$", re.M)


def frozen(source: str) -> str:
    """A module's `from taxqa.tax.X import A, B` of constants written out as today's values (an old reader
    may lack them or hold other words); imports of functions and classes are kept."""
    import importlib

    def literal(m: re.Match) -> str:
        module = importlib.import_module(m.group(1))
        names = [n.strip() for n in m.group(2).split(",")]
        if not all(isinstance(getattr(module, n), str) for n in names):
            return m.group(0)
        return "\n".join(f"{n} = {getattr(module, n)!r}" for n in names)

    return IMPORT.sub(literal, source)


def graft(commit: str, into: Path) -> None:
    sys.path.insert(0, str(ROOT))
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "taxqa", "bench"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=tar.stdout, check=True)
    for name in MODULES:
        source = (ROOT / "taxqa" / "tax" / f"{name}.py").read_text(encoding="utf-8")
        (into / "taxqa" / "tax" / f"{name}.py").write_text(frozen(source), encoding="utf-8")
    signals = into / "taxqa" / "tax" / "signals.py"
    if not signals.exists() or "def changes_figure" not in signals.read_text(encoding="utf-8"):
        # an old reader without the figure test: today's, under another name, for these nets only
        (into / "taxqa" / "tax" / "signals_compat.py").write_text(
            (ROOT / "taxqa" / "tax" / "signals.py").read_text(encoding="utf-8"), encoding="utf-8"
        )
        for name in MODULES:
            f = into / "taxqa" / "tax" / f"{name}.py"
            f.write_text(f.read_text(encoding="utf-8").replace("taxqa.tax.signals import", "taxqa.tax.signals_compat import"),
                         encoding="utf-8")  # fmt: skip
    (into / "bench" / "nets_catch.py").write_text(Path(__file__).read_text(encoding="utf-8"), encoding="utf-8")


def worker(files: list[str]) -> None:
    """In a tree (old or current): read every case, the nets out of the run, each net tried alone after it."""
    sys.path[:0] = [str(Path.cwd()), str(Path.cwd() / "bench")]
    from bench_unseen import score_case  # the tree's own scoring

    import taxqa.tax.placing as placing
    from taxqa.tax import agreement_nets

    nets = list(agreement_nets.NETS) + list(getattr(agreement_nets, "TRIED", []))
    agreement_nets.NETS[:] = []  # the current reader runs them: the baseline is without them
    hits: dict[str, list[str]] = {}
    read: list[dict] = []  # the inputs of each reading placed
    depth = [0]
    original = placing.run_nets

    def run_nets(reading, found) -> None:
        original(reading, found)
        if depth[0]:
            return  # a second reading made by a net
        read.append({k: v for k, v in reading.inputs.items()})
        depth[0] += 1
        try:
            for name, net in nets:
                said = list(reading.ambiguous), list(reading.missing)
                try:
                    net(reading, found)
                except Exception as e:  # noqa: BLE001 - an old reader's shapes: counted, not fatal
                    hits.setdefault(name + " (error)", []).append(repr(e))
                new = [x for x in reading.ambiguous + reading.missing if x not in said[0] + said[1]]
                if new:
                    hits.setdefault(name, []).extend(new)
                reading.ambiguous[:], reading.missing[:] = said
        finally:
            depth[0] -= 1

    placing.run_nets = run_nets
    for f in files:
        data = json.loads(Path(f).read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            hits.clear()
            read.clear()
            row = score_case(case, data["as_of"])
            keep = {k: row.get(k) for k in ("right", "asked", "flagged", "wrong_unflagged", "got", "expected")}
            print(json.dumps({"set": Path(f).name, "i": i, "q": case["q"], **keep, "hits": dict(hits),
                              "inputs": read[0] if read else None, "want": case.get("inputs")},
                             ensure_ascii=False, default=str), flush=True)  # fmt: skip


def rows_of(tree: Path, files: list[Path]) -> list[dict]:
    out = subprocess.run([sys.executable, "bench/nets_catch.py", "--worker", *map(str, files)], cwd=tree,
                         capture_output=True, text=True)  # fmt: skip
    if out.returncode:
        print(out.stderr[-2000:], file=sys.stderr)
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


def net_names() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from taxqa.tax import agreement_nets

    return [n for n, _ in agreement_nets.NETS + agreement_nets.TRIED]


def catch(sets: list[str]) -> None:
    names = net_names()
    total = {n: 0 for n in names}
    old_false = {n: 0 for n in names}
    misreads = 0
    for s in sets or list(BEFORE):
        with tempfile.TemporaryDirectory() as tmp:
            graft(BEFORE[s], Path(tmp))
            rows = rows_of(Path(tmp), [ROOT / "tests" / "data" / f"reading_unseen_{s}.json"])
        wrong = [r for r in rows if r["wrong_unflagged"]]
        misreads += len(wrong)
        print(f"set {s} ({BEFORE[s]}): {len(rows)} read, {len(wrong)} wrong without a flag", flush=True)
        for r in wrong:
            caught = [n for n in names if r["hits"].get(n)]
            total.update({n: total[n] + 1 for n in caught})
            print(f"  {'CAUGHT ' + ','.join(caught) if caught else 'missed'}: {r['q'][:90]!r} got={r['got']} "
                  f"want={r['expected']}")  # fmt: skip
            if r.get("want") and r.get("inputs") is not None:
                off = {k: (r["inputs"].get(k), v) for k, v in r["want"].items() if r["inputs"].get(k) != v}
                print(f"      inputs read != written: {off}")
            for n in caught:
                print(f"      {n}: {r['hits'][n][0]}")
        for r in rows:
            if r.get("right") and not r["flagged"]:
                for n in names:
                    if r["hits"].get(n):
                        old_false[n] += 1
                        print(f"  flags a right answer ({n}): {r['q'][:80]!r}: {r['hits'][n][0]}")
            for n, lines in r["hits"].items():
                if n.endswith("(error)"):
                    print(f"  error ({n}): {r['q'][:60]!r}: {lines[0]}")
    print(f"\npast misreads (wrong without a flag on their before-state reader): {misreads}")
    for n in names:
        print(f"  {n}: caught {total[n]}; right unflagged answers flagged on those old readers: {old_false[n]}")


def false(files: list[Path]) -> None:
    names = net_names()
    rows = rows_of(ROOT, files or sorted((ROOT / "tests" / "data").glob("reading_unseen*.json")))
    right = [r for r in rows if (r.get("right") or r.get("asked")) and not r["flagged"]]
    print(f"current reader: {len(rows)} cases, {len(right)} right and unflagged")
    for n in names:
        hit = [r for r in right if r["hits"].get(n)]
        print(f"  {n}: newly flags {len(hit)} ({100 * len(hit) / max(len(right), 1):.2f}%)")
        for r in hit:
            print(f"    {r['set']} {r['i']}: {r['q'][:90]!r}: {r['hits'][n][0]}")
    for r in rows:
        for n, lines in r["hits"].items():
            if n.endswith("(error)"):
                print(f"  error ({n}) {r['set']} {r['i']}: {lines[0]}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--worker"]:
        worker(args[1:])
    elif args[:1] == ["catch"]:
        catch(args[1:])
    elif args[:1] == ["false"]:
        false([Path(a) for a in args[1:]])
    else:
        print(__doc__)
