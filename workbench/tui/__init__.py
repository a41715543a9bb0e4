"""The Textual app. Nothing in workbench.core imports this package."""
