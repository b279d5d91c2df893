//! The figures of a report: the funnel, per-rule counts, the score histogram, rejections by
//! requirement; and the report built section by section, for a recruitment committee to read
//! and sign. Pure: formats render these.

use crate::engine::Outcome;
use crate::i18n::Lang;
use crate::output::explain::{contact, label, name, number, reasons};
use crate::output::words::rule_words;
use crate::posting::{Posting, Rule};
use crate::rank::Status;
use crate::screen::{Entry, Screening};
use chrono::{DateTime, Utc};

/// Candidates a section of the report lists at most; past it, the section gives its count
/// and its first rows, and says where the whole list is. 2,000 rows keep a report of a
/// 100,000-row export under a few megabytes, which a browser opens at once.
pub const MAX_LISTED: usize = 2_000;

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

/// A cell of a report's table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// Lines of text, one under the other.
    Lines(Vec<String>),
    /// A requirement's outcome (✓ ✗ ?), with why beneath when it is not met.
    Mark(Outcome, Option<String>),
    /// Text linking to a relative address: a candidate's attachment folder.
    Link(String, String),
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

/// How a column of a report's table is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    /// Text, wrapped.
    Text,
    /// A number, right-aligned.
    Number,
    /// Text that is not wrapped, such as a phone number.
    NoWrap,
    /// Outcomes of a requirement, centred.
    Mark,
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
    /// A table: header (none when empty), rows, and how each column is shown.
    Table {
        /// Column names.
        head: Vec<String>,
        /// Cells.
        rows: Vec<Vec<Cell>>,
        /// How each column is shown.
        cols: Vec<Col>,
    },
    /// A chart: drawn in HTML, left to the tables next to it in Markdown.
    Chart(Chart),
    /// Blank lines for the committee to sign: the columns, and how many lines.
    Signatures(Vec<String>, usize),
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

fn table(head: &[&str], cols: &[Col], rows: Vec<Vec<Cell>>) -> Block {
    Block::Table {
        head: head.iter().map(|h| h.to_string()).collect(),
        rows,
        cols: cols.to_vec(),
    }
}

/// Text cells.
fn texts(cells: Vec<String>) -> Vec<Cell> {
    cells.into_iter().map(Cell::Text).collect()
}

/// When a report was made, in words, in the posting's zone: `6 décembre 2026 à 14h30
/// (heure de Bamako)`.
pub fn made_words(s: &Screening, made: DateTime<Utc>) -> String {
    crate::output::when::instant(made, &s.posting.meta.timezone, s.view.lang)
}

/// The whole report of a screening, in `s.view.lang`, section by section; `made` is when.
pub fn document(s: &Screening, made: DateTime<Utc>) -> Vec<Block> {
    let lang = s.view.lang;
    let c = Context {
        s,
        p: s.posting,
        lang,
        fr: lang == Lang::Fr,
        fig: figures(s),
        several: s.inputs.len() > 1,
        made,
    };
    let mut out = Vec::new();
    title(&c, &mut out);
    summary(&c, &mut out);
    posting_words(&c, &mut out);
    rules(&c, &mut out);
    scores(&c, &mut out);
    shortlist(&c, &mut out);
    matrix(&c, &mut out);
    others(&c, &mut out);
    possible_duplicates(&c, &mut out);
    corrections(&c, &mut out);
    audit(&c, &mut out);
    signatures(&c, &mut out);
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
    made: DateTime<Utc>,
}

impl Context<'_, '_> {
    /// The entries of `status`, in listing order.
    fn of_status(&self, status: Status) -> Vec<usize> {
        (0..self.s.len())
            .filter(|&i| self.s.decisions[i].status == status)
            .collect()
    }

    /// The row of an entry as its table's `ligne` column shows it: its number, and its file's
    /// name when there are several.
    fn row(&self, e: &Entry) -> String {
        if self.several {
            let file = self
                .s
                .inputs
                .get(e.file())
                .and_then(|i| i.path.file_name())
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            format!("{} ({file})", e.row())
        } else {
            e.row().to_string()
        }
    }

    /// The group column's name, when the shortlist is per group.
    fn group_column(&self) -> Option<String> {
        self.p
            .shortlist
            .per
            .map(|f| self.p.fields[f].column.clone())
    }

