//! Long tables with words (docs/DATA.md, "Long tables with words"): what statistics
//! offices' and customs' query platforms export. One row per period × partner × product
//! (× flow), the figures in one money column whose header names the currency
//! (`人民币`, `VALUE IN EURO`), and the keys written as words: a partner column (a
//! customs code and a name), a product column (a code and a description), a flow column
//! (`IMPORTS`/`EXPORTS`, `수입`/`수출`, `进口`/`出口`).
//!
//! The wide reader ([`crate::wide`]) reads them: this module finds the key columns
//! ([`Keys::find`]), picks the rows of the chart (the second `--partner` in the partner
//! column, `--commodity` in the product column) and reads a flow cell as a direction.
//! A table of several partners or products without that answer is one error listing
//! them, largest first. Rows are never summed: a chart is one product's figures.

use std::collections::HashMap;

use trade_chart::error::{Error, ErrorKind};

use crate::cells::{at, header_unit, Cx};
use crate::numbers;
use crate::table::{Row, Table};

/// How many partners or products an error lists.
const LISTED: usize = 10;

/// A key column as a code and a name column, either optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Key {
    pub(crate) code: Option<usize>,
    pub(crate) name: Option<usize>,
}

impl Key {
    pub(crate) fn any(&self) -> bool {
        self.code.is_some() || self.name.is_some()
    }

    pub(crate) fn cols(&self) -> impl Iterator<Item = usize> {
        self.code.into_iter().chain(self.name)
    }

    /// The row's code and name (blank when the table has no such column).
    fn of<'r>(&self, r: &'r Row) -> (&'r str, &'r str) {
        (
            self.code.map_or("", |c| r.cell(c)),
            self.name.map_or("", |c| r.cell(c)),
        )
    }

    /// Whether `r` is of `wanted` (its code or name, case aside).
    fn is(&self, r: &Row, wanted: &str) -> bool {
        let w = wanted.trim();
        let (c, n) = self.of(r);
        (!c.is_empty() && c.eq_ignore_ascii_case(w))
            || (!n.is_empty() && n.to_lowercase() == w.to_lowercase())
    }
}

/// The key columns of a long table with words.
#[derive(Debug, Clone, Default)]
pub(crate) struct Keys {
    pub(crate) partner: Key,
    pub(crate) product: Key,
    /// Other product columns (a description in another language): not used.
    pub(crate) product_more: Vec<usize>,
    /// The column of flow words.
    pub(crate) flow: Option<usize>,
    /// The money column: the one whose header names a currency or says value.
    pub(crate) money: Option<usize>,
}

/// What a flow cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum FlowWord {
    /// The reporting country's exports.
    Exports,
    /// Its imports.
    Imports,
}

/// A flow cell read: `IMPORTS`, `Export`, `수입`, `出口`…
pub(crate) fn flow_word(cell: &str) -> Option<FlowWord> {
    let w = cell.trim().to_lowercase();
    match w.as_str() {
        "export" | "exports" | "exp" | "x" | "수출" | "出口" => Some(FlowWord::Exports),
        "import" | "imports" | "imp" | "m" | "수입" | "进口" | "進口" => {
            Some(FlowWord::Imports)
        }
        _ => None,
    }
}

/// The words of a header, lowercased: ASCII words split at anything else (`SITC_1` →
/// `sitc`, `1`), and the whole header for the Korean and Chinese words found anywhere.
fn has(header: &str, en: &[&str], cjk: &[&str]) -> bool {
    let lower = header.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    en.iter().any(|w| words.contains(w)) || cjk.iter().any(|w| lower.contains(w))
}

const PARTNER: (&[&str], &[&str]) = (
    &[
        "partner",
        "partners",
        "country",
        "countries",
        "counterpart",
        "destination",
        "origin",
    ],
    &[
        "贸易伙伴",
        "伙伴",
        "国家",
        "国别",
        "国家地区",
        "상대국",
        "국가",
    ],
);
const PRODUCT: (&[&str], &[&str]) = (
    &[
        "commodity",
        "commodities",
        "product",
        "products",
        "sitc",
        "hs",
        "hs2",
        "hs4",
        "hs6",
        "goods",
        "item",
        "cn8",
    ],
    &["商品", "产品", "品名", "품목", "상품", "품명"],
);
const NAME: (&[&str], &[&str]) = (
    &["descr", "description", "name", "label", "desc", "text"],
    &["名称", "명", "描述"],
);
const CODE: (&[&str], &[&str]) = (&["code", "id", "cd"], &["编码", "代码", "코드", "번호"]);
const VALUE: (&[&str], &[&str]) = (
    &["value", "amount", "values"],
    &["金额", "금액", "价值", "人民币", "美元"],
);

