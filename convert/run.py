"""One conversion, start to end: checks, output in a temp folder, verification, report, rename, upload."""

from __future__ import annotations

import gc
import json
import os
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from convert import base as base_mod
from convert import fuse, verify
from convert.mlx_adapter import write_mlx_adapter
from convert.peft_adapter import PeftAdapter, read_peft_adapter
from taxqa.errors import UserError
from taxqa.hub import check_hub_ready, upload_folder
from taxqa.models import family_of
from taxqa.outputs import atomic_folder

FORMATS = ("fused", "adapter")
PROVENANCE = "taxqa_conversion.json"
REPORT = "conversion_report"
MADE_BY = "convert"


class VerificationFailed(UserError):
    """The converted model does not match the peft model; nothing was written."""


@dataclass
class Options:
    base: str
    adapter: str
    out: str
    format: str = "fused"
    quantize: bool = True
    q_bits: int = 4
    q_group_size: int = 64
    dtype: str | None = None
    embed_bits: int | None = None
    quant_recipe: str | None = None
    verify: bool = True
    upload_repo: str | None = None
    private: bool = True
    strategy: str = "layerwise"


def weights_dtype(model) -> str:
    from mlx.utils import tree_flatten

    for _, value in tree_flatten(model.parameters()):
        return str(value.dtype).removeprefix("mlx.core.")
    return "float32"


def base_logits(base: base_mod.Base, opts: Options, ids: list[list[int]]):
    """The base alone as the output would be without the adapter (same dtype and quantization)."""
    import mlx.core as mx
    from mlx_lm.utils import quantize_model

    model, config = base_mod.load_lazy(base)
    if opts.format == "fused":
        if opts.dtype:
            fuse.cast_model(model, opts.dtype)
        if opts.quantize:
            predicate = fuse.quant_predicate(
                model, family_of(config.get("model_type")), opts.q_group_size, opts.embed_bits, opts.quant_recipe
            )
            model, _ = quantize_model(model, config, opts.q_group_size, opts.q_bits, quant_predicate=predicate)
    out = [np.array(model(mx.array(seq)[None])[0].astype(mx.float32)) for seq in ids]
    del model
    gc.collect()
    return out


def reference_base(base: base_mod.Base, adapter: PeftAdapter) -> Path | None:
    """An unquantized transformers checkpoint of the base for the torch reference, if one is on disk."""
    if not base.quantized:
        return base.folder
    run = adapter.run_info or {}
    for candidate in (run.get("base_model_source"), adapter.base_model, run.get("base_model")):
        if not candidate:
            continue
        path = Path(candidate).expanduser()
        if not path.is_dir():
            try:
                from huggingface_hub import snapshot_download

                path = Path(snapshot_download(candidate, local_files_only=True))
            except Exception:  # not in the local cache: no reference from this candidate
                continue
        config = path / "config.json"
        if config.exists() and "quantization" not in config.read_text(encoding="utf-8"):
            return path
    return None


def run_verification(base: base_mod.Base, adapter: PeftAdapter, opts: Options, tmp: Path, dtype: str) -> dict:
    ids = verify.prompt_ids(base.folder)
    hf_base = reference_base(base, adapter)
    reference = verify.torch_reference(hf_base, adapter.folder, ids) if hf_base else None
    if opts.format == "fused":
        converted = verify.mlx_logits(tmp, ids)
        quantized = opts.quantize
    else:
        converted = verify.mlx_logits(base.folder, ids, adapter_path=tmp)
        quantized = base.quantized
    alone = base_logits(base, opts, ids)
    report = verify.judge(reference, converted, alone, quantized=quantized, dtype=dtype)
    if reference is not None and hf_base != base.folder:
        report["reference_base"] = str(hf_base)
    return report


def provenance(base: base_mod.Base, adapter: PeftAdapter, opts: Options, record: dict, notes: list[str]) -> dict:
    import mlx_lm

    return {
        "format": opts.format,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "tool": {"taxqa_convert": "convert.run", "mlx_lm": mlx_lm.__version__},
        "base": {
            "name": base.name,
            "hub_id": base.hub_id,
            "revision": base.revision,
            "folder": str(base.folder),
            "architecture": base.architecture,
            "quantized": base.quantized,
        },
        "adapter": {
            "folder": str(adapter.folder),
            "sha256": adapter.sha256,
            "base_model_name_or_path": adapter.base_model,
            "rank": max(u.rank for u in adapter.updates),
            "layers_adapted": len(adapter.updates),
            "dora": adapter.dora,
            "use_rslora": bool(adapter.config.get("use_rslora")),
            "dropped_vision_tower_modules": len(adapter.dropped_vision),
            "peft_config": adapter.config,
        },
        "run": adapter.run_info,
        "quantization": record.get("quantization"),
        "dtype": record.get("dtype"),
        "merge_strategy": record.get("strategy"),
        "checks": notes,
        "options": asdict(opts),
    }


