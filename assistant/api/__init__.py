"""The HTTP service: agents' API, the auto-reply bot's API, admin ingest, feedback, console."""
