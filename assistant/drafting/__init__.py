"""Drafting replies: the offline drafter (deterministic, data-driven) and the LLM chain."""
