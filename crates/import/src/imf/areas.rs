//! The areas an IMF Direction of Trade Statistics (DOTS, now IMTS) file names that are not
//! countries: World, the groups of economies (Advanced Economies, Emerging and Developing
//! …), the regions (Africa, Western Hemisphere…), the Euro Area and the EU, and the
//! "not specified" areas. They are named as the file names them and never taken for a
//! country.
//!
//! By code: `001` (World, the IMF's number), `W00` (World in the IMF's ISO-like codes),
//! the `G` and three digits of its newer group codes (`G001`, `G110`…), and `110`
//! (Advanced Economies), `163` (Euro Area), `200` (Emerging and Developing Economies),
//! `998` (European Union). By name for the rest, as DOTS writes them; and whatever UN
//! Comtrade's rules take for an aggregate ("… nes", EU…).

/// The IMF's numbers and codes of aggregates.
const CODES: &[&str] = &["001", "W00", "110", "163", "200", "998"];

/// Region and group names that are exactly an aggregate's (lowercased).
const NAMES: &[&str] = &[
    "world",
    "africa",
    "asia",
    "europe",
    "cis",
    "euro area",
    "european union",
    "western hemisphere",
    "middle east",
    "sub-saharan africa",
    "special categories",
];

/// Starts of aggregate names (lowercased).
const STARTS: &[&str] = &[
    "advanced economies",
    "emerging and developing",
    "emerging market",
    "middle east,",
    "middle east and",
    "export earnings",
    "other countries",
];

/// Words that only an aggregate's name holds (lowercased).
const HOLDS: &[&str] = &[
    " economies",
    "not specified",
    "not included elsewhere",
    "n.i.e",
    "n.e.s",
];

/// Whether an area (its code and name as the file writes them) is an aggregate.
pub(crate) fn is_aggregate(code: &str, name: &str) -> bool {
    let c = code.trim();
    let group =
        c.len() == 4 && c.starts_with(['G', 'g']) && c[1..].bytes().all(|b| b.is_ascii_digit());
    if group || CODES.iter().any(|a| c.eq_ignore_ascii_case(a)) {
        return true;
    }
    let n = name.trim().to_ascii_lowercase();
    NAMES.contains(&n.as_str())
        || STARTS.iter().any(|s| n.starts_with(s))
        || HOLDS.iter().any(|h| n.contains(h))
        || crate::comtrade::is_aggregate_area("", name)
}

#[cfg(test)]
mod tests {
    use super::is_aggregate;

    #[test]
    fn aggregates_by_code_and_name() {
        assert!(is_aggregate("001", "World"));
        assert!(is_aggregate("", "Advanced Economies"));
        assert!(is_aggregate("", "Emerging and Developing Asia"));
        assert!(is_aggregate(
            "",
            "Middle East, North Africa, Afghanistan, and Pakistan"
        ));
        assert!(is_aggregate("", "Countries & Areas not specified"));
        assert!(is_aggregate("G110", "x"));
        assert!(is_aggregate("", "Sub-Saharan Africa"));
        assert!(!is_aggregate("199", "South Africa"));
        assert!(!is_aggregate("626", "Central African Rep."));
        assert!(!is_aggregate("542", "Korea, Rep. of"));
        assert!(!is_aggregate("158", "Japan"));
        assert!(!is_aggregate("GB", "United Kingdom"));
    }
}
