"""The knowledge base: Markdown documents with validated YAML front matter."""
