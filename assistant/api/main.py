"""The ASGI app uvicorn imports for ``support-assistant serve`` (settings from the environment)."""

from assistant.api.app import create_app
from assistant.settings import get_settings

app = create_app(get_settings())
