"""Widgets of the workbench: they show what they are given and post messages."""
