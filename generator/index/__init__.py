"""Indexing: articles grouped into topics, countries, months and days."""
