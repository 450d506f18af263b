use crate::context::{Context, Fig};
use crate::finding::Message;
use crate::rule::Sink;
use std::collections::BTreeMap;
use yusuan_model::catalog::Code;

crate::rule! {
    /// Flags a functional item whose projects in 一般公共预算项目支出情况表 (table 7) do not add up
    /// to the item's project spending in 一般公共预算支出情况表 (table 5).
    ///
    /// Table 7 lists each project under its item; a project added, dropped or re-priced after
    /// table 5 was made leaves the two apart.
    ///
    /// Example: table 7 projects under `2080199` 55.00 + 126.00 + 30.00 + 15.00 = 226.00 against
    /// table 5 `2080199 … 项目支出 236.00`.
    PROJECTS_BY_CODE: code "X004", name "projects-by-code", family CrossTable, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    let (Some(t7), Some(t5)) = (cx.doc.table("general_budget_project"), cx.doc.table("general_budget_expenditure"))
    else {
        return;
    };
    // A misread table states no figure, not even the zero of a code it does not list.
    if cx.misreading(t7).is_some() || cx.misreading(t5).is_some() {
        return;
    }
    let mut by_code: BTreeMap<Code, Vec<Fig>> = BTreeMap::new();
    for row in t7.rows.iter().filter(|r| r.project.is_some()) {
        let (Some(code), Some(fig)) = (&row.code, cx.cell(t7, row, 0)) else { continue };
        by_code.entry(code.clone()).or_default().push(fig);
    }
    for (code, projects) in by_code {
        let row = t5.rows.iter().find(|r| r.code.as_ref() == Some(&code));
        let stated = match row {
            Some(r) => cx.cell(t5, r, 2),
            None => Some(Fig::zero(
                t5.title.span,
                Message::new(format!("表5（未列 {}）", code.spaced()), format!("table 5 (no {code})")),
            )),
        };
        let Some(stated) = stated else { continue };
        let what = Message::new(
            format!("科目 {} 的项目合计与一般公共预算项目支出不一致", code.spaced()),
            format!("the projects of {code} against its general-budget project spending"),
        );
        sink.sum(&stated, &projects, &what);
    }
}
