"""Author pages' addresses: bylines that would share one page kept apart in each language's
section, and a warning for an address spelt by the computer from a name in a script that
transliterates poorly (`عاصمہ خان` -> /ur/authors/smh-khn/).

An author page is `/authors/SLUG/` in the site language's section and `/LANG/authors/SLUG/`
in another language's (generator.index.languages): two names clash only where both are
published in one section.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from generator.diagnostics import Diagnostic, warning
from generator.index.languages import language_of, section_folders
from generator.index.topics import free_slug
from generator.languages import language_key
from generator.load import slugs
from generator.load.authors import Registry
from generator.model import Article, Author, oldest_by, with_values

Place = tuple[str, str]  # (a section's folder: '' or 'ur/', a byline's name)


def section_folder(articles: list[Article], site_language: str) -> Callable[[Article], str]:
    """The folder of each article's language section: '' for the site's language, 'ur/'."""
    found = section_folders(articles, site_language)
    return lambda article: found[language_key(language_of(article, site_language))]


def shared_pages(
    articles: list[Article], registry: Registry, site_language: str
) -> tuple[list[Article], list[Diagnostic]]:
    """Bylines that are different names with one author page ('José Ruiz' and 'Jose Ruiz'
    both make /authors/jose-ruiz/) in one language's section kept apart: a name
    registered in authors.yaml keeps its page, then the name first used earliest in that
    section (by the date of its oldest story there, then by name); each other one gets
    the next free number there (-2, -3...) and a warning on the credits line of its
    oldest story in the section (not for two names of authors.yaml: the registry's
    error says so, and nothing is published). So an author page's address stays when a new story
    brings a look-alike name, and names in two sections (`/authors/jose-ruiz/`,
    `/es/authors/jose-ruiz/`) are not numbered."""
    found = _by_name(articles)
    if len({author.slug for author in found.values()}) == len(found):
        return articles, []  # every page has one name (the common case)
    folder = section_folder(articles, site_language)
    oldest = oldest_by(((folder(a), author.name), a) for a in articles for author in a.bylines)
    by_page: dict[tuple[str, str], list[str]] = defaultdict(list)
    for where, name in oldest:
        by_page[(where, found[name].slug)].append(name)
    registered = {author.name for author in registry.authors.values()}
    pinned = {author.slug for author in registry.authors.values()}
    moved: dict[Place, Author] = {}
    problems: list[Diagnostic] = []
    for (where, slug), names in sorted(by_page.items()):
        names.sort(key=lambda n: (n not in registered, oldest[(where, n)].date, n))
        taken = {page for place, page in by_page if place == where} | pinned
        first = {n: oldest[(where, n)] for n in names}
        for index, name in enumerate(names[1:], start=1):
            numbered = free_slug(slug, index + 1, taken)
            taken.add(numbered)
            moved[(where, name)] = replace(found[name], slug=numbered)
            if name in registered:  # (so are the names before it) authors.yaml's own error
                continue
            problems.append(
                _shared_page(where, slug, names, index, moved[(where, name)], first, registered)
            )
    out = []
    for article in articles:
        where = folder(article)
        bylines = tuple(moved.get((where, b.name), b) for b in article.bylines)
        out.append(article if bylines == article.bylines else with_values(article, bylines=bylines))
    return out, problems


def _by_name(articles: list[Article]) -> dict[str, Author]:
    """Each byline's name and its Author (the first found). Articles share their tuples of
    bylines (Registry.apply): each tuple is looked at once."""
    found: dict[str, Author] = {}
    for bylines in {id(a.bylines): a.bylines for a in articles}.values():
        for author in bylines:
            found.setdefault(author.name, author)
    return found


def _shared_page(
    folder: str,
    slug: str,
    names: list[str],
    index: int,
    author: Author,
    oldest: dict[str, Article],
    registered: set[str],
) -> Diagnostic:
    """The warning for names[index], published at its numbered page `author.slug` in the
    section in `folder`; `oldest`: each name's oldest story in that section."""
    story = oldest[author.name]
    earlier = ", ".join(
        f"{n!r} (in authors.yaml)"
        if n in registered
        else f"{n!r} (also in this story)"
        if oldest[n] is story
        else f"{n!r} (first in {oldest[n].source}, {oldest[n].date:%Y-%m-%d})"
        for n in names[:index]
    )
    if all(oldest[n] is story and n not in registered for n in names[:index]):
        earlier = " and ".join(repr(n) for n in names[:index]) + (
            ", also in this story (names first used in one story are numbered in "
            "alphabetical order)"
        )
    return warning(
        story.source,
        story.line_of("author"),
        f"bylines {' and '.join(repr(n) for n in names)} are different names with the same "
        f"author page /{folder}authors/{slug}/; {author.name!r} is published at "
        f"/{folder}authors/{author.slug}/, numbered in the order of first use after {earlier}",
        "if they are one person, write the name the same way in every story; to choose "
        "the address of an author's page, add the name to authors.yaml with its own 'slug:'",
    )


def unreadable_pages(
    articles: list[Article], registry: Registry, site_language: str
) -> list[Diagnostic]:
    """A warning for each byline whose author page's address is the computer's Latin
    spelling of a name in a script that transliterates poorly (Arabic script, Hebrew,
    Devanagari, Chinese...: slugs.poorly_spelt_script), unless authors.yaml gives the name
    a `slug:`; on the `author:` line of the name's oldest story, naming the page of that
    story's section. As a headline's slug, it is best chosen before the page is
    published: a new `slug:` later moves the page (`check --base` says so)."""
    unread = {
        name: script
        for name in _by_name(articles)
        if name not in registry.pinned and (script := slugs.poorly_spelt_script(name))
    }
    if not unread:
        return []  # names in Latin letters, or pinned (the common case)
    oldest = oldest_by((au.name, a) for a in articles for au in a.bylines if au.name in unread)
    folder = section_folder(articles, site_language)
    problems = []
    for name, script in sorted(unread.items()):
        story = oldest[name]
        author = next(au for au in story.bylines if au.name == name)
        if name in registry.authors:
            add = f"add a line 'slug: <firstname-lastname>' under {name!r} in authors.yaml"
        else:
            add = f"add the line '{name}: {{slug: <firstname-lastname>}}' to authors.yaml"
        problems.append(
            warning(
                story.source,
                story.line_of("author"),
                f"the author page of {name!r} would be /{folder(story)}authors/{author.slug}/, "
                f"the computer's spelling of the {script} name in Latin letters, which "
                "readers will not recognise",
                "choose it now, before the page is published (changing it later breaks "
                f"links): {add}, with the name in romanised words in place of "
                "<firstname-lastname>, in lower-case letters, digits and hyphens",
            )
        )
    return problems
