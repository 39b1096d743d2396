"""Paired tests for `taxqa eval --model A --model B ...`: which differences are more than noise.

Every binary outcome (key figure right, grounded and ungrounded; citations right; the multiple-choice
letter right) is compared per item, on the items every model that ran answered (an answer that
failed after retries leaves the item out). McNemar's exact test: of the items where exactly one
of two models is right, how lopsided is the split (two-sided binomial test at 1/2). The p-values
of all pairs and metrics are Holm-adjusted together; a difference is real at adjusted p < 0.05.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

ALPHA = 0.05


def outcomes(result: dict) -> dict[str, dict[str, bool]]:
    """{metric: {item key: right}} of one single-model run; failed answers left out."""
    out: dict[str, dict[str, bool]] = {}
    for mode, word in (("on", "grounded"), ("off", "ungrounded")):
        items = ((result.get("ground") or {}).get(mode) or {}).get("items", [])
        ok = [i for i in items if "error" not in i]
        out[f"key figure ({word})"] = {i["id"]: bool(i["figure"]["key_figure_ok"]) for i in ok if i.get("figure")}
        out[f"citations ({word})"] = {i["id"]: bool(i["citations"]["correct"]) for i in ok if i.get("citations")}
    for m in result.get("mcq") or []:
        out.setdefault("multiple choice", {}).update(
            {f"{m['file']}:{i['line']}": bool(i["correct"]) for i in m["items"] if "error" not in i}
        )
    return {k: v for k, v in out.items() if v}


def mcnemar_p(a_only: int, b_only: int) -> float:
    """Two-sided exact McNemar p-value (scipy's binomial test on the discordant pairs)."""
    if a_only + b_only == 0:
        return 1.0
    from scipy.stats import binomtest

    return float(binomtest(a_only, a_only + b_only, 0.5).pvalue)


def holm(pvalues: list[float]) -> list[float]:
    """Holm-Bonferroni adjusted p-values, in the given order."""
    order = sorted(range(len(pvalues)), key=lambda i: pvalues[i])
    adjusted, running = [0.0] * len(pvalues), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(pvalues) - rank) * pvalues[i]))
        adjusted[i] = running
    return adjusted


def paired_tests(entries: list[dict[str, Any]]) -> dict[str, Any]:
    ran = [e for e in entries if e.get("status") == "ok"]
    if len(ran) < 2:
        return {"items": "answered by every model", "tests": [], "note": "Fewer than two models ran: no paired test."}
    per_model = [outcomes(e["result"]) for e in ran]
    tests = []
    for metric in dict.fromkeys(k for o in per_model for k in o):
        if not all(metric in o for o in per_model):
            continue
        shared = set.intersection(*(set(o[metric]) for o in per_model))
        if not shared:
            continue
        for (ea, oa), (eb, ob) in combinations(zip(ran, per_model), 2):
            a_only = sum(oa[metric][k] and not ob[metric][k] for k in shared)
            b_only = sum(ob[metric][k] and not oa[metric][k] for k in shared)
            tests.append({
                "metric": metric, "a": ea["label"], "b": eb["label"], "n": len(shared),
                "a_right": sum(oa[metric][k] for k in shared), "b_right": sum(ob[metric][k] for k in shared),
                "a_only": a_only, "b_only": b_only, "p_value": mcnemar_p(a_only, b_only),
            })  # fmt: skip
    for test, adjusted in zip(tests, holm([t["p_value"] for t in tests])):
        test["p_holm"] = adjusted
        test["significant"] = adjusted < ALPHA
    return {"items": "answered by every model", "alpha": ALPHA, "correction": "holm", "tests": tests}
