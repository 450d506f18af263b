//! The statement grammar. A section body is cut into clauses (at ，；：。 and at enumerated
//! lines `1、`); each clause is one of
//!
//! - *subject + figure*: `一般公共预算 715.52万元`, `整体绩效目标 1个` (a new fact, or the
//!   current one when the phrase says nothing: `2024年预算数为 319.59万元`, `涉及金额 …`);
//! - *share*: `占 68.11%`, `占总支出的 35.5%`;
//! - *change*: `比上年预算增加 54.84万元`, `同比增长 3.2%`, `项目支出与上年持平`, and its
//!   continuation `增长 8.30%`; a part's change without comparison words (`…费增加 0.00万元`)
//!   compares as its total did;
//! - *reason*: `主要原因是…` / `主要用于…`, up to the sentence's end or a `；` that starts
//!   another statement;
//! - *absent*: `…未安排`, `无…和…`, `没有使用…安排的支出`;
//! - *list head*: `…其中：` (what follows are parts), `…包括：` (names, or parts with figures).
//!
//! Subjects come from the lexicon; a figure whose subject is unknown becomes `Subject::Other`,
//! and a figure no clause takes becomes a note.

mod final_accounts;
mod prior;

use super::lexicon::{self, Found};
use super::norm::{figures, Figure, FigureKind, Norm};
use yusuan_model::catalog::Catalog;
use yusuan_model::narrative::{Direction, Fact, Listing, ReasonKind, Scope, Share, Subject, Topic, YoyChange};
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::span::{Span, Spanned};

/// What ends a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sep {
    Comma,
    Semi,
    Colon,
    /// The next line starts with an enumerator (`1、`, `2．`).
    Enum,
    Period,
    End,
}

/// A clause: byte range in the folded text, and what ends it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub after: Sep,
}

/// The length of an enumerator at the start of `s`: `1、`, `12．`, `3.` (not `3.5`), `1）`,
/// `（1）`.
fn enumerator(s: &str) -> Option<usize> {
    let (open, body) = match s.strip_prefix('（') {
        Some(r) => ('（'.len_utf8(), r),
        None => (0, s),
    };
    let digits = body.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &body[digits..];
    let mark = rest.chars().next()?;
    let ok = match mark {
        '）' => true,
        '、' | '．' if open == 0 => true,
        '.' if open == 0 => !rest[1..].starts_with(|c: char| c.is_ascii_digit()),
        _ => false,
    };
    ok.then(|| open + digits + mark.len_utf8())
}

/// Cuts folded text into clauses. Separators inside brackets do not cut (`（下降 8.8%，…）`),
/// except a full stop, which also closes any bracket a page break left open.
pub fn clauses(norm: &Norm) -> Vec<Clause> {
    let text = &norm.text;
    let line_starts = norm.line_starts();
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        if line_starts.binary_search(&at).is_ok() {
            if let Some(len) = enumerator(&text[at..]) {
                if at > start {
                    out.push(Clause { start, end: at, after: Sep::Enum });
                }
                start = at + len;
                depth = 0;
                while iter.peek().is_some_and(|&(i, _)| i < start) {
                    iter.next();
                }
                continue;
            }
        }
        let sep = match c {
            '（' => {
                depth += 1;
                None
            }
            '）' => {
                depth = depth.saturating_sub(1);
                None
            }
            '。' | '！' | '？' => {
                depth = 0;
                Some(Sep::Period)
            }
            '，' if depth == 0 => Some(Sep::Comma),
            '；' if depth == 0 => Some(Sep::Semi),
            '：' if depth == 0 => Some(Sep::Colon),
            _ => None,
        };
        if let Some(sep) = sep {
            out.push(Clause { start, end: at, after: sep });
            start = at + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push(Clause { start, end: text.len(), after: Sep::End });
    }
    out
}

const DIRECTIONS: [(&str, Direction); 16] = [
    ("无增减", Direction::Flat),
    ("无变化", Direction::Flat),
    ("持平", Direction::Flat),
    ("增长", Direction::Increase),
    ("增加", Direction::Increase),
    ("增幅", Direction::Increase),
    ("上升", Direction::Increase),
    ("上涨", Direction::Increase),
    ("提高", Direction::Increase),
    ("减少", Direction::Decrease),
    ("下降", Direction::Decrease),
    ("降低", Direction::Decrease),
    ("降幅", Direction::Decrease),
    ("减幅", Direction::Decrease),
    ("增", Direction::Increase),
    ("减", Direction::Decrease),
];

/// A direction word at the start of `s`, and how many bytes it and its filler (`了`, `为`,
/// `率为`) take.
fn direction_at(s: &str) -> Option<(Direction, &'static str, usize)> {
    let (word, dir) = DIRECTIONS.iter().find(|(w, _)| s.starts_with(w))?;
    let mut len = word.len();
    while let Some(f) = ["率", "幅度", "了", "为", "约", "是", "："].iter().find(|f| s[len..].starts_with(**f))
    {
        len += f.len();
    }
    Some((*dir, word, len))
}

