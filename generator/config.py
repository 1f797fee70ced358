"""Site settings: read once from newsdigest.toml (or [tool.newsdigest] in pyproject.toml),
validated, frozen."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.diagnostics import ConfigError

SITE_ID_PATTERN = re.compile(r"^[A-Za-z0-9.-]+(@[A-Za-z0-9.-]+)?,\d{4}(-\d{2}(-\d{2})?)?$")
REPO_URL_PATTERN = re.compile(r"^https://[^\s/]+/[^\s]+$")
LOCALE_PATTERN = re.compile(r"^[a-z]{2,3}_[A-Z]{2}$")
HOST_PATTERN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting, its type and its default. Documented in README.md ("Settings")."""

    title: str = "newsdigest"
    description: str = "A news digest."
    base_url: str = "http://127.0.0.1:8000/"
    language: str = "en"
    timezone: str = "UTC"
    items_per_page: int = 10
    feed_length: int = 20
    site_id: str = ""
    publisher: str = ""
    digest_days: int = 3
    max_file_size: int = 1_000_000
    trusted_html: bool = False
    repo_url: str = ""
    repo_branch: str = "main"
    content_dir: str = "content"
    cname: str = ""
    websub_hub: str = ""
    locale: str = ""  # og:locale, language_TERRITORY; default: from `language`
    logo: str = ""  # the publisher's logo: an image file, relative to the project folder

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
        return self.locale or likely_locale(self.language)

    @property
    def logo_name(self) -> str:
        """Where the logo is published: 'logo.png' (its own extension) at the site root."""
        return "logo" + Path(self.logo).suffix.lower() if self.logo else ""


def likely_locale(language: str) -> str:
    """language_TERRITORY for a BCP 47 language tag; the language alone if CLDR has none."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    try:
        parsed = Locale.parse(language, sep="-")
    except (UnknownLocaleError, ValueError):
        return language.replace("-", "_")
    if parsed.territory and parsed.territory.isalpha():  # not a region such as 419
        return f"{parsed.language}_{parsed.territory}"
    likely = get_global("likely_subtags")
    key = f"{parsed.language}_{parsed.script}" if parsed.script else parsed.language
    found = likely.get(key) or likely.get(parsed.language)
    if not found:
        return parsed.language
    full = Locale.parse(found)
    return f"{parsed.language}_{full.territory}" if full.territory else parsed.language


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
        return f"{name} must be a whole number, not {value!r}"
    if expected is bool and not isinstance(value, bool):
        return f"{name} must be true or false, not {value!r}"
    if not isinstance(value, expected):
        return f"{name} must be text in quotes, not {value!r}"
    return None


def normalise_base_url(url: str) -> str:
    """Check that base_url is an absolute http(s) URL and give it a trailing slash."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            f"base_url {url!r} is not an absolute URL; "
            "use the address the site is served at, like https://user.github.io/repo/"
        )
    if parts.query or parts.fragment:
        raise ConfigError(f"base_url {url!r} must not have a query or fragment")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"


def _is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(
        c.isspace() for c in url)


def validate(settings: Settings) -> Settings:
    """Check cross-field rules; return the settings with base_url normalised."""
    try:
        ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"timezone {settings.timezone!r} is not a known time zone; "
            "use an IANA name such as 'UTC', 'Europe/London' or 'Asia/Kolkata'"
        ) from None
    for name in ("items_per_page", "feed_length", "digest_days", "max_file_size"):
        if getattr(settings, name) < 1:
            raise ConfigError(f"{name} must be at least 1")
    if not SITE_ID_PATTERN.match(settings.site_id):
        raise ConfigError(
            f"site_id {settings.site_id!r} is not set or not valid; it names the site in every "
            "feed GUID and must never change. Use a domain you own and the year you started, "
            'for example site_id = "example.org,2025"'
        )
    if settings.repo_url and not REPO_URL_PATTERN.match(settings.repo_url):
        raise ConfigError(
            f"repo_url {settings.repo_url!r} must be an https URL like https://github.com/org/repo"
        )
    if settings.websub_hub and not _is_web_url(settings.websub_hub):
        raise ConfigError(
            f"websub_hub {settings.websub_hub!r} must be the hub's http(s) address, "
            "like https://pubsubhubbub.appspot.com/"
        )
    if settings.locale and not LOCALE_PATTERN.match(settings.locale):
        raise ConfigError(
            f"locale {settings.locale!r} must be a language and a territory like 'en_GB' "
            "or 'pt_BR' (Open Graph's form)"
        )
    if settings.cname and not HOST_PATTERN.match(settings.cname.lower()):
        raise ConfigError(
            f"cname {settings.cname!r} must be a domain name alone, like news.example.org "
            "(no https://, no path)"
        )
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", settings.language):
        raise ConfigError(f"language {settings.language!r} must be a language tag like 'en'")
    return replace(
        settings,
        base_url=normalise_base_url(settings.base_url),
        repo_url=settings.repo_url.rstrip("/"),
    )


