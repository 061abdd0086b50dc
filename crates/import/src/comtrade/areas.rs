//! The areas a Comtrade download names: countries, and the aggregates that are not
//! (World, "… nes" areas, the EU, Bunkers…); and the numeric codes of the codes-only
//! downloads mapped to names.
//!
//! Comtrade numbers its areas with the UN's M49 codes, which are ISO 3166-1 numeric
//! codes for countries, with a few of its own where its area is not ISO's country (or
//! was another one once). ISO's codes and names come from the `isocountry` crate;
//! Comtrade's own are listed here, each with what its area covers. They are those of
//! Comtrade's reference lists of reporters and partners
//! (<https://comtradeapi.un.org/files/v1/app/reference/Reporters.json> and
//! `partnerAreas.json` beside it; the legacy site's `reporterAreas.json` has the same
//! codes), whose note reads that Comtrade's country codes follow M49 "with some
//! exceptions" for areas whose coverage differs.

/// Comtrade's own codes: (code, code in the dataset, name as Comtrade writes it,
/// whether it is an aggregate rather than a country). An aggregate's code is its number.
const COMTRADE: &[(u32, &str, &str, bool)] = &[
    // Aggregates (Comtrade's partner list): never a country.
    (0, "0", "World", true),
    (97, "97", "EU", true),
    (129, "129", "Caribbean, nes", true),
    (221, "221", "Eastern Europe, nes", true),
    (290, "290", "Northern Africa, nes", true),
    (471, "471", "CACM, nes", true),
    (472, "472", "Africa CAMEU region, nes", true),
    (473, "473", "LAIA, nes", true),
    // 490 is how Comtrade counts trade with Taiwan, which its lists do not name.
    (490, "490", "Other Asia, nes", true),
    (492, "492", "Europe EU, nes", true),
    (527, "527", "Oceania, nes", true),
    (536, "536", "Neutral Zone", true),
    (568, "568", "Other Europe, nes", true),
    (577, "577", "Other Africa, nes", true),
    (636, "636", "Rest of America, nes", true),
    (637, "637", "North America and Central America, nes", true),
    (697, "697", "Europe EFTA, nes", true),
    (837, "837", "Bunkers", true),
    (838, "838", "Free Zones", true),
    (839, "839", "Special Categories", true),
    (879, "879", "Western Asia, nes", true),
    (899, "899", "Areas, nes", true),
    // Countries whose Comtrade area differs from ISO's, so its code does too.
    // France with Monaco (ISO 250 is France alone).
    (251, "FRA", "France", false),
    // Norway without Svalbard and Jan Mayen (ISO 578 includes them).
    (579, "NOR", "Norway", false),
    // India (Comtrade's code since 1975; ISO 356).
    (699, "IND", "India", false),
    // Switzerland with Liechtenstein (ISO 756 is Switzerland alone).
    (757, "CHE", "Switzerland", false),
    // The USA with Puerto Rico and the US Virgin Islands (ISO 840 is without them).
    (842, "USA", "USA", false),
    // Areas of the past (Comtrade's names and codes), for old downloads.
    (58, "BLX", "Belgium-Luxembourg (...1998)", false),
    (200, "CSK", "Czechoslovakia", false),
    (278, "DDR", "Fmr Dem. Rep. of Germany", false),
    (280, "DEU", "Fmr Fed. Rep. of Germany", false),
    (736, "SDN", "Fmr Sudan", false),
    (810, "SUN", "Fmr USSR", false),
    (890, "YUG", "Fmr Yugoslavia", false),
    (891, "SCG", "Serbia and Montenegro", false),
];

/// A numeric area code → (the code a dataset gives it, its name, whether it is an
/// aggregate): Comtrade's own first, then ISO 3166-1's. `None` for a number neither knows.
pub(crate) fn by_number(code: &str) -> Option<(String, String, bool)> {
    let n: u32 = code.trim().parse().ok()?;
    if let Some(&(_, c, name, agg)) = COMTRADE.iter().find(|a| a.0 == n) {
        return Some((c.to_string(), name.to_string(), agg));
    }
    iso(n)
}

/// ISO 3166-1's alpha-3 code and name of a numeric code.
#[cfg(feature = "countries")]
fn iso(n: u32) -> Option<(String, String, bool)> {
    let iso = isocountry::CountryCode::for_id(n).ok()?;
    Some((iso.alpha3().to_string(), iso.name().to_string(), false))
}

/// Without the feature `countries` (the builder's wasm): Comtrade's own codes only.
#[cfg(not(feature = "countries"))]
fn iso(_: u32) -> Option<(String, String, bool)> {
    None
}

/// Whether an area is an aggregate (not a country), by its code (ISO-like or numeric)
/// or its name as the download writes them.
pub(crate) fn is_aggregate(code: &str, name: &str) -> bool {
    let c = code.trim();
    if let Ok(n) = c.parse::<u32>() {
        if COMTRADE.iter().any(|a| a.0 == n && a.3) {
            return true;
        }
    }
    // Comtrade's alphabetic codes for World (W00; WLD in the legacy site) and the EU
    // (EUR in legacy downloads, EUN in WITS's).
    if ["W00", "WLD", "EUR", "EUN", "EU", "EU27", "EU28"]
        .iter()
        .any(|a| c.eq_ignore_ascii_case(a))
    {
        return true;
    }
    let n = name.trim().to_ascii_lowercase();
    n == "world"
        || n.ends_with(" nes")
        || n.ends_with(",nes")
        || n.contains(", nes ")
        || n.contains(" nes,")
        || n == "eu"
        || n.starts_with("eu-")
        || n.starts_with("eu ")
        || n.starts_with("european union")
        || n == "asean"
        || n == "special categories"
        || n == "bunkers"
        || n == "free zones"
        || n == "neutral zone"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comtrade_codes_before_iso_codes() {
        assert_eq!(by_number("842"), Some(("USA".into(), "USA".into(), false)));
        assert_eq!(by_number("699").unwrap().0, "IND");
        #[cfg(feature = "countries")]
        assert_eq!(
            by_number("156"),
            Some(("CHN".into(), "China".into(), false))
        );
        assert!(by_number("0").unwrap().2);
        assert_eq!(by_number("999"), None);
        assert_eq!(by_number("x"), None);
        #[cfg(not(feature = "countries"))]
        assert_eq!(by_number("156"), None);
        assert!(is_aggregate("W00", "World"));
        assert!(is_aggregate("", "Areas, nes"));
        assert!(is_aggregate("EUR", "EU-28"));
        assert!(is_aggregate("899", ""));
        assert!(!is_aggregate("KOR", "Rep. of Korea"));
        assert!(!is_aggregate("DNK", "Denmark"));
    }
}
