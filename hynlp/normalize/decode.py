"""Bytes to text: detect UTF-8, GB18030/GBK or Big5, never guess silently.

>>> decode_bytes("青禾区".encode("gb18030"))
('青禾区', 'gb18030')
>>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
Traceback (most recent call last):
...
hynlp.errors.BinaryInput: [E102] input is binary data (NUL or control bytes)
  hint: The input looks like binary data (an image, archive or PDF), not text.
"""

from __future__ import annotations

from charset_normalizer import from_bytes

from hynlp.errors import BinaryInput, UndecodableInput

CHINESE_FAMILIES = {"utf_8": "utf-8", "gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030",
                    "big5": "big5", "big5hkscs": "big5", "cp950": "big5", "utf_16": "utf-16",
                    "utf_32": "utf-32"}
BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b")


def decode_bytes(data: bytes, *, source: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise a coded error for binary or unknown bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise UndecodableInput(f"bytes are not valid UTF-16: {exc.reason}", source=source) from exc
    if data.startswith(BINARY_MAGIC) or _control_share(data) > 0.01:
        raise BinaryInput("input is binary data (NUL or control bytes)", source=source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    strict = [enc for enc in ("gb18030", "big5") if _decodes(data, enc)]
    if len(strict) == 1:
        return data.decode(strict[0]), strict[0]
    if strict:
        # Both legacy encodings accept the bytes (common for short texts): the
        # reading made of common characters is the real one.
        return max(((data.decode(enc), enc) for enc in strict), key=lambda pair: _commonness(pair[0]))
    best = from_bytes(data).best()
    encoding = CHINESE_FAMILIES.get(best.encoding) if best is not None else None
    if encoding is None:
        raise UndecodableInput("no Chinese text encoding decodes these bytes", source=source)
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise UndecodableInput(f"bytes are not valid {encoding}: {exc.reason}", source=source) from exc


def _commonness(text: str) -> float:
    import opencc

    from hynlp.normalize.charfreq import CharFrequencies

    return CharFrequencies.load().mean_log(opencc.OpenCC("t2s").convert(text))


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _control_share(data: bytes) -> float:
    """Share of NUL and C0 control bytes other than tab, newline, carriage return."""
    if not data:
        return 0.0
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0D, 0x0C))
    return controls / len(sample)
