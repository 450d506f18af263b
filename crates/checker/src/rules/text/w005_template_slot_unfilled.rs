use crate::context::Context;
use crate::finding::Message;
use crate::rule::Sink;

crate::rule! {
    /// Flags a template slot left unfilled in the prose: a unit with no figure before it
    /// (`占 %`, `减少 万元`), a placeholder (`XX万元`, `××单位`, `20XX年`), blanks (`____`) or an
    /// empty bracket (`（ ）`).
    ///
    /// Disclosures are written from a template; a slot left empty publishes a sentence with no
    /// figure in it, and says nothing about the money it was meant to state.
    ///
    /// Example: `政府性基金预算 万元，占 %，比上年预算减少 万元`.
    TEMPLATE_SLOT_UNFILLED: code "W005", name "template-slot-unfilled", family Text, severity Warning, check check
}

/// What a slot looks like at byte `i` of `t`: its byte length, when one starts there.
fn slot_at(t: &str, i: usize) -> Option<usize> {
    let rest = t.get(i..)?;
    let prev = t[..i].chars().next_back();
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    // A unit right after a word, spaces between: the figure that should stand there is missing.
    let ws = rest.chars().take_while(|c| *c == ' ' || *c == '\u{3000}').map(char::len_utf8).sum::<usize>();
    let after = &rest[ws..];
    let unit = ["万元", "%", "％"].into_iter().find(|u| after.starts_with(u));
    if let (Some(u), Some(p)) = (unit, prev) {
        // `数十万元`, `上百万元` are words; `单位：万元` and `（万元）` follow punctuation.
        let word = u == "万元" && ws == 0 && "十百千数几上".contains(p);
        if cjk(p) && !word {
            return Some(ws + u.len());
        }
    }
    // Placeholders: two or more X/×, or `20X` in a year, not inside a Latin word.
    let is_x = |c: char| matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ' | '×');
    if rest.starts_with(is_x) && !prev.is_some_and(|c| c.is_ascii_alphabetic() || is_x(c)) {
        let run: usize = rest.chars().take_while(|&c| is_x(c)).map(char::len_utf8).sum();
        let count = rest[..run].chars().count();
        let next = rest[run..].chars().next();
        let latin_next = next.is_some_and(|c| c.is_ascii_alphabetic());
        let year_digits = prev.is_some_and(|c| c.is_ascii_digit()) && next == Some('年');
        if !latin_next && (count >= 2 || year_digits) {
            return Some(run);
        }
    }
    // Blanks and empty brackets.
    if rest.starts_with("__") || rest.starts_with("＿＿") {
        return Some(rest.chars().take_while(|c| matches!(c, '_' | '＿')).map(char::len_utf8).sum());
    }
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】')] {
        if let Some(inner) = rest.strip_prefix(open) {
            let blank: usize = inner.chars().take_while(|c| *c == ' ' || *c == '\u{3000}').map(char::len_utf8).sum();
            if inner[blank..].starts_with(close) {
                return Some(open.len_utf8() + blank + close.len_utf8());
            }
        }
    }
    None
}

fn check(cx: &Context, sink: &mut Sink) {
    for para in cx.paragraphs() {
        let t = &para.text;
        let mut skip_to = 0;
        for (i, _) in t.char_indices() {
            if i < skip_to {
                continue;
            }
            let Some(len) = slot_at(t, i) else { continue };
            skip_to = i + len;
            let slot = t[i..i + len].trim();
            let from = t[..i].char_indices().rev().nth(7).map(|(k, _)| k).unwrap_or(0);
            let context = format!("{}{}", &t[from..i], &t[i..i + len]);
            let unit_slot = slot.ends_with("万元") || slot.ends_with(['%', '％']);
            let msg = if unit_slot {
                Message::new(
                    format!("模板空位未填写：“{context}”中“{slot}”前缺少数字"),
                    format!("template slot left unfilled: no figure before '{slot}' in '{context}'"),
                )
            } else {
                Message::new(
                    format!("模板占位符未替换：“{context}”中的“{slot}”"),
                    format!("template placeholder left in: '{slot}' in '{context}'"),
                )
            };
            sink.report(para.span(i, i + len), msg);
        }
    }
}
