"""The embedded corpus's lexical index ships prebuilt: current, reproducible, and used by a first search."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from taxqa.corpus import load_passages
from taxqa.corpus.store import SHIPPED, content_key, pack, shipped_key, unpack_shipped


def test_shipped_index_is_built_from_this_corpus_and_these_sources():
    assert SHIPPED.is_file(), "the prebuilt index is missing: run `make corpus-data`"
    assert shipped_key() == content_key(load_passages()), (
        "the shipped index is stale (the corpus or the index code changed): run `make corpus-data`"
    )


def test_a_first_search_unpacks_the_shipped_index_instead_of_building(tmp_path):
    # No bm25s and no analyser in this process: building an index would fail, so a result means it was unpacked.
    script = (
        "import json, sys\n"
        "sys.modules['bm25s'] = sys.modules['kiwipiepy'] = None\n"
        "from taxqa.corpus import search\n"
        "print(json.dumps([p.citation for p, _ in search('자녀세액공제는 얼마인가요', 3)]))\n"
    )
    env = {"TAXQA_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr[-1500:]
    assert json.loads(proc.stdout)[0] == "소득세법 제59조의2"
    assert list((tmp_path / "lexical").glob("*/meta.json.gz")), "the unpacked index is kept in the cache"


def test_a_stale_or_foreign_archive_is_not_used(tmp_path):
    mine = load_passages()[:3]
    assert not unpack_shipped(mine, tmp_path / "out")  # built from other passages: ignored
    assert not unpack_shipped(load_passages(), tmp_path / "out", path=tmp_path / "missing.tar.gz")
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_shipped_index_matches_a_rebuild_byte_for_byte():
    from taxqa.corpus.indexing import build_saved

    passages = load_passages()
    assert pack(build_saved(passages), content_key(passages)) == SHIPPED.read_bytes()
