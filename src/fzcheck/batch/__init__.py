"""Batch grading: many reports into one resumable results file, with a cohort view, copy
detection and OpenAI-Batch / vLLM run-batch files for LLM work at scale (see docs/batch.md)."""
