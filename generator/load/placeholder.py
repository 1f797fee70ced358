"""The placeholder body `newsdigest new` writes, found again until the story replaces it."""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostic, warning
from generator.model import Article

PLACEHOLDER = "Write the story here."  # the marker sentence that `placeholder_warning` finds
# The marker however the editor's program re-wraps or re-cases it.
_MARKER = re.compile(r"\s+".join(map(re.escape, PLACEHOLDER.rstrip(".").split())), re.IGNORECASE)


def placeholder_warning(article: Article) -> Diagnostic | None:
    """A warning on the line of the placeholder sentence `new` wrote, while it is there.

    Found anywhere in the body (a story written above it still publishes it), in any
    capitals and however the line is wrapped; None once it is gone.
    """
    found = _MARKER.search(article.body)
    if found is None:
        return None
    line = article.body_line + article.body.count("\n", 0, found.start())
    return warning(
        article.source,
        line,
        f"the placeholder text from `newsdigest new` is still here ({PLACEHOLDER!r}); "
        "it would be published as the story",
        "replace it with the story (and delete the placeholder sentence)",
    )
