"""`newsdigest new`: start an article file with valid front matter, named after its title.

The file is content/YYYY/MM/SLUG.md, dated now in the site's timezone. Its name fixes
the article's URL and feed GUID, so a later headline edit changes neither. Values are
written with yaml.safe_dump, so any title survives the round trip; an existing file is
never overwritten. It is a draft (`draft: true`), and its body a placeholder: `check`
warns about it on its line while the story is a draft, and it is an error (stopping
`build`) once `draft: true` is deleted before the story replaces it
(generator.load.placeholder). The byline is --author, else `git config user.name`.
"""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from generator.config import Settings
from generator.diagnostics import UsageError
from generator.languages import tag_problem
from generator.load import countries, country_hints, slugs
from generator.load.invisible import find_invisible, invisible_named
from generator.load.placeholder import BODY
from generator.load.yaml_lists import double_quoted
from generator.load.yaml_slips import curly_wrapped, typing_slips

DEFAULT_AUTHOR = "Newsroom"


def yaml_value(value: object) -> str:
    """One value as an inline YAML scalar or flow list, quoted whenever YAML needs it."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 20)
    return text.removesuffix("\n").removesuffix("\n...")


def git_author(cwd: Path) -> str | None:
    """The committer's name from `git config user.name`; None when git has none."""
    try:
        found = subprocess.run(
            ["git", "config", "user.name"],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    name = " ".join(found.stdout.split())
    return name if found.returncode == 0 and name else None


def parse_tags(tags: str) -> list[str]:
    """'Climate, Floods,' -> ['Climate', 'Floods']; the first spelling of a topic wins."""
    result: dict[str, str] = {}
    for name in (" ".join(t.split()) for t in tags.split(",")):
        if name:
            result.setdefault(slugs.topic_key(name), name)
    return list(result.values())


def canonical_country(country: str) -> str:
    """The country's common name, or a UsageError that suggests the closest one."""
    found = countries.lookup(country.strip())
    if found is None:  # what `check` says of `country:`, in the option's words
        what, fix = country_hints.unknown(country.strip())
        option = fix.replace("'country: ", "--country '")
        raise UsageError(f"--{what}; {option}")
    return found.name


def checked_language(tag: str) -> str:
    """The --language tag as typed when it is one the `language` field accepts (the same
    rule, generator.languages.tag_problem), else a UsageError with the tag meant."""
    found = tag_problem(tag.strip())
    if found:
        what, fix = found
        raise UsageError(f"--{what}; {fix}")
    return tag.strip()


def front_matter(
    title: str, date: datetime, country: str, author: str, tags: list[str], language: str = ""
) -> str:
    """The front-matter block of a draft (`draft: true`: the story is not published until
    the editor deletes that line): country left empty (an error for `check`) when
    unknown; `language:` only when given (else the site's)."""
    lines = [
        "---",
        # A headline that is a quotation (“We will rebuild”): in straight quotes, as README
        # says such a headline is written, so YAML keeps the marks and check accepts it.
        f"title: {double_quoted(title) if curly_wrapped(title) else yaml_value(title)}",
        f"date: {date.isoformat()}",
        "draft: true",
        *([f"language: {yaml_value(language)}"] if language else []),
        f"country: {yaml_value(country)}",
        "credits:",
        f"  author: {yaml_value(author)}",
    ]
    if tags:
        lines.append(f"tags: {yaml_value(tags)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


OPTIONS = {"author": "--author", "tags": "--tags"}


def _checked(text: str, typed: dict[str, str]) -> None:
    """A UsageError, before anything is written, for a value `check` would refuse in the
    file: a byline or tag wrapped in typographic quotes (`--author '“Asha”'`, pasted
    from a word processor), named with the option it came from and its value unwrapped."""
    tags = typed.get("tags", "").strip()
    if tags[:1] in "[(" and tags[-1:] in "])" and tags:  # `--tags "[Weather, Floods]"`
        inner = ", ".join(parse_tags(tags[1:-1]))
        raise UsageError(
            f"--tags {shlex.quote(tags)} is wrapped in brackets, which would be published as "
            "part of the first and last topics; write the topics with commas alone: "
            f"--tags {shlex.quote(inner)}"
        )
    for key, value in typed.items():
        for item in parse_tags(value) if key == "tags" else [value.strip()]:
            if curly_wrapped(item):
                marks = f"{item[0]} and {item[-1]}" if item[0] != item[-1] else item[0]
                raise UsageError(
                    f"{OPTIONS[key]} {item!r} is wrapped in quote marks ({marks}) that would "
                    f"be published as part of it; write it without them: {item[1:-1].strip()!r}"
                )
    front = text.split("\n---\n", 1)[0].removeprefix("---\n")
    for slip in typing_slips(front, 2, "the new file"):
        raise UsageError(f"newsdigest new would write a line check refuses: {slip.message}")


# The options of `new` a taken name's fix repeats besides the story's own (P7: --author
# was dropped, and --site, without which the command reaches no site from elsewhere).
_REPEATED = ("author", "site", "content")


def new_article(
    content_dir: Path,
    settings: Settings,
    title: str,
    country: str = "",
    tags: str = "",
    now: datetime | None = None,
    author: str = DEFAULT_AUTHOR,
    language: str = "",
    slug: str = "",
    typed: dict[str, Any] | None = None,
) -> Path:
    """Write content/YYYY/MM/SLUG.md for `title` and return its path; `language` (a BCP 47
    tag, checked as the front-matter field is) is written as its `language:` line; `slug`
    (`--slug`), the file's name and so the story's address, else made from the title.
    `typed`: the command's options as parsed (`author`, `site`, `content`: None when not
    typed), repeated in the command a taken name's fix gives."""
    title = written_headline(title)
    language = checked_language(language) if language.strip() else ""
    if not title:
        raise UsageError('the title is empty; write it in quotes: newsdigest new "My headline"')
    if slug and slugs.make(slug) != slug:
        raise UsageError(
            f"--slug {shlex.quote(slug)}: a slug is lower-case letters a-z, digits and single "
            "hyphens: "
            f"--slug {slugs.make(slug) or 'karachi-floods'}"
        )
    slug = slug or slugs.make(title)
    if not slug:
        raise UsageError(
            f"the title {title!r} gives no usable file name; use a title with letters or digits"
        )
    name = canonical_country(country) if country.strip() else ""
    date = (now or datetime.now(settings.tz)).astimezone(settings.tz).replace(microsecond=0)
    path = content_dir / f"{date:%Y}" / f"{date:%m}" / f"{slug}.md"
    text = front_matter(title, date, name, author, parse_tags(tags), language) + BODY
    _checked(text, {"author": author, "tags": tags})
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        free = next(n for n in range(2, 10_000) if not path.with_name(f"{slug}-{n}.md").exists())
        given = {"--country": country, "--tags": tags, "--language": language}
        given |= {f"--{k}": str(v) for k, v in (typed or {}).items() if k in _REPEATED and v}
        again = ["newsdigest", "new", title, *[w for k, v in given.items() if v for w in (k, v)]]
        raise UsageError(
            f"{path.as_posix()} already exists: a story of this month has this file name "
            "(another headline may make the same name), and newsdigest new never overwrites "
            "an article. For a story of its own (a follow-up), give it its own address: "
            f"{shell_line([*again, '--slug', f'{slug}-{free}'])}; for the same story, edit "
            "that file"
        ) from None
    except OSError as exc:
        raise UsageError(f"cannot write {path.as_posix()}: {exc.strerror}") from None
    return path


def dashed_title(typed: list[str], parser: argparse.ArgumentParser) -> str | None:
    """What to say when `new`'s headline was read as an option because it starts with '-'
    (`newsdigest new "-rf"`, argparse: "required: title"): the command again, with `--`
    before the headline (`typed`: `new`'s arguments as typed); None when no argument
    `parser` does not know starts with '-' (the headline was left out)."""
    known = parser._option_string_actions  # noqa: SLF001 (argparse keeps no public map)
    rest: list[str] = []
    headline, value_next = None, False
    for word in typed:
        name = word.split("=", 1)[0]
        if value_next:  # an option's value: `--tags -x` is its value, as argparse reads it
            rest.append(word)
            value_next = False
        elif name in known:
            rest.append(word)
            value_next = "=" not in word and known[name].nargs != 0
        elif word.startswith("-") and word != "--" and headline is None:
            headline = word
        else:
            rest.append(word)
    if headline is None:
        return None
    command = shell_line(["newsdigest", "new", *rest, "--", headline])
    return (
        f"the headline {headline!r} starts with '-', so it was read as an option; "
        f"write -- before it: {command}"
    )


def shell_line(words: list[str]) -> str:
    """`words` as a command line to paste into a terminal: each quoted where the shell
    would read it otherwise, in single quotes (in which `!` and `$` are text too)."""
    return " ".join(shlex.quote(word) for word in words)


def notes(title: str, slug: str) -> list[str]:
    """What `new` says on stderr after writing the file for `title` (as typed) and `slug`
    (`--slug`): each change `written_headline` made (`spacing`), an address in another
    script's letters (`unread_name`)."""
    said = [f"note: {change}" for change in spacing(title)]
    return said + [f"warning: {unread}" for unread in [unread_name(title, slug)] if unread]


# White space a headline is written without (a tab, a line break, a run of spaces, an em
# space...): never a no-break space (French typography before ':' '?' '!', '10 km').
_SPACES = re.compile(r"[^\S\u00a0\u2007\u202f]+")


def written_headline(title: str) -> str:
    """`title` as `new` writes it (prober5 P35, one policy, every change said by
    `spacing`): one line, its spaces of any kind between words one space, none at its
    ends; each invisible character `check` would warn of (a zero-width space) left out;
    no-break spaces, soft hyphens and the joiners a script or an emoji needs kept."""
    text = _one_line(title)
    while (found := find_invisible(text.replace("\u00ad", "-"))) is not None:
        text = text[: found[0]] + text[found[0] + 1 :]  # (a soft hyphen: a hint, kept)
    return text


def _one_line(title: str) -> str:
    """`written_headline`'s first step: every run of spaces of any kind one space, none at
    the ends."""
    return _SPACES.sub(" ", title).strip(" ")


def spacing(title: str) -> list[str]:
    """What `written_headline` changed in `title`, each in words with the line written:
    spaces at its ends left out; a tab, a line break or a run of spaces inside written as
    one space (a headline is one line); an invisible character left out."""
    written, inside = written_headline(title), _one_line(title)
    if written == title:
        return []
    line = f"title: {yaml_value(written)}; edit that line if you meant otherwise"
    said = []
    if _SPACES.sub("", title[:1] + title[-1:]) != title[:1] + title[-1:]:
        said.append("the spaces before and after the headline are left out")
    spaced = title.strip(" \t\n\r\f\v")
    kinds = [
        word
        for word, found in (
            ("tab", "\t" in spaced),
            ("line break", "\n" in spaced or "\r" in spaced),
            ("run of spaces", "  " in spaced),
        )
        if found
    ]
    if _SPACES.sub(" ", spaced) != spaced:
        kinds = kinds or ["space of another kind"]
        made = "is written as one space" if len(kinds) == 1 else "are written as single spaces"
        said.append(f"the headline's {' and '.join(kinds)} {made} (a headline is one line)")
    if written != inside:
        gone = "".join((Counter(inside) - Counter(written)).elements())
        what, are = ("characters", "are") if len(set(gone)) > 1 else ("character", "is")
        said.append(
            f"the headline's invisible {what}, {invisible_named(gone)}, {are} left out (shown "
            "as nothing, splitting a word for search)"
        )
    return [f"{'; '.join(said)}: {line}"]


def unread_name(title: str, slug: str) -> str | None:
    """What to say when the file's name, made from `title` (no `--slug`), is the computer's
    Latin spelling of a headline in Arabic, Devanagari, Chinese... script, which check
    warns of; None otherwise."""
    script = slugs.poorly_spelt_script(title) if not slug else None
    if script is None:
        return None
    made = slugs.make(" ".join(title.split()))
    return (
        f"the story's address would be '{made}', the computer's spelling of the {script} "
        "headline in Latin letters, which readers will not recognise (`newsdigest check` "
        "warns of it); fix: give the story an address in a few English or romanised words "
        "of your own: add the line 'slug: your-words' under the title in that file (or "
        "delete the file and run newsdigest new again with --slug your-words), your-words "
        "being the words you choose, in lower case with hyphens"
    )
