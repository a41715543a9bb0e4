"""The JSON report: written by the exchange module, which also reads it back."""

from __future__ import annotations

from .exchange import SCHEMA, iter_json, iter_json_bytes, render_json, report_dict

__all__ = ["SCHEMA", "iter_json", "iter_json_bytes", "render_json", "report_dict"]
