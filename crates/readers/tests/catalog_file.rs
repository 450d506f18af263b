//! Loading official catalogs from CSV and spreadsheet files: every layout real files use, every
//! encoding, errors that point at the row, and no panic on any input.

use std::path::{Path, PathBuf};
use yusuan_model::catalog::{Catalog, Code, Level, Lookup};
use yusuan_readers::catalog_file::{
    catalog_from_bytes, load_catalog, CatalogFileError, CatalogFileErrorKind, Place, RowProblem, MAX_LISTED_ROWS,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalog").join(name)
}

fn load(text: &str) -> Catalog {
    match catalog_from_bytes(text.as_bytes(), "test.csv") {
        Ok(c) => c,
        Err(e) => panic!("{}", e.message("en")),
    }
}

fn load_err(bytes: &[u8], name: &str) -> CatalogFileError {
    match catalog_from_bytes(bytes, name) {
        Ok(c) => panic!("expected an error, got {} entries", c.len()),
        Err(e) => e,
    }
}

fn name_of(c: &Catalog, code: &str) -> String {
    match c.lookup(code) {
        Some(Lookup::Known(e)) => e.name.clone(),
        other => panic!("{code}: {other:?}"),
    }
}

fn bad_rows(e: &CatalogFileError) -> (&[yusuan_readers::catalog_file::BadRow], usize) {
    match &e.kind {
        CatalogFileErrorKind::BadRows { rows, total } => (rows, *total),
        other => panic!("expected bad rows, got {other:?}"),
    }
}

// ---- layouts -------------------------------------------------------------------------------

#[test]
fn code_name_level_as_shipped() {
    let c = load("code,name,level\n208,社会保障和就业支出,1\n20801,人力资源和社会保障管理事务,2\n2080101,行政运行,3\n");
    assert_eq!(c.len(), 3);
    assert!(c.complete, "a loaded catalog is the official whole");
    assert_eq!(c.source, "test.csv");
    assert_eq!(name_of(&c, "2080101"), "行政运行");
    // Complete: a code it lacks does not exist, rather than being unknown.
    assert_eq!(c.lookup("2080102"), Some(Lookup::NotInCatalog));
}

#[test]
fn the_builtin_files_load_through_the_file_reader() {
    for name in ["econ_dept.csv", "econ_gov.csv", "function_partial.csv"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog").join(name);
        let c = load_catalog(&path).unwrap_or_else(|e| panic!("{}", e.message("en")));
        let mut reference = Catalog::new("ref", false);
        assert!(reference.add_csv(&std::fs::read_to_string(&path).unwrap()).is_empty());
        assert_eq!(c.len(), reference.len(), "{name}");
        assert!(c.entries().eq(reference.entries()), "{name}");
    }
}

#[test]
fn chinese_headers_of_every_kind() {
    for header in [
        "科目编码,科目名称",
        "功能分类科目编码,功能分类科目名称",
        "经济分类科目编码,经济分类科目名称",
        "编码,名称",
        "科目代码,科目名称",
        "Code,Name",
    ] {
        let c = load(&format!("{header}\n301,工资福利支出\n30101,基本工资\n"));
        assert_eq!(c.len(), 2, "{header}");
        assert_eq!(name_of(&c, "30101"), "基本工资", "{header}");
    }
}

#[test]
fn columns_in_any_order_with_extra_columns() {
    let c = load("序号,科目名称,备注,科目编码\n1,工资福利支出,,301\n2,基本工资,\"含 岗位工资, 薪级工资\",30101\n");
    assert_eq!(name_of(&c, "301"), "工资福利支出");
    assert_eq!(name_of(&c, "30101"), "基本工资");
}

#[test]
fn title_rows_blank_lines_quotes_and_indentation() {
    let c = load_catalog(&fixture("function_titled.csv")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.len(), 12);
    assert_eq!(name_of(&c, "20801"), "人力资源和社会保障管理事务");
    assert_eq!(name_of(&c, "2080101"), "行政运行", "indentation is not part of the name");
    assert_eq!(name_of(&c, "2080102"), "一般行政管理事务");
    assert_eq!(
        name_of(&c, "2210299"),
        "其他住房改革支出（含提租补贴, 购房补贴）",
        "a comma inside quotes stays in the name"
    );
    let Some(Lookup::Known(e)) = c.lookup("221") else { panic!() };
    assert_eq!(e.level, Level::Class);
    assert!(c.source.ends_with("function_titled.csv"));
}

