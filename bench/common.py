"""Small helpers shared by the bench scripts: the machine, peak RSS, JSON results, tables.

Every bench script runs as `python bench/bench_X.py [--quick]`, prints a table and writes
`bench/results/X.json` (the machine and the command included), so `bench/run_all.py` and
BENCHMARKS.md can quote it.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from taxqa.procmem import maxrss_bytes, peak_rss_bytes, rss_bytes  # noqa: F401  (bench scripts import them from here)

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
# run_all.py points every script at one scratch folder so models built by one bench are reused by the next.
CACHE_ENV = "TAXQA_BENCH_CACHE"
GB = 1e9
MB = 1e6


# --- the machine ---------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    if platform.system() == "Darwin":
        out = subprocess.run(["sysctl", "-n", "machdep.cpu.brand_string"], capture_output=True, text=True)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    return platform.processor() or platform.machine()


def total_ram_bytes() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def package_version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def machine_info() -> dict:
    ram = total_ram_bytes()
    return {
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "cpu": cpu_model(),
        "nproc": os.cpu_count(),
        "ram_gb": round(ram / 2**30, 1) if ram else None,
        "python": platform.python_version(),
        "versions": {n: package_version(n) for n in ("mlx", "mlx-lm", "torch", "transformers", "numpy")},
    }


# --- memory --------------------------------------------------------------------------------------


class RSSSampler:
    """Samples a process's RSS on a thread; ``peak`` is the highest value seen.

    Use it for a phase of this process (peak above a baseline); for a whole child
    process `run_child` is exact (the kernel's own peak of that child)."""

    def __init__(self, pid: int | None = None, interval: float = 0.02):
        self.pid, self.interval = pid or os.getpid(), interval
        self.peak = rss_bytes(self.pid) or 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            rss = rss_bytes(self.pid)
            if rss is None:
                return
            self.peak = max(self.peak, rss)

    def __enter__(self) -> RSSSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes(self.pid) or 0)


@dataclass
class ChildRun:
    returncode: int
    seconds: float
    peak_rss: int  # bytes, the kernel's high-water mark of the child
    stdout: str
    stderr: str

    def json_lines(self) -> list[dict]:
        """The stdout lines that are JSON objects (how child workers report back)."""
        found = [json.loads(line) for line in self.stdout.splitlines() if line.startswith("{")]
        if not found:
            raise RuntimeError(f"child printed no JSON line; stderr tail:\n{self.stderr[-2000:]}")
        return found


