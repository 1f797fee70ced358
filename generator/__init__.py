"""newsdigest: turn a repository of Markdown news articles into a static digest website."""

__version__ = "0.1.0"
