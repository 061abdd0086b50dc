//! Text from a file's bytes, in the encoding it was written in. One detector for the
//! command line and the builder, so the two read a file alike:
//!
//! 1. [`plan`] looks at the bytes alone: a byte-order mark says (UTF-8, UTF-16LE,
//!    UTF-16BE); else bytes that are valid UTF-8 are UTF-8; else it names the
//!    encodings to try — EUC-KR (CP949), GBK or GB18030, Windows-1252, and UTF-16
//!    without a mark when every other byte is zero.
//! 2. Each is decoded strictly over the first [`SAMPLE_BYTES`] (a decoding that meets a
//!    byte sequence the encoding has not got fails): by encoding_rs on the command
//!    line, by the browser's `TextDecoder(label, { fatal: true })` in the builder.
//! 3. [`choose`] scores the texts and takes the likeliest. K-stat's CP949 also decodes,
//!    to nonsense, as GBK and Windows-1252, and China's GBK as Windows-1252
//!    (docs/REAL-FILES.md), so validity alone cannot choose: the score counts the
//!    characters each text is made of. Common Hangul syllables count for it, and common
//!    Chinese characters (Korean read as GBK gives Chinese characters, but mostly rare
//!    ones; Chinese read as EUC-KR gives rare syllables); an accented letter between
//!    plain ones counts for it, non-ASCII characters run together (`¼öÃâ`) against it;
//!    control and private-use characters count heavily against it.
//!
//! The detector has no decoding tables of its own (the builder's wasm carries none:
//! the browser has them), only two short lists of common characters. An editor can
//! name the encoding instead (`--encoding`, the builder's choice).
//!
//! The command line decodes with encoding_rs (the feature `encodings`). Without it (the
//! builder's wasm, which gets text the page decoded) [`decode`] reads UTF-8, else
//! Windows-1252.

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
    /// The encoding's label, as the Encoding Standard writes it (`euc-kr`, `gbk`,
    /// `windows-1252`): what `TextDecoder` and `--encoding` take.
    pub label: &'static str,
    /// The encoding's name as editors know it ("UTF-8", "EUC-KR (CP949)", "GBK").
    pub name: &'static str,
    /// Whether it was guessed from the bytes (no byte-order mark, not UTF-8, not named).
    pub guessed: bool,
}

impl Used {
    /// Read as UTF-8 (with or without a byte-order mark).
    pub fn is_utf8(&self) -> bool {
        self.label == "utf-8"
    }
    fn of(label: &'static str, guessed: bool) -> Used {
        Used {
            label,
            name: name_of(label),
            guessed,
        }
    }
}

/// The encodings the builder offers, by label and by the name editors know: those the
/// detector chooses among, UTF-8 and UTF-16 (labels as `TextDecoder` takes them).
pub const ENCODINGS: [(&str, &str); 7] = [
    ("utf-8", "UTF-8"),
    ("euc-kr", "EUC-KR (CP949)"),
    ("gbk", "GBK"),
    ("gb18030", "GB18030"),
    ("windows-1252", "Windows-1252 (Latin-1)"),
    ("utf-16le", "UTF-16LE"),
    ("utf-16be", "UTF-16BE"),
];

/// The name an editor knows the encoding of `label` by (one of [`ENCODINGS`]'s labels;
/// another label is its own name).
pub fn name_of(label: &str) -> &'static str {
    ENCODINGS
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(label))
        .map_or("another encoding", |(_, n)| n)
}

/// The label of [`ENCODINGS`] that `label` is, in its case (`EUC-KR` → `euc-kr`).
pub fn label_of(label: &str) -> Option<&'static str> {
    ENCODINGS
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(label.trim()))
        .map(|(l, _)| *l)
}

/// How many bytes at the start of a file the candidate encodings are decoded over and
/// scored on (a cut at the end is not an error: the decoding is a stream's).
pub const SAMPLE_BYTES: usize = 1 << 16;

