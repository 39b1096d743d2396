"""`taxqa eval --compare`: several evaluation JSONs side by side, as a Markdown table and a PNG chart."""

from __future__ import annotations

import json
from pathlib import Path

from taxqa.errors import UserError
from taxqa.records import write_atomic

# (label, getter, higher is better); each row only when some run has it
DATASET_ROWS = [
    ("numeric accuracy", lambda r: r.get("dataset", {}).get("numeric_accuracy")),
    ("citation accuracy", lambda r: r.get("dataset", {}).get("citation_accuracy")),
    ("chrF / 100", lambda r: _div(r.get("dataset", {}).get("chrf"), 100)),
    ("ROUGE-L", lambda r: r.get("dataset", {}).get("rougeL")),
    ("refusal rate", lambda r: r.get("dataset", {}).get("refusal_rate")),
]
GROUND_ROWS = [  # (label, key) for each grounding mode a run has
    ("key-figure accuracy", "key_figure_accuracy"),
    ("figure consistency", "figure_consistency"),
    ("citation accuracy", "citation_accuracy"),
    ("invented-figure rate", "invented_figure_rate"),
]
OTHER_ROWS = [
    ("loss", lambda r: r.get("dataset", {}).get("loss")),
    ("perplexity", lambda r: r.get("dataset", {}).get("perplexity")),
    ("prompt tok/s", lambda r: r.get("speed", {}).get("prompt_tps")),
    ("generation tok/s", lambda r: r.get("speed", {}).get("generation_tps")),
    ("time to first token (s)", lambda r: r.get("speed", {}).get("ttft")),
    ("peak memory (GB)", lambda r: r.get("speed", {}).get("peak_memory_gb")),
]


CHARTED = tuple(label for label, _ in GROUND_ROWS)


def _div(value, by):
    return None if value is None else value / by


def read_run(path: str) -> dict:
    try:
        run = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"--compare {path}: no such file") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"--compare {path}:{exc.lineno}: invalid JSON ({exc.msg})") from None
    if not isinstance(run, dict) or "model" not in run:
        raise UserError(f"--compare {path}: not a `taxqa eval` result (no 'model')")
    return run


def run_label(run: dict, path: str) -> str:
    from taxqa.modelspec import is_provider_spec

    model = str(run["model"])
    label = model.split("@", 1)[0] if is_provider_spec(model) else Path(model).name
    if run.get("adapter"):
        label += f" + {Path(str(run['adapter'])).name}"
    if run.get("backend") == "torch":
        label += " (torch)"
    return label


def ground_rows(runs: list[dict]) -> list[tuple]:
    """Grounded and ungrounded rows side by side: one row per metric and mode any run has."""
    modes = [m for m in ("on", "off") if any(m in (r.get("ground") or {}) for r in runs)]
    return [
        (f"{label} (ground {mode})", lambda r, m=mode, k=key: (r.get("ground") or {}).get(m, {}).get(k))
        for label, key in GROUND_ROWS
        for mode in modes
    ]


def comparison_rows(runs: list[dict]) -> list[tuple[str, list]]:
    rows = DATASET_ROWS + ground_rows(runs)
    files = []
    for run in runs:
        for m in run.get("mcq", []):
            if m["file"] not in files:
                files.append(m["file"])
    for file in files:
        rows.append(
            (
                f"MCQ {Path(file).name}",
                lambda r, f=file: next((m["accuracy"] for m in r.get("mcq", []) if m["file"] == f), None),
            )
        )
    rows += OTHER_ROWS
    table = [(name, [get(r) for r in runs]) for name, get in rows]
    return [(name, values) for name, values in table if any(v is not None for v in values)]


