//! Table cells from ruling lines (as pdfplumber's and camelot's lattice modes do): consecutive
//! horizontal borders make row bands, the vertical borders crossing a band cut it into cells.
//! A cell's text is every glyph inside it, wrapped lines joined, so a label broken over two lines
//! is one label and every figure stands in the column it is drawn in.

use super::glyphs::{Glyph, Rule};
use super::lines::{is_cjk, lines};

/// One row band of a ruled table: its cells' left and right edges, left to right.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub top: f32,
    pub bottom: f32,
    pub cells: Vec<(f32, f32)>,
}

impl Band {
    fn left(&self) -> f32 {
        self.cells.first().map_or(0.0, |c| c.0)
    }

    fn right(&self) -> f32 {
        self.cells.last().map_or(0.0, |c| c.1)
    }

    /// Whether a glyph's middle lies in this band.
    pub fn holds(&self, g: &Glyph) -> bool {
        let (x, y) = ((g.x0 + g.x1) / 2.0, g.middle());
        y >= self.top && y < self.bottom && x >= self.left() && x < self.right()
    }

    /// The cell a glyph's middle falls in.
    fn cell_of(&self, g: &Glyph) -> Option<usize> {
        let x = (g.x0 + g.x1) / 2.0;
        self.cells.iter().position(|&(a, b)| x >= a && x < b)
    }
}

/// A cell's text and the box of its glyphs (`None` for an empty cell).
#[derive(Clone, Debug, PartialEq)]
pub struct CellText {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
}

const SAME: f32 = 1.5;

/// Positions within `SAME` points are one.
fn cluster(mut values: Vec<f32>) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for v in values {
        match out.last() {
            Some(&last) if v - last <= SAME => {}
            _ => out.push(v),
        }
    }
    out
}

/// The row bands the page's rules draw; bands crossed by fewer than two verticals are not cells.
pub fn bands(rules: &[Rule]) -> Vec<Band> {
    let horizontals: Vec<&Rule> = rules.iter().filter(|r| r.is_horizontal()).collect();
    let verticals: Vec<&Rule> = rules.iter().filter(|r| r.is_vertical()).collect();
    if horizontals.len() < 2 || verticals.len() < 2 {
        return Vec::new();
    }
    let ys = cluster(horizontals.iter().map(|r| (r.y0 + r.y1) / 2.0).collect());
    let mut out = Vec::new();
    for pair in ys.windows(2) {
        let (top, bottom) = (pair[0], pair[1]);
        if bottom - top < 4.0 {
            // Borders a hair apart (drawn per column): the sliver belongs to the row above.
            if let Some(prev) = out.last_mut().filter(|b: &&mut Band| (b.bottom - top).abs() <= SAME) {
                prev.bottom = bottom;
            }
            continue;
        }
        let xs = cluster(
            verticals
                .iter()
                // Overlapping the band, not only crossing its middle: a merged cell's border is
                // drawn beside the rows it spans.
                .filter(|v| v.y0 < bottom - SAME && v.y1 > top + SAME)
                .map(|v| (v.x0 + v.x1) / 2.0)
                .collect(),
        );
        if xs.len() < 2 {
            continue;
        }
        let cells = xs.windows(2).map(|w| (w[0], w[1])).collect();
        out.push(Band { top, bottom, cells });
    }
    out
}

/// The text of each cell of a band from the glyphs it holds (wrapped lines joined; pieces of one
/// line joined by a space).
pub fn cell_texts(band: &Band, glyphs: &[Glyph]) -> Vec<Option<CellText>> {
    let mut per_cell: Vec<Vec<Glyph>> = vec![Vec::new(); band.cells.len()];
    for g in glyphs {
        if let Some(i) = band.cell_of(g) {
            per_cell[i].push(*g);
        }
    }
    per_cell
        .iter()
        .map(|gs| {
            let ls = lines(gs);
            let mut text = String::new();
            for l in &ls {
                let piece = l.runs.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join(" ");
                let joins_tight = text.chars().last().is_none_or(is_cjk) || piece.chars().next().is_some_and(is_cjk);
                if !joins_tight {
                    text.push(' ');
                }
                text.push_str(&piece);
            }
            let runs = ls.iter().flat_map(|l| &l.runs);
            let (x0, x1, top, bottom) = runs
                .fold((f32::INFINITY, f32::NEG_INFINITY, f32::INFINITY, f32::NEG_INFINITY), |(a, b, c, d), r| {
                    (a.min(r.x0), b.max(r.x1), c.min(r.top), d.max(r.bottom))
                });
            (!text.is_empty()).then_some(CellText { text, x0, x1, top, bottom })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f32, x0: f32, x1: f32) -> Rule {
        Rule { x0, x1, y0: y, y1: y + 0.5 }
    }

    fn v(x: f32, y0: f32, y1: f32) -> Rule {
        Rule { x0: x, x1: x + 0.5, y0, y1 }
    }

    fn glyphs(text: &str, x: f32, y: f32, w: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, ch)| Glyph {
                ch,
                x0: x + i as f32 * w,
                x1: x + (i + 1) as f32 * w,
                top: y,
                bottom: y + 10.0,
                size: 10.0,
            })
            .collect()
    }

    #[test]
    fn ruled_rows_give_cells_and_wrapped_labels_join() {
        // Two rows; the second's label wraps over two lines; the middle column is empty.
        let rules = vec![
            h(100.0, 50.0, 400.0),
            h(120.0, 50.0, 400.0),
            h(160.0, 50.0, 400.0),
            v(50.0, 100.0, 160.0),
            v(200.0, 100.0, 160.0),
            v(300.0, 100.0, 160.0),
            v(400.0, 100.0, 160.0),
        ];
        let b = bands(&rules);
        assert_eq!(b.len(), 2);
        assert_eq!(b[1].cells.len(), 3);
        let mut g = glyphs("机关事业单位基本", 55.0, 125.0, 10.0);
        g.extend(glyphs("养老保险缴费支出", 55.0, 142.0, 10.0));
        g.extend(glyphs("160.75", 350.0, 134.0, 5.0));
        let cells = cell_texts(&b[1], &g);
        assert_eq!(cells[0].as_ref().unwrap().text, "机关事业单位基本养老保险缴费支出");
        assert!(cells[1].is_none());
        assert_eq!(cells[2].as_ref().unwrap().text, "160.75");
        assert!(b[1].holds(&g[0]) && !b[0].holds(&g[0]));
    }

    #[test]
    fn too_few_rules_make_no_grid() {
        assert!(bands(&[h(100.0, 0.0, 100.0), v(10.0, 90.0, 130.0)]).is_empty());
        // Two horizontals, one vertical: no cell.
        assert!(bands(&[h(100.0, 0.0, 100.0), h(130.0, 0.0, 100.0), v(10.0, 90.0, 140.0)]).is_empty());
    }
}
