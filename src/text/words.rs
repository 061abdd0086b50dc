//! Reader languages and the widget's own words. Dataset texts carry their own
//! translations (`Text`); everything the widget says itself lives here, once.

use serde::Serialize;

pub use crate::data::Lang;

/// The widget's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// "Basis"
    Basis,
    /// "Derived, not reported"
    Derived,
    /// For a derived figure's source line.
    ComputedFromSourced,
    /// "Sources"
    Sources,
    /// When every series is hidden.
    AllHidden,
    /// Unknown publication date.
    DateUnknown,
    /// A view mixing bases.
    DifferentBases,
    /// Header of the table's first column: each figure's period (with its category).
    Period,
    /// Header of the table's series column (the series' label).
    Series,
    /// Header of the table's value column, "Value" (with its currency: [`value_header`]).
    Value,
    /// Header of the table's source column (publisher and date); `Ui::source` for the shell.
    Source,
    /// Header of the table's note column (a derived figure's formula, then its note);
    /// `Ui::note` for the shell.
    Note,
    /// The verdict `agrees` in words ("Checked: the data agree"): tooltip and claims list.
    Agrees,
    /// The verdict `unsupported` in words ("Not supported by the data").
    Unsupported,
    /// The verdict `unverified` in words ("No independent source").
    Unverified,
    /// "The story says"
    StorySays,
    /// "The data say"
    DataSay,
    /// The table button's text while the table is closed ("Show data").
    ShowData,
    /// The same button's text while the table is open ("Hide data").
    HideData,
    /// The button that opens the claims list ("Check the story's claims").
    Claims,
    /// The label of the CSV / PNG / SVG download buttons ("Download").
    Download,
    /// Label of the tab list.
    Views,
    /// Label of the legend.
    Legend,
    /// "Chart": the canvas's `aria-label` when the view has no title.
    Chart,
    /// How to use the keyboard (arrow keys, Escape), appended to the canvas's description.
    KeyboardHint,
    /// "Close", for a control that closes the tooltip; sent as `Ui::close`, but the shell
    /// has no such control (Escape closes the tooltip).
    Close,
    /// Short label of a claim drawn on the chart.
    Story,
    /// Caption of the data table's annotations ("Marked on the chart"), and the start of
    /// the summary's sentence about them.
    Marked,
    /// Header of that table's label column ("Label").
    Label,
    /// Header of that table's text column ("Details").
    Details,
}

