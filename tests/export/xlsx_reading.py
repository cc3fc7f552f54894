"""Read back the sheets of an .xlsx file with the standard library (openpyxl is not a dependency):
each sheet as rows of {header: cell text}."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _column(reference: str) -> int:
    letters = re.match(r"[A-Z]+", reference)
    assert letters is not None, reference
    number = 0
    for letter in letters.group():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def _text(node: ElementTree.Element) -> str:
    return "".join(t.text or "" for t in node.iter(f"{{{_NS['m']}}}t"))


def read_sheets(path: Path) -> dict[str, list[dict[str, str]]]:
    """{sheet name: its rows after the header, each {column name: text}} (a missing cell is "")."""
    with zipfile.ZipFile(path) as book:
        names = book.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            root = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
            shared = [_text(item) for item in root.findall("m:si", _NS)]
        rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels}
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
        sheets: dict[str, list[dict[str, str]]] = {}
        for sheet in workbook.findall("m:sheets/m:sheet", _NS):
            xml = ElementTree.fromstring(book.read(f"xl/{targets[sheet.get(_REL)]}"))
            rows: list[list[str]] = []
            for row in xml.findall("m:sheetData/m:row", _NS):
                cells: dict[int, str] = {}
                for cell in row.findall("m:c", _NS):
                    kind, value = cell.get("t"), cell.find("m:v", _NS)
                    if kind == "s" and value is not None:
                        text = shared[int(value.text or 0)]
                    elif kind == "inlineStr":
                        text = _text(cell)
                    else:
                        text = value.text or "" if value is not None else ""
                    cells[_column(cell.get("r", "A"))] = text
                rows.append([cells.get(i, "") for i in range(max(cells, default=-1) + 1)])
            header, *body = rows
            padded = ([*values, *[""] * (len(header) - len(values))] for values in body)
            sheets[str(sheet.get("name"))] = [dict(zip(header, values, strict=True)) for values in padded]
    return sheets
