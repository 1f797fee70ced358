"""Files saved in an encoding other than UTF-8, named so an editor knows what to do.

Notepad and Word call UTF-16 "Unicode"; a file saved so is not UTF-8 (its first bytes are
a byte-order mark, FF FE or FE FF, and every other byte of Latin text is zero); a file
saved by an older editor is most often in Windows-1252 (Latin-1's letters and more).
"""

from __future__ import annotations

import io
import zipfile

from generator.diagnostics import Diagnostic, error

UTF16_FIX = (
    "open it and save it again as UTF-8: in Notepad, File > Save As, Encoding: UTF-8; "
    "in Word, Save As Plain Text, Unicode (UTF-8); in VS Code, click the encoding's name "
    "in the status bar, then Save with Encoding, UTF-8"
)


def utf16(raw: bytes) -> str | None:
    """The message for bytes saved as UTF-16 (with its byte-order mark, or Latin text
    whose every other byte is zero), or None; UTF-32 (byte-order mark FF FE 00 00 or
    00 00 FE FF) is named as UTF-32."""
    if raw[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return "the file is saved as UTF-32, and newsdigest reads UTF-8"
    if raw[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        head = raw[:200]
        halves = sorted((head[0::2], head[1::2]), key=lambda half: half.count(0))
        if len(head) < 8 or halves[1].count(0) < len(head) // 2 * 0.9:
            return None
        text = sum(1 for b in halves[0] if 32 <= b < 127 or b in (9, 10, 13))
        if text < len(halves[0]) * 0.9:  # NULs around no letters: binary data, not text
            return None
    return (
        'the file is saved as UTF-16 (what Notepad and Word call "Unicode"), and newsdigest '
        "reads UTF-8"
    )


# The first bytes of the files most often saved or renamed as `.md` by mistake.
_SIGNATURES = (
    (b"\x89PNG", "a PNG picture", ".png"),
    (b"\xff\xd8\xff", "a JPEG picture", ".jpg"),
    (b"GIF8", "a GIF picture", ".gif"),
    (b"%PDF", "a PDF document", ".pdf"),
    (b"PK\x03\x04", "a zip file (a Word or Excel document is one too)", ".zip"),
    (b"\x1f\x8b", "a gzip-compressed file", ".gz"),
    (b"\xd0\xcf\x11\xe0", "an older Word or Excel document", ".doc"),
    (b"{\\rtf", "a Rich Text (RTF) document", ".rtf"),
)
_CONTROL = bytes(sorted(frozenset(range(32)) - {9, 10, 12, 13}))  # deleted to count them


def binary(raw: bytes, source: str) -> Diagnostic | None:
    """The error for a file that holds no text (a picture, a PDF, a Word document, or bytes
    with NULs and other control codes no text has) saved or renamed as `.md`; None for a
    text file, whatever its encoding (not_utf8 names that)."""
    head = raw[:4096]
    kind = next(((what, ext) for start, what, ext in _SIGNATURES if head.startswith(start)), None)
    # Counted only beside a NUL, in C: a byte-by-byte look cost 0.1 ms per file read.
    if kind is None and (
        b"\x00" not in head or (len(head) - len(head.translate(None, _CONTROL))) * 10 < len(head)
    ):
        return None
    what, ext = kind or ("binary data (NUL bytes and other codes no text holds)", "")
    if ext == ".zip":
        what, ext = _zipped(raw) or (what, ".zip, or .docx, .xlsx or .pptx for an Office file")
    named = f"{what}, by its first bytes" if kind else what
    real = f" (its real name ends in {ext})" if ext else ""
    return error(
        source,
        1,
        f"this is not a text file: it holds {named}, saved or renamed with .md",
        f"a story is text saved as UTF-8: give the file its real extension{real} and move "
        "it next to the story that shows it, or delete it; then write the story in a .md file",
    )


# A zip's first member names what it is: an Office document, an OpenDocument, an EPUB.
_ZIPPED = (
    ("word/", "a Word document", ".docx"),
    ("xl/", "an Excel workbook", ".xlsx"),
    ("ppt/", "a PowerPoint presentation", ".pptx"),
)
_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": ("an OpenDocument text", ".odt"),
    "application/epub+zip": ("an EPUB book", ".epub"),
}


def _zipped(raw: bytes) -> tuple[str, str] | None:
    """(what, its extension) of a zip file by its members (`word/` for a .docx, a plain zip
    as .zip); None when the zip cannot be read (cut short)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = archive.namelist()
            mimetype = (
                archive.read("mimetype").decode("ascii", "replace").strip()
                if ("mimetype" in names)
                else ""
            )
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError):
        return None
    if mimetype in _MIMETYPES:
        return _MIMETYPES[mimetype]
    for start, what, ext in _ZIPPED:
        if any(name.startswith(start) for name in names):
            return what, ext
    return "a zip file", ".zip"


def _shown(text: str) -> str:
    """`text` with each character a terminal would act on (NUL, escape codes) as '?'."""
    return "".join(c if c.isprintable() else "?" for c in text)


def not_utf8(raw: bytes, at: int, source: str) -> Diagnostic:
    """The error for a file not saved as UTF-8, its first wrong byte at offset `at`: on its
    line, with the character the byte is in Windows-1252 (which covers Latin-1's letters),
    the encoding such a file was most likely saved in, and the words around it."""
    line = raw[:at].count(b"\n") + 1
    start, end = raw.rfind(b"\n", 0, at) + 1, raw.find(b"\n", at)
    before = raw[start:at].decode("utf-8", "replace")[-25:].lstrip()
    after = raw[at + 1 : end if end >= 0 else len(raw)].decode("cp1252", "replace")[:25]
    char = raw[at : at + 1].decode("cp1252", "replace")
    seen = (
        f": byte 0x{raw[at]:02x} is '{char}' in the older Windows (Latin-1) encoding, "
        f"in '{_shown(before)}{char}{_shown(after.rstrip())}'"
        if char != "\ufffd" and char.isprintable()
        else f" (byte 0x{raw[at]:02x})"
    )
    return error(
        source,
        line,
        f"the file is not saved as UTF-8, the encoding newsdigest reads{seen}",
        f"{UTF16_FIX}; then check that its accented letters and quotation marks read right",
    )
