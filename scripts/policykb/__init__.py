"""policykb: a policy-analysis knowledge base built from Chinese research papers.

The public library API is small:

* :func:`policykb.pipeline.extract_paper` turns one text file into a paper dict
  (the YAML contract of DESIGN §2);
* :func:`policykb.build.build_corpus` runs the whole pipeline over a project root.
"""

__version__ = "0.1.0"
