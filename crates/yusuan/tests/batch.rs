//! `yusuan check PATH...` over a folder as an inspector runs it: every file reported, failures
//! confined to their file, exit status, and the JSON, CSV and checklist outputs field by field.

use std::path::{Path, PathBuf};
use std::process::Command;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/changji-hrss-2024-budget.txt");
const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/changji-hrss-2024/budget.toml");

fn yusuan(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yusuan")).args(args).output().expect("run yusuan");
    (out.status.code().unwrap_or(-1), out.stdout, String::from_utf8_lossy(&out.stderr).into())
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("yusuan-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Bytes no text is made of (a linear congruential sequence: the same on every run).
fn binary_garbage(n: usize) -> Vec<u8> {
    let mut x: u32 = 12345;
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(1103515245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect()
}

/// The mixed folder: the seed, a copy with a changed figure, an empty file, binary garbage, a file
/// over the size limit, a garbage PDF and workbook, a nested copy, and a file of another extension.
fn mixed_folder(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    let seed = std::fs::read_to_string(SEED).unwrap();
    std::fs::write(dir.join("a-seed.txt"), &seed).unwrap();
    let changed =
        seed.replacen("208 01 02     一般行政管理事务 56.00 56.00", "208 01 02     一般行政管理事务 65.00 56.00", 1);
    assert_ne!(changed, seed);
    std::fs::write(dir.join("b-changed.txt"), changed).unwrap();
    std::fs::write(dir.join("c-empty.txt"), b"").unwrap();
    std::fs::write(dir.join("d-random.txt"), binary_garbage(20_000)).unwrap();
    // Sparse: 201 MB on paper, nothing on disk; over the 200 MB limit, so never read.
    std::fs::File::create(dir.join("e-huge.txt")).unwrap().set_len(201 * 1024 * 1024).unwrap();
    std::fs::write(dir.join("f-garbage.pdf"), binary_garbage(3000)).unwrap();
    std::fs::write(dir.join("g-garbage.xlsx"), binary_garbage(3000)).unwrap();
    std::fs::write(dir.join("notes.docx"), b"skipped: not a disclosure extension").unwrap();
    std::fs::create_dir_all(dir.join("nested/deeper")).unwrap();
    std::fs::write(dir.join("nested/deeper/h-seed.txt"), &seed).unwrap();
    dir
}

fn rel(dir: &Path, path: &str) -> String {
    Path::new(path).strip_prefix(dir).unwrap().to_string_lossy().into_owned()
}

#[test]
fn a_mixed_folder_completes_with_every_file_reported() {
    let dir = mixed_folder("mixed-1");
    let (code, out, _) = yusuan(&["check", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_slice(&out).expect("one JSON document");
    assert_eq!(v["version"], 1);
    let files = v["files"].as_array().unwrap();
    let got: Vec<(String, &str, Option<&str>, Option<&str>)> = files
        .iter()
        .map(|f| {
            (
                rel(&dir, f["path"].as_str().unwrap()),
                f["status"].as_str().unwrap(),
                f["format"].as_str(),
                f["reason_code"].as_str(),
            )
        })
        .collect();
    let want: Vec<(String, &str, Option<&str>, Option<&str>)> = vec![
        ("a-seed.txt".into(), "ok", Some("text"), None),
        ("b-changed.txt".into(), "ok", Some("text"), None),
        ("c-empty.txt".into(), "unreadable", Some("text"), Some("empty")),
        ("d-random.txt".into(), "unreadable", Some("text"), Some("not_text")),
        ("e-huge.txt".into(), "unreadable", Some("text"), Some("too_large")),
        ("f-garbage.pdf".into(), "unreadable", Some("pdf"), Some("damaged")),
        ("g-garbage.xlsx".into(), "unreadable", Some("workbook"), Some("damaged")),
        ("nested/deeper/h-seed.txt".into(), "ok", Some("text"), None),
    ];
    assert_eq!(got, want);
    // The seed: its two genuine slips, at their lines, with every field.
    let seed = &files[0];
    assert_eq!(seed["document"], "budget");
    assert_eq!(seed["year"], 2024);
    assert_eq!(seed["department"], "昌吉回族自治州人力资源和社会保障服务中心");
    assert_eq!(seed["counts"]["errors"], 2);
    assert_eq!(seed["counts"]["warnings"], 0);
    assert!(seed["counts"]["figures"].as_u64().unwrap() > 500);
    let errors: Vec<&serde_json::Value> =
        seed["findings"].as_array().unwrap().iter().filter(|f| f["severity"] == "error").collect();
    assert_eq!(errors.len(), 2);
    assert_eq!((errors[0]["rule"].as_str(), errors[0]["line"].as_u64()), (Some("A001"), Some(1116)));
    assert_eq!((errors[0]["expected"].as_str(), errors[0]["actual"].as_str()), (Some("9"), Some("3")));
    assert!(errors[0]["column"].as_u64().unwrap() > 0 && errors[0]["end_line"].as_u64().unwrap() >= 1116);
    assert!(errors[0]["message"].as_str().unwrap().contains("召开评审会期间专家食宿经费"));
    assert!(errors[0].get("location").is_none(), "a text file has no page");
    assert_eq!((errors[1]["rule"].as_str(), errors[1]["line"].as_u64()), (Some("A006"), Some(1256)));
    // The changed figure is one more error, at its line.
    let changed = &files[1];
    assert!(changed["counts"]["errors"].as_u64().unwrap() > 2);
    assert!(changed["findings"].as_array().unwrap().iter().any(|f| f["severity"] == "error" && f["line"] == 335));
    // Unreadable files: a reason in Chinese, no counts, no findings.
    assert_eq!(files[2]["reason"], "文件为空");
    assert!(files[4]["reason"].as_str().unwrap().contains("文件过大"));
    assert_eq!(files[4]["counts"]["errors"], 0);
    assert!(files[4]["findings"].as_array().unwrap().is_empty());
    let s = &v["summary"];
    assert_eq!(
        (&s["files"], &s["checked"], &s["with_errors"], &s["unreadable"]),
        (&8.into(), &3.into(), &3.into(), &5.into())
    );
    assert_eq!(
        s["errors"].as_u64().unwrap(),
        files.iter().map(|f| f["counts"]["errors"].as_u64().unwrap()).sum::<u64>()
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn human_report_and_csv_of_the_mixed_folder() {
    let dir = mixed_folder("mixed-3");
    let (code, out, _) = yusuan(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    let text = String::from_utf8(out).unwrap();
    let seed = dir.join("a-seed.txt");
    assert!(text.contains(&format!("{}：2 个错误，0 个警告\n", seed.display())), "{text}");
    assert!(text.contains(&format!("{}：无法读取：文件为空\n", dir.join("c-empty.txt").display())), "{text}");
    assert!(text.contains("汇总\n") && text.contains("无法读取") && text.contains("有错误的文件"), "{text}");
    assert!(!text.contains("错误[A001]"), "findings only with --verbose");
    let (_, out, _) = yusuan(&["--lang", "en", "check", dir.to_str().unwrap(), "--verbose"]);
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains(&format!("{}: 2 errors, 0 warnings\n    error[A001] line 1116", seed.display())), "{text}");
    assert!(text.contains("unreadable: the file is empty") && text.contains("Summary\n"), "{text}");

    let (code, out, _) = yusuan(&["check", dir.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("\u{feff}".as_bytes()), "UTF-8 with BOM");
    let mut reader = csv::Reader::from_reader(&out[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "path",
            "status",
            "format",
            "rule",
            "severity",
            "line",
            "column",
            "location",
            "message",
            "expected",
            "actual",
            "reason",
            "suggestion",
            "suggestion_line",
            "suggestion_column"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let a001: Vec<&csv::StringRecord> =
        rows.iter().filter(|r| &r[0] == seed.to_str().unwrap() && &r[3] == "A001").collect();
    assert_eq!(a001.len(), 1);
    let r = a001[0];
    assert_eq!((&r[1], &r[2], &r[4], &r[5], &r[9], &r[10], &r[11]), ("ok", "text", "error", "1116", "9", "3", ""));
    assert!(r[8].contains("召开评审会期间专家食宿经费"));
    // An expression's product is not an identity between printed figures: no suggestion.
    assert_eq!((&r[12], &r[13], &r[14]), ("", "", ""));
    let unreadable: Vec<(String, String)> =
        rows.iter().filter(|r| &r[1] == "unreadable").map(|r| (rel(&dir, &r[0]), r[11].to_string())).collect();
    assert_eq!(unreadable.len(), 5);
    assert_eq!(unreadable[0], ("c-empty.txt".to_string(), "文件为空".to_string()));
    // Every finding of the JSON is a row of the CSV.
    let (_, json, _) = yusuan(&["check", dir.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let findings: usize = v["files"].as_array().unwrap().iter().map(|f| f["findings"].as_array().unwrap().len()).sum();
    assert_eq!(rows.len(), findings + 5);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_folder_of_unreadable_files_exits_2_and_clean_files_exit_0() {
    let dir = temp_dir("unreadable");
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("scan.pdf"), binary_garbage(500)).unwrap();
    std::fs::write(dir.join("random.txt"), binary_garbage(5000)).unwrap();
    let (code, out, _) = yusuan(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 2, "{}", String::from_utf8_lossy(&out));
    let (code, _, _) =
        yusuan(&["check", dir.join("empty.txt").to_str().unwrap(), dir.join("scan.pdf").to_str().unwrap()]);
    assert_eq!(code, 2);
    // A single unreadable file: exit 2, its name and why.
    let (code, _, err) = yusuan(&["check", dir.join("scan.pdf").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("scan.pdf") && err.contains("PDF"), "{err}");

    // The example the builder writes checks clean.
    let clean = temp_dir("clean");
    let built = clean.join("built");
    let (code, _, err) = yusuan(&["build", EXAMPLE, "--out", built.to_str().unwrap(), "--formats", "txt"]);
    assert_eq!(code, 0, "{err}");
    let folder = clean.join("folder");
    std::fs::create_dir_all(folder.join("sub")).unwrap();
    std::fs::copy(built.join("disclosure.txt"), folder.join("one.txt")).unwrap();
    std::fs::copy(built.join("disclosure.txt"), folder.join("sub/two.txt")).unwrap();
    let (code, out, _) = yusuan(&["check", folder.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(code, 0, "{v}");
    assert_eq!((&v["summary"]["checked"], &v["summary"]["errors"]), (&2.into(), &0.into()));
    // Unreadable files next to clean ones do not make it 1.
    std::fs::write(folder.join("empty.txt"), b"").unwrap();
    let (code, _, _) = yusuan(&["check", folder.to_str().unwrap()]);
    assert_eq!(code, 0);
    std::fs::remove_dir_all(dir).ok();
    std::fs::remove_dir_all(clean).ok();
}

#[test]
fn the_checklist_workbook() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let dir = mixed_folder("mixed-4");
    let out = dir.join("检查表.xlsx");
    let (code, _, err) = yusuan(&["check", dir.to_str().unwrap(), "--format", "checklist"]);
    assert_eq!(code, 2, "checklist without --out is refused");
    assert!(err.contains("--out"), "{err}");
    let (code, _, err) =
        yusuan(&["check", dir.to_str().unwrap(), "--format", "checklist", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(wb.sheet_names(), ["汇总", "001 a-seed", "002 b-changed", "003 h-seed"]);
    let cell = |r: &calamine::Range<Data>, row: u32, col: u32| {
        r.get_value((row, col)).map(|d| d.to_string()).unwrap_or_default()
    };
    let summary = wb.worksheet_range("汇总").unwrap();
    assert_eq!(cell(&summary, 2, 0), "文件");
    assert_eq!(rel(&dir, &cell(&summary, 3, 0)), "a-seed.txt");
    assert_eq!(cell(&summary, 3, 1), "昌吉回族自治州人力资源和社会保障服务中心");
    assert_eq!(
        (cell(&summary, 3, 2), cell(&summary, 3, 3), cell(&summary, 3, 4)),
        ("2024".into(), "预算".into(), "否".into())
    );
    assert_eq!(
        (cell(&summary, 3, 5), cell(&summary, 3, 6), cell(&summary, 3, 7)),
        ("2".into(), "0".into(), "封面、目录".into())
    );
    assert_eq!((cell(&summary, 5, 4), cell(&summary, 5, 8)), ("无法读取".into(), "文件为空".into()));
    let sheet = wb.worksheet_range("001 a-seed").unwrap();
    assert_eq!(
        (cell(&sheet, 3, 0), cell(&sheet, 3, 1), cell(&sheet, 3, 2), cell(&sheet, 3, 3)),
        ("检查项目".into(), "符合要求".into(), "发现的问题".into(), "位置".into())
    );
    let rows: Vec<(String, String, String)> =
        (4..sheet.height() as u32).map(|r| (cell(&sheet, r, 0), cell(&sheet, r, 1), cell(&sheet, r, 2))).collect();
    let find = |name: &str| rows.iter().find(|r| r.0 == name).unwrap_or_else(|| panic!("{name}: {rows:?}")).clone();
    assert_eq!(find("目录").1, "否");
    assert_eq!(find("部门收支总体情况表").1, "是");
    let projects = find("项目情况");
    assert_eq!(projects.1, "否");
    assert!(projects.2.starts_with("第 1116 行："), "{projects:?}");
    assert!(find("其他相关说明").2.starts_with("第 1256 行："));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn one_file_keeps_its_report_and_can_write_it_to_a_file() {
    let dir = temp_dir("single");
    let out = dir.join("report.json");
    let (code, stdout, _) = yusuan(&["check", SEED, "--format", "json", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["summary"]["errors"], 2);
    assert_eq!(v["files"][0]["path"], SEED);
    assert!(v["files"][0]["findings"].as_array().unwrap().iter().all(|f| f.get("location").is_none()));
    // One file as csv is a batch of one.
    let (code, csv, _) = yusuan(&["check", SEED, "--format", "csv"]);
    assert_eq!(code, 1);
    assert!(String::from_utf8(csv).unwrap().lines().any(|l| l.contains(",A006,error,1256,")));
    std::fs::remove_dir_all(dir).ok();
}