impl Keys {
    /// The key columns of `table`, found by their headers (partner, product, in three
    /// languages) and, for the flow column, by its cells (every one a flow word).
    pub(crate) fn find(table: &Table) -> Keys {
        let rows: Vec<&Row> = table.rows.iter().filter(|r| !r.is_blank()).collect();
        let code_like = |c: usize| {
            rows.iter()
                .map(|r| r.cell(c))
                .filter(|x| !x.is_empty())
                .all(|x| {
                    x.len() <= 12 && x.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '.')
                })
        };
        let mut keys = Keys::default();
        for (c, h) in table.headers.iter().enumerate() {
            let is_code = has(h, CODE.0, CODE.1) || (!has(h, NAME.0, NAME.1) && code_like(c));
            let product = has(h, PRODUCT.0, PRODUCT.1);
            let key = if product {
                &mut keys.product
            } else if has(h, PARTNER.0, PARTNER.1) {
                &mut keys.partner
            } else {
                let filled = rows.iter().filter(|r| !r.cell(c).is_empty()).count();
                if keys.flow.is_none()
                    && filled > 0
                    && rows
                        .iter()
                        .map(|r| r.cell(c))
                        .filter(|x| !x.is_empty())
                        .all(|x| flow_word(x).is_some())
                    // One letter (M, X) alone is a flow only under a header that says so.
                    && (rows.iter().any(|r| r.cell(c).len() > 1)
                        || has(h, &["flow"], &["流向", "구분"]))
                {
                    keys.flow = Some(c);
                }
                if keys.money.is_none() && (header_unit(h).is_some() || has(h, VALUE.0, VALUE.1)) {
                    let numeric = rows
                        .iter()
                        .map(|r| r.cell(c))
                        .filter(|x| !x.is_empty())
                        .all(|x| numbers::style(x).is_some());
                    if numeric {
                        keys.money = Some(c);
                    }
                }
                continue;
            };
            let slot = if is_code {
                &mut key.code
            } else {
                &mut key.name
            };
            if slot.is_none() {
                *slot = Some(c);
            } else if product {
                keys.product_more.push(c);
            }
        }
        // A product described in several languages: the English one named.
        if let Some(en) = (keys.product_more.iter().copied())
            .chain(keys.product.name)
            .find(|&c| has(&table.headers[c], &["en", "english"], &[]))
        {
            if let Some(old) = keys.product.name.replace(en) {
                if old != en {
                    keys.product_more.retain(|&c| c != en);
                    keys.product_more.push(old);
                }
            }
        }
        keys
    }

    /// Whether the table is a long table with words: it has a partner, product or flow
    /// column.
    pub(crate) fn any(&self) -> bool {
        self.partner.any() || self.product.any() || self.flow.is_some()
    }

    /// The columns read as keys (not figures): not warned about.
    pub(crate) fn cols(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self.partner.cols().chain(self.product.cols()).collect();
        v.extend(&self.product_more);
        v.extend(self.flow);
        v
    }
}

/// The distinct values of `key` among `rows` as (code, name, rows, sum of the money
/// column), largest sum first, then the first met first. The sum only ranks them.
fn distinct(rows: &[&Row], key: Key, money: Option<usize>) -> Vec<(String, String, usize, f64)> {
    let mut out: Vec<(String, String, usize, f64)> = Vec::new();
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    for r in rows {
        let (c, n) = key.of(r);
        if c.is_empty() && n.is_empty() {
            continue;
        }
        let v = money
            .and_then(|m| numbers::canonical(r.cell(m), '.'))
            .and_then(|x| x.parse::<f64>().ok())
            .unwrap_or(0.0);
        let k = *at.entry((c.to_string(), n.to_string())).or_insert_with(|| {
            out.push((c.to_string(), n.to_string(), 0, 0.0));
            out.len() - 1
        });
        if let Some(e) = out.get_mut(k) {
            e.2 += 1;
            e.3 += v;
        }
    }
    out.sort_by(|a, b| b.3.total_cmp(&a.3));
    out
}

