"""The bilingual glossary: curated terms + term pairs extracted from the papers, merged."""
