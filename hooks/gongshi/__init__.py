"""gongshi: turns a rectification notice kept as YAML into the content of a site.

The engine is a one-way pipeline that never imports MkDocs:

    load (YAML with line numbers) -> validate (into the model) -> render (Markdown)

`gongshi_mkdocs.py` beside this package adapts it to MkDocs hooks.
"""
