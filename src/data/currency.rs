//! The currency of a dataset's figures: an ISO 4217 code, one per dataset, never
//! converted. Validation accepts the active codes of ISO 4217's list one (national
//! currencies, the euro, the CFA and CFP francs, the East Caribbean dollar and the IMF's
//! SDR, `XDR`), plus `ANG` and `BGN`, withdrawn in 2025–26 while statistics in them are
//! still published. Fund codes, metals and test codes are refused: no trade figure is
//! written in them.

/// The known codes, three letters each, in alphabetical order.
const CODES: &str = "AEDAFNALLAMDANGAOAARSAUDAWGAZNBAMBBDBDTBGNBHDBIFBMDBNDBOBBRLBSDBTNBWPBYNBZD\
CADCDFCHFCLPCNYCOPCRCCUPCVECZKDJFDKKDOPDZDEGPERNETBEURFJDFKPGBPGELGHSGIPGMDGNFGTQGYD\
HKDHNLHTGHUFIDRILSINRIQDIRRISKJMDJODJPYKESKGSKHRKMFKPWKRWKWDKYDKZTLAKLBPLKRLRDLSL\
LYDMADMDLMGAMKDMMKMNTMOPMRUMURMVRMWKMXNMYRMZNNADNGNNIONOKNPRNZDOMRPABPENPGKPHPPKR\
PLNPYGQARRONRSDRUBRWFSARSBDSCRSDGSEKSGDSHPSLESOSSRDSSPSTNSVCSYPSZLTHBTJSTMTTNDTOP\
TRYTTDTWDTZSUAHUGXUSDUYUUZSVEDVESVNDVUVWSTXAFXCDXCGXDRXOFXPFYERZARZMWZWG";

/// A known ISO 4217 code (see the module's note), kept as its three letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency([u8; 3]);

impl Currency {
    /// US dollars: the Comtrade files' currency and the columns chart's `usd`.
    pub const USD: Currency = Currency(*b"USD");

    /// The currency of a code written exactly (three uppercase letters of a known code).
    pub fn parse(code: &str) -> Option<Currency> {
        let b: [u8; 3] = code.as_bytes().try_into().ok()?;
        CODES
            .as_bytes()
            .chunks_exact(3)
            .any(|c| c == b)
            .then_some(Currency(b))
    }

    /// The code: `EUR`.
    pub fn code(&self) -> &str {
        core::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_letters() {
        assert_eq!(CODES.len() % 3, 0);
        let codes: Vec<&str> = (0..CODES.len() / 3)
            .map(|i| &CODES[i * 3..i * 3 + 3])
            .collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "not sorted");
        assert!(CODES.bytes().all(|b| b.is_ascii_uppercase()));
        for c in &codes {
            assert_eq!(
                Currency::parse(c).map(|c| c.code().to_string()),
                Some(c.to_string())
            );
        }
        assert_eq!(codes.len(), 158);
    }

    #[test]
    fn only_known_codes_written_exactly() {
        for ok in [
            "USD", "EUR", "CNY", "JPY", "KRW", "CHF", "XDR", "AED", "ZWG",
        ] {
            assert!(Currency::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "", "usd", "Eur", "US", "USDD", "RMB", "DEM", "XAU", "ABC", "€", "US$",
        ] {
            assert!(Currency::parse(bad).is_none(), "{bad}");
        }
    }
}
