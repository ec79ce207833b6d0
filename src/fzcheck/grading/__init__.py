"""Grading: scores and verdicts from an analysis and any checked proposals."""
