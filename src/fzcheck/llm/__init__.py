"""The optional LLM layer: structured findings with verified evidence (``fzcheck check --llm``).

Importing this package is cheap; openai, instructor, jinja2 and tenacity are imported only by the
modules that call a model (client, api, prompts), so the offline path never loads them.
"""
