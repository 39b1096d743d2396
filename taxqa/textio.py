"""Text a user hands in (files, stdin): UTF-8, with or without a BOM, else CP949 (Korean Windows),
else a one-line error naming where and what was expected."""

from __future__ import annotations

from taxqa.errors import UserError


def decode_text(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        return data.decode("cp949")
    except UnicodeDecodeError:
        pass
    raise UserError(
        f"{where}: not UTF-8 (byte {utf8_error.start}: {utf8_error.reason}) nor CP949 text; save it as UTF-8"
    )


MAX_TEXT = 1024 * 1024  # a question or prompt longer than 1 MB is not a question (and would never finish)


def _lone_surrogate(text: str) -> int:
    """Index of the first lone surrogate (not valid Unicode, cannot be written as UTF-8), else -1."""
    for i, ch in enumerate(text):
        if "\ud800" <= ch <= "\udfff":
            return i
    return -1


def check_unicode(obj: object, where: str) -> None:
    """Refuse JSON strings holding lone surrogates (``"\\ud800"``): they cannot be written back as UTF-8."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _lone_surrogate(item) >= 0:
                raise UserError(f"{where}: text holds a lone surrogate (\\u{ord(item[_lone_surrogate(item)]):04x}); "
                                "expected valid Unicode text")  # fmt: skip
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def text_arg(value: str, where: str = "argument") -> str:
    """A text argument (question, prompt, query) as valid Unicode: bytes the terminal could not decode as
    UTF-8 (Python keeps them as surrogate escapes) are read as CP949, else refused in one line."""
    if len(value) > MAX_TEXT:
        raise UserError(f"{where}: {len(value):,} characters; expected a question under {MAX_TEXT:,}")
    if _lone_surrogate(value) < 0:
        return value
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raise UserError(f"{where}: holds a lone surrogate; expected valid Unicode text") from None
    return decode_text(raw, where)


def read_text_stream(stream, where: str = "stdin", limit: int = MAX_TEXT) -> str:
    """At most ``limit`` bytes of a binary stream as text; longer input is refused instead of read on."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise UserError(f"{where}: more than {limit // 1024:,} KB; expected one question")
    return decode_text(data, where)


def check_regular(path) -> None:
    """An input file must be a regular file: a FIFO, /dev/zero or a terminal would block or never end."""
    import stat
    from pathlib import Path

    try:
        mode = Path(path).stat().st_mode
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(mode):
        raise UserError(f"{path}: is a folder; expected a file")
    if not stat.S_ISREG(mode):
        raise UserError(f"{path}: not a regular file (a pipe or device); expected a file on disk")


def text_type(where: str):
    """An argparse ``type=`` for a text argument (see ``text_arg``)."""

    def parse(value: str) -> str:
        if not value.strip():  # an empty question would be "read" as one with no amount
            raise UserError(f"{where}: empty; expected text, e.g. '아버지께 1억 증여받음. 증여세?'")
        return text_arg(value, where)

    parse.__name__ = "text"
    return parse
