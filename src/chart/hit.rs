//! Pointer → data item, keyboard → next item. What the item then says is `present`'s.

use crate::scene::{Item, Scene, Target};

/// The item under a pointer at CSS (x, y). A claim's small box, and an annotation's strip
/// at the top of the plot, win over the data columns they sit on; among columns, the one
/// whose mark centre is nearest.
pub fn item_at(scene: &Scene, x: f64, y: f64) -> Option<usize> {
    let inside = |it: &&Item| it.hit.contains(x, y);
    // A claim first, then an annotation: of those, the last in reading order (a point's line
    // and label over the band of a span that starts before it).
    let (mut claim, mut note) = (None, None);
    for (i, it) in scene.items.iter().enumerate() {
        match it.target {
            Target::Claim(_) if inside(&it) => claim = Some(i),
            Target::Annotation(_) if inside(&it) => note = Some(i),
            _ => {}
        }
    }
    claim.or(note).or_else(|| {
        scene
            .items
            .iter()
            .enumerate()
            .filter(|(_, it)| inside(it))
            .min_by(|(_, a), (_, b)| {
                // Nearest in x; on a tie (points of several series in one column), nearest in y.
                let d = |it: &Item| {
                    (
                        (it.mark.cx() - x).abs(),
                        ((it.mark.y0 + it.mark.y1) / 2.0 - y).abs(),
                    )
                };
                let (da, db) = (d(a), d(b));
                da.0.total_cmp(&db.0).then(da.1.total_cmp(&db.1))
            })
            .map(|(i, _)| i)
    })
}

/// A key a reader pressed on the focused chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Next item in the row.
    Right,
    /// Previous item in the row.
    Left,
    /// The row above (the previous series), nearest in x.
    Up,
    /// The row below (the next series), nearest in x.
    Down,
    /// First item in the row.
    Home,
    /// Last item in the row.
    End,
}

impl Key {
    /// From `KeyboardEvent.key`.
    pub fn parse(key: &str) -> Option<Key> {
        Some(match key {
            "ArrowRight" => Key::Right,
            "ArrowLeft" => Key::Left,
            "ArrowUp" => Key::Up,
            "ArrowDown" => Key::Down,
            "Home" => Key::Home,
            "End" => Key::End,
            _ => return None,
        })
    }
}

/// The item focus moves to from `from` (none yet: the first item) on `key`.
/// Items are in reading order (row by row, left to right), as `scene::build` leaves them.
pub fn navigate(scene: &Scene, from: Option<usize>, key: Key) -> Option<usize> {
    let items = &scene.items;
    let first = items.first()?;
    let Some((cur, at)) = from.and_then(|i| Some((i, items.get(i)?))) else {
        return Some(if key == Key::End {
            items
                .iter()
                .rposition(|it| it.row == first.row)
                .unwrap_or(0)
        } else {
            0
        });
    };
    let row = at.row;
    let in_row = |r: usize| {
        items
            .iter()
            .enumerate()
            .filter(move |(_, it)| it.row == r)
            .map(|(i, _)| i)
    };
    let rows: Vec<usize> = {
        let mut r: Vec<usize> = items.iter().map(|it| it.row).collect();
        r.dedup();
        r
    };
    // The same kind of item as the one left (Down from a figure lands on a figure, from an
    // annotation on the same annotation in the next row), then the nearest in x.
    let kind = |it: &Item| match it.target {
        Target::Annotation(a) => Some(a),
        _ => None,
    };
    let nearest_in = |r: usize| {
        let x = at.mark.cx();
        // (Another kind lies a screen width past the farthest of the same kind.)
        let d = |it: &Item| (it.mark.cx() - x).abs() + if kind(it) == kind(at) { 0.0 } else { 1e9 };
        (items.iter().enumerate())
            .filter(|(_, it)| it.row == r)
            .min_by(|(_, a), (_, b)| d(a).total_cmp(&d(b)))
            .map(|(i, _)| i)
    };
    let here = rows.iter().position(|&r| r == row).unwrap_or(0);
    Some(match key {
        Key::Right => in_row(row).find(|&i| i > cur).unwrap_or(cur),
        Key::Left => in_row(row).rfind(|&i| i < cur).unwrap_or(cur),
        Key::Home => in_row(row).next().unwrap_or(cur),
        Key::End => in_row(row).next_back().unwrap_or(cur),
        Key::Up => here
            .checked_sub(1)
            .and_then(|k| rows.get(k))
            .and_then(|&r| nearest_in(r))
            .unwrap_or(cur),
        Key::Down => rows
            .get(here + 1)
            .and_then(|&r| nearest_in(r))
            .unwrap_or(cur),
    })
}
