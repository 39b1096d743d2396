"""The layering rules of ARCHITECTURE.md: the core (`taxqa`) imports no stage, and imports
without torch, mlx or textual (heavy imports live inside the functions that need them)."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import taxqa

CORE = Path(taxqa.__file__).resolve().parent
STAGES = ("train_cuda", "convert", "tui")
HEAVY = ("torch", "mlx", "mlx_lm", "textual", "transformers", "peft", "accelerate")


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages([str(CORE)], prefix="taxqa."))


def imported_names(path: Path) -> set[str]:
    """Every module an import statement in the file names, at any depth (function bodies included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_core_file_imports_a_stage_anywhere():
    offenders = {}
    for path in sorted(CORE.rglob("*.py")):
        bad = sorted(n for n in imported_names(path) if n.split(".")[0] in STAGES)
        if bad:
            offenders[str(path.relative_to(CORE.parent))] = bad
    assert not offenders, f"core modules import stages (go through `taxqa <command>` instead): {offenders}"


def test_every_core_module_imports_without_stages_or_heavy_libraries():
    """In a fresh interpreter where torch, mlx and textual cannot be imported at all."""
    modules = core_modules()
    assert len(modules) > 30 and "taxqa.datagen.providers.client" in modules
    script = f"""
import importlib, importlib.abc, json, sys
HEAVY = {HEAVY!r}
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in HEAVY:
            raise ImportError(f"blocked heavy import: {{name}}")
        return None
sys.meta_path.insert(0, Block())
failed = {{}}
for name in {modules!r}:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = f"{{type(exc).__name__}}: {{exc}}"
stages = sorted(m for m in sys.modules if m.split(".")[0] in {STAGES!r})
print(json.dumps({{"failed": failed, "stages": stages}}))
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["failed"] == {}, result["failed"]
    assert result["stages"] == []


def test_stages_do_not_import_each_other():
    """Stages meet through files: train_cuda, convert and tui import taxqa, never one another."""
    root = CORE.parent
    offenders = {}
    for stage in STAGES:
        for path in sorted((root / stage).rglob("*.py")):
            bad = sorted(n for n in imported_names(path) if n.split(".")[0] in STAGES and n.split(".")[0] != stage)
            if bad:
                offenders[str(path.relative_to(root))] = bad
    assert not offenders, offenders
