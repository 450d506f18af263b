//! PDFs as many Chinese government documents are made: CJK fonts not embedded, text encoded by a
//! predefined CMap (UniGB-UCS2-H: UCS-2 codes; GBK-EUC-H: GBK bytes) and no ToUnicode map. The
//! reader must give the same text as from a font with a ToUnicode map. Also: a scanned PDF (an
//! image and no text) is reported as such, and broken PDFs are errors, never panics.
//! The PDFs are written here, object by object, so each case is exactly what it says.

use proptest::prelude::*;
use yusuan_model::Catalog;
use yusuan_readers::open::{open, OpenError};
use yusuan_readers::pdf::layout::rebuild;
use yusuan_readers::pdf::oxide::OxideSource;

/// A one-page PDF from its objects (numbered from 1; the first is the catalog).
fn pdf(objects: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o.as_bytes());
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}

fn stream(content: &str) -> String {
    format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len())
}

/// Lines of text at (x, y), each a hex string in the font's encoding.
fn text_page(encoding: &str, lines: &[(f32, f32, String)]) -> Vec<u8> {
    let mut content = String::new();
    for (x, y, hex) in lines {
        content.push_str(&format!("BT /F1 12 Tf {x} {y} Td <{hex}> Tj ET\n"));
    }
    pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .into(),
        format!("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /{encoding} /DescendantFonts [6 0 R] >>"),
        stream(&content),
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>".into(),
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>".into(),
    ])
}

fn ucs2(s: &str) -> String {
    s.encode_utf16().map(|u| format!("{u:04X}")).collect()
}

fn gbk(s: &str) -> String {
    let (bytes, _, _) = encoding_rs::GBK.encode(s);
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

const LINES: [(f32, f32, &str); 3] =
    [(72.0, 760.0, "部门收支总体情况表"), (72.0, 730.0, "单位：万元"), (72.0, 700.0, "本年收入合计")];

fn rebuilt_text(bytes: Vec<u8>) -> Vec<String> {
    let source = OxideSource::open(bytes).expect("opens");
    rebuild(&source).lines.iter().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()
}

#[test]
fn unigb_ucs2_without_tounicode_decodes() {
    let lines: Vec<_> = LINES.iter().map(|(x, y, t)| (*x, *y, ucs2(t))).collect();
    let text = rebuilt_text(text_page("UniGB-UCS2-H", &lines));
    assert_eq!(text, LINES.iter().map(|l| l.2.to_string()).collect::<Vec<_>>());
}

#[test]
fn gbk_euc_without_tounicode_decodes() {
    let lines: Vec<_> = LINES.iter().map(|(x, y, t)| (*x, *y, gbk(t))).collect();
    let text = rebuilt_text(text_page("GBK-EUC-H", &lines));
    assert_eq!(text, LINES.iter().map(|l| l.2.to_string()).collect::<Vec<_>>());
}

#[test]
fn a_scan_is_reported_as_a_scan() {
    // One page carrying a 16×16 grey image and no text.
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>"
            .into(),
        format!(
            "<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 256 >>\nstream\n{}\nendstream",
            "\u{7f}".repeat(256)
        ),
        stream("q 595 0 0 842 0 0 cm /Im1 Do Q"),
    ]);
    let err = open("scan.pdf", &bytes, Catalog::shared_builtin()).unwrap_err();
    assert_eq!(err, OpenError::Scanned { pages: 1 });
    assert!(err.message("zh").contains("扫描件"));
    assert!(err.message("en").contains("scanned"));
}

#[test]
fn a_pdf_with_no_text_and_no_image_is_not_a_disclosure() {
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".into(),
        stream("0 0 m 100 100 l S"),
    ]);
    assert_eq!(open("blank.pdf", &bytes, Catalog::shared_builtin()).unwrap_err(), OpenError::NotADisclosure);
}

#[test]
fn broken_pdfs_are_errors() {
    for bytes in
        [b"%PDF-1.7\n".to_vec(), b"%PDF-1.4\n1 0 obj << /Type /Catalog".to_vec(), b"%PDF-\xff\xfe\x00".to_vec()]
    {
        let err = open("broken.pdf", &bytes, Catalog::shared_builtin()).unwrap_err();
        assert!(matches!(err, OpenError::Damaged { .. } | OpenError::NotADisclosure), "{err:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any corruption of a real PDF gives a result or an error, never a panic out of `open`.
    #[test]
    fn corrupted_pdfs_never_panic(cuts in proptest::collection::vec((0usize..4000, any::<u8>()), 1..20), keep in 50usize..4000) {
        let lines: Vec<_> = LINES.iter().map(|(x, y, t)| (*x, *y, ucs2(t))).collect();
        let mut bytes = text_page("UniGB-UCS2-H", &lines);
        for (at, b) in cuts {
            let n = bytes.len();
            bytes[at % n] = b;
        }
        bytes.truncate(keep.min(bytes.len()));
        let _ = open("mutated.pdf", &bytes, Catalog::shared_builtin());
    }
}
