//! The page `explain` prints for one candidate: its file, row and status, then every rule
//! with its outcome, what it read and what it asked, combinations drawn as trees.

use crate::engine::{Eval, Outcome};
use crate::i18n::Lang;
use crate::output::explain::{self, detail, number, outcome_word};
use crate::posting::{Posting, Rule};
use crate::screen::{Entry, Screening};
use std::fmt::Write as _;

/// Writes the page of candidate `i` of `s` to `out`: its status, then every rule with its
/// outcome and the cells it read, combinations as trees.
pub fn write(s: &Screening, i: usize, lang: Lang, out: &mut String) {
    let p = s.posting;
    let e = &s.entry(i);
    let d = &s.decisions[i];
    let several = s.inputs.len() > 1;
    let file = s
        .inputs
        .get(e.file())
        .map(|f| f.path.display().to_string())
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{} — {} {} {} {file}",
        crate::text::printable(&explain::name(p, e, false, several)),
        lang.pick("ligne", "row"),
        e.row(),
        lang.pick("de", "of"),
    );
    let rank = d
        .rank
        .map(|r| format!(", {} {r}", lang.pick("rang", "rank")))
        .unwrap_or_default();
    let group = s
        .group(i)
        .filter(|g| !g.is_empty())
        .map(|g| format!(" ({g})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{} : {}{rank}{group}, score {} / {}",
        lang.pick("Statut", "Status"),
        d.status.label(lang),
        number(d.score, lang),
        number(p.score_max(), lang)
    );
    for r in explain::reasons(s, i, lang) {
        let _ = writeln!(out, "  {}", crate::text::printable(&r));
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
        let _ = writeln!(out, "\n{title}");
        for (r, ev) in rules.iter().zip(evals.iter()) {
            let points = r
                .weight
                .map(|w| format!(" ({} / {} pts)", number(ev.points, lang), number(w, lang)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} {} — {}{points}",
                mark(ev.eval.outcome),
                r.id,
                crate::text::printable(explain::label(r)),
            );
            tree(p, &r.rule, &ev.eval, cells, lang, 2, out);
        }
    }
    out.push('\n');
}

fn mark(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "[✓]",
        Outcome::Fail => "[✗]",
        Outcome::Unknown => "[?]",
    }
}

fn tree(
    p: &Posting,
    rule: &Rule,
    eval: &Eval,
    cells: &crate::engine::Cells,
    lang: Lang,
    depth: usize,
    out: &mut String,
) {
    let pad = "  ".repeat(depth + 1);
    match rule {
        Rule::AllOf(rules) | Rule::AnyOf(rules) => {
            let head = if matches!(rule, Rule::AllOf(_)) {
                lang.pick("toutes les conditions :", "all of:")
            } else {
                lang.pick("l'une des conditions :", "one of:")
            };
            let _ = writeln!(out, "{pad}{head}");
            for (r, e) in rules.iter().zip(&eval.children) {
                let _ = writeln!(out, "{pad}  {} {}", mark(e.outcome), r.kind_name());
                tree(p, r, e, cells, lang, depth + 2, out);
            }
        }
        Rule::Not(inner) => {
            let _ = writeln!(
                out,
                "{pad}{}",
                lang.pick("le contraire de :", "the opposite of:")
            );
            if let Some(e) = eval.children.first() {
                let _ = writeln!(out, "{pad}  {} {}", mark(e.outcome), inner.kind_name());
                tree(p, inner, e, cells, lang, depth + 2, out);
            }
        }
        _ => {
            let _ = writeln!(
                out,
                "{pad}{} ({})",
                crate::text::printable(&detail(p, rule, eval, cells, lang)),
                outcome_word(eval.outcome, lang)
            );
        }
    }
}
