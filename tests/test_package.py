"""The package as PyPI would ship it: `python -m build` and `twine check` pass, and the wheel,
installed into a fresh virtual environment, starts and builds a newsroom with no file of
this source tree: the theme travels inside it, and a site overrides it file by file."""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path

import pytest
from conftest import REPO, SAMPLE, sample_pictures, site_files, tiny_png
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from PIL import Image

from generator import __version__

pytest.importorskip("build", reason="build is missing: pip install -e '.[dev]'")
pytest.importorskip("twine", reason="twine is missing: pip install -e '.[dev]'")

SKIP = shutil.ignore_patterns(
    ".git",
    ".venv",
    "venv",
    "node_modules",
    "site",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".newsdigest-cache",
    ".pytest_cache",
    ".hypothesis",
    ".mypy_cache",
    ".ruff_cache",
)


def run(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env
    )
    assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the built wheel installed; its bin/ folder."""
    work = tmp_path_factory.mktemp("package")
    source = work / "source"
    shutil.copytree(REPO, source, ignore=SKIP)  # the repository stays as it is
    dist = work / "dist"
    run(
        sys.executable, "-m", "build", *isolation(), "--outdir", dist, source, cwd=work, timeout=900
    )
    wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    assert [w.name for w in wheels] == [f"newsdigest-{__version__}-py3-none-any.whl"]
    assert [s.name for s in sdists] == [f"newsdigest-{__version__}.tar.gz"]
    checked = run(sys.executable, "-m", "twine", "check", "--strict", *wheels, *sdists, cwd=work)
    assert checked.stdout.count("PASSED") == 2
    venv = work / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)  # this pip installs
    pip = (sys.executable, "-m", "pip", "--python", venv / "bin" / "python")
    # --no-compile: Python compiles what newsdigest imports when it runs, as without pip's
    # byte-compiling of every module of every dependency up front (seconds of CPU).
    needed = dependencies(wheels[0])
    if needed is None:  # pip fetches them
        run(*pip, "install", "-q", "--no-compile", wheels[0], cwd=work, timeout=900)
    else:  # pip finds them installed, and must: there is no index to fetch one from
        site = venv / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "site-packages"
        for found in needed:
            copy_installed(found, site)
        run(*pip, "install", "-q", "--no-compile", "--no-index", wheels[0], cwd=work)
    shutil.rmtree(source)  # nothing of the source tree is left to lean on
    return venv / "bin"


def dependencies(wheel: Path) -> list[Distribution] | None:
    """The distributions installed here that the wheel's Requires-Dist names, and theirs
    in turn (no extras): what pip would install with it. None when one is missing or
    does not list its files (then pip fetches them from the index)."""
    with zipfile.ZipFile(wheel) as archive:
        info = f"newsdigest-{__version__}.dist-info/METADATA"
        wanted = email.message_from_bytes(archive.read(info)).get_all("Requires-Dist") or []
    found: dict[str, Distribution] = {}
    while wanted:
        requirement = Requirement(wanted.pop())
        name = canonicalize_name(requirement.name)
        marker = requirement.marker
        if name in found or (marker is not None and not marker.evaluate({"extra": ""})):
            continue
        try:
            installed = distribution(name)
        except PackageNotFoundError:
            return None
        if installed.files is None:
            return None
        found[name] = installed
        wanted += installed.requires or []
    return list(found.values())


def copy_installed(installed: Distribution, site: Path) -> None:
    """The files `installed` put in this environment's site-packages (its RECORD: modules,
    data, its .dist-info), copied into `site`, as pip would have unpacked its wheel."""
    root = Path(str(installed.locate_file(""))).resolve()
    for listed in installed.files or []:
        source = Path(str(installed.locate_file(listed))).resolve()
        if root not in source.parents or not source.is_file():
            continue  # a script in bin/, or a file removed since
        target = site / source.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)  # its time too: the bytecode pip compiled stays valid


def isolation() -> list[str]:
    """`--no-isolation` when this environment already holds the build requirements of
    pyproject.toml (the `dev` extra pins them): the same backend builds the same files,
    without two throwaway environments; otherwise `build` makes its isolated ones. With
    `--skip-dependency-check` too: the requirements are checked here, and `build` would
    ask the backend for them again in a process of its own for the sdist and the wheel
    (a setuptools start each, about a CPU-second in all)."""
    from importlib.metadata import PackageNotFoundError, version

    from packaging.requirements import Requirement

    settings = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    for line in settings["build-system"]["requires"]:
        wanted = Requirement(line)
        try:
            if not wanted.specifier.contains(version(wanted.name), prereleases=True):
                return []
        except PackageNotFoundError:
            return []
    return ["--no-isolation", "--skip-dependency-check"]


def environment(bin_dir: Path) -> dict[str, str]:
    """The environment of a user of the fresh venv: its bin/ first on PATH, no PYTHONPATH;
    Python writes the bytecode of what it imports (pip installed with --no-compile), so
    that not every command compiles newsdigest and its libraries again even where this
    suite runs with PYTHONDONTWRITEBYTECODE=1 (0.2-0.3 CPU-seconds a command)."""
    drop = ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return env


def test_the_wheel_starts_checks_and_builds_a_newsroom_in_a_fresh_venv(
    installed: Path, tmp_path: Path
) -> None:
    env = environment(installed)
    tool = str(installed / "newsdigest")
    where = run(
        installed / "python",
        "-c",
        "import generator; print(generator.__file__)",
        cwd=tmp_path,
        env=env,
    ).stdout
    assert where.startswith(str(installed.parent))
    assert run(tool, "--version", cwd=tmp_path, env=env).stdout == f"newsdigest {__version__}\n"

    run(tool, "init", "gazette", cwd=tmp_path, env=env)
    site = tmp_path / "gazette"
    assert run(tool, "check", cwd=site, env=env).stdout == "checked 1 article: no errors\n"
    built = run(tool, "build", cwd=site, env=env)
    assert "search is off: pip install 'newsdigest[search]'\n" in built.stderr
    plain = site_files(site / "site")
    assert "static/style.css" in plain and "static/favicon.svg" in plain
    new = run(tool, "new", "Ferry timetable changes", cwd=site, env=env)
    (site / new.stdout.strip()).unlink()  # new works; the story is not part of what follows

    run(tool, "theme", "copy", "base.html", cwd=site, env=env)
    run(tool, "theme", "copy", "static/style.css", cwd=site, env=env)
    base = site / "templates" / "base.html"
    base.write_text(
        base.read_text(encoding="utf-8").replace(
            "</body>", "<p>Printed in the harbour</p>\n</body>"
        ),
        encoding="utf-8",
    )
    (site / "templates" / "static" / "style.css").write_text(
        "body { color: navy; }\n", encoding="utf-8"
    )
    run(tool, "build", cwd=site, env=env)
    own = site_files(site / "site")
    changed = sorted(p for p in own if own[p] != plain.get(p))
    assert sorted(own) == sorted(plain)
    assert changed == sorted([*(p for p in own if p.endswith(".html")), "static/style.css"])
    assert own["static/style.css"] == b"body { color: navy; }\n"
    assert all(b"Printed in the harbour" in own[p] for p in own if p.endswith(".html"))


SHIPPED = """
import jinja2
import generator.compiled_theme as shipped
from generator.render import precompiled
env = precompiled.page_environment()
found = [n for n, sha in shipped.TEMPLATES.items() if precompiled.shipped_code(env, n, n, sha)]
print(jinja2.__version__ == shipped.JINJA, len(found), len(shipped.TEMPLATES))
"""


def test_the_wheel_ships_the_theme_compiled(installed: Path, tmp_path: Path) -> None:
    """The theme's templates travel compiled (render/precompiled.py): with the Jinja2 that
    compiled them, the installed package's English pages use every one of them."""
    env = environment(installed)
    same, found, templates = run(
        installed / "python", "-c", SHIPPED, cwd=tmp_path, env=env
    ).stdout.split()
    assert int(templates) >= 16
    assert int(found) == (int(templates) if same == "True" else 0)


