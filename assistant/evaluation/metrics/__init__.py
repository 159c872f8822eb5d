"""One module per metric; each registers itself with ``registry.metric``."""
