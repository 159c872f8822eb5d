"""YAML read with libyaml when it is there: the prompt packs, lexicons and intent files are
read at start-up (and a language pack on its first use), and the pure-Python parser took
~150 ms a language pack; libyaml ~10x less. Same safe subset either way."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """``yaml.safe_load`` semantics (raises ``yaml.YAMLError``), faster."""
    return yaml.load(text, Loader=_LOADER)
