"""The general misread nets, in one list: each checks that a reading agrees with the question's own wording
around the values it placed (`cue_nets`) or with a second reading of the question (`reread_nets`), whatever
rule made the reading. `taxqa.tax.nets.run` calls `run` last; `bench/nets_catch.py` runs each net alone on
the readers of earlier rounds to count the misreads it would have caught and the right answers it flags."""

from __future__ import annotations

from taxqa.tax import cue_nets, reread_nets

NETS = [*cue_nets.NETS]
# tried and measured, left out of the run: too few past misreads caught for the right answers they flag
TRIED = [*cue_nets.TRIED, *reread_nets.TRIED]


def run(reading, found) -> None:
    for _name, net in NETS:
        net(reading, found)
