//! The figures of a report: the funnel, per-rule counts, the score histogram, rejections by
//! requirement; and the report built section by section. Pure: formats render these.

use crate::engine::Outcome;
use crate::i18n::Lang;
use crate::output::explain::{contact, label, name, number, reasons};
use crate::output::words::rule_words;
use crate::posting::{Posting, Rule};
use crate::rank::Status;
use crate::screen::Screening;

/// Bins of the score histogram.
pub const BINS: usize = 10;

/// The numbers a report shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// Data rows received.
    pub received: usize,
    /// Rows that could be read.
    pub readable: usize,
    /// Readable rows, duplicates left out, whose deadline requirements pass.
    pub on_time: usize,
    /// Eligible, shortlisted included.
    pub eligible: usize,
    /// Shortlisted.
    pub shortlisted: usize,
    /// Pass, fail and unknown counts of each requirement then each preference.
    pub rules: Vec<(usize, usize, usize)>,
    /// Eligible candidates per score bin, from 0 to the maximum score.
    pub histogram: [usize; BINS],
    /// For each requirement, how many ineligible rows it rejects.
    pub rejections: Vec<usize>,
}

/// Counts everything a report shows.
pub fn figures(s: &Screening) -> Figures {
    let p = s.posting;
    let counts = s.counts();
    let people = || {
        s.decisions
            .iter()
            .filter(|d| !matches!(d.status, Status::Duplicate | Status::Unreadable))
    };
    let deadline_rules: Vec<usize> = p
        .requirements
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r.rule, Rule::OnTime(_)))
        .map(|(i, _)| i)
        .collect();
    let on_time = people()
        .filter(|d| {
            deadline_rules
                .iter()
                .all(|&k| d.requirement(k) == Some(Outcome::Pass))
        })
        .count();
    let max = p.score_max();
    let mut histogram = [0; BINS];
    for d in s
        .decisions
        .iter()
        .filter(|d| matches!(d.status, Status::Eligible | Status::Shortlisted))
    {
        let bin = if max > 0.0 {
            ((d.score / max) * BINS as f64).floor() as usize
        } else {
            0
        };
        histogram[bin.min(BINS - 1)] += 1;
    }
    let rejections = (0..p.requirements.len())
        .map(|k| {
            s.decisions
                .iter()
                .filter(|d| d.status == Status::Ineligible)
                .filter(|d| d.requirement(k) == Some(Outcome::Fail))
                .count()
        })
        .collect();
    Figures {
        received: s.len(),
        readable: s.len() - counts[5],
        on_time,
        eligible: counts[0] + counts[1],
        shortlisted: counts[0],
        rules: crate::output::json::rule_counts(s),
        histogram,
        rejections,
    }
}

/// A piece of a report, rendered by the HTML and Markdown writers alike.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading of level 1 to 3.
    Heading(u8, String),
    /// A paragraph.
    Para(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table: header, rows, and which columns are numbers (right-aligned).
    Table {
        /// Column names.
        head: Vec<String>,
        /// Cells.
        rows: Vec<Vec<String>>,
        /// Right-aligned columns.
        numeric: Vec<bool>,
    },
    /// A chart: drawn in HTML, left to the tables next to it in Markdown.
    Chart(Chart),
}

/// The charts of a report.
#[derive(Clone, Debug, PartialEq)]
pub enum Chart {
    /// Stages and how many reach each.
    Funnel(Vec<(String, usize)>),
    /// Per rule: label, pass, fail, unknown.
    Rules(Vec<(String, usize, usize, usize)>),
    /// Counts per score bin, with the maximum score.
    Histogram(Vec<usize>, f64),
}

fn table(head: &[&str], numeric: &[bool], rows: Vec<Vec<String>>) -> Block {
    Block::Table {
        head: head.iter().map(|h| h.to_string()).collect(),
        rows,
        numeric: numeric.to_vec(),
    }
}

