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
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        tree = etree.parse(str(path), parser)
    except (etree.XMLSyntaxError, OSError) as exc:
        return f"is an SVG picture that cannot be read: its text is damaged ({exc})"
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
