"""Site settings: read once from newsdigest.toml (or [tool.newsdigest] in pyproject.toml),
validated, frozen."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator import repository, settings_errors, settings_file, settings_hints, settings_lines
from generator.diagnostics import ConfigError, Diagnostic, error
from generator.languages import locale_fix, usual_case
from generator.load.invisible import blank_words, only_invisible
from generator.settings_errors import Problem
from generator.settings_file import PYPROJECT as PYPROJECT
from generator.settings_file import SETTINGS_FILE as SETTINGS_FILE
from generator.settings_file import empty_publisher, logo_file, read_settings, site_id_problem
from generator.settings_file import find_settings as find_settings
from generator.web_address import normalise_base_url as normalise_base_url

SITE_ID_PATTERN = re.compile(r"^[A-Za-z0-9.-]+(@[A-Za-z0-9.-]+)?,\d{4}(-\d{2}(-\d{2})?)?$")
REPO_URL_PATTERN = re.compile(r"^https://[^\s/]+/[^\s]+$")
LOCALE_PATTERN = re.compile(r"^[a-z]{2,3}_[A-Z]{2}$")
HOST_PATTERN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def _setting(default: Any, kind: str, meaning: str, shown: str = "") -> Any:
    """A setting's declaration: its default, the kind of value and its meaning as README's
    table shows them (`shown` replaces the default there). Its check is in CHECKS."""
    return field(default=default, metadata={"kind": kind, "meaning": meaning, "shown": shown})


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting: its type, default, kind and meaning, declared once; its check in
    CHECKS. README.md's table ("Settings") is `readme_table()` (tested)."""

    title: str = _setting("newsdigest", "text", "site name, in every page and feed")
    description: str = _setting("A news digest.", "text", "one line about the site")
    base_url: str = _setting(
        "http://127.0.0.1:8000/",
        "URL",
        "where the site is served, e.g. `https://user.github.io/repo/`; `--base-url` overrides it",
    )
    language: str = _setting(
        "en",
        "text",
        "a BCP 47 tag (`en`, `ur`, `pt-BR`): the pages' "
        "`lang` (and `dir`, see Languages) and the feeds' language",
    )
    timezone: str = _setting(
        "UTC",
        "IANA name",
        "for dates written without an offset; the "
        "clock of every listing (times shown as `14:35 IST`) and the day "
        "and month a story is listed under",
    )
    items_per_page: int = _setting(10, "number", "articles per topic, country and archive page")
    feed_length: int = _setting(20, "number", "items in each feed")
    site_id: str = _setting(
        "",
        "text",
        "names the site in every GUID: a domain you own and a year, "
        "`example.org,2025`. Never change it",
        shown="(required)",
    )
    publisher: str = _setting(
        "",
        "text",
        "the organisation named in feeds and structured data; left out, the site's title "
        '(written empty, `publisher = ""`, it is an error on its line)',
        shown="the title",
    )
    digest_days: int = _setting(3, "number", "days shown on the home page")
    home_per_day: int = _setting(
        15,
        "number",
        "at most this many stories of one day on the home page; the rest are linked as "
        '"N more in Topic" to the day\'s digest (the page shows 40 at most; more: a warning)',
    )
    home_per_topic: int = _setting(
        4, "number", "at most this many stories of one topic in one day on the home page"
    )
    digests_per_page: int = _setting(30, "number", "days listed on each page of `/digest/`")
    max_file_size: int = _setting(1_000_000, "bytes", "larger article files are refused")
    max_image_size: int = _setting(
        20_000_000, "bytes", "larger image files (lead or body) are errors (see Pictures)"
    )
    trusted_html: bool = _setting(
        False, "true/false", "publish raw HTML in bodies without sanitising"
    )
    markdown_engine: str = _setting(
        "python-markdown",
        "text",
        "how bodies are converted: `python-markdown` or `gfm` "
        "(cmark-gfm, GitHub's renderer, about 40 times faster; see Markdown engines)",
    )
    repo_url: str = _setting(
        "", "URL", '`https://github.com/org/repo`: adds "Edit this article" and "History" links'
    )
    repo_branch: str = _setting("main", "text", "the branch those links point at")
    content_dir: str = _setting(
        "content", "path", "the folder of articles, inside the site's folder (not `..` nor `/`)"
    )
    cname: str = _setting(
        "",
        "domain",
        "writes a `CNAME` file with this domain at the site root (see Publishing on GitHub Pages)",
    )
    former_base_url: str = _setting(
        "",
        "URL",
        "the site's address before it moved (`https://user.github.io/repo/`, after a move to "
        "a custom domain): body links written with its path (`/repo/2025/...`) are read as "
        "the site's pages, with a warning, not errors (see A custom domain)",
    )
    websub_hub: str = _setting(
        "",
        "URL",
        "a WebSub hub, e.g. `https://pubsubhubbub.appspot.com/`: every feed names it and "
        "`newsdigest ping` notifies it (see Feeds); http:// is a warning but for a local hub",
    )
    locale: str = _setting(
        "",
        "text",
        "`og:locale` in Open Graph's language_TERRITORY form (`en_GB`); by "
        "default the language's most likely locale (CLDR, via Babel): `en` -> `en_US`, "
        "`hi` -> `hi_IN`, `pt-BR` -> `pt_BR`; a region of several countries gives the "
        "language alone (`es-419` -> `es`, never `es_ES`); translations: `og:locale:alternate`. "
        "Another form is an error whose fix keeps the language typed (`zh-Hant-TW` -> `zh_TW`, "
        "`iw_IL` -> `he_IL`; `fr` -> `fr_<territory>`, the territory left to fill in)",
        shown="from `language`",
    )
    logo: str = _setting(
        "",
        "path",
        "the publisher's logo, a PNG, JPEG, GIF or WebP file relative to the project folder "
        "(`brand/logo.png`); published as `/logo.png` (its own extension) and named in "
        "every article's structured data",
    )
    written_base_path: str = field(default="", metadata={})  # the file's, under --base-url
    static_dir: str = field(default="", metadata={})  # PROJECT/static/: the site root's files

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def base_path(self) -> str:
        """The path part of base_url: '/' for a user site, '/REPO/' for a project site."""
        return urlsplit(self.base_url).path

    @property
    def publisher_name(self) -> str:
        return self.publisher or self.title

    @property
    def og_locale(self) -> str:
        """The `locale` setting, or the language's most likely locale (CLDR likely subtags,
        via Babel): 'en' -> 'en_US', 'hi' -> 'hi_IN', 'pt-BR' -> 'pt_BR', 'zh-Hant' ->
        'zh_TW'. Open Graph wants language_TERRITORY."""
        from generator.languages import likely_locale  # Babel: only for the pages

        return self.locale or likely_locale(self.language)

    @property
    def logo_name(self) -> str:
        """Where the logo is published: 'logo.png' (its own extension) at the site root."""
        return "logo" + Path(self.logo).suffix.lower() if self.logo else ""


