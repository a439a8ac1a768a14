"""Word (.docx): paragraphs and table cells in document order, read with python-docx.

The extracted text has one paragraph per block, blocks separated by a blank line (so a
heading without a full stop never runs into the next sentence); a paragraph's own line
breaks are kept. Table cells are read row by row, cell by cell (a merged cell once), nested
tables inside them in place. Headers, footers, comments and footnotes are not read.

Locations: line:col refer to this extracted text, and every line carries a label
(Document.line_labels) that formatters show: "paragraph 7", or for a table cell
"paragraph 7 (table 2, row 3, cell 1)", nested tables joined by " > ". Paragraphs are counted
in document order over the body and the table cells, empty ones included, as Word shows them.

Guards before python-docx opens anything: the bytes must be a zip archive holding
word/document.xml, and the declared uncompressed size of all members is capped
(data/document_limits.yaml) against zip bombs. The file is read from memory: no temporary
files. Not editable in place.
"""
from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from ..models import Document
from ..resources import data_yaml
from . import plain


def check_archive(raw: bytes, name: str) -> None:
    """Refuse what is not a .docx, or would unpack to more than the cap."""
    if not raw.startswith(b"PK"):
        raise InputError(f"{name}: not a Word .docx file (it is not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"{name}: not a Word .docx file (broken zip archive: {exc})") from None
    if not any(m.filename == "word/document.xml" for m in members):
        raise InputError(f"{name}: not a Word .docx file (the zip archive has no word/document.xml)")
    cap = int(data_yaml("document_limits.yaml")["docx_max_uncompressed_bytes"])
    total = sum(m.file_size for m in members)
    if total > cap:
        raise InputError(f"{name}: refused: the .docx would unpack to {total / 1048576:.0f} MB "
                         f"(the limit is {cap / 1048576:.0f} MB; a zip bomb or a damaged file?)")


def _blocks(container, table_path: str, counter: list[int]):
    """(text, label) of every paragraph of a body or cell, tables descended into."""
    from docx.table import Table

    tables = 0
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            tables += 1
            where = f"table {tables}" if not table_path else f"{table_path} > table {tables}"
            for r, row in enumerate(item.rows, start=1):
                seen = set()
                for c, cell in enumerate(row.cells, start=1):
                    if id(cell._tc) in seen:   # a merged cell is listed once per grid column
                        continue
                    seen.add(id(cell._tc))
                    yield from _blocks(cell, f"{where}, row {r}, cell {c}", counter)
        else:
            counter[0] += 1
            label = f"paragraph {counter[0]}" + (f" ({table_path})" if table_path else "")
            yield item.text, label


def extract(raw: bytes, name: str) -> Document:
    check_archive(raw, name)
    try:
        import docx

        document = docx.Document(io.BytesIO(raw))
        blocks = [(text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n"), label)
                  for text, label in _blocks(document, "", [0])]
    except InputError:
        raise
    except Exception as exc:  # python-docx / lxml on a damaged part
        raise InputError(f"{name}: cannot read the Word file ({type(exc).__name__}: {exc})") from None
    parts: list[str] = []
    labels: list[str] = []
    for text, label in blocks:
        if not text.strip():
            continue
        parts.append(text)
        lines = text.count("\n") + 1
        labels.extend([label] * lines + [label])   # its lines, then the blank line after it
    text = "\n\n".join(parts)
    del labels[text.count("\n") + 1:]                  # no blank line after the last paragraph
    return Document(path=name, text=text, prose=plain.extract(text), kind="docx", editable=False,
                    meta={"positions": "extracted text: one paragraph per block, blank line between"},
                    line_labels=tuple(labels))
