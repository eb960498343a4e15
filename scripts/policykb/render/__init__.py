"""Render the knowledge base (paper YAML) as Markdown pages for MkDocs."""
