"""base_url as a web address: why an address typed in the settings or given to --base-url
cannot be published as it is in every page, feed and sitemap (RFC 3986), as
'what is wrong; how to write it', the fix naming the address to write."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from generator.diagnostics import ConfigError, Diagnostic, warning
from generator.settings_errors import shown
from generator.settings_file import find_settings
from generator.settings_lines import line_of
from generator.site_id_date import site_id_date_warnings
from generator.timezones import zone_warnings
from generator.web_host import host_problem, port_problem

if TYPE_CHECKING:
    from generator.config import Settings


def normalise_base_url(url: str) -> str:
    """Check that base_url is an absolute http(s) URL and give it a trailing slash; its
    host in lower case and without its scheme's own port (`HTTPS://Example.com:443/t/` is
    `https://example.com/t/`, the address browsers show: prober4 L9), its path as typed."""
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https") and not parts.netloc and "://" in url:
        rest = url.partition("://")[2].lstrip("/")  # `https:///example.com/`: a '/' too many
        meant = _with_https(rest).partition("://")[2] if rest else ""
        raise ConfigError(  # `https://` alone: the host is what is missing (prober3 L3)
            f"base_url {shown(url)} names no host after {parts.scheme}://; "
            + (
                f"write it with two '/' before the host: {parts.scheme.lower()}://{meant}"
                if meant
                else "write the address the site is served at, like https://user.github.io/repo/"
            )
        )
    if parts.scheme not in ("http", "https") or not parts.netloc:
        # `https//x`, `https:/x`, `https:x`: the scheme's ':' or '/' mistyped
        slip = re.match(r"(?i)^\s*https?(?::/?|//|:?\\+)(?!/)", url) if "://" not in url else None
        rest = url[slip.end() :] if slip else url.partition("://")[2] or url
        meant = _with_https(rest)
        raise ConfigError(
            f"base_url {shown(url)} "
            + (
                "must start with https:// or http://"
                if "://" in url or slip
                else "is not an absolute URL"
            )
            + (
                ("" if "://" in url or slip else " (it has no https:// or http:// in front)")
                + f"; write it so: {meant}"
                if meant
                else "; use the address the site is served at, like https://user.github.io/repo/"
            )
        )
    if "?" in url or "#" in url:
        raise ConfigError(f"base_url {shown(url)} {query_problem(url)}")
    wrong = problem(url, parts.scheme, parts.netloc, parts.path)
    if wrong:
        raise ConfigError(f"base_url {shown(url)} {wrong}")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    host = f"[{parts.hostname}]" if ":" in (parts.hostname or "") else parts.hostname or ""
    own = parts.port is None or parts.port == {"http": 80, "https": 443}[parts.scheme]
    return f"{parts.scheme}://{host}{'' if own else f':{parts.port}'}{path}"


_HOST_FIRST = re.compile(
    r"(?:localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,63})(?::\d+)?"
)


def _with_https(url: str) -> str:
    """The address meant by a base_url typed without its scheme, a host name first
    ('example.com/x/', '//example.com', 'localhost:8000', or after another scheme, as in
    'htps://example.com'): https:// put in front (http:// for a local host such as
    localhost) and a final '/' added, when that is a valid base_url; '' when the text starts
    with no host name."""
    rest = url.strip().removeprefix("//")
    host = rest.split("/", 1)[0]
    if not _HOST_FIRST.fullmatch(host):
        return ""
    name = host.rsplit(":", 1)[0].lower() if host.count(":") == 1 else host.lower()
    meant = ("http://" if _LOCAL_HOST.search(name) else "https://") + rest
    try:
        return normalise_base_url(meant)
    except ConfigError:
        return ""


# What RFC 3986 does not allow unescaped in a URL (besides spaces, controls and non-ASCII).
_NOT_IN_URLS = '"<>\\^`{|}'


def problem(url: str, scheme: str, host: str, path: str) -> str:
    """Why base_url (split into `scheme`, `host` (netloc) and `path`) is not an address
    that can be published as typed in pages, feeds and sitemaps (RFC 3986: no spaces,
    quotes, <, >, backslashes, controls or non-ASCII letters; a host name in IDNA
    'xn--' form, a port a number), as 'what; how to write it'; '' when it is one."""
    bad = next((c for c in url if c.isspace() or c in _NOT_IN_URLS or not " " < c < "\x7f"), "")
    if not bad and (port := port_problem(scheme, host, path)):
        return port
    if not bad and re.search("%(?![0-9A-Fa-f]{2})", url):
        return (
            "has a % that is not followed by two hexadecimal digits; write a % sign as %25 "
            "(and a space as %20)"
        )
    if not bad:
        return host_problem(scheme, host, path) or _path_problem(scheme, host, path)
    what = {" ": "a space"}.get(bad, "a tab or line break" if bad.isspace() else shown(bad))
    if bad in host and not bad.isascii() and bad.isprintable():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return f"has {what} in its host name; write the host name in Latin letters"
        return (
            f"has {what} in its host name, which feeds and sitemaps cannot carry; write the "
            f"host name in its xn-- form: {scheme}://{ascii_host}{path}"
        )
    if bad in host or (bad.isspace() and bad != " "):
        where = "its host name" if bad in host else "it"
        return f"has {what} in {where}, which a web address cannot contain; remove it"
    escaped = f"{scheme}://{host}" + quote(path, safe="/%:@!$&'()*+,;=~-._")
    if bad == " ":
        return (
            "has a space in it, which a web address cannot contain; write each space as "
            f"%20 ({escaped}), or use a folder name without spaces"
        )
    return f"has {what} in it, which a web address cannot contain as typed; write it {escaped}"


def query_problem(url: str) -> str:
    """Why base_url `url`, which holds a '?' or '#', is not a site's address (pages are
    reached at folders under it, and a query or fragment would end up in the middle of
    every link), as 'what; how to write it'."""
    cut = urlsplit(url.split("?")[0].split("#")[0])
    return (
        "must not have a query (?...) or fragment (#...): the site's pages are folders under "
        f"it; write the address without it: {cut.scheme}://{cut.netloc}{cut.path or '/'}"
    )


def _path_problem(scheme: str, host: str, path: str) -> str:
    """Why base_url's `path` is not a folder every page can be published under (RFC 3986
    section 3.3): an empty folder ('//', which makes every link '//static/...', an address
    on another host), a folder name with an encoded '/', '\\' or control character (no
    folder can have it), a '.' or '..' folder (browsers resolve them away, so links and
    addresses disagree), or a last part that names a page ('index.html'); '' if none."""
    folders = [unquote(part) for part in path.split("/")[1:]]
    if folders and not folders[-1]:
        folders.pop()
    fixed: list[str] = []
    for name in folders:
        if name == "..":
            fixed = fixed[:-1]
        elif name not in ("", "."):
            fixed.append(name)
    if "" in folders:
        what = "an empty folder ('//'), so every link would start with '//' (another host)"
    elif any(c in "/\\" or not " " <= c != "\x7f" for name in folders for c in name):
        what = "an encoded '/', '\\' or control character (%2F, %5C, %00...) in a folder's name"
        fixed = [re.sub(r"[/\\\x00-\x1f\x7f]", "-", name) for name in fixed]
    elif "." in folders or ".." in folders:
        what = "a '.' or '..' folder, which browsers resolve away (a/../b is b)"
    elif folders and re.search(r"\.html?$", folders[-1], re.IGNORECASE):
        what = f"a page ({folders[-1]!r}) at its end, and base_url is the folder the site is in"
        fixed = fixed[:-1]
    else:
        return ""
    kept = "/".join(quote(name, safe=":@!$&'()*+,;=~-._") for name in fixed)
    return f"has {what}; write the folder the site is at: {scheme}://{host}/" + (
        f"{kept}/" if kept else ""
    )


def _settings_file(project: Path, content_dir: Path) -> tuple[Path, str]:
    """The project's settings file, and its name from `content_dir` (as articles are named)."""
    file = find_settings(project)[0]
    where = os.path.relpath(os.path.abspath(file), os.path.abspath(content_dir))
    return file, Path(where).as_posix()