    /// The rows of a section past [`MAX_LISTED`], told in a paragraph saying where the whole
    /// list is.
    fn cut(&self, shown: usize, total: usize, out: &mut Vec<Block>) {
        if total <= shown {
            return;
        }
        let rest = self.lang.count(
            total - shown,
            ("autre candidature", "autres candidatures"),
            ("other application", "other applications"),
        );
        let shown = self.lang.int(shown);
        out.push(Block::Para(match self.lang {
            Lang::Fr => format!(
                "… et {rest} : le rapport en montre les {shown} premières. La liste complète est dans le classeur (shortlist report … -o liste.xlsx) ou le CSV (shortlist screen … --all -o liste.csv)."
            ),
            Lang::En => format!(
                "… and {rest}: the report shows the first {shown}. The whole list is in the workbook (shortlist report … -o list.xlsx) or the CSV (shortlist screen … --all -o list.csv)."
            ),
        }));
    }
}

/// The title, the posting's facts and when the report was made.
fn title(c: &Context, out: &mut Vec<Block>) {
    let Context { s, p, lang, .. } = *c;
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
    if let Some(d) = &p.meta.deadline {
        facts.push(format!(
            "{} {}",
            lang.pick("Date limite :", "Deadline:"),
            crate::output::when::deadline(d, &p.meta.timezone, lang)
        ));
    }
    facts.push(format!(
        "{} {}",
        lang.pick("Rapport établi le", "Report made on"),
        made_words(s, c.made)
    ));
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
        &[Col::Text, Col::Number],
        stages
            .into_iter()
            .map(|(l, n)| texts(vec![l, lang.int(n)]))
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
                        "{} — {} ({})",
                        label(r),
                        rule_words(p, &r.rule, lang),
                        points(r.weight.unwrap_or(0.0), lang)
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

/// `15 points`, `1 point`, `2,5 points`.
fn points(n: f64, lang: Lang) -> String {
    let word = if lang.plural(n) { "points" } else { "point" };
    format!("{} {word}", number(n, lang))
}

/// Each rule's counts, by label.
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
        .map(|(r, (a, b, c))| (label(r).to_string(), *a, *b, *c))
        .collect();
    out.push(Block::Chart(Chart::Rules(rules.clone())));
    out.push(table(
        &[
            lang.pick("règle", "rule"),
            lang.pick("remplie", "met"),
            lang.pick("non remplie", "not met"),
            lang.pick("à vérifier", "to review"),
        ],
        &[Col::Text, Col::Number, Col::Number, Col::Number],
        rules
            .into_iter()
            .map(|(l, a, b, c)| texts(vec![l, lang.int(a), lang.int(b), lang.int(c)]))
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
            lang.pick("candidatures", "applications"),
        ],
        &[Col::Text, Col::Number],
        fig.histogram
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let lo = max * i as f64 / BINS as f64;
                let hi = max * (i + 1) as f64 / BINS as f64;
                texts(vec![
                    format!("{} – {}", number(lo, lang), number(hi, lang)),
                    lang.int(*n),
                ])
            })
            .collect(),
    ));
}