def test_the_installed_wheel_builds_the_sample_newsroom(
    installed: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The sample's pictures start its cache as the shared sample build encoded them (the
    Urdu story below has the installed package encode a picture of its own)."""
    sample = shutil.copytree(SAMPLE, tmp_path / "sample")
    shutil.copytree(sample_pictures(tmp_path_factory), sample / ".newsdigest-cache" / "images")
    env = environment(installed)
    run(installed / "newsdigest", "build", cwd=sample, env=env)
    built = site_files(sample / "site")
    assert "2025/06/25/altaf-hussain-calls-on-modi-to-advocate-for-mohajirs/index.html" in built
    assert "static/style.css" in built and "feed.xml" in built


def test_the_installed_wheel_says_the_themes_words_in_urdu(installed: Path, tmp_path: Path) -> None:
    """The gettext catalogs travel in the wheel: an Urdu story's page built by the installed
    package says "اپ ڈیٹ" for "Updated", and `theme copy` gives a catalog to start from.
    Its photo is encoded by the installed package, in each width and as WebP."""
    env = environment(installed)
    tool = installed / "newsdigest"
    run(tool, "init", "gazette", cwd=tmp_path, env=env)
    site = tmp_path / "gazette"
    (site / "content" / "rain.png").write_bytes(tiny_png((900, 600)))
    (site / "content" / "karachi.md").write_text(
        "---\ntitle: کراچی میں بارش\nslug: karachi\ndate: 2025-06-25T10:00:00+05:00\n"
        "updated: 2025-06-25T12:00:00+05:00\nlanguage: ur\ncountry: Pakistan\n"
        "image:\n  src: rain.png\n  alt: بارش\n"
        "credits:\n  author: Desk\n---\nکراچی میں بارش ہوئی۔\n",
        encoding="utf-8",
    )
    run(tool, "build", cwd=site, env=env)
    page = (site / "site" / "2025" / "06" / "25" / "karachi" / "index.html").read_text("utf-8")
    assert "· اپ ڈیٹ <time" in page and ">مواد پر جائیں</a>" in page
    made = site / "site" / "media-sizes" / "rain.png"
    encoded = sorted(p.name for p in made.iterdir())
    assert encoded == ["480w.png", "480w.webp", "800w.png", "800w.webp", "900w.webp"]
    assert all(f"/media-sizes/rain.png/{name} " in page for name in encoded)  # in a srcset
    assert "/media/rain.png " in page  # the widest, at the picture's own address
    assert Image.open(made / "480w.webp").size == (480, 320)
    run(tool, "theme", "copy", "locale/messages.pot", cwd=site, env=env)
    assert 'msgid "Updated"' in (site / "templates" / "locale" / "messages.pot").read_text("utf-8")