/// A direction word at the end of `s` (`因公出国（境）费增加`): where it starts.
fn direction_suffix(s: &str) -> Option<(Direction, &'static str, usize)> {
    let t = s.trim_end_matches(['了', '为', '约']);
    DIRECTIONS
        .iter()
        .filter(|(w, _)| w.chars().count() > 1)
        .find(|(w, _)| t.ends_with(w))
        .map(|(w, d)| (*d, *w, t.len() - w.len()))
}

/// The comparison words of a change (`比上年预算`, `较上年`, `同比`, `与上年相比`,
/// `比2023年`): byte range.
fn comparison(s: &str) -> Option<(usize, usize)> {
    for (at, c) in s.char_indices() {
        let rest = &s[at..];
        if rest.starts_with("同比") {
            return Some((at, at + "同比".len()));
        }
        if !matches!(c, '比' | '较' | '与') {
            continue;
        }
        let after = &rest[c.len_utf8()..];
        let base =
            ["上年度", "上一年", "上年", "去年"].iter().find(|b| after.starts_with(**b)).map(|b| b.len()).or_else(
                || {
                    let d = after.chars().take_while(|c| c.is_ascii_digit()).count();
                    (d == 4 && after[d..].starts_with('年')).then_some(d + '年'.len_utf8())
                },
            );
        let Some(mut len) = base else { continue };
        len += c.len_utf8();
        for suffix in ["预算数", "预算", "执行数", "决算数", "同期", "数"] {
            if rest[len..].starts_with(suffix) {
                len += suffix.len();
                break;
            }
        }
        for suffix in ["相比", "比较"] {
            if rest[len..].starts_with(suffix) {
                len += suffix.len();
            }
        }
        return Some((at, at + len));
    }
    None
}

const REASONS: [(&str, ReasonKind); 9] = [
    ("主要原因是", ReasonKind::Cause),
    ("主要原因为", ReasonKind::Cause),
    ("主要原因", ReasonKind::Cause),
    ("原因是", ReasonKind::Cause),
    ("原因为", ReasonKind::Cause),
    ("主要用于", ReasonKind::Use),
    ("主要是", ReasonKind::Cause),
    ("用于", ReasonKind::Use),
    ("系", ReasonKind::Cause),
];

fn reason_at(s: &str) -> Option<(ReasonKind, usize)> {
    REASONS.iter().find(|(w, _)| s.starts_with(w)).map(|(w, k)| (*k, w.len())).or_else(|| named_cause(s))
}

/// The lead of a named cause: `财政拨款收入支出减少` of `财政拨款收入支出减少的主要原因是…`.
fn named_cause_lead(s: &str) -> Option<&str> {
    if REASONS.iter().any(|(w, _)| s.starts_with(w)) {
        return None;
    }
    let (_, len) = named_cause(s)?;
    let lead = &s[..len];
    ["的主要原因是", "的主要原因为", "的原因是"].iter().find_map(|m| lead.strip_suffix(m))
}

/// A cause that names what it explains first (`公务接待费支出减少的主要原因是…`): a short lead
/// without figures, then `的主要原因是`.
fn named_cause(s: &str) -> Option<(ReasonKind, usize)> {
    const MARKERS: [&str; 3] = ["的主要原因是", "的主要原因为", "的原因是"];
    let (at, word) = MARKERS.iter().filter_map(|w| s.find(w).map(|at| (at, *w))).min_by_key(|(at, _)| *at)?;
    let lead = &s[..at];
    let short = lead.chars().count() <= 24;
    let no_figure = !lead.chars().any(|c| c.is_ascii_digit());
    (short && no_figure && !lead.is_empty()).then_some((ReasonKind::Cause, at + word.len()))
}

/// List heads, longest first; `true` when the list claims to be whole.
const LIST_WORDS: [(&str, bool); 7] = [
    ("主要包括", false),
    ("具体包括", true),
    ("分别为", true),
    ("分别是", true),
    ("主要有", false),
    ("包括", true),
    ("其中", false),
];

/// Words that say nothing about the subject: `2024年预算数为`, `涉及预算金额`.
fn is_filler(phrase: &str) -> bool {
    const WORDS: [&str; 22] = [
        "预算数",
        "预算",
        "金额",
        "涉及",
        "合计",
        "共计",
        "总计",
        "总额",
        "安排",
        "资金",
        "年度",
        "全年",
        "当年",
        "本年",
        "其中",
        "为",
        "是",
        "共",
        "计",
        "数",
        "达",
        "约",
    ];
    let mut s = strip_years(phrase);
    loop {
        let before = s.len();
        for w in WORDS {
            s = s.trim_start_matches(w);
        }
        if s.len() == before {
            break;
        }
    }
    s.is_empty()
}

/// Drops leading years (`2024年`, `2024年度`) and commas.
fn strip_years(s: &str) -> &str {
    let mut s = s;
    loop {
        let d = s.chars().take_while(|c| c.is_ascii_digit()).count();
        if d == 4 && s[d..].starts_with('年') {
            s = &s[d + '年'.len_utf8()..];
            s = s.trim_start_matches('度').trim_start_matches(['，', '的']);
        } else {
            return s;
        }
    }
}