_toml = settings_errors.shown  # a value as TOML spells it: true, 'text', [1, 2]


def only(settings: Settings, names: tuple[str, ...]) -> Settings:
    """The settings a step reads, the others at their defaults: the step cannot depend on
    them, and a cache keyed on `repr()` of this survives a change to any other setting."""
    return replace(Settings(), **{name: getattr(settings, name) for name in names})


def _expected_type(name: str) -> type:
    return {f.name: type(f.default) for f in fields(Settings)}[name]


def _check_value(name: str, value: Any) -> str | None:
    """Return a message when `value` is not acceptable for setting `name`."""
    expected = _expected_type(name)
    if expected is int and (isinstance(value, bool) or not isinstance(value, int)):
        return f"{name} must be a whole number, not {_toml(value)}"
    if expected is bool and not isinstance(value, bool):
        return settings_errors.not_boolean(name, value)
    if not isinstance(value, expected):
        return f"{name} must be text in quotes, not {_toml(value)}"
    return None


def _is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    web = parts.scheme in ("http", "https") and bool(parts.netloc)
    return web and not any(c.isspace() for c in url)


def _timezone(value: str) -> str | None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return (
            f"timezone {_toml(value)} is not a known time zone; "
            "use an IANA name such as 'UTC', 'Europe/London' or 'Asia/Kolkata'"
        )
    return None


def _at_least_one(name: str) -> Callable[[int], str | None]:
    return lambda value: f"{name} must be at least 1" if value < 1 else None


def _base_url(value: str) -> str | None:
    try:
        normalise_base_url(value)
    except ConfigError as exc:
        return str(exc)
    return None