#[test]
fn codes_split_into_class_section_item_columns() {
    // 科目编码 over 类 | 款 | 项, with blank 类 and 款 carried down as merged cells are.
    let c = load_catalog(&fixture("function_split.csv")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.len(), 9);
    assert_eq!(name_of(&c, "208"), "社会保障和就业支出");
    assert_eq!(name_of(&c, "20801"), "人力资源和社会保障管理事务");
    assert_eq!(name_of(&c, "2080101"), "行政运行");
    assert_eq!(name_of(&c, "2080102"), "一般行政管理事务");
    assert_eq!(name_of(&c, "20805"), "行政事业单位养老支出");
    assert_eq!(name_of(&c, "2080505"), "机关事业单位基本养老保险缴费支出");
    assert_eq!(name_of(&c, "2101101"), "行政单位医疗");

    // One header row 类,款,项 and single-digit parts (as a spreadsheet exports numbers).
    let c = load("类,款,项,科目名称\n208,,,社会保障和就业支出\n208,1,,人力资源和社会保障管理事务\n208,1,1,行政运行\n");
    assert_eq!(name_of(&c, "2080101"), "行政运行");
    assert_eq!(c.len(), 3);
}

#[test]
fn spaced_and_dashed_codes() {
    let c = load_catalog(&fixture("econ_dept_spaced.csv")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.len(), 7);
    assert_eq!(name_of(&c, "30108"), "机关事业单位基本养老保险缴费");
    assert_eq!(name_of(&c, "30211"), "差旅费");
    let c = load("编码,名称\n208,社会保障和就业支出\n208-01,人力资源和社会保障管理事务\n208 01 01,行政运行\n[2080102],一般行政管理事务\n");
    assert_eq!(c.len(), 4);
    assert_eq!(name_of(&c, "2080102"), "一般行政管理事务");
}

#[test]
fn code_and_name_in_one_cell() {
    let c = load("科目编码,科目名称\n[208]社会保障和就业支出,\n2080101 行政运行,\n");
    assert_eq!(name_of(&c, "208"), "社会保障和就业支出");
    assert_eq!(name_of(&c, "2080101"), "行政运行");
}

#[test]
fn no_header_but_code_rows() {
    let c = load("政府收支分类科目\n208,社会保障和就业支出\n2080101,行政运行\n");
    assert_eq!(c.len(), 2);
}

#[test]
fn tabs_crlf_and_repeated_headers() {
    let c = load("科目编码\t科目名称\r\n301\t工资福利支出\r\n\r\n科目编码\t科目名称\r\n30101\t基本工资\r\n注：本表按财预〔2024〕号文件编制\r\n");
    assert_eq!(c.len(), 2);
    assert_eq!(name_of(&c, "30101"), "基本工资");
}

// ---- encodings -----------------------------------------------------------------------------

#[test]
fn utf8_bom() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice("科目编码,科目名称\n301,工资福利支出\n".as_bytes());
    let c = catalog_from_bytes(&bytes, "bom.csv").unwrap();
    assert_eq!(name_of(&c, "301"), "工资福利支出");
}

#[test]
fn gbk_encoded_csv() {
    let text = std::fs::read_to_string(fixture("function_titled.csv")).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gbk).is_err(), "the fixture must really be GBK bytes");
    let c = catalog_from_bytes(&gbk, "gbk.csv").unwrap_or_else(|e| panic!("{e}"));
    let utf8 = load(&text);
    assert!(c.entries().eq(utf8.entries()));
    assert_eq!(name_of(&c, "2080505"), "机关事业单位基本养老保险缴费支出");
}

// ---- lookups after loading -----------------------------------------------------------------

