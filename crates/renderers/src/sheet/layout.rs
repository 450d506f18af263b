//! What a table prints besides its amount columns: the label columns before them (code split
//! into 类/款/项, names, project names) and the bands of the official templates above them
//! (`科目` | `一般公共预算基本支出`, `收入` | `支出`). The amount columns and their header
//! paths come from the registry; these are presentation only, so they live here.

use yusuan_model::table::{Panel, RowKeyKind};

/// What a label column shows of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    /// The digits of one level of the code: 0 is 类 (3 digits), 1 款, 2 项 (2 digits each).
    CodePart(usize),
    /// The whole code (one-level codes: the classes of tables 1 and 4).
    Code,
    /// The name (科目名称, 项目, unit name), indented by level.
    Name,
    /// The project name (table 7).
    Project,
}

/// One label column and its header path.
pub(crate) struct LabelCol {
    pub label: Label,
    pub path: Vec<&'static str>,
}

fn col(label: Label, path: &[&'static str]) -> LabelCol {
    LabelCol { label, path: path.to_vec() }
}

/// The label columns of a panel, by how its rows are keyed.
pub(crate) fn label_columns(kind: &str, panel: &Panel) -> Vec<LabelCol> {
    let code = |outer: &'static str, levels: &[&'static str]| -> Vec<LabelCol> {
        levels.iter().enumerate().map(|(i, l)| col(Label::CodePart(i), &[outer, l])).collect()
    };
    match panel.row_key {
        RowKeyKind::FunctionCode => {
            let mut cols = code("功能分类科目编码", &["类", "款", "项"]);
            cols.push(col(Label::Name, &["功能分类科目名称"]));
            cols
        }
        RowKeyKind::FunctionCodeProject => {
            let mut cols = code("科目编码", &["类", "款", "项"]);
            cols.push(col(Label::Name, &["功能分类科目名称"]));
            cols.push(col(Label::Project, &["项目名称"]));
            cols
        }
        RowKeyKind::EconCode => {
            let mut cols = code("经济分类科目编码", &["类", "款"]);
            cols.push(col(Label::Name, &["经济分类科目名称"]));
            cols
        }
        RowKeyKind::FunctionClass => {
            vec![col(Label::Code, &["支出功能分类"]), col(Label::Name, &["支出功能分类"])]
        }
        RowKeyKind::Fixed if kind == "three_public" => vec![col(Label::Name, &["“三公”经费支出内容"])],
        RowKeyKind::Fixed => vec![col(Label::Name, &["项目"])],
        RowKeyKind::Named => vec![col(Label::Name, &["项目名称"])],
    }
}

/// Levels the official template prints above a panel's own header.
#[derive(Default)]
pub(crate) struct Band {
    /// Over the whole panel (the sides of tables 1 and 4).
    pub panel: Option<&'static str>,
    /// Over the label columns.
    pub labels: Option<&'static str>,
    /// Over the amount columns from the given one on.
    pub amounts: Option<(&'static str, usize)>,
}

/// The bands of a table kind's panel `index`.
pub(crate) fn band(kind: &str, index: usize) -> Band {
    let subject = |amounts: &'static str| Band { panel: None, labels: Some("科目"), amounts: Some((amounts, 0)) };
    match (kind, index) {
        ("income_expense_summary", 0) => Band { panel: Some("收入"), ..Band::default() },
        ("income_expense_summary", _) => Band { panel: Some("支出"), ..Band::default() },
        ("fiscal_summary", 0) => Band { panel: Some("财政拨款收入"), ..Band::default() },
        ("fiscal_summary", _) => Band { panel: Some("财政拨款支出"), ..Band::default() },
        ("expenditure_summary", _) => subject("支出预算"),
        ("general_budget_expenditure", _) => subject("一般公共预算支出"),
        ("general_budget_basic", _) => subject("一般公共预算基本支出"),
        ("government_fund_expenditure", _) => subject("政府性基金预算支出"),
        ("state_capital_expenditure", _) => subject("国有资本经营预算支出"),
        ("three_public", _) => Band { amounts: Some(("资金来源", 1)), ..Band::default() },
        _ => Band::default(),
    }
}

/// A header path with the bands that apply prepended.
pub(crate) fn banded(path: &[&str], outer: &[Option<&str>]) -> Vec<String> {
    outer.iter().flatten().chain(path.iter()).map(|s| s.to_string()).collect()
}

/// Label columns for rows of a kind the registry does not declare.
pub(crate) fn undeclared_labels(code: bool, project: bool) -> Vec<LabelCol> {
    let mut cols = Vec::new();
    if code {
        cols.push(LabelCol { label: Label::Code, path: vec!["编码"] });
    }
    cols.push(LabelCol { label: Label::Name, path: vec!["名称"] });
    if project {
        cols.push(LabelCol { label: Label::Project, path: vec!["项目名称"] });
    }
    cols
}
