"""Checks every draft passes before anyone sees it."""
