//! The text summary of the seed, as snapshots in both languages, and line by line where it
//! matters: values stand under the right header, ambiguous values are set apart, notes carry
//! their line numbers.

use unicode_width::UnicodeWidthStr;
use yusuan_model::money::{AmountUnit, Money};
use yusuan_model::table::{Assignment, Cell, DocumentKind, Row, Table};
use yusuan_model::{Disclosure, Span, Spanned};
use yusuan_readers::text::read_bytes;
use yusuan_renderers::{summary, Lang};

fn seed() -> Disclosure {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/changji-hrss-2024-budget.txt");
    read_bytes(&std::fs::read(path).expect("the seed fixture"))
}

/// The runs of non-blank characters of a line, with their display columns `[start, end)`.
fn tokens(line: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c == ' ', start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push((line[..s].width(), line[..i].width(), &line[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((line[..s].width(), line.width(), &line[s..]));
    }
    out
}

/// The lines of the table whose heading starts with `heading`, up to the blank line after it.
fn table_block<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    text.lines().skip_while(|l| !l.starts_with(heading)).take_while(|l| !l.is_empty()).collect()
}

/// What the row holding `key` shows under the header `label`: the token that ends where the
/// (right-aligned) header ends, a marker `?`/`!` hanging past it, or that starts where a
/// left-aligned header starts.
fn under<'a>(block: &[&'a str], key: &str, label: &str) -> Option<&'a str> {
    let rule = block.iter().position(|l| l.trim_start().starts_with("--"))?;
    let (start, end) =
        block[..rule].iter().flat_map(|l| tokens(l)).find(|(_, _, t)| *t == label).map(|(s, e, _)| (s, e))?;
    let row = block[rule..].iter().find(|l| tokens(l).iter().any(|(_, _, t)| *t == key))?;
    tokens(row)
        .into_iter()
        .find(|(s, e, t)| *e == end || (*e == end + 1 && t.ends_with(['?', '!'])) || *s == start)
        .map(|(_, _, t)| t)
}

#[test]
fn seed_summary_zh() {
    insta::assert_snapshot!("seed_summary_zh", summary(&seed(), Lang::Zh));
}

#[test]
fn seed_summary_en() {
    insta::assert_snapshot!("seed_summary_en", summary(&seed(), Lang::En));
}

#[test]
fn values_stand_under_their_headers() {
    let d = seed();
    for (lang, t2, t7, unplaced) in
        [(Lang::Zh, "表 2 ", "表 7 ", "未定栏目"), (Lang::En, "Table 2 ", "Table 7 ", "unplaced")]
    {
        let text = summary(&d, lang);
        let t2 = table_block(&text, t2);
        assert_eq!(under(&t2, "2080102", "总计"), Some("56.00"));
        assert_eq!(under(&t2, "2080102", "小计"), Some("26.00"));
        assert_eq!(under(&t2, "2080102", "单位资金"), Some("25.00"));
        assert_eq!(under(&t2, "2080102", "非财政拨款结"), Some("5.00"), "a wrapped header's last line counts");
        assert_eq!(under(&t2, "2080102", "财政拨款结转"), None, "a blank cell stays blank");
        // Table 7: the total is settled, the parts fit several columns and are set apart.
        let t7 = table_block(&text, t7);
        assert_eq!(under(&t7, "2080108", "合计"), Some("15.00"));
        assert_eq!(under(&t7, "2080108", unplaced), Some("14.08?"));
        let row = t7.iter().find(|l| l.contains("2080108")).expect("row 2080108");
        assert!(row.ends_with("14.08? 0.92?"), "{row}");
        assert!(t7.iter().any(|l| l.starts_with("  ? ")), "the marker is explained");
    }
}

