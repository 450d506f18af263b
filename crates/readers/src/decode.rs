//! Bytes to text. Disclosures come in UTF-8 (with or without BOM), UTF-16 (with BOM), or
//! GBK/GB18030; any byte sequence decodes to something, and what could not be decoded is reported
//! with the line it is on instead of being dropped silently.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// The text and what it took to get it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding the bytes were read as (`UTF-8`, `gb18030`, `UTF-16LE`, …).
    pub encoding: &'static str,
    /// 1-based lines holding characters that could not be decoded (shown as U+FFFD).
    pub malformed_lines: Vec<u32>,
}

/// Decodes a document. A BOM decides; otherwise valid UTF-8 is UTF-8, and anything else is read
/// as GB18030 (a superset of GBK and GB2312), the other encoding Chinese government files use.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (encoding, body): (&'static Encoding, &[u8]) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        // Text never holds NUL, so many NULs mean UTF-16 even where the bytes are valid UTF-8.
        None if looks_like_utf16(bytes) == Some(true) => (UTF_16LE, bytes),
        None if looks_like_utf16(bytes) == Some(false) => (UTF_16BE, bytes),
        None if std::str::from_utf8(bytes).is_ok() => (UTF_8, bytes),
        None => (GB18030, bytes),
    };
    let (text, _) = encoding.decode_without_bom_handling(body);
    let text = text.into_owned();
    // Numbered as the text reader numbers lines (CR-only files too).
    let malformed_lines = crate::text::source::split_lines(&text)
        .into_iter()
        .filter(|l| l.text.contains('\u{FFFD}'))
        .map(|l| l.no)
        .collect();
    Decoded { text, encoding: encoding.name(), malformed_lines }
}

/// UTF-16 without a BOM: many NUL bytes at odd (LE) or even (BE) positions among the first
/// bytes. Returns Some(true) for LE, Some(false) for BE.
fn looks_like_utf16(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(512)];
    if head.len() < 4 {
        return None;
    }
    let even_nul = head.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let half = head.len() / 2;
    if odd_nul * 10 > half * 4 && even_nul * 10 < half {
        Some(true)
    } else if even_nul * 10 > half * 4 && odd_nul * 10 < half {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_and_utf8_give_the_same_text() {
        let text = "部门收支总体情况表\n单位：万元\n收 入 总 计 1,050.52";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(&gbk);
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "gb18030");
        assert!(d.malformed_lines.is_empty());
        assert_eq!(decode(text.as_bytes()).encoding, "UTF-8");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom).text, text);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "表 1 部门收支总体情况表";
        let mut le: Vec<u8> = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le).text, text);
        let ascii = "Table 1 1,050.52 and more";
        let le: Vec<u8> = ascii.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&le).text, ascii);
    }

    #[test]
    fn garbage_is_reported_by_line() {
        let d = decode(b"ok\n\xff\xfe\x80\x80\x80 bad\nok");
        assert!(!d.malformed_lines.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_decode(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..2000)) {
            let _ = decode(&bytes);
        }
    }
}
