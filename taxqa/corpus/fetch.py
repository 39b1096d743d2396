"""Bulk fetch: statutes by name/ID/MST, precedents and interpretations by query, into a folder.

Layout (what `taxqa corpus build` reads back):
    DIR/law/<법령명>_<시행일자>_<MST>.json     lawService.do?target=law|eflaw answers
    DIR/prec/<판례일련번호>.json                lawService.do?target=prec answers
    DIR/expc/<법령해석례일련번호>.json          lawService.do?target=expc answers
Each file is written atomically once its answer is complete; a re-run skips files that exist (and the
client's cache skips requests already made), so an interrupted fetch resumes where it stopped. File names
built from the API's values are sanitised (a 시행일자 of "../../.." cannot leave DIR), and paging stops
after the pages the limit needs or at the first page that adds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taxqa.corpus.cite import PRESETS, TAX_ACTS, squash  # noqa: F401 - PRESETS, TAX_ACTS: re-exported
from taxqa.corpus.client import DRFClient, DRFError, search_items
from taxqa.corpus.parse import json_kind
from taxqa.records import dumps, write_atomic

# `--preset tax`: the national and local tax acts, each with its decree (시행령) and rule (시행규칙).


class LawNotFound(DRFError):
    """The API has no act of the name asked for."""


@dataclass
class FetchStats:
    written: list[Path] = field(default_factory=list)
    skipped: int = 0


def _safe_name(text: str) -> str:
    """A file-name part from a value the server sent: letters, digits, Hangul, '-' and inner '.'; never a path."""
    return re.sub(r"[^0-9A-Za-z가-힣.-]+", "_", str(text)).strip("._-")[:80] or "item"


def _safe_path(folder: Path, name: str) -> Path:
    path = folder / name
    if path.resolve().parent != folder.resolve() or path.name != name:
        raise DRFError(f"refusing a file name built from the server's answer: {name!r}")
    return path


def _progress(items: Iterable, total: int, desc: str, enabled: bool):
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="doc", disable=not enabled, leave=False)


def _search_check(key: str):
    return lambda answer: search_items(answer, key)


def _kind_check(kind: str, shown: str):
    def check(answer: Any) -> None:
        if json_kind(answer) != kind:
            raise DRFError(f"{shown}: not a {kind} answer")

    return check


def find_law(client: DRFClient, name: str) -> dict[str, Any]:
    """The search entry of the law called `name` (spaces optional); an error lists near matches."""
    target = squash(name)
    check = _search_check("law")
    items, _ = search_items(client.search("law", name, validate=check), "law")
    if not items and " " not in name:
        items, _ = search_items(client.search("law", name.replace("및", " 및 "), validate=check), "law")
    exact = [i for i in items if squash(str(i.get("법령명한글", ""))) == target]
    if not exact:
        names = ", ".join(sorted({str(i.get("법령명한글")) for i in items})[:8]) or "none"
        raise LawNotFound(f"--law {name}: no law of that name on law.go.kr (search found: {names})")
    current = [i for i in exact if str(i.get("현행연혁코드", "현행")) == "현행"] or exact
    return max(current, key=lambda i: str(i.get("시행일자", "")))


def fetch_law(client: DRFClient, spec: str, out: Path, date: str | None = None) -> tuple[Path, bool]:
    """One statute: spec is a name, an ID ("001561") or "MST:268341"; date (YYYYMMDD) asks target=eflaw."""
    if spec.upper().startswith("MST:"):
        params: dict[str, Any] = {"MST": spec[4:]}
    elif spec.isdigit():
        params = {"ID": spec}
    else:
        entry = find_law(client, spec)
        params = {"MST": entry.get("법령일련번호")}
    target = "eflaw" if date else "law"
    if date:
        params["efYd"] = date
    shown = client.describe("lawService.do", {"target": target, **params})
    answer = client.service(target, validate=_kind_check("statute", shown), **params)
    info = answer["법령"].get("기본정보", {})
    name = _safe_name(squash(str(info.get("법령명_한글", spec))))
    date_part = re.sub(r"\D", "", str(info.get("시행일자", "")))[:8]
    number = _safe_name(str(params.get("MST") or params.get("ID")))
    path = _safe_path(out / "law", f"{name}_{date_part}_{number}.json")
    if path.exists():
        return path, False
    write_atomic(path, dumps(answer) + "\n")
    return path, True


_DOCS = {  # target -> (search list key, id field in the search list, service answer's JSON kind)
    "prec": ("prec", "판례일련번호", "precedent"),
    "expc": ("expc", "법령해석례일련번호", "ruling"),
}


def fetch_documents(
    client: DRFClient, target: str, query: str, out: Path, *, limit: int = 100, progress: bool = True
) -> FetchStats:
    """Precedents (prec) or interpretations (expc) matching query, up to limit, one file each."""
    key, id_field, kind = _DOCS[target]
    ids: dict[str, None] = {}
    display = min(100, limit)
    for page in range(1, -(-limit // display) + 2):  # the pages the limit needs, plus one short page
        answer = client.search(target, query, page=page, display=display, validate=_search_check(key))
        items, total = search_items(answer, key)
        before = len(ids)
        ids.update((str(i[id_field]), None) for i in items if i.get(id_field))
        if len(ids) == before or len(ids) >= limit or page * display >= total:
            break  # an empty page, a page of items without ids, or the end: never page forever
    ids = list(ids)[:limit]
    stats = FetchStats()
    folder = out / target
    for doc_id in _progress(ids, len(ids), f"{target} {query}", progress):
        path = _safe_path(folder, f"{_safe_name(doc_id)}.json")
        if path.exists():
            stats.skipped += 1
            continue
        shown = client.describe("lawService.do", {"target": target, "ID": doc_id})
        answer = client.service(target, validate=_kind_check(kind, shown), ID=doc_id)
        write_atomic(path, dumps(answer) + "\n")
        stats.written.append(path)
    return stats
