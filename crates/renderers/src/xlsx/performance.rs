//! One 绩效目标表 a sheet: the header form (unit, project, people, funds, goal), then the
//! indicator grid with 一级/二级指标 merged down their runs, as the templates print them.
//! 年度预算总额 is a live formula of its two parts when they add up to it.

use super::{cell_number, in_unit, lines_needed, Formats, LINE_HEIGHT};
use rust_xlsxwriter::{ColNum, Formula, RowNum, Worksheet, XlsxError};
use yusuan_model::performance::{Indicator, PerformanceKind, PerformanceTargets, TargetValue};
use yusuan_model::{AmountUnit, Money, Spanned};

/// The optional columns, shown when any indicator has them.
type Column = (&'static str, f64, fn(&Indicator) -> Option<String>);

/// Writes the sheet; returns its title for the contents.
pub(super) fn sheet(ws: &mut Worksheet, t: &PerformanceTargets, f: &Formats) -> Result<String, XlsxError> {
    let default_title = match t.kind {
        PerformanceKind::Department => "部门整体绩效目标表",
        PerformanceKind::Project => "项目支出绩效目标表",
    };
    let title = t.title.as_ref().map_or(default_title, |s| s.value.as_str()).to_string();
    let all: [Column; 5] = [
        ("指标值设定依据", 30.0, |i| i.basis.as_ref().map(|s| s.value.clone())),
        ("上年完成值", 12.0, |i| i.prior.as_ref().map(|p| target(&p.value))),
        ("分值权重", 10.0, |i| i.weight.as_ref().map(|w| w.value.to_string())),
        ("指标赋分规则", 20.0, |i| i.scoring_rule.as_ref().map(|s| s.value.clone())),
        ("佐证资料", 20.0, |i| i.evidence.as_ref().map(|s| s.value.clone())),
    ];
    let shown: Vec<&Column> = all.iter().filter(|(_, _, get)| t.indicators.iter().any(|i| get(i).is_some())).collect();
    let mut widths = vec![14.0, 16.0, 30.0, 16.0];
    widths.extend(shown.iter().map(|(_, w, _)| *w));
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as ColNum, *w)?;
    }
    let last = (widths.len() - 1) as ColNum;
    let value_width: f64 = widths.iter().skip(1).sum();

    ws.merge_range(0, 0, 0, last, &title, &f.title)?;
    ws.set_row_height(0, 30)?;
    let mut row: RowNum = 1;
    if let Some(y) = &t.year {
        ws.merge_range(row, 0, row, last, &format!("（{}年）", y.value), &f.meta)?;
        row += 1;
    }
    let unit_label = match t.kind {
        PerformanceKind::Department => "部门名称",
        PerformanceKind::Project => "预算单位",
    };
    for (label, value) in [
        (unit_label, &t.unit),
        ("项目名称", &t.project),
        ("项目负责人", &t.owner),
        ("部门联系人", &t.contact),
        ("联系电话", &t.phone),
    ] {
        if let Some(v) = value {
            field_at(ws, row, last, label, &v.value, value_width, f)?;
            row += 1;
        }
    }

    let budget: Vec<(&str, &Spanned<Money>)> =
        [("年度预算总额", &t.budget_total), ("其中：财政拨款", &t.budget_fiscal), ("其他资金", &t.budget_other)]
            .into_iter()
            .filter_map(|(l, m)| m.as_ref().map(|m| (l, m)))
            .collect();
    // 年度预算总额 = 财政拨款 + 其他资金, live, when all three are printed and add up.
    let total_formula = match (&t.budget_total, &t.budget_fiscal, &t.budget_other) {
        (Some(total), Some(a), Some(b)) => {
            let wan = |m: &Spanned<Money>| in_unit(&m.value, AmountUnit::Wan);
            (wan(a) + wan(b) == wan(total)).then(|| wan(total))
        }
        _ => None,
    };
    let first = row;
    row = block(ws, row, last, "项目资金（万元）", &budget, f)?;
    if let Some(v) = total_formula {
        let (a, b) = (first + 1, first + 2);
        let formula = format!("=SUM(C{}:C{})", a + 1, b + 1);
        ws.write_formula_with_format(first, 2, Formula::new(formula).set_result(v.to_string()), &f.number)?;
    }
    let funding: Vec<(&str, &Spanned<Money>)> =
        t.funding.iter().map(|s| (s.source.value.as_str(), &s.amount)).collect();
    row = block(ws, row, last, "资金来源（万元）", &funding, f)?;
    if let Some(goal) = &t.goal {
        let label = match t.kind {
            PerformanceKind::Department => "年度绩效目标",
            PerformanceKind::Project => "项目总体目标",
        };
        field_at(ws, row, last, label, &goal.value, value_width, f)?;
        row += 1;
    }

    if t.indicators.is_empty() {
        return Ok(title);
    }
    row += 1;
    for (c, label) in
        ["一级指标", "二级指标", "三级指标", "指标值"].iter().chain(shown.iter().map(|(l, _, _)| l)).enumerate()
    {
        ws.write_string_with_format(row, c as ColNum, *label, &f.head)?;
    }
    row += 1;
    let list = &t.indicators;
    let l1 = |i: &Indicator| text(&i.level1).to_string();
    let l2 = |i: &Indicator| format!("{}\u{1f}{}", l1(i), text(&i.level2));
    for (n, ind) in list.iter().enumerate() {
        let r = row + n as RowNum;
        // A run of equal levels is one cell, merged down its rows.
        for (c, key, value) in [(0, &l1 as &dyn Fn(&Indicator) -> String, &ind.level1), (1, &l2, &ind.level2)] {
            let starts = n == 0 || list.get(n - 1).map(key) != Some(key(ind));
            if starts {
                let run = list.iter().skip(n).take_while(|i| key(i) == key(ind)).count() as RowNum;
                if run > 1 {
                    ws.merge_range(r, c, r + run - 1, c, text(value), &f.text)?;
                } else {
                    ws.write_string_with_format(r, c, text(value), &f.text)?;
                }
            }
        }
        ws.write_string_with_format(r, 2, text(&ind.level3), &f.text)?;
        let value = ind.value.as_ref().map(|v| target(&v.value)).unwrap_or_default();
        let sign = ind.comparison.as_ref().map(|c| c.value.sign()).unwrap_or("");
        ws.write_string_with_format(r, 3, format!("{sign}{value}"), &f.text)?;
        for (k, (label, _, get)) in shown.iter().enumerate() {
            let col = 4 + k as ColNum;
            match (*label, &ind.weight) {
                ("分值权重", Some(w)) => {
                    ws.write_number_with_format(r, col, cell_number(w.value), &f.plain_number)?
                }
                _ => ws.write_string_with_format(r, col, get(ind).unwrap_or_default(), &f.text)?,
            };
        }
        let n = [(text(&ind.level3).to_string(), widths[2]), (value, widths[3])]
            .into_iter()
            .chain(shown.iter().map(|(_, w, get)| (get(ind).unwrap_or_default(), *w)))
            .map(|(s, w)| lines_needed(&s, w))
            .max()
            .unwrap_or(1);
        if n > 1 {
            ws.set_row_height(r, LINE_HEIGHT * n as f64 + 3.0)?;
        }
    }
    Ok(title)
}

