//! The words the wording rules read, as data: which words say a figure went up or down, and
//! what turns such a word into something else. A new wording is a new entry here, not code.

/// Words that state a rise, as a change is written (`比上年增加`, `增长 8.30%`).
pub const RISE: &[&str] = &["增加", "增长", "上升", "提高", "增幅"];

/// Words that state a fall, as a change is written.
pub const FALL: &[&str] = &["减少", "下降", "降低", "减幅", "降幅"];

/// More words a reason says a rise with (`新增项目`, `工资调标`), besides [`RISE`].
pub const RISE_IN_REASONS: &[&str] = &["新增", "调标", "提标", "调增", "扩大", "上涨", "上调", "调高"];

/// More words a reason says a fall with (`项目经费压减`), besides [`FALL`].
pub const FALL_IN_REASONS: &[&str] = &["压减", "缩减", "压缩", "取消", "调减", "下调", "调低", "减员"];

/// Words that, right before a direction word, deny it (`未增加`, `不再新增`): the reason then
/// says no movement, or one the word does not.
pub const NEGATIONS: &[&str] = &["未", "没有", "没", "不", "无", "非"];

/// What, in the clause after a direction word, is no money (`提高资金使用效率`): the word then
/// moves no figure.
pub const NOT_MONEY: &[&str] = &["效率", "效益", "效能", "质量", "水平", "能力", "标准化", "意识"];

/// Words that name another year than the budget's (`上年一次性项目增加`): a movement then may
/// explain the opposite one now.
pub const OTHER_YEAR: &[&str] = &["上年", "去年", "上一年", "上一年度", "以前年度", "往年", "同期", "上年度"];

/// Which way a direction word points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    Up,
    Down,
}

/// The direction word of `words` at the start of `text`, longest first.
pub fn direction_at(text: &str, words: &[(&'static [&'static str], Way)]) -> Option<(&'static str, Way)> {
    words
        .iter()
        .flat_map(|(list, way)| list.iter().map(move |w| (*w, *way)))
        .filter(|(w, _)| text.starts_with(w))
        .max_by_key(|(w, _)| w.len())
}
