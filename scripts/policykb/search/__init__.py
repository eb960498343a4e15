"""Command-line search over the knowledge base: an index built by `policykb build`, queried
without loading jieba (queries are segmented against the index vocabulary)."""
