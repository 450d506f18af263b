use crate::context::Context;
use crate::finding::Message;
use crate::prose::{number_at, unit_at, Para, Unit};
use crate::rule::Sink;
use crate::wording::{FALL, RISE};

crate::rule! {
    /// Flags a change whose own words contradict each other within one sentence: an amount and
    /// its rate stated with opposite directions (`减少 150.00万元，增长 39.47%`), or a direction
    /// word before a negative figure (`增加 -5.00万元`).
    ///
    /// This needs no other figure: the sentence cannot be right as written. (Whether the stated
    /// direction agrees with last year's and this year's amounts is the narrative family's
    /// year-on-year check; this rule reads only the words and signs of one sentence.)
    ///
    /// Example: `单位资金 230.00万元，比上年预算减少 150.00万元，增长 39.47%`.
    DIRECTION_WORDS_DISAGREE: code "W004", name "direction-words-disagree", family Text, severity Error, check check
}

/// A direction word and the figure right after it.
struct Stated<'a> {
    word: &'a str,
    up: bool,
    negative: bool,
    zero: bool,
    unit: Unit,
    /// Byte range of the word and figure, and of the figure alone.
    start: usize,
    figure: (usize, usize),
}

fn stated(t: &str) -> Vec<Stated<'_>> {
    let mut out = Vec::new();
    for (i, _) in t.char_indices() {
        let rest = &t[i..];
        let found =
            RISE.iter().map(|w| (*w, true)).chain(FALL.iter().map(|w| (*w, false))).find(|(w, _)| rest.starts_with(w));
        let Some((word, up)) = found else { continue };
        let after = i + word.len();
        let r = t[after..].trim_start_matches([' ', '\u{3000}', '了']);
        let at = t.len() - r.len();
        let Some((end, negative)) = number_at(t, at) else { continue };
        let Some((unit, unit_end)) = unit_at(t, end) else { continue };
        let zero = t[at..end].chars().all(|c| !c.is_ascii_digit() || c == '0');
        out.push(Stated { word: &t[i..after], up, negative, zero, unit, start: i, figure: (at, unit_end) });
    }
    out
}

fn check(cx: &Context, sink: &mut Sink) {
    for para in cx.paragraphs() {
        for (a, b) in para.sentences() {
            let Some(sentence) = para.text.get(a..b) else { continue };
            let found = stated(sentence);
            for s in &found {
                if s.negative {
                    report_negative(sink, para, a, sentence, s);
                }
            }
            // An amount and the rate right after it (only a comma between) describe one change.
            for w in found.windows(2) {
                let [amount, rate] = w else { continue };
                let Some(between) = sentence.get(amount.figure.1..rate.start) else { continue };
                if !matches!(amount.unit, Unit::Money(_))
                    || rate.unit != Unit::Percent
                    || !between.chars().all(|c| matches!(c, '，' | ',' | '、' | ' ' | '\u{3000}'))
                    || amount.up == rate.up
                    || (amount.zero && rate.zero)
                    || amount.negative
                    || rate.negative
                {
                    continue;
                }
                let span = para.span(a + amount.start, a + rate.figure.1);
                let (aw, rw) = (amount.word, rate.word);
                let (Some(af), Some(rf)) =
                    (sentence.get(amount.figure.0..amount.figure.1), sentence.get(rate.figure.0..rate.figure.1))
                else {
                    continue;
                };
                sink.report(
                    span,
                    Message::new(
                        format!("同一变动的方向前后矛盾：金额写“{aw} {af}”，幅度却写“{rw} {rf}”"),
                        format!("one change is stated in opposite directions: '{aw} {af}' and then '{rw} {rf}'"),
                    ),
                );
            }
        }
    }
}

fn report_negative(sink: &mut Sink, para: &Para, a: usize, sentence: &str, s: &Stated) {
    let figure = sentence.get(s.figure.0..s.figure.1).unwrap_or_default();
    let meaning = if s.up { ("减少", "a fall") } else { ("增加", "a rise") };
    sink.report(
        para.span(a + s.start, a + s.figure.1),
        Message::new(
            format!("“{}”后接负数“{figure}”：方向词与数值符号矛盾，实际是{}？", s.word, meaning.0),
            format!(
                "'{}' is followed by the negative figure '{figure}': word and sign disagree (is it {}?)",
                s.word, meaning.1
            ),
        ),
    );
}
