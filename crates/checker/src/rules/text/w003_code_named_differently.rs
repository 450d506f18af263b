use crate::context::Context;
use crate::finding::{Message, Related};
use crate::names::{named_codes, same_name, Named};
use crate::rule::Sink;

crate::rule! {
    /// Flags a classification code printed with one name in one place and another name
    /// elsewhere in the same document: two tables, or a table and 情况说明.
    ///
    /// A code has one name; two names mean a row was typed from an old template or the wrong row
    /// was copied, and a reader cannot tell which money the code stands for. Names are compared
    /// without spaces and bracket widths, with or without a trailing 支出, and accepting the old
    /// and new names of a renamed 款.
    ///
    /// Example: table 2 `208 01 人力资源和社会保障管理事务`, table 5 `208 01 人力资源和社会保障管理支出`.
    CODE_NAMED_DIFFERENTLY: code "W003", name "code-named-differently", family Text, severity Warning, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    let all = named_codes(cx.doc);
    // The first name each code was printed with, then each other name once.
    let mut seen: Vec<&Named> = Vec::new();
    for n in &all {
        let same_code: Vec<&&Named> = seen.iter().filter(|s| s.code == n.code).collect();
        let Some(first) = same_code.first() else {
            seen.push(n);
            continue;
        };
        if same_code.iter().any(|s| same_name(&n.code, &s.name, &n.name)) {
            continue;
        }
        let mut f = sink.finding(
            n.span,
            Message::new(
                format!(
                    "科目编码 {} 在{}名为“{}”，在{}却名为“{}”",
                    n.code.spaced(),
                    first.place,
                    first.name.trim(),
                    n.place,
                    n.name.trim()
                ),
                format!(
                    "code {} is named '{}' in {} but '{}' in {}",
                    n.code.spaced(),
                    first.name.trim(),
                    first.place,
                    n.name.trim(),
                    n.place
                ),
            ),
        );
        f.related = vec![Related {
            span: first.span,
            label: Message::new(format!("{}的名称", first.place), format!("the name in {}", first.place)),
        }];
        sink.push(f);
        seen.push(n);
    }
}