/// The subject phrase without leading years and connectives and trailing `为`.
fn clean(phrase: &str) -> &str {
    let mut s = phrase.trim_matches(|c: char| c.is_whitespace() || c == '，' || c == '；');
    for lead in ["其中", "另外", "此外", "同时", "全年"] {
        s = s.strip_prefix(lead).unwrap_or(s);
    }
    s = strip_years(s);
    s = s.trim_start_matches(['，', '：']);
    loop {
        let before = s.len();
        for tail in ["为", "是", "达", "约", "共计", "合计"] {
            s = s.strip_suffix(tail).unwrap_or(s);
        }
        if s.len() == before {
            return s;
        }
    }
}

/// Which field of a fact a clause is about to fill: two statements about one subject in one
/// section are one fact when the second fills what the first left empty (`三公 4.29万元` …
/// `三公经费预算比上年预算增加 2.00万元`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Amount,
    Count,
    Change,
    Share,
    /// A final-accounts comparison of actual with budget.
    Versus,
    Nothing,
}

fn lacks(f: &Fact, want: Want) -> bool {
    match want {
        Want::Amount => f.amount.is_none() && !f.absent,
        Want::Count => f.count.is_none(),
        Want::Change => f.change.is_none(),
        Want::Share => f.share.is_none(),
        Want::Versus => f.versus_budget.is_none(),
        Want::Nothing => false,
    }
}

/// Where a section body is read: its section, what it talks about, and the total of the
/// enclosing top-level section (the base of a share that names none).
#[derive(Clone, Copy, Debug)]
pub struct BodyCtx {
    pub section: Option<usize>,
    pub scope: Scope,
    pub topic: Topic,
    pub total: Option<usize>,
}

/// Reading state inside one body.
#[derive(Default)]
struct State {
    /// The fact the last clause spoke of.
    cur: Option<usize>,
    /// The fact later statements are parts of (set by 其中, or by 包括 once parts follow).
    head: Option<usize>,
    /// An open list: its head fact, until the sentence ends.
    list: Option<usize>,
    /// A whole the sentence names again without a figure (`上述一般公共预算当年拨款中，…`): the
    /// base of the shares stated after it, until the sentence ends.
    whole: Option<usize>,
    /// The first fact of this body.
    first: usize,
}

/// The reader: facts and notes accumulated over every body.
pub struct Reader<'a> {
    catalog: &'a Catalog,
    pub facts: Vec<Fact>,
    pub notes: Vec<ReadNote>,
    /// The document is final accounts (决算): budgets, actuals and completion rates are read.
    pub final_accounts: bool,
    /// The budget year, when the document states it.
    pub year: Option<u16>,
}

impl<'a> Reader<'a> {
    pub fn new(catalog: &'a Catalog) -> Self {
        Reader { catalog, facts: Vec::new(), notes: Vec::new(), final_accounts: false, year: None }
    }

    /// Reads one section body.
    pub fn read_body(&mut self, norm: &Norm, ctx: &mut BodyCtx) {
        let cl = clauses(norm);
        let mut st = State { first: self.facts.len(), ..State::default() };
        let mut i = 0;
        while let Some(&c) = cl.get(i) {
            let text = &norm.text[c.start..c.end];
            let figs: Vec<Figure> = figures(text);
            let mut used = vec![false; figs.len()];
            let mut next = i + 1;
            let versus = if self.final_accounts { self.final_versus(norm, &cl, i, &mut st, ctx) } else { None };
            if let Some(last) = versus {
                next = last + 1;
                used.iter_mut().for_each(|u| *u = true);
            } else if let Some((kind, len)) = reason_at(text) {
                let last = self.reason_extent(norm, &cl, i, ctx.topic);
                let end = cl.get(last).map(|l| l.end).unwrap_or(c.end);
                let start = skip_is(&norm.text, c.start + len, end);
                if !self.named_reason(norm, &st, ctx, text, kind, start, end) {
                    self.reason(norm, &st, kind, start, end);
                }
                next = last + 1;
                used.iter_mut().for_each(|u| *u = true);
            } else {
                self.clause(norm, c, &figs, &mut used, &mut st, ctx);
            }
            for (f, u) in figs.iter().zip(&used) {
                if !u {
                    self.unread(norm, c.start + f.start, c.start + f.end, text);
                }
            }
            if matches!(c.after, Sep::Period | Sep::End) {
                st.list = None;
                st.whole = None;
            }
            i = next;
        }
    }

    /// The last clause of a reason that starts at clause `i`.
    fn reason_extent(&self, norm: &Norm, cl: &[Clause], i: usize, topic: Topic) -> usize {
        let mut j = i;
        while let (Some(c), Some(n)) = (cl.get(j), cl.get(j + 1)) {
            match c.after {
                Sep::Period | Sep::Enum | Sep::End => break,
                Sep::Semi if self.starts_statement(&norm.text[n.start..n.end], topic) => break,
                _ => j += 1,
            }
        }
        j
    }