#[test]
fn spaced_unspaced_and_name_lookups_meet() {
    let c = load_catalog(&fixture("function_titled.csv")).unwrap();
    for e in c.entries() {
        let spaced = e.code.spaced();
        let (Some(Lookup::Known(a)), Some(Lookup::Known(b))) = (c.lookup(&spaced), c.lookup(e.code.as_str())) else {
            panic!("{} not found", e.code)
        };
        assert_eq!(a, b);
        assert_eq!(a, e);
        let by_name = c.find_by_name(&e.name);
        assert!(by_name.contains(&e), "{} by name", e.name);
        // Indentation a table might add back does not matter either.
        assert!(c.find_by_name(&format!("  {}", e.name)).contains(&e));
        if let Some(parent) = e.code.parent() {
            assert_eq!(c.find_child_by_name(&parent, &e.name), Some(e));
        }
    }
    let code = Code::parse("208 05 05").unwrap();
    let Lookup::Known(e) = c.get(&code) else { panic!() };
    assert_eq!(c.find_by_name("机关事业单位基本养老保险缴费 支出"), vec![e]);
}

// ---- errors --------------------------------------------------------------------------------

#[test]
fn bad_rows_are_listed_with_their_lines() {
    let text = "title\n科目编码,科目名称,级次\n208,社会保障和就业支出,1\n20x01,坏编码,2\n20801,,2\n,只有名称,\n2080101,行政运行,2\n2080102,\"多行\n名称\",3\n20802,级次不明,九\n";
    let e = load_err(text.as_bytes(), "bad.csv");
    let (rows, total) = bad_rows(&e);
    assert_eq!(total, 5);
    let lines: Vec<_> = rows.iter().map(|r| r.place.clone()).collect();
    assert_eq!(lines, [4, 5, 6, 7, 10].map(Place::Line), "1-based lines, counting the newline inside the quoted name");
    assert_eq!(rows[0].problem, RowProblem::BadCode("20x01".into()));
    assert_eq!(rows[1].problem, RowProblem::NoName);
    assert_eq!(rows[2].problem, RowProblem::NoCode);
    assert_eq!(rows[3].problem, RowProblem::LevelMismatch { stated: Level::Section, code: Level::Item });
    assert_eq!(rows[4].problem, RowProblem::BadLevel("九".into()));

    let zh = e.message("zh");
    assert!(zh.starts_with("bad.csv：有 5 行无法读取"), "{zh}");
    assert!(zh.contains("第 4 行：科目编码“20x01”无法识别"), "{zh}");
    assert_eq!(e.to_string(), zh, "Chinese is the default");
    let en = e.message("en");
    assert!(en.starts_with("bad.csv: 5 row(s) cannot be read"), "{en}");
    assert!(en.contains("line 4: code \"20x01\" is not"), "{en}");
    assert!(en.contains("line 10: level \"九\""), "{en}");
}

#[test]
fn at_most_ten_bad_rows_are_listed() {
    let mut text = String::from("code,name\n");
    for i in 0..25 {
        text.push_str(&format!("9x{i},bad\n"));
    }
    let e = load_err(text.as_bytes(), "many.csv");
    let (rows, total) = bad_rows(&e);
    assert_eq!(total, 25);
    assert_eq!(rows.len(), MAX_LISTED_ROWS);
    assert!(e.message("en").contains("… and 15 more"));
    assert!(e.message("zh").contains("另有 15 行"));
}

#[test]
fn duplicate_codes_with_different_names_fail() {
    let e = load_err("code,name\n301,工资福利支出\n301,工资福利支出\n301,别的名字\n".as_bytes(), "dup.csv");
    let (rows, total) = bad_rows(&e);
    assert_eq!(total, 1, "the same entry twice is harmless");
    assert_eq!(rows[0].place, Place::Line(4));
    assert_eq!(rows[0].problem, RowProblem::Duplicate { first: Place::Line(2), first_name: "工资福利支出".into() });
}