/// A label and its text across the rest of the width.
fn field_at(
    ws: &mut Worksheet,
    row: RowNum,
    last: ColNum,
    label: &str,
    value: &str,
    width: f64,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, 0, label, &f.label)?;
    ws.merge_range(row, 1, row, last, value, &f.text)?;
    let n = lines_needed(value, width);
    if n > 1 {
        ws.set_row_height(row, LINE_HEIGHT * n as f64 + 3.0)?;
    }
    Ok(())
}

/// A labelled block of amounts, the label merged down its lines: the line's name in column B,
/// its amount in C. Returns the row after it.
fn block(
    ws: &mut Worksheet,
    row: RowNum,
    last: ColNum,
    label: &str,
    lines: &[(&str, &Spanned<Money>)],
    f: &Formats,
) -> Result<RowNum, XlsxError> {
    if lines.is_empty() {
        return Ok(row);
    }
    let n = lines.len() as RowNum;
    if n > 1 {
        ws.merge_range(row, 0, row + n - 1, 0, label, &f.label)?;
    } else {
        ws.write_string_with_format(row, 0, label, &f.label)?;
    }
    for (k, (name, m)) in lines.iter().enumerate() {
        let r = row + k as RowNum;
        ws.write_string_with_format(r, 1, *name, &f.text)?;
        ws.write_number_with_format(r, 2, cell_number(in_unit(&m.value, AmountUnit::Wan)), &f.number)?;
        for c in 3..=last {
            ws.write_blank(r, c, &f.text)?;
        }
    }
    Ok(row + n)
}

fn text(s: &Option<Spanned<String>>) -> &str {
    s.as_ref().map_or("", |s| s.value.as_str())
}

fn target(v: &TargetValue) -> String {
    match v {
        TargetValue::Quantity(q) => format!("{}{}", q.value, q.unit),
        TargetValue::Text(t) => t.clone(),
    }
}
