"""support-reply-assistant: offline-first reply assistant for cross-border e-commerce support.

The package reads as its pipeline: ``kb`` (load and validate the knowledge base) →
``index`` (chunk, embed, store in Chroma, hybrid retrieval) → ``understanding`` →
``drafting`` → ``verification`` → ``api`` / ``cli`` / ``evaluation``.
"""

__version__ = "0.1.0"