    /// Whether a clause opens a statement: a known subject followed by a figure, a change or
    /// an absence.
    fn starts_statement(&self, text: &str, topic: Topic) -> bool {
        let cut = [
            figures(text).first().map(|f| f.start),
            comparison(text).map(|c| c.0),
            text.find("未安排"),
            DIRECTIONS.iter().filter_map(|(w, _)| text.find(w)).min(),
        ]
        .into_iter()
        .flatten()
        .min();
        let Some(cut) = cut else { return false };
        let topic = if topic == Topic::CarryOver { Topic::Other } else { topic };
        lexicon::subject(clean(&text[..cut]), topic, self.catalog).is_some()
    }

    /// A cause that names what it explains (`财政拨款收入支出减少的主要原因是…`, its own sentence
    /// after the figures) goes to the facts of this body it names, with a change in the direction
    /// it names, that have no reason yet. Whether any took it.
    #[allow(clippy::too_many_arguments)]
    fn named_reason(
        &mut self,
        norm: &Norm,
        st: &State,
        ctx: &BodyCtx,
        clause: &str,
        kind: ReasonKind,
        start: usize,
        end: usize,
    ) -> bool {
        let Some(lead) = named_cause_lead(clause) else { return false };
        // `减少的`, `增加`: the direction the cause explains.
        let mut phrase = lead;
        let mut direction = None;
        if let Some((w, d)) = DIRECTIONS.iter().find(|(w, _)| phrase.ends_with(w)) {
            phrase = &phrase[..phrase.len() - w.len()];
            direction = Some(*d);
        }
        // `财政拨款收入支出`: one cause of the income and the spending.
        let phrases: Vec<String> = match phrase.strip_suffix("收入支出").or_else(|| phrase.strip_suffix("收支")) {
            Some(head) => vec![format!("{head}收入"), format!("{head}支出")],
            None => vec![phrase.to_string()],
        };
        let topic = if ctx.topic == Topic::CarryOver { Topic::Other } else { ctx.topic };
        let named: Vec<(Subject, Option<Scope>)> = phrases
            .iter()
            .filter_map(|p| {
                let found = lexicon::subject(p, topic, self.catalog)?;
                let scope = lexicon::qualifier_scope(p, &found);
                Some((found.subject, scope))
            })
            .collect();
        if named.len() != phrases.len() {
            return false;
        }
        let value = norm.text[start..end].to_string();
        let span = norm.span(start, end);
        let mut took = false;
        for f in self.facts.iter_mut().skip(st.first) {
            let Some(change) = &f.change else { continue };
            let is_named = named.iter().any(|(s, sc)| *s == f.subject && sc.is_none_or(|sc| sc == f.scope));
            if f.reason.is_none() && is_named && direction.is_none_or(|d| d == change.direction) {
                f.reason = Some(Spanned::new(value.clone(), span));
                f.reason_kind = Some(kind);
                took = true;
            }
        }
        took
    }

    fn reason(&mut self, norm: &Norm, st: &State, kind: ReasonKind, start: usize, end: usize) {
        let value = norm.text[start..end].to_string();
        let span = norm.span(start, end);
        match st.cur.and_then(|k| self.facts.get_mut(k)) {
            Some(f) if f.reason.is_none() => {
                f.reason = Some(Spanned::new(value, span));
                f.reason_kind = Some(kind);
            }
            // A cause after the item's use: the cause is the reason, the use its purpose.
            Some(f) if kind == ReasonKind::Cause && f.reason_kind == Some(ReasonKind::Use) && f.purpose.is_none() => {
                f.purpose = f.reason.replace(Spanned::new(value, span));
                f.reason_kind = Some(kind);
            }
            _ => self.notes.push(ReadNote::new(
                NoteKind::UnreadLine,
                Some(span),
                format!("第 {} 行的原因说明没有可归属的数字：{value}", span.line),
                format!("the reason on line {} belongs to no figure: {value}", span.line),
            )),
        }
    }

    fn unread(&mut self, norm: &Norm, start: usize, end: usize, clause: &str) {
        let span = norm.span(start, end);
        let fig = norm.text.get(start..end).unwrap_or_default();
        self.notes.push(ReadNote::new(
            NoteKind::UnreadLine,
            Some(span),
            format!("第 {} 行的数字“{fig}”未能归入任何说明事项（{clause}）", span.line),
            format!("the figure “{fig}” on line {} is not attributed to any statement ({clause})", span.line),
        ));
    }

