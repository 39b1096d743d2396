#!/bin/bash
# The reader nets of rounds 62-65 on the reader a set was scored on before its fixes: with and without them.
#   bench/nets_before_state.sh 68 aa995dd      (set number, the commit its before-score names in BENCHMARKS.md §13)
# Prints the set's bench_unseen row before and after; the per-case lists are in $DIR/before.txt and after.txt.
set -e
S=$1; C=$2; ROOT=$(cd "$(dirname "$0")/.." && pwd); PY=${PY:-$ROOT/.venv/bin/python}
DIR=$(mktemp -d); F=$ROOT/tests/data/reading_unseen_$S.json
git -C "$ROOT" archive "$C" taxqa bench | tar -x -C "$DIR"
cd "$DIR"
$PY bench/bench_unseen.py "$F" -v > before.txt 2>&1 || true
cp "$ROOT"/taxqa/tax/{time,people,kind,context}_nets.py taxqa/tax/
cp "$ROOT"/taxqa/tax/signals.py taxqa/tax/signals_compat.py  # only its changes_figure is used
sed -i 's/from taxqa.tax.signals import changes_figure/from taxqa.tax.signals_compat import changes_figure/' taxqa/tax/*_nets.py
cat >> taxqa/tax/nets.py <<'PY'


_run_before_lane_nets = run


def run(reading, found) -> None:  # noqa: F811
    _run_before_lane_nets(reading, found)
    from taxqa.tax import context_nets

    context_nets.run(reading)
PY
# placing imports run by name: point it at the module so the wrapper is the one called
sed -i 's/^from taxqa.tax.nets import run as run_nets$/from taxqa.tax import nets as _nets\n\n\ndef run_nets(reading, found):\n    return _nets.run(reading, found)/' taxqa/tax/placing.py
$PY bench/bench_unseen.py "$F" -v > after.txt 2>&1 || true
echo "set $S ($C), in $DIR:"; grep '^| reading' before.txt after.txt
