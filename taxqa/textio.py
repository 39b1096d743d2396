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