#[test]
fn unclosed_quote_and_undecodable_bytes_fail() {
    let e = load_err("code,name\n301,工资福利支出\n30101,\"基本工资\n30102,津贴补贴\n".as_bytes(), "q.csv");
    let (rows, _) = bad_rows(&e);
    assert_eq!(rows[0].place, Place::Line(3));
    assert_eq!(rows[0].problem, RowProblem::UnclosedQuote);

    let (gbk, _, _) = encoding_rs::GBK.encode("科目编码,科目名称\n301,工资福利支出\n30101,基本");
    let bytes = [gbk.as_ref(), b"\xff\xff\n"].concat();
    let e = load_err(&bytes, "broken.csv");
    let (rows, _) = bad_rows(&e);
    assert_eq!(rows[0].place, Place::Line(3));
    assert_eq!(rows[0].problem, RowProblem::Undecodable);
}

#[test]
fn files_without_a_catalog() {
    let e = load_err("部门预算公开\n收入,支出\n1,2\n".as_bytes(), "x.csv");
    assert_eq!(e.kind, CatalogFileErrorKind::NoHeader);
    assert!(e.message("zh").contains("x.csv"));
    assert!(e.message("en").contains("no header row"));
    let e = load_err("科目编码,科目名称\n\n".as_bytes(), "empty.csv");
    assert_eq!(e.kind, CatalogFileErrorKind::NoEntries);
    let e = load_err(b"", "nothing.csv");
    assert_eq!(e.kind, CatalogFileErrorKind::NoHeader);
    let e = load_catalog(Path::new("/nonexistent/official.csv")).unwrap_err();
    assert!(matches!(e.kind, CatalogFileErrorKind::Io(_)));
    assert!(e.message("en").starts_with("/nonexistent/official.csv: cannot read"));
    let e = load_err(b"not a spreadsheet", "official.xlsx");
    assert!(matches!(e.kind, CatalogFileErrorKind::Workbook(_)), "{e}");
}

// ---- spreadsheets --------------------------------------------------------------------------

fn xlsx(build: impl FnOnce(&mut rust_xlsxwriter::Workbook)) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    build(&mut wb);
    wb.save_to_buffer().unwrap()
}

#[test]
fn xlsx_first_sheet_with_codes_numbers_and_split_columns() {
    let bytes = xlsx(|wb| {
        let notes = wb.add_worksheet().set_name("说明").unwrap();
        notes.write_string(0, 0, "本文件为 2024 年政府收支分类科目").unwrap();
        let ws = wb.add_worksheet().set_name("功能分类").unwrap();
        ws.write_string(0, 0, "2024年支出功能分类科目").unwrap();
        ws.write_string(2, 0, "类").unwrap();
        ws.write_string(2, 1, "款").unwrap();
        ws.write_string(2, 2, "项").unwrap();
        ws.write_string(2, 3, "科目名称").unwrap();
        // Typed in as numbers, as spreadsheets keep them: 款 01 becomes 1.
        let rows: [(f64, Option<f64>, Option<f64>, &str); 4] = [
            (208.0, None, None, "社会保障和就业支出"),
            (208.0, Some(1.0), None, "人力资源和社会保障管理事务"),
            (208.0, Some(1.0), Some(1.0), "  行政运行"),
            (208.0, Some(1.0), Some(99.0), "  其他人力资源和社会保障管理事务支出"),
        ];
        for (i, (c, s, it, name)) in rows.into_iter().enumerate() {
            let r = 3 + i as u32;
            ws.write_number(r, 0, c).unwrap();
            if let Some(s) = s {
                ws.write_number(r, 1, s).unwrap();
            }
            if let Some(it) = it {
                ws.write_number(r, 2, it).unwrap();
            }
            ws.write_string(r, 3, name).unwrap();
        }
        let other = wb.add_worksheet().set_name("经济分类").unwrap();
        other.write_string(0, 0, "科目编码").unwrap();
        other.write_string(0, 1, "科目名称").unwrap();
        other.write_number(1, 0, 301.0).unwrap();
        other.write_string(1, 1, "工资福利支出").unwrap();
    });
    let c = catalog_from_bytes(&bytes, "official.xlsx").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.len(), 4, "only the first sheet with codes is read");
    assert!(c.complete);
    assert_eq!(name_of(&c, "208"), "社会保障和就业支出");
    assert_eq!(name_of(&c, "208 01"), "人力资源和社会保障管理事务");
    assert_eq!(name_of(&c, "2080101"), "行政运行");
    assert_eq!(name_of(&c, "208 01 99"), "其他人力资源和社会保障管理事务支出");
    // The file name decides nothing: the zip magic says spreadsheet.
    assert_eq!(catalog_from_bytes(&bytes, "official.csv").unwrap().len(), 4);
}

