//! One sort for the reader's wasm. Every `sort*` call compiles its own copy of core's
//! sort for its element type and comparison (2–4 KB of wasm each, the stable sort more),
//! so the reader sorts everything through one: a key of at most 96 bits per element,
//! ordered as `u128`s with the element's index in the low 32 bits. The index makes every
//! key distinct, so the (unstable) sort is stable.

/// Sorts `v` by `key` (ascending, ties in their original order); `key` must fit in 96 bits
/// (build it with [`i32_key`], [`f64_key`] and shifts).
pub(crate) fn sort_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    if v.len() < 2 {
        return;
    }
    let mut keys: Vec<u128> = v
        .iter()
        .enumerate()
        .map(|(i, x)| (key(x) << 32) | i as u128)
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        keys.into_iter()
            .filter_map(|k| slots.get_mut(k as u32 as usize).and_then(Option::take)),
    );
}

/// An `i32` as 32 key bits in the same order.
pub(crate) fn i32_key(x: i32) -> u128 {
    u128::from(x as u32 ^ 0x8000_0000)
}

/// A `usize` (an index or a count below 2³²) as 32 key bits.
pub(crate) fn usize_key(x: usize) -> u128 {
    u128::from(u32::try_from(x).unwrap_or(u32::MAX))
}

/// An `f64` as 64 key bits in `f64::total_cmp`'s order.
pub(crate) fn f64_key(x: f64) -> u128 {
    let b = x.to_bits();
    u128::from(if b >> 63 == 1 { !b } else { b | 1 << 63 })
}

/// A period as 72 key bits in `Period`'s own (derived) order: start, end, then kind.
pub(crate) fn period_key(p: &crate::data::period::Period) -> u128 {
    (i32_key(p.start) << 40) | (i32_key(p.end) << 8) | u128::from(p.kind as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_the_order_of_what_they_stand_for() {
        let ints = [i32::MIN, -5, -1, 0, 1, 7, i32::MAX];
        assert!(ints.windows(2).all(|w| i32_key(w[0]) < i32_key(w[1])));
        let floats = [
            f64::NEG_INFINITY,
            -3.5,
            -0.0,
            0.0,
            1e-300,
            2.0,
            f64::INFINITY,
        ];
        assert!(floats.windows(2).all(|w| f64_key(w[0]) < f64_key(w[1])));
        for x in floats {
            for y in floats {
                assert_eq!(f64_key(x).cmp(&f64_key(y)), x.total_cmp(&y), "{x} {y}");
            }
        }
    }

    #[test]
    fn periods_sort_as_they_compare() {
        let ps: Vec<crate::data::Period> =
            ["2021", "2020-06", "2020", "2020-01/2020-12", "2019-12"]
                .iter()
                .map(|s| crate::data::Period::parse(s).unwrap())
                .collect();
        let mut a = ps.clone();
        a.sort();
        let mut b = ps;
        sort_by_key(&mut b, period_key);
        assert_eq!(a, b);
    }

    #[test]
    fn sorts_stably_by_the_key() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (-2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |&(k, _)| i32_key(k));
        assert_eq!(v, [(-2, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut w: Vec<(usize, f64)> = vec![(1, 2.0), (0, 9.0), (1, -1.0), (0, 3.0)];
        sort_by_key(&mut w, |&(r, x)| (usize_key(r) << 64) | f64_key(x));
        assert_eq!(w, [(0, 3.0), (0, 9.0), (1, -1.0), (1, 2.0)]);
        let mut e: Vec<u8> = Vec::new();
        sort_by_key(&mut e, |&x| u128::from(x));
        assert!(e.is_empty());
    }
}