/// The text of `m` in `lang`.
pub fn t(lang: Lang, m: Msg) -> &'static str {
    use Lang::*;
    use Msg::*;
    match (m, lang) {
        (Basis, En) => "Basis",
        (Basis, Ko) => "기준",
        (Basis, Zh) => "口径",
        (Derived, En) => "Derived, not reported",
        (Derived, Ko) => "발표치가 아닌 계산값",
        (Derived, Zh) => "推算值，非公布数据",
        (ComputedFromSourced, En) => "Computed from the sourced figures",
        (ComputedFromSourced, Ko) => "출처가 있는 수치로 계산",
        (ComputedFromSourced, Zh) => "根据有出处的数据计算",
        (Sources, En) => "Sources",
        (Sources, Ko) => "출처",
        (Sources, Zh) => "来源",
        (AllHidden, En) => "All series are hidden: choose one in the legend.",
        (AllHidden, Ko) => "모든 계열이 숨겨져 있습니다. 범례에서 하나를 고르세요.",
        (AllHidden, Zh) => "所有数据系列均已隐藏，请在图例中选择。",
        (DateUnknown, En) => "date not known",
        (DateUnknown, Ko) => "날짜 미상",
        (DateUnknown, Zh) => "日期不详",
        (DifferentBases, En) => {
            "Figures here rest on different bases; each tooltip names its basis:"
        }
        (DifferentBases, Ko) => {
            "이 그래프의 수치는 기준이 서로 다릅니다. 각 수치의 기준은 툴팁에 있습니다:"
        }
        (DifferentBases, Zh) => "本图数据口径不一，各数据口径见提示框：",
        (Period, En) => "Period",
        (Period, Ko) => "기간",
        (Period, Zh) => "时间",
        (Series, En) => "Series",
        (Series, Ko) => "계열",
        (Series, Zh) => "系列",
        (Value, En) => "Value",
        (Value, Ko) => "금액",
        (Value, Zh) => "金额",
        (Source, En) => "Source",
        (Source, Ko) => "출처",
        (Source, Zh) => "来源",
        (Note, En) => "Note",
        (Note, Ko) => "비고",
        (Note, Zh) => "备注",
        (Agrees, En) => "Checked: the data agree",
        (Agrees, Ko) => "확인됨: 자료와 일치",
        (Agrees, Zh) => "已核实：与数据一致",
        (Unsupported, En) => "Not supported by the data",
        (Unsupported, Ko) => "자료로 뒷받침되지 않음",
        (Unsupported, Zh) => "数据不支持",
        (Unverified, En) => "No independent source",
        (Unverified, Ko) => "독립적인 출처 없음",
        (Unverified, Zh) => "无独立来源",
        (StorySays, En) => "The story says",
        (StorySays, Ko) => "기사 내용",
        (StorySays, Zh) => "报道称",
        (DataSay, En) => "The data say",
        (DataSay, Ko) => "자료상 수치",
        (DataSay, Zh) => "数据显示",
        (ShowData, En) => "Show data",
        (ShowData, Ko) => "데이터 보기",
        (ShowData, Zh) => "查看数据",
        (HideData, En) => "Hide data",
        (HideData, Ko) => "데이터 숨기기",
        (HideData, Zh) => "隐藏数据",
        (Claims, En) => "Check the story's claims",
        (Claims, Ko) => "기사 수치 검증",
        (Claims, Zh) => "核对报道中的数字",
        (Download, En) => "Download",
        (Download, Ko) => "내려받기",
        (Download, Zh) => "下载",
        (Views, En) => "Views",
        (Views, Ko) => "보기",
        (Views, Zh) => "视图",
        (Legend, En) => "Series shown",
        (Legend, Ko) => "표시할 계열",
        (Legend, Zh) => "显示的系列",
        (Chart, En) => "Chart",
        (Chart, Ko) => "그래프",
        (Chart, Zh) => "图表",
        (KeyboardHint, En) => {
            "Use the arrow keys to move between figures; Escape closes the tooltip."
        }
        (KeyboardHint, Ko) => "화살표 키로 수치 사이를 이동하고 Esc 키로 툴팁을 닫습니다.",
        (KeyboardHint, Zh) => "用方向键在数据之间移动，按 Esc 关闭提示框。",
        (Close, En) => "Close",
        (Close, Ko) => "닫기",
        (Close, Zh) => "关闭",
        (Story, En) => "Story",
        (Story, Ko) => "기사",
        (Story, Zh) => "报道",
        (Marked, En) => "Marked on the chart",
        (Marked, Ko) => "그래프 표시 사항",
        (Marked, Zh) => "图中标注",
        (Label, En) => "Label",
        (Label, Ko) => "표시",
        (Label, Zh) => "标注",
        (Details, En) => "Details",
        (Details, Ko) => "설명",
        (Details, Zh) => "说明",
    }
}

/// A change between two figures, for [`change_sentence`].
pub struct Change<'a> {
    /// The series' label.
    pub label: &'a str,
    /// The two partners' names.
    pub between: (&'a str, &'a str),
    /// Whether it fell (else it rose).
    pub fell: bool,
    /// The size of the change in per cent, formatted, without a sign.
    pub pct: &'a str,
    /// The first figure and its period, formatted.
    pub from: (&'a str, &'a str),
    /// The second figure and its period, formatted.
    pub to: (&'a str, &'a str),
}

/// A view's summary when it shows a change: "Two-way trade between North Korea and
/// China fell 80.7%, from $2.79 billion in 2019 to $539.06 million in 2020."
pub fn change_sentence(lang: Lang, c: Change<'_>) -> String {
    let Change {
        label,
        between: (na, nb),
        fell,
        pct,
        from: (va, pa),
        to: (vb, pb),
    } = c;
    match lang {
        Lang::En => {
            let verb = if fell { "fell" } else { "rose" };
            format!(
                "{label} between {na} and {nb} {verb} {pct}%, from {va} in {pa} to {vb} in {pb}."
            )
        }
        Lang::Ko => {
            let verb = if fell { "감소" } else { "증가" };
            format!("{na}·{nb} {label}: {pa} {va}에서 {pb} {vb}(으)로 {pct}% {verb}.")
        }
        Lang::Zh => {
            let verb = if fell { "下降" } else { "增长" };
            format!("{na}与{nb}的{label}从{pa}的{va}变为{pb}的{vb}，{verb}{pct}%。")
        }
    }
}

/// One series in a view's summary: its highest and lowest figure, each with where it
/// is (period or category).
pub fn extremes_sentence(lang: Lang, label: &str, hi: (&str, &str), lo: (&str, &str)) -> String {
    let ((hi, hi_at), (lo, lo_at)) = (hi, lo);
    match lang {
        Lang::En => format!("{label}: highest {hi} ({hi_at}), lowest {lo} ({lo_at})"),
        Lang::Ko => format!("{label}: 최고 {hi}({hi_at}), 최저 {lo}({lo_at})"),
        Lang::Zh => format!("{label}：最高{hi}（{hi_at}），最低{lo}（{lo_at}）"),
    }
}

