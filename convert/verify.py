"""Numbers that prove a conversion: the converted MLX model against the torch peft model.

Each model is loaded, run on the fixed prompts and freed before the next one, so
verification never holds two models at once. The torch reference runs the adapter
unmerged (peft's own forward), in the base's stored precision.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Fixed prompts in the project's domain, rendered by the one prompt renderer.
PROMPTS = (
    "부모에게서 20억원을 증여받으면 증여세는 얼마인가요?",
    "상속세 과세표준은 어떻게 계산하나요?",
    "연봉 5천만원 근로자의 근로소득세를 알려 주세요.",
    "부가가치세 간이과세자의 기준은 무엇인가요?",
)
MAX_PROMPT_TOKENS = 48
# Unquantized parity: max |logit difference| allowed, relative to the largest reference logit (at least 1).
TOLERANCE = {"float32": 1e-3, "bfloat16": 6e-2, "float16": 1e-2}
NOISE_MULTIPLE = 16  # x the torch-vs-MLX difference of the base alone (measured ratios: 1.3 - 10 in bf16)
# The adapter's effect on the logits vs peft's: minimum correlation and slope range, exact or through quantization.
EFFECT_BOUNDS = {False: (0.99, (0.95, 1.05)), True: (0.2, (0.5, 2.0))}


@dataclass
class Reference:
    with_adapter: list[np.ndarray]  # per prompt (T, V) float32 logits
    without_adapter: list[np.ndarray]
    dtype: str


def prompt_ids(tokenizer_folder: Path) -> list[list[int]]:
    from transformers import AutoTokenizer

    from taxqa.prompt import encode_prompt, render_prompt

    tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_folder))
    return [encode_prompt(tokenizer, render_prompt(tokenizer, q))[:MAX_PROMPT_TOKENS] for q in PROMPTS]


def torch_reference(hf_base: Path, peft_folder: Path, ids: list[list[int]]) -> Reference:
    """Logits of the base with the PEFT adapter (unmerged) and with it disabled."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(str(hf_base), dtype="auto")
    dtype = str(next(model.parameters()).dtype).removeprefix("torch.")
    from taxqa.runtime.loading import peft_wrapping

    with peft_wrapping():
        model = PeftModel.from_pretrained(model, str(peft_folder)).eval()
    with_adapter, without = [], []
    with torch.no_grad():
        for seq in ids:
            x = torch.tensor([seq])
            with_adapter.append(model(input_ids=x).logits[0].float().numpy())
            with model.disable_adapter():
                without.append(model(input_ids=x).logits[0].float().numpy())
    del model
    gc.collect()
    return Reference(with_adapter, without, dtype)


def mlx_logits(folder: Path, ids: list[list[int]], adapter_path: Path | None = None) -> list[np.ndarray]:
    """Logits of an MLX model folder (through mlx_lm.load, so this also proves it loads)."""
    import mlx.core as mx
    from mlx_lm import load

    model, _ = load(str(folder), adapter_path=str(adapter_path) if adapter_path else None)
    out = [np.array(model(mx.array(seq)[None])[0].astype(mx.float32)) for seq in ids]
    del model
    gc.collect()
    return out


def log_softmax(x: np.ndarray) -> np.ndarray:
    x = x.astype(np.float64)
    x = x - x.max(axis=-1, keepdims=True)
    return x - np.log(np.exp(x).sum(axis=-1, keepdims=True))


def compare(reference: list[np.ndarray], candidate: list[np.ndarray]) -> dict:
    """Max |logit diff|, top-1 agreement and mean KL(reference || candidate) over all positions."""
    ref, cand = np.concatenate(reference), np.concatenate(candidate)
    lp, lq = log_softmax(ref), log_softmax(cand)
    kl = (np.exp(lp) * (lp - lq)).sum(axis=-1)
    return {
        "positions": int(ref.shape[0]),
        "max_abs_diff": float(np.abs(ref - cand).max()),
        "max_abs_reference": float(np.abs(ref).max()),
        "top1_agreement": float((ref.argmax(-1) == cand.argmax(-1)).mean()),
        "kl_mean": float(kl.mean()),
        "kl_max": float(kl.max()),
    }