fn shown(code: &str, name: &str) -> String {
    match (code.is_empty(), name.is_empty()) {
        (false, false) => format!("{code} {name}"),
        (false, true) => code.to_string(),
        _ => name.to_string(),
    }
}

/// Words that name a total row of products: the table's own total, never a sum.
fn is_total(code: &str, name: &str) -> bool {
    let t = |s: &str| {
        let l = s.trim().to_lowercase();
        [
            "total",
            "all",
            "all products",
            "合计",
            "总计",
            "总值",
            "총계",
            "합계",
            "전체",
        ]
        .contains(&l.as_str())
    };
    t(code) || t(name)
}

/// What the editor said: `--partner`'s, `--commodity`, and whether to pick the product
/// too (not when only the partners are listed, before the other options are read).
pub(crate) struct Ask<'a> {
    pub(crate) partners: &'a [(String, String)],
    pub(crate) commodity: Option<&'a str>,
    pub(crate) products: bool,
}

/// The rows picked, and the product as its code and name.
pub(crate) type Picked<'t> = (Vec<&'t Row<'t>>, Option<(String, String)>);

/// The rows of the chart: those of the second partner (by its code or name as the file
/// writes them) and of one product. `partners` are `--partner`'s; `None` once an error
/// is reported: several partners or products without the answer (each one error listing
/// them, largest first), or an answer the table does not hold. Also the product, as its
/// code and name, when the table has a product column.
pub(crate) fn pick<'t>(
    cx: &mut Cx,
    file: &str,
    headers: &[String],
    rows: Vec<&'t Row<'t>>,
    keys: &Keys,
    ask: Ask,
) -> Option<Picked<'t>> {
    let Ask {
        partners,
        commodity,
        products,
    } = ask;
    let mut rows = rows;
    if keys.partner.any() {
        let list = distinct(&rows, keys.partner, keys.money);
        let col = keys.partner.code.or(keys.partner.name).unwrap_or(0);
        let second = partners.get(1);
        let chosen = second.and_then(|(code, name)| {
            [code, name]
                .into_iter()
                .find(|w| rows.iter().any(|r| keys.partner.is(r, w)))
        });
        match (chosen, list.as_slice()) {
            (Some(w), _) => {
                let w = w.clone();
                rows.retain(|r| keys.partner.is(r, &w));
            }
            // One partner: the table's, whatever --partner calls it (said, in case not).
            (None, [(c, n, ..)]) => {
                if let (true, Some((pc, pn))) = (products, second) {
                    let msg = format!(
                        "the table's one partner is {}; charted as {pc} ({pn}), the second --partner",
                        shown(c, n)
                    );
                    cx.warnings
                        .push(at(ErrorKind::InvalidValue, file, 1, col, "partner", msg));
                }
            }
            (None, []) => {}
            (None, many) => {
                let first = partners.first().map_or_else(
                    || "--partner CODE=Name".to_string(),
                    |(c, n)| format!("--partner {c}={}", quoted(n)),
                );
                // The example: the table's largest partner, by its code or its name.
                let example = many.first().map_or_else(String::new, |(c, n, ..)| {
                    match (c.is_empty(), n.is_empty()) {
                        (false, false) => {
                            format!("--partner CODE={} or --partner {c}=Name", quoted(n))
                        }
                        (false, true) => format!("--partner {c}=Name"),
                        _ => format!("--partner CODE={}", quoted(n)),
                    }
                });
                let mut s = match second {
                    Some((c, n)) => format!(
                        "the table holds {} partners, and the second --partner ({c}={n}) is none of them: give one by its code or its name as the file writes it ({example}), largest first:",
                        many.len()
                    ),
                    None => format!(
                        "the table holds {} partners: give the reporting country, then one of them by its code or its name as the file writes it ({first}, then {example}), largest first:",
                        many.len()
                    ),
                };
                for (c, n, k, _) in many.iter().take(LISTED) {
                    s.push_str(&format!(
                        "\n  {} ({})",
                        shown(c, n),
                        crate::count(*k, "row", "rows")
                    ));
                }
                if many.len() > LISTED {
                    s.push_str(&format!("\n  … and {} more", many.len() - LISTED));
                }
                cx.error(at(ErrorKind::ManyPairs, file, 1, col, "partner", s));
                return None;
            }
        }
    }
    let mut product = None;
    if products && keys.product.any() {
        let list = distinct(&rows, keys.product, keys.money);
        let col = keys.product.code.or(keys.product.name).unwrap_or(0);
        let listing = |lead: String| {
            let mut s = lead;
            for (c, n, k, _) in list.iter().take(LISTED) {
                let (opt, words) = if c.is_empty() {
                    (n, "")
                } else {
                    (c, n.as_str())
                };
                s.push_str(&format!(
                    "\n  --commodity {opt}  {words} ({})",
                    crate::count(*k, "row", "rows")
                ));
            }
            if list.len() > LISTED {
                s.push_str(&format!("\n  … and {} more", list.len() - LISTED));
            }
            s
        };
        let totals: Vec<&(String, String, usize, f64)> =
            list.iter().filter(|(c, n, ..)| is_total(c, n)).collect();
        let wanted: Option<(String, String)> = match (commodity, list.as_slice(), totals.as_slice())
        {
            (Some(w), ..) => {
                let found = list.iter().find(|(c, n, ..)| {
                    (!c.is_empty() && c.eq_ignore_ascii_case(w.trim()))
                        || (!n.is_empty() && n.to_lowercase() == w.trim().to_lowercase())
                });
                let Some((c, n, ..)) = found else {
                    let msg = listing(format!(
                        "\"{w}\": no product of this table has this code or name; its products, largest first:"
                    ));
                    cx.error(Error::at(ErrorKind::UnknownId, "--commodity", msg));
                    return None;
                };
                Some((c.clone(), n.clone()))
            }
            (None, [(c, n, ..)], _) => Some((c.clone(), n.clone())),
            (None, [], _) => None,
            (None, _, [(c, n, ..)]) => Some((c.clone(), n.clone())),
            (None, ..) => {
                let msg = listing(format!(
                    "the table holds {} products, and a chart is one product's figures (rows are never summed): give one with --commodity CODE, largest first:",
                    list.len()
                ));
                let h = headers.get(col).map_or("", String::as_str);
                cx.error(at(ErrorKind::MissingField, file, 1, col, h, msg));
                return None;
            }
        };
        if let Some((c, n)) = &wanted {
            rows.retain(|r| keys.product.of(r) == (c.as_str(), n.as_str()));
        }
        product = wanted;
    }
    Some((rows, product))
}

