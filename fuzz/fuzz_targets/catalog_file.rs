//! Any bytes given as a catalog file must give a catalog or an error, never a panic. The first
//! byte picks the file name, so both the CSV and the spreadsheet paths are reached.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (name, bytes) = match data.split_first() {
        Some((b, rest)) if b % 2 == 1 => ("catalog.xlsx", rest),
        Some((_, rest)) => ("catalog.csv", rest),
        None => ("catalog.csv", data),
    };
    if let Err(e) = yusuan_readers::catalog_file::catalog_from_bytes(bytes, name) {
        let _ = (e.message("zh"), e.message("en"));
    }
});
