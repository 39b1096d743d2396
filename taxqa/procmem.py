"""Resident memory of a process: now, and its peak.

`getrusage().ru_maxrss` is not this process's own peak on Linux: when a process is
started with vfork/posix_spawn (what Python's subprocess does), exec carries the
parent's high-water mark over, so a small child of a 6 GB parent reports 6 GB.
`VmHWM` in /proc/self/status belongs to the process's own address space, so it is
read first; ru_maxrss is the fallback where there is no /proc (macOS).
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path


def _status_kib(pid: int, field: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:  # no /proc (macOS), or the process is gone
        return None
    return None


def maxrss_bytes(ru_maxrss: int) -> int:
    """ru_maxrss in bytes: it is kilobytes on Linux and bytes on macOS."""
    return ru_maxrss if sys.platform == "darwin" else ru_maxrss * 1024


def rss_bytes(pid: int | None = None) -> int | None:
    """Current resident set size of a process (this one by default); None if it is gone."""
    pid = pid or os.getpid()
    kib = _status_kib(pid, "VmRSS")
    if kib is not None:
        return kib * 1024
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss
    except Exception:  # psutil missing or the process already gone
        return None


def peak_rss_bytes() -> int:
    """This process's own peak resident set size since it started (see the module note)."""
    kib = _status_kib(os.getpid(), "VmHWM")
    if kib is not None:
        return kib * 1024
    return maxrss_bytes(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
