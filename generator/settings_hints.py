"""The fix of a setting its check refused, naming the value meant where one can be told:
a language by its name (`language = "Urdu"` -> "ur"), a time zone by its abbreviation
or offset (`IST`, `GMT+5`), the nearest known name otherwise."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

from generator.settings_errors import shown, split_advice, toml_value, wrong_type


def check_hint(name: str, value: Any, default: Any, advice: str) -> str:
    """How to fix a setting whose value its check refused, ending with the fixed line
    where one can be given."""
    if name == "language":
        said = re.search(r"did you mean '([^']+)'", advice)  # the check's own ('en-UK': en-GB)
        guess = said.group(1) if said else None
        tag = _language_tag(str(value)) or guess
        if not tag:  # nothing close, or a language CLDR has no data for (tlh, Klingon)
            return f'{advice}: {name} = "{default}"'
        return (
            f"did you mean {tag!r}? write a language tag (BCP 47) such as "
            f'"en", "pt-BR" or "ur": {name} = "{tag}"'
        )
    if name == "timezone":
        from generator.timezones import timezone_hint

        return timezone_hint(str(value)) or advice
    if isinstance(default, int) and not isinstance(default, bool) and isinstance(value, int):
        return f"use a number of 1 or more: {name} = {max(default, 1)}"
    if name == "markdown_engine":
        meant = engine_meant(str(value))
        if meant:
            return f"did you mean {meant!r}? write: {name} = {toml_value(meant)}"
        return f'{advice}: {name} = "python-markdown", or {name} = "gfm"'  # no pick
    return advice


def _language_tag(name: str) -> str:
    """The tag of a language written by its English name ('English' -> 'en'); '' if none."""
    from babel import Locale

    wanted = re.sub(r"\s*\(.*\)\s*|[^\w\s()-]", "", name).strip().lower()
    for code, language in Locale("en").languages.items():
        if language.lower() == wanted and "_" not in code:
            return str(code)
    return ""


# A value each text setting accepts, for the fix of one written as another type
# (`language = true`): quoting what was typed ("True") is no language, zone or address.
EXAMPLES = {
    "title": "Daily News",
    "description": "News from the harbour, every morning.",
    "base_url": "https://news.example.org/",
    "language": "en",
    "timezone": "Europe/London",
    "site_id": "example.org,2026",
    "publisher": "Harbour Media Ltd",
    "markdown_engine": "python-markdown",
    "repo_url": "https://github.com/newsroom/site",
    "repo_branch": "main",
    "content_dir": "content",
    "cname": "news.example.org",
    "former_base_url": "https://old.example.org/",
    "websub_hub": "https://pubsubhubbub.appspot.com/",
    "locale": "en_GB",
    "logo": "brand/logo.png",
}


def type_fix(name: str, value: Any, default: Any, check: Callable[[str], str | None] | None) -> str:
    """The fixed line of setting `name` written with another type than its `default`'s.
    A text setting written as a number, true/false, a date or a list: the value typed in
    quotes when the setting takes it (`title = 2025` -> "2025": `check(text)` None); a
    timezone written as its offset (`timezone = 5`) -> a city zone at UTC+5; else a value
    the setting takes (EXAMPLES) and what deleting the line gives (the default, or none)
    when the setting takes that."""
    one = value[0] if isinstance(value, list) and len(value) == 1 else None
    if isinstance(one, str) or (isinstance(one, int | float) and not isinstance(default, str)):
        return _unwrapped(name, one, default, check)
    if not isinstance(default, str):
        return wrong_type(name, value, default)
    accepts = check or (lambda _: None)
    typed = "" if isinstance(value, bool | list | dict) else toml_value(value).strip('"')
    if typed and accepts(typed) is None and name != "logo":  # a logo: a picture's path
        return f"put the text in double quotes: {name} = {toml_value(typed)}"
    if name == "timezone" and isinstance(value, int | float) and not isinstance(value, bool):
        from generator.timezones import offset_zones_hint

        minutes = round(abs(value) * 60)
        clock = f"UTC{'-' if value < 0 else '+'}{minutes // 60}" + f":{minutes % 60:02d}" * (
            minutes % 60 > 0
        )
        if hint := offset_zones_hint(clock):
            return hint
    example = EXAMPLES.get(name, "")
    then = f" (the default, {shown(default)})" if default else " (none)"
    kept = accepts(default) is None and name != "base_url"  # the default: a preview's address
    delete = f", or delete the line{then}" if kept else ""
    also = ' or "gfm"' if name == "markdown_engine" else ""
    return (
        f"{shown(value)} is not text; write the {name} in double quotes, such as "
        f"{name} = {toml_value(example)}{also}{delete}"
    )


def _unwrapped(
    name: str, item: Any, default: Any, check: Callable[[Any], str | None] | None
) -> str:
    """The fix of a setting written as a list of one value (`language = ["ur"]`, prober5
    P22): the value alone, when the setting takes it (`language = "ur"`); else the fix
    that value would get (`["Urdu"]`: did you mean 'ur'?). A text setting's `item` is text."""
    same = isinstance(item, str) == isinstance(default, str) and type(item) is not bool
    problem = (check or (lambda _: None))(item) if same else "another type"
    if problem is None:
        return f"remove the brackets: {name} = {toml_value(item)}"
    if not isinstance(default, str):
        return "remove the brackets and " + wrong_type(name, item, default)
    return "remove the brackets: " + check_hint(name, item, default, split_advice(problem)[1])


# The engines' other names (case, spaces, '-', '_' and '.' aside): GitHub's renderer is
# CommonMark with GitHub's extensions (cmark-gfm; Hugo's Goldmark is too); Python-Markdown
# is the default.
_ENGINE_NAMES = {
    "gfm": (
        "gfm",
        "github",
        "githubflavoredmarkdown",
        "githubflavouredmarkdown",
        "githubmarkdown",
        "commonmark",
        "cmark",
        "cmarkgfm",
        "goldmark",
        "markdownit",
    ),
    "python-markdown": ("pythonmarkdown", "markdown", "pymarkdown", "default", "python"),
}


def engine_meant(value: str) -> str:
    """The engine a markdown_engine value names in another spelling ('GFM', 'github',
    'commonmark', 'cmark-gfm' -> 'gfm', and any name holding github, gfm or commonmark:
    'github-flavored', 'gfm-lite', 'commonmark.js'; 'python_markdown', 'Markdown' ->
    'python-markdown'),
    or the engine it is a slip of (difflib); '' for none."""
    folded = re.sub(r"[\s_.-]+", "", value.casefold())
    for engine, names in _ENGINE_NAMES.items():
        if folded in names:
            return engine
    for kin in ("github", "gfm", "commonmark", "cmark"):  # 'github-flavored', 'gfm-lite'
        if kin in folded:
            return "gfm"
    close = difflib.get_close_matches(value.casefold(), list(_ENGINE_NAMES), n=1, cutoff=0.6)
    return close[0] if close else ""
