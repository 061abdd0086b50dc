//! Text from a file's bytes, in the encoding it was written in: a byte-order mark says
//! (UTF-8, UTF-16LE, UTF-16BE); else bytes that are valid UTF-8 are UTF-8; else the
//! encoding is guessed from the bytes (chardetng: the legacy encodings of the Web,
//! among them the ones editors' files come in — CP949/EUC-KR, GBK/GB18030,
//! Windows-1252). An editor can name it instead (`--encoding`, the builder's choice).

//!
//! Without the feature `encodings` (the builder's wasm, for now: crates/import/Cargo.toml
//! says why) a file is read as UTF-8 when its bytes are, else as Windows-1252.

use std::borrow::Cow;

#[cfg(feature = "encodings")]
pub use encoding_rs::Encoding;

/// An encoding an editor named: any of the Encoding Standard's with the feature
/// `encodings`; without it none can be named, so one signature serves both builds.
#[cfg(feature = "encodings")]
pub type Named = &'static Encoding;
/// An encoding an editor named: none without the feature `encodings`.
#[cfg(not(feature = "encodings"))]
pub type Named = std::convert::Infallible;
#[cfg(feature = "encodings")]
use encoding_rs::UTF_8;
#[cfg(feature = "encodings")]
use trade_chart::error::{Error, ErrorKind};

/// What a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Used {
    /// The encoding's name as editors know it ("UTF-8", "EUC-KR (CP949)", "GBK").
    pub name: &'static str,
    /// Whether it was guessed from the bytes (no byte-order mark, not UTF-8, not named).
    pub guessed: bool,
}

impl Used {
    /// Read as UTF-8 (with or without a byte-order mark).
    pub fn is_utf8(&self) -> bool {
        self.name == "UTF-8"
    }
}

#[cfg(feature = "encodings")]
/// The name an editor knows an encoding by.
fn name_of(e: &'static Encoding) -> &'static str {
    match e.name() {
        "EUC-KR" => "EUC-KR (CP949)",
        "gb18030" => "GB18030",
        "GBK" => "GBK",
        "windows-1252" => "Windows-1252 (Latin-1)",
        "UTF-16LE" => "UTF-16LE",
        "UTF-16BE" => "UTF-16BE",
        other => other,
    }
}

#[cfg(feature = "encodings")]
/// The encodings `--encoding` names, as the Encoding Standard's labels (any label it
/// knows is taken: `cp949`, `euc-kr`, `gbk`, `gb2312`, `gb18030`, `latin1`, `utf-16le`…).
pub const EXAMPLES: &str =
    "utf-8, utf-16le, utf-16be, euc-kr (cp949), gbk, gb18030, windows-1252 (latin1)";

#[cfg(feature = "encodings")]
/// The encoding a label names (`cp949` is EUC-KR's, as browsers read it), or an error
/// at `path` listing some.
pub fn named(label: &str, path: &str) -> Result<&'static Encoding, Error> {
    let label = label.trim();
    let lower = label.to_ascii_lowercase();
    let found = match lower.as_str() {
        "cp949" | "uhc" | "ms949" => Some(encoding_rs::EUC_KR),
        "cp936" | "ms936" => Some(encoding_rs::GBK),
        _ => Encoding::for_label(lower.as_bytes()),
    };
    found.ok_or_else(|| {
        Error::expected_as(
            ErrorKind::InvalidValue,
            path,
            &format!("an encoding such as {EXAMPLES}"),
            format!("\"{label}\""),
        )
    })
}

#[cfg(feature = "encodings")]
/// The text of `bytes` and what it was read as: in `forced` when given; else as its
/// byte-order mark says; else UTF-8 when the bytes are; else the guess. A UTF-8
/// byte-order mark is kept for the readers to skip, as before; the others are dropped.
pub fn decode(bytes: &[u8], forced: Option<Named>) -> (Cow<'_, str>, Used) {
    if let Some(e) = forced {
        // A UTF-8 byte-order mark stays (the readers skip it); another encoding's goes.
        let (text, _) = if e == UTF_8 {
            e.decode_without_bom_handling(bytes)
        } else {
            e.decode_with_bom_removal(bytes)
        };
        return (
            text,
            Used {
                name: name_of(e),
                guessed: false,
            },
        );
    }
    if let Some((e, _)) = Encoding::for_bom(bytes) {
        if e != UTF_8 {
            let (text, _, _) = e.decode(bytes);
            return (
                Cow::Owned(text.into_owned()),
                Used {
                    name: name_of(e),
                    guessed: false,
                },
            );
        }
    }
    if let Some(utf8) = utf8(bytes) {
        return utf8;
    }
    let e = guess(bytes);
    let (text, _) = e.decode_without_bom_handling(bytes);
    (
        Cow::Owned(text.into_owned()),
        Used {
            name: name_of(e),
            guessed: true,
        },
    )
}

