//! The Excel workbook: the example's `budget.xlsx` is the TOML example in another form (the same
//! checked budget, the same disclosure); the template round-trips; every problem is named by
//! sheet, row and field; numbers and text are read in either kind of cell; no input panics.

use proptest::prelude::*;
use rust_xlsxwriter::Workbook;
use yusuan_builder::build::build;
use yusuan_builder::data::{BudgetData, Kind, Source};
use yusuan_builder::load::amount;
use yusuan_builder::{from_toml, from_xlsx, template, Budget, DataError};
use yusuan_model::money::Fen;
use yusuan_model::Catalog;

const EXAMPLE: &str = include_str!("../../../examples/changji-hrss-2024/budget.toml");
const EXAMPLE_XLSX: &[u8] = include_bytes!("../../../examples/changji-hrss-2024/budget.xlsx");
const FILE: &str = "budget.xlsx";

fn catalog() -> &'static Catalog {
    Catalog::shared_builtin()
}

fn messages(errors: &[DataError]) -> String {
    errors.iter().map(|e| e.message("zh")).collect::<Vec<_>>().join("\n")
}

fn toml_example() -> Budget {
    from_toml(EXAMPLE, "budget.toml", catalog()).unwrap_or_else(|e| panic!("{}", messages(&e)))
}

fn read(bytes: &[u8]) -> Budget {
    from_xlsx(bytes, FILE, catalog()).unwrap_or_else(|e| panic!("{}", messages(&e)))
}

fn errors(bytes: &[u8]) -> Vec<DataError> {
    match from_xlsx(bytes, FILE, catalog()) {
        Ok(_) => panic!("the workbook loads"),
        Err(e) => e,
    }
}

/// The data with every amount in one form (分), since the workbook holds amounts in 元 while
/// the TOML writes them as `114.33万元`: what is compared is the amount, not its spelling.
fn canonical(mut d: BudgetData) -> BudgetData {
    fn fen(s: &mut toml::Spanned<String>) {
        let f = amount(s.get_ref()).unwrap_or_else(|e| panic!("{}: {e:?}", s.get_ref()));
        *s.get_mut() = format!("{}分", f.0);
    }
    d.items.iter_mut().for_each(|i| fen(&mut i.amount));
    d.prior.values_mut().for_each(fen);
    for p in &mut d.projects {
        p.allocation.iter_mut().for_each(|a| fen(&mut a.amount));
    }
    let pr = &mut d.procurement;
    for v in [&mut pr.goods, &mut pr.works, &mut pr.services, &mut pr.sme_reserved, &mut pr.small_micro_reserved] {
        v.iter_mut().for_each(fen);
    }
    fn assets(list: &mut [yusuan_builder::data::AssetData]) {
        for a in list {
            a.value.iter_mut().for_each(fen);
            assets(&mut a.parts);
        }
    }
    assets(&mut d.assets.categories);
    d
}

fn disclosure_json(b: &Budget) -> String {
    serde_json::to_string_pretty(&build(b, catalog()).disclosure).unwrap()
}

// ---- The example ----------------------------------------------------------------------------

#[test]
fn the_example_workbook_is_the_toml_example() {
    let (t, x) = (toml_example(), read(EXAMPLE_XLSX));
    assert_eq!(x.items, t.items);
    assert_eq!(x.prior, t.prior);
    assert_eq!(x.data.reasons, t.data.reasons);
    assert_eq!(x.data.uses, t.data.uses);
    assert_eq!(x.data.names, t.data.names);
    assert_eq!(x.data.department, t.data.department);
    assert_eq!(x.data.targets, t.data.targets);
    assert_eq!(canonical(x.data.clone()).projects, canonical(t.data.clone()).projects);
    assert_eq!(canonical(x.data), canonical(t.data));
}

#[test]
fn the_example_workbook_builds_the_same_disclosure() {
    let (t, x) = (toml_example(), read(EXAMPLE_XLSX));
    let (tj, xj) = (disclosure_json(&t), disclosure_json(&x));
    assert!(tj == xj, "the disclosures differ");
}

#[test]
fn the_committed_workbook_is_up_to_date() {
    // Regenerate with: yusuan template --example --out examples/changji-hrss-2024/budget.xlsx
    let fresh = template(Some(&toml_example().data)).unwrap();
    assert!(fresh == EXAMPLE_XLSX, "examples/changji-hrss-2024/budget.xlsx is stale");
}

// ---- The template ---------------------------------------------------------------------------

