//! The published picture (src/chart/dataset/picture.rs): the figure's markup as the shell
//! builds it, its drawings, the words a reader without scripts reads, and the height rule
//! in CSS.

mod common;
use common::*;
use trade_chart::chart::{picture_css, stylesheet, PictureOptions, PICTURE_WIDTHS};
use trade_chart::scene::layout::preferred_height;
use trade_chart::scene::{Mark, Theme};
use trade_chart::{Dataset, DatasetChart, Options};

fn picture(view: &str) -> String {
    chart(view, 600.0, 300.0)
        .picture(&PictureOptions::default())
        .unwrap()
}

/// The markup without the stylesheet and the drawings' contents (the SVG elements' start
/// tags stay).
fn skeleton(html: &str) -> String {
    let mut out = String::new();
    let html = match html.find("</style>") {
        Some(i) => &html[i + "</style>".len()..],
        None => html,
    };
    let mut rest = html;
    while let Some(i) = rest.find("<svg ") {
        let open_end = i + rest[i..].find('>').unwrap() + 1;
        out.push_str(&rest[..open_end]);
        let close = i + rest[i..].find("</svg>").unwrap();
        out.push('…');
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_figure_is_the_shells_in_its_order_with_nothing_between_elements() {
    let html = picture("collapse");
    let s = skeleton(&html);
    // The shell's figure (www/shell/dom.js buildDom): the same classes in the same order.
    let order = [
        "<figure class=\"tc\" data-state=\"ready\" part=\"figure\" data-tc-theme=\"auto\" lang=\"en\" data-tc-picture=\"\">",
        "<div class=\"tc-sizer\" aria-hidden=\"true\"></div>",
        "<figcaption class=\"tc-head\" part=\"head\"><p class=\"tc-title\" part=\"title\">North Korea&#39;s trade with China collapsed in 2020</p><p class=\"tc-subtitle\" part=\"subtitle\">Two-way trade in US dollars, China&#39;s customs figures</p></figcaption>",
        "<div class=\"tc-tabs\" role=\"tablist\" part=\"tabs\" aria-label=\"Views\"><button type=\"button\" role=\"tab\" data-view=\"collapse\" id=\"tc0-tab-collapse\" aria-controls=\"tc0-plot\" aria-selected=\"true\">The collapse</button><button type=\"button\" role=\"tab\" data-view=\"monthly\" id=\"tc0-tab-monthly\" aria-controls=\"tc0-plot\" aria-selected=\"false\" tabindex=\"-1\">2020 by month</button>",
        "<div class=\"tc-legend\" role=\"group\" part=\"legend\" aria-label=\"Series shown\"><button type=\"button\" data-series=\"two-way-annual\" aria-pressed=\"true\"><span class=\"tc-swatch\" aria-hidden=\"true\" data-texture=\"solid\" data-tc-color=\"two-way\"></span>Two-way trade</button></div>",
        "<div class=\"tc-plot\" role=\"tabpanel\" id=\"tc0-plot\" part=\"plot\" aria-labelledby=\"tc0-tab-collapse\"><div class=\"tc-picture-img\" role=\"img\" tabindex=\"0\" aria-label=\"North Korea&#39;s trade with China collapsed in 2020\" aria-describedby=\"tc0-desc\" part=\"canvas\">",
        "<svg width=\"360\" height=\"324\" viewBox=\"0 0 360 324\" data-tc-from=\"0\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">…</svg>",
        "<svg width=\"500\" height=\"380\" viewBox=\"0 0 500 380\" data-tc-from=\"440\"",
        "<svg width=\"720\" height=\"360\" viewBox=\"0 0 720 360\" data-tc-from=\"560\"",
        "<svg width=\"1120\" height=\"480\" viewBox=\"0 0 1120 480\" data-tc-from=\"960\"",
        // The tooltips of the hit regions (the live tooltip's words, not shown).
        "</svg></div><template class=\"tc-tips\"><div data-s=\"two-way-annual\"><p>2019</p><p>Two-way trade</p><p>$2.79 billion</p><p>Basis: China customs</p><p>KBS World, 20 January 2023</p></div><div data-s=\"two-way-annual\"><p>2020</p>",
        "</div></template></div><p class=\"tc-sr\" id=\"tc0-desc\">Two-way trade between North Korea and China fell 80.7%, from $2.79 billion in 2019 to $539.06 million in 2020.</p>",
        "<div class=\"tc-tools\" part=\"tools\"><button class=\"tc-toggle tc-show-data\" type=\"button\" aria-expanded=\"false\">Show data</button><button class=\"tc-toggle tc-show-claims\" type=\"button\" aria-expanded=\"false\">Check the story&#39;s claims</button><div class=\"tc-download\" role=\"group\" aria-labelledby=\"tc0-dl\"><span class=\"tc-download-label\" id=\"tc0-dl\">Download</span><button type=\"button\" data-format=\"csv\">CSV</button><button type=\"button\" data-format=\"png\">PNG</button><button type=\"button\" data-format=\"svg\">SVG</button></div></div>",
        "<details class=\"tc-nojs\"><summary>Show data</summary><div class=\"tc-data\"><table><caption>North Korea&#39;s trade with China collapsed in 2020</caption><thead><tr><th scope=\"col\">Period</th>",
        "</tbody></table></div><ul class=\"tc-nojs-sources\"><li><a href=\"",
        "</ul></details><footer class=\"tc-foot\" part=\"foot\"><p class=\"tc-notes\">Values in current US dollars. Imports are China&#39;s exports to North Korea; exports are North Korea&#39;s sales to China.</p><p class=\"tc-source\">Sources: KBS World; Yonhap News Agency; Hindustan Times (Reuters); Walltrace</p></footer></figure>",
    ];
    let mut at = 0;
    for part in order {
        let i = s[at..]
            .find(part)
            .unwrap_or_else(|| panic!("not found after {at}: {part}\n{}", &s[at..]));
        at += i + part.len();
    }
    assert!(s.ends_with("</figure>"), "{s}");
    // No text between the figure's elements (the shell's figure has none): outside the
    // drawings every `>` is followed by `<` or a text that belongs to its element.
    assert!(!s.contains(">\n") && !s.contains("> <"), "{s}");
    // One tab per view, one selected.
    assert_eq!(s.matches("role=\"tab\"").count(), 5);
    assert_eq!(s.matches("aria-selected=\"true\"").count(), 1);
}

#[test]
fn the_data_and_every_source_with_its_link_are_there_without_scripts() {
    let html = picture("balance");
    let c = chart("balance", 600.0, 300.0);
    let t = c.table();
    // Every figure of the view is a row, its period a row header.
    assert_eq!(html.matches("<th scope=\"row\">").count(), t.rows.len());
    assert_eq!(t.rows.len(), 4);
    assert!(html.contains("<th scope=\"row\">2020</th><td>North Korea&#39;s imports from China</td><td>$491.06 million</td>"), "{html}");
    // The source the tooltip cites, with its link.
    assert!(
        html.contains(
            "<li><a href=\"https://en.yna.co.kr/view/AEN20210209007800325\">Yonhap News Agency: "
        ),
        "{html}"
    );
    let meta = c.meta();
    assert!(html.contains(&format!("<p class=\"tc-source\">{}</p>", meta.source_line)));
    // The summary for screen readers is the canvas's description (without the keyboard hint).
    assert!(html.contains(&format!(
        "<p class=\"tc-sr\" id=\"tc0-desc\">{}</p>",
        meta.summary.replace('\'', "&#39;")
    )));
}

#[test]
fn each_drawing_is_the_canvas_scene_at_its_width_and_the_rule_height() {
    let c = chart("monthly", 600.0, 300.0);
    for w in PICTURE_WIDTHS {
        let width = f64::from(w.drawn);
        let height = preferred_height(width).round();
        let live = chart("monthly", width, height);
        // The canvas's text sizes (the SVG writer divides them by 1.24, as plotters does).
        let mut scene = live.scene().clone();
        for m in &mut scene.marks {
            if let trade_chart::scene::Mark::Text { size, .. } = m {
                *size *= 1.24;
            }
        }
        let svg = trade_chart::svg(&scene).unwrap();
        assert!(svg.contains("font-size=\"12\"") && !svg.contains("font-size=\"9.67"));
        let body = svg.split_once('\n').unwrap().1.trim_end();
        let pic = c.picture_svg(width, w.from, None).unwrap();
        // The same marks, then the hit regions (the test below) before the end.
        let (marks, hits) = pic
            .split_once('\n')
            .unwrap()
            .1
            .split_once("<g class=\"tc-hits\"")
            .unwrap();
        assert_eq!(marks, body.strip_suffix("</svg>").unwrap(), "at {width}");
        assert!(
            hits.ends_with("</g></svg>") && !hits.contains("<text"),
            "at {width}"
        );
        assert!(pic.starts_with(&format!(
            "<svg width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\" data-tc-from=\"{}\"",
            w.drawn, w.drawn, w.from
        )));
    }
}

#[test]
fn the_height_rule_in_heights_and_in_the_stylesheet() {
    // The canvas's height for a width (what the shell rounds; the CSS rounds the same).
    for (w, h) in [
        (240.0, 260.0),
        (320.0, 288.0),
        (360.0, 324.0),
        (402.0, 361.8),
        (422.0, 379.8),
        (440.0, 380.0),
        (559.0, 380.0),
        (560.0, 300.0),
        (600.0, 300.0),
        (720.0, 360.0),
        (803.0, 401.5),
        (960.0, 480.0),
        (1280.0, 480.0),
    ] {
        assert_eq!(preferred_height(w), h, "at {w}");
    }
    let css = picture_css();
    let lines: Vec<&str> = css.lines().collect();
    assert_eq!(lines.len(), 16, "{css}");
    assert_eq!(lines[0], ".tc-picture-img { height: round(nearest, clamp(260px, round(down, 100cqw + 0.005px, 1px) * 0.9, 380px), 1px); }");
    assert_eq!(lines[1], "@container (width >= 560px) { .tc-picture-img { height: round(nearest, clamp(300px, round(down, 100cqw + 0.005px, 1px) * 0.5, 480px), 1px); } }");
    // The light theme's colours, which the drawings are made in, as the page's palette.
    assert_eq!(lines[2], ".tc-picture-img [fill=\"#FFFFFF\"] { fill: var(--tc-bg, var(--tcp-bg)); } .tc-picture-img [stroke=\"#FFFFFF\"] { stroke: var(--tc-bg, var(--tcp-bg)); } .tc-swatch[data-tc-color=\"bg\"] { background-color: var(--tc-bg, var(--tcp-bg)); }");
    assert_eq!(lines[7], ".tc-picture-img [fill=\"#2A5C9A\"] { fill: var(--tc-two-way, var(--tcp-two-way)); } .tc-picture-img [stroke=\"#2A5C9A\"] { stroke: var(--tc-two-way, var(--tcp-two-way)); } .tc-swatch[data-tc-color=\"two-way\"] { background-color: var(--tc-two-way, var(--tcp-two-way)); }");
    assert_eq!(lines[10], ".tc-picture-img [fill=\"#B0003C\"] { fill: var(--tc-claim, var(--tcp-claim)); } .tc-picture-img [stroke=\"#B0003C\"] { stroke: var(--tc-claim, var(--tcp-claim)); } .tc-swatch[data-tc-color=\"claim\"] { background-color: var(--tc-claim, var(--tcp-claim)); }");
    // A span's band (the light theme's muted colour at its band opacity) at the theme's.
    assert_eq!(
        lines[11],
        ".tc-picture-img [fill=\"#54545A\"][opacity=\"0.1\"] { opacity: var(--tcp-band-opacity); }"
    );
    assert_eq!(
        lines[12..].join("\n"),
        "@container (width < 440px) { .tc-picture-img > svg[data-tc-from=\"0\"] { display: block; } }\n\
@container (440px <= width < 560px) { .tc-picture-img > svg[data-tc-from=\"440\"] { display: block; } }\n\
@container (560px <= width < 960px) { .tc-picture-img > svg[data-tc-from=\"560\"] { display: block; } }\n\
@container (width >= 960px) { .tc-picture-img > svg[data-tc-from=\"960\"] { display: block; } }"
    );
    // The shell's stylesheet holds the same rules, between its two markers.
    let file = include_str!("../www/trade-chart.css");
    let start = file.find("/* picture_css */\n").expect("the start marker") + 18;
    let end = file
        .find("/* end of picture_css */")
        .expect("the end marker");
    assert_eq!(&file[start..end], css);
    // And the picture's own <style> is that sheet, comments out.
    let sheet = stylesheet();
    assert!(!sheet.contains("/*") && sheet.contains(css.lines().next().unwrap()));
    assert!(picture("collapse").starts_with(&format!("<style>{sheet}</style><figure ")));
}

#[test]
fn language_theme_and_options_follow_the_chart() {
    let ds = Dataset::default_dataset().unwrap();
    let c = DatasetChart::new(ds, &Options::new(Some("balance"), Some("ko"))).unwrap();
    let html = c
        .picture(&PictureOptions {
            id: "story-".into(),
            style: false,
            height: None,
            theme: Some("dark".into()),
        })
        .unwrap();
    assert!(html.starts_with("<figure class=\"tc\" data-state=\"ready\" part=\"figure\" data-tc-theme=\"dark\" lang=\"ko\" data-tc-picture=\"\">"), "{}", &html[..200]);
    let meta = c.meta();
    assert!(html.contains(&format!(">{}</p>", meta.title)));
    assert!(html.contains("id=\"story-plot\"") && html.contains("aria-describedby=\"story-desc\""));
    // Drawn in the light theme's colours (the stylesheet maps them to the dark palette):
    // each drawing's background, and the two series' colours.
    assert_eq!(
        html.matches("<rect x=\"0\" y=\"0\" ").count(),
        4,
        "{}",
        &html[html.find("<svg").unwrap()..][..600]
    );
    assert!(html.contains("fill=\"#FFFFFF\"") && !html.contains("#18181B"));
    assert!(html.contains("fill=\"#0D7A72\"") && html.contains("fill=\"#C4501B\""));
    assert!(html.contains("data-tc-color=\"flow-a\""));
    // Text a dataset gives is escaped.
    let mut raw: serde_json::Value =
        serde_json::from_str(include_str!("../data/kp-cn.json")).unwrap();
    raw["views"][0]["title"] = serde_json::json!({"en": "A <b>bold</b> & \"quoted\" title"});
    let ds = Dataset::from_json(&raw.to_string()).unwrap();
    let c = DatasetChart::new(ds, &Options::new(None, None)).unwrap();
    let html = c.picture(&PictureOptions::default()).unwrap();
    assert!(html.contains("<p class=\"tc-title\" part=\"title\">A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title</p>"));
    assert!(!skeleton(&html).contains("<b>"));
}

#[test]
fn a_server_render_is_the_element_with_its_attributes_the_picture_and_the_data() {
    let data = include_str!("../data/kp-cn.json");
    let html = trade_chart::chart::render_element(
        data,
        r#"{"view":"balance","lang":"ko","theme":"dark","height":420.4,"loading":"eager"}"#,
    )
    .unwrap();
    assert!(html.starts_with("<trade-chart view=\"balance\" lang=\"ko\" theme=\"dark\" height=\"420.4\" loading=\"eager\"><template shadowrootmode=\"open\"><div class=\"tc-box\" data-tc-pictured><style>"), "{}", &html[..200]);
    assert!(html.contains("</style><figure class=\"tc\" data-state=\"ready\" part=\"figure\" data-tc-theme=\"dark\" lang=\"ko\" data-tc-picture=\"\">"));
    // The fixed height as the shell rounds it, for the box and every drawing.
    assert!(html.contains("part=\"canvas\" data-tc-fixed=\"\"><svg width=\"360\" height=\"420\""));
    assert_eq!(html.matches(" height=\"420\" viewBox=").count(), 4);
    assert!(html.contains("</figure></div></template><script type=\"application/json\">{"));
    assert!(html.ends_with("}</script></trade-chart>"));
    // The dataset inline, `<` written as \u003c: the same dataset when read back.
    let start = html.find("<script type=\"application/json\">").unwrap() + 32;
    let inline = &html[start..html.len() - "</script></trade-chart>".len()];
    assert!(!inline.contains('<'));
    let a: serde_json::Value = serde_json::from_str(inline).unwrap();
    let b: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(a, b);
    // Without options: no attribute, the light picture.
    let plain = trade_chart::chart::render_element(data, "{}").unwrap();
    assert!(plain.starts_with("<trade-chart><template shadowrootmode=\"open\">"));
    assert!(plain.contains("data-tc-theme=\"auto\" lang=\"en\""));
    assert!(!plain.contains("part=\"canvas\" data-tc-fixed"));
    // A strict CSP refuses style attributes: the picture has none.
    assert!(!plain.contains(" style="));
    // For a page that links the stylesheet: the figure a child of the element, no <style>.
    let page = trade_chart::chart::render_element_styled(data, "{}", true).unwrap();
    assert!(
        page.starts_with("<trade-chart data-tc-pictured><figure class=\"tc\" data-state=\"ready\""),
        "{}",
        &page[..80]
    );
    assert!(
        !page.contains("<style")
            && !page.contains(" style=")
            && !page.contains("<template shadowroot")
    );
    let ids = page.split("id=\"").nth(1).unwrap();
    assert!(
        ids.starts_with("tc") && ids.as_bytes()[10] == b'-',
        "{}",
        &ids[..20]
    );
    assert_eq!(
        trade_chart::chart::render_element_styled(data, "{}", true).unwrap(),
        page,
        "the same ids for the same chart"
    );
}

#[test]
fn a_server_render_refuses_what_create_refuses_naming_it() {
    let data = include_str!("../data/kp-cn.json");
    let path = |d: &str, o: &str| {
        trade_chart::chart::render_element(d, o)
            .unwrap_err()
            .path()
            .to_string()
    };
    assert_eq!(path(data, r#"{"veiw":"balance"}"#), "options.veiw");
    assert_eq!(path(data, r#"{"theme":"blue"}"#), "options.theme");
    assert_eq!(path(data, r#"{"view":"nope"}"#), "options.view");
    assert_eq!(path(data, r#"{"lang":"fr"}"#), "options.lang");
    assert_eq!(path(data, r#"{"title":"x"}"#), "options.title");
    assert_eq!(path(data, "[1"), "options[0]");
    assert!(path("{}", "{}").starts_with("data"), "{}", path("{}", "{}"));
}

#[test]
fn the_reservation_follows_the_height_rule() {
    let css = trade_chart::chart::reserve_css();
    let lines: Vec<&str> = css.lines().collect();
    assert_eq!(lines.len(), 3, "{css}");
    let who = ":is(trade-chart:not(:defined), [data-trade-chart]:not([data-tc-box]), [data-tc-box=\"\"], [data-tc-pending], .tc-box):not(:has(> figure.tc), [data-tc-pictured])";
    assert_eq!(lines[0], format!("{who} {{ display: block; }}"));
    assert_eq!(
        lines[1],
        format!("{who}::before {{ content: \"\"; display: block; margin: 22.5px 0; padding-top: var(--tc-reserve, calc(\
max(min(clamp(260px, 100% * 0.9, 380px), (560px - 100%) * 1000), min(clamp(300px, 100% * 0.5, 480px), (100% - 559px) * 1000)) + \
451.8px - clamp(0px, (100% - 280px) * 1000, 38px) - clamp(0px, (100% - 340px) * 1000, 16.8px) - clamp(0px, (100% - 388px) * 1000, 36px) \
- clamp(0px, (100% - 395px) * 1000, 21px) - clamp(0px, (100% - 477px) * 1000, 21.56px) - clamp(0px, (100% - 484px) * 1000, 16.8px) \
- clamp(0px, (100% - 514px) * 1000, 38px) - clamp(0px, (100% - 644px) * 1000, 36px) - clamp(0px, (100% - 682px) * 1000, 16.8px))); }}")
    );
    assert_eq!(
        lines[2],
        ":host(trade-chart)::before { content: none !important; }"
    );
    // The shell's stylesheet holds the same rules, between its two markers.
    let file = include_str!("../www/trade-chart.css");
    let start = file.find("/* reserve_css */\n").expect("the start marker") + 18;
    let end = file
        .find("/* end of reserve_css */")
        .expect("the end marker");
    assert_eq!(&file[start..end], css);
}

#[test]
fn a_spans_band_has_the_themes_opacity_as_on_the_canvas() {
    // The picture draws the band in the light theme's muted colour at 0.1; the stylesheet
    // finds it by both (no other mark has them) and gives it the theme's opacity.
    let html = span_chart("monthly", "en", 600.0)
        .picture(&PictureOptions {
            style: false,
            ..Default::default()
        })
        .unwrap();
    let band = "opacity=\"0.1\" fill=\"#54545A\"";
    assert_eq!(html.matches(band).count(), 4, "one band in each drawing");
    assert_eq!(html.matches("opacity=\"0.1\"").count(), 4);
    // The canvas's opacities: 0.1 on the light theme's background, 0.16 on the dark one's.
    let fill = |t: Theme| {
        let mut c = span_chart("monthly", "en", 600.0);
        c.set_theme(t);
        c.scene()
            .marks
            .iter()
            .find_map(|m| match m {
                Mark::Rect { fill, .. } if fill.3 < 0.5 => Some(fill.3),
                _ => None,
            })
            .unwrap()
    };
    assert_eq!(fill(Theme::light()), 0.1);
    assert_eq!(fill(Theme::dark()), 0.16);
    // Each palette of the stylesheet sets the band's opacity with its background: the
    // light ones 0.1, the dark ones 0.16.
    let file = include_str!("../www/trade-chart.css");
    let (mut light, mut dark) = (0, 0);
    for block in file.split('}').filter(|b| b.contains("--tcp-bg: ")) {
        if block.contains("--tcp-bg: #fff;") {
            assert!(block.contains("--tcp-band-opacity: .1;"), "{block}");
            light += 1;
        } else if block.contains("--tcp-bg: rgb(24, 24, 27);") {
            assert!(block.contains("--tcp-band-opacity: .16;"), "{block}");
            dark += 1;
        }
    }
    assert_eq!((light, dark), (4, 3));
}

/// The hit regions of a picture's drawing `from`: (x, y, width, height, data attribute).
fn hits(html: &str, from: u32) -> Vec<(f64, f64, f64, f64, String)> {
    let svg = html
        .split("<svg ")
        .find(|s| s.starts_with("width=") && s.contains(&format!("data-tc-from=\"{from}\"")))
        .unwrap();
    let g = svg
        .split("<g class=\"tc-hits\" fill=\"none\" pointer-events=\"all\">")
        .nth(1)
        .unwrap();
    let g = &g[..g.find("</g>").unwrap()];
    let attr = |r: &str, name: &str| -> String {
        r.split(&format!(" {name}=\""))
            .nth(1)
            .map(|v| v[..v.find('"').unwrap()].to_string())
            .unwrap_or_default()
    };
    g.split("<rect")
        .skip(1)
        .map(|r| {
            let n = |a| attr(r, a).parse::<f64>().unwrap();
            let t = attr(r, "data-i");
            (
                n("x"),
                n("y"),
                n("width"),
                n("height"),
                if t.is_empty() {
                    t
                } else {
                    format!("data-i={t}")
                },
            )
        })
        .collect()
}

#[test]
fn each_item_has_one_hit_region_naming_its_tooltip_in_every_drawing() {
    use trade_chart::scene::Target;
    let c = chart("monthly", 600.0, 300.0);
    let html = c.picture(&PictureOptions::default()).unwrap();
    let table = c.table();
    let notes = table.annotations.as_deref().unwrap();
    assert_eq!(notes.rows.len(), 1);
    let label = |id: &str| {
        c.meta()
            .legend
            .iter()
            .find(|s| s.id == id)
            .unwrap()
            .label
            .clone()
    };
    // The notes' table is in the picture too.
    assert!(html.contains("</tbody></table><table><caption>Marked on the chart</caption>"));
    assert!(html.contains("<th scope=\"row\">January 2020</th><td>Border closed</td>"));
    // June 2020's two-way figure, as the table has it.
    let june = table
        .rows
        .iter()
        .position(|r| r[0] == "June 2020" && r[1] == "Two-way trade")
        .unwrap();
    assert_eq!(
        table.rows[june][2..5],
        [
            "$96.8 million",
            "China customs",
            "Yonhap News Agency, 26 August 2020"
        ]
    );
    for w in PICTURE_WIDTHS {
        let width = f64::from(w.drawn);
        let live = chart("monthly", width, preferred_height(width).round());
        let (scene, items) = (live.scene(), live.items());
        let regions = hits(&html, w.from);
        let (mut figures, mut claims) = (0, 0);
        for (it, info) in scene.items.iter().zip(&items) {
            let want = match it.target {
                Target::Obs(_) => {
                    figures += 1;
                    // The row that says the item's period, series and value.
                    let i = table.rows.iter().position(|r| {
                        r[0] == info.period && r[1] == label(&info.series) && r[2] == info.value
                    });
                    format!("data-i={}", i.unwrap())
                }
                // The tooltips: the figures' (in the table's order), the annotation's, the claims'.
                Target::Annotation(_) => format!("data-i={}", table.rows.len()),
                Target::Claim(_) => {
                    claims += 1;
                    "claim".to_string()
                }
            };
            let claim = |r: &str| {
                r.strip_prefix("data-i=")
                    .is_some_and(|k| k.parse::<usize>().unwrap() > table.rows.len())
            };
            let at: Vec<_> = regions
                .iter()
                .filter(|r| {
                    r.4 == want || want == "claim" && claim(&r.4) && (r.0 - it.hit.x0).abs() <= 0.5
                })
                .collect();
            assert_eq!(at.len(), 1, "{} at {width}: {want} in {regions:?}", info.id);
            let (x, y, rw, rh, _) = *at[0];
            // The live hit box, to the whole px; so the drawn mark is inside it.
            let h = it.hit;
            for (a, b) in [(x, h.x0), (y, h.y0), (x + rw, h.x1), (y + rh, h.y1)] {
                assert!(
                    (a - b).abs() <= 0.5,
                    "{} at {width}: {a} against {b}",
                    info.id
                );
            }
            // A figure's or claim's drawn mark is inside it (an annotation's line runs
            // down the plot under its strip).
            let m = it.mark;
            assert!(
                matches!(it.target, Target::Annotation(_))
                    || x <= m.x0 + 0.5
                        && y <= m.y0 + 0.5
                        && x + rw >= m.x1 - 0.5
                        && y + rh >= m.y1 - 0.5,
                "{} at {width}",
                info.id
            );
        }
        // One region per figure and claim, one for the annotation (the scene has it once a row).
        assert_eq!((figures, claims), (table.rows.len(), 2), "at {width}");
        assert_eq!(regions.len(), figures + 1 + claims, "at {width}");
        // Figures first, the annotation, the claims last (over the bars they sit on).
        let t = |k: usize| format!("data-i={k}");
        assert!((regions[..figures].iter().enumerate()).all(|(k, r)| r.4 == t(k)));
        assert_eq!(regions[figures].4, t(figures));
        let mut ks: Vec<_> = regions[figures + 1..].iter().map(|r| r.4.clone()).collect();
        ks.sort();
        assert_eq!(ks, [t(figures + 1), t(figures + 2)]);
    }
}

/// The picture's tooltips (its `<template class="tc-tips">`): each as (series id, its
/// `<p>`s' texts), HTML unescaped.
fn tips(html: &str) -> Vec<(String, Vec<String>)> {
    let t = html.split("<template class=\"tc-tips\">").nth(1).unwrap();
    let t = &t[..t.find("</template>").unwrap()];
    let unescape = |s: &str| {
        let s = s.replace("&lt;", "<").replace("&gt;", ">");
        (s.replace("&quot;", "\"").replace("&#39;", "'")).replace("&amp;", "&")
    };
    t.split("<div")
        .skip(1)
        .map(|d| {
            let (open, body) = d.split_once('>').unwrap();
            let id = open
                .split_once(" data-s=\"")
                .map(|(_, v)| unescape(&v[..v.find('"').unwrap()]))
                .unwrap_or_default();
            let body = body.strip_suffix("</div>").unwrap();
            let ps = body.split("</p>").filter(|p| !p.is_empty());
            (
                id,
                ps.map(|p| unescape(p.strip_prefix("<p>").unwrap()))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn each_hit_region_has_the_live_tooltips_words_in_every_language_and_drawing() {
    use trade_chart::scene::Target;
    // The story's monthly view with a span beside its annotation: figures, derived ones with
    // their formula and note, the two annotations, the story's two claims.
    for lang in ["en", "ko", "zh"] {
        let pic = span_chart("monthly", lang, 600.0);
        let html = pic.picture(&PictureOptions::default()).unwrap();
        let tips = tips(&html);
        let mut kinds = [0; 4];
        for w in PICTURE_WIDTHS {
            let width = f64::from(w.drawn);
            let mut live = span_chart("monthly", lang, width);
            live.resize(width, preferred_height(width).round()).unwrap();
            let scene = live.scene();
            let regions = hits(&html, w.from);
            let mut met = vec![false; regions.len()];
            for (i, it) in scene.items.iter().enumerate() {
                let h = it.hit;
                let box_ = [h.x0, h.y0, h.x1 - h.x0, h.y1 - h.y0];
                // Its region: the one with its hit box (whole px).
                let at = regions.iter().position(|r| {
                    let [x, y] = [h.x0, h.y0].map(f64::round);
                    [r.0, r.1, r.2, r.3] == [x, y, h.x1.round() - x, h.y1.round() - y]
                });
                let k = at.unwrap_or_else(|| panic!("{lang} at {width}: no region at {box_:?}"));
                met[k] = true;
                let t: usize = regions[k]
                    .4
                    .strip_prefix("data-i=")
                    .unwrap()
                    .parse()
                    .unwrap();
                // What the live tooltip says for the item, in the shell's order.
                let hv = live.describe(i).unwrap();
                let mut want = vec![hv.title, hv.series, hv.value];
                want.extend(hv.lines);
                want.push(hv.source);
                assert_eq!(tips[t], (hv.series_id, want), "{lang} at {width}: item {i}");
                kinds[match it.target {
                    Target::Obs(_) if tips[t].1.len() >= 7 => 0, // a derived figure with a note
                    Target::Obs(_) => 1,
                    Target::Annotation(_) => 2,
                    Target::Claim(_) => 3,
                }] += 1;
            }
            assert!(
                met.iter().all(|&m| m),
                "{lang} at {width}: a region of no item"
            );
        }
        // Each kind met in each drawing: 2 derived figures with notes, 2 annotations (a
        // point and a span, once a row each), 2 claims.
        assert!(kinds.iter().all(|&n| n >= 4 * 2), "{lang}: {kinds:?}");
    }
}
