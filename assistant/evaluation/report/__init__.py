"""Report files: ``report.json`` (the stable schema), ``summary.md`` and ``report.html``."""