#[test]
fn the_template_round_trips_the_data() {
    let t = toml_example();
    let bytes = template(Some(&t.data)).unwrap();
    let x = read(&bytes);
    assert_eq!(canonical(x.data.clone()), canonical(t.data.clone()));
    // And again: what the workbook gives, written and read, is itself exactly.
    let again = read(&template(Some(&x.data)).unwrap());
    assert_eq!(again.data, x.data);
    assert_eq!(again, x);
}

#[test]
fn the_blank_template_asks_for_the_department() {
    let errs = errors(&template(None).unwrap());
    let fields: Vec<_> = errs.iter().map(|e| (e.sheet.as_deref(), e.field.as_str(), e.zh.as_str())).collect();
    assert_eq!(
        fields,
        [(Some("部门"), "value", "缺少“部门名称”"), (Some("部门"), "value", "缺少“预算年度”")],
        "{}",
        messages(&errs)
    );
}

#[test]
fn the_template_has_every_sheet_with_frozen_bold_headers_and_validation() {
    let bytes = template(None).unwrap();
    let names: Vec<String> = {
        use calamine::Reader;
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(&bytes)).unwrap().sheet_names()
    };
    assert_eq!(
        names,
        [
            "说明",
            "部门",
            "收支明细",
            "上年预算",
            "增减原因",
            "资金用途",
            "项目",
            "资金分配",
            "绩效指标",
            "政府采购",
            "国有资产",
            "科目名称"
        ]
    );
    // The items sheet's XML: frozen pane, list validations on 资金来源 and 支出类型 pointing at
    // the 说明 sheet's lists, a decimal validation on the amount, text length on the codes.
    let xml = zip_entry(&bytes, "xl/worksheets/sheet3.xml");
    assert!(xml.contains("state=\"frozen\""), "{xml}");
    assert!(xml.contains("type=\"list\"") && xml.contains("'说明'!$B$"), "{xml}");
    assert!(xml.contains("type=\"decimal\"") && xml.contains("sqref=\"F2:"), "{xml}");
    assert!(xml.contains("type=\"textLength\"") && xml.contains("sqref=\"A2:"), "{xml}");
    let styles = zip_entry(&bytes, "xl/styles.xml");
    assert!(styles.contains("<b/>"), "bold header");
}

