"""Where the bundled knowledge base and prompts live.

In a source checkout (the README's editable install) they sit next to the package; a
wheel carries copies under ``assistant/_bundled`` (see ``pyproject.toml``).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    for candidate in (_PACKAGE.parent / name, _PACKAGE / "_bundled" / name):
        if candidate.is_dir():
            return candidate
    return _PACKAGE.parent / name