/// What the bytes alone say ([`plan`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// The encoding is known: a byte-order mark names it (`bom`), or the bytes are UTF-8.
    Known {
        /// Its label.
        label: &'static str,
        /// Whether a byte-order mark said so.
        bom: bool,
    },
    /// The labels to decode the first [`SAMPLE_BYTES`] in and give [`choose`], in the
    /// order ties go.
    Try(Vec<&'static str>),
}

/// The encoding a byte-order mark at the start of `bytes` names.
pub fn bom(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xef, 0xbb, 0xbf, ..] => Some("utf-8"),
        [0xff, 0xfe, ..] => Some("utf-16le"),
        [0xfe, 0xff, ..] => Some("utf-16be"),
        _ => None,
    }
}

/// What the bytes say of their encoding: a byte-order mark's, UTF-8 when they are, else
/// the encodings to try ([`plan_of`] of their start).
pub fn plan(bytes: &[u8]) -> Plan {
    let head = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    plan_of(head, std::str::from_utf8(bytes).is_ok())
}

/// [`plan`] from a file's first bytes (`head`: [`SAMPLE_BYTES`] are looked at) and
/// whether the whole file is valid UTF-8 (the builder asks its browser's decoder, so a
/// file of many megabytes is not copied into the wasm to know it). UTF-16 without a mark
/// is tried when zero bytes are frequent on one side of each pair (a table's digits,
/// commas and line ends are ASCII: one zero byte in two). GB18030 is tried instead of
/// GBK when the sample holds one of its four-byte sequences (the two decode alike; the
/// name differs).
pub fn plan_of(head: &[u8], utf8: bool) -> Plan {
    if let Some(label) = bom(head) {
        return Plan::Known { label, bom: true };
    }
    if utf8 {
        return Plan::Known {
            label: "utf-8",
            bom: false,
        };
    }
    let sample = &head[..head.len().min(SAMPLE_BYTES)];
    let pairs = sample.len() / 2;
    let zeros = |side: usize| {
        sample
            .iter()
            .skip(side)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let mut labels = Vec::new();
    if odd * 8 > pairs && even * 4 < odd {
        labels.push("utf-16le");
    }
    if even * 8 > pairs && odd * 4 < even {
        labels.push("utf-16be");
    }
    labels.push("euc-kr");
    labels.push(if four_byte_gb18030(sample) {
        "gb18030"
    } else {
        "gbk"
    });
    labels.push("windows-1252");
    Plan::Try(labels)
}

/// Whether `bytes`, read as GBK/GB18030 reads them, hold a four-byte sequence
/// (`[81–FE][30–39][81–FE][30–39]`), which only GB18030 has.
fn four_byte_gb18030(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i..] {
            [0x81..=0xfe, 0x30..=0x39, 0x81..=0xfe, 0x30..=0x39, ..] => return true,
            [0x81..=0xfe, ..] => i += 2,
            _ => i += 1,
        }
    }
    false
}

/// Of the decodings `(label, text)` of the same bytes (`None`: the bytes are not in that
/// encoding), the label of the likeliest; the first of the best on a tie; Windows-1252
/// when none decoded (it cannot fail). A label not in [`ENCODINGS`] is not taken.
pub fn choose(decodings: &[(&str, Option<&str>)]) -> &'static str {
    let common = Common::new();
    let mut best: Option<(&'static str, i64)> = None;
    for (label, text) in decodings {
        let (Some(label), Some(text)) = (label_of(label), text) else {
            continue;
        };
        let s = common.score(text);
        match best {
            Some((_, b)) if b >= s => {}
            _ => best = Some((label, s)),
        }
    }
    best.map_or("windows-1252", |(l, _)| l)
}

