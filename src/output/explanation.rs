//! The page `explain` prints for one candidate: who and where, the status once, then every
//! rule by its label with ✓ ✗ ?, what it read and what it asked, combinations as indented
//! lists; wrapped at word boundaries to the width given.

use crate::engine::{Eval, Outcome};
use crate::i18n::Lang;
use crate::output::explain::{self, detail, number};
use crate::posting::{Posting, Rule};
use crate::rank::Status;
use crate::screen::{Entry, Screening};
use crate::text::terminal::wrap;

/// Writes the page of candidate `i` of `s` to `out`, lines wrapped to `width` columns.
pub fn write(s: &Screening, i: usize, lang: Lang, width: usize, out: &mut String) {
    let p = s.posting;
    let e = &s.entry(i);
    let d = &s.decisions[i];
    let several = s.inputs.len() > 1;
    let file = s
        .inputs
        .get(e.file())
        .map(|f| f.path.display().to_string())
        .unwrap_or_default();
    let mut line = |text: &str, first: &str, rest: &str| {
        out.push_str(&wrap(&crate::text::printable(text), width, first, rest));
        out.push('\n');
    };
    line(
        &format!(
            "{} — {} {} {} {file}",
            explain::name(p, e, false, several),
            lang.pick("ligne", "row"),
            e.row(),
            lang.pick("de", "of"),
        ),
        "",
        "  ",
    );
    // `rang 2 à Bougouni` when ranked, else the group after the score.
    let group = s.group(i).filter(|g| !g.is_empty());
    let (rank, after) = match (d.rank, group) {
        (Some(r), Some(g)) => (
            format!(
                ", {} {r} {} {g}",
                lang.pick("rang", "rank"),
                lang.pick("à", "in")
            ),
            String::new(),
        ),
        (Some(r), None) => (
            format!(", {} {r}", lang.pick("rang", "rank")),
            String::new(),
        ),
        (None, Some(g)) => (String::new(), format!(" ({g})")),
        (None, None) => (String::new(), String::new()),
    };
    line(
        &format!(
            "{}{}{}{rank}, score {} / {}{after}",
            lang.pick("Statut", "Status"),
            lang.pick(" : ", ": "),
            d.status.label(lang),
            number(d.score, lang),
            number(p.score_max(), lang)
        ),
        "",
        "  ",
    );
    // The rules below say why a candidate is eligible or not; a duplicate or an unreadable
    // row is told here.
    if matches!(d.status, Status::Duplicate | Status::Unreadable) {
        for r in explain::reasons(s, i, lang) {
            line(&r, "", "  ");
        }
    }
    // The cells a person verified, and the rows of the same name.
    for c in s.corrections(i) {
        line(&explain::correction(c, lang), "", "  ");
    }
    if s.same_name(i).is_some()
        && let Some(last) = explain::reasons(s, i, lang).pop()
    {
        line(&last, "", "  ");
    }
    let (Entry::Candidate { cells, .. }, Some((requirements, preferences))) = (e, s.evaluate(i))
    else {
        out.push('\n');
        return;
    };
    let sections = [
        (
            lang.pick("Exigences", "Requirements"),
            &p.requirements,
            &requirements,
        ),
        (
            lang.pick("Préférences", "Preferences"),
            &p.preferences,
            &preferences,
        ),
    ];
    for (title, rules, evals) in sections {
        if rules.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(title);
        out.push('\n');
        for (r, ev) in rules.iter().zip(evals.iter()) {
            let (mark, points) = match r.weight {
                // A preference is marked by the points it gives: none is no ✓.
                Some(w) => {
                    let mark = match ev.eval.outcome {
                        Outcome::Unknown => "?",
                        _ if ev.points > 0.0 => "✓",
                        _ => "✗",
                    };
                    (mark, format!(" — {}", points_of(ev.points, w, lang)))
                }
                None => (mark(ev.eval.outcome), String::new()),
            };
            let head = format!("{}{points}", explain::label(r));
            out.push_str(&wrap(
                &crate::text::printable(&head),
                width,
                &format!("  {mark} "),
                "    ",
            ));
            out.push('\n');
            let page = Page {
                p,
                cells,
                lang,
                width,
            };
            tree(&page, &r.rule, &ev.eval, 4, out);
        }
    }
    out.push('\n');
}

/// `25 points sur 25`, `1 point sur 5`; `25 of 25 points`: held on one line by no-break
/// spaces, which the wrapping shows as spaces.
fn points_of(points: f64, weight: f64, lang: Lang) -> String {
    let (p, w) = (number(points, lang), number(weight, lang));
    match lang {
        Lang::Fr if lang.plural(points) => format!("{p}\u{a0}points\u{a0}sur\u{a0}{w}"),
        Lang::Fr => format!("{p}\u{a0}point\u{a0}sur\u{a0}{w}"),
        Lang::En => format!("{p}\u{a0}of\u{a0}{w}\u{a0}points"),
    }
}

fn mark(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "✓",
        Outcome::Fail => "✗",
        Outcome::Unknown => "?",
    }
}

/// The head of a combination: `l'une des conditions suivantes :`.
fn head(rule: &Rule, lang: Lang) -> Option<&'static str> {
    Some(match rule {
        Rule::AllOf(_) => lang.pick("toutes les conditions suivantes :", "all of the following:"),
        Rule::AnyOf(_) => lang.pick("l'une des conditions suivantes :", "one of the following:"),
        Rule::Not(_) => lang.pick("condition à ne pas remplir :", "must not be met:"),
        _ => return None,
    })
}

/// What the rules of one candidate's page are written with.
struct Page<'a> {
    p: &'a Posting,
    cells: &'a crate::engine::Cells,
    lang: Lang,
    width: usize,
}

/// What `rule` read and asked, at `indent` columns: a leaf's detail, or a combination's head
/// and each of its parts with its mark.
fn tree(page: &Page, rule: &Rule, eval: &Eval, indent: usize, out: &mut String) {
    let Page {
        p,
        cells,
        lang,
        width,
    } = *page;
    let pad = " ".repeat(indent);
    let Some(title) = head(rule, lang) else {
        let text = crate::text::printable(&detail(p, rule, eval, cells, lang));
        out.push_str(&wrap(&text, width, &pad, &pad));
        out.push('\n');
        return;
    };
    out.push_str(&pad);
    out.push_str(title);
    out.push('\n');
    let parts: Vec<&Rule> = match rule {
        Rule::AllOf(rules) | Rule::AnyOf(rules) => rules.iter().collect(),
        Rule::Not(inner) => vec![inner.as_ref()],
        _ => Vec::new(),
    };
    for (r, e) in parts.into_iter().zip(&eval.children) {
        let first = format!("{pad}{} ", mark(e.outcome));
        match head(r, lang) {
            Some(h) => {
                // A combination within a combination: its head on the part's line, its
                // parts below.
                out.push_str(&first);
                out.push_str(h);
                out.push('\n');
                let mut nested = String::new();
                tree(page, r, e, indent + 2, &mut nested);
                out.push_str(nested.split_once('\n').map_or("", |(_, rest)| rest));
            }
            None => {
                let text = crate::text::printable(&detail(p, r, e, cells, lang));
                out.push_str(&wrap(&text, width, &first, &" ".repeat(indent + 2)));
                out.push('\n');
            }
        }
    }
}
