//! Glyphs into text lines and runs, from their positions alone (as pdfplumber's and camelot's
//! stream modes do): glyphs whose middles share a band make a line; a gap wider than a glyph
//! splits the line into runs (the cells of a table, the columns of a layout).

use super::glyphs::Glyph;

/// Characters of one run, with the box they cover.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
}

/// One line of a page, its runs left to right.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    pub top: f32,
    pub bottom: f32,
    pub runs: Vec<Run>,
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Groups glyphs into lines, top to bottom.
pub fn lines(glyphs: &[Glyph]) -> Vec<TextLine> {
    let mut order: Vec<&Glyph> = glyphs.iter().filter(|g| !g.ch.is_whitespace()).collect();
    order.sort_by(|a, b| a.middle().total_cmp(&b.middle()));
    let mut groups: Vec<Vec<&Glyph>> = Vec::new();
    for g in order {
        let joins = groups.last().and_then(|l| l.first()).is_some_and(|first| {
            let tolerance = 0.45 * first.size.max(g.size);
            (g.middle() - first.middle()).abs() <= tolerance
        });
        match groups.last_mut() {
            Some(line) if joins => line.push(g),
            _ => groups.push(vec![g]),
        }
    }
    groups.into_iter().map(|mut gs| line_of(&mut gs)).collect()
}

fn line_of(glyphs: &mut Vec<&Glyph>) -> TextLine {
    glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    // Fake bold draws a glyph twice a hair apart: keep one.
    glyphs.dedup_by(|b, a| a.ch == b.ch && (b.x0 - a.x0).abs() < 0.3 * a.size.max(1.0));
    let mut runs: Vec<Run> = Vec::new();
    let mut prev: Option<&Glyph> = None;
    for &g in glyphs.iter() {
        let gap = prev.map(|p| g.x0 - p.x1);
        let size = prev.map_or(g.size, |p| p.size.max(g.size));
        match (gap, runs.last_mut()) {
            (Some(gap), Some(run)) if gap <= 0.9 * size => {
                let p = prev.map(|p| p.ch).unwrap_or(' ');
                let both_cjk = is_cjk(p) && is_cjk(g.ch);
                if gap > 0.3 * size && !(both_cjk && gap < 0.6 * size) {
                    run.text.push(' ');
                }
                run.text.push(g.ch);
                run.x1 = run.x1.max(g.x1);
                run.top = run.top.min(g.top);
                run.bottom = run.bottom.max(g.bottom);
            }
            _ => runs.push(Run { text: g.ch.to_string(), x0: g.x0, x1: g.x1, top: g.top, bottom: g.bottom }),
        }
        prev = Some(g);
    }
    let top = runs.iter().map(|r| r.top).fold(f32::INFINITY, f32::min);
    let bottom = runs.iter().map(|r| r.bottom).fold(f32::NEG_INFINITY, f32::max);
    TextLine { top, bottom, runs }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of `text` from `x`, `w` points each, on the line whose top is `y`.
    pub fn word(text: &str, x: f32, y: f32, w: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, ch)| {
                let x0 = x + i as f32 * w;
                Glyph { ch, x0, x1: x0 + w, top: y, bottom: y + 11.0, size: 11.0 }
            })
            .collect()
    }

    #[test]
    fn glyphs_make_lines_and_runs() {
        let mut g = word("行政运行", 60.0, 100.0, 11.0);
        g.extend(word("1,511.89", 300.0, 100.5, 5.5));
        g.extend(word("8.37", 420.0, 99.6, 5.5));
        g.extend(word("住房公积金", 60.0, 117.0, 11.0));
        g.reverse();
        let ls = lines(&g);
        assert_eq!(ls.len(), 2);
        let texts: Vec<&str> = ls[0].runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["行政运行", "1,511.89", "8.37"]);
        assert_eq!(ls[1].runs[0].text, "住房公积金");
        assert_eq!(ls[0].runs[1].x0, 300.0);
    }

    #[test]
    fn word_gaps_become_one_space_and_fake_bold_one_glyph() {
        let mut g = word("截至", 60.0, 100.0, 11.0);
        g.extend(word("2023", 86.0, 100.0, 5.5));
        g.extend(word("年", 107.0, 100.0, 11.0));
        g.extend(word("年", 107.2, 100.0, 11.0));
        let ls = lines(&g);
        assert_eq!(ls[0].runs.len(), 1);
        assert_eq!(ls[0].runs[0].text, "截至 2023年");
    }
}