    /// One clause that is not a reason.
    fn clause(
        &mut self,
        norm: &Norm,
        c: Clause,
        figs: &[Figure],
        used: &mut [bool],
        st: &mut State,
        ctx: &mut BodyCtx,
    ) {
        let text = &norm.text[c.start..c.end];
        if text.is_empty() {
            return;
        }
        // `其中因公出国（境）费 0万元`: what follows is a part of the current fact.
        let text_body = match text.strip_prefix("其中") {
            Some(rest) if !rest.is_empty() => {
                if st.cur.is_some() {
                    st.head = st.cur;
                }
                rest
            }
            _ => text,
        };
        let off = c.start + (text.len() - text_body.len());
        let text = text_body;
        let figs: Vec<Figure> = figs
            .iter()
            .filter(|f| f.start >= off - c.start)
            .map(|f| Figure { kind: f.kind.clone(), start: f.start + c.start - off, end: f.end + c.start - off })
            .collect();
        // Figures here are relative to `text`; `used` is indexed like the caller's list, which
        // has the same figures in the same order after the skipped prefix.
        let skipped = used.len() - figs.len();
        let mut mark = |k: usize| {
            if let Some(u) = used.get_mut(skipped + k) {
                *u = true;
            }
        };

        // `财政拨款支出主要内容如下：`: the items that follow are of the money it names.
        if figs.is_empty() && c.after == Sep::Colon && text.ends_with("如下") {
            if let Some(scope) = lexicon::scope_words(text) {
                ctx.scope = scope;
            }
            st.cur = None;
            st.head = None;
            return;
        }

        // A list head: `收入预算包括`, `其中`, `主要包括`.
        if let Some(&(word, complete)) = LIST_WORDS.iter().find(|(w, _)| text.ends_with(w)) {
            if figs.is_empty() || word != "其中" || c.after == Sep::Colon {
                let phrase = &text[..text.len() - word.len()];
                let idx = if figs.is_empty() {
                    self.head_part(norm, off, phrase, st, ctx, Want::Nothing)
                } else {
                    let r = self.subject_figure(norm, off, phrase, &figs, st, ctx);
                    if let Some((_, t)) = &r {
                        t.iter().for_each(|&k| mark(k));
                    }
                    r.map(|r| r.0)
                };
                if let Some(idx) = idx {
                    if let Some(f) = self.facts.get_mut(idx) {
                        if f.listing.is_none() {
                            f.listing = Some(Listing { word: word.to_string(), complete, names: Vec::new() });
                        }
                    }
                    st.list = Some(idx);
                    if word == "其中" {
                        st.head = Some(idx);
                        ctx.total = ctx.total.or(Some(idx));
                    }
                }
                return;
            }
        }

        // `上述一般公共预算当年拨款中`: a whole stated before, named again as what follows is of.
        if figs.is_empty() {
            if let Some(idx) = self.whole_named_again(text, ctx) {
                st.whole = Some(idx);
                return;
            }
        }

        // Final accounts: `年初预算为 X`, `支出决算为 Y`, `完成年初预算的 Z%`.
        if self.final_accounts && !figs.is_empty() {
            if let Some(taken) = self.final_clause(norm, off, text, &figs, st, ctx) {
                taken.into_iter().for_each(&mut mark);
                return;
            }
        }

        // Names of an open list: no figures, no change words.
        if let Some(head) = st.list {
            let statement = comparison(text).is_some()
                || text.starts_with('占')
                || lexicon::function_item(text, self.catalog).is_some()
                || !absent_names(text).is_empty();
            if figs.is_empty() && !statement {
                let mut names = Vec::new();
                let mut at = 0;
                let mut complete_here = true;
                for part in text.split('、') {
                    let name = part.trim_end_matches('等');
                    if name.len() != part.len() {
                        complete_here = false;
                    }
                    if !name.is_empty() {
                        names.push(Spanned::new(name.to_string(), norm.span(off + at, off + at + name.len())));
                    }
                    at += part.len() + '、'.len_utf8();
                }
                if let Some(l) = self.facts.get_mut(head).and_then(|f| f.listing.as_mut()) {
                    l.names.extend(names);
                    l.complete &= complete_here;
                }
                return;
            }
        }

        // A change: `比上年预算增加 54.84万元`, `与上年持平`.
        if let Some((cs, ce)) = comparison(text) {
            let phrase = &text[..cs];
            let pre: Vec<Figure> = figs.iter().filter(|f| f.end <= cs).cloned().collect();
            let idx = if pre.is_empty() {
                self.head_part(norm, off, phrase, st, ctx, Want::Change)
            } else {
                let r = self.subject_figure(norm, off, phrase, &pre, st, ctx);
                if let Some((_, t)) = &r {
                    t.iter().for_each(|&k| mark(k));
                }
                r.map(|r| r.0)
            };
            let Some(idx) = idx else { return };
            let words = text[cs..ce].to_string();
            let n = pre.len();
            let rest: Vec<Figure> = figs[n..].to_vec();
            let taken = self.change(norm, off, idx, text, ce, &rest, words);
            for k in taken {
                mark(n + k);
            }
            return;
        }

        // `增长 8.30%`: the rest of the current change.
        if direction_at(text).is_some() && !figs.is_empty() {
            if let Some(idx) = st.cur {
                let inherited = self.inherited(st);
                let taken = self.change(norm, off, idx, text, 0, &figs, inherited);
                for k in taken {
                    mark(k);
                }
            }
            return;
        }

        // A share: `占 68.11%`, `占总支出的 35.5%`, `基本支出 88,000.00元占总支出的…`.
        if let Some(z) = text.find('占') {
            if let Some(k) = figs.iter().position(|f| f.start > z && matches!(f.kind, FigureKind::Rate(_))) {
                let phrase = &text[..z];
                let pre: Vec<Figure> = figs.iter().filter(|f| f.end <= z).cloned().collect();
                let idx = if pre.is_empty() {
                    self.head_part(norm, off, phrase, st, ctx, Want::Share)
                } else {
                    let r = self.subject_figure(norm, off, phrase, &pre, st, ctx);
                    if let Some((_, t)) = &r {
                        t.iter().for_each(|&k| mark(k));
                    }
                    r.map(|r| r.0)
                };
                if let (Some(idx), Some(f)) = (idx, figs.get(k)) {
                    if let FigureKind::Rate(rate) = f.kind {
                        mark(k);
                        let base = clean_base(&text[z + '占'.len_utf8()..f.start]);
                        let of_fact = match base {
                            Some(b) => self.fact_named(b, ctx),
                            None => st.whole.or(st.head).or(ctx.total),
                        }
                        .filter(|&t| t != idx);
                        let share = Share {
                            rate: Spanned::new(rate, norm.span(off + f.start, off + f.end)),
                            of: base.map(str::to_string),
                            of_fact,
                        };
                        if let Some(fact) = self.facts.get_mut(idx) {
                            fact.share = Some(share);
                        }
                    }
                }
                return;
            }
        }

        // An absence: `…未安排`, `无…和…`, `没有使用…安排的支出`.
        if figs.is_empty() {
            for names in absent_names(text) {
                let found: Vec<(usize, usize, Found)> = names
                    .iter()
                    .filter_map(|&(a, b)| {
                        let p = &text[a..b];
                        let t = if ctx.topic == Topic::CarryOver { Topic::Other } else { ctx.topic };
                        lexicon::subject(p, t, self.catalog).map(|f| (a, b, f))
                    })
                    .collect();
                if found.len() == names.len() {
                    for (a, b, f) in found {
                        let scope = lexicon::qualifier_scope(&text[a..b], &f).unwrap_or(ctx.scope);
                        let mut fact = Fact::new(f.subject, scope, &text[a..b], norm.span(off, off + text.len()));
                        fact.absent = true;
                        let idx = self.push(fact, st, ctx);
                        st.cur = Some(idx);
                    }
                    return;
                }
            }
        }

        // `2023年当年预算执行数为 54.60万元`: the current fact's last-year figure.
        if !self.final_accounts && self.prior_clause(norm, off, text, &figs, st) {
            mark(0);
            return;
        }
        if !figs.is_empty() {
            if let Some((_, taken)) = self.subject_figure(norm, off, text, &figs, st, ctx) {
                taken.into_iter().for_each(&mut mark);
            }
            return;
        }

        // A function item named before `：` with its figure in the next clause.
        if lexicon::function_item(text, self.catalog).is_some() {
            self.head_part(norm, off, text, st, ctx, Want::Nothing);
        }
    }