/// The whole report of a screening, in `s.view.lang`, section by section.
pub fn document(s: &Screening) -> Vec<Block> {
    let lang = s.view.lang;
    let c = Context {
        s,
        p: s.posting,
        lang,
        fr: lang == Lang::Fr,
        fig: figures(s),
        several: s.inputs.len() > 1,
    };
    let mut out = Vec::new();
    title(&c, &mut out);
    summary(&c, &mut out);
    posting_words(&c, &mut out);
    rules(&c, &mut out);
    scores(&c, &mut out);
    shortlist(&c, &mut out);
    decisions(&c, &mut out);
    audit(&c, &mut out);
    provenance(&c, &mut out);
    out
}

/// What every section of the report reads.
struct Context<'a, 'p> {
    s: &'a Screening<'p>,
    p: &'p Posting,
    lang: Lang,
    fr: bool,
    fig: Figures,
    several: bool,
}

/// The title and the posting's facts.
fn title(c: &Context, out: &mut Vec<Block>) {
    let Context { p, lang, .. } = *c;
    let mut title = p.meta.title.clone();
    if let Some(org) = &p.meta.organisation {
        title = format!("{title} — {org}");
    }
    out.push(Block::Heading(1, title));
    let mut facts = Vec::new();
    if let Some(project) = &p.meta.project {
        facts.push(format!("{} {project}", lang.pick("Projet :", "Project:")));
    }
    if !p.meta.locations.is_empty() {
        facts.push(format!(
            "{} {}",
            lang.pick("Lieux :", "Locations:"),
            p.meta.locations.join(", ")
        ));
    }
    facts.push(format!(
        "{} {}",
        lang.pick("Postes à pourvoir :", "Openings:"),
        p.meta.openings
    ));
    if let Some(d) = &p.meta.deadline_text {
        facts.push(format!(
            "{} {d} ({})",
            lang.pick("Date limite :", "Deadline:"),
            p.meta.timezone
        ));
    }
    out.push(Block::List(facts));
}

/// The summary and the funnel.
fn summary(c: &Context, out: &mut Vec<Block>) {
    let Context {
        s, lang, ref fig, ..
    } = *c;
    out.push(Block::Heading(2, lang.pick("Résumé", "Summary").into()));
    out.push(Block::Para(s.summary_line()));
    let stages = vec![
        (lang.pick("reçues", "received").to_string(), fig.received),
        (lang.pick("lisibles", "readable").to_string(), fig.readable),
        (
            lang.pick(
                "dans les délais (sans doublons)",
                "on time (duplicates left out)",
            )
            .to_string(),
            fig.on_time,
        ),
        (lang.pick("éligibles", "eligible").to_string(), fig.eligible),
        (
            lang.pick("retenues", "shortlisted").to_string(),
            fig.shortlisted,
        ),
    ];
    out.push(Block::Chart(Chart::Funnel(stages.clone())));
    out.push(table(
        &[
            lang.pick("étape", "stage"),
            lang.pick("candidatures", "applications"),
        ],
        &[false, true],
        stages
            .into_iter()
            .map(|(l, n)| vec![l, n.to_string()])
            .collect(),
    ));
}

/// The posting in plain words.
fn posting_words(c: &Context, out: &mut Vec<Block>) {
    let Context { p, lang, .. } = *c;
    out.push(Block::Heading(
        2,
        lang.pick("Le poste et ses règles", "The posting and its rules")
            .into(),
    ));
    out.push(Block::Heading(
        3,
        lang.pick(
            "Exigences (toutes obligatoires)",
            "Requirements (all must pass)",
        )
        .into(),
    ));
    out.push(Block::List(
        p.requirements
            .iter()
            .map(|r| format!("{} — {}", label(r), rule_words(p, &r.rule, lang)))
            .collect(),
    ));
    if !p.preferences.is_empty() {
        out.push(Block::Heading(
            3,
            lang.pick(
                "Préférences (points pour le classement)",
                "Preferences (points for ranking)",
            )
            .into(),
        ));
        out.push(Block::List(
            p.preferences
                .iter()
                .map(|r| {
                    format!(
                        "{} — {} ({} pts)",
                        label(r),
                        rule_words(p, &r.rule, lang),
                        number(r.weight.unwrap_or(0.0), lang)
                    )
                })
                .collect(),
        ));
    }
    if !p.meta.manual_checks.is_empty() {
        out.push(Block::Heading(
            3,
            lang.pick("À vérifier en entretien", "To check at interview")
                .into(),
        ));
        out.push(Block::List(p.meta.manual_checks.clone()));
    }
}