/// A file of the xlsx archive, as text (found by its local header; the files are deflated).
fn zip_entry(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

// ---- Hand-made workbooks --------------------------------------------------------------------

#[derive(Clone, Debug)]
enum V {
    S(&'static str),
    N(f64),
    E,
}
use V::{E, N, S};

/// A workbook with these sheets and rows (row 1 the header).
fn workbook(sheets: &[(&str, Vec<Vec<V>>)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                match v {
                    S(s) => {
                        ws.write_string(r as u32, c as u16, *s).unwrap();
                    }
                    N(n) => {
                        ws.write_number(r as u32, c as u16, *n).unwrap();
                    }
                    E => {}
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

fn department() -> (&'static str, Vec<Vec<V>>) {
    ("部门", vec![vec![S("项目"), S("内容")], vec![S("部门名称"), S("测试局")], vec![S("预算年度"), N(2024.0)]])
}

fn items_header() -> Vec<V> {
    ["功能分类科目编码", "经济分类科目编码", "资金来源", "支出类型", "项目名称", "金额（元）"].map(S).to_vec()
}

/// The names of the codes the tests use that the partial built-in catalog lacks: the data's to
/// give, or the tables would print those rows nameless.
fn names_sheet() -> (&'static str, Vec<Vec<V>>) {
    let names = vec![
        vec![S("科目编码"), S("科目名称")],
        vec![S("20801"), S("人力资源和社会保障管理事务")],
        vec![S("2080101"), S("行政运行")],
        vec![S("2080199"), S("其他人力资源和社会保障管理事务支出")],
    ];
    ("科目名称", names)
}

/// A small valid budget: two basic items, with the given extra sheets and item rows.
fn small(items: Vec<Vec<V>>, extra: Vec<(&'static str, Vec<Vec<V>>)>) -> Vec<u8> {
    let mut rows = vec![
        items_header(),
        vec![S("2080101"), S("30101"), S("一般公共预算拨款"), S("人员经费"), E, N(1143280.0)],
        vec![S("2080101"), S("30201"), S("一般公共预算拨款"), S("公用经费"), E, N(5000.5)],
    ];
    rows.extend(items);
    let mut sheets = vec![department(), ("收支明细", rows)];
    if !extra.iter().any(|(name, _)| *name == "科目名称") {
        sheets.push(names_sheet());
    }
    sheets.extend(extra);
    workbook(&sheets)
}

/// The single error, checked for its sheet, row and field.
fn one_error(bytes: &[u8], sheet: &str, row: usize, field: &str) -> DataError {
    let errs = errors(bytes);
    assert_eq!(errs.len(), 1, "{}", messages(&errs));
    let e = errs.into_iter().next().unwrap();
    assert_eq!((e.sheet.as_deref(), e.row, e.field.as_str(), e.line), (Some(sheet), Some(row), field, None), "{e:?}");
    assert!(
        e.message("zh").starts_with(&format!("{FILE} 工作表“{sheet}”第 {row} 行: [{field}] ")),
        "{}",
        e.message("zh")
    );
    assert!(e.message("en").starts_with(&format!("{FILE}, sheet \"{sheet}\" row {row}: [{field}] ")));
    e
}

#[test]
fn a_small_workbook_loads() {
    let b = read(&small(vec![], vec![]));
    assert_eq!(b.data.department.name, "测试局");
    assert_eq!(b.data.department.year, 2024);
    assert_eq!(b.items.len(), 2);
    assert_eq!(b.items[0].amount, Fen(114_328_000));
    assert_eq!(b.items[1].amount, Fen(500_050));
    assert_eq!((b.items[1].source, b.items[1].kind), (Source::GeneralBudget, Kind::Operating));
}

#[test]
fn a_code_of_the_wrong_length_is_named_by_sheet_row_and_field() {
    let bytes = small(vec![vec![S("20801"), S("30101"), S("一般公共预算拨款"), S("人员经费"), E, N(1.0)]], vec![]);
    let e = one_error(&bytes, "收支明细", 4, "function");
    assert!(e.en.contains("7-digit"), "{}", e.en);
}

#[test]
fn an_amount_that_does_not_parse_is_named_by_sheet_row_and_field() {
    let bytes =
        small(vec![vec![S("2080101"), S("30101"), S("一般公共预算拨款"), S("人员经费"), E, S("83.1.0万元")]], vec![]);
    let e = one_error(&bytes, "收支明细", 4, "amount");
    assert!(e.zh.contains("83.1.0万元"), "{}", e.zh);
}

#[test]
fn a_number_finer_than_a_fen_is_an_error_not_rounded() {
    let bytes = small(vec![vec![S("2080101"), S("30101"), S("一般公共预算拨款"), S("人员经费"), E, N(12.345)]], vec![]);
    let e = one_error(&bytes, "收支明细", 4, "amount");
    assert!(e.zh.contains("12.345") && e.zh.contains("不是整分"), "{}", e.zh);
}

#[test]
fn an_unknown_source_label_is_named_by_sheet_row_and_field() {
    let bytes = small(vec![vec![S("2080101"), S("30101"), S("一般预算"), S("人员经费"), E, N(1.0)]], vec![]);
    let e = one_error(&bytes, "收支明细", 4, "source");
    assert!(e.zh.contains("“一般预算”不是允许的值") && e.zh.contains("一般公共预算拨款"), "{}", e.zh);
}

#[test]
fn a_reason_for_a_key_that_does_not_exist_is_named_by_sheet_row_and_field() {
    let reasons = (
        "增减原因",
        vec![
            vec![S("比较项"), S("原因")],
            vec![S("basic"), S("人员增加。")],
            vec![S("function.2130101"), S("没有这笔钱。")],
        ],
    );
    let e = one_error(&small(vec![], vec![reasons]), "增减原因", 3, "reasons");
    assert!(e.zh.contains("function.2130101"), "{}", e.zh);
}

#[test]
fn a_project_item_without_its_description_is_named_by_sheet_row() {
    let bytes =
        small(vec![vec![S("2080199"), S("30201"), S("一般公共预算拨款"), S("项目支出"), S("考务费"), N(10.0)]], vec![]);
    one_error(&bytes, "收支明细", 4, "projects");
}

#[test]
fn unknown_sheets_columns_and_headerless_data_are_errors_not_dropped() {
    let bytes = small(vec![], vec![("草稿", vec![vec![S("随便写写")]])]);
    let errs = errors(&bytes);
    assert_eq!((errs.len(), errs[0].sheet.as_deref(), errs[0].row), (1, Some("草稿"), None), "{}", messages(&errs));
    // An unknown column, and data under no header.
    let mut header = items_header();
    header.push(S("税率"));
    let rows = vec![header, vec![S("2080101"), S("30101"), S("一般公共预算拨款"), S("人员经费"), E, N(1.0), S("3%")]];
    let bytes = workbook(&[department(), ("收支明细", rows), names_sheet()]);
    let errs = errors(&bytes);
    assert_eq!(errs.len(), 1, "{}", messages(&errs));
    assert_eq!((errs[0].row, errs[0].field.as_str()), (Some(1), "header"));
    assert!(errs[0].zh.contains("未知的列“税率”"), "{}", errs[0].zh);
    let rows = vec![
        items_header(),
        vec![S("2080101"), S("30101"), S("一般公共预算拨款"), S("人员经费"), E, N(1.0), E, S("?")],
    ];
    let errs = errors(&workbook(&[department(), ("收支明细", rows), names_sheet()]));
    assert_eq!((errs.len(), errs[0].row, errs[0].field.as_str()), (1, Some(2), "header"), "{}", messages(&errs));
    assert!(errs[0].zh.contains("第 H 列"), "{}", errs[0].zh);
    // A 备注 column is the preparer's and is not read.
    let mut header = items_header();
    header.push(S("备注"));
    let rows = vec![header, vec![S("2080101"), S("30101"), S("一般公共预算拨款"), S("人员经费"), E, N(1.0), S("注")]];
    assert_eq!(read(&workbook(&[department(), ("收支明细", rows), names_sheet()])).items.len(), 1);
}

#[test]
fn numbers_typed_as_text_and_text_typed_as_numbers_read_alike() {
    let rows = vec![
        items_header(),
        // Codes typed as numbers keep their digits; the amount as text with its unit.
        vec![N(2080101.0), N(30101.0), S("general_budget"), S("personnel"), E, S("114.328万元")],
        // Codes as text with spaces; the amount as text in 元 with separators.
        vec![S("208 01 01"), S("30102"), S("一般公共预算拨款"), S("人员经费"), E, S("1,143,280.00")],
        // A formula's binary noise (0.1 + 0.2) is read as the 0.30 元 it shows.
        vec![S("2080101"), S("30103"), S("一般公共预算拨款"), S("人员经费"), E, N(0.1 + 0.2)],
    ];
    let department = (
        "部门",
        vec![
            vec![S("项目"), S("内容")],
            vec![S("name"), S("测试局")],
            vec![S("预算年度"), S("2024")],
            vec![S("在职人数"), S("24")],
            vec![S("在职人数比上年增减"), N(-2.0)],
            vec![S("联系电话"), N(13364905509.0)],
            vec![S("主要职能"), S("甲。")],
            vec![S("主要职能"), S("乙。")],
        ],
    );
    let names = (
        "科目名称",
        vec![
            vec![S("科目编码"), S("科目名称")],
            vec![N(20801.0), S("人力资源和社会保障管理事务")],
            vec![N(2080101.0), S("行政运行")],
        ],
    );
    let prior = ("上年预算", vec![vec![S("比较项"), S("金额（万元）")], vec![S("一般公共预算拨款"), N(114.33)]]);
    let b = read(&workbook(&[department, ("收支明细", rows), names, prior]));
    let codes: Vec<_> =
        b.items.iter().map(|i| (i.function.as_str().to_string(), i.econ.as_str().to_string())).collect();
    assert_eq!(codes[0], ("2080101".into(), "30101".into()));
    assert_eq!(b.items.iter().map(|i| i.amount.0).collect::<Vec<_>>(), [114_328_000, 114_328_000, 30]);
    assert_eq!(b.data.items[0].function.get_ref(), "2080101");
    assert_eq!(b.data.names.keys().collect::<Vec<_>>(), ["20801", "2080101"]);
    let dep = &b.data.department;
    assert_eq!((dep.year, dep.staffing.in_service, dep.staffing.in_service_change), (2024, Some(24), -2));
    assert_eq!(dep.phone.as_deref(), Some("13364905509"));
    assert_eq!(dep.duties, ["甲。", "乙。"]);
    // A 金额（万元） header reads the numbers under it in 万元; the key by its Chinese name.
    assert_eq!(b.prior.get("general_budget"), Some(&Fen(114_330_000)));
}

#[test]
fn amounts_round_trip_exactly_through_excel_numbers() {
    // Every amount to the fen up to 10^13 元 comes back the same through the double Excel keeps.
    let mut runner = proptest::test_runner::TestRunner::default();
    runner
        .run(&(-1_000_000_000_000_000i64..1_000_000_000_000_000i64), |fen| {
            let f = fen as f64 / 100.0;
            let text = format!("{f}");
            let back = amount(&text).unwrap();
            prop_assert_eq!(back, Fen(fen));
            Ok(())
        })
        .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        prop_assert!(from_xlsx(&bytes, FILE, catalog()).is_err());
    }

    #[test]
    fn a_damaged_workbook_never_panics(at in 0usize..EXAMPLE_XLSX.len(), byte in any::<u8>(), cut in any::<bool>()) {
        let mut bytes = EXAMPLE_XLSX.to_vec();
        bytes[at] = byte;
        if cut {
            bytes.truncate(at);
        }
        let _ = from_xlsx(&bytes, FILE, catalog());
    }
}
