"""Client for the national law information open API (law.go.kr DRF): lawSearch.do and lawService.do.

The key (OC) comes from the LAW_OC environment variable (else `law_go_kr: {oc: ...}` or `LAW_OC:` in the
user's config file, taxqa.userconfig) and is sent only on the wire: cache file names
and contents, saved files, errors and log records never contain it (the API echoes it inside links such
as 법령상세링크; those are scrubbed before anything is written). Answers are cached on disk keyed by the
request without the key, so a re-run makes no request it already made.

The API answers errors with HTTP 200 and a message (`사용자 정보 검증에 실패하였습니다` for a wrong OC or
an unregistered IP) or with an HTML page; both stop with a clear DRFError. JSON is asked for first; a
non-JSON answer that is not an error is asked for again as XML.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from taxqa.errors import UserError
from taxqa.records import dumps, write_atomic
from taxqa.retry import call_with_retries, retry_after_seconds
from taxqa.userconfig import config_path, config_secret

DEFAULT_BASE_URL = "https://www.law.go.kr"
OC_ENV = "LAW_OC"
# Messages the API sends with HTTP 200 instead of data.
API_ERROR_MARKERS = (
    "사용자 정보 검증에 실패",
    "OPEN API 호출 시 사용자 검증",
    "등록되지 않은",
    "미신청된 목록/본문",
    "페이지 접속에 실패",
    "일치하는 법령이 없습니다",
)
_OC_PARAM_RE = re.compile(r"([?&])OC=[^&#\"'\s<]*(&?)")


RETRY_STATUS = (408, 425, 429, 500, 502, 503, 504)


class _Transient(Exception):
    """A failure worth another try (taxqa.retry); ``retry_after`` from the server when it sent one."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class DRFError(UserError):
    """The API refused or answered something that is not data; the message never contains the key."""


def scrub(value: Any, oc: str | None = None) -> Any:
    """The value with every OC=... query parameter (and the key itself) removed, recursively."""
    if isinstance(value, str):
        text = _OC_PARAM_RE.sub(lambda m: m.group(1) if m.group(2) else "", value)
        text = re.sub(r"[?&]$", "", text) if text != value else text
        return text.replace(oc, "***") if oc and len(oc) >= 3 else text
    if isinstance(value, dict):
        return {scrub(k, oc): scrub(v, oc) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v, oc) for v in value]
    return value


