"""Cohort statistics over many results, and their views."""
