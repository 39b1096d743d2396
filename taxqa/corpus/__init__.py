"""Law corpus: law.go.kr DRF client, parsers, cleaning, passages, BM25 search and the embedded corpus.

The API other stages use:

    load_passages(path=None)          passages from a file, or the embedded corpus (cached)
    iter_corpus_texts()               plain text of the embedded corpus (tokenizer training)
    search(query, k=5, passages=None) [(passage, score)], best first (governing act first, lay terms read)
    search_hits(query, k=5)           the same as dicts: rank, citation, title, score, kind, matched, ...
    warm_up()                         build the index and load the analyser ahead of the first search
    resolve_citation(citation)        "상속세및증여세법 제53조 제1항" -> the passage of 제53조, or None
    find_citations(text)              "(상속세 및 증여세법 제26조, 제53조)" -> ["... 제26조", "... 제53조"]
"""

from taxqa.corpus.embedded import (
    embedded_path,
    find_citations,
    iter_corpus_texts,
    load_passages,
    resolve_citation,
    search,
    search_hits,
    warm_up,
)

__all__ = [
    "embedded_path",
    "find_citations",
    "iter_corpus_texts",
    "load_passages",
    "resolve_citation",
    "search",
    "search_hits",
    "warm_up",
]
