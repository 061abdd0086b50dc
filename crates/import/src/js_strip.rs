//! A script without its comments and needless whitespace, for the one-file page's inline
//! copy of `www/embed/frame-report.js` (build.rs runs this at build time; publish.rs
//! includes the result). Not a minifier: every token stays as written, in its order; only
//! what lies between tokens changes. A comment or a run of blanks becomes nothing, or one
//! space where two tokens would otherwise join, or one line break where the original had
//! one (automatic semicolon insertion and `return`/`++`/`--` read line breaks), except
//! after `;`, `{` and `,`, where no rule of the grammar reads one.
//!
//! It reads strings, template literals (with `${…}` inside), regular expression literals
//! (with `/` inside a class) and comments, and tells a regular expression from a division
//! by the token before it: after a value (a name, a number, a string, `)` or `]`) `/`
//! divides; after an operator, `(`, `,`, `{`, `}` or a keyword such as `return` it starts
//! a regular expression. `x++ / y` is the one case it would read wrong; it refuses
//! HTML-like comments (`<!--`, `-->`) and anything it cannot close, naming the byte
//! offset, rather than guess. `tests/e2e/bundle.test.mjs` checks the shipped result is
//! the same program (esbuild minifies both to the same bytes).

/// What separates the next token from the last one written.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Line,
}

/// Names after which `/` starts a regular expression.
const BEFORE_EXPRESSION: &[&[u8]] = &[
    b"return",
    b"typeof",
    b"instanceof",
    b"in",
    b"of",
    b"new",
    b"delete",
    b"void",
    b"throw",
    b"case",
    b"do",
    b"else",
    b"yield",
    b"await",
];

/// Characters no other token can join with by touching them: the space next to one is
/// never needed. (`<`, `>`, `!`, `-`, `+`, `/`, `*`, `.`, `?` are left out: `a < !--b`,
/// `a - -b`, `a / /re/`, `1 .x` and `a ? .5 : 0` keep their spaces.)
fn stands_alone(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')'
            | b'{'
            | b'}'
            | b'['
            | b']'
            | b';'
            | b','
            | b':'
            | b'='
            | b'&'
            | b'|'
            | b'\''
            | b'"'
            | b'`'
    )
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c == b'\\' || c >= 0x80
}

struct Strip<'a> {
    src: &'a [u8],
    at: usize,
    out: Vec<u8>,
    gap: Gap,
    /// `/` here starts a regular expression (else it divides).
    regex: bool,
}

/// `src` without comments and needless whitespace; `Err` says what could not be read and
/// at which byte.
pub fn strip(src: &str) -> Result<String, String> {
    let mut s = Strip {
        src: src.as_bytes(),
        at: 0,
        out: Vec::with_capacity(src.len()),
        gap: Gap::None,
        regex: true,
    };
    s.code(false)?;
    if s.gap == Gap::Line && !s.out.is_empty() {
        s.out.push(b'\n');
    }
    // Only ASCII bytes were dropped or added, each between two tokens: still UTF-8.
    String::from_utf8(s.out).map_err(|e| e.to_string())
}