def validate(opts: Options) -> None:
    if opts.format not in FORMATS:
        raise UserError(f"--format {opts.format!r}: expected one of {', '.join(FORMATS)}")
    if opts.q_bits not in (2, 3, 4, 5, 6, 8):
        raise UserError(f"--q-bits {opts.q_bits}: expected 2, 3, 4, 5, 6 or 8")
    if opts.q_group_size not in (32, 64, 128):
        raise UserError(f"--q-group-size {opts.q_group_size}: expected 32, 64 or 128")
    if opts.embed_bits is not None and opts.embed_bits not in (4, 5, 6, 8):
        raise UserError(f"--embed-bits {opts.embed_bits}: expected 4, 5, 6 or 8")
    if opts.quant_recipe and opts.quant_recipe not in fuse.QUANT_RECIPES:
        raise UserError(f"--quant-recipe {opts.quant_recipe!r}: expected one of {', '.join(fuse.QUANT_RECIPES)}")
    if opts.upload_repo:  # before the long work, not after it
        check_hub_ready(opts.upload_repo, "--upload-repo")
    out = Path(opts.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UserError(f"-o {out}: already exists; remove it or choose another output folder")


def remove_stale_partials(out: Path, log) -> None:
    """Remove what a killed conversion to the same output left (its temp folder names its pid)."""
    for folder in out.parent.glob(f".{out.name}.partial-*"):
        pid = folder.name.removeprefix(f".{out.name}.partial-").split("-", 1)[0]
        if not pid.isdigit() or not _alive(int(pid)):
            log(f"removing {folder}, left by an interrupted conversion")
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def convert(opts: Options, log=print) -> dict:
    """Convert, verify and move into place; returns the provenance record with the report in it."""
    validate(opts)
    adapter = read_peft_adapter(opts.adapter)
    base = base_mod.resolve_base(opts.base, mlx=opts.format == "adapter")
    if opts.format == "fused" and base.quantized:
        raise UserError(
            f"--base {opts.base} is already quantized: fusing into it would round the LoRA update away. "
            "Pass the bf16/fp32 base (the one the adapter was trained on), or use --format adapter"
        )
    if opts.dtype == "float16" and str(base.model_type).startswith("gemma3"):
        raise UserError("--dtype float16: Gemma3 overflows in float16 (its activations exceed 65504); use bfloat16")
    notes = base_mod.check_identity(adapter, base)
    model, config = base_mod.load_lazy(base)
    base_mod.check_shapes(adapter, model)
    notes.append(f"all {len(adapter.updates)} adapted layers exist in the base with matching shapes")
    if adapter.dropped_vision:
        notes.append(f"dropped {len(adapter.dropped_vision)} vision-tower LoRA modules (mlx_lm runs text only)")
    dtype = opts.dtype or weights_dtype(model)

    out = Path(opts.out).expanduser()
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(out, log)
    with atomic_folder(out, MADE_BY, "-o") as tmp:  # a kill leaves no half-written model at -o
        started = time.perf_counter()
        if opts.format == "fused":
            log(f"merging {len(adapter.updates)} LoRA layers into {base.folder} and saving with mlx_lm")
            record = fuse.write_fused(
                base.folder,
                model,
                config,
                adapter.updates,
                tmp,
                quantize=opts.quantize,
                q_bits=opts.q_bits,
                q_group_size=opts.q_group_size,
                dtype=opts.dtype,
                embed_bits=opts.embed_bits,
                recipe=opts.quant_recipe,
                strategy=opts.strategy,
            )
        else:
            log(f"writing an mlx_lm adapter for {base.folder}")
            extra = {"base_model": base.hub_id or str(base.folder), "converted_from_peft": str(adapter.folder)}
            write_mlx_adapter(adapter, model, tmp, extra)
            record = {"quantization": base.config.get("quantization"), "dtype": None, "strategy": "adapter"}
        del model
        gc.collect()
        record["seconds"] = round(time.perf_counter() - started, 2)
        prov = provenance(base, adapter, opts, record, notes)
        if opts.verify:
            log("verifying against the torch peft model")
            report = run_verification(base, adapter, opts, tmp, dtype)
            prov["verification"] = report
            text = verify.report_markdown(report, prov)
            log(text)
            (tmp / f"{REPORT}.md").write_text(text, encoding="utf-8")
            (tmp / f"{REPORT}.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
            if not report["passed"]:
                failed = [c["name"] for c in report["checks"] if not c["passed"]]
                raise VerificationFailed(f"verification failed ({'; '.join(failed)}); no output written to {out}")
        (tmp / PROVENANCE).write_text(json.dumps(prov, indent=2, ensure_ascii=False, default=str) + "\n")
    log(f"wrote {out}")
    if opts.upload_repo:
        prov["uploaded"] = upload_folder(
            out, opts.upload_repo, flag="--upload-repo", private=opts.private, message="taxqa convert output"
        )
        log(f"uploaded to {prov['uploaded']}")
    return prov
