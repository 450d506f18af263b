//! A finding's place in the document a person holds: page and box of a PDF, sheet and cell of a
//! workbook, as JSON fields and as words.

use serde::Serialize;
use yusuan_model::origin::{column_letters, At, Location, Place};

/// The JSON of a location. Every field but `text` is present only when it applies.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JsonLocation {
    /// 1-based PDF page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// `[x0, y0, x1, y1]` in points from the page's top-left corner.
    #[serde(rename = "box", skip_serializing_if = "Option::is_none")]
    pub page_box: Option<[f64; 4]>,
    /// Workbook sheet name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// 1-based sheet row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// The cell, as a spreadsheet names it (`C12`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// The location in words, in the language of the report (`第 3 页 (x 120.5, y 340.2)`).
    pub text: String,
}

impl JsonLocation {
    pub fn new(location: &Location, lang: &str) -> JsonLocation {
        let mut j = JsonLocation {
            page: None,
            page_box: None,
            sheet: None,
            row: None,
            cell: None,
            text: location.describe(lang != "en"),
        };
        match &location.place {
            Place::Page(p) => j.page = Some(*p),
            Place::Sheet { sheet, row } => {
                j.sheet = Some(sheet.clone());
                j.row = Some(*row);
            }
        }
        match (location.at, &location.place) {
            (Some(At::Box(b)), _) => {
                let pt = |v: i32| f64::from(v) / 100.0;
                j.page_box = Some([pt(b.x0), pt(b.y0), pt(b.x1), pt(b.y1)]);
            }
            (Some(At::Cell { column }), Place::Sheet { row, .. }) => {
                j.cell = Some(format!("{}{row}", column_letters(column)));
            }
            _ => {}
        }
        j
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_model::origin::PageBox;

    #[test]
    fn pages_and_cells_become_fields() {
        let page =
            Location { place: Place::Page(3), at: Some(At::Box(PageBox { x0: 12050, y0: 100, x1: 13000, y1: 900 })) };
        let j = serde_json::to_value(JsonLocation::new(&page, "zh")).unwrap();
        assert_eq!(
            j,
            serde_json::json!({"page": 3, "box": [120.5, 1.0, 130.0, 9.0], "text": "第 3 页 (x 120.5, y 1.0)"})
        );
        let cell = Location { place: Place::Sheet { sheet: "表3".into(), row: 12 }, at: Some(At::Cell { column: 3 }) };
        let j = serde_json::to_value(JsonLocation::new(&cell, "en")).unwrap();
        assert_eq!(j, serde_json::json!({"sheet": "表3", "row": 12, "cell": "C12", "text": "sheet 表3, cell C12"}));
    }
}
