//! The printed form shared by the HTML and PDF renderers: the document's title, each table's
//! grid ([`table::table_sheet`]: label columns, the official merged header, every value in its
//! column) and the printed form of figures ([`text`]). Writers only write these out.

pub mod header;
pub(crate) mod layout;
pub(crate) mod place;
pub mod prose;
pub mod table;
pub mod text;

use yusuan_model::table::DocumentKind;
use yusuan_model::Disclosure;

/// The words the cover and the part headings are made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Titles<'a> {
    pub department: Option<&'a str>,
    /// `2024年`, or empty when the model has no year.
    pub year: String,
    /// 预算 or 决算.
    pub kind: &'static str,
    /// `2024年昌吉州…部门预算公开`.
    pub title: String,
}

impl Titles<'_> {
    /// `第一部分 2024年…部门概况`.
    pub fn overview(&self) -> String {
        format!("第一部分 {}{}部门概况", self.year, self.department.unwrap_or(""))
    }

    /// `第二部分 2024年部门预算公开表`.
    pub fn tables(&self) -> String {
        format!("第二部分 {}部门{}公开表", self.year, self.kind)
    }

    /// `第三部分 2024年部门预算情况说明`.
    pub fn narrative(&self) -> String {
        format!("第三部分 {}部门{}情况说明", self.year, self.kind)
    }

    pub fn glossary(&self) -> &'static str {
        "第四部分 名词解释"
    }

    /// The four parts, as the contents (目录) lists them.
    pub fn parts(&self) -> [String; 4] {
        [self.overview(), self.tables(), self.narrative(), self.glossary().to_string()]
    }
}

pub fn titles(d: &Disclosure) -> Titles<'_> {
    let department = d.department.as_ref().or(d.overview.department.as_ref()).map(|s| s.value.as_str());
    let year = d.year.as_ref().or(d.overview.year.as_ref()).map(|y| format!("{}年", y.value)).unwrap_or_default();
    let kind = match d.document {
        DocumentKind::Budget => "预算",
        DocumentKind::FinalAccounts => "决算",
    };
    let title = format!("{year}{}部门{kind}公开", department.unwrap_or(""));
    Titles { department, year, kind, title }
}