# Python's subprocess starts a child with vfork+exec, and Linux carries the parent's RSS
# high-water mark into the child's ru_maxrss: a small child of a bench that holds a 6 GB
# model would report 6 GB. So the child is started by this tiny launcher instead, whose
# own high-water mark (~10 MB) is all that is carried over, and which reports the
# child's exit status and rusage peak in a file.
_LAUNCHER = """
import os, sys
result, argv = sys.argv[1], sys.argv[2:]
pid = os.posix_spawnp(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
with open(result, "w") as f:
    f.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def run_child(cmd: list[str], *, timeout: float | None = None, env: dict | None = None) -> ChildRun:
    """Run ``cmd`` to the end and return its exit code, wall time and exact peak RSS.

    Output goes to temp files (no pipe can fill up); the peak is the kernel's rusage of
    the child itself (see _LAUNCHER), not a sample. On timeout the child is killed."""
    with (
        tempfile.TemporaryFile("w+") as out,
        tempfile.TemporaryFile("w+") as err,
        tempfile.TemporaryDirectory() as tmp,
    ):
        result = Path(tmp) / "rusage"
        start = time.perf_counter()
        launcher = [sys.executable, "-I", "-S", "-c", _LAUNCHER, str(result), *cmd]
        proc = subprocess.Popen(launcher, stdout=out, stderr=err, text=True, env=env, start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        seconds = time.perf_counter() - start
        if result.exists():
            code, ru_maxrss = (int(x) for x in result.read_text().split())
            peak = maxrss_bytes(ru_maxrss)
        else:  # killed on timeout, or the command could not be started (the launcher's traceback is in stderr)
            code, peak = proc.returncode or -signal.SIGKILL, 0
        out.seek(0)
        err.seek(0)
        return ChildRun(code, seconds, peak, out.read(), err.read())


def dir_bytes(path: str | os.PathLike, pattern: str = "*.safetensors") -> int:
    return sum(f.stat().st_size for f in Path(path).glob(pattern))


def bits_per_weight(bits: int, group_size: int = 64, scale_bits: int = 16) -> float:
    """Stored bits per weight of MLX affine quantization: the packed weight plus a scale and a bias per group."""
    return bits + 2 * scale_bits / group_size


# --- scratch models ------------------------------------------------------------------------------


@contextmanager
def scratch_dir(name: str):
    """A folder for built models: run_all's shared cache if set (kept), else a temp dir (removed)."""
    shared = os.environ.get(CACHE_ENV)
    if shared:
        path = Path(shared) / name
        path.mkdir(parents=True, exist_ok=True)
        yield path
        return
    path = Path(tempfile.mkdtemp(prefix=f"taxqa-bench-{name}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def tiny_checkpoint(root: Path, arch: str, size: str, dtype: str = "float32", vocab_size: int = 1024) -> Path:
    """The random-weight HF checkpoint ``root/hf-ARCH-SIZE-DTYPE``, built once (seed 0)."""
    out = root / f"hf-{arch}-{size}-{dtype}"
    if not (out / "config.json").exists():
        from taxqa.tiny import build_checkpoint

        build_checkpoint(arch, out, size=size, dtype=dtype, vocab_size=vocab_size)
    return out


MLX_VARIANTS = {
    # bf16 first, then quantized: scales and biases stay bf16, as in mlx-community's 4-bit models
    # (from an fp32 checkpoint they would be fp32: 5 bits per weight instead of 4.5).
    "4bit": {"quantize": True, "q_bits": 4, "q_group_size": 64, "dtype": "bfloat16"},
    "bf16": {"dtype": "bfloat16"},
    "fp32": {"dtype": "float32"},
}


def mlx_variant(hf_dir: Path, variant: str) -> Path:
    """``hf_dir`` converted by mlx_lm.convert to 4bit, bf16 or fp32 (beside it, built once)."""
    out = hf_dir.parent / f"mlx-{hf_dir.name.removeprefix('hf-')}-{variant}"
    if not (out / "config.json").exists():
        from mlx_lm import convert

        tmp = out.with_name(out.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        convert(str(hf_dir), str(tmp), **MLX_VARIANTS[variant])
        os.replace(tmp, out)
    return out


# --- results -------------------------------------------------------------------------------------


def command_line() -> str:
    """How this script was run, with the script path relative to the repo when it is inside it."""
    script = Path(sys.argv[0]).resolve()
    shown = script.relative_to(REPO).as_posix() if script.is_relative_to(REPO) else sys.argv[0]
    return " ".join(["python", shown, *sys.argv[1:]])


def write_result(name: str, result: dict, path: str | os.PathLike | None = None) -> Path:
    """Write ``result`` (plus machine, command and time) to bench/results/NAME.json atomically."""
    from taxqa.records import write_atomic

    path = Path(path) if path else RESULTS / f"{name}.json"
    record = {
        "bench": name,
        "command": command_line(),
        "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine_info(),
        **result,
    }
    write_atomic(path, json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {path}")
    return path


def print_table(title: str, columns: list[str], rows: list[list], caption: str | None = None) -> None:
    """A rich table; numbers right-aligned."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, caption=caption, title_justify="left", caption_justify="left")
    for i, col in enumerate(columns):
        numeric = rows and all(isinstance(r[i], (int, float)) or _looks_numeric(r[i]) for r in rows)
        table.add_column(col, justify="right" if numeric else "left")
    for row in rows:
        table.add_row(*[fmt(v) for v in row])
    # Captured output (run_all, logs) is not a terminal: give the table room instead of eliding cells.
    Console(width=None if sys.stdout.isatty() else 200).print(table)


def _looks_numeric(value) -> bool:
    text = str(value).rstrip("x%").replace(",", "").replace(" GB", "").replace(" MB", "")
    try:
        float(text)
        return True
    except ValueError:
        return text in ("-", "")


def fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        if value == 0:
            return "0"
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}" if abs(value) >= 0.1 else f"{value:.3g}"
    return str(value)