/// A name as a shell takes it: quoted when it has a space or a quote.
fn quoted(name: &str) -> String {
    if name.contains([' ', '"', '\'', '(', ')', '&', ';', '|']) {
        format!("\"{}\"", name.replace('"', "\\\""))
    } else {
        name.to_string()
    }
}

/// One partner or product of a long table with words, as the builder lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Its code as the file writes it (blank when the table has no code column).
    pub code: String,
    /// Its name as the file writes it (blank when the table has no name column).
    pub name: String,
    /// How many rows are its.
    pub rows: usize,
}

impl Listed {
    /// `410 巴西`: the code and the name, or whichever the file gives.
    pub fn shown(&self) -> String {
        shown(&self.code, &self.name)
    }

    /// What `--commodity` (the builder's `commodity`) takes for it: its code, else its name.
    pub fn answer(&self) -> &str {
        if self.code.is_empty() {
            &self.name
        } else {
            &self.code
        }
    }
}

/// What a long table with words leaves the editor to choose, for the builder to ask
/// (the command line's `--partner`, `--commodity` and `--flow` as fields): its partners
/// and, among the rows of `partner` (the second partner's code and name: the rows of
/// either, when the table holds it), its products, each largest first as the errors list them; and its money
/// column (1-based position and header) when no column of flow words says each row's
/// direction. `None` for a table that is not one (no partner, product or flow column).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Offered {
    pub partners: Vec<Listed>,
    pub products: Vec<Listed>,
    pub money_without_flow: Option<(usize, String)>,
}

