"""The spool gives back exactly what was written, as text or as UTF-8."""

from __future__ import annotations

import pytest

from workbench.core.export import spool


@pytest.mark.parametrize("in_memory", [1 << 20, 16])
def test_text_and_bytes_come_back_as_written(monkeypatch, in_memory):
    monkeypatch.setattr(spool, "IN_MEMORY", in_memory)  # 16: in its file at once
    monkeypatch.setattr(spool, "PIECE", 5)  # pieces that cut characters in two
    parts = ["plain ", "é ü 中文 😀", "\r\n\n", "\ud800 lone", ""]
    with spool.Spool() as s:
        for part in parts:
            s.write(part)
        assert "".join(s.pieces()) == "".join(parts)  # a lone surrogate kept
    with spool.Spool("strict") as s:
        for part in parts[:3]:
            s.write(part)
        assert b"".join(s.byte_pieces()) == "".join(parts[:3]).encode()
        with pytest.raises(UnicodeEncodeError):  # what writing it as UTF-8 refuses
            s.write(parts[3])