def update_agreement(after: list[np.ndarray], before: list[np.ndarray], ref_after, ref_before) -> tuple[float, float]:
    """(correlation, slope) of the adapter's effect on the logits: converted model vs the torch peft model.

    Quantization adds noise to the converted effect, which lowers the correlation as a model
    grows (0.55 on a random 0.75 B gemma3 with a random r=16 adapter), but leaves the
    least-squares slope near 1 (0.84 there): a wrong scale or a lost update moves the slope."""
    d_cand = np.concatenate(after) - np.concatenate(before)
    d_ref = np.concatenate(ref_after) - np.concatenate(ref_before)
    d_cand, d_ref = d_cand.ravel() - d_cand.mean(), d_ref.ravel() - d_ref.mean()
    ref_power = float(d_ref @ d_ref)
    denom = float(np.linalg.norm(d_cand)) * ref_power**0.5
    if not denom:
        return 0.0, 0.0
    covariance = float(d_cand @ d_ref)
    return covariance / denom, covariance / ref_power


def judge(
    reference: Reference | None,
    converted: list[np.ndarray],
    base_alone: list[np.ndarray],
    *,
    quantized: bool,
    dtype: str,
) -> dict:
    """The report's numbers and pass/fail: parity when unquantized, agreement + surviving update when not."""
    report: dict = {"quantized": quantized, "dtype": dtype, "prompts": len(PROMPTS), "checks": []}
    diff_base = float(np.abs(np.concatenate(converted) - np.concatenate(base_alone)).max())
    report["max_abs_diff_vs_base"] = diff_base
    report["checks"].append(
        {
            "name": "differs from the " + ("quantized " if quantized else "") + "base",
            "value": diff_base,
            "passed": diff_base > 0.0,
        }
    )
    if reference is None:
        report["reference"] = None
        report["passed"] = all(c["passed"] for c in report["checks"])
        return report
    report["reference"] = f"torch peft ({reference.dtype}, adapter unmerged)"
    stats = compare(reference.with_adapter, converted)
    report |= stats
    corr, slope = update_agreement(converted, base_alone, reference.with_adapter, reference.without_adapter)
    report["update_correlation"], report["update_slope"] = corr, slope
    if not quantized:
        # Two implementations of the same bf16 model already differ (rounding order); the merged model
        # may differ from peft's unmerged LoRA by several times that, never by the adapter's effect.
        noise = float(np.abs(np.concatenate(base_alone) - np.concatenate(reference.without_adapter)).max())
        report["base_implementation_diff"] = noise
        tol = TOLERANCE.get(dtype, TOLERANCE["bfloat16"]) * max(1.0, stats["max_abs_reference"])
        tol = max(tol, NOISE_MULTIPLE * noise)
        tol = max(tol, TOLERANCE.get(reference.dtype, 0.0) * max(1.0, stats["max_abs_reference"]))
        report["tolerance"] = tol
        report["checks"].append(
            {"name": "logits match peft", "value": stats["max_abs_diff"], "passed": stats["max_abs_diff"] <= tol}
        )
    min_corr, (low, high) = EFFECT_BOUNDS[quantized]
    effect = "adapter effect survives quantization" if quantized else "adapter effect equals peft's"
    report["checks"] += [
        {"name": f"{effect} (correlation with peft's >= {min_corr})", "value": corr, "passed": corr >= min_corr},
        {
            "name": f"adapter effect keeps peft's size (slope {low}-{high})",
            "value": slope,
            "passed": low <= slope <= high,
        },
    ]
    report["passed"] = all(c["passed"] for c in report["checks"])
    return report


def report_markdown(report: dict, provenance: dict) -> str:
    lines = [
        "# Conversion report",
        "",
        f"- format: {provenance['format']}",
        f"- base: {provenance['base']['name']} ({provenance['base'].get('hub_id') or provenance['base']['folder']})",
        f"- adapter: {provenance['adapter']['folder']} (sha256 {provenance['adapter']['sha256'][:12]})",
        f"- quantization: {provenance.get('quantization') or 'none'}",
        f"- dtype: {report.get('dtype')}",
        f"- reference: {report.get('reference') or 'none (no unquantized transformers base available)'}",
        "",
        "| metric | value |",
        "| --- | --- |",
    ]
    for key in (
        "positions",
        "max_abs_diff",
        "tolerance",
        "base_implementation_diff",
        "top1_agreement",
        "kl_mean",
        "kl_max",
        "update_correlation",
        "update_slope",
        "max_abs_diff_vs_base",
    ):
        if key in report:
            value = report[key]
            lines.append(f"| {key} | {value:.6g} |" if isinstance(value, float) else f"| {key} | {value} |")
    lines += ["", "| check | value | result |", "| --- | --- | --- |"]
    for c in report["checks"]:
        lines.append(f"| {c['name']} | {c['value']:.6g} | {'pass' if c['passed'] else 'FAIL'} |")
    lines += ["", f"**{'PASSED' if report['passed'] else 'FAILED'}**", ""]
    return "\n".join(lines)
