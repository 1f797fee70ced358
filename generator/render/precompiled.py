"""The packaged theme's templates shipped compiled, as Python modules of the package.

Jinja2 turns a template into Python source, then Python compiles that into code: about a
tenth of a CPU-second for the templates a rebuild uses, every build. The packaged theme
(generator/theme/) is the same for every site that does not override it, so its English
compilation ships in the package, in `generator/compiled_theme/` (one module a template,
the source Jinja2 generates; Python keeps their bytecode in `__pycache__` as for any
module, and `pip install` compiles it). It is code of the package, never a file of the
build cache: a restored cache folder cannot bring code in.

A shipped module is used for a template only when all of these are as it was made with
(`generator/compiled_theme/__init__.py` records them), else the template is compiled from
its text as before, with the same result:

- the template's text (its SHA-1, Jinja2's own checksum), whichever folder it comes
  from: an override with the theme's text is the theme's template; an edited one is not;
- the words: only the templates' own English (a page in a language with a catalog is
  compiled with its words, render/words.py);
- the environment: Jinja2's version, its syntax and whitespace options, the extensions
  and every filter and test with how it is called (what the generated code depends on).

`python -m generator.render.precompiled` writes the modules again after the theme or the
environment changed; tests/test_precompiled.py checks that they are what it would write.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2.utils import _PassArg

PACKAGE = "generator.compiled_theme"
FOLDER = Path(__file__).resolve().parent.parent / "compiled_theme"
ADDED = "theme_plural_"  # render.compiled.ADDED_FILTERS: made while compiling, not given


def _kinds(table: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, what it is passed) of each filter or test: codegen calls them so."""
    return [
        (name, str(_PassArg.from_obj(value)))
        for name, value in sorted(table.items())
        if not name.startswith(ADDED)
    ]


def signature(env: jinja2.Environment) -> str:
    """A digest of what Jinja2's generated code for a template depends on beside its text
    and name: Jinja2's version, the environment's syntax, whitespace and escaping options,
    its extensions, and each filter's and test's name and calling convention."""
    options = (
        jinja2.__version__,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.autoescape if isinstance(env.autoescape, bool) else "callable",
        env.optimized,
        env.is_async,
        env.finalize is None,
        env.policies.get("ext.i18n.trimmed"),
        sorted(
            type(ext).__module__ + "." + type(ext).__qualname__ for ext in env.extensions.values()
        ),
        _kinds(env.filters),
        _kinds(env.tests),
    )
    return hashlib.sha256(repr(options).encode("utf-8")).hexdigest()


# env -> (its filters and tests when signed, its signature): signing takes about 1 ms,
# and a build asks for each template it loads
_SIGNED: weakref.WeakKeyDictionary[jinja2.Environment, tuple[object, str]] = (
    weakref.WeakKeyDictionary()
)


def _signed(env: jinja2.Environment) -> str:
    """`signature(env)`, made again only when a filter or test was set since."""
    now = (tuple(env.filters.items()), tuple(env.tests.items()))
    found = _SIGNED.get(env)
    if found is None or found[0] != now:
        found = _SIGNED[env] = (now, signature(env))
    return found[1]


def module_name(name: str) -> str:
    """The module holding template `name`: 'partials/card.html' -> 't_partials_card_html'."""
    return "t_" + "".join(c if c.isalnum() else "_" for c in name)


def _named(code: CodeType, filename: str) -> CodeType:
    """`code` and the functions in it as compiled from `filename` (Jinja2 names a template's
    frames by its file: tracebacks and render.failures then point at the template)."""
    consts = tuple(_named(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def shipped_code(
    env: jinja2.Environment, name: str, filename: str, checksum: str
) -> CodeType | None:
    """The shipped code of template `name` whose text has SHA-1 `checksum`, as compiled
    from `filename`, for `env` with the templates' own English words; None when there is
    none that fits (the template is then compiled from its text)."""
    try:
        from generator.compiled_theme import SIGNATURE, TEMPLATES
    except ImportError:  # a tree without the modules: everything compiles as before
        return None
    if TEMPLATES.get(name) != checksum or _signed(env) != SIGNATURE:
        return None
    spec = importlib.util.find_spec(f"{PACKAGE}.{module_name(name)}")
    loader = getattr(spec, "loader", None)
    if spec is None or not isinstance(loader, importlib.machinery.SourceFileLoader):
        return None
    code = loader.get_code(spec.name)
    return None if code is None else _named(code, filename)


def page_environment() -> jinja2.Environment:
    """The English environment the theme's pages render in (render.pages.Renderer's, made
    by render.page_render.PageRenderer, with every filter and global), with no override
    folder."""
    from generator.config import Settings
    from generator.index.site import build_index
    from generator.render.pages import Renderer
    from generator.render.urls import Urls

    settings = Settings()
    nowhere = Path(os.devnull) / "templates"
    return Renderer(settings, Urls(settings.base_url), nowhere, build_index([], settings.tz)).env


def _sources(env: jinja2.Environment) -> Iterator[tuple[str, str, str]]:
    """(name, text, file) of every page template of the packaged theme."""
    from generator.render.pages import is_page_template

    for name in env.list_templates(filter_func=is_page_template):
        source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        yield name, source, str(filename)


def shipped_templates(env: jinja2.Environment) -> dict[str, str]:
    """Each page template of the theme -> the SHA-1 of its text (Jinja2's checksum)."""
    return {
        name: hashlib.sha1(source.encode("utf-8")).hexdigest()  # noqa: S324
        for name, source, _ in _sources(env)
    }


def generated() -> dict[str, str]:
    """Every module of generator/compiled_theme/ as it should be: file name -> text."""
    env = page_environment()
    files = {}
    for name, source, filename in _sources(env):
        code = env.compile(source, name, filename, raw=True)
        if module_name(name) + ".py" in files:  # 'a-b.html' beside 'a_b.html'
            raise ValueError(f"two templates would share the module of {name!r}: rename one")
        # Nothing before the code: its line numbers map to the template's (debug_info).
        files[module_name(name) + ".py"] = (
            code.rstrip("\n") + f"\n\n# Generated from generator/theme/{name} by "
            "`python -m generator.render.precompiled`: do not edit.\n"
        )
    entries = "".join(
        f"    {name!r}: {sha!r},\n" for name, sha in sorted(shipped_templates(env).items())
    )
    files["__init__.py"] = (
        '"""The packaged theme compiled by Jinja2 (render/precompiled.py); generated by\n'
        '`python -m generator.render.precompiled`: do not edit."""\n\n'
        f"JINJA = {jinja2.__version__!r}  # the version that compiled it\n"
        f"SIGNATURE = {signature(env)!r}\n"
        "# template -> SHA-1 of the text it was compiled from\n"
        f"TEMPLATES: dict[str, str] = {{\n{entries}}}\n"
    )
    return files


def write(folder: Path = FOLDER) -> list[str]:
    """Write the generated modules into `folder`, removing any other module there; the
    names of the files that changed."""
    wanted = generated()
    folder.mkdir(exist_ok=True)
    changed = []
    for path in folder.glob("*.py"):
        if path.name not in wanted:
            path.unlink()
            changed.append(path.name)
    for name, text in sorted(wanted.items()):
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


if __name__ == "__main__":
    for name in write():
        print(f"wrote {FOLDER.name}/{name}")
    sys.exit(0)