#[test]
fn every_part_is_reported() {
    let d = seed();
    let zh = summary(&d, Lang::Zh);
    let en = summary(&d, Lang::En);
    for (text, lines) in [
        (
            &zh,
            &[
                "部门预算公开 · 昌吉回族自治州人力资源和社会保障服务中心 · 2024年",
                "落款日期：2024年 2月 23日",
                "主要职能（条）：9",
                "内设机构（处室）：声明 5 个，列出 5 个：综合科、职业技能评价服务中心、职称评价和高层次人才服务科、劳动能力鉴定科、人事考试和信息服务科",
                "人员：编制 25 人，实有 29 人；其中 在职 24 人（比上年 +6），退休 5 人（比上年 0），离休 0 人（比上年 0）",
                "  空表：昌吉回族自治州人力资源和社会保障服务中心 2024年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。",
                "  [三] 基本支出 448.52万元 占 42.69% 比上年预算增加 116.84万元 增长 35.23%",
                "[十二（四）] 部门整体绩效目标 1个 1050.52万元",
                "     课程建设费      17.5万元  50课时 × 3500元/课时 = 17.5万元",
                "  [未安排] 2024年部门预算未安排购置车辆经费",
                "   履职效能  数量指标  参加各类考试人数                    ≥ 38000人次    15",
                "财政拨款：指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。",
            ][..],
        ),
        (
            &en,
            &[
                "Department budget disclosure · 昌吉回族自治州人力资源和社会保障服务中心 · 2024",
                "Internal divisions (处室): declared 5, listed 5: 综合科、职业技能评价服务中心、职称评价和高层次人才服务科、劳动能力鉴定科、人事考试和信息服务科",
                "  [三] basic expenditure 448.52万元 share 42.69% up 116.84万元 35.23% vs 比上年预算",
                "   level 1   level 2   level 3                             target       weight",
            ][..],
        ),
    ] {
        for line in lines {
            assert!(text.lines().any(|l| l == *line), "missing line: {line}");
        }
    }
    assert!(zh.lines().any(|l| l.starts_with("第 643 行  [栏目未定] 表“一般公共预算项目支出情况表”“总计”行")));
    assert!(en.lines().any(|l| l.starts_with("lines 645–648  [ambiguous columns] table '一般公共预算项目支出情况表'")));
    for text in [&zh, &en] {
        assert!(text.lines().all(|l| l == l.trim_end()), "no trailing blanks");
    }
}

fn money(v: &str) -> Cell {
    Cell { value: Money::parse(v, AmountUnit::Wan).expect("a figure"), span: Span::default() }
}

fn row(name: &str, values: &[&str], assignment: Assignment) -> Row {
    Row {
        panel: 0,
        code: None,
        fixed: None,
        name: Spanned::new(name.to_string(), Span::on_line(3, 1, 3)),
        project: None,
        values: values.iter().map(|v| money(v)).collect(),
        assignment,
        parent: None,
        span: Span::on_line(3, 1, 20),
    }
}

fn table(kind: &str, rows: Vec<Row>) -> Table {
    Table {
        kind: kind.to_string(),
        number: Some(3),
        title: Spanned::new("部门支出总体情况表".to_string(), Span::on_line(1, 1, 10)),
        department: None,
        unit: AmountUnit::Wan,
        rows,
        empty_statement: None,
        span: Span::on_line(1, 1, 20),
    }
}

#[test]
fn placements_the_reader_could_not_settle_are_marked() {
    let mut d = Disclosure::new(DocumentKind::Budget);
    d.tables.push(table(
        "expenditure_summary",
        vec![
            // Both candidates put 10.00 under 合计; 4.00 and 6.00 swap between the other two.
            row(
                "甲",
                &["10.00", "4.00", "6.00"],
                Assignment::Ambiguous { candidates: vec![vec![0, 1, 2], vec![0, 2, 1]] },
            ),
            row("乙", &["9.00", "4.00"], Assignment::Inconsistent { columns: vec![0, 2] }),
            // A column index beyond the declared ones (hand-edited JSON) is not dropped.
            row("丙", &["1.00"], Assignment::Resolved { columns: vec![7] }),
        ],
    ));
    d.tables
        .push(table("no_such_kind", vec![row("丁", &["1.00", "2.00"], Assignment::Resolved { columns: vec![5, 6] })]));
    let text = summary(&d, Lang::Zh);
    let block = table_block(&text, "表 3 ");
    assert_eq!(under(&block, "甲", "合计"), Some("10.00"));
    assert_eq!(under(&block, "甲", "基本支出"), None);
    assert_eq!(under(&block, "甲", "未定栏目"), Some("4.00?"));
    assert_eq!(under(&block, "乙", "项目支出"), Some("4.00!"));
    assert_eq!(under(&block, "丙", "未定栏目"), Some("1.00?"));
    assert!(block.iter().any(|l| l.starts_with("  ! ")), "the marker is explained");
    // An undeclared kind shows its values in printed order.
    let unknown: Vec<&str> = text.lines().skip_while(|l| !l.contains("[no_such_kind]")).collect();
    assert_eq!(under(&unknown, "丁", "#1"), Some("1.00"));
    assert_eq!(under(&unknown, "丁", "#2"), Some("2.00"));
}

#[test]
fn an_empty_model_renders() {
    let d = Disclosure::new(DocumentKind::FinalAccounts);
    let text = summary(&d, Lang::En);
    assert!(text.starts_with("Department final accounts disclosure · (department not found) · (year not found)\n"));
    assert!(text.contains("== Tables ==\n(none)\n"));
    assert_eq!(Lang::default(), Lang::Zh);
}