/// A letter of the Latin, Greek or Cyrillic alphabets beyond ASCII (`é`, `ß`, `ő`, `ж`):
/// what an accented word of a Windows-1252 file is made of. (Not `char::is_alphabetic`:
/// its tables would all go into the builder's wasm for these few ranges.)
fn is_letter(c: char) -> bool {
    matches!(u32::from(c), 0xaa | 0xb5 | 0xba | 0xc0..=0xd6 | 0xd8..=0xf6 | 0xf8..=0x24f | 0x370..=0x3ff | 0x400..=0x52f)
        && c != '\u{37e}'
}

/// The most common Hangul syllables of Korean text, and trade's words (수출, 금액, 증감률…),
/// in code point order.
const HANGUL: &str =
    "가간감값개거것게결경계고공과관교구국그금기나남내년는니다단달당대데도독동될들등때\
라랑량러로류률를리마만말면명모목무문미민및바반발방백베별보본부분불비사산상생서선\
성세소수스시식신실아안액야양어억업에엔여역연영오요용우운원월위유으을음의이인일입\
있자작잠장재저적전점정제조종주준중증지진질차처천청체총출치탈태통트표품프하학한합\
해했행험현형화회흑히";

/// The most common Chinese characters (simplified), and trade's words (进出口, 贸易, 人民币…),
/// in code point order.
const HAN: &str =
    "一七万三上下不与专且世业东两严个中为主举么义之乎九也书了争事二于五亚些交产京亲人\
亿什仅今从他代令以们件价任企众伙会传伴似但位低住体何作你使例供依便保信候值做像儿\
元先光克党入全八公六共关兴兵其具内再写军农决况准几出击分切划列则初利别到制前力办\
功加务动势包化北区医十千半华单南即却历原去参又及友双反发取受变口古另只叫可台史号\
司吃各合同名后向吗吧吨听告员呢周命和品响商器四回因团围国图土在地场型城基境增士声\
处备复外多够大天太夫失头奇女她好如始委子字存学孩它安完官定实客害家容密察对导将小\
少尔就尽局展山工差己已巴币市布师希带常干平年并广应底府度廷建开式引张强当形影往很\
律得德心必志快念态怎思性总息情想意感愿成我或战房所手才打批找技把投护报拉持指按据\
接推提支收改攻放政故效敌教数整文斗料断斯新方施族无日早时明易星是显更曾最月有服望\
朝期未本术机杀权李条来极构林果某查标样根格案次止正此步武死段母每比民气水求江没河\
治法注活派流测济海消深清满火点然照爱父片物特率王现理生用由电界留病白百的目直相看\
真眼着知石码研确示社神离种科称程税究空突立站章笑第等答算管米类精系紧红约级纪线组\
细织终经结给绝统续维编罗美群老考者而联能自至致色节花苏英营落虚虽行表被装西要见观\
规视觉解言计认让议记讲许论设证识诉试话该语说请调谈豆象责质贸费资走起越足跟路身车\
转轻较边达过运近还这进远连逆选通造道那部都采里重量金长门问间队防阿际陈院除随难集\
需青非面革音项顺须领题额风飞首马验高黄黑";

/// The lists, as characters for a binary search (they are written in code point order).
struct Common {
    hangul: Vec<char>,
    han: Vec<char>,
}

impl Common {
    fn new() -> Common {
        Common {
            hangul: HANGUL.chars().collect(),
            han: HAN.chars().collect(),
        }
    }

