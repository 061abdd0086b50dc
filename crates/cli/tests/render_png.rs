//! `trade-chart render` as PNG and as a social card, run as built: the files decode, have
//! the asked size, and are pictures (many colours, the series' colours among them).

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Command;

use trade_chart::scene::theme::Theme;

const BIN: &str = env!("CARGO_BIN_EXE_trade-chart");
const TABLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/import/observations.tsv"
);

fn out(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("render-png");
    std::fs::create_dir_all(&d).unwrap();
    let p = d.join(name);
    let _ = std::fs::remove_file(&p);
    p
}

fn run(args: &[&str]) -> (i32, String) {
    let o = Command::new(BIN).args(args).output().unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Width, height and the distinct RGB colours of a PNG file.
fn decode(p: &PathBuf) -> (u32, u32, HashSet<[u8; 3]>) {
    let bytes = std::fs::read(p).unwrap();
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{}: not a PNG",
        p.display()
    );
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    assert!(channels >= 3, "{:?}", info.color_type);
    let colours = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|px| [px[0], px[1], px[2]])
        .collect();
    (info.width, info.height, colours)
}

/// The light theme's colours of both flows (the fixture's two series).
fn flow_colours(theme: &Theme) -> [[u8; 3]; 2] {
    let c = |i: usize| [theme.series[i].0, theme.series[i].1, theme.series[i].2];
    [c(1), c(2)]
}

#[test]
fn png_is_the_width_times_the_scale_and_a_picture() {
    let p = out("annual.png");
    let (code, err) = run(&[
        "render",
        TABLE,
        "--view",
        "annual-flows",
        "--width",
        "800",
        "--scale",
        "2",
        "-o",
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (w, h, colours) = decode(&p);
    assert_eq!(w, 1600);
    assert!(h > 600, "{h}");
    // Text is anti-aliased: a drawn picture has dozens of colours, a blank one one.
    assert!(colours.len() > 40, "{} colours", colours.len());
    for c in flow_colours(&Theme::default()) {
        assert!(colours.contains(&c), "series colour {c:?} missing");
    }
}

#[test]
fn format_follows_the_extension_or_the_flag() {
    let p = out("small.PNG");
    let (code, err) = run(&[
        "render",
        TABLE,
        "--view",
        "annual-flows",
        "--width",
        "400",
        "-o",
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(decode(&p).0, 800, "default scale 2");
    let p = out("one.png");
    let (code, err) = run(&[
        "render",
        TABLE,
        "--view",
        "annual-flows",
        "--width",
        "400",
        "--scale",
        "1",
        "-o",
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(decode(&p).0, 400);
    // SVG stays SVG; a flag that contradicts the name, or --scale for SVG, is a usage error.
    let s = out("a.svg");
    assert_eq!(
        run(&[
            "render",
            TABLE,
            "--view",
            "annual-flows",
            "-o",
            s.to_str().unwrap()
        ])
        .0,
        0
    );
    assert!(std::fs::read_to_string(&s).unwrap().starts_with("<svg"));
    let (code, err) = run(&[
        "render",
        TABLE,
        "--view",
        "annual-flows",
        "--format",
        "png",
        "-o",
        s.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    let (code, err) = run(&[
        "render",
        TABLE,
        "--view",
        "annual-flows",
        "--scale",
        "2",
        "-o",
        s.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    let (code, err) = run(&[
        "render",
        TABLE,
        "--view",
        "annual-flows",
        "-o",
        out("x.gif").to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--format"), "{err}");
    let (code, err) = run(&[
        "render",
        TABLE,
        "--view",
        "annual-flows",
        "--scale",
        "9",
        "-o",
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn social_card_is_1200_by_630_in_every_language_and_theme() {
    for (lang, theme) in [("en", "light"), ("ko", "dark"), ("zh", "light")] {
        let p = out(&format!("social-{lang}-{theme}.png"));
        let (code, err) = run(&[
            "render",
            TABLE,
            "--view",
            "annual-flows",
            "--social",
            "--lang",
            lang,
            "--theme",
            theme,
            "-o",
            p.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{lang} {theme}: {err}");
        let (w, h, colours) = decode(&p);
        assert_eq!((w, h), (1200, 630), "{lang} {theme}");
        assert!(
            colours.len() > 40,
            "{lang} {theme}: {} colours",
            colours.len()
        );
        let th = if theme == "dark" {
            Theme::dark()
        } else {
            Theme::default()
        };
        for c in flow_colours(&th) {
            assert!(
                colours.contains(&c),
                "{lang} {theme}: series colour {c:?} missing"
            );
        }
    }
    // The card has its own size: --width or --scale with it is a usage error.
    let p = out("social-w.png");
    let (code, err) = run(&[
        "render",
        TABLE,
        "--view",
        "annual-flows",
        "--social",
        "--width",
        "900",
        "-o",
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn social_card_as_svg_is_600_by_315_css_px_with_title_and_sources() {
    let p = out("social.svg");
    let (code, err) = run(&[
        "render",
        TABLE,
        "--view",
        "annual-flows",
        "--social",
        "-o",
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&p).unwrap();
    assert!(
        svg.starts_with(r#"<svg width="600" height="315""#),
        "{}",
        &svg[..80]
    );
    assert!(svg.contains("Exports each way between KR and JP"), "title");
    assert!(
        svg.contains("Sources: Made-up Statistics Office"),
        "sources line"
    );
}
