//! A list as an Office Open XML workbook (.xlsx) that Excel, LibreOffice
//! and software read with its types: identity numbers (NIK, KK, RT, RW)
//! as text cells, dates as dates, counts as numbers, a bold header row
//! frozen at the top.
//!
//! Written here, not with a crate: one sheet of plain cells needs six
//! small XML parts in a ZIP archive without compression, a few kilobytes
//! of code, where a general workbook writer would add its deflate and
//! formatting machinery to every download of the app.
//!
//! Invariants: every text is XML-escaped and stripped of characters XML
//! 1.0 cannot hold; a cell's type follows its `Cell` kind, never its
//! content (digits in an `Id` or `Text` stay text).

use super::csv::{Cell, Table};

/// The MIME type of a workbook.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Days from Excel's day 0 (1899-12-30) to 1970-01-01.
const EXCEL_EPOCH_OFFSET: i64 = 25_569;

/// The workbook of `table`, one sheet named `sheet` (at most 31
/// characters, without the characters Excel forbids in sheet names).
pub fn workbook(table: &Table, sheet: &str) -> Vec<u8> {
    let name: String = sheet
        .chars()
        .filter(|c| !matches!(c, '\\' | '/' | '?' | '*' | '[' | ']' | ':'))
        .take(31)
        .collect();
    let name = if name.trim().is_empty() {
        "Daftar".to_string()
    } else {
        name
    };
    let parts: [(&str, String); 6] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        (
            "xl/workbook.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
                escape(&name)
            ),
        ),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.to_string()),
        ("xl/styles.xml", STYLES.to_string()),
        ("xl/worksheets/sheet1.xml", sheet_xml(table)),
    ];
    zip(&parts)
}

/// Column letters of a 0-based index: A ... Z, AA ...
fn column(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn sheet_xml(table: &Table) -> String {
    let mut out = String::with_capacity(128 * (table.len() + 1));
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#);
    // The header row stays in view while scrolling.
    out.push_str(r#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#);
    // Widths from the longest value of each column (in characters).
    let widths: Vec<usize> = (0..table.header().len())
        .map(|c| {
            let longest = table
                .rows()
                .iter()
                .map(|r| r[c].shown().chars().count())
                .max()
                .unwrap_or(0);
            longest.max(table.header()[c].chars().count()).clamp(4, 60) + 2
        })
        .collect();
    out.push_str("<cols>");
    for (i, w) in widths.iter().enumerate() {
        out.push_str(&format!(
            r#"<col min="{n}" max="{n}" width="{w}" customWidth="1"/>"#,
            n = i + 1
        ));
    }
    out.push_str("</cols><sheetData>");
    let header: Vec<Cell> = table.header().iter().cloned().map(Cell::Text).collect();
    row(&mut out, 1, &header, true);
    for (i, r) in table.rows().iter().enumerate() {
        row(&mut out, i + 2, r, false);
    }
    out.push_str("</sheetData></worksheet>");
    out
}

fn row(out: &mut String, n: usize, cells: &[Cell], header: bool) {
    out.push_str(&format!(r#"<row r="{n}">"#));
    for (i, cell) in cells.iter().enumerate() {
        let at = format!("{}{n}", column(i));
        // Style 1: the bold header; 2: a date.
        let bold = if header { r#" s="1""# } else { "" };
        match cell {
            Cell::Text(t) | Cell::Id(t) => out.push_str(&format!(
                r#"<c r="{at}" t="inlineStr"{bold}><is><t xml:space="preserve">{}</t></is></c>"#,
                escape(t)
            )),
            Cell::Number(v) => out.push_str(&format!(r#"<c r="{at}"{bold}><v>{v}</v></c>"#)),
            Cell::Date(d) => out.push_str(&format!(
                r#"<c r="{at}" s="2"><v>{}</v></c>"#,
                d.days_since_epoch() + EXCEL_EPOCH_OFFSET
            )),
            Cell::Empty => {}
        }
    }
    out.push_str("</row>");
}

/// XML text: escaped as the flowchart's SVG text is, with the characters
/// XML 1.0 cannot hold left out.
fn escape(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        })
        .collect();
    super::flowchart::escape(&kept)
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Cell styles: 0 plain, 1 bold (the header), 2 a date as dd-mm-yyyy.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\-mm\-yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

/// CRC-32 (IEEE), as ZIP records it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A ZIP archive of `parts`, stored without compression (method 0),
/// dated 1980-01-01 so the same list gives the same bytes.
fn zip(parts: &[(&str, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: &mut Vec<u8>, n: u16| v.extend_from_slice(&n.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, n: u32| v.extend_from_slice(&n.to_le_bytes());
    for (name, body) in parts {
        let data = body.as_bytes();
        let crc = crc32(data);
        let offset = out.len() as u32;
        // Local file header.
        le32(&mut out, 0x0403_4b50);
        le16(&mut out, 20); // version needed
        le16(&mut out, 0x0800); // UTF-8 names
        le16(&mut out, 0); // stored
        le16(&mut out, 0); // time
        le16(&mut out, 0x21); // date: 1980-01-01
        le32(&mut out, crc);
        le32(&mut out, data.len() as u32);
        le32(&mut out, data.len() as u32);
        le16(&mut out, name.len() as u16);
        le16(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Its central directory entry.
        le32(&mut central, 0x0201_4b50);
        le16(&mut central, 20); // version made by
        le16(&mut central, 20);
        le16(&mut central, 0x0800);
        le16(&mut central, 0);
        le16(&mut central, 0);
        le16(&mut central, 0x21);
        le32(&mut central, crc);
        le32(&mut central, data.len() as u32);
        le32(&mut central, data.len() as u32);
        le16(&mut central, name.len() as u16);
        le16(&mut central, 0); // extra
        le16(&mut central, 0); // comment
        le16(&mut central, 0); // disk
        le16(&mut central, 0); // internal attributes
        le32(&mut central, 0); // external attributes
        le32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let start = out.len() as u32;
    let size = central.len() as u32;
    out.extend_from_slice(&central);
    le32(&mut out, 0x0605_4b50);
    le16(&mut out, 0);
    le16(&mut out, 0);
    le16(&mut out, parts.len() as u16);
    le16(&mut out, parts.len() as u16);
    le32(&mut out, size);
    le32(&mut out, start);
    le16(&mut out, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(column(0), "A");
        assert_eq!(column(25), "Z");
        assert_eq!(column(26), "AA");
        assert_eq!(column(27), "AB");
        assert_eq!(column(701), "ZZ");
        assert_eq!(column(702), "AAA");
    }

    #[test]
    fn crc32_is_ieees() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn xml_text_is_escaped_and_cleaned() {
        assert_eq!(
            escape("a<b>&\"c'\u{1}\u{7}d"),
            "a&lt;b&gt;&amp;&quot;c&#39;d"
        );
    }
}
