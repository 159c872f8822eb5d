"""Agents' verdicts on suggestions, kept durably so real conversations grow the eval sets."""
