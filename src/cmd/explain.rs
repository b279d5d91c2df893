//! `shortlist explain POSTING CANDIDATES --row N` (or `--email ADDR`).

use super::{load_posting, open_candidates};
use crate::cli::ExplainArgs;
use crate::engine::{Eval, Outcome};
use crate::exit::Exit;
use crate::i18n::Lang;
use crate::output::explain::{self, detail, number, outcome_word};
use crate::posting::{Posting, Rule};
use crate::screen::{Entry, Request, Screening, View};
use anyhow::{Context, bail};
use std::fmt::Write as _;
use std::io::Write;

/// Prints every rule's outcome for the candidates named.
pub fn run(args: &ExplainArgs) -> anyhow::Result<Exit> {
    let (posting, sha) = load_posting(&args.posting, false)?;
    let options = args.input.options()?;
    let sources = open_candidates(&args.candidates, &options)?;
    let lang = args.lang.unwrap_or(posting.meta.language);
    let view = View {
        lang,
        blind: false,
        all: true,
    };
    let s = Screening::run(
        &posting,
        sources,
        Request {
            posting_sha256: sha,
            view,
            ..Request::default()
        },
    )?;
    s.unchanged()?;
    let matches: Vec<usize> = (0..s.len())
        .filter(|&i| match (args.row, &args.email) {
            (Some(row), _) => s.row(i) == row,
            (None, Some(email)) => match &s.entry(i) {
                Entry::Candidate { cells, .. } => posting.fields.iter().enumerate().any(|(f, field)| {
                    field.kind == crate::posting::FieldType::Email
                        && matches!(cells.value(f), crate::cells::Value::Email(e) if e.as_str() == email.trim().to_lowercase())
                }),
                Entry::Unreadable { .. } => false,
            },
            (None, None) => false,
        })
        .collect();
    if matches.is_empty() {
        match (args.row, &args.email) {
            (Some(row), _) => bail!(
                "no candidate at row {row}: data rows are {} to {}",
                if s.is_empty() { 2 } else { s.row(0) },
                if s.is_empty() { 2 } else { s.row(s.len() - 1) }
            ),
            _ => bail!(
                "no candidate has the e-mail address `{}`",
                args.email.as_deref().unwrap_or("")
            ),
        }
    }
    let mut out = String::new();
    for i in matches {
        write_one(&s, i, lang, &mut out);
    }
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    lock.write_all(out.as_bytes())
        .context("writing to stdout")?;
    Ok(Exit::Success)
}

fn write_one(s: &Screening, i: usize, lang: Lang, out: &mut String) {
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
