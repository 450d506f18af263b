use crate::context::Context;
use crate::finding::Message;
use crate::rule::Sink;

crate::rule! {
    /// Flags a reason or use announced and not given: `主要原因是。`, `主要用于；`, or the
    /// announcement at the very end of a paragraph.
    ///
    /// Reasons for changes are what the 公开 rules require the text to add to the tables; an
    /// announced reason with nothing after it is a template slot left empty, and reads as if the
    /// department had no reason.
    ///
    /// Example: `项目支出 602.00万元，比上年预算减少 155.67万元，下降 20.55%，主要原因是。`
    REASON_LEFT_BLANK: code "W006", name "reason-left-blank", family Text, severity Warning, check check
}

/// Words that announce a reason or a use, longest first.
const ANNOUNCE: [&str; 6] = ["主要原因是", "主要原因为", "主要原因：", "原因是", "原因为", "主要用于"];

fn check(cx: &Context, sink: &mut Sink) {
    for para in cx.paragraphs() {
        let t = &para.text;
        let mut skip_to = 0;
        for (i, _) in t.char_indices() {
            if i < skip_to {
                continue;
            }
            let Some(word) = ANNOUNCE.iter().find(|w| t[i..].starts_with(**w)) else { continue };
            let end = i + word.len();
            skip_to = end;
            let after = t[end..].trim_start_matches([' ', '\u{3000}']);
            let colon = after.starts_with(['：', ':']);
            let after = after.trim_start_matches(['：', ':', ' ', '\u{3000}']);
            let dots = after.trim_start_matches(['…', '.', '．']);
            // At a paragraph's end a colon may open a numbered list of reasons on the next lines.
            let blank = if after.is_empty() {
                !colon
            } else {
                dots.is_empty() || dots.starts_with(['。', '；', ';', '，', ','])
            };
            if !blank {
                continue;
            }
            let what = if word.contains("用于") { ("用途", "use") } else { ("原因", "reason") };
            sink.report(
                para.span(i, end),
                Message::new(
                    format!("“{word}”之后没有写明{}", what.0),
                    format!("'{word}' announces a {} and none follows", what.1),
                ),
            );
        }
    }
}