/// The shortlist, per group, with the points of each preference.
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
        let mut v = c.of_status(Status::Shortlisted);
        v.sort_by_key(|&i| (s.group(i).map(crate::text::fold), s.decisions[i].rank));
        v
    };
    let mut head: Vec<String> = vec![
        lang.pick("rang", "rank").into(),
        lang.pick("ligne", "row").into(),
        lang.pick("nom", "name").into(),
    ];
    let mut cols = vec![Col::Number, Col::Text, Col::Text];
    if !s.view.blind {
        head.push(lang.pick("contact", "contact").into());
        cols.push(Col::NoWrap);
    }
    head.push("score".into());
    cols.push(Col::Number);
    if !p.preferences.is_empty() {
        head.push(
            lang.pick("points par préférence", "points per preference")
                .into(),
        );
        cols.push(Col::Text);
    }
    let mut groups: Vec<(Option<String>, Vec<Vec<Cell>>)> = Vec::new();
    for i in ranked {
        let d = &s.decisions[i];
        let e = &s.entry(i);
        let mut row = vec![
            Cell::Text(d.rank.map(|r| r.to_string()).unwrap_or_default()),
            Cell::Text(c.row(e)),
            name_cell(s, e, several),
        ];
        if !s.view.blind {
            let lines = contact(p, e, false)
                .map(|c| c.split(", ").map(str::to_string).collect())
                .unwrap_or_default();
            row.push(Cell::Lines(lines));
        }
        row.push(Cell::Text(format!(
            "{} / {}",
            number(d.score, lang),
            number(max, lang)
        )));
        if !p.preferences.is_empty() {
            let preferences = s
                .evaluate_entry(e)
                .map(|(_, prefs)| prefs)
                .unwrap_or_default();
            let lines: Vec<String> = p
                .preferences
                .iter()
                .zip(preferences.iter().map(|e| e.points))
                .filter(|(_, points)| *points > 0.0)
                .map(|(r, n)| format!("{} — {}", points(n, lang), label(r)))
                .collect();
            row.push(Cell::Lines(lines));
        }
        match groups.last_mut() {
            Some((g, rows)) if g.as_deref() == s.group(i) => rows.push(row),
            _ => groups.push((s.group(i).map(str::to_string), vec![row])),
        }
    }
    if groups.is_empty() {
        out.push(Block::Para(
            lang.pick("Personne n'est éligible.", "Nobody is eligible.")
                .into(),
        ));
    }
    for (g, rows) in groups {
        if let (Some(g), Some(column)) = (g, c.group_column()) {
            out.push(Block::Heading(
                3,
                format!(
                    "{column}{} {}",
                    lang.pick(" :", ":"),
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
            cols: cols.clone(),
        });
    }
}

/// The screening matrix of the candidates not shortlisted: one column per requirement, ✓ ✗
/// or ?, with why beneath each ✗ and ?; by status.
fn matrix(c: &Context, out: &mut Vec<Block>) {
    let Context {
        s,
        p,
        lang,
        ref fig,
        several,
        ..
    } = *c;
    out.push(Block::Heading(
        2,
        lang.pick(
            "Grille de sélection des candidatures non retenues",
            "Screening matrix of the applications not shortlisted",
        )
        .into(),
    ));
    out.push(Block::Para(
        lang.pick(
            "Une colonne par exigence : ✓ remplie, ✗ non remplie, ? à vérifier (une cellule vide ou illisible), avec la raison sous chaque ✗ et chaque ?.",
            "One column per requirement: ✓ met, ✗ not met, ? to review (a cell blank or unreadable), with the reason beneath each ✗ and each ?.",
        )
        .into(),
    ));
    let mut head = vec![
        lang.pick("ligne", "row").to_string(),
        lang.pick("nom", "name").to_string(),
    ];
    let mut cols = vec![Col::Text, Col::Text];
    let group = c.group_column();
    if let Some(g) = &group {
        head.push(g.clone());
        cols.push(Col::Text);
    }
    head.extend(p.requirements.iter().map(|r| label(r).to_string()));
    cols.extend(p.requirements.iter().map(|_| Col::Mark));
    let sections = [
        (
            Status::Eligible,
            lang.pick("Éligibles en réserve", "Eligible, on the reserve list"),
        ),
        (
            Status::Review,
            lang.pick(
                "À vérifier : une cellule vide ou illisible",
                "To review: a cell blank or unreadable",
            ),
        ),
        (Status::Ineligible, lang.pick("Non éligibles", "Ineligible")),
    ];
    for (status, heading) in sections {
        let all = c.of_status(status);
        out.push(Block::Heading(3, format!("{heading} ({})", all.len())));
        if status == Status::Ineligible {
            let by_reason: Vec<Vec<Cell>> = p
                .requirements
                .iter()
                .zip(&fig.rejections)
                .filter(|(_, n)| **n > 0)
                .map(|(r, n)| texts(vec![label(r).to_string(), lang.int(*n)]))
                .collect();
            if !by_reason.is_empty() {
                out.push(table(
                    &[
                        lang.pick("exigence non remplie", "requirement not met"),
                        lang.pick("candidatures", "applications"),
                    ],
                    &[Col::Text, Col::Number],
                    by_reason,
                ));
            }
        }
        if all.is_empty() {
            out.push(Block::Para(lang.pick("Aucune.", "None.").into()));
            continue;
        }
        let shown = &all[..all.len().min(MAX_LISTED)];
        let rows = shown
            .iter()
            .map(|&i| {
                let e = s.entry(i);
                let mut row = vec![Cell::Text(c.row(&e)), name_cell(s, &e, several)];
                if group.is_some() {
                    row.push(Cell::Text(s.group(i).unwrap_or("").to_string()));
                }
                row.extend(marks(s, i, &e, lang));
                row
            })
            .collect();
        out.push(Block::Table {
            head: head.clone(),
            rows,
            cols: cols.clone(),
        });
        c.cut(shown.len(), all.len(), out);
    }
}

/// Each requirement's mark for entry `i`, with why beneath each ✗ and ?.
fn marks(s: &Screening, i: usize, e: &Entry, lang: Lang) -> Vec<Cell> {
    let p = s.posting;
    let Entry::Candidate { cells, .. } = e else {
        return Vec::new();
    };
    let (requirements, _) = s.engine.evaluate(cells);
    p.requirements
        .iter()
        .zip(&requirements)
        .enumerate()
        .map(|(k, (r, ev))| {
            let outcome = s.decisions[i].requirement(k).unwrap_or(ev.eval.outcome);
            let why = (outcome != Outcome::Pass).then(|| {
                let tree = crate::output::explain::tree(s, k, outcome, cells);
                crate::output::explain::detail(p, &r.rule, &tree, cells, lang)
            });
            Cell::Mark(outcome, why)
        })
        .collect()
}

/// The duplicates and the unreadable rows.
fn others(c: &Context, out: &mut Vec<Block>) {
    let Context {
        s,
        p,
        lang,
        several,
        ..
    } = *c;
    let sections = [
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
        let all = c.of_status(status);
        out.push(Block::Heading(2, format!("{heading} ({})", all.len())));
        if all.is_empty() {
            out.push(Block::Para(lang.pick("Aucune.", "None.").into()));
            continue;
        }
        let shown = &all[..all.len().min(MAX_LISTED)];
        let rows = shown
            .iter()
            .map(|&i| {
                let e = &s.entry(i);
                texts(vec![
                    c.row(e),
                    name(p, e, s.view.blind, several),
                    reasons(s, i, lang).join(lang.pick(" ; ", "; ")),
                ])
            })
            .collect();
        out.push(table(
            &[lang.pick("ligne", "row"), lang.pick("nom", "name"), what],
            &[Col::Text, Col::Text, Col::Text],
            rows,
        ));
        c.cut(shown.len(), all.len(), out);
    }
}

/// The rows of one name that no duplicate key joins: a person decides.
fn possible_duplicates(c: &Context, out: &mut Vec<Block>) {
    let Context {
        s,
        p,
        lang,
        several,
        ..
    } = *c;
    let groups = &s.possible_duplicates;
    out.push(Block::Heading(
        2,
        format!(
            "{} ({})",
            lang.pick("Doublons possibles", "Possible duplicates"),
            lang.int(groups.len())
        ),
    ));
    if groups.is_empty() {
        out.push(Block::Para(lang.pick("Aucun.", "None.").into()));
        return;
    }
    out.push(Block::Para(
        lang.pick(
            "Ces candidatures portent le même nom (casse, accents et ordre des mots mis à part) sans partager de contact : la même personne, ou deux personnes ? shortlist review les met dans la feuille à remplir.",
            "These applications bear one name (case, accents and word order aside) without sharing a contact: one person, or two? shortlist review puts them in the worksheet to fill in.",
        )
        .into(),
    ));
    let mut rows = Vec::new();
    let mut shown = 0;
    for (k, group) in groups.iter().enumerate() {
        if shown >= MAX_LISTED {
            break;
        }
        for &i in group {
            let i = i as usize;
            let e = s.entry(i);
            rows.push(texts(vec![
                lang.int(k + 1),
                c.row(&e),
                name(p, &e, s.view.blind, several),
                s.decisions[i].status.label(lang).to_string(),
            ]));
            shown += 1;
        }
    }
    out.push(table(
        &[
            lang.pick("groupe", "group"),
            lang.pick("ligne", "row"),
            lang.pick("nom", "name"),
            lang.pick("statut", "status"),
        ],
        &[Col::Number, Col::Text, Col::Text, Col::Text],
        rows,
    ));
    let total: usize = groups.iter().map(Vec::len).sum();
    c.cut(shown, total, out);
}

/// The cells a person verified (`--verified`): each row's old cell, new value, who and why.
fn corrections(c: &Context, out: &mut Vec<Block>) {
    let Context {
        s,
        p,
        lang,
        several,
        ..
    } = *c;
    if s.verified.is_empty() {
        return;
    }
    let rows: Vec<Vec<Cell>> = (0..s.len())
        .flat_map(|i| {
            let corrections = s.corrections(i);
            let e = (!corrections.is_empty()).then(|| s.entry(i));
            corrections.into_iter().map(move |k| {
                let e = e.as_ref();
                texts(vec![
                    e.map(|e| c.row(e)).unwrap_or_default(),
                    e.map(|e| name(p, e, s.view.blind, several))
                        .unwrap_or_default(),
                    k.column.clone(),
                    k.old.clone(),
                    k.value.clone(),
                    k.by.clone(),
                    k.note.clone(),
                ])
            })
        })
        .collect();
    out.push(Block::Heading(
        2,
        format!(
            "{} ({})",
            lang.pick("Corrections vérifiées", "Verified corrections"),
            lang.int(rows.len())
        ),
    ));
    out.push(table(
        &[
            lang.pick("ligne", "row"),
            lang.pick("nom", "name"),
            lang.pick("colonne", "column"),
            lang.pick("cellule du fichier", "cell in the file"),
            lang.pick("valeur vérifiée", "verified value"),
            lang.pick("vérifié par", "verified by"),
            lang.pick("note", "note"),
        ],
        &[Col::Text; 7],
        rows,
    ));
    for w in &s.verify_warnings {
        out.push(Block::Para(w.clone()));
    }
}

/// The fairness audit.
fn audit(c: &Context, out: &mut Vec<Block>) {
    let Context { s, p, lang, fr, .. } = *c;
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
            "Taux de sélection = retenues / candidatures (doublons exclus). Rapport d'impact = taux du groupe / taux le plus élevé ; sous 0,8 (règle des quatre cinquièmes), il est signalé. La colonne n'entre jamais dans le score.".into()
        } else {
            "Selection rate = shortlisted / applications (duplicates left out). Impact ratio = the group's rate / the highest rate; under 0.8 (the four-fifths rule) it is flagged. The column is never used for scoring.".into()
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
                lang.pick("candidatures", "applications"),
                lang.pick("éligibles", "eligible"),
                lang.pick("retenues", "shortlisted"),
                lang.pick("taux", "rate"),
                lang.pick("rapport", "ratio"),
                lang.pick("remarque", "note"),
            ],
            &[
                Col::Text,
                Col::Number,
                Col::Number,
                Col::Number,
                Col::Number,
                Col::Number,
                Col::Text,
            ],
            a.groups
                .iter()
                .map(|g| {
                    texts(vec![
                        g.group.clone(),
                        g.applicants.to_string(),
                        g.eligible.to_string(),
                        g.shortlisted.to_string(),
                        number(g.selection_rate, lang),
                        ratio(g.impact_ratio),
                        flag(g.flagged, g.small_sample),
                    ])
                })
                .collect(),
        ));
        let labels: std::collections::HashMap<&str, &str> = p
            .requirements
            .iter()
            .map(|r| (r.id.as_str(), label(r)))
            .collect();
        let mut rows = Vec::new();
        for r in &a.requirements {
            for g in &r.groups {
                rows.push(texts(vec![
                    labels
                        .get(r.id.as_str())
                        .unwrap_or(&r.id.as_str())
                        .to_string(),
                    g.group.clone(),
                    format!("{} / {}", g.pass, g.applicants),
                    number(g.pass_rate, lang),
                    ratio(g.impact_ratio),
                    flag(g.flagged, false),
                ]));
            }
        }
        out.push(table(
            &[
                lang.pick("exigence", "requirement"),
                lang.pick("groupe", "group"),
                lang.pick("remplie", "met"),
                lang.pick("taux", "rate"),
                lang.pick("rapport", "ratio"),
                lang.pick("remarque", "note"),
            ],
            &[
                Col::Text,
                Col::Text,
                Col::Number,
                Col::Number,
                Col::Number,
                Col::Text,
            ],
            rows,
        ));
    }
}