def cname_warnings(project: Path, content_dir: Path, cname: str, base_url: str) -> list[Diagnostic]:
    """Warnings on the `cname` line of the project's settings file (named from `content_dir`,
    as articles are): a custom domain that is not `base_url`'s host (every canonical link,
    feed and sitemap would name the other host), or a github.io address (GitHub Pages takes
    no github.io name as a custom domain: such a site needs no CNAME file)."""
    if not cname:
        return []
    file, where = _settings_file(project, content_dir)
    line, host = line_of(file, "cname"), urlsplit(base_url).hostname or ""
    if cname.lower().rstrip(".").endswith(".github.io"):
        return [
            warning(
                where,
                line,
                f"cname {shown(cname)} is a github.io address, which GitHub Pages does not "
                "take as a custom domain: the site is already served there",
                "delete the cname line (a CNAME file is only for a domain of your own)",
            )
        ]
    if cname.lower().rstrip(".") == host.lower():
        return []
    return [
        warning(
            where,
            line,
            f"cname {shown(cname)} is not base_url's host ({host}): every canonical link, "
            f"feed and sitemap names {base_url}, so search engines and feed readers are sent "
            f"there, not to {cname}",
            f'set base_url = "https://{cname}/" too, or delete the cname line if the site is '
            "not served at that domain",
        )
    ]


