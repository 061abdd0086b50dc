//! What every reader gets, natively: keyboard order, announcements, Korean and Chinese,
//! themes and contrast, the claim check, the data table, CSV and SVG.

mod common;
use common::*;
use trade_chart::scene::theme::{parse_color, Rgba, Theme};
use trade_chart::scene::{Mark, Target};
use trade_chart::{Dataset, DatasetChart, Options};

fn chart_in(view: &str, lang: &str) -> DatasetChart {
    let ds = Dataset::default_dataset().unwrap();
    let mut c = DatasetChart::new(ds, &Options::new(Some(view), Some(lang))).unwrap();
    c.resize(800.0, 400.0).unwrap();
    c
}

fn find(c: &DatasetChart, id: &str) -> usize {
    c.items()
        .iter()
        .position(|i| i.id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

#[test]
fn keyboard_walks_rows_and_columns() {
    let c = chart("monthly", 800.0, 400.0);
    let first = c.navigate(None, "ArrowRight").unwrap();
    assert_eq!(
        c.items()[first].id,
        "annotation:border-closed",
        "focus starts at the first stop: the border's closing, in the middle of January"
    );
    let first = c.navigate(Some(first), "ArrowRight").unwrap();
    assert_eq!(c.items()[first].id, "tw-2020-0102", "then the first figure");
    let june = find(&c, "tw-2020-06");
    let may = find(&c, "tw-2020-05");
    assert_eq!(c.navigate(Some(may), "ArrowRight"), Some(june));
    assert_eq!(c.navigate(Some(june), "ArrowLeft"), Some(may));
    // Down: the imports row, same month.
    let down = c.navigate(Some(june), "ArrowDown").unwrap();
    assert_eq!(c.items()[down].series, "cn-kp-monthly");
    assert_eq!(c.items()[down].period, "June 2020");
    assert_eq!(c.navigate(Some(down), "ArrowUp"), Some(june));
    // Home / End stay in the row; the row's ends do not wrap.
    let end = c.navigate(Some(june), "End").unwrap();
    assert_eq!(c.items()[end].id, "tw-2020-12");
    assert_eq!(c.navigate(Some(end), "ArrowRight"), Some(end));
    assert_eq!(
        c.items()[c.navigate(Some(end), "Home").unwrap()].id,
        "annotation:border-closed"
    );
    // The claim is its own last row.
    let mut i = june;
    for _ in 0..5 {
        i = c.navigate(Some(i), "ArrowDown").unwrap();
    }
    assert_eq!(c.items()[i].id, "claim:c-2020-june");
    assert_eq!(
        c.items()[c.navigate(Some(i), "Home").unwrap()].id,
        "claim:c-2020-feb"
    );
    assert_eq!(
        c.navigate(Some(june), "Tab"),
        None,
        "other keys do not move focus"
    );
}

#[test]
fn announcements_say_period_series_value_basis_and_source() {
    let c = chart("monthly", 800.0, 400.0);
    let h = c.describe(find(&c, "tw-2020-06")).unwrap();
    assert_eq!(
        h.announce,
        "June 2020, Two-way trade, $96.8 million, China customs, Yonhap News Agency"
    );
    let dec = c.describe(find(&c, "tw-2020-12")).unwrap();
    assert!(
        dec.announce.contains("about $4.751 million")
            && dec.announce.contains("Derived, not reported"),
        "{}",
        dec.announce
    );
    let claim = c.describe(find(&c, "claim:c-2020-feb")).unwrap();
    assert_eq!(claim.value, "$10.71 million");
    assert!(
        claim
            .lines
            .contains(&"Not supported by the data".to_string()),
        "{:?}",
        claim.lines
    );
    assert!(
        claim
            .lines
            .iter()
            .any(|l| l == "The data say: $208.1 million (January–February 2020)"),
        "{:?}",
        claim.lines
    );
    assert!(claim.announce.ends_with("Not supported by the data"));
}

#[test]
fn korean_and_chinese_readers() {
    for (lang, value, tab, title_part, summary_part) in [
        ("ko", "4억9106만 달러", "급감", "북한", "80.7% 감소"),
        ("ko-KR", "4억9106만 달러", "급감", "북한", "80.7% 감소"),
        ("zh", "4.91亿美元", "骤降", "朝鲜", "下降80.7%"),
        (
            "en",
            "$491.06 million",
            "The collapse",
            "North Korea",
            "fell 80.7%",
        ),
    ] {
        let c = chart_in("balance", lang);
        let h = c.describe(find(&c, "cnkp-2020")).unwrap();
        assert_eq!(h.value, value, "{lang}");
        let m = c.meta();
        assert_eq!(m.views[0].label, tab, "{lang}");
        assert!(m.title.contains(title_part), "{lang}: {}", m.title);
        let mut c2 = chart_in("collapse", lang);
        assert!(
            c2.meta().summary.contains(summary_part),
            "{lang}: {}",
            c2.meta().summary
        );
        // Everything on the canvas follows too.
        c2.set_view("monthly").unwrap();
        let texts: Vec<String> = texts(c2.scene()).into_iter().map(String::from).collect();
        let border = match &lang[..2] {
            "ko" => "국경 봉쇄",
            "zh" => "边境关闭",
            _ => "Border closed",
        };
        assert!(texts.iter().any(|t| t == border), "{lang}: {texts:?}");
    }
    let ko = chart_in("monthly", "ko");
    let h = ko.describe(find(&ko, "tw-2020-06")).unwrap();
    assert_eq!(h.title, "2020년 6월");
    assert_eq!(
        h.announce,
        "2020년 6월 · 교역 총액 · 9680만 달러 · 중국 해관 · Yonhap News Agency"
    );
    assert_eq!(ko.meta().ui.show_data, "데이터 보기");
    let zh = chart_in("monthly", "zh");
    assert_eq!(
        zh.describe(find(&zh, "tw-2020-06")).unwrap().title,
        "2020年6月"
    );
    assert!(DatasetChart::new(
        Dataset::default_dataset().unwrap(),
        &Options::new(None, Some("fr"))
    )
    .is_err());
}

#[test]
fn css_colours_are_read_and_themes_have_contrast() {
    assert_eq!(
        parse_color("rgb(42, 92, 154)"),
        Some(Rgba(42, 92, 154, 1.0))
    );
    assert_eq!(parse_color("rgba(0, 0, 0, 0.5)"), Some(Rgba(0, 0, 0, 0.5)));
    assert_eq!(parse_color("rgb(1 2 3 / 50%)"), Some(Rgba(1, 2, 3, 0.5)));
    assert_eq!(parse_color("#fff"), Some(Rgba(255, 255, 255, 1.0)));
    assert_eq!(parse_color("#2a5c9a"), Some(Rgba(42, 92, 154, 1.0)));
    for bad in ["", "red", "rgb(300,0,0)", "#12", "rgb(1,2)", "hsl(0 0% 0%)"] {
        assert_eq!(parse_color(bad), None, "{bad}");
    }
    for theme in [Theme::light(), Theme::dark()] {
        assert!(theme.fg.contrast(theme.bg) >= 4.5);
        assert!(
            theme.muted.contrast(theme.bg) >= 4.5,
            "muted {}",
            theme.muted.contrast(theme.bg)
        );
        for c in theme.series.iter().chain([&theme.claim, &theme.axis]) {
            assert!(
                c.contrast(theme.bg) >= 3.0,
                "{c:?} on {:?}: {}",
                theme.bg,
                c.contrast(theme.bg)
            );
        }
    }
    let t = Theme::from_pairs(
        &Theme::light(),
        [
            ("bg", "rgb(0, 0, 0)"),
            ("flow-b", "#ff0000"),
            ("grid", "rgba(0, 0, 0, 0)"),
        ],
    )
    .unwrap();
    assert_eq!(t.bg, Rgba(0, 0, 0, 1.0));
    assert_eq!(t.series[2], Rgba(255, 0, 0, 1.0));
    assert_eq!(
        t.grid,
        Theme::light().grid,
        "a transparent (unset) colour keeps the base"
    );
    let e = Theme::from_pairs(&Theme::light(), [("fg", "blurple")]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "theme.fg: expected a CSS colour, found \"blurple\""
    );
    // A new theme reaches the canvas: the background mark changes colour.
    let mut c = chart("collapse", 600.0, 300.0);
    c.set_theme(Theme::dark());
    assert!(matches!(c.scene().marks[0], Mark::Rect { fill, .. } if fill == Theme::dark().bg));
}

#[test]
fn series_differ_by_texture_not_only_colour() {
    let c = chart("balance", 800.0, 400.0);
    let m = c.meta();
    assert_eq!(
        m.legend.iter().map(|l| l.texture).collect::<Vec<_>>(),
        vec!["solid", "stripes"]
    );
    // Stripes: short horizontal lines in the background colour inside the exports bars.
    let exports = c
        .scene()
        .items
        .iter()
        .find(|it| {
            c.dataset().series[it.obs().unwrap().series].id == "kp-cn-annual" && it.mark.h() > 20.0
        })
        .unwrap();
    let stripes = c.scene().marks.iter().filter(|m| matches!(m, Mark::Line { a, b, .. } if a.1 == b.1 && exports.mark.contains(a.0, a.1) && exports.mark.contains(b.0, b.1))).count();
    assert!(stripes >= 3, "{stripes}");
    assert_eq!(
        chart("collapse", 800.0, 400.0).meta().legend[0].texture,
        "solid"
    );
}

#[test]
fn claims_list_and_drawn_claim() {
    let c = chart("monthly", 800.0, 400.0);
    let claims = c.claims();
    assert_eq!(claims.len(), 9);
    let feb = claims.iter().find(|c| c.id == "c-2020-feb").unwrap();
    assert_eq!(feb.status, "unsupported");
    assert_eq!(feb.story, "$10.71 million");
    assert_eq!(feb.data, "$208.1 million (January–February 2020)");
    assert!(feb.note.contains("one combined figure"));
    let drop = claims.iter().find(|c| c.id == "c-2020-drop").unwrap();
    assert_eq!(
        (drop.story.as_str(), drop.data.as_str()),
        ("−80.7%", "−80.7%")
    );
    assert_eq!(claims.iter().filter(|c| c.status == "agrees").count(), 5);
    assert_eq!(
        claims.iter().filter(|c| c.status == "unverified").count(),
        3
    );
    // The claim is drawn as a hollow diamond in the claim colour at February.
    let item = c
        .scene()
        .items
        .iter()
        .find(|it| matches!(it.target, Target::Claim(_)))
        .unwrap();
    assert!(c
        .scene()
        .marks
        .iter()
        .any(|m| matches!(m, Mark::Text { text, .. } if text == "Story: $10.71m ✗")));
    assert!(c
        .scene()
        .marks
        .iter()
        .any(|m| matches!(m, Mark::Text { text, .. } if text == "Story: $96.8m ✓")));
    let (cx, cy) = (item.mark.cx(), (item.mark.y0 + item.mark.y1) / 2.0);
    assert!(c.scene().marks.iter().any(|m| matches!(m, Mark::Marker { at, hollow: true, color, .. } if (at.0 - cx).abs() < 0.01 && (at.1 - cy).abs() < 0.01 && *color == c.theme().claim)));
    assert!(c.meta().source_line.contains("Walltrace"));
}

#[test]
fn data_table_and_csv() {
    let c = chart("balance", 800.0, 400.0);
    let t = c.table();
    assert_eq!(
        t.headers,
        vec!["Period", "Series", "Value (US$)", "Basis", "Source", "Note"]
    );
    assert_eq!(t.rows.len(), 4);
    assert!(
        t.rows.iter().any(|r| r[0] == "2020"
            && r[2] == "$491.06 million"
            && r[3] == "China customs"
            && r[4].starts_with("Yonhap")),
        "{:?}",
        t.rows
    );
    let csv = chart("collapse", 800.0, 400.0).csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with(
        "period,period_label,series_id,series,direction,category,value_usd,qualifier,basis"
    ));
    assert_eq!(lines.len(), 3);
    assert!(
        lines.iter().any(|l| l.starts_with(
            "2020,2020,two-way-annual,Two-way trade,two-way,,539060000,,China customs,"
        )),
        "{csv}"
    );
    assert!(lines[2].contains("https://en.yna.co.kr/view/AEN20210209007800325"));
    // Fields with commas are quoted; every row has the header's number of fields.
    let monthly = chart("monthly", 800.0, 400.0).csv();
    let cols = |l: &str| {
        let (mut n, mut quoted) = (1, false);
        for ch in l.chars() {
            match ch {
                '"' => quoted = !quoted,
                ',' if !quoted => n += 1,
                _ => {}
            }
        }
        n
    };
    let header = cols(monthly.lines().next().unwrap());
    assert!(monthly.lines().all(|l| cols(l) == header));
    assert!(
        monthly.contains("tw-2020 - tw-2020-0102 - tw-2020-03"),
        "December's formula"
    );
    assert!(monthly.contains("\"Includes electricity. KITA's figures for the month, reported by KBS World, round to $1.66 million.\""));
}

#[test]
fn export_picture_has_title_chart_and_sources() {
    let c = chart_in("collapse", "en");
    let scene = c.export_scene(800.0);
    let texts = texts(&scene);
    assert!(texts.contains(&"North Korea's trade with China collapsed in 2020"));
    assert!(texts.iter().any(|t| t.starts_with("Sources: KBS World")));
    assert!(texts.contains(&"−80.7%"));
    assert!(scene.height > trade_chart::DatasetChart::preferred_height(800.0) + 60.0);
    let svg = c.svg(800.0).unwrap();
    assert!(
        svg.starts_with("<svg")
            && svg.contains("North Korea&apos;s trade with China collapsed in 2020")
            || svg.contains("North Korea's trade with China collapsed in 2020"),
        "{}",
        &svg[..200]
    );
    let ko = chart_in("collapse", "ko").svg(600.0).unwrap();
    assert!(ko.contains("북한의 대중국 교역"));
}

#[test]
fn claim_labels_and_export_stay_clear() {
    use trade_chart::scene::HAlign;
    use trade_chart::scene::{text_width, Rect};
    for w in WIDTHS {
        let c = chart("monthly", w, trade_chart::DatasetChart::preferred_height(w));
        let s = c.scene();
        let bars: Vec<Rect> = s
            .marks
            .iter()
            .filter_map(|m| {
                if let Mark::Rect { r, .. } = m {
                    (r.w() < w - 1.0).then_some(*r)
                } else {
                    None
                }
            })
            .collect();
        for m in &s.marks {
            if let Mark::Text {
                at, text, size, h, ..
            } = m
            {
                if !text.starts_with("Story:") {
                    continue;
                }
                let tw = text_width(text, *size);
                let x0 = if *h == HAlign::Left { at.0 } else { at.0 - tw };
                let label = Rect::new(x0, at.1 - size / 2.0, x0 + tw, at.1 + size / 2.0);
                for b in &bars {
                    let overlap =
                        label.x0 < b.x1 && b.x0 < label.x1 && label.y0 < b.y1 && b.y0 < label.y1;
                    assert!(
                        !overlap,
                        "@{w}: {text:?} at {label:?} runs over a bar at {b:?}"
                    );
                }
            }
        }
    }
    // The export picture insets the chart: its axis labels do not touch the edge.
    let scene = chart("collapse", 800.0, 400.0).export_scene(800.0);
    for m in &scene.marks {
        if let Mark::Text {
            at,
            text,
            size,
            h: HAlign::Right,
            ..
        } = m
        {
            assert!(at.0 - text_width(text, *size) >= 8.0, "{text:?} at {at:?}");
        }
    }
    assert!(scene.plot.x0 > 16.0);
}