/// Each rule's counts.
fn rules(c: &Context, out: &mut Vec<Block>) {
    let Context {
        p, lang, ref fig, ..
    } = *c;
    out.push(Block::Heading(
        2,
        lang.pick("Résultats par règle", "Results by rule").into(),
    ));
    let rules: Vec<(String, usize, usize, usize)> = p
        .requirements
        .iter()
        .chain(&p.preferences)
        .zip(&fig.rules)
        .map(|(r, (a, b, c))| (r.id.clone(), *a, *b, *c))
        .collect();
    out.push(Block::Chart(Chart::Rules(rules.clone())));
    out.push(table(
        &[
            lang.pick("règle", "rule"),
            lang.pick("rempli", "pass"),
            lang.pick("non rempli", "fail"),
            lang.pick("illisible", "unknown"),
        ],
        &[false, true, true, true],
        rules
            .into_iter()
            .map(|(id, a, b, c)| vec![id, a.to_string(), b.to_string(), c.to_string()])
            .collect(),
    ));
}

/// The scores' histogram.
fn scores(c: &Context, out: &mut Vec<Block>) {
    let Context {
        p, lang, ref fig, ..
    } = *c;
    out.push(Block::Heading(
        2,
        lang.pick("Scores des éligibles", "Scores of the eligible")
            .into(),
    ));
    let max = p.score_max();
    out.push(Block::Chart(Chart::Histogram(fig.histogram.to_vec(), max)));
    out.push(table(
        &[
            lang.pick("score", "score"),
            lang.pick("candidats", "candidates"),
        ],
        &[false, true],
        fig.histogram
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let lo = max * i as f64 / BINS as f64;
                let hi = max * (i + 1) as f64 / BINS as f64;
                vec![
                    format!("{} – {}", number(lo, lang), number(hi, lang)),
                    n.to_string(),
                ]
            })
            .collect(),
    ));
}

/// The shortlist, per group.
fn shortlist(c: &Context, out: &mut Vec<Block>) {
    let Context {
        s,
        p,
        lang,
        several,
        ..
    } = *c;
    let max = p.score_max();
    out.push(Block::Heading(
        2,
        lang.pick("Liste restreinte", "Shortlist").into(),
    ));
    let ranked: Vec<usize> = {
        let mut v: Vec<usize> = (0..s.len())
            .filter(|&i| matches!(s.decisions[i].status, Status::Shortlisted))
            .collect();
        v.sort_by_key(|&i| (s.group(i).map(crate::text::fold), s.decisions[i].rank));
        v
    };
    let mut head: Vec<String> = vec![
        lang.pick("rang", "rank").into(),
        lang.pick("nom", "name").into(),
    ];
    if !s.view.blind {
        head.push("contact".into());
    }
    head.push("score".into());
    head.push(
        lang.pick("points par préférence", "points per preference")
            .into(),
    );
    let mut groups: Vec<(Option<String>, Vec<Vec<String>>)> = Vec::new();
    for i in ranked {
        let d = &s.decisions[i];
        let e = &s.entry(i);
        let mut row = vec![
            d.rank.map(|r| r.to_string()).unwrap_or_default(),
            name(p, e, s.view.blind, several),
        ];
        if !s.view.blind {
            row.push(contact(p, e, false).unwrap_or_default());
        }
        row.push(format!("{} / {}", number(d.score, lang), number(max, lang)));
        let preferences = s.evaluate(i).map(|(_, prefs)| prefs).unwrap_or_default();
        let points: Vec<String> = p
            .preferences
            .iter()
            .zip(preferences.iter().map(|e| e.points))
            .filter(|(_, points)| *points > 0.0)
            .map(|(r, points)| format!("{} {}", r.id, number(points, lang)))
            .collect();
        row.push(points.join(" · "));
        match groups.last_mut() {
            Some((g, rows)) if g.as_deref() == s.group(i) => rows.push(row),
            _ => groups.push((s.group(i).map(str::to_string), vec![row])),
        }
    }
    let numeric: Vec<bool> = head
        .iter()
        .enumerate()
        .map(|(i, _)| i == 0 || i == head.len() - 2)
        .collect();
    if groups.is_empty() {
        out.push(Block::Para(
            lang.pick("Personne n'est éligible.", "Nobody is eligible.")
                .into(),
        ));
    }
    for (g, rows) in groups {
        if let (Some(g), Some(f)) = (g, p.shortlist.per) {
            out.push(Block::Heading(
                3,
                format!(
                    "{} : {}",
                    p.fields[f].column,
                    if g.is_empty() {
                        lang.pick("(non renseigné)", "(not given)").to_string()
                    } else {
                        g
                    }
                ),
            ));
        }
        out.push(Block::Table {
            head: head.clone(),
            rows,
            numeric: numeric.clone(),
        });
    }
}

