"""SVG pictures checked before they are published as they are, on the site's own address.

An SVG file is a document a browser runs: opened at its /media/ address it may run a
<script>, an `on...=` handler, a `javascript:` link or an HTML page inside a
<foreignObject>, with the site's own rights. `svg_problem` reads the file with lxml
(no network, no external DTD or entities, libxml2's size limits on) and refuses each of
these, and a file that is not well-formed SVG; entity declarations are refused when they
hold markup (a script could hide in one and be expanded by the browser).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

SVG_FIX = (
    "export the picture again without scripts or interactive parts (in Inkscape: "
    "File > Save As > Plain SVG; in Illustrator: SVG options, CSS Properties: Presentation "
    "Attributes, no JavaScript), or save it as PNG"
)
_XHTML = "{http://www.w3.org/1999/xhtml}"
_ACTIVE = {
    "script": "a script (<script>)",
    "foreignobject": "a <foreignObject> (web page content, which can hold scripts)",
    "handler": "a script (<handler>)",
    "iframe": "an <iframe>",
    "embed": "an <embed>",
    "object": "an <object>",
}
_SCRIPT_URL = re.compile(r"(^|[;\s,])\s*((java|vb)script\s*:|data\s*:\s*text/html)", re.I)


def svg_problem(path: Path) -> str:
    """Why the SVG file at `path` cannot be published ('is an SVG picture that...', a
    sentence for an editor), or '' when it is a plain picture."""
    return _read(path)[0]


# (path, size, mtime, ctime) -> (svg_problem, outside_address): a file is parsed once for
# both, however many stories name it (a body's picture is checked, then its addresses)
_readings: dict[tuple[str, int, int, int], tuple[str, str]] = {}


def _read(path: Path) -> tuple[str, str]:
    try:
        stat = path.stat()
    except OSError:
        return _reading(path)
    key = (str(path), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    if key not in _readings:
        _readings[key] = _reading(path)
    return _readings[key]


def _reading(path: Path) -> tuple[str, str]:
    """(svg_problem, outside_address) of the file at `path`, parsed once."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        tree = etree.parse(str(path), parser)
    except (etree.XMLSyntaxError, OSError) as exc:
        return f"is an SVG picture that cannot be read: its text is damaged ({exc})", ""
    return _problem(tree), _outside(tree.getroot())


def _problem(tree: Any) -> str:
    from lxml import etree

    root = tree.getroot()
    if not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        return "is an SVG picture that cannot be read: it does not start with <svg>"
    dtd = tree.docinfo.internalDTD
    for entity in dtd.iterentities() if dtd is not None else ():
        if re.search(r"[<&]", entity.content or "") or _SCRIPT_URL.search(entity.content or ""):
            return _active(f"markup in an <!ENTITY {entity.name}> declaration")
    if tree.xpath("/processing-instruction('xml-stylesheet')"):
        return _active("an <?xml-stylesheet?> instruction (a stylesheet that can add scripts)")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname.lower()
        if name in _ACTIVE or element.tag.startswith(_XHTML):
            return _active(_ACTIVE.get(name, f"HTML (<{name}>)"))
        for key, value in element.attrib.items():
            attribute = etree.QName(key).localname.lower()
            if attribute.startswith("on") or (
                attribute == "attributename" and value.strip().lower().startswith("on")
            ):
                return _active(f"a script (an {attribute}= handler on <{name}>)")
            if _SCRIPT_URL.search(value):
                return _active(f"a script (a {value.split(':')[0].strip()}: address)")
    return ""


def _active(what: str) -> str:
    return (
        f"is an SVG picture that contains {what}, which a browser would run on the site's "
        "own address"
    )


# An address on another server in CSS: url(https://...), url("//..."), @import "https://..."
_CSS_OUTSIDE = re.compile(
    r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.IGNORECASE
)
_OUTSIDE = re.compile(r"^\s*((?:https?:)?//\S+)", re.IGNORECASE)


def outside_address(path: Path) -> str:
    """The first address on another server that the SVG file at `path` loads when opened
    on its own (a stylesheet's `@import` or `url(...)`, an `<image>`, `<use>` or `<feImage>`
    `href`): a reader's browser would fetch it from the site's own page, as a tracking
    pixel does. '' for none, and for a link out (`<a href>`, which loads nothing) or a
    file that cannot be read (`svg_problem` says that)."""
    return _read(path)[1]


def _outside(root: Any) -> str:
    from lxml import etree

    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname.lower()
        css = " ".join(v for k, v in element.attrib.items() if etree.QName(k).localname == "style")
        found = _CSS_OUTSIDE.search(((element.text or "") if name == "style" else "") + " " + css)
        if found:
            return str(found.group(1))
        for key, value in element.attrib.items() if name != "a" else ():
            if etree.QName(key).localname.lower() in ("href", "src") and _OUTSIDE.match(value):
                return str(value).strip()
    return ""


def outside_warning(path: Path, what: str) -> tuple[str, str] | None:
    """(message, fix) of the warning for `what` (`image.src: content/x.svg`, the picture
    as the editor named it), an SVG file that loads `outside_address`; None without one."""
    address = outside_address(path)
    if not address:
        return None
    return (
        f"{what} is an SVG picture that loads {address} from another server: opened on "
        "its own (a link to it, 'open image in new tab'), it makes the reader's browser "
        "call that server, as a tracking pixel does",
        "export the picture as plain SVG with its pictures and fonts embedded (in Inkscape: "
        "File > Save As > Plain SVG, images embedded), or save it as PNG",
    )