/// Where the committee signs.
fn signatures(c: &Context, out: &mut Vec<Block>) {
    let Context { lang, .. } = *c;
    out.push(Block::Heading(
        2,
        lang.pick("Comité de recrutement", "Recruitment committee")
            .into(),
    ));
    out.push(Block::Para(
        lang.pick(
            "Les membres du comité ont examiné la liste restreinte et la grille de sélection ci-dessus.",
            "The members of the committee have examined the shortlist and the screening matrix above.",
        )
        .into(),
    ));
    out.push(Block::Signatures(
        vec![
            lang.pick("nom et prénom", "name").into(),
            lang.pick("fonction", "position").into(),
            lang.pick("date", "date").into(),
            lang.pick("signature", "signature").into(),
        ],
        4,
    ));
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
                "{} — {}, {}, {} (sha256 {})",
                i.path.display(),
                lang.count(i.rows as usize, ("ligne", "lignes"), ("row", "rows")),
                lang.count(i.empty_rows as usize, ("vide", "vides"), ("empty", "empty")),
                i.encoding,
                i.sha256
            ),
        ]);
    }
    for v in &s.verified.sources {
        rows.push(vec![
            lang.pick("vérifications", "verifications").into(),
            format!("{} (sha256 {})", v.path.display(), v.sha256),
        ]);
    }
    let as_of = s
        .as_of
        .map(|t| crate::output::when::instant(t, &p.meta.timezone, lang))
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
    out.push(Block::Table {
        head: Vec::new(),
        rows: rows.into_iter().map(texts).collect(),
        cols: vec![Col::Text, Col::Text],
    });
}