#[cfg(feature = "encodings")]
/// The legacy encoding `bytes` were most likely written in. Bytes that decode cleanly in
/// several (CP949 text also decodes as GBK and as Windows-1252) are told apart by how
/// likely the text they make is, which chardetng scores; Windows-1252 when it has no
/// better guess (UTF-8 is not among its answers: it was ruled out before).
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// The text of `bytes` and what it was read as, without the feature `encodings`: UTF-8
/// when the bytes are (a byte-order mark is kept for the readers to skip), else
/// Windows-1252 (Latin-1 with the printable characters Windows puts at 0x80–0x9F), as old
/// Comtrade downloads and Excel's "CSV" write it.
#[cfg(not(feature = "encodings"))]
pub fn decode(bytes: &[u8], _forced: Option<Named>) -> (Cow<'_, str>, Used) {
    if let Some(utf8) = utf8(bytes) {
        return utf8;
    }
    // 0x80–0x9F in Windows-1252; the five it leaves undefined are read as Latin-1's C1.
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    let text = bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH
                .get(usize::from(b - 0x80))
                .copied()
                .unwrap_or(char::from(b)),
            _ => char::from(b),
        })
        .collect();
    (
        Cow::Owned(text),
        Used {
            name: "Windows-1252 (Latin-1)",
            guessed: true,
        },
    )
}

/// The text of `bytes` when they are UTF-8 (a byte-order mark is kept for the readers to
/// skip).
fn utf8(bytes: &[u8]) -> Option<(Cow<'_, str>, Used)> {
    let s = std::str::from_utf8(bytes).ok()?;
    Some((
        Cow::Borrowed(s),
        Used {
            name: "UTF-8",
            guessed: false,
        },
    ))
}

#[cfg(feature = "encodings")]
#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(e: &'static Encoding, text: &str) -> Vec<u8> {
        let (b, _, unmappable) = e.encode(text);
        assert!(!unmappable, "{text}");
        b.into_owned()
    }

    const KO: &str =
        "년,수출금액,수입금액,수지\n2020,4505575,3981462,524113\n2019,4893716,4261027,632689\n";
    const ZH: &str = "年份,出口金额(万元),进口金额(万元),进出口总额\n2020年,1234,5678,6912\n2021年,2345,6789,9134\n";
    const LATIN: &str =
        "Reporter,Partner,Trade Value\nFrance,Côte d'Ivoire,1234\nFrance,Curaçao,99\n";

    #[test]
    fn each_legacy_encoding_is_guessed_from_its_bytes() {
        for (e, text, name) in [
            (encoding_rs::EUC_KR, KO, "EUC-KR (CP949)"),
            (encoding_rs::GBK, ZH, "GBK"),
            (encoding_rs::WINDOWS_1252, LATIN, "Windows-1252 (Latin-1)"),
        ] {
            let b = bytes(e, text);
            assert!(std::str::from_utf8(&b).is_err());
            let (got, used) = decode(&b, None);
            assert_eq!(got, text, "{name}");
            assert_eq!(
                used,
                Used {
                    name,
                    guessed: true
                }
            );
        }
    }

    #[test]
    fn a_byte_order_mark_or_utf8_decides() {
        let (t, u) = decode(KO.as_bytes(), None);
        assert_eq!((t.as_ref(), u.name, u.guessed), (KO, "UTF-8", false));
        let mut b = vec![0xef, 0xbb, 0xbf];
        b.extend_from_slice(ZH.as_bytes());
        let (t, u) = decode(&b, None);
        assert_eq!((t.strip_prefix('\u{feff}'), u.name), (Some(ZH), "UTF-8"));
        let mut le = vec![0xff, 0xfe];
        le.extend(KO.encode_utf16().flat_map(u16::to_le_bytes));
        let (t, u) = decode(&le, None);
        assert_eq!((t.as_ref(), u.name, u.guessed), (KO, "UTF-16LE", false));
        let mut be = vec![0xfe, 0xff];
        be.extend(ZH.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be, None).0, ZH);
    }

    #[test]
    fn a_named_encoding_is_used_as_named() {
        let b = bytes(encoding_rs::EUC_KR, KO);
        for label in ["cp949", "EUC-KR", " euc-kr ", "ks_c_5601-1987"] {
            let e = named(label, "encoding").unwrap();
            assert_eq!(decode(&b, Some(e)).0, KO, "{label}");
        }
        // Named wrong, the text is what that encoding makes of the bytes: not an error.
        let gbk = named("gbk", "encoding").unwrap();
        assert_ne!(decode(&b, Some(gbk)).0, KO);
        let e = named("klingon", "encoding").unwrap_err();
        assert_eq!(e.code(), "invalid-value");
        assert!(e.to_string().starts_with("encoding: "), "{e}");
        assert!(e.to_string().contains("euc-kr (cp949)"), "{e}");
    }
}
