"""Rendering: Markdown, pages, feeds, sitemaps and every URL, in memory."""