    /// The change words inherited by a part's change without its own comparison.
    fn inherited(&self, st: &State) -> String {
        st.head
            .and_then(|h| self.facts.get(h))
            .and_then(|f| f.change.as_ref())
            .map(|c| c.compared_with.clone())
            .unwrap_or_default()
    }

    /// Reads `direction figure` pairs from `text[from..]` into fact `idx`'s change. Returns the
    /// indices of `figs` taken.
    #[allow(clippy::too_many_arguments)]
    fn change(
        &mut self,
        norm: &Norm,
        off: usize,
        idx: usize,
        text: &str,
        from: usize,
        figs: &[Figure],
        words: String,
    ) -> Vec<usize> {
        let mut taken = Vec::new();
        let mut pos = from;
        let Some(fact) = self.facts.get_mut(idx) else { return taken };
        while pos < text.len() {
            let Some((dir, word, len)) = direction_at(&text[pos..]) else {
                pos += text[pos..].chars().next().map(char::len_utf8).unwrap_or(1);
                continue;
            };
            let word_start = pos;
            pos += len;
            let fig = figs.iter().position(|f| f.start == pos);
            let change = fact.change.get_or_insert_with(|| YoyChange {
                amount: None,
                direction: dir,
                direction_word: word.to_string(),
                rate: None,
                rate_word: None,
                compared_with: words.clone(),
                span: norm.span(off + word_start, off + pos),
            });
            let mut end = pos;
            match fig.and_then(|k| figs.get(k).map(|f| (k, f))) {
                Some((k, f)) => {
                    end = f.end;
                    let span = norm.span(off + f.start, off + f.end);
                    match &f.kind {
                        FigureKind::Money(m) if change.amount.is_none() => {
                            change.amount = Some(Spanned::new(*m, span));
                            change.direction = dir;
                            change.direction_word = word.to_string();
                            taken.push(k);
                        }
                        FigureKind::Rate(r) if change.rate.is_none() => {
                            change.rate = Some(Spanned::new(*r, span));
                            change.rate_word = Some(word.to_string());
                            if change.amount.is_none() {
                                change.direction = dir;
                                change.direction_word = word.to_string();
                            }
                            taken.push(k);
                        }
                        _ => {}
                    }
                    pos = f.end;
                }
                None if dir == Direction::Flat => {
                    change.direction = dir;
                    change.direction_word = word.to_string();
                }
                None => {}
            }
            change.span = change.span.cover(norm.span(off + word_start, off + end));
        }
        if let Some(c) = fact.change.as_mut() {
            if c.compared_with.is_empty() {
                c.compared_with = words;
            }
        }
        taken
    }