    /// How likely `text` is the text its bytes were written as: higher is likelier.
    fn score(&self, text: &str) -> i64 {
        let mut score = 0i64;
        let mut chars = text.chars().peekable();
        let mut prev = ' ';
        while let Some(c) = chars.next() {
            let next = chars.peek().copied().unwrap_or(' ');
            score += match u32::from(c) {
                0x09 | 0x0a | 0x0d | 0x20..=0x7e => 0,
                // Controls (a NUL of UTF-16 read as bytes, C1 of Windows-1252's gaps),
                // private use (GBK's user-defined area) and the replacement character.
                0x00..=0x1f | 0x7f..=0x9f | 0xe000..=0xf8ff | 0xfffd => -10,
                0xac00..=0xd7a3 => self.of(&self.hangul, c),
                0x4e00..=0x9fff => self.of(&self.han, c),
                // Rare ideographs, jamo, kana: what EUC-KR and GBK make of other bytes.
                0x3400..=0x4dbf | 0xf900..=0xfaff | 0x20000.. => -2,
                0x1100..=0x11ff | 0x3040..=0x30ff | 0x3130..=0x318f => -1,
                // CJK punctuation and full-width forms: in Korean and Chinese alike.
                0x3000..=0x303f | 0xff00..=0xffef => 0,
                // Another letter or sign: likely alone among ASCII (Côte, 5 €), unlikely
                // run together with another (¼öÃâ: Korean read as Windows-1252).
                _ if !prev.is_ascii() || !next.is_ascii() => -1,
                _ if is_letter(c) => 1,
                _ => 0,
            };
            prev = c;
        }
        score
    }

    /// A character of a script with a list of the common ones: for when common, against
    /// when not (Korean read as GBK, Chinese as EUC-KR, give mostly uncommon ones).
    fn of(&self, list: &[char], c: char) -> i64 {
        if list.binary_search(&c).is_ok() {
            2
        } else {
            -1
        }
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
/// The label of an encoding_rs encoding, as [`ENCODINGS`] writes it when it is there.
fn label_of_encoding(e: &'static Encoding) -> &'static str {
    label_of(e.name()).unwrap_or(e.name())
}

#[cfg(feature = "encodings")]
/// The text of `bytes` and what it was read as: in `forced` when given; else as
/// [`plan`] and [`choose`] say, the candidates decoded by encoding_rs. A UTF-8
/// byte-order mark is kept for the readers to skip, as before; the others are dropped.
/// Bytes the named encoding cannot decode become U+FFFD here; [`decode_in`] refuses them.
pub fn decode(bytes: &[u8], forced: Option<Named>) -> (Cow<'_, str>, Used) {
    if let Some(e) = forced {
        // A UTF-8 byte-order mark stays (the readers skip it); another encoding's goes.
        let (text, _) = if e == UTF_8 {
            e.decode_without_bom_handling(bytes)
        } else {
            e.decode_with_bom_removal(bytes)
        };
        return (text, decode_used(e));
    }
    let (label, guessed) = match plan(bytes) {
        Plan::Known { label: "utf-8", .. } => {
            return match std::str::from_utf8(bytes) {
                Ok(s) => (Cow::Borrowed(s), Used::of("utf-8", false)),
                Err(_) => {
                    let (text, _) = UTF_8.decode_without_bom_handling(bytes);
                    (text, Used::of("utf-8", false))
                }
            };
        }
        Plan::Known { label, .. } => (label, false),
        Plan::Try(labels) => {
            let texts: Vec<(&str, Option<String>)> =
                labels.iter().map(|&l| (l, sample_text(l, bytes))).collect();
            let decodings: Vec<(&str, Option<&str>)> =
                texts.iter().map(|(l, t)| (*l, t.as_deref())).collect();
            (choose(&decodings), true)
        }
    };
    let e = Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::WINDOWS_1252);
    let (text, _) = e.decode_with_bom_removal(bytes);
    (Cow::Owned(text.into_owned()), Used::of(label, guessed))
}

#[cfg(feature = "encodings")]
/// As [`decode`], but an encoding the editor named (`forced`) must decode the bytes: the
/// first byte it cannot decode is an error of `file` (kind
/// [`ErrorKind::InvalidValue`], at its row and column) saying what was expected
/// (`valid UTF-8`) and found (the bad bytes in hex), and which encoding the bytes look
/// written in (the detector's guess, [`decode`] without `forced`). Not named, as
/// [`decode`]: the guess replaces nothing it can read.
pub fn decode_in<'b>(
    bytes: &'b [u8],
    forced: Option<Named>,
    file: &str,
) -> Result<(Cow<'b, str>, Used), Error> {
    let Some(e) = forced else {
        return Ok(decode(bytes, None));
    };
    if e == UTF_8 {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return Ok((Cow::Borrowed(s), decode_used(e)));
        }
    }
    use encoding_rs::DecoderResult;
    let mut decoder = if e == UTF_8 {
        e.new_decoder_without_bom_handling()
    } else {
        e.new_decoder_with_bom_removal()
    };
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len()),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    let (bad, after) = match result {
        DecoderResult::InputEmpty => return Ok((Cow::Owned(text), decode_used(e))),
        DecoderResult::Malformed(bad, after) => (usize::from(bad), usize::from(after)),
        // The buffer holds the longest text the bytes can make.
        DecoderResult::OutputFull => (0, 0),
    };
    let end = read - after;
    let start = end.saturating_sub(bad.max(1));
    // Where: the text decoded before the bad bytes, by lines and characters.
    let before = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let row = before.matches('\n').count() + 1;
    let line = before.rsplit('\n').next().unwrap_or("");
    let column = line.chars().count() + 1;
    let hex: Vec<String> = bytes[start..end.max(start + 1).min(bytes.len())]
        .iter()
        .map(|b| format!("0x{b:02X}"))
        .collect();
    let used = decode_used(e);
    let guess = decode(bytes, None).1;
    let hint = if guess.label == used.label {
        String::new()
    } else {
        format!(
            " (byte {}); the bytes look like {}: --encoding {}, or none to let it be guessed",
            start + 1,
            guess.name,
            guess.label
        )
    };
    Err(Error::expected_as(
        ErrorKind::InvalidValue,
        "",
        &format!("valid {}", used.name),
        format!("{}{hint}", hex.join(" ")),
    )
    .in_cell(Some(file), row, column))
}