/// A view's summary: its title, how many figures it shows (or, in English, how many
/// categories a view of grouped bars has), then each series' extremes.
pub fn summary_sentence(
    lang: Lang,
    title: &str,
    figures: usize,
    categories: Option<usize>,
    parts: &[String],
) -> String {
    match (lang, categories) {
        (Lang::En, Some(c)) => format!("{title}. {c} categories. {}.", parts.join("; ")),
        (Lang::En, None) => format!("{title}. {figures} figures. {}.", parts.join("; ")),
        (Lang::Ko, _) => format!("{title}. 수치 {figures}개. {}.", parts.join("; ")),
        (Lang::Zh, _) => format!("{title}。共{figures}个数据。{}。", parts.join("；")),
    }
}

/// What a screen reader hears on an annotation: its label, when, its text and who says so.
/// "Border closed, January 2020. North Korea closed … Source: Walltrace".
pub fn annotation_sentence(
    lang: Lang,
    label: &str,
    when: &str,
    text: &str,
    publishers: &str,
    many: bool,
) -> String {
    let src = t(lang, if many { Msg::Sources } else { Msg::Source });
    let (comma, stop, space, colon) = match lang {
        Lang::Zh => ("，", "。", "", "："),
        _ => (", ", ". ", " ", ": "),
    };
    [
        label, comma, when, stop, text, space, src, colon, publishers,
    ]
    .concat()
}

/// The summary of a chart made from columns: "Exports: 2 series of 1,000 points".
pub fn columns_sentence(lang: Lang, title: &str, series: usize, points: usize) -> String {
    let points = crate::number::decimal(points as f64, 0);
    match lang {
        Lang::En => format!("{title}: {series} series of {points} points"),
        Lang::Ko => format!("{title}: 계열 {series}개, 각 {points}개 점"),
        Lang::Zh => format!("{title}：{series}个系列，各{points}个点"),
    }
}

/// The widget's labels for the shell, in one language.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Ui {
    /// `en`, `ko` or `zh`, as `Meta::lang` (which the shell reads instead).
    pub lang: &'static str,
    /// The tab list's `aria-label` ("Views").
    pub views: &'static str,
    /// The legend button group's `aria-label` ("Series shown").
    pub legend: &'static str,
    /// The table button's text while the table is closed ("Show data").
    pub show_data: &'static str,
    /// The same button's text while the table is open ("Hide data").
    pub hide_data: &'static str,
    /// The claims button's text ("Check the story's claims"); shown only when `Meta::claims` > 0.
    pub claims: &'static str,
    /// The label of the CSV / PNG / SVG download buttons ("Download").
    pub download: &'static str,
    /// How to use the keyboard; the shell appends it to the canvas's accessible description.
    pub keyboard: &'static str,
    /// "Close", for a control that closes the tooltip; the shell has none and does not read it.
    pub close: &'static str,
    /// The canvas's `aria-label` when `Meta::title` is empty ("Chart").
    pub chart: &'static str,
    /// Claims list: the story's figure.
    pub story_says: &'static str,
    /// Claims list: the data's figure.
    pub data_say: &'static str,
    /// "Note", the table's note header, for the claims list; the shell does not read it yet.
    pub note: &'static str,
    /// "Source", the table's source header, for the claims list; the shell does not read it yet.
    pub source: &'static str,
}

impl Ui {
    /// The labels in `lang`.
    pub fn new(lang: Lang) -> Ui {
        Ui {
            lang: lang.code(),
            views: t(lang, Msg::Views),
            legend: t(lang, Msg::Legend),
            show_data: t(lang, Msg::ShowData),
            hide_data: t(lang, Msg::HideData),
            claims: t(lang, Msg::Claims),
            download: t(lang, Msg::Download),
            keyboard: t(lang, Msg::KeyboardHint),
            close: t(lang, Msg::Close),
            chart: t(lang, Msg::Chart),
            story_says: t(lang, Msg::StorySays),
            data_say: t(lang, Msg::DataSay),
            note: t(lang, Msg::Note),
            source: t(lang, Msg::Source),
        }
    }
}

/// The table's value header with the currency's name (`text::format::currency_name`):
/// "Value (US$)", "금액(미국 달러)", "金额（美元）".
pub fn value_header(lang: Lang, currency: &str) -> String {
    let v = t(lang, Msg::Value);
    match lang {
        Lang::En => format!("{v} ({currency})"),
        Lang::Ko => format!("{v}({currency})"),
        Lang::Zh => format!("{v}（{currency}）"),
    }
}

/// The glyph of a claim's verdict, on the chart and in the claims list.
pub fn badge(status: crate::data::ClaimStatus) -> &'static str {
    use crate::data::ClaimStatus;
    match status {
        ClaimStatus::Agrees => "✓",
        ClaimStatus::Unsupported => "✗",
        ClaimStatus::Unverified => "?",
    }
}
