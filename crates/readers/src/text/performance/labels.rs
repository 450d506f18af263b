//! 一级指标 / 二级指标 labels. They are merged cells: the extractor prints them once per group,
//! wrapped into pieces (`满意` / `度指` / `标`), away from the rows they label, and sometimes
//! interleaved with the other level's label (`经济` `成本` `成本` `指标` `指标`). This module picks
//! the pieces out of the stream, puts the labels back together and hands them to the rows.

use super::lex::Piece;
use yusuan_model::span::Span;

/// Labels that are only ever 一级指标.
const LEVEL1_ONLY: &[&str] = &["产出指标", "效益指标", "履职效能", "管理效率", "社会效应", "能力建设"];
/// Labels that are only ever 二级指标.
const LEVEL2_ONLY: &[&str] = &[
    "数量指标",
    "质量指标",
    "时效指标",
    "经济成本指标",
    "社会成本指标",
    "生态环境成本指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
];
/// Labels that are 一级 in one scheme or place and 二级 in another (成本指标 is a 二级指标 of
/// 产出指标 in the pre-2021 scheme; 满意度指标 names both levels of its group).
const EITHER: &[&str] = &["成本指标", "满意度指标"];

fn all_labels() -> impl Iterator<Item = &'static str> {
    LEVEL1_ONLY.iter().chain(LEVEL2_ONLY).chain(EITHER).copied()
}

/// The 一级指标 a 二级指标 belongs to in the national scheme.
pub(crate) fn level1_of(level2: &str) -> Option<&'static str> {
    Some(match level2 {
        "数量指标" | "质量指标" | "时效指标" => "产出指标",
        "经济成本指标" | "社会成本指标" | "生态环境成本指标" => "成本指标",
        "经济效益指标" | "社会效益指标" | "生态效益指标" | "可持续影响指标" => "效益指标",
        "服务对象满意度指标" | "满意度指标" => "满意度指标",
        "成本指标" => "产出指标",
        _ => return None,
    })
}

/// The 一级指标 of the national project scheme, whose groups have a known content.
pub(crate) fn is_standard_level1(l: &str) -> bool {
    matches!(l, "产出指标" | "成本指标" | "效益指标" | "满意度指标")
}

/// A piece that could be (part of) a label.
pub(crate) fn is_fragment(text: &str) -> bool {
    !text.is_empty() && all_labels().any(|l| l.contains(text))
}

fn is_prefix(text: &str) -> bool {
    all_labels().any(|l| l.starts_with(text))
}

fn is_label(text: &str) -> Option<&'static str> {
    all_labels().find(|l| *l == text)
}

/// A label put back together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Label {
    pub text: &'static str,
    pub span: Span,
    /// Index, in the stream of pieces without labels, where the label's last piece stood.
    pub pos: usize,
}

struct Partial {
    text: String,
    pieces: Vec<usize>,
    opened_at: usize,
}

/// How far (in pieces) a label may be spread before its start is taken for ordinary text.
const MAX_SPREAD: usize = 12;

/// Picks the labels out of `pieces`. Returns the labels (in order of completion) and the
/// other pieces, in order. A piece that looked like part of a label but never completed one
/// goes back among the other pieces, where it was.
pub(crate) fn extract(pieces: Vec<Piece>) -> (Vec<Label>, Vec<Piece>) {
    let mut is_label_piece = vec![false; pieces.len()];
    // (label, its pieces) in order of completion.
    let mut done: Vec<(&'static str, Vec<usize>)> = Vec::new();
    let mut open: Vec<Partial> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        open.retain(|o| o.opened_at + MAX_SPREAD >= i);
        if !is_fragment(&p.text) {
            continue;
        }
        // Extend the oldest open label this piece continues: labels side by side are printed
        // line by line, the left one's piece first.
        let extend = open.iter().position(|o| is_prefix(&format!("{}{}", o.text, p.text)));
        let k = match extend {
            Some(k) => k,
            // A single character only ever ends a wrapped label (`度指` / `标`); alone it is
            // more likely the end of a wrapped name (`…次` / `数`).
            None if p.text.chars().count() >= 2 && is_prefix(&p.text) => {
                if open.len() >= 2 {
                    open.remove(0);
                }
                open.push(Partial { text: String::new(), pieces: Vec::new(), opened_at: i });
                open.len() - 1
            }
            None => continue,
        };
        let Some(o) = open.get_mut(k) else { continue };
        o.text.push_str(&p.text);
        o.pieces.push(i);
        if let Some(label) = is_label(&o.text) {
            let o = open.remove(k);
            done.push((label, o.pieces));
        }
    }
    for (_, ps) in &done {
        for &i in ps {
            if let Some(f) = is_label_piece.get_mut(i) {
                *f = true;
            }
        }
    }
    // Where each original piece lands in the stream without labels.
    let mut new_index = Vec::with_capacity(pieces.len());
    let mut n = 0;
    for &f in &is_label_piece {
        new_index.push(n);
        if !f {
            n += 1;
        }
    }
    let labels = done
        .into_iter()
        .filter_map(|(text, ps)| {
            let first = pieces.get(*ps.first()?)?;
            let last_i = *ps.last()?;
            let span = ps.iter().filter_map(|&i| pieces.get(i)).fold(first.span, |s, p| s.cover(p.span));
            Some(Label { text, span, pos: *new_index.get(last_i)? })
        })
        .collect();
    let rest = pieces.into_iter().zip(is_label_piece).filter(|(_, f)| !f).map(|(p, _)| p).collect();
    (labels, rest)
}

