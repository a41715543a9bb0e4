"""Screens of the workbench: review, picker, and the modal dialogs."""