def _websub_hub(value: str) -> str | None:
    if not value or _is_web_url(value):
        return None
    return (
        f"websub_hub {_toml(value)} must be the hub's http(s) address, "
        "like https://pubsubhubbub.appspot.com/"
    )


def _locale(value: str) -> str | None:
    fix = locale_fix(value) if value else ""
    if not value or (LOCALE_PATTERN.match(value) and fix == f"locale = {_toml(value)}"):
        return None  # 'iw_IL' is refused: its language is 'he' ('he_IL')
    return (
        f"locale {_toml(value)} must be a language and a territory like 'en_GB' "
        f"or 'pt_BR' (Open Graph's form, with '_'); write {fix}"
    )


def _cname(value: str) -> str | None:
    if not value or HOST_PATTERN.match(value.lower()):
        return None
    host = urlsplit(value.strip() if "//" in value else "//" + value.strip()).hostname or ""
    fix = f'write: cname = "{host}"' if HOST_PATTERN.match(host) else "like news.example.org"
    return f"cname {_toml(value)} must be a domain name alone (no https://, no path); {fix}"


MARKDOWN_ENGINES = ("python-markdown", "gfm")


def _markdown_engine(value: str) -> str | None:
    if value in MARKDOWN_ENGINES:
        return None
    return (
        f'markdown_engine {_toml(value)} is not known; use "python-markdown" (the '
        'default) or "gfm" (GitHub\'s renderer)'
    )


def _language(value: str) -> str | None:
    """The rule of the front-matter field `language` too (languages.tag_problem)."""
    from generator.languages import tag_problem

    found = tag_problem(value)
    return f"{found[0]}; {found[1]}" if found else None


def _not_empty(name: str, why: str, example: str) -> Callable[[str], str | None]:
    """A text setting that must say something: empty or only spaces is an error whose
    advice ends with the line to write."""
    return lambda value: (
        None
        if not only_invisible(value)  # '\u200b' alone: a site named by nothing readers see
        else f"{name} {blank_words(value)}; {why}: {name} = {settings_errors.toml_value(example)}"
    )


# Each setting's check beyond its type: a message when the value is not acceptable.
CHECKS: dict[str, Callable[[Any], str | None]] = {
    "title": _not_empty(
        "title", "every page and feed names the site: write its name", "Daily News"
    ),
    "description": _not_empty(
        "description",
        "feeds and search engines need one line about the site: write it",
        "News from the harbour, every morning.",
    ),
    "repo_branch": repository.branch_problem,
    "content_dir": repository.content_dir_problem,
    "timezone": _timezone,
    "former_base_url": lambda value: _base_url(value) if value else None,
    **{
        name: _at_least_one(name)
        for name in (
            "items_per_page",
            "feed_length",
            "digest_days",
            "max_file_size",
            "max_image_size",
            "home_per_day",
            "home_per_topic",
            "digests_per_page",
        )
    },
    "site_id": lambda value: site_id_problem(value, SITE_ID_PATTERN),
    "repo_url": lambda value: repository.repo_url_problem(value, REPO_URL_PATTERN),
    "websub_hub": _websub_hub,
    "locale": _locale,
    "cname": _cname,
    "language": _language,
    "markdown_engine": _markdown_engine,
    "base_url": _base_url,
}


def problems(settings: Settings, skip: frozenset[str] = frozenset()) -> list[str]:
    """Every check that fails, in CHECKS order (settings in `skip` left out)."""
    return [message for _, message in _failed_checks(settings, skip)]


def _failed_checks(settings: Settings, skip: frozenset[str]) -> list[tuple[str, str]]:
    found = []
    for name, check in CHECKS.items():
        message = None if name in skip else check(getattr(settings, name))
        if message:
            found.append((name, message))
    return found


def validate(settings: Settings, skip: frozenset[str] = frozenset()) -> Settings:
    """Check every setting, reporting all problems at once (ConfigError); return the
    settings with base_url normalised, language in its usual capitals."""
    found = problems(settings, skip)
    if found:
        raise ConfigError(*found)
    return replace(
        settings,
        base_url=normalise_base_url(settings.base_url),
        repo_url=settings.repo_url.rstrip("/"),
        language=usual_case(settings.language),
    )