def from_mapping(table: dict[str, Any], source: str = "[tool.newsdigest]") -> Settings:
    """Build Settings from a TOML table, naming any unknown key or wrong type."""
    known = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(
                f"{source}: unknown setting {key!r}; known settings: {', '.join(sorted(known))}"
            )
        problem = _check_value(name, value)
        if problem:
            raise ConfigError(f"{source}: {problem}")
        values[name] = value
    return Settings(**values)


SETTINGS_FILE = "newsdigest.toml"  # a site's settings, at the top level of the file
PYPROJECT = "pyproject.toml"  # or [tool.newsdigest] here, for a site that is a Python project


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def find_settings(site_dir: Path) -> tuple[Path, dict[str, Any], str]:
    """The site's settings file in `site_dir`, its table of settings, and how to name it.

    newsdigest.toml (settings at the top level) or pyproject.toml's [tool.newsdigest];
    ConfigError when there is neither, or both (naming both files).
    """
    own, pyproject = site_dir / SETTINGS_FILE, site_dir / PYPROJECT
    tool: dict[str, Any] | None = None
    if pyproject.is_file():
        found = _read_toml(pyproject).get("tool", {}).get("newsdigest")
        tool = dict(found) if isinstance(found, dict) else None
    if own.is_file():
        if tool is not None:
            raise ConfigError(
                f"settings are in both {own} and {pyproject} [tool.newsdigest]; keep one of "
                "them (newsdigest.toml for a newsroom) and delete the other")
        return own, _read_toml(own), str(own)
    if tool is not None:
        return pyproject, tool, f"{pyproject} [tool.newsdigest]"
    raise ConfigError(
        f"no site here: {site_dir} has no {SETTINGS_FILE} (nor [tool.newsdigest] in "
        f"{PYPROJECT}); run newsdigest in the site's folder, pass --site DIR, or start a site "
        "with `newsdigest init DIR`")


def load(project_dir: Path, overrides: dict[str, Any] | None = None) -> Settings:
    """Read the site's settings file (see find_settings), apply overrides, validate.

    Every error names the settings file, except one about a value given as an override.
    """
    _, table, source = find_settings(project_dir)
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    table.update(given)
    settings = from_mapping(table, source)
    try:
        settings = validate(settings)
        return replace(settings, logo=_logo(project_dir, settings.logo)) if settings.logo \
            else settings
    except ConfigError as exc:
        if any(str(exc).startswith(name) for name in given):
            raise
        raise ConfigError(f"{source}: {exc}") from None


def _logo(project_dir: Path, logo: str) -> str:
    """The logo setting as an absolute path, after checking it is an image Pillow reads."""
    from generator.render.images import pixel_size

    path = (project_dir / logo).resolve()
    if not path.is_file():
        raise ConfigError(f"logo {logo!r} does not exist (looked for {path}); give an image "
                          "file's path relative to the project folder, like 'logo.png'")
    if pixel_size(path) is None:
        raise ConfigError(f"logo {logo!r} is not an image newsdigest can read; use a PNG, "
                          "JPEG, GIF or WebP file")
    return str(path)
