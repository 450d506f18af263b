use crate::context::Context;
use crate::finding::Message;
use crate::prose::is_whole;
use crate::rule::Sink;
use yusuan_model::registry::{detect_document, schema};
use yusuan_model::span::Span;

crate::rule! {
    /// Notes, once, a whole disclosure that fits none of the loaded forms (`crates/model/forms/`,
    /// `--form FILE`): it has tables no form of its kind lists together, or lacks more than half of
    /// the tables the closest form requires. The note names the closest form and what did not fit;
    /// the missing tables are not listed one by one (C001), since the document is most likely in
    /// a form yusuan was not told about, and its tables read under another form's names.
    ///
    /// Example: a 单位预算 whose only table recognised is 部门收支总体情况表.
    FORM_NOT_RECOGNIZED: code "C007", name "form-not-recognized", family Completeness, severity Info, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    if !is_whole(cx.doc) {
        return;
    }
    let Some(fit) = detect_document(cx.doc).filter(|f| !f.fits) else { return };
    let title = |k: &str| schema(k).map_or_else(|| k.to_string(), |s| s.title.to_string());
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if !fit.foreign.is_empty() {
        let t: Vec<String> = fit.foreign.iter().map(|k| title(k)).collect();
        zh.push(format!("该格式没有{}", t.iter().map(|t| format!("“{t}”")).collect::<Vec<_>>().join("、")));
        en.push(format!("the form has no {}", fit.foreign.join(", ")));
    }
    if !fit.missing.is_empty() {
        let n = fit.form.required_kinds.len();
        zh.push(format!("该格式必备的 {n} 张表中缺少 {} 张", fit.missing.len()));
        en.push(format!("{} of the {n} tables it requires are missing", fit.missing.len()));
    }
    let at = cx.doc.tables.first().map(|t| t.title.span).unwrap_or(Span::on_line(1, 1, 1));
    sink.report(
        at,
        Message::new(
            format!("未能识别本文件的格式；最接近的是“{}”（{}），但{}", fit.form.name.zh, fit.form.id, zh.join("，")),
            format!(
                "the document fits no known form; the closest is {} ({}), but {}",
                fit.form.name.en,
                fit.form.id,
                en.join(", and ")
            ),
        ),
    );
}