#[cfg(feature = "encodings")]
/// What a named encoding was read as.
fn decode_used(e: &'static Encoding) -> Used {
    let label = label_of_encoding(e);
    Used {
        label,
        name: if label_of(label).is_some() {
            name_of(label)
        } else {
            e.name()
        },
        guessed: false,
    }
}

/// The text of `bytes` and what it was read as, as [`decode`]; an encoding named cannot
/// be refused without the feature `encodings` (none can be named).
#[cfg(not(feature = "encodings"))]
pub fn decode_in<'b>(
    bytes: &'b [u8],
    _forced: Option<Named>,
    _file: &str,
) -> Result<(Cow<'b, str>, Used), trade_chart::error::Error> {
    Ok(decode(bytes, None))
}

#[cfg(feature = "encodings")]
/// The first [`SAMPLE_BYTES`] of `bytes` decoded strictly in `label` (as the builder's
/// `TextDecoder(label, { fatal: true })` with `stream` when the sample is cut), or
/// `None` where they are not in it.
pub fn sample_text(label: &str, bytes: &[u8]) -> Option<String> {
    use encoding_rs::DecoderResult;
    let e = Encoding::for_label(label.as_bytes())?;
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    let last = sample.len() == bytes.len();
    let mut decoder = e.new_decoder_without_bom_handling();
    let mut text =
        String::with_capacity(decoder.max_utf8_buffer_length_without_replacement(sample.len())?);
    let (result, _) = decoder.decode_to_string_without_replacement(sample, &mut text, last);
    match result {
        DecoderResult::InputEmpty => Some(text),
        _ => None,
    }
}

