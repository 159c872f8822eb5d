"""The search index: passages embedded into Chroma, plus a lexical (BM25) view of them."""