/// The other decisions: to review, ineligible, duplicates, unreadable.
fn decisions(c: &Context, out: &mut Vec<Block>) {
    let Context {
        s,
        p,
        lang,
        ref fig,
        several,
        ..
    } = *c;
    let listing = |status: Status| -> Vec<Vec<String>> {
        (0..s.len())
            .filter(|&i| s.decisions[i].status == status)
            .map(|i| {
                let e = &s.entry(i);
                vec![
                    crate::output::explain::row_ref(e, &s.inputs, lang),
                    name(p, e, s.view.blind, several),
                    reasons(s, i, lang).join(lang.pick(" ; ", "; ")),
                ]
            })
            .collect()
    };
    let sections = [
        (
            Status::Review,
            lang.pick(
                "À vérifier : une cellule illisible ou vide",
                "To review: a cell blank or unreadable",
            ),
            lang.pick("à vérifier", "to check"),
        ),
        (
            Status::Ineligible,
            lang.pick("Non éligibles", "Ineligible"),
            lang.pick("raisons", "reasons"),
        ),
        (
            Status::Duplicate,
            lang.pick("Doublons", "Duplicates"),
            lang.pick("ligne gardée", "row kept"),
        ),
        (
            Status::Unreadable,
            lang.pick("Lignes illisibles", "Unreadable rows"),
            lang.pick("cause", "cause"),
        ),
    ];
    for (status, heading, what) in sections {
        let rows = listing(status);
        out.push(Block::Heading(2, format!("{heading} ({})", rows.len())));
        if status == Status::Ineligible {
            let by_reason: Vec<Vec<String>> = p
                .requirements
                .iter()
                .zip(&fig.rejections)
                .filter(|(_, n)| **n > 0)
                .map(|(r, n)| vec![label(r).to_string(), n.to_string()])
                .collect();
            if !by_reason.is_empty() {
                out.push(table(
                    &[
                        lang.pick("exigence non remplie", "requirement failed"),
                        lang.pick("candidats", "candidates"),
                    ],
                    &[false, true],
                    by_reason,
                ));
            }
        }
        if rows.is_empty() {
            out.push(Block::Para(lang.pick("Aucune.", "None.").into()));
        } else {
            out.push(table(
                &[lang.pick("ligne", "row"), lang.pick("nom", "name"), what],
                &[false, false, false],
                rows,
            ));
        }
    }
}

