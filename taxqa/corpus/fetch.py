"""Bulk fetch: statutes by name/ID/MST, precedents and interpretations by query, into a folder.

Layout (what `taxqa corpus build` reads back):
    DIR/law/<법령명>_<시행일자>_<MST>.json     lawService.do?target=law|eflaw answers
    DIR/prec/<판례일련번호>.json                lawService.do?target=prec answers
    DIR/expc/<법령해석례일련번호>.json          lawService.do?target=expc answers
Each file is written atomically once its answer is complete; a re-run skips files that exist (and the
client's cache skips requests already made), so an interrupted fetch resumes where it stopped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taxqa.corpus.cite import squash
from taxqa.corpus.client import DRFClient, DRFError, search_items
from taxqa.corpus.parse import json_kind
from taxqa.records import dumps, write_atomic


@dataclass
class FetchStats:
    written: list[Path] = field(default_factory=list)
    skipped: int = 0


def _safe_name(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z가-힣._-]+", "_", text).strip("_")[:80] or "item"


def _progress(items: Iterable, total: int, desc: str, enabled: bool):
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="doc", disable=not enabled, leave=False)


def find_law(client: DRFClient, name: str) -> dict[str, Any]:
    """The search entry of the law called `name` (spaces optional); an error lists near matches."""
    target = squash(name)
    answer = client.search("law", name)
    items, _ = search_items(answer, "law")
    if not items and " " not in name:
        items, _ = search_items(client.search("law", name.replace("및", " 및 ")), "law")
    exact = [i for i in items if squash(str(i.get("법령명한글", ""))) == target]
    if not exact:
        names = ", ".join(sorted({str(i.get("법령명한글")) for i in items})[:8]) or "none"
        raise DRFError(f"--law {name}: no law of that name on law.go.kr (search found: {names})")
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
    answer = client.service(target, **params)
    if json_kind(answer) != "statute":
        raise DRFError(f"{client.describe('lawService.do', {'target': target, **params})}: not a statute answer")
    info = answer["법령"].get("기본정보", {})
    name = _safe_name(squash(str(info.get("법령명_한글", spec))))
    path = out / "law" / f"{name}_{info.get('시행일자', '')}_{params.get('MST') or params.get('ID')}.json"
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
    ids: list[str] = []
    page = 1
    while len(ids) < limit:
        items, total = search_items(client.search(target, query, page=page, display=min(100, limit)), key)
        ids += [str(i[id_field]) for i in items if i.get(id_field)]
        if not items or page * min(100, limit) >= total:
            break
        page += 1
    ids = list(dict.fromkeys(ids))[:limit]
    stats = FetchStats()
    folder = out / target
    for doc_id in _progress(ids, len(ids), f"{target} {query}", progress):
        path = folder / f"{_safe_name(doc_id)}.json"
        if path.exists():
            stats.skipped += 1
            continue
        answer = client.service(target, ID=doc_id)
        if json_kind(answer) != kind:
            raise DRFError(f"{client.describe('lawService.do', {'target': target, 'ID': doc_id})}: not a {kind}")
        write_atomic(path, dumps(answer) + "\n")
        stats.written.append(path)
    return stats