impl Strip<'_> {
    fn peek(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.at + ahead).copied()
    }

    /// Writes what the gap before a token starting with `next` needs.
    fn separate(&mut self, next: u8) {
        let last = self.out.last().copied();
        match (self.gap, last) {
            (Gap::None, _) | (_, None) => {}
            (Gap::Line, Some(b';' | b'{' | b',')) => {}
            (Gap::Line, Some(_)) => self.out.push(b'\n'),
            (Gap::Space, Some(last)) => {
                if !stands_alone(last) && !stands_alone(next) {
                    self.out.push(b' ');
                }
            }
        }
        self.gap = Gap::None;
    }

    fn fail(&self, what: &str, from: usize) -> String {
        format!("{what} at byte {from}")
    }

    /// Code up to the end, or (in a template's `${…}`) up to and including its `}`.
    fn code(&mut self, substitution: bool) -> Result<(), String> {
        let mut depth = 0usize;
        loop {
            let Some(c) = self.peek(0) else {
                return if substitution {
                    Err(self.fail("a template's ${ not closed", self.at))
                } else {
                    Ok(())
                };
            };
            match c {
                b' ' | b'\t' | 0x0b | 0x0c => {
                    self.gap = self.gap.max(Gap::Space);
                    self.at += 1;
                }
                b'\n' | b'\r' => {
                    self.gap = Gap::Line;
                    self.at += 1;
                }
                b'/' if self.peek(1) == Some(b'/') => {
                    while !matches!(self.peek(0), None | Some(b'\n' | b'\r')) {
                        self.at += 1;
                    }
                    self.gap = self.gap.max(Gap::Space);
                }
                b'/' if self.peek(1) == Some(b'*') => {
                    let from = self.at;
                    let body = &self.src[from + 2..];
                    let Some(end) = body.windows(2).position(|w| w == b"*/") else {
                        return Err(self.fail("a comment not closed", from));
                    };
                    let line = body[..end].iter().any(|&b| b == b'\n' || b == b'\r');
                    self.gap = self.gap.max(if line { Gap::Line } else { Gap::Space });
                    self.at = from + 2 + end + 2;
                }
                b'/' if self.regex => {
                    self.separate(c);
                    self.regexp()?;
                    self.regex = false;
                }
                b'\'' | b'"' => {
                    self.separate(c);
                    self.string(c)?;
                    self.regex = false;
                }
                b'`' => {
                    self.separate(c);
                    self.template()?;
                    self.regex = false;
                }
                c if is_word(c) => {
                    self.separate(c);
                    let from = self.at;
                    while self.peek(0).is_some_and(is_word) {
                        self.at += 1;
                    }
                    let word = &self.src[from..self.at];
                    self.out.extend_from_slice(word);
                    self.regex = BEFORE_EXPRESSION.contains(&word);
                }
                _ => {
                    if (c == b'<' && self.src[self.at..].starts_with(b"<!--"))
                        || (c == b'-' && self.src[self.at..].starts_with(b"-->"))
                    {
                        return Err(self.fail("an HTML-like comment", self.at));
                    }
                    self.separate(c);
                    self.out.push(c);
                    self.at += 1;
                    self.regex = !matches!(c, b')' | b']');
                    if c == b'{' {
                        depth += 1;
                    } else if c == b'}' {
                        if depth == 0 && substitution {
                            return Ok(());
                        }
                        depth = depth.saturating_sub(1);
                    }
                }
            }
        }
    }

    /// A string from its opening quote to its closing one, as written.
    fn string(&mut self, quote: u8) -> Result<(), String> {
        let from = self.at;
        self.at += 1;
        loop {
            match self.peek(0) {
                None | Some(b'\n' | b'\r') => return Err(self.fail("a string not closed", from)),
                Some(b'\\') => self.at += 2,
                Some(c) => {
                    self.at += 1;
                    if c == quote {
                        break;
                    }
                }
            }
        }
        let end = self.at.min(self.src.len());
        self.out.extend_from_slice(&self.src[from..end]);
        Ok(())
    }

    /// A regular expression literal from its `/` to its closing `/` (its flags follow as
    /// a word), as written.
    fn regexp(&mut self) -> Result<(), String> {
        let from = self.at;
        self.at += 1;
        let mut class = false;
        loop {
            match self.peek(0) {
                None | Some(b'\n' | b'\r') => {
                    return Err(self.fail("a regular expression not closed", from))
                }
                Some(b'\\') => {
                    if matches!(self.peek(1), None | Some(b'\n' | b'\r')) {
                        return Err(self.fail("a regular expression not closed", from));
                    }
                    self.at += 2;
                }
                Some(c) => {
                    self.at += 1;
                    match c {
                        b'[' => class = true,
                        b']' => class = false,
                        b'/' if !class => break,
                        _ => {}
                    }
                }
            }
        }
        self.out.extend_from_slice(&self.src[from..self.at]);
        Ok(())
    }

    /// A template literal, its text as written and the code in each `${…}` stripped.
    fn template(&mut self) -> Result<(), String> {
        let from = self.at;
        self.out.push(b'`');
        self.at += 1;
        loop {
            match self.peek(0) {
                None => return Err(self.fail("a template not closed", from)),
                Some(b'\\') => {
                    let end = (self.at + 2).min(self.src.len());
                    self.out.extend_from_slice(&self.src[self.at..end]);
                    self.at = end;
                }
                Some(b'`') => {
                    self.out.push(b'`');
                    self.at += 1;
                    return Ok(());
                }
                Some(b'$') if self.peek(1) == Some(b'{') => {
                    self.out.extend_from_slice(b"${");
                    self.at += 2;
                    self.gap = Gap::None;
                    self.regex = true;
                    self.code(true)?;
                }
                Some(c) => {
                    self.out.push(c);
                    self.at += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::strip;

    fn s(src: &str) -> String {
        strip(src).unwrap()
    }

    #[test]
    fn comments_and_indentation_go() {
        assert_eq!(
            s("// head\n(function () {\n  'use strict'; // why\n  /* a\n  b */ f(1);\n})();\n"),
            "(function(){'use strict';f(1);})();\n"
        );
        // A comment between two names is a space; one across lines a line break.
        assert_eq!(s("a/**/b"), "a b");
        assert_eq!(s("a/*\n*/b"), "a\nb");
        assert_eq!(s("let x = 1 // one\nlet y = 2\n"), "let x=1\nlet y=2\n");
    }

    #[test]
    fn what_looks_like_a_comment_inside_a_token_stays() {
        for code in [
            "f('//', \"/*\", '\\'//')",
            "x=/\\/\\//g.test(y)",
            "x=`a // ${'/*'} b`",
            "return /a\\/*/.test(y)",
        ] {
            let out = s(code);
            assert!(out.contains("//") || out.contains("/*"), "{code} → {out}");
        }
        assert_eq!(s("x = /[/]/ /* c */ .test(y)"), "x=/[/]/ .test(y)");
        assert_eq!(s("f('a // b') // c"), "f('a // b')");
        assert_eq!(
            s("x = `a ${ y /* c */ + `${ z }` } b`"),
            "x=`a ${y +`${z}`} b`"
        );
        assert_eq!(s("q = a / b / c // d"), "q=a / b / c");
        assert_eq!(s("q = (a) / 2; r = x[1] / 2"), "q=(a)/ 2;r=x[1]/ 2");
    }

    #[test]
    fn tokens_that_would_join_keep_their_space() {
        assert_eq!(s("a - -b + +c"), "a - -b + +c");
        assert_eq!(s("typeof s === 'string' && ok"), "typeof s==='string'&&ok");
        assert_eq!(
            s("if (a < !--b) return 1 .toString()"),
            "if(a < !--b)return 1 .toString()"
        );
        assert_eq!(s("a ? .5 : b"), "a ? .5:b");
    }

    #[test]
    fn line_breaks_that_the_grammar_reads_stay() {
        // return and ++ read the line break; after ; { , nothing does.
        assert_eq!(s("return\nx"), "return\nx");
        assert_eq!(s("a\n++b"), "a\n++b");
        assert_eq!(s("a;\n\n  b,\n  c {\n d\n}\n"), "a;b,c{d\n}\n");
    }

    #[test]
    fn once_is_enough() {
        let src = include_str!("../../../www/embed/frame-report.js");
        let once = s(src);
        assert_eq!(s(&once), once);
        assert!(
            once.len() * 2 < src.len(),
            "{} of {}",
            once.len(),
            src.len()
        );
    }

    #[test]
    fn what_it_cannot_close_it_refuses() {
        for (code, what) in [
            ("f('a)", "a string not closed at byte 2"),
            ("x = /a", "a regular expression not closed at byte 4"),
            ("x /* a", "a comment not closed at byte 2"),
            ("`a ${b", "a template's ${ not closed at byte 6"),
            ("`a", "a template not closed at byte 0"),
            ("a <!-- b", "an HTML-like comment at byte 2"),
            ("a --> b", "an HTML-like comment at byte 2"),
        ] {
            assert_eq!(strip(code).unwrap_err(), what, "{code}");
        }
    }
}
