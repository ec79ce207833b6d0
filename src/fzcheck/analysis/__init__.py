"""Analysis: a Document and a rubric in; its facts, outline, parts and checks out (no scoring).

:func:`fzcheck.analysis.analyse.analyse` runs it; the modules are in the order it uses them:
outline, facts, parts, checks, genre; ``detect`` picks the rubric first."""
