"""`taxqa corpus`: fetch from law.go.kr, build passages, search them.

taxqa corpus fetch --law 상속세및증여세법 [--law ...] [--prec QUERY] [--expc QUERY] [--base-url URL] -o DIR
taxqa corpus build SRC... -o passages.jsonl[.gz]
taxqa corpus build --embedded -o passages.jsonl      (a copy of the embedded corpus)
taxqa corpus fetch --preset tax -o DIR             (the national and local tax acts, decrees and rules)
taxqa corpus search QUERY [-k 5] [--corpus passages.jsonl] [--json] [--embed-model MODEL]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from taxqa.corpus.cite import PRESETS
from taxqa.errors import UserError
from taxqa.options import FRACTION, integer, number
from taxqa.outputs import check_output_dir, check_output_file, jsonl_of
from taxqa.textio import text_type


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Law corpus: fetch, build passages, search.")
    sub = parser.add_subparsers(dest="command", required=True)

    fetch = sub.add_parser(
        "fetch",
        help="fetch statutes, precedents, interpretations from the law.go.kr DRF API",
        description="Fetch statutes, precedents and interpretations from the law.go.kr DRF API into a folder "
        "(key from LAW_OC). Answers are cached and files written once, so an interrupted fetch resumes.",
    )
    fetch.add_argument("--law", action="append", default=[], help="act name (spaces optional), ID, or MST:<n>")
    fetch.add_argument(
        "--preset",
        choices=sorted(PRESETS),
        action="append",
        default=[],
        help="a named set of acts: 'tax' = the national and local tax acts with their decrees and rules",
    )
    fetch.add_argument("--date", help="with --law: the version in force on this date (YYYYMMDD, target=eflaw)")
    fetch.add_argument("--prec", action="append", default=[], metavar="QUERY", help="precedents matching QUERY")
    fetch.add_argument("--expc", action="append", default=[], metavar="QUERY", help="interpretations matching QUERY")
    fetch.add_argument(
        "--limit", type=integer(1, 100_000), default=100, help="most documents per --prec/--expc query (100)"
    )
    fetch.add_argument("--base-url", default=None, help="API base URL (default https://www.law.go.kr)")
    fetch.add_argument("--cache", help="answer cache folder (default: DIR/.cache)")
    fetch.add_argument("--interval", type=number(0, 60), default=0.5, help="seconds between requests (0.5)")
    fetch.add_argument(
        "--retries", type=integer(0), default=3, help="retries of a request that failed on the network or a 5xx (3)"
    )
    fetch.add_argument("-o", "--out", required=True, help="output folder")
    fetch.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    build = sub.add_parser(
        "build",
        help="parse law.go.kr JSON / legalize-kr Markdown / passages into passages",
        description="Parse law.go.kr JSON, legalize-kr Markdown and passage files into one passages JSONL: "
        "newest version of each article, decisions de-duplicated, long articles split per 항.",
    )
    build.add_argument("sources", nargs="*", help="files or folders (searched recursively)")
    build.add_argument("--embedded", action="store_true", help="write the embedded corpus instead of building")
    build.add_argument("-o", "--out", required=True, help="passages.jsonl (.gz compresses)")
    build.add_argument("--max-chars", type=integer(100), default=1200, help="split articles longer than this per 항")
    build.add_argument("--near-dup", type=FRACTION, default=0.85, help="MinHash Jaccard threshold for decisions")

    search = sub.add_parser(
        "search",
        help="find the articles that answer a question",
        description="Rank passages for a question in plain Korean: cited articles first, then the act that "
        "governs the question, lay terms read as legal terms; lexical (no download) unless --embed-model.",
    )
    search.add_argument(
        "query", type=text_type("query"), help="a question or keywords, e.g. '부가세 신고기한' or '상증법 53조'"
    )
    search.add_argument("-k", type=integer(1), default=5, help="how many articles to show (5)")
    search.add_argument("--corpus", help="passages.jsonl (default: the embedded corpus)")
    search.add_argument("--json", action="store_true", help="print a JSON list of hits, best first")
    search.add_argument(
        "--embed-model",
        help="sentence-transformers model (folder or hub id) fused with the lexical ranking "
        "(default: $TAXQA_EMBED_MODEL, else lexical only)",
    )
    return parser


def _fetch(args: argparse.Namespace) -> int:
    from taxqa.corpus.client import DEFAULT_BASE_URL, DRFClient
    from taxqa.corpus.fetch import LawNotFound, fetch_documents, fetch_law

    laws = [*args.law, *(law for name in args.preset for law in PRESETS[name])]
    if not (laws or args.prec or args.expc):
        raise UserError("nothing to fetch: give --law, --preset, --prec or --expc")
    if args.retries < 0 or args.limit < 1 or not args.interval >= 0:
        raise UserError("--retries must be >= 0, --limit >= 1 and --interval >= 0")
    if args.date and not (len(args.date) == 8 and args.date.isdigit()):
        raise UserError(f"--date {args.date!r}: expected YYYYMMDD")
    out = check_output_dir(args.out, "-o")
    client = DRFClient(
        base_url=args.base_url or DEFAULT_BASE_URL,
        cache_dir=Path(args.cache) if args.cache else out / ".cache",
        min_interval=args.interval,
        retries=args.retries,
    )
    preset = {law for name in args.preset for law in PRESETS[name]} - set(args.law)
    missing = []
    with client:
        for spec in dict.fromkeys(laws):
            try:
                path, new = fetch_law(client, spec.strip(), out, args.date)
            except LawNotFound as exc:
                if spec not in preset:
                    raise
                missing.append(spec)  # a preset act the server does not have: the others still come
                print(f"skip  {exc}", file=sys.stderr)
                continue
            print(f"{'wrote' if new else 'have '} {path}")
        for target, queries in (("prec", args.prec), ("expc", args.expc)):
            for query in queries:
                stats = fetch_documents(client, target, query, out, limit=args.limit, progress=not args.quiet)
                print(f"{target} {query!r}: {len(stats.written)} new, {stats.skipped} already there -> {out / target}")
    print(f"{client.requests_made} requests made", file=sys.stderr)
    if missing:
        print(f"{len(missing)} acts of the preset not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


def _build(args: argparse.Namespace) -> int:
    from taxqa.corpus.build import build
    from taxqa.corpus.embedded import load_passages
    from taxqa.records import dumps, write_atomic

    check_output_file(
        args.out,
        "-o",
        inputs={f"source {src}": src for src in args.sources},
        ours=jsonl_of("citation"),
        what="passages file",
    )
    if args.embedded:
        if args.sources:
            raise UserError("--embedded takes no sources")
        passages = load_passages()
        text = "".join(dumps(p.to_dict()) + "\n" for p in passages)
        out = Path(args.out)
        if out.suffix == ".gz":
            import gzip

            write_atomic(out, gzip.compress(text.encode("utf-8"), mtime=0))
        else:
            write_atomic(out, text)
        print(f"wrote {len(passages)} passages (the embedded corpus) to {out}")
        return 0
    if not args.sources:
        raise UserError("give at least one source file or folder (or --embedded)")
    start = time.perf_counter()
    stats = build(args.sources, args.out, max_chars=args.max_chars, near_threshold=args.near_dup)
    seconds = time.perf_counter() - start
    print(
        f"wrote {stats.passages} passages to {args.out}: {stats.statutes} articles, {stats.decisions} decisions "
        f"from {stats.files} files ({stats.bytes_read / 1e6:.1f} MB in {seconds:.1f} s); "
        f"{stats.superseded} older article versions superseded, {stats.exact_dups} exact and "
        f"{stats.near_dups} near duplicates dropped, {len(stats.skipped)} files skipped"
    )
    return 0


def _search(args: argparse.Namespace) -> int:
    import json

    from taxqa.corpus.embedded import load_passages, search_hits

    if args.k < 1:
        raise UserError(f"-k {args.k}: expected at least 1")
    passages = load_passages(args.corpus)
    if not passages:
        raise UserError(f"{args.corpus or 'the embedded corpus'}: no passages to search")
    hits = search_hits(args.query, k=args.k, passages=passages, embed_model=args.embed_model)
    if args.json:
        print(json.dumps(hits, ensure_ascii=False, indent=1))
        return 0 if hits else 1
    if not hits:
        print("no matching passages", file=sys.stderr)
        return 1
    for h in hits:
        title = f" ({h['title']})" if h["title"] else ""
        snippet = " ".join(h["text"].split())
        snippet = snippet[:90] + ("…" if len(snippet) > 90 else "")
        if h.get("clause"):  # the 항/호 the question matched: why this article
            snippet = f"{h['clause']}: {h['clause_text']}"
        print(f"{h['rank']}. {h['citation']}{title} {snippet}  [{h['score']:.2f}]")
    return 0


def main(argv: list[str] | None = None, prog: str = "taxqa corpus") -> int:
    args = _parser(prog).parse_args(argv)
    return {"fetch": _fetch, "build": _build, "search": _search}[args.command](args)


if __name__ == "__main__":
    from taxqa.cli import run_command

    sys.exit(run_command("taxqa.corpus.cli", sys.argv[1:], "taxqa corpus"))
