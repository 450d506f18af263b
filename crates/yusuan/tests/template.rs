//! `yusuan template` and `yusuan build budget.xlsx`: the workbook builds the same disclosure as
//! the TOML; a workbook with a problem names its sheet and row, and builds nothing.

use std::path::PathBuf;
use std::process::Command;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/changji-hrss-2024/budget.toml");

fn yusuan(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yusuan")).args(args).output().expect("run yusuan");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into())
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("yusuan-template-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn the_example_workbook_builds_what_the_toml_builds() {
    let d = dir("example");
    let xlsx = d.join("budget.xlsx");
    let (code, err) = yusuan(&["template", "--example", "--out", xlsx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    for (input, out) in [(xlsx.to_str().unwrap(), "from-xlsx"), (EXAMPLE, "from-toml")] {
        let (code, err) = yusuan(&["build", input, "--out", d.join(out).to_str().unwrap(), "--formats", "json"]);
        assert_eq!(code, 0, "{err}");
    }
    let json = |out: &str| std::fs::read_to_string(d.join(out).join("disclosure.json")).unwrap();
    assert!(json("from-xlsx") == json("from-toml"), "the disclosures differ");
    // A workbook named otherwise is still known by its bytes.
    let renamed = d.join("budget.data");
    std::fs::copy(&xlsx, &renamed).unwrap();
    let (code, err) = yusuan(&["build", renamed.to_str().unwrap(), "--out", d.join("renamed").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn the_blank_template_names_what_is_missing() {
    let d = dir("blank");
    let xlsx = d.join("blank.xlsx");
    assert_eq!(yusuan(&["template", "--out", xlsx.to_str().unwrap()]).0, 0);
    let (code, err) = yusuan(&["build", xlsx.to_str().unwrap(), "--out", d.join("out").to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("工作表“部门”: [value] 缺少“部门名称”"), "{err}");
    let (_, err) = yusuan(&["--lang", "en", "build", xlsx.to_str().unwrap(), "--out", d.join("out").to_str().unwrap()]);
    assert!(err.contains("sheet \"部门\": [value] '部门名称' is missing"), "{err}");
    assert!(!d.join("out").exists());
    std::fs::remove_dir_all(&d).ok();
}
