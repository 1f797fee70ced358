"""An article's identity: its slug and its old addresses (its feed id: load/guids.py).

The slug comes from `slug:` or the file name; `aliases:` are paths under the site that
redirect.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from generator.languages import TAG_SYNTAX, same_language, tag_problem
from generator.load import slugs
from generator.load.checker import Checker
from generator.load.content import Document, Mapping
from generator.load.file_names import doubled_suffix

# Where newsdigest writes its own pages and files: no alias may point into them.
RESERVED_SECTIONS = (
    "tags",
    "countries",
    "archive",
    "digest",
    "search",
    "static",
    "media",
    "pagefind",
    "authors",
    "portraits",  # authors' photos (render/images.PORTRAITS)
    "portraits-sizes",  # their made widths
    "media-sizes",  # the made widths of pictures (render/images.SIZES_ROOT)
)
# What each language's section writes in its folder (/ur/tags/, /ur/feed.xml...): under
# any folder named by a language tag, as a story in that language makes it.
LANGUAGE_SECTIONS = (
    *RESERVED_SECTIONS,
    "feed.xml",
    "atom.xml",
    "feed.json",
)
_SITEMAP_PART = re.compile(r"sitemap(-news)?-[0-9]+\.xml")  # a large sitemap's parts
RESERVED_FILES = (
    "feed.xml",
    "atom.xml",
    "feed.json",
    "feeds.opml",
    "sitemap.xml",
    "sitemap-news.xml",
    "robots.txt",
    "404.html",
    ".nojekyll",
    "CNAME",
)
_PLAIN = re.compile(r"[A-Za-z0-9._~-]")  # an alias's characters in ASCII (RFC 3986's unreserved)
_ALIAS_FIX = (
    "give the old address of this article, relative to the site, like /2025/06/20/old-slug/"
)


def alias_path(alias: str) -> str:
    """An alias as a path under the site root: '/2025/06/20/storm' -> '2025/06/20/storm/'.
    A last segment with a dot ('old/page.html') names a file; any other names a folder,
    and so does a last segment 'index.html' ('/storm/index.html' is the folder 'storm/',
    the same file on the host, so it meets the same checks). %XX codes are decoded
    ('caf%C3%A9/' is the folder 'café/'), as a web server decodes the address a browser
    asks for before it looks for the file; `alias_problem` says which aliases have no path."""
    path = unquote(alias.strip().lstrip("/"))
    if path == "index.html" or path.endswith("/index.html"):
        path = path.removesuffix("index.html")
    last = path.rstrip("/").rpartition("/")[2]
    if path and not path.endswith("/") and "." not in last:
        path += "/"
    return path


def alias_problem(alias: str) -> tuple[str, str] | None:
    """Why the alias `alias` (as typed) has no page a browser reaches at the address
    written, as (problem, fix); None when it is a plain path under the site (it may still
    be one of newsdigest's own: `_reserved`). A browser reads '//host/x' as another site,
    '\\' as '/', and '..', '.' and their %2e forms as a move up; it sends no '#...' and a
    static host ignores '?...'; a server decodes %XX before it looks for the file, so an
    encoded '/', '\\', '%' or a space never reaches the folder of that name."""
    typed = alias.strip()
    if typed.startswith("//") or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", typed):
        return (
            "starts with '//' or a scheme such as 'https:', which a browser reads as "
            "another site's address, not a path under this one",
            "write only the path, starting with one '/', like /2025/06/20/old-slug/",
        )
    if "\\" in typed:
        return (
            "has a backslash, which browsers read as '/': the redirect page would not be "
            "found at this address",
            "use '/' between folders, like /2025/06/20/old-slug/",
        )
    if "?" in typed or "#" in typed:
        return (
            "has a '?...' or '#...' part, which a static site's address cannot have: the "
            "page would be found only without it",
            "remove the '?...' or '#...' part, like /2025/06/20/old-slug/",
        )
    try:
        parts = [unquote(part, errors="strict") for part in typed.lstrip("/").split("/")]
    except UnicodeDecodeError:
        return ("has %XX codes that are not UTF-8 text", _ALIAS_FIX)
    if any(part in (".", "..") for part in parts):
        return (
            "is not a path under the site: '.', '..' (or %2e%2e) move to another folder, "
            "so browsers would ask for another address",
            _ALIAS_FIX,
        )
    if "" in parts[:-1]:
        return ("has '//' inside: a folder with no name, which no address reaches", _ALIAS_FIX)
    odd = next((c for part in parts for c in part if not _plain(c)), None)
    if odd is not None:
        what = _SHOWN.get(odd, f"{odd!r}, which a folder name in a web address cannot have")
        return (
            f"is not a plain path: it has {what}",
            "use letters, digits, '-', '_', '.' and '/' only, like /2025/06/20/old-slug/",
        )
    return None


_SHOWN = {
    " ": "a space (or %20), which a folder name in a web address cannot have",
    "/": "an encoded '/' (%2F), which a web server reads as a folder break",
    "\\": "an encoded backslash (%5C), which browsers read as '/'",
    "%": "a '%' that is not a %XX code of a letter (or %25), which a web server decodes",
}


def _plain(char: str) -> bool:
    """A character an alias's folder or file name may have: RFC 3986's unreserved ASCII
    ones, or a letter, digit or mark of another script (from a %XX-encoded old address)."""
    if char.isascii():
        return _PLAIN.match(char) is not None
    return unicodedata.category(char)[0] in "LMN"


def _reserved(path: str, language: str = "") -> str | None:
    """Why `path` (from alias_path) cannot be a redirect page, or None. The site's
    `language` has no folder of its own (its pages are at the root): '/en/' on an 'en'
    site is free for a redirect."""
    if not path:
        return "is the home page"
    segments = path.rstrip("/").split("/")
    if (
        segments[0] in RESERVED_SECTIONS
        or segments[0] in RESERVED_FILES  # '/CNAME' is the folder CNAME/: the file is there
        or _SITEMAP_PART.fullmatch(segments[0])
        or (len(segments) == 1 and segments[0].startswith("logo."))
    ):
        return "is where newsdigest writes its own pages"
    in_section = len(segments) == 1 or segments[1] in LANGUAGE_SECTIONS  # `/fr/`, `/fr/tags/`
    if in_section and _language_folder(segments[0]) and not same_language(segments[0], language):
        return (
            f"is where newsdigest writes its own pages for stories in {segments[0]!r} (a "
            f"language's home, topics, authors and feeds are under /{segments[0]}/, as the "
            "site language's are at the root)"
        )
    return None


def _language_folder(segment: str) -> bool:
    """Whether a folder name is one a language's section can have: a language tag
    newsdigest publishes ('ur', 'pt-br', 'iw'; in any capitals)."""
    return TAG_SYNTAX.fullmatch(segment) is not None and tag_problem(segment) is None


# A site's name typed before a path: 'example.com/...', 'www.example.org:8080/...'.
_HOST = re.compile(r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?::[0-9]+)?")


def under_site(typed: str, base_path: str) -> str | None:
    """The path from the site's address that an alias typed with a site's address or with
    the site's own path (`base_path`, base_url's: '/t/') would name, were the address this
    site's: 'example.com/t/old/', 'https://example.com/t/old/', 't/old/' and '/t/old/' ->
    '/old/'; 'example.com/t/' and '/t' (the site's home page) -> '/'; None for any other
    alias."""
    path = typed.strip()
    schemed = re.match(r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?//", path)
    path = path[schemed.end() :] if schemed else path
    first, slash, rest = path.partition("/")
    named = bool(slash) and not path.startswith("/") and _HOST.fullmatch(first) is not None
    if named:
        path = rest
    elif schemed or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", path):
        return None
    path, base = "/" + path.lstrip("/"), base_path.rstrip("/") + "/"
    if not (path + "/").startswith(base) or (base == "/" and not named):
        return None  # not under the site's path: another site's, or a plain path
    path = "/" + path[len(base) :]
    home = named or typed.strip().startswith("/")  # not 't/': an old /t/ at the root
    return path if path.strip("/") else ("/" if home else None)


def aliases(
    check: Checker,
    front: Mapping,
    day: date | None = None,
    slug: str = "",
    base_url: str = "",
    language: str = "",
) -> tuple[str, ...]:
    """`aliases:`, old paths under the site that redirect to this article. One without its
    leading '/' is an error whose fix offers the address from the site's root and, for a
    bare name, the one in the story's `day` folder (as typed, which was meant is unsure).
    One typed with the site's address or its path (`base_url`'s) is an error whose fix is
    the path from the site's address (or, '/t/old/' under https://example.com/t/, which
    is a path the site can have, a warning). The site's `language` (its tag) has no
    folder of its own, so '/en/' on an 'en' site can be an alias."""
    if isinstance(front.get("aliases"), Mapping):
        check.error(
            front.line_of("aliases"),
            "aliases must be a list, not a set of fields",
            "write aliases: [/2025/06/20/old-slug/]",
        )
        return ()
    found: dict[str, int] = {}  # path -> the number of the item that first gave it
    items = check.text_items(front, "aliases", "aliases")  # each on its line (a list below)
    for number, (alias, at) in enumerate(items, start=1):
        path = alias_path(alias)
        reserved = _reserved(path, language)
        problem = alias_problem(alias) or ((reserved, _ALIAS_FIX) if reserved else None)
        if base_url:
            problem = _typed_with_site(
                check, at, (number, alias, path), problem, (base_url, language)
            )
        if not problem and not alias.strip().startswith("/"):
            problem = _unrooted(alias, day, slug, language)
        long_part = slugs.too_long(path)
        if long_part and not problem:
            message, fix = slugs.too_long_message(f"aliases: item {number}", long_part)
            check.error(at, message, fix)
        elif problem:
            check.error(
                at,
                f"aliases: item {number} ({alias}) {problem[0]}",
                problem[1],
            )
        elif path in found:  # `[/x/, /x/]`: one redirect page; said, so nothing vanishes
            first = found[path]
            check.warn(
                at,
                f"aliases: item {number} ({alias}) is the same address as item {first}: "
                "one redirect page is made for both",
                f"delete item {number} ({alias}) from the list",
            )
        else:
            found[path] = number
    return tuple(found)


def _typed_with_site(
    check: Checker,
    at: int,
    item: tuple[int, str, str],
    problem: tuple[str, str] | None,
    site: tuple[str, str],
) -> tuple[str, str] | None:
    """The alias `item` (its number, as typed, its path) typed with a site's address or
    the site's own path (`under_site`): `problem` with the fix that is the path after the
    site's address (`site`: its base_url and language); for '/t/old/', a warning (the
    site can publish it, at /t/t/old/)."""
    number, alias, path = item
    base_url, language = site
    meant = under_site(alias, urlsplit(base_url).path)
    if meant == "/":
        return _site_home(check, at, item, base_url)
    if meant and (alias_problem(meant) or _reserved(alias_path(meant), language)):
        meant = None  # its path has a problem of its own, said as typed
    if meant and problem:  # `https://example.com/t/old/`: said as before, fixed
        problem = (problem[0], f"write only the path after the site's address: {meant}")
    elif meant and not alias.strip().startswith("/"):
        problem = (
            "is typed with a site's address or with this site's own path "
            f"({urlsplit(base_url).path}): an alias is an old address from the site's "
            "address, which the site puts in front of it",
            f"if it was an address of this site, write only what comes after the site's "
            f"address, starting with '/': {meant}",
        )
    elif meant:
        check.warn(
            at,
            f"aliases: item {number} ({alias}) starts with the site's own path "
            f"({urlsplit(base_url).path}): an alias is from the site's address, so its "
            f"redirect is published at {urlsplit(base_url).path.rstrip('/')}/{path}",
            f"if the old address was {urlsplit(base_url).path.rstrip('/')}{meant}, write {meant}",
        )
    return problem


def _site_home(
    check: Checker, at: int, item: tuple[int, str, str], base_url: str
) -> tuple[str, str] | None:
    """`_typed_with_site` for an alias naming the site's home page (`example.com/t/`: an
    error; `/t/`, which the site can publish, at /t/t/: a warning; prober4 M10)."""
    number, alias, path = item
    base = urlsplit(base_url).path.rstrip("/")
    home = (
        f"is this site's home page (its address, ending in {base}/), which the site "
        "always publishes there: no alias can be it"
    )
    if not alias.strip().startswith("/"):
        return home, f"delete item {number} ({alias}) from the list"
    check.warn(
        at,
        f"aliases: item {number} ({alias}) is the site's own path ({base}/): an alias is "
        f"from the site's address, so its redirect is published at {base}/{path}",
        f"if the old address was {base}/, the site's home page, delete item {number} "
        f"({alias}) from the list: no alias can be it",
    )
    return None


def _unrooted(alias: str, day: date | None, slug: str, language: str) -> tuple[str, str]:
    """(problem, fix) for an alias typed without its leading '/' (`old-slug`): the full
    addresses it may mean, those a redirect page may have (never the story's own page)."""
    typed = alias.strip()
    rooted = "/" + alias_path(typed)
    offers = [] if _reserved(rooted.lstrip("/"), language) else [f"{rooted} (at the site's root)"]
    if day is not None and "/" not in typed.rstrip("/") and alias_path(typed) != f"{slug}/":
        dated = f"/{day:%Y/%m/%d}/{alias_path(typed)}"
        offers.insert(0, f"{dated} (this story's day, under that old name)")
    fix = "write the old address in full, from the site's root, starting with '/'"
    return (
        "does not start with '/': an alias is an old address in full, from the site's "
        "root, and without the '/' which address was meant is unsure",
        fix + (": " + " or ".join(offers) if offers else ", like /2025/06/20/old-slug/"),
    )


def slug_field(check: Checker, front: Mapping, doc: Document) -> str:
    if doubled := doubled_suffix(doc.source, doc.path):  # `x.md.md`: an error whatever the slug
        check.error(1, *doubled)
    if front.get("slug") is not None:  # `slug: ~` is no slug: the file name gives it
        slug = check.text(front, "slug", "slug", required=True)
        if slug and not slugs.is_safe(slug):
            check.error(
                front.line_of("slug"),
                f"slug {slug!r} cannot be used in a URL",
                "use lower-case letters, digits and hyphens, such as "
                f"{slugs.make(slug) or 'my-story'!r}",
            )
            return ""
        long_part = slugs.too_long(slug)
        if long_part:
            check.error(front.line_of("slug"), *slugs.too_long_message("the slug", long_part))
            return ""
        return slug
    stem = unicodedata.normalize("NFC", PurePosixPath(doc.source).stem)
    slug = slugs.make(stem)
    if not slug:
        check.error(
            1,
            f"the file name {stem!r} gives no usable URL",
            "rename the file with letters or digits, or add 'slug: my-story'",
        )
    else:
        _suggest_slug(check, front, stem, slug)
    return slug


def _suggest_slug(check: Checker, front: Mapping, stem: str, slug: str) -> None:
    """Warn, on the title's line, when the slug is a machine's Latin spelling of text in a
    script that transliterates poorly: the file name is in that script, or the headline is
    and the file was named after it (as `newsdigest new` names it)."""
    title = front.get("title")
    script, spelt = slugs.poorly_spelt_script(stem), "file name"
    # An ASCII headline is in Latin letters: it need not be spelt as a slug to know that.
    if (
        script is None
        and isinstance(title, str)
        and not title.isascii()
        and slugs.make(title) == slug
    ):
        script, spelt = slugs.poorly_spelt_script(title), "headline"
    if script is None:
        return
    check.warn(
        front.line_of("title") or 1,
        f"the slug (this story's web address) would be '{slug}', the computer's spelling "
        f"of the {script} {spelt} in Latin letters, which readers will not recognise",
        "choose it now, before the story is published (changing a slug later breaks links): "
        "add the line 'slug: your-words' under the title, your-words being a few English "
        "or romanised words of your own for this story, in lower-case letters, digits and "
        "hyphens",
    )
