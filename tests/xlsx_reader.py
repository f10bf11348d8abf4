"""An independent reader of Pandu's .xlsx lists for the native tests:
Python's own zipfile and ElementTree, printing each cell's type and value
as JSON (text, number, or date as Excel's day number)."""
import json
import sys
import xml.etree.ElementTree as ET
import zipfile

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
book = zipfile.ZipFile(sys.argv[1])
assert book.testzip() is None, "every part's CRC matches"
for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]:
    ET.fromstring(book.read(part))
sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
styles = ET.fromstring(book.read("xl/styles.xml"))
formats = {n.get("numFmtId"): n.get("formatCode") for n in styles.iter(M + "numFmt")}
xfs = [x.get("numFmtId") for x in styles.find(M + "cellXfs")]
bold = [f.find(M + "b") is not None for f in styles.find(M + "fonts")]
fonts = [int(x.get("fontId")) for x in styles.find(M + "cellXfs")]
pane = sheet.find(f".//{M}pane")
name = ET.fromstring(book.read("xl/workbook.xml")).find(f".//{M}sheet").get("name")
rows = []
for r in sheet.find(M + "sheetData"):
    row = []
    for c in r:
        s = int(c.get("s", "0"))
        if c.get("t") == "inlineStr":
            cell = ["text", "".join(t.text or "" for t in c.iter(M + "t"))]
        elif "yy" in formats.get(xfs[s], ""):
            cell = ["date", int(float(c.find(M + "v").text))]
        else:
            cell = ["number", float(c.find(M + "v").text)]
        row.append(cell + [bold[fonts[s]]])
    rows.append(row)
print(json.dumps({"sheet": name, "frozen": pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1", "rows": rows}))
