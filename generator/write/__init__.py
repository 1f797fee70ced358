"""Writing: the output folder (staging and swap) and the search index."""