/// The text of `bytes` and what it was read as, without the feature `encodings`: UTF-8
/// when the bytes are (a byte-order mark is kept for the readers to skip), else
/// Windows-1252 (Latin-1 with the printable characters Windows puts at 0x80–0x9F), as old
/// Comtrade downloads and Excel's "CSV" write it. The builder decodes a file in the page
/// first (the browser's decoders, the encoding chosen by [`plan`] and [`choose`]), so
/// what reaches this is UTF-8.
#[cfg(not(feature = "encodings"))]
pub fn decode(bytes: &[u8], _forced: Option<Named>) -> (Cow<'_, str>, Used) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(s), Used::of("utf-8", false));
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
    (Cow::Owned(text), Used::of("windows-1252", true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_alone_say_a_mark_or_utf8_else_what_to_try() {
        assert_eq!(
            plan(b"\xef\xbb\xbfa,b"),
            Plan::Known {
                label: "utf-8",
                bom: true
            }
        );
        assert_eq!(
            plan(b"\xff\xfea\0"),
            Plan::Known {
                label: "utf-16le",
                bom: true
            }
        );
        assert_eq!(
            plan(b"\xfe\xff\0a"),
            Plan::Known {
                label: "utf-16be",
                bom: true
            }
        );
        assert_eq!(
            plan("년,수출".as_bytes()),
            Plan::Known {
                label: "utf-8",
                bom: false
            }
        );
        assert_eq!(
            plan(b"C\xf4te"),
            Plan::Try(vec!["euc-kr", "gbk", "windows-1252"])
        );
        // A GB18030 four-byte sequence (0x81 0x30 0x81 0x30 is U+0080).
        assert_eq!(
            plan(b"a,\x81\x30\x81\x30,\xb0\xa1"),
            Plan::Try(vec!["euc-kr", "gb18030", "windows-1252"])
        );
        // UTF-16LE without its mark: a zero after each ASCII byte.
        let le: Vec<u8> = "Year,Value\n2020,1\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .chain([0x18, 0xc2]) // 수, to be sure it is not UTF-8
            .collect();
        assert_eq!(
            plan(&le),
            Plan::Try(vec!["utf-16le", "euc-kr", "gbk", "windows-1252"])
        );
    }

    #[test]
    fn the_likeliest_text_is_chosen() {
        // K-stat's header as EUC-KR, GBK and Windows-1252 make it (docs/REAL-FILES.md).
        let ko = [
            ("euc-kr", Some("년,수출금액,수출증감률,수입금액,수지")),
            ("gbk", Some("斥,荐免陛咀,荐免刘皑伏,荐涝陛咀,荐瘤")),
            ("windows-1252", Some("³â,¼öÃâ±Ý¾×,¼öÃâÁõ°¨·ü,¼öÀÔ±Ý¾×,¼öÁö")),
        ];
        assert_eq!(choose(&ko), "euc-kr");
        let zh = [
            ("euc-kr", None),
            ("gbk", Some("\"数据年月\",\"贸易伙伴编码\",\"人民币\"")),
            (
                "windows-1252",
                Some("\"Êý¾ÝÄêÔÂ\",\"Ã³Ò×»ï°é±àÂë\",\"ÈËÃñ±Ò\""),
            ),
        ];
        assert_eq!(choose(&zh), "gbk");
        let latin = [
            ("euc-kr", None),
            ("gbk", Some("France,C鬴e d'Ivoire,1234")),
            ("windows-1252", Some("France,Côte d'Ivoire,1234")),
        ];
        assert_eq!(choose(&latin), "windows-1252");
        // Labels in any case; an unknown label or none decoded.
        assert_eq!(choose(&[("EUC-KR", Some("수출"))]), "euc-kr");
        assert_eq!(choose(&[("klingon", Some("수출"))]), "windows-1252");
        assert_eq!(choose(&[]), "windows-1252");
    }

    #[test]
    fn the_common_characters_are_in_code_point_order() {
        for list in [HANGUL, HAN] {
            let v: Vec<char> = list.chars().collect();
            assert!(v.windows(2).all(|w| w[0] < w[1]));
        }
        assert_eq!((HANGUL.chars().count(), HAN.chars().count()), (170, 620));
    }

    #[test]
    fn each_name_is_the_one_editors_know() {
        assert_eq!(name_of("EUC-KR"), "EUC-KR (CP949)");
        assert_eq!(name_of("windows-1252"), "Windows-1252 (Latin-1)");
        assert_eq!(name_of("shift_jis"), "another encoding");
        assert_eq!(label_of(" GB18030 "), Some("gb18030"));
    }
}

#[cfg(feature = "encodings")]
#[cfg(test)]
mod decode_tests {
    use super::*;

    fn bytes(e: &'static Encoding, text: &str) -> Vec<u8> {
        let (b, _, unmappable) = e.encode(text);
        assert!(!unmappable, "{text}");
        b.into_owned()
    }

    const KO: &str =
        "년,수출금액,수입금액,수지\n2020,4505575,3981462,524113\n2019,4893716,4261027,632689\n";
    // Made-up, as a Korean spreadsheet saved in CP949 writes it: some syllables are
    // outside EUC-KR's 2,350 (똠, 쀍: CP949's own), which GBK also decodes.
    const CP949: &str = "품목명,수출금액(천달러),수입금액(천달러)\n반도체,1234,5678\n똠얌 소스,12,34\n쀍 시험,5,6\n";
    const ZH: &str = "年份,出口金额(万元),进口金额(万元),进出口总额\n2020年,1234,5678,6912\n2021年,2345,6789,9134\n";
    // Made-up: with characters GBK has not got, written in GB18030's four bytes (€ in
    // a header, 㐀 an extension-A ideograph).
    const GB18030: &str = "贸易伙伴,出口金额(万美元),备注\n美国,1234,单位€\n巴西,5678,测试㐀\n";
    const LATIN: &str =
        "Reporter,Partner,Trade Value\nFrance,Côte d'Ivoire,1234\nFrance,Curaçao,99\n";

    #[test]
    fn each_legacy_encoding_is_guessed_from_its_bytes() {
        for (e, text, label, name) in [
            (encoding_rs::EUC_KR, KO, "euc-kr", "EUC-KR (CP949)"),
            (encoding_rs::EUC_KR, CP949, "euc-kr", "EUC-KR (CP949)"),
            (encoding_rs::GBK, ZH, "gbk", "GBK"),
            (encoding_rs::GB18030, GB18030, "gb18030", "GB18030"),
            (
                encoding_rs::WINDOWS_1252,
                LATIN,
                "windows-1252",
                "Windows-1252 (Latin-1)",
            ),
        ] {
            let b = bytes(e, text);
            assert!(std::str::from_utf8(&b).is_err());
            let (got, used) = decode(&b, None);
            assert_eq!(got, text, "{name}");
            assert_eq!(
                used,
                Used {
                    label,
                    name,
                    guessed: true
                }
            );
        }
        // The GB18030 table holds four-byte sequences (GBK has not got € nor 㐀).
        assert!(bytes(encoding_rs::GB18030, GB18030)
            .windows(2)
            .any(|w| w[0] >= 0x81 && (0x30..=0x39).contains(&w[1])));
    }

    #[test]
    fn utf16_without_its_mark_is_guessed() {
        let le: Vec<u8> = KO.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let (t, u) = decode(&le, None);
        assert_eq!((t.as_ref(), u.label, u.guessed), (KO, "utf-16le", true));
        let be: Vec<u8> = LATIN.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let (t, u) = decode(&be, None);
        assert_eq!((t.as_ref(), u.name, u.guessed), (LATIN, "UTF-16BE", true));
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
    fn the_sample_is_decoded_as_a_stream() {
        // A sequence cut by the sample's end is not an error; one cut by the file's is.
        let mut b = vec![b'a'; SAMPLE_BYTES - 1];
        b.extend(bytes(encoding_rs::EUC_KR, "수출"));
        assert!(sample_text("euc-kr", &b).is_some());
        let cut = bytes(encoding_rs::EUC_KR, "a,수");
        assert!(sample_text("euc-kr", &cut[..cut.len() - 1]).is_none());
        assert_eq!(sample_text("euc-kr", b"C\xf4te"), None);
        assert_eq!(sample_text("klingon", b"a"), None);
    }

    #[test]
    fn a_named_encoding_that_does_not_decode_the_bytes_is_an_error_at_the_first_bad_byte() {
        // Windows-1252 named UTF-8: "Côte" has 0xF4 then "t", not a UTF-8 sequence.
        let b = bytes(
            encoding_rs::WINDOWS_1252,
            "reporter,partner\nCHN,Côte d'Ivoire\n",
        );
        let utf8 = named("utf-8", "encoding").unwrap();
        let e = decode_in(&b, Some(utf8), "ct.csv").unwrap_err();
        assert_eq!(e.code(), "invalid-value");
        assert_eq!((e.row(), e.column()), (Some(2), Some(6)), "{e}");
        assert_eq!(e.expectation(), Some("valid UTF-8"));
        assert_eq!(
            e.to_string(),
            "ct.csv:2:6: expected valid UTF-8, found 0xF4 (byte 23); the bytes look like \
             Windows-1252 (Latin-1): --encoding windows-1252, or none to let it be guessed"
        );
        // CP949 named UTF-8, and Korean in UTF-8 named EUC-KR: the bytes of the first bad
        // sequence, the guess named.
        let ko = bytes(encoding_rs::EUC_KR, "년,수출금액\n2025년,1\n");
        let e = decode_in(&ko, Some(utf8), "k.csv").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("k.csv:1:1: expected valid UTF-8, found 0xB3"),
            "{e}"
        );
        assert!(e.to_string().contains("--encoding euc-kr"), "{e}");
        let e = decode_in(
            "a,b\n1,한\n".as_bytes(),
            Some(named("euc-kr", "e").unwrap()),
            "u.csv",
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("u.csv:2:3: expected valid EUC-KR (CP949), found 0xED"),
            "{e}"
        );
        assert!(e.to_string().contains("--encoding utf-8"), "{e}");
        // Bytes the encoding reads are read (a UTF-8 byte-order mark kept), none guessed.
        let (t, u) = decode_in(b"\xef\xbb\xbfa,b", Some(utf8), "f").unwrap();
        assert_eq!((t.as_ref(), u.guessed), ("\u{feff}a,b", false));
        let (t, _) = decode_in(b"a,\xb3", None, "f").unwrap();
        assert_eq!(t, "a,\u{b3}");
    }

    #[test]
    fn a_named_encoding_is_used_as_named() {
        let b = bytes(encoding_rs::EUC_KR, KO);
        for label in ["cp949", "EUC-KR", " euc-kr ", "ks_c_5601-1987"] {
            let e = named(label, "encoding").unwrap();
            let (t, u) = decode(&b, Some(e));
            assert_eq!(
                (t.as_ref(), u.label, u.guessed),
                (KO, "euc-kr", false),
                "{label}"
            );
        }
        // Named wrong, `decode` gives what that encoding makes of the bytes; `decode_in`
        // refuses bytes it cannot decode (below).
        let gbk = named("gbk", "encoding").unwrap();
        assert_ne!(decode(&b, Some(gbk)).0, KO);
        let sjis = named("shift_jis", "encoding").unwrap();
        assert_eq!(decode(&b, Some(sjis)).1.name, "Shift_JIS");
        let (t, u) = decode_in(&b, Some(named("cp949", "e").unwrap()), "f.csv").unwrap();
        assert_eq!((t.as_ref(), u.label), (KO, "euc-kr"));
        let e = named("klingon", "encoding").unwrap_err();
        assert_eq!(e.code(), "invalid-value");
        assert!(e.to_string().starts_with("encoding: "), "{e}");
        assert!(e.to_string().contains("euc-kr (cp949)"), "{e}");
    }
}
