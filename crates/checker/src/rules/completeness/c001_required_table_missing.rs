use crate::context::Context;
use crate::finding::Message;
use crate::prose::is_whole;
use crate::rule::Sink;
use yusuan_model::registry::{detect_document, fold_title, schema};
use yusuan_model::span::Span;
use yusuan_model::table::DocumentKind;

crate::rule! {
    /// Flags a table the 部门预算 disclosure must publish and does not: the eight tables of
    /// 财预〔2016〕143号 (部门收支总表, 部门收入总表, 部门支出总表, 财政拨款收支总表, 一般公共预算支出表,
    /// 一般公共预算基本支出表, 一般公共预算“三公”经费支出表, 政府性基金预算支出表); of a 部门决算,
    /// the nine tables of the final-accounts template (收入支出决算总表 … 国有资本经营预算财政拨款
    /// 收入支出决算表).
    ///
    /// The tables are those the document's form requires (`crates/model/forms/`: Shanghai's
    /// variants stand for the national tables they replace). A document that fits no form is
    /// told so once (C007), not given a list of missing tables.
    ///
    /// The rules require every one of them, an empty one included (published and stated empty).
    /// Only a document that presents itself as a whole disclosure is checked (two or more
    /// `第X部分` headings, or three or more tables with three or more numbered narrative
    /// sections): a pasted table or paragraph is a fragment and is not told what it lacks.
    ///
    /// Example: a disclosure with 表1–表7 and no 政府性基金预算支出情况表, although 情况说明 says it
    /// is empty.
    REQUIRED_TABLE_MISSING: code "C001", name "required-table-missing", family Completeness, severity Warning, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    if !is_whole(cx.doc) {
        return;
    }
    // A document in no known form is C007's, once.
    let Some(fit) = detect_document(cx.doc).filter(|f| f.fits) else { return };
    let package = match cx.doc.document {
        DocumentKind::Budget => "部门预算",
        DocumentKind::FinalAccounts => "部门决算",
    };
    let paras = cx.paragraphs();
    let at = cx.doc.tables.first().map(|t| t.title.span).unwrap_or(Span::on_line(1, 1, 1));
    for kind in fit.missing {
        let Some(s) = schema(kind) else { continue };
        let titles: Vec<String> = std::iter::once(s.title).chain(s.aliases.iter().copied()).map(fold_title).collect();
        let said_empty = paras.iter().any(|p| {
            let f = fold_title(&p.text);
            f.contains("空表") && titles.iter().any(|t| f.contains(t.as_str()))
        });
        let (zh, en) = if said_empty {
            (
                "；情况说明称其为空表，但空表也须公开",
                "; the narrative says it is empty, but an empty table is still published",
            )
        } else {
            ("", "")
        };
        sink.report(
            at,
            Message::new(
                format!("缺少{package}公开必备的“{}”{zh}", s.title),
                format!("the required table '{}' ({kind}) is not in the disclosure{en}", s.title),
            ),
        );
    }
}
