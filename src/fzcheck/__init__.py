"""fzcheck: check government annual reports for the parts the law requires; each report type
is a rubric (rubrics/*.yaml)."""

__version__ = "0.1.0"
