"""Analysis: a Document in, its outline, facts, parts and checks out (no scoring)."""