    /// The fact a phrase without a figure speaks of: the current one when the phrase says
    /// nothing, else the subject it names (merged with an earlier statement of it when
    /// `want` is still empty there), else an `Other` fact.
    fn head_part(
        &mut self,
        norm: &Norm,
        off: usize,
        phrase: &str,
        st: &mut State,
        ctx: &mut BodyCtx,
        want: Want,
    ) -> Option<usize> {
        let cleaned = clean(phrase);
        if is_filler(cleaned) {
            return st.cur;
        }
        let span = norm.span(off, off + phrase.len());
        let idx = self.subject_fact(cleaned, span, want, st, ctx);
        st.cur = Some(idx);
        Some(idx)
    }

    /// A fact for a subject phrase.
    fn subject_fact(&mut self, cleaned: &str, span: Span, want: Want, st: &mut State, ctx: &mut BodyCtx) -> usize {
        let found = lexicon::subject(cleaned, ctx.topic, self.catalog);
        // Without words of its own, a part has the scope of what it is a part of
        // (`一般公共预算支出包括：社会保障和就业支出…`).
        let inherited = st.list.or(st.head).and_then(|p| self.facts.get(p)).map(|p| p.scope).unwrap_or(ctx.scope);
        let (subject, scope) = match &found {
            Some(f) => (f.subject.clone(), lexicon::qualifier_scope(cleaned, f).unwrap_or(inherited)),
            None => (Subject::Other(cleaned.to_string()), inherited),
        };
        if want != Want::Nothing {
            let same =
                self.facts.iter().rposition(|f| f.section == ctx.section && f.subject == subject && f.scope == scope);
            if let Some(k) = same.filter(|&k| self.facts.get(k).is_some_and(|f| lacks(f, want))) {
                return k;
            }
        }
        self.push(Fact::new(subject, scope, cleaned, span), st, ctx)
    }

    fn push(&mut self, mut fact: Fact, st: &mut State, ctx: &mut BodyCtx) -> usize {
        fact.section = ctx.section;
        // Inside an open list with figures, the list's head is the parent until the sentence
        // ends (`收入预算包括：一般公共预算拨款 715.52万元。`); after 其中 it stays the parent.
        if let Some(l) = st.list {
            ctx.total = ctx.total.or(Some(l));
        }
        fact.parent = st.list.or(st.head);
        self.facts.push(fact);
        self.facts.len() - 1
    }

    /// A clause whose first figure is an amount or a count: `subject figure`, or `subject
    /// direction figure` (a part's change).
    fn subject_figure(
        &mut self,
        norm: &Norm,
        off: usize,
        text: &str,
        figs: &[Figure],
        st: &mut State,
        ctx: &mut BodyCtx,
    ) -> Option<(usize, Vec<usize>)> {
        let first = figs.first()?;
        let phrase = &text[..first.start];
        if let Some((_, _, at)) = direction_suffix(phrase) {
            let idx = self.head_part(norm, off, &phrase[..at], st, ctx, Want::Change)?;
            let inherited = self.inherited(st);
            let taken = self.change(norm, off, idx, text, at, figs, inherited);
            return Some((idx, taken));
        }
        let want = match first.kind {
            FigureKind::Count(_) => Want::Count,
            _ => Want::Amount,
        };
        let cleaned = clean(phrase);
        // `…53.84万元，…2024年预算安排 53.84万元`: the current fact's amount said again (W002
        // compares the two), not a new statement of something else.
        if let (Some(k), FigureKind::Money(_)) = (st.cur, &first.kind) {
            if is_filler(cleaned) && self.facts.get(k).is_some_and(|f| f.amount.is_some() && f.change.is_none()) {
                return Some((k, vec![0]));
            }
        }
        let idx = match st.cur {
            // `2024年预算数为 319.59万元`, `涉及金额 1,050.52万元`: the current fact's figure.
            Some(k) if is_filler(cleaned) && self.facts.get(k).is_some_and(|f| lacks(f, want)) => k,
            _ => {
                let span = norm.span(off, off + first.end);
                let cleaned = if cleaned.is_empty() { phrase } else { cleaned };
                self.subject_fact(cleaned, span, want, st, ctx)
            }
        };
        st.cur = Some(idx);
        let mut taken = Vec::new();
        for (k, f) in figs.iter().enumerate() {
            let span = norm.span(off + f.start, off + f.end);
            let Some(fact) = self.facts.get_mut(idx) else { break };
            match &f.kind {
                FigureKind::Money(m) if fact.amount.is_none() => {
                    fact.amount = Some(Spanned::new(*m, span));
                    fact.span = fact.span.cover(span);
                    taken.push(k);
                }
                FigureKind::Count(q) if fact.count.is_none() => {
                    fact.count = Some(Spanned::new(q.clone(), span));
                    fact.span = fact.span.cover(span);
                    taken.push(k);
                }
                _ => {}
            }
        }
        Some((idx, taken))
    }

