"""Text cleaning: decode bytes, normalize, strip control characters and escape sequences.

Every offset workbench stores refers to the text ``clean_text`` returns, and that
is the text that gets stored. ``strip_controls`` is also what the UI and the
exports use on any untrusted string (notes, titles, fetched pages, errors).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

# ESC-based sequences: CSI, OSC (BEL or ST terminated, or unterminated to end),
# DCS/SOS/PM/APC strings, and two-character escapes. 8-bit CSI/OSC too.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?          # CSI ... final byte
  | (?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC ... BEL/ST
  | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?  # DCS/SOS/PM/APC
  | \x1b[ -/]*[0-~]?                           # other escapes (ESC c, ESC ( B, ...)
    """,
    re.VERBOSE,
)
# C0 and C1 controls except tab and newline, DEL, and invisible format characters
# that reorder or hide text in a terminal (bidi overrides/isolates, zero-width).
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters (tab and newline kept)."""
    if not text:
        return ""
    if text.isprintable():  # every escape and control above is unprintable (Cc, Cf)
        return text
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def clean_text(text: str) -> str:
    """The clean form of an article: every offset refers to this text.

    Newlines normalized to ``\\n``, Unicode NFC, escape sequences and control
    characters removed, runs of spaces collapsed, lines trimmed, at most one blank
    line between paragraphs, no leading or trailing blank lines.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", strip_controls(text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def one_line(text: str, limit: int = 0) -> str:
    """Untrusted text as a single clean line (for titles, errors, table cells)."""
    line = " ".join(strip_controls(str(text)).split())
    if limit and len(line) > limit:
        line = line[: max(limit - 1, 0)] + "…"
    return line


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode article bytes: UTF-8 (with or without BOM), else the detected encoding.

    Returns ``(text, encoding)``. Raises InputError for binary data (NUL bytes)
    and for bytes no encoding explains.
    """
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not an article")
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # English news that is not UTF-8 is nearly always Windows-1252; ask the
    # detector only when that does not decode.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError(
            f"{name}: cannot decode the text (not UTF-8 and no other encoding fits); "
            "convert it to UTF-8 and try again"
        )
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(
            f"{name}: cannot decode the text as {best.encoding}; convert it to UTF-8"
        ) from None
    if _looks_binary(text):
        raise InputError(f"{name}: looks like a binary file, not an article")
    return text, best.encoding


ENCODING_NAMES = {"cp1252": "Windows-1252", "utf-16": "UTF-16", "latin-1": "Latin-1",
                  "iso8859-1": "Latin-1", "iso-8859-1": "Latin-1"}


_UTF8_NAMES = ("utf-8", "utf-8-sig", "utf8", "ascii")


def encoding_note(name: str, encoding: str | None) -> str | None:
    """One line saying which encoding a text that is not UTF-8 was read as (None for
    UTF-8, with or without BOM)."""
    if not encoding or encoding.lower().replace("_", "-") in _UTF8_NAMES:
        return None
    shown = ENCODING_NAMES.get(encoding.lower(), encoding)
    return f"{one_line(name, 200)} is not UTF-8; read it as {shown} (check accented letters)"


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    odd = sum(
        1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t"
    )
    return odd / len(sample) > 0.1


MAX_TEXT_BYTES = 50 * 1024 * 1024
"""The most a text input may hold (an article, a sentence list): 50 MB."""


def read_capped(handle: BinaryIO, name: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    """Read at most ``limit`` bytes; InputError when there is more (``/dev/zero``, a
    pipe that never ends, a process substitution of a huge stream)."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = handle.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise InputError(
            f"{name}: more than {limit // (1024 * 1024)} MB of input; is it really an article?"
        )
    return b"".join(chunks)


def read_stdin(limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of stdin (capped); InputError when stdin is closed or unreadable."""
    stream = sys.stdin
    if stream is None or getattr(stream, "closed", False):
        raise InputError("stdin is closed: there is no article to read (give a file instead)")
    try:
        return read_capped(stream.buffer, "stdin", limit)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(f"stdin cannot be read ({reason})") from None


def read_text_file(path: str | Path, limit: int = MAX_TEXT_BYTES) -> tuple[str, str]:
    """Read and decode an article file (any kind: a regular file, a FIFO, a device),
    at most ``limit`` bytes. Returns ``(raw_text, encoding)``."""
    p = Path(path)
    try:
        with p.open("rb") as handle:
            data = read_capped(handle, str(path), limit)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode_bytes(data, str(path))


def guess_title(clean: str) -> str:
    """The first line when it reads like a headline (short, no final period), else ''."""
    first = clean.split("\n", 1)[0].strip()
    if first and len(first) <= 200 and not first.endswith((".", "!", "?", '"', "”", ":")):
        return first
    return ""


_CLOSERS = "\"'”’»)]"


def first_line(clean: str) -> str:
    """The first non-blank line of a clean text."""
    for line in clean.split("\n"):
        if line.strip():
            return line.strip()
    return ""


def headline(clean: str) -> str:
    """The first line when it reads as a headline: at most 200 characters and not a
    sentence ending in a period. A question ("Will rates fall?"), a label ("Budget
    2026:"), an exclamation or a quoted headline (“We will win”) is a headline."""
    first = first_line(clean)
    if not first or len(first) > 200:
        return ""
    core = first.rstrip(_CLOSERS).rstrip()
    if core.endswith(".") and not core.endswith(("...", "..")):
        return ""
    return first


def article_title(clean: str, limit: int = 80) -> str:
    """An article's title: its headline, else the start of its first line."""
    return headline(clean) or one_line(first_line(clean), limit)
