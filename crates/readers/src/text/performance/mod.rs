//! 绩效目标表 blocks (部门整体 and 项目支出) into [`PerformanceTargets`].
//!
//! A block has three parts: the title and key/value header (预算单位, 项目名称, amounts, goal),
//! the column header (一级指标 二级指标 三级指标 …), and the indicator grid. The grid is read
//! from whitespace pieces rather than lines, because extraction from PDF breaks cells over lines
//! and prints merged level labels away from their rows (see [`labels`] and [`rows`]).

mod header;
mod labels;
mod levels;
mod lex;
mod rows;

use super::source::Line;
use lex::{pieces_of, split_glued_label, Piece};
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::performance::{PerformanceKind, PerformanceTargets};
use yusuan_model::span::{Span, Spanned};

/// Reads one performance-target table: `block` runs from its title line (…绩效目标表) to the
/// line before whatever follows it.
pub fn read(block: &[Line]) -> (PerformanceTargets, Vec<ReadNote>) {
    let mut t = PerformanceTargets::default();
    let mut notes = Vec::new();
    let Some(title_at) = block.iter().position(|l| !l.is_blank()) else {
        return (t, notes);
    };
    if let Some(title) = block.get(title_at) {
        let (text, col) = title.trimmed();
        let n = text.chars().count() as u32;
        t.title = Some(Spanned::new(text.to_string(), Span::on_line(title.no, col, col + n)));
        t.kind = if text.contains("部门整体") || text.contains("整体") {
            PerformanceKind::Department
        } else {
            PerformanceKind::Project
        };
    }
    let grid_at = header::column_header_start(block, title_at + 1);
    header::read_header(block, title_at + 1, grid_at.unwrap_or(block.len()), &mut t, &mut notes);
    let (cols, grid_from) = match grid_at {
        Some(at) => header::read_column_header(block, at),
        None => {
            notes.push(ReadNote::new(
                NoteKind::MissingField,
                t.title.as_ref().map(|s| s.span),
                "绩效目标表中未找到指标表头（一级指标、二级指标……）",
                "no indicator header (一级指标, 二级指标 …) in the performance table",
            ));
            (rows::Columns::default(), block.len())
        }
    };
    // Every piece of the grid, with labels glued onto a cell split off.
    let pieces: Vec<Piece> = (grid_from..block.len())
        .flat_map(|i| pieces_of(block, i))
        .flat_map(|p| split_glued_label(&p, labels::is_fragment))
        .collect();
    let (labels, pieces) = labels::extract(pieces);
    let rows = rows::read_rows(block, &pieces, cols, &mut notes);
    t.indicators = levels::attribute(rows, labels, &mut notes);
    (t, notes)
}

#[cfg(test)]
mod tests;