class _ScrubFilter(logging.Filter):
    """httpx logs request URLs (with the key) at INFO: rewrite those records."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = scrub(record.getMessage()), ()
        return True


logging.getLogger("httpx").addFilter(_ScrubFilter())


def xml_to_obj(element: ET.Element) -> Any:
    """XML answer -> the same nested dict/list shape the JSON answer has (repeated tags become lists)."""
    children = list(element)
    if not children:
        return (element.text or "").strip()
    out: dict[str, Any] = {}
    for child in children:
        value = xml_to_obj(child)
        if child.tag in out:
            if not isinstance(out[child.tag], list):
                out[child.tag] = [out[child.tag]]
            out[child.tag].append(value)
        else:
            out[child.tag] = value
    return out


class DRFClient:
    def __init__(
        self,
        oc: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        cache_dir: str | os.PathLike | None = None,
        min_interval: float = 0.5,
        retries: int = 3,
        backoff: float = 1.0,
        timeout: float = 30.0,
    ):
        import httpx

        self.oc = oc if oc is not None else config_secret(OC_ENV, "law_go_kr.oc", OC_ENV)
        self.base_url = base_url.rstrip("/")
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.min_interval = min_interval
        self.retries = retries
        self.backoff = backoff
        self.requests_made = 0
        self._last = 0.0
        self._http = httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": "taxqa-corpus"})

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> DRFClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- requests -----------------------------------------------------------------------------------------

    def describe(self, endpoint: str, params: dict[str, Any]) -> str:
        """The request as it may be shown: the URL without the key."""
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return f"{self.base_url}/DRF/{endpoint}?{query}"

    def _cache_file(self, endpoint: str, params: dict[str, Any]) -> Path | None:
        if self.cache_dir is None:
            return None
        key = json.dumps([endpoint, sorted((k, str(v)) for k, v in params.items())], ensure_ascii=False)
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        return self.cache_dir / endpoint.removesuffix(".do") / f"{params.get('target', 'x')}-{digest}.json"

    def get(self, endpoint: str, validate: Callable[[Any], object] | None = None, **params: Any) -> Any:
        """The parsed answer of /DRF/{endpoint} (JSON, or XML converted to the same shape), cached.

        validate(answer) raises DRFError for an answer that is not what the caller needs; such an answer
        (and an empty one) is never cached, and a cached answer that fails it is named in the error.
        """
        params = {k: v for k, v in params.items() if v not in (None, "")}
        cache = self._cache_file(endpoint, params)
        if cache is not None and cache.is_file():
            try:
                answer = json.loads(cache.read_text(encoding="utf-8"))["answer"]
            except (json.JSONDecodeError, KeyError, TypeError, UnicodeDecodeError):
                cache.unlink()  # a damaged cache entry is fetched again
            else:
                try:
                    _check(answer, validate, self.describe(endpoint, params))
                except DRFError as exc:
                    raise DRFError(
                        f"the cached answer {cache} is not valid ({exc}); delete it to fetch again"
                    ) from None
                return answer
        if not self.oc:
            raise DRFError(
                f"no API key: set {OC_ENV} to your law.go.kr open API ID (OC), "
                f"or put it in {config_path()} as law_go_kr: {{oc: ...}}"
            )
        answer = self._fetch(endpoint, {**params, "type": "JSON"})
        if answer is None:
            answer = self._fetch(endpoint, {**params, "type": "XML"}, xml=True)
        answer = scrub(answer, self.oc)
        _check(answer, validate, self.describe(endpoint, params))
        if cache is not None:
            record = {"request": {"endpoint": endpoint, **params}, "answer": answer}
            write_atomic(cache, dumps(record))
        return answer

    def _fetch(self, endpoint: str, params: dict[str, Any], xml: bool = False) -> Any:
        """Parsed answer; None when a JSON request got a non-JSON answer that is not an error message."""
        shown = self.describe(endpoint, params)
        body = self._send(endpoint, params, shown)
        text = body.decode("utf-8", errors="replace").strip()
        self._check_error_message(text, shown)
        if xml:
            try:
                return xml_to_obj(ET.fromstring(body))
            except ET.ParseError as exc:
                raise DRFError(f"{shown}: the answer is neither JSON nor XML ({exc})") from None
        if text.lower().startswith(("<!doctype html", "<html")):
            raise DRFError(f"{shown}: the API answered with an HTML page ({_html_title(text)}), not data")
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            if text.startswith(("{", "[")):
                raise DRFError(
                    f"{shown}: truncated or invalid JSON ({exc.msg} at character {exc.pos} of {len(text)})"
                ) from None
            return None
        if isinstance(obj, dict) and set(obj) <= {"result", "msg", "code"} and obj:
            raise DRFError(f"{shown}: the API refused: {scrub(' '.join(str(v) for v in obj.values()), self.oc)}")
        return obj

    def _check_error_message(self, text: str, shown: str) -> None:
        head = text[:2000]
        for marker in API_ERROR_MARKERS:
            if marker in head and len(text) < 20000:
                message = re.sub(r"<[^>]+>", " ", head)
                message = re.sub(r"\s+", " ", scrub(message, self.oc)).strip()[:300]
                hint = f" (check {OC_ENV} and the IP/domain registered for it)" if "검증" in marker else ""
                raise DRFError(f"{shown}: the API answered with an error{hint}: {message}")

    def _send(self, endpoint: str, params: dict[str, Any], shown: str) -> bytes:
        import httpx

        url = f"{self.base_url}/DRF/{endpoint}"

        def once() -> bytes:
            wait = self.min_interval - (time.monotonic() - self._last)
            if wait > 0:
                time.sleep(wait)
            self._last = time.monotonic()
            try:
                self.requests_made += 1
                response = self._http.get(url, params={"OC": self.oc, **params})
            except httpx.HTTPError as exc:
                raise _Transient(f"{type(exc).__name__}: {scrub(str(exc), self.oc)}") from None
            if response.status_code == 200:
                return response.content
            problem = f"HTTP {response.status_code}"
            if response.status_code not in RETRY_STATUS:
                raise DRFError(f"{shown}: {problem}")
            raise _Transient(problem, retry_after_seconds(response.headers))

        try:
            return call_with_retries(
                once, attempts=self.retries + 1, retry_on=_Transient, base=self.backoff, jitter=False
            )
        except _Transient as exc:
            raise DRFError(f"{shown}: gave up after {self.retries + 1} attempts ({exc})") from None

    # -- the API's searches and documents -------------------------------------------------------------------

    def search(
        self,
        target: str,
        query: str = "",
        *,
        page: int = 1,
        display: int = 100,
        validate: Callable[[Any], object] | None = None,
        **extra: Any,
    ) -> Any:
        return self.get("lawSearch.do", validate, target=target, query=query, display=display, page=page, **extra)

    def service(self, target: str, validate: Callable[[Any], object] | None = None, **params: Any) -> Any:
        return self.get("lawService.do", validate, target=target, **params)


def _check(answer: Any, validate: Callable[[Any], object] | None, shown: str) -> None:
    if not answer:
        raise DRFError(f"{shown}: empty answer")
    if validate is not None:
        validate(answer)


def _html_title(text: str) -> str:
    m = re.search(r"<title[^>]*>(.*?)</title>", text, re.S | re.I)
    return re.sub(r"\s+", " ", m.group(1)).strip()[:80] if m else "no title"


def search_items(answer: Any, target: str) -> tuple[list[dict], int]:
    """(items, total count) of a lawSearch answer: {"LawSearch": {"law": [...]}}, {"PrecSearch": ...}."""
    if not isinstance(answer, dict) or not answer:
        raise DRFError(f"lawSearch.do target={target}: unexpected answer shape")
    root = next(iter(answer.values())) if len(answer) == 1 else answer
    if not isinstance(root, dict):
        raise DRFError(f"lawSearch.do target={target}: unexpected answer shape")
    items = root.get(target, [])
    items = items if isinstance(items, list) else [items] if isinstance(items, dict) else []
    try:
        total = int(str(root.get("totalCnt", len(items))).strip() or 0)
    except ValueError:
        total = len(items)
    return [i for i in items if isinstance(i, dict)], total