/// See [`Offered`].
pub fn offered(text: &str, partner: Option<(&str, &str)>) -> Option<Offered> {
    let table = crate::table::parse(text).ok()?;
    let keys = Keys::find(&table);
    if !keys.any() {
        return None;
    }
    let listed = |l: Vec<(String, String, usize, f64)>| {
        l.into_iter()
            .map(|(code, name, rows, _)| Listed { code, name, rows })
            .collect::<Vec<_>>()
    };
    let mut rows: Vec<&Row> = table.rows.iter().filter(|r| !r.is_blank()).collect();
    let partners = if keys.partner.any() {
        listed(distinct(&rows, keys.partner, keys.money))
    } else {
        Vec::new()
    };
    let ours = partner.and_then(|(code, name)| {
        [code, name]
            .into_iter()
            .find(|w| !w.trim().is_empty() && rows.iter().any(|r| keys.partner.is(r, w)))
    });
    if let Some(w) = ours {
        rows.retain(|r| keys.partner.is(r, w));
    }
    let products = if keys.product.any() {
        listed(distinct(&rows, keys.product, keys.money))
    } else {
        Vec::new()
    };
    let money_without_flow = match (keys.money, keys.flow) {
        (Some(m), None) => Some((m + 1, table.headers[m].clone())),
        _ => None,
    };
    Some(Offered {
        partners,
        products,
        money_without_flow,
    })
}

/// Whether a partner (its code and name) is the world as a whole: an aggregate of
/// every partner, never a country.
pub(crate) fn is_world(code: &str, name: &str) -> bool {
    let c = code.trim().to_lowercase();
    let n = name.trim().to_lowercase();
    ["wld", "w00", "wl", "0", "000"].contains(&c.as_str())
        || ["world", "the world", "世界", "全球", "세계", "전세계"].contains(&n.as_str())
}

/// A period cell with a footnote marker (`2017(1)`, `2018*`, `2019p`): the period as
/// written without it, and the marker. Provisional and revised figures are marked so.
pub(crate) fn marker(cell: &str) -> (&str, Option<&str>) {
    let c = cell.trim();
    if let Some(open) = c.rfind(['(', '（']) {
        let inner = c[open..]
            .trim_start_matches(['(', '（'])
            .trim_end_matches([')', '）']);
        let closed = c.ends_with([')', '）']);
        if closed && open > 0 && !inner.is_empty() && inner.chars().count() <= 3 {
            return (c[..open].trim_end(), Some(&c[open..]));
        }
    }
    for m in ["*", "p", "P", "r", "R"] {
        if let Some(rest) = c.strip_suffix(m) {
            if rest.ends_with(|ch: char| ch.is_ascii_digit()) {
                return (rest, Some(&c[rest.len()..]));
            }
        }
    }
    (c, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_words_in_three_languages() {
        for w in ["IMPORTS", "Import", "수입", "进口"] {
            assert_eq!(flow_word(w), Some(FlowWord::Imports), "{w}");
        }
        for w in ["EXPORTS", "export", "수출", "出口"] {
            assert_eq!(flow_word(w), Some(FlowWord::Exports), "{w}");
        }
        for w in ["", "Balance", "进出口", "2013"] {
            assert_eq!(flow_word(w), None, "{w}");
        }
    }

    #[test]
    fn markers_kept_apart() {
        assert_eq!(marker("2017(1)"), ("2017", Some("(1)")));
        assert_eq!(marker("2018*"), ("2018", Some("*")));
        assert_eq!(marker("2019p"), ("2019", Some("p")));
        assert_eq!(marker("2020"), ("2020", None));
        assert_eq!(marker("Jan 2020"), ("Jan 2020", None));
        assert_eq!(marker("(1)"), ("(1)", None));
    }

    #[test]
    fn keys_found() {
        let t = crate::table::parse(
            "YEAR,FLOW,SITC_1,DESCR_SITC_GR,DESCR_SITC_EN,VALUE IN EURO\n2013,IMPORTS,0,x,y,\"1,000\"\n",
        )
        .unwrap();
        let k = Keys::find(&t);
        assert_eq!(
            (
                k.flow,
                k.product.code,
                k.product.name,
                k.product_more,
                k.money
            ),
            (Some(1), Some(2), Some(4), vec![3], Some(5))
        );
        let t = crate::table::parse(
            "数据年月,贸易伙伴编码,贸易伙伴名称,商品编码,商品名称,第一数量,人民币\n202401,402,阿根廷,12019019,豆,1,\"2,000\"\n",
        )
        .unwrap();
        let k = Keys::find(&t);
        assert_eq!(
            (k.partner, k.product.code, k.product.name, k.flow, k.money),
            (
                Key {
                    code: Some(1),
                    name: Some(2)
                },
                Some(3),
                Some(4),
                None,
                Some(6)
            )
        );
    }
}