def settings_file_warnings(
    project: Path, content_dir: Path, settings: Settings
) -> list[Diagnostic]:
    """The warnings on lines of the site's settings file (named from `content_dir`, as
    articles are): a cname not base_url's host, `settings_warnings`, a site_id's."""
    file, where = _settings_file(project, content_dir)
    return (
        cname_warnings(project, content_dir, settings.cname, settings.base_url)
        + settings_warnings(project, content_dir, settings)
        + site_id_warnings(project, content_dir, settings.site_id)
        + zone_warnings(file, where, settings.timezone)
        + site_id_date_warnings(file, where, settings.site_id, settings.tz)
    )


def settings_warnings(project: Path, content_dir: Path, settings: Settings) -> list[Diagnostic]:
    """Warnings on the settings file's lines (named from `content_dir`, as articles are):
    a `language` in a deprecated code (`iw`, `in`, `no-bok`: languages.old_code), which
    every page's lang would carry; HTML in `title`, `description` or `publisher` (every
    article's JSON-LD and the feeds: tester 3, M16), published as typed (as an article's
    headline: load/plain_text.py); a line break in one, published inside every page's
    <meta> and every feed."""
    language = settings.language
    from generator.languages import case_note, old_code
    from generator.load.plain_text import either, markup_in_text, plain_versions

    file, where = _settings_file(project, content_dir)
    found = []
    old = old_code(language)
    if old is not None:
        found.append(
            warning(
                where,
                line_of(file, "language"),
                f"language {shown(language)} is an old code of {old[0]}, which HTML checkers "
                f"flag on every page and browsers and screen readers may not know: its "
                f"current code is {shown(old[1])}",
                f"write language = {shown(old[1])}",
            )
        )
    note = case_note(str(find_settings(project)[1].get("language", language)))
    if note is not None and old is None:
        fix = f"write language = {shown(language)} to silence this note"
        found.append(warning(where, line_of(file, "language"), note, fix))
    texts = ("title", "description", "publisher")
    for key, value in ((key, str(getattr(settings, key))) for key in texts):
        one_line = " ".join(value.split())
        if one_line != value.strip():
            found.append(
                warning(
                    where,
                    line_of(file, key),
                    f"{key} holds a line break, which every page's <meta> and every feed "
                    "would publish inside it: it is one line",
                    f"write {key} = {shown(one_line)}",
                )
            )
        markup = markup_in_text(key, one_line)

        def line(value: str, key: str = key) -> str:
            return f"{key} = {shown(value)}"

        if markup is not None:
            found.append(
                warning(
                    where,
                    line_of(file, key),
                    markup[0].replace("on the page and in feeds", "on every page and feed"),
                    "write " + either(plain_versions(key, one_line), line),
                )
            )
    return found + _beyond_use(file, where, settings)


def _beyond_use(file: Path, where: str, settings: Settings) -> list[Diagnostic]:
    """Warnings on settings accepted but not done as written: `home_per_day` or
    `home_per_topic` above the home page's 40 story links (index.digest.HOME_LIMIT), and a
    public `websub_hub` at http://, which every feed names and `ping` sends the feeds'
    addresses to unencrypted (a hub on this computer or the local network is left alone)."""
    from generator.index.digest import HOME_LIMIT

    found = [
        warning(
            where,
            line_of(file, key),
            f"{key} = {value}: the home page shows {HOME_LIMIT} stories at most, whatever "
            f"this setting, so it works as {key} = {HOME_LIMIT}",
            f"write {key} = {HOME_LIMIT} (every story of a "
            + (
                "day is on its digest page)"
                if key == "home_per_day"
                else "topic is on its topic page)"
            ),
        )
        for key, value in (
            ("home_per_day", settings.home_per_day),
            ("home_per_topic", settings.home_per_topic),
        )
        if value > HOME_LIMIT
    ]
    hub = urlsplit(settings.websub_hub)
    if hub.scheme == "http" and not _LOCAL_HOST.search((hub.hostname or "").lower()):
        https = urlunsplit(hub._replace(scheme="https"))
        found.append(
            warning(
                where,
                line_of(file, "websub_hub"),
                f"websub_hub {shown(settings.websub_hub)} is http://: every feed names it, and "
                "feed readers and `newsdigest ping` would reach the hub unencrypted",
                f"write websub_hub = {shown(https)} (public hubs take https://)",
            )
        )
    return found


