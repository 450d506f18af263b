//! Any bytes given to the text reader must give a disclosure, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = yusuan_readers::text::read_bytes(data);
});
