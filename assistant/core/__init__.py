"""Offline building blocks shared by the pipeline: tokenizer and embeddings."""