def former_unused(
    project: Path, content_dir: Path, former: str, found: Iterable[Diagnostic]
) -> list[Diagnostic]:
    """A warning on the `former_base_url` line once no body link is written under its path
    any more (`found`: check's problems, which warn of each such link): the links it kept
    working are all fixed, and the setting can go (README: A custom domain)."""
    if not former or any("the path of former_base_url" in d.message for d in found):
        return []
    file, where = _settings_file(project, content_dir)
    return [
        warning(
            where,
            line_of(file, "former_base_url"),
            f"former_base_url {shown(former)}: no article links under its path any more",
            "delete the former_base_url line: every link was fixed",
        )
    ]


# A base_url copied from an example and not yet filled in: USER.github.io, OWNER.github.io,
# example.org, news.example (the host names documentation uses, RFC 2606).
# The account a quick start's address stands for: `USER.github.io` (not `me`: an account).
_ACCOUNT_PLACEHOLDER = re.compile(r"(user|username|owner|your-?name|your-?account)\.github\.io")
_PLACEHOLDER_HOST = re.compile(
    r"^(?:user|username|owner|org|your-?name|you|me)\.github\.io$|(?:^|\.)example\.(?:org|com|net)$"
    r"|\.example$"  # RFC 2606's top-level name for examples
)


# Hosts no public site is at: this computer, a bare name on a local network (`x`), an IP
# address, the names RFC 6761 and 6762 keep for local use and for tests (`.test`,
# `.invalid`), a home network's (RFC 8375 `home.arpa`, `.lan`, `localhost.localdomain`).
_LOCAL_HOST = re.compile(
    r"^(?:localhost|[^.]+|[0-9.]+|.*:.*)$"
    r"|\.(?:localhost|local|internal|test|invalid|localdomain|lan|home\.arpa)$"
)


def is_placeholder(base_url: str) -> bool:
    """Whether `base_url` is an example's address or a local one, not the site's own yet."""
    host = (urlsplit(base_url).hostname or "").lower().removesuffix(".")  # `localhost.`
    return bool(_PLACEHOLDER_HOST.search(host) or _LOCAL_HOST.search(host))


def placeholder_note(base_url: str) -> str:
    """What init says of a `base_url` that is not the site's public address yet ('' for a
    public https one): a placeholder or local host (the site_id made from it too), or
    plain http://, which GitHub Pages and most hosts redirect to https."""
    if is_placeholder(base_url):
        return (
            f"base_url is a placeholder or a local address ({base_url}): set it in "
            "newsdigest.toml to the address the site will be published at, and site_id with "
            "it (a domain you own, never changed after), before the first publication."
        )
    if urlsplit(base_url).scheme == "http":
        return (
            f"warning: base_url is http:// ({base_url}): GitHub Pages and most hosts serve "
            "sites over https, so every canonical link and feed would name an address that "
            "redirects; write https:// in newsdigest.toml if the site is served so."
        )
    return ""


def site_id_warnings(project: Path, content_dir: Path, site_id: str) -> list[Diagnostic]:
    """A warning on the `site_id` line when its domain is a local one (`localhost,2026`,
    `x,2026`, an IP address, `localhost.,2026` too): every feed item's GUID carries it for
    ever; or when the domain ends in a dot (`news.org.,2026`: not a valid tag URI)."""
    typed, _, year = site_id.rpartition(",")
    host = typed.lower().removesuffix(".")
    local = bool(host) and _LOCAL_HOST.search(host) is not None
    account = _ACCOUNT_PLACEHOLDER.fullmatch(host)
    if not local and not account and not (host and typed.endswith(".")):
        return []
    if account:  # init's, from the README's `--url https://USER.github.io/gazette/`
        message = (
            f"site_id {shown(site_id)} is still the placeholder init made from "
            f"{account.group(1).upper()}.github.io ({account.group(1).upper()} stands for "
            "your GitHub account), and every feed item's ID (GUID) keeps it for ever"
        )
        fix = (
            "before the first publication, write your account's address and the year: "
            f'site_id = "youraccount.github.io,{year or "2026"}" (or your own domain), and '
            "base_url with it"
        )
    elif local:
        message = (
            f"site_id {shown(site_id)} names no domain of yours ({host} is a local name or "
            "an IP address), and every feed item's ID (GUID) keeps it for ever"
        )
        fix = (
            "before the first publication, write the domain you own and the year: site_id = "
            f'"news.example.org,{year or "2026"}", with your domain in place of '
            "news.example.org"
        )
    else:  # `gazette.dev.,2026`
        message = (
            f"site_id {shown(site_id)} ends its domain with a dot, which makes every "
            "feed item's ID (GUID) an invalid tag URI"
        )
        fix = "before the first publication, write it without the dot: "
        fix += f'site_id = "{typed[:-1]},{year}"'
    file, where = _settings_file(project, content_dir)
    return [warning(where, line_of(file, "site_id"), message, fix)]