#[test]
fn xlsx_whole_codes_as_numbers_and_text() {
    let bytes = xlsx(|wb| {
        let ws = wb.add_worksheet();
        ws.write_string(0, 1, "经济分类科目编码").unwrap();
        ws.write_string(0, 2, "经济分类科目名称").unwrap();
        ws.write_number(1, 1, 30101.0).unwrap();
        ws.write_string(1, 2, "基本工资").unwrap();
        ws.write_string(2, 1, "301 02").unwrap();
        ws.write_string(2, 2, "津贴补贴").unwrap();
    });
    let path = std::env::temp_dir().join(format!("yusuan-catalog-{}.xlsx", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    let c = load_catalog(&path);
    let _ = std::fs::remove_file(&path);
    let c = c.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(name_of(&c, "30101"), "基本工资");
    assert_eq!(name_of(&c, "30102"), "津贴补贴");
}

#[test]
fn xlsx_errors_name_the_sheet_and_row() {
    let bytes = xlsx(|wb| {
        let ws = wb.add_worksheet().set_name("目录").unwrap();
        ws.write_string(0, 0, "科目编码").unwrap();
        ws.write_string(0, 1, "科目名称").unwrap();
        ws.write_number(1, 0, 301.0).unwrap();
        ws.write_string(1, 1, "工资福利支出").unwrap();
        ws.write_number(2, 0, 3010.5).unwrap();
        ws.write_string(2, 1, "半个编码").unwrap();
    });
    let e = load_err(&bytes, "official.xlsx");
    let (rows, total) = bad_rows(&e);
    assert_eq!(total, 1);
    assert_eq!(rows[0].place, Place::Row { sheet: "目录".into(), row: 3 });
    assert!(e.message("zh").contains("工作表“目录”第 3 行"), "{e}");
    assert!(e.message("en").contains("sheet \"目录\" row 3"));

    let bytes = xlsx(|wb| {
        wb.add_worksheet().set_name("A").unwrap().write_string(0, 0, "无").unwrap();
        wb.add_worksheet().set_name("B").unwrap().write_string(0, 0, "无").unwrap();
    });
    let e = load_err(&bytes, "empty.xlsx");
    assert_eq!(e.kind, CatalogFileErrorKind::NoSheetWithCodes { sheets: vec!["A".into(), "B".into()] });
    assert!(e.message("zh").contains("A、B"));
}

// ---- robustness ----------------------------------------------------------------------------

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    #[test]
    fn any_bytes_give_a_catalog_or_an_error(
        bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..1500),
        name in proptest::sample::select(vec!["a.csv", "a.xlsx", "a.xls", "a", "a.ods"]),
    ) {
        if let Err(e) = catalog_from_bytes(&bytes, name) {
            proptest::prop_assert!(!e.message("zh").is_empty());
            proptest::prop_assert!(!e.message("en").is_empty());
        }
    }

    #[test]
    fn spreadsheet_looking_bytes_never_panic(
        tail in proptest::collection::vec(proptest::num::u8::ANY, 0..800),
        ole in proptest::bool::ANY,
    ) {
        let magic: &[u8] = if ole { &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] } else { b"PK\x03\x04" };
        let bytes = [magic, &tail].concat();
        let _ = catalog_from_bytes(&bytes, "a.xlsx");
    }

    #[test]
    fn catalog_like_text_never_panics(
        lines in proptest::collection::vec(
            proptest::string::string_regex(
                "(科目编码|类|款|项|名称|code|name|level|208|01|2080101|208 01|\"|,|\t| |行政运行|\n|\r|[0-9]|x|级次|一|３)*"
            ).unwrap(),
            0..30,
        ),
    ) {
        let text = lines.join("\n");
        let _ = catalog_from_bytes(text.as_bytes(), "a.csv");
    }
}