def _typed(
    table: dict[str, Any], file: Path | None = None
) -> tuple[Settings, list[Problem], frozenset[str]]:
    """Settings from the values of the right type; the problems (`site-id` is unknown, its
    fix naming site_id's line in `file`); the names that had one."""
    known = sorted(settings_file.setting_names())
    values: dict[str, Any] = {}
    found: list[Problem] = []
    bad: set[str] = set()
    for key, value in table.items():
        if key not in known:  # `site-id` too: never read as site_id (README: Settings)
            found.append(settings_errors.unknown(key, value, known, set(table), file))
            continue
        problem = _check_value(key, value)
        if problem:
            fix = settings_hints.type_fix(key, value, getattr(Settings(), key), CHECKS.get(key))
            found.append(Problem(key, problem, fix))
            bad.add(key)
            continue
        values[key] = value
    return Settings(**values), found, frozenset(bad)


def _warned(project: Path, file: Path, read: Settings, found: list[Problem]) -> list[Diagnostic]:
    """The settings file's warnings (web_address.settings_file_warnings), said with its
    errors so that one round fixes both: from the settings read, each one in error at its
    default; none on a line an error is on, nor one naming a setting in error (a cname
    warned against base_url's default)."""
    from generator.web_address import settings_file_warnings

    wrong = {p.key for p in found} & {f.name for f in fields(Settings)}
    read = replace(read, **{name: getattr(Settings(), name) for name in wrong})
    lines = {settings_lines.line_of(file, p.key) for p in found}
    where = settings_errors.display(file)
    return [
        replace(d, path=where)
        for d in settings_file_warnings(project, Path.cwd(), read)
        if d.line not in lines and not any(name in d.message for name in wrong)
    ]


def readme_table() -> str:
    """README.md's table of settings, from the declarations."""
    rows = ["| setting | type | default | meaning |", "| --- | --- | --- | --- |"]
    for item in (f for f in fields(Settings) if f.metadata):
        meta = item.metadata
        rows.append(
            f"| `{item.name}` | {meta['kind']} | {meta['shown'] or _shown(item.default)}"
            f" | {meta['meaning']} |"
        )
    return "\n".join(rows) + "\n"


def _shown(default: Any) -> str:
    if isinstance(default, bool):
        return "true" if default else "false"
    if isinstance(default, int):
        return str(default)
    return f"`{default}`" if default else "(none)"


def load(project_dir: Path, overrides: dict[str, Any] | None = None) -> Settings:
    """Read the site's settings file (see find_settings), apply overrides, validate.

    Every problem is reported at once: ConfigError, whose diagnostics put each on its line
    of the settings file with the fixed line (settings_errors), a value given as an
    override named as its option on no line; with only overrides wrong, plain messages.
    """
    file, table, _, twice = read_settings(project_dir)
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    written = (urlsplit(str(table.get("base_url", "/"))).path or "/") if "base_url" in given else ""
    table.update(given)
    settings, found, bad = _typed(table, file)
    found += empty_publisher(table, "publisher")
    options: list[Diagnostic] = []  # the problems of values given on the command line
    said = {d.line for d in twice} - {0}  # a statement TOML could not read: left out
    for name, message in _failed_checks(settings, bad):
        what, advice = settings_errors.split_advice(message)
        if name in given:  # named as its option
            options.append(error(f"--{name.replace('_', '-')}", 0, what, advice))
            continue
        if settings_lines.line_of(file, name) in said:
            continue  # `site_id = example.org,2026` unquoted: not also "not set"
        value, default = getattr(settings, name), getattr(Settings(), name)
        hint = settings_hints.check_hint(name, value, default, advice)
        found.append(Problem(name, what, hint))
    logo, wrong = logo_file(project_dir, settings.logo) if "logo" not in bad else ("", None)
    if wrong:
        found.append(Problem("logo", *settings_errors.split_advice(wrong)))
    if found or twice:  # a setting written twice: named with every other problem
        warned = _warned(project_dir, file, settings, found)  # said too (prober3 L13)
        raise settings_errors.settings_error(file, found, twice + options + warned)
    if options:
        raise ConfigError(*(settings_errors.text(d) for d in options))
    settings = replace(validate(settings), static_dir=str((project_dir / "static").absolute()))
    if written and written.rstrip("/") + "/" != settings.base_path:  # else: as the file says
        settings = replace(settings, written_base_path=written)
    return replace(settings, logo=logo) if logo else settings