/// The fairness audit.
fn audit(c: &Context, out: &mut Vec<Block>) {
    let Context { s, lang, fr, .. } = *c;
    if let Some(a) = s.audit() {
        out.push(Block::Heading(
            2,
            format!(
                "{} « {} »",
                lang.pick("Audit d'équité par", "Fairness audit by"),
                a.column
            ),
        ));
        out.push(Block::Para(if fr {
            "Taux de sélection = retenus / candidats (doublons exclus). Rapport d'impact = taux du groupe / taux le plus élevé ; sous 0,8 (règle des quatre cinquièmes), il est signalé. La colonne n'entre jamais dans le score.".into()
        } else {
            "Selection rate = shortlisted / applicants (duplicates left out). Impact ratio = the group's rate / the highest rate; under 0.8 (the four-fifths rule) it is flagged. The column is never used for scoring.".into()
        }));
        let flag = |f: bool, small: bool| {
            let mut v = Vec::new();
            if f {
                v.push(lang.pick("⚠ sous 0,8", "⚠ under 0.8"));
            }
            if small {
                v.push(lang.pick(
                    "groupe trop petit pour conclure",
                    "group too small to conclude",
                ));
            }
            v.join(", ")
        };
        let ratio = |r: Option<f64>| r.map(|x| number(x, lang)).unwrap_or_else(|| "—".into());
        out.push(table(
            &[
                lang.pick("groupe", "group"),
                lang.pick("candidats", "applicants"),
                lang.pick("éligibles", "eligible"),
                lang.pick("retenus", "shortlisted"),
                lang.pick("taux", "rate"),
                lang.pick("rapport", "ratio"),
                "",
            ],
            &[false, true, true, true, true, true, false],
            a.groups
                .iter()
                .map(|g| {
                    vec![
                        g.group.clone(),
                        g.applicants.to_string(),
                        g.eligible.to_string(),
                        g.shortlisted.to_string(),
                        number(g.selection_rate, lang),
                        ratio(g.impact_ratio),
                        flag(g.flagged, g.small_sample),
                    ]
                })
                .collect(),
        ));
        let mut rows = Vec::new();
        for r in &a.requirements {
            for g in &r.groups {
                rows.push(vec![
                    r.id.clone(),
                    g.group.clone(),
                    format!("{} / {}", g.pass, g.applicants),
                    number(g.pass_rate, lang),
                    ratio(g.impact_ratio),
                    flag(g.flagged, false),
                ]);
            }
        }
        out.push(table(
            &[
                lang.pick("exigence", "requirement"),
                lang.pick("groupe", "group"),
                lang.pick("remplie", "pass"),
                lang.pick("taux", "rate"),
                lang.pick("rapport", "ratio"),
                "",
            ],
            &[false, false, true, true, true, false],
            rows,
        ));
    }
}

/// Where the figures come from: tool, posting, files, options.
fn provenance(c: &Context, out: &mut Vec<Block>) {
    let Context { s, p, lang, .. } = *c;
    out.push(Block::Heading(
        2,
        lang.pick("Provenance", "Provenance").into(),
    ));
    let mut rows = vec![
        vec![
            lang.pick("outil", "tool").into(),
            format!("shortlist {}", env!("CARGO_PKG_VERSION")),
        ],
        vec![
            lang.pick("annonce", "posting").into(),
            format!("{} (sha256 {})", p.meta.id, s.posting_sha256),
        ],
    ];
    for i in &s.inputs {
        rows.push(vec![
            lang.pick("fichier", "file").into(),
            format!(
                "{} — {} {}, {} {}, {} (sha256 {})",
                i.path.display(),
                i.rows,
                lang.pick("lignes", "rows"),
                i.empty_rows,
                lang.pick("vides", "empty"),
                i.encoding,
                i.sha256
            ),
        ]);
    }
    let as_of = s
        .as_of
        .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|| "—".into());
    rows.push(vec![lang.pick("à la date du", "as of").into(), as_of]);
    let mut options = vec![format!("--lang {lang}")];
    if s.view.blind {
        options.push("--blind".into());
    }
    if let Some(c) = &s.audit_column {
        options.push(format!("--audit-by {c}"));
    }
    options.push(format!(
        "{} {}",
        lang.pick("taille de la liste :", "shortlist size:"),
        s.shortlist_size
    ));
    rows.push(vec!["options".into(), options.join(", ")]);
    out.push(table(&["", ""], &[false, false], rows));
}
