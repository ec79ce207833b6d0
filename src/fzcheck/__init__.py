"""fzcheck: check 法治政府建设年度报告 for the parts the law requires."""

__version__ = "0.1.0"
