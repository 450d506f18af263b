//! The official multi-level header: every column carries its header as a path of levels,
//! outermost first; neighbouring columns that share a level's prefix share one cell
//! (`colspan`), and a path that ends above the deepest level reaches down to it (`rowspan`).

/// One cell of the header grid.
#[derive(Debug, PartialEq, Eq)]
pub struct HeadCell {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
}

/// The header rows for columns with these paths. A column with an empty path gets an empty cell
/// spanning every row, so the grid stays rectangular.
pub fn head_rows(paths: &[Vec<String>]) -> Vec<Vec<HeadCell>> {
    let depth = paths.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let mut rows = Vec::with_capacity(depth);
    for level in 0..depth {
        let mut row = Vec::new();
        let mut i = 0;
        while let Some(path) = paths.get(i) {
            if path.is_empty() && level == 0 {
                row.push(HeadCell { text: String::new(), colspan: 1, rowspan: depth });
                i += 1;
                continue;
            }
            // Covered by a cell above that reaches down.
            if path.len() <= level {
                i += 1;
                continue;
            }
            let ends = path.len() == level + 1;
            let prefix = &path[..=level];
            let span = paths[i..]
                .iter()
                .take_while(|p| p.len() > level && &p[..=level] == prefix && (p.len() == level + 1) == ends)
                .count();
            row.push(HeadCell {
                text: path[level].clone(),
                colspan: span,
                rowspan: if ends { depth - level } else { 1 },
            });
            i += span;
        }
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(p: &[&[&str]]) -> Vec<Vec<String>> {
        p.iter().map(|l| l.iter().map(|s| s.to_string()).collect()).collect()
    }

    fn cell(text: &str, colspan: usize, rowspan: usize) -> HeadCell {
        HeadCell { text: text.to_string(), colspan, rowspan }
    }

    #[test]
    fn merges_shared_levels_and_reaches_down() {
        let rows = head_rows(&paths(&[
            &["总计"],
            &["财政拨款", "合计"],
            &["财政拨款", "基本支出", "人员经费"],
            &["财政拨款", "基本支出", "公用经费"],
            &["财政拨款", "项目支出"],
        ]));
        assert_eq!(rows[0], vec![cell("总计", 1, 3), cell("财政拨款", 4, 1)]);
        assert_eq!(rows[1], vec![cell("合计", 1, 2), cell("基本支出", 2, 1), cell("项目支出", 1, 2)]);
        assert_eq!(rows[2], vec![cell("人员经费", 1, 1), cell("公用经费", 1, 1)]);
    }

    #[test]
    fn a_flat_header_is_one_row() {
        let rows = head_rows(&paths(&[&["合计"], &[], &["项目支出"]]));
        assert_eq!(rows, vec![vec![cell("合计", 1, 1), cell("", 1, 1), cell("项目支出", 1, 1)]]);
    }
}