    /// The latest fact whose subject the phrase names (the base of `占总支出的 35.5%`).
    /// The fact a clause without figures names again as a whole: `上述X`, `X中`, `在上述X中`,
    /// the latest fact of that subject and scope with an amount.
    fn whole_named_again(&self, text: &str, ctx: &BodyCtx) -> Option<usize> {
        let t = text.strip_prefix('在').unwrap_or(text);
        let (again, t) = match t.strip_prefix("上述") {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let phrase = match t.strip_suffix('中') {
            Some(p) => p,
            None if again => t,
            None => return None,
        };
        let found = lexicon::subject(phrase, ctx.topic, self.catalog)?;
        // The subject must be the whole phrase, not a word inside a longer one.
        if found.start != 0 || found.end != phrase.len() {
            return None;
        }
        let scope = lexicon::qualifier_scope(phrase, &found);
        self.facts
            .iter()
            .rposition(|f| f.amount.is_some() && f.subject == found.subject && scope.is_none_or(|s| s == f.scope))
    }

    fn fact_named(&self, phrase: &str, ctx: &BodyCtx) -> Option<usize> {
        let found = lexicon::subject(phrase, ctx.topic, self.catalog)?;
        self.facts.iter().rposition(|f| f.subject == found.subject)
    }
}

/// Skips `是` (doubled by typos: `主要原因是是`) and a colon after a reason word.
fn skip_is(text: &str, mut at: usize, end: usize) -> usize {
    while at < end {
        match text[at..].chars().next() {
            Some(c @ ('是' | '：' | '，')) => at += c.len_utf8(),
            _ => break,
        }
    }
    at
}

/// The base of a share, cleaned: `总支出的` → `总支出`; none when only filler.
fn clean_base(s: &str) -> Option<&str> {
    let mut b = s.trim_start_matches('比');
    loop {
        let before = b.len();
        for tail in ["的比重为", "的比例为", "比重为", "比例为", "的比重", "的比例", "比重", "比例", "为", "的", "约"]
        {
            b = b.strip_suffix(tail).unwrap_or(b);
        }
        if b.len() == before {
            break;
        }
    }
    (!b.is_empty()).then_some(b)
}

/// The names an absence statement may name, as byte ranges, in the order to try them:
/// `…资金未安排` (before), `本年度未安排…` (after), `无A和B`, `没有使用A安排的支出`.
fn absent_names(text: &str) -> Vec<Vec<(usize, usize)>> {
    let mut ranges = Vec::new();
    if let Some((p, len)) = ["未安排", "没有安排", "不安排"].iter().find_map(|w| text.find(w).map(|p| (p, w.len())))
    {
        ranges.push((0, p));
        ranges.push((p + len, text.len()));
    } else if let Some((p, len)) = ["没有使用", "未使用"].iter().find_map(|w| text.find(w).map(|p| (p, w.len())))
    {
        let start = p + len;
        let end =
            text[start..].find("安排").or_else(|| text[start..].find('的')).map(|e| start + e).unwrap_or(text.len());
        ranges.push((start, end));
    } else if let Some(rest) = text.strip_prefix('无') {
        ranges.push((text.len() - rest.len(), text.len()));
    }
    ranges
        .into_iter()
        .filter(|(a, b)| a < b)
        .map(|(a, b)| {
            // `A和B`, `A、B`, `A及B`: several absences in one clause.
            let mut out = Vec::new();
            let mut start = a;
            for (k, c) in text[a..b].char_indices() {
                if matches!(c, '和' | '、' | '及') {
                    out.push((start, a + k));
                    start = a + k + c.len_utf8();
                }
            }
            out.push((start, b));
            out.retain(|(s, e)| s < e);
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons() {
        let c = |s: &str| comparison(s).map(|(a, b)| s[a..b].to_string());
        assert_eq!(c("比上年预算增加").as_deref(), Some("比上年预算"));
        assert_eq!(c("较上年减少").as_deref(), Some("较上年"));
        assert_eq!(c("与上年相比增长").as_deref(), Some("与上年相比"));
        assert_eq!(c("项目支出与上年持平").as_deref(), Some("与上年"));
        assert_eq!(c("同比增长3.2%").as_deref(), Some("同比"));
        assert_eq!(c("比2023年增加").as_deref(), Some("比2023年"));
        assert_eq!(c("占比35%"), None);
    }

    #[test]
    fn enumerators() {
        assert_eq!(enumerator("1、社会"), Some(4));
        assert_eq!(enumerator("12．考务费"), Some(5));
        assert_eq!(enumerator("3.房屋"), Some(2));
        assert_eq!(enumerator("3.5万元"), None);
        assert_eq!(enumerator("（2）项目"), Some(7));
        assert_eq!(enumerator("2024年"), None);
    }

    #[test]
    fn fillers_and_absences() {
        assert!(is_filler("2024年预算数为"));
        assert!(is_filler("涉及预算金额"));
        assert!(!is_filler("基本支出"));
        let t = "无政府性基金预算拨款和国有资本经营预算";
        let n = absent_names(t).into_iter().next().unwrap_or_default();
        assert_eq!(n.iter().map(|&(a, b)| &t[a..b]).collect::<Vec<_>>(), ["政府性基金预算拨款", "国有资本经营预算"]);
        assert_eq!(clean_base("总支出的"), Some("总支出"));
        assert_eq!(clean_base(""), None);
    }
}
