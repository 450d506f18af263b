//! Sheets of prose (概况, 情况说明, 名词解释), performance-target sheets and the workbook's own
//! contents sheet, rebuilt as the lines the text reader reads.

use super::grid::Grid;
use super::rebuilt::{LineOut, Rebuilt};

/// Each row a line (its cells spaced), with a blank line after it as between paragraphs.
pub fn prose(grid: &Grid, out: &mut Rebuilt) {
    for r in 0..grid.rows() as u32 {
        if !grid.is_blank_row(r) {
            let mut l = LineOut::new(&grid.name, r);
            l.spaced(grid.row_cells(r));
            out.push(l);
            out.blank(&grid.name, r);
        }
    }
}

/// Whether a sheet is a glossary laid out as a grid: `名词 | 解释` then a term and its
/// explanation per row.
pub fn is_glossary_grid(grid: &Grid) -> bool {
    let first = (0..grid.rows().min(3) as u32).find(|&r| !grid.is_blank_row(r));
    first.is_some_and(|r| {
        let cells: Vec<&str> = grid.row_cells(r).into_iter().map(|(_, t)| t).collect();
        cells.len() == 2 && cells[0].contains("名词") && cells[1].contains("解释")
    })
}

const NUMERALS: [&str; 20] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七",
    "十八", "十九", "二十",
];

/// A glossary grid as part 4: its heading, then `一、term：explanation` per row.
pub fn glossary(grid: &Grid, out: &mut Rebuilt) {
    let mut heading = LineOut::new(&grid.name, 0);
    heading.raw("第四部分 名词解释");
    out.push(heading);
    let mut n = 0;
    for r in 1..grid.rows() as u32 {
        let cells = grid.row_cells(r);
        let Some(((tc, term), rest)) = cells.split_first() else { continue };
        let mut l = LineOut::new(&grid.name, r);
        if let Some(k) = NUMERALS.get(n) {
            l.raw(&format!("{k}、"));
        }
        n += 1;
        l.cell(term, *tc);
        for (i, (c, t)) in rest.iter().enumerate() {
            l.raw(if i == 0 { "：" } else { " " }).cell(t, *c);
        }
        out.push(l);
    }
    out.blank(&grid.name, grid.rows() as u32);
}

/// A performance-target sheet: the rows above the indicator header as they are; from the
/// header on, a label merged down over several rows (一级指标, 二级指标) repeated on each, as the
/// printed table is read.
pub fn performance(grid: &Grid, out: &mut Rebuilt) {
    let mut in_grid = false;
    let mut r = 0;
    while r < grid.rows() as u32 {
        in_grid = in_grid || grid.row_cells(r).iter().any(|(_, t)| t.contains("一级指标"));
        // Above the grid, a label merged down (项目资金 over 年度预算总额, 财政拨款, 其他资金)
        // and the rows it spans are one line, as printed.
        let spans_down = grid.merge_at(r, 0).filter(|m| m.start == (r, 0) && m.end.0 > r).map(|m| m.end.0);
        if let (false, Some(end)) = (in_grid, spans_down) {
            let mut l = LineOut::new(&grid.name, r);
            for k in r..=end {
                l.spaced(grid.row_cells(k));
            }
            out.push(l);
            r = end + 1;
            continue;
        }
        r += 1;
        let r = r - 1;
        if grid.is_blank_row(r) && !in_grid {
            continue;
        }
        let mut l = LineOut::new(&grid.name, r);
        let cells: Vec<(u32, &str)> = (0..grid.columns() as u32)
            .filter_map(|c| {
                let t = match grid.merge_at(r, c) {
                    Some(m) if in_grid && m.start.1 == c && m.start.0 < r => grid.text(m.start.0, c),
                    _ => grid.text(r, c),
                };
                (!t.is_empty()).then_some((c, t))
            })
            .collect();
        if cells.is_empty() {
            continue;
        }
        l.spaced(cells);
        out.push(l);
    }
    out.blank(&grid.name, grid.rows() as u32);
}

/// The workbook's contents sheet (`说明`: 部门, 年度, 日期 …): its title line, and the
/// department and date that close a disclosure.
pub struct Contents {
    pub title: Option<(u32, u32)>,
    /// The `目录` heading over the list of sheets, when the sheet has one.
    pub heading: Option<(u32, u32)>,
    pub department: Option<(u32, u32)>,
    pub date: Option<(u32, u32)>,
}

pub fn contents(grid: &Grid) -> Option<Contents> {
    let field = |label: &str| {
        (0..grid.rows().min(40) as u32).find_map(|r| {
            let cells = grid.row_cells(r);
            (cells.len() == 2 && cells[0].1 == label).then(|| (r, cells[1].0))
        })
    };
    let listed = (0..grid.rows().min(40) as u32).any(|r| {
        let cells: Vec<&str> = grid.row_cells(r).into_iter().map(|(_, t)| t).collect();
        cells == ["工作表", "内容"]
    });
    if !listed {
        return None;
    }
    let title = (0..grid.rows().min(3) as u32).find_map(|r| grid.row_cells(r).first().map(|(c, _)| (r, *c)));
    let heading = (0..grid.rows().min(40) as u32).find_map(|r| {
        let cells = grid.row_cells(r);
        (cells.len() == 1 && matches!(cells[0].1.trim(), "目录" | "目 录")).then(|| (r, cells[0].0))
    });
    Some(Contents { title, heading, department: field("部门"), date: field("日期") })
}

/// One cell alone on a line.
pub fn cell_line(grid: &Grid, (r, c): (u32, u32), out: &mut Rebuilt) {
    let mut l = LineOut::new(&grid.name, r);
    l.cell(grid.text(r, c), c);
    out.push(l);
}