/// A candidate's name, linked to their attachment folder when the candidates file came from
/// `intake` and the folder is there.
fn name_cell(s: &Screening, e: &Entry, several: bool) -> Cell {
    let shown = name(s.posting, e, s.view.blind, several);
    match folder_link(s, e) {
        Some(href) => Cell::Link(shown, href),
        None => Cell::Text(shown),
    }
}

/// The columns `intake` writes each applicant's attachment folder in.
const FOLDER_COLUMNS: [&str; 2] = ["dossier", "folder"];

/// The address of a candidate's attachment folder from where the report is written: the
/// posting maps intake's `dossier` column, the cell names a folder beside the candidates
/// file, and the screening is not blind (a folder's name is the applicant's).
fn folder_link(s: &Screening, e: &Entry) -> Option<String> {
    let Entry::Candidate { cells, file, .. } = e else {
        return None;
    };
    if s.view.blind {
        return None;
    }
    let field = s
        .posting
        .fields
        .iter()
        .position(|f| FOLDER_COLUMNS.contains(&crate::text::fold(&f.column).as_str()))?;
    let folder = cells.raw(field).trim();
    if folder.is_empty() {
        return None;
    }
    let input = &s.inputs.get(*file)?.path;
    let target = input.parent()?.join(folder);
    if !target.is_dir() {
        return None;
    }
    let from = s
        .view
        .written_in
        .as_deref()
        .unwrap_or(std::path::Path::new("."));
    let relative = relative_path(
        &std::path::absolute(from).ok()?,
        &std::path::absolute(&target).ok()?,
    );
    Some(format!("{}/", percent_encoded(&relative)))
}

/// The path from folder `from` to `to`, both absolute: `..` up to their common part, then
/// down.
fn relative_path(from: &std::path::Path, to: &std::path::Path) -> String {
    use std::path::Component;
    let plain = |p: &std::path::Path| -> Vec<String> {
        p.components()
            .filter(|c| !matches!(c, Component::CurDir))
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect()
    };
    let (from, to) = (plain(from), plain(to));
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".into(); from.len() - common];
    parts.extend(to[common..].iter().cloned());
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    }
}

/// A path written as a URL's path: every byte but letters, digits, `-._~/` percent-encoded.
fn percent_encoded(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_reached_from_the_report_by_a_relative_address() {
        use std::path::Path;
        assert_eq!(
            relative_path(
                Path::new("/a/b/rapports"),
                Path::new("/a/b/c-pieces/0002-x")
            ),
            "../c-pieces/0002-x"
        );
        assert_eq!(relative_path(Path::new("/a/b"), Path::new("/a/b/p")), "p");
        assert_eq!(relative_path(Path::new("/a/b"), Path::new("/a/b")), ".");
        assert_eq!(
            percent_encoded("c-pièces/0002-awa #1?"),
            "c-pi%C3%A8ces/0002-awa%20%231%3F"
        );
    }
}