def write_comparison(paths: list[str], output: str) -> tuple[Path, Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = [read_run(p) for p in paths]
    labels = [run_label(r, p) for r, p in zip(runs, paths)]
    if len(set(labels)) < len(labels):  # same model twice: tell them apart by file
        labels = [f"{label} [{Path(p).stem}]" for label, p in zip(labels, paths)]
    rows = comparison_rows(runs)
    md_path = Path(output).with_suffix(".md")
    png_path = Path(output).with_suffix(".png")
    lines = ["# Evaluation comparison", "", "| metric | " + " | ".join(labels) + " |"]
    lines.append("| --- |" + " --- |" * len(labels))
    for name, values in rows:
        lines.append(f"| {name} | " + " | ".join("–" if v is None else f"{v:.3f}" for v in values) + " |")
    lines += ["", f"![comparison]({png_path.name})", ""]
    write_atomic(md_path, "\n".join(lines))

    scored = [(n, v) for n, v in rows if n in {r[0] for r in DATASET_ROWS} or n.startswith(("MCQ ", *CHARTED))]
    fig, ax = plt.subplots(figsize=(max(6, 1.6 * len(scored) + 2), 4.5))
    width = 0.8 / len(runs)
    for i, label in enumerate(labels):
        xs = [j + i * width for j in range(len(scored))]
        ax.bar(xs, [v[i] or 0.0 for _, v in scored], width, label=label)
    ax.set_xticks([j + width * (len(runs) - 1) / 2 for j in range(len(scored))])
    ax.set_xticklabels([n for n, _ in scored], rotation=20, ha="right")
    ax.set_ylim(0, 1)
    ax.set_ylabel("score (0-1)")
    ax.set_title("taxqa eval")
    ax.legend(fontsize="small")
    fig.tight_layout()
    png_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = png_path.with_name(f".{png_path.name}.tmp.png")
    fig.savefig(tmp, dpi=110)
    plt.close(fig)
    tmp.replace(png_path)
    return md_path, png_path


CHART_METRICS = [  # (label, entry key) of `taxqa eval --model A --model B` entries, 0-1, higher is better
    ("key figure\n(grounded)", "key_figure_accuracy_grounded"),
    ("key figure\n(ungrounded)", "key_figure_accuracy_ungrounded"),
    ("figure consistency\n(grounded)", "figure_consistency_grounded"),
    ("citations\n(grounded)", "citation_accuracy_grounded"),
    ("multiple choice\n(95% CI)", "mcq_accuracy"),
]


def write_models_chart(entries: list[dict], png_path: Path) -> Path:
    """Accuracy bars per metric (one colour per model, value printed, MCQ with its 95% interval) and
    latency p50 with p95 whiskers; a model that did not run is named as failed."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ran = [e for e in entries if e["status"] == "ok"]
    metrics = [(label, key) for label, key in CHART_METRICS if any(e.get(key) is not None for e in ran)]
    fig, (ax, lat) = plt.subplots(
        1, 2, figsize=(11, 1.2 + 0.45 * max(1, len(metrics)) * max(1, len(ran))), width_ratios=(3, 1)
    )
    height = 0.8 / max(1, len(ran))
    colors = plt.get_cmap("tab10").colors
    for i, e in enumerate(ran):
        ys = [j + i * height for j in range(len(metrics))]
        values = [e.get(key) for _, key in metrics]
        errors = [[0.0] * len(metrics), [0.0] * len(metrics)]
        for j, (_, key) in enumerate(metrics):
            if key == "mcq_accuracy" and e.get("mcq_ci95") and values[j] is not None:
                errors[0][j], errors[1][j] = values[j] - e["mcq_ci95"][0], e["mcq_ci95"][1] - values[j]
        bars = ax.barh(ys, [v or 0.0 for v in values], height, xerr=errors, color=colors[i % 10], label=e["label"],
                       error_kw={"ecolor": "0.3", "capsize": 2})  # fmt: skip
        for bar, v, hi in zip(bars, values, errors[1]):
            text = "–" if v is None else f"{v:.2f}"
            ax.text(min((v or 0.0) + hi, 1.0) + 0.01, bar.get_y() + bar.get_height() / 2, text, va="center", fontsize=8)
    ax.set_yticks([j + height * (len(ran) - 1) / 2 for j in range(len(metrics))])
    ax.set_yticklabels([label for label, _ in metrics], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.12)
    ax.set_xlabel("accuracy (higher is better)")
    ax.grid(axis="x", alpha=0.3)
    failed = [e for e in entries if e["status"] != "ok"]
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=min(3, max(1, len(ran))))
    if failed:
        ax.set_title("did not run: " + ", ".join(e["label"] for e in failed), fontsize=9, color="firebrick")
    names = [e["label"] for e in ran]
    p50 = [e.get("latency_p50") or 0.0 for e in ran]
    p95 = [max(0.0, (e.get("latency_p95") or 0.0) - (e.get("latency_p50") or 0.0)) for e in ran]
    lat.barh(range(len(ran)), p50, xerr=[[0.0] * len(ran), p95], color=[colors[i % 10] for i in range(len(ran))],
             error_kw={"ecolor": "0.3", "capsize": 3})  # fmt: skip
    lat.set_yticks(range(len(ran)))
    lat.set_yticklabels([n if len(n) <= 28 else n[:27] + "…" for n in names], fontsize=8)
    lat.invert_yaxis()
    lat.set_xlabel("seconds per answer\n(p50, whisker to p95)")
    lat.grid(axis="x", alpha=0.3)
    fig.suptitle("taxqa eval: models side by side", fontsize=11)
    fig.tight_layout()
    png_path = Path(png_path)
    png_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = png_path.with_name(f".{png_path.name}.tmp.png")
    fig.savefig(tmp, dpi=110)
    plt.close(fig)
    tmp.replace(png_path)
    return png_path
