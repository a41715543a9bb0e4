"""workbench: a terminal fact-check workbench."""

__version__ = "0.1.0"
