"""Document structure: metadata, sections, paragraphs, notes, references, tables, English block."""

from policykb.structure.builder import build_document
from policykb.structure.document import Document

__all__ = ["Document", "build_document"]
