"""Core of workbench: models, text cleaning, extraction, store, export, fetch.

Nothing in this package imports Textual or Rich; spaCy is imported only when
extraction runs. Everything here is usable from a plain Python script.
"""
