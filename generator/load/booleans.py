"""The front matter's true/false fields (`draft`, `featured`): `true`/`false` (and YAML's
`yes`/`no`/`on`/`off`), each other value an error on its line whose fix says what each
value does, the one typed meant first; `draft:` with no value an error too."""

from __future__ import annotations

from generator.load.checker import Checker
from generator.load.content import Mapping


def draft_field(check: Checker, front: Mapping) -> bool:
    """`true_or_false`'s, but `draft:` with no value (`draft:`, `~`, `null`, `""`) is an error:
    a line begun and left means the story was to be held back, never "publish it"."""
    value = front.get("draft")
    if "draft" in front and (value is None or (isinstance(value, str) and not value.strip())):
        check.error(
            front.line_of("draft"),
            "draft has no value, so whether the story is to be published is unsure",
            "write 'draft: true' to keep it off the site; delete the line (or write "
            "'draft: false') to publish it",
        )
        return True
    return true_or_false(check, front, "draft")


_WORDS = {"true": "true", "yes": "true", "on": "true", "false": "false", "no": "false"}
_WORDS["off"] = "false"
# What true and false do, for the fix (tester 3, M10: `draft: 0` was told 'draft: true').
_OUTCOMES = {
    "draft": ("to keep it off the site", "to publish it"),
    "featured": ("to make it the lead story of its day", "for a story that is not"),
}
_LEANS = {"0": "false", "n": "false", "f": "false", "none": "false", "1": "true", "y": "true"}
_LEANS["t"] = "true"


def _lean(value: str) -> str | None:
    """'false' or 'true' for a value that means one ('0', 'f', '0.0', '1.0'), else None."""
    typed = value.strip().lower()
    try:
        number = float(typed)
    except ValueError:
        return _LEANS.get(typed)
    return "false" if number == 0 else "true" if number == 1 else None


def _boolean_fix(key: str, value: str) -> str:
    """Both values with what each does, the one `value` means first ('0' means false)."""
    yes, no = _OUTCOMES[key]
    true, false = f"'{key}: true' {yes}", f"'{key}: false' (or remove the line) {no}"
    lean = _lean(value)
    return f"write {false}; {true}" if lean == "false" else f"write {true}; {false}"


def true_or_false(check: Checker, front: Mapping, key: str) -> bool:
    """A true/false field (False when absent or with no value, `""` too: `featured:`); an
    error for any other value, and for a true/false word in quotes (`draft: "true"`),
    which is text."""
    value = front.get(key, False)
    if value is None or isinstance(value, bool):  # "no value": false
        return bool(value)
    if isinstance(value, str) and not value.strip():  # `draft: ""`: no value
        return False
    word = _WORDS.get(value.strip().lower()) if isinstance(value, str) else None
    if word is not None:
        check.error(
            front.line_of(key),
            f"{key} is written in quotes ({value!r}), which makes it text, not true or false",
            f"write {key}: {word} without quotes",
        )
        return False
    check.error(
        front.line_of(key),
        f"{key} must be true or false, not {value!r}",
        _boolean_fix(key, str(value)),
    )
    return False
