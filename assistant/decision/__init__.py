"""Deciding whether the auto-reply bot may answer on its own."""
