//! `yusuan build` as a finance officer runs it.

use std::process::Command;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/changji-hrss-2024/budget.toml");

fn yusuan(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yusuan")).args(args).output().expect("run yusuan");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn builds_the_example_and_the_result_checks_clean() {
    let dir = std::env::temp_dir().join(format!("yusuan-build-{}", std::process::id()));
    let (code, _, err) = yusuan(&["build", EXAMPLE, "--out", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    for f in ["disclosure.json", "disclosure.txt", "disclosure.html"] {
        assert!(dir.join(f).exists(), "{f}");
    }
    let txt = dir.join("disclosure.txt");
    let (code, out, _) = yusuan(&["check", txt.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["errors"], 0);
    assert_eq!(v["summary"]["warnings"], 0);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn bad_data_names_file_line_and_field() {
    let dir = std::env::temp_dir().join(format!("yusuan-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(EXAMPLE).unwrap().replacen("econ = \"30101\"", "econ = \"301x1\"", 1);
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, text).unwrap();
    let (code, _, err) = yusuan(&["build", bad.to_str().unwrap(), "--out", dir.join("o").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("bad.toml 第") && err.contains("[econ]"), "{err}");
    let (_, _, err) =
        yusuan(&["--lang", "en", "build", bad.to_str().unwrap(), "--out", dir.join("o").to_str().unwrap()]);
    assert!(err.contains("bad.toml:") && err.contains("[econ]") && err.contains("should be"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}