/// Which level a label holds in a run of labels printed together.
#[derive(Clone, Debug, Default)]
pub(crate) struct Run {
    pub level1: Option<Label>,
    pub level2: Option<Label>,
    /// Labels of the run that have no place (three labels side by side).
    pub extra: Vec<Label>,
}

/// Sorts a run of labels that stand at the same place into 一级 and 二级.
pub(crate) fn classify_run(run: Vec<Label>) -> Run {
    let l2_only = |l: &Label| LEVEL2_ONLY.contains(&l.text);
    let l1_only = |l: &Label| LEVEL1_ONLY.contains(&l.text);
    let mut out = Run::default();
    let mut rest = run;
    // 二级: the last label that can only be 二级, else (two or more labels) the last one that can
    // be; a lone ambiguous label is a 二级 (满意度指标 is then also its own 一级).
    let k2 = rest.iter().rposition(l2_only).or_else(|| {
        let k = rest.iter().rposition(|l| !l1_only(l))?;
        Some(k)
    });
    if let Some(k) = k2 {
        out.level2 = Some(rest.remove(k));
    }
    let k1 = rest.iter().position(l1_only).or_else(|| rest.iter().position(|l| !l2_only(l)));
    if let Some(k) = k1 {
        out.level1 = Some(rest.remove(k));
    }
    if out.level1.is_none() {
        if let Some(l2) = &out.level2 {
            if l2.text == "满意度指标" {
                out.level1 = Some(l2.clone());
            }
        }
    }
    out.extra = rest;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::performance::lex::pieces_of;
    use crate::text::source::split_lines;

    fn labels_of(text: &str) -> (Vec<&'static str>, Vec<String>) {
        let lines = split_lines(text);
        let pieces: Vec<Piece> = (0..lines.len()).flat_map(|i| pieces_of(&lines, i)).collect();
        let (labels, rest) = extract(pieces);
        (labels.iter().map(|l| l.text).collect(), rest.into_iter().map(|p| p.text).collect())
    }

    #[test]
    fn wrapped_labels() {
        let (l, rest) = labels_of("产出\n指标\n时效\n指标 公益岗人员工资支付及时\n率");
        assert_eq!(l, vec!["产出指标", "时效指标"]);
        assert_eq!(rest, vec!["公益岗人员工资支付及时", "率"]);
        let (l, _) = labels_of("满意\n度指\n标\n满意\n度指\n标 援疆人员满意度");
        assert_eq!(l, vec!["满意度指标", "满意度指标"]);
    }

    #[test]
    fn interleaved_labels() {
        let (l, rest) = labels_of("分\n经济\n成本\n成本\n原始凭证\n指标\n指标\n＜=11");
        assert_eq!(l, vec!["经济成本指标", "成本指标"]);
        assert_eq!(rest, vec!["分", "原始凭证", "＜=11"]);
        let run = classify_run(extract_all("经济\n成本\n成本\n指标\n指标"));
        assert_eq!(run.level1.map(|l| l.text), Some("成本指标"));
        assert_eq!(run.level2.map(|l| l.text), Some("经济成本指标"));
    }

    fn extract_all(text: &str) -> Vec<Label> {
        let lines = split_lines(text);
        extract((0..lines.len()).flat_map(|i| pieces_of(&lines, i)).collect()).0
    }

    #[test]
    fn a_lone_character_stays_in_the_name() {
        let (l, rest) = labels_of("组织事业单位公开招聘次\n数\n＞=1\n工作资料\n数量\n指标");
        assert_eq!(l, vec!["数量指标"]);
        assert_eq!(rest, vec!["组织事业单位公开招聘次", "数", "＞=1", "工作资料"]);
    }

    #[test]
    fn runs() {
        let run = classify_run(extract_all("满意度指标 满意度指标"));
        assert_eq!(run.level1.map(|l| l.text), Some("满意度指标"));
        assert_eq!(run.level2.map(|l| l.text), Some("满意度指标"));
        let run = classify_run(extract_all("履职效能 数量指标"));
        assert_eq!(run.level1.map(|l| l.text), Some("履职效能"));
        assert_eq!(run.level2.map(|l| l.text), Some("数量指标"));
        let run = classify_run(extract_all("数量指标"));
        assert!(run.level1.is_none());
        let run = classify_run(extract_all("满意度指标"));
        assert_eq!(run.level1.map(|l| l.text), Some("满意度指标"));
    }
}
