//! Excel workbook, for people, in the output language: the shortlist (a sheet per group when
//! the posting lists per group), every application with the screening matrix (✓ ✗ ? per
//! requirement, the points of each preference), the rows to review, and the rules. Numbers are
//! numbers, dates are dates, and candidate text is always written as text, so it can never
//! become a formula. Each sheet prints on landscape A4, as wide as the page, its header row
//! repeated on every page.

use crate::cells::FieldType;
use crate::engine::Outcome;
use crate::i18n::Lang;
use crate::output::explain::{self, label};
use crate::output::when;
use crate::rank::Status;
use crate::screen::{Entry, Screening};
use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

/// Candidates a sheet holds at most: Excel's 1,048,576 rows, the header's included.
pub const MAX_ROWS: usize = 1_048_575;
/// One cell before it is written.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Text(String),
    Number(f64),
    Date(chrono::NaiveDateTime),
    Empty,
}

/// How a column is written: its width and whether its text wraps.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// As wide as its longest text, up to a bound.
    Fit,
    /// A mark ✓ ✗ ? or a few points: narrow, centred.
    Mark,
    /// Sentences: wide, wrapped.
    Wrapped,
}

/// A sheet's name and columns; its rows are written as they are made.
struct Sheet {
    name: String,
    head: Vec<String>,
    kinds: Vec<Kind>,
}

/// Characters an Excel cell holds at most.
const MOST_CHARS: usize = 32_767;

/// Characters of a sheet's name at most, in Excel.
const MOST_NAME_CHARS: usize = 31;

/// A cell's text within Excel's limit: cut, with an ellipsis marking the cut, when longer.
fn within_limit(t: &str) -> (std::borrow::Cow<'_, str>, Option<usize>) {
    let n = t.chars().count();
    if n <= MOST_CHARS {
        return (t.into(), None);
    }
    let kept: String = t.chars().take(MOST_CHARS - 1).chain(['…']).collect();
    (kept.into(), Some(n))
}

/// A sheet's name Excel accepts, from `wanted`, unlike every name in `taken`: without the
/// characters Excel refuses, at most 31 characters, numbered when taken already.
fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let clean: String = crate::text::printable(wanted)
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => ' ',
            c => c,
        })
        .collect();
    let clean = clean.trim().trim_matches('\'').trim();
    let base = if clean.is_empty() { "—" } else { clean };
    let fitted = |suffix: &str| -> String {
        let room = MOST_NAME_CHARS - suffix.chars().count();
        let head: String = base.chars().take(room).collect();
        format!("{}{suffix}", head.trim_end())
    };
    let taken_folded: Vec<String> = taken.iter().map(|t| t.to_lowercase()).collect();
    let free = |n: &str| !taken_folded.contains(&n.to_lowercase()) && n != "History";
    let mut name = fitted("");
    let mut k = 2;
    while !free(&name) {
        name = fitted(&format!(" ({k})"));
        k += 1;
    }
    name
}

/// Characters a column shows: its header's first words, its longest text, within bounds.
fn width(kind: Kind, head: &str, longest: usize) -> f64 {
    match kind {
        Kind::Mark => 14.0,
        Kind::Wrapped => 60.0,
        Kind::Fit => (longest.max(head.chars().count().min(24)).clamp(6, 40) + 2) as f64,
    }
}

/// Characters a cell shows, for its column's width.
fn shown_chars(c: &Cell) -> usize {
    match c {
        Cell::Text(t) => t.chars().count(),
        Cell::Number(_) => 8,
        Cell::Date(_) => 16,
        Cell::Empty => 0,
    }
}

/// The formats of a workbook's cells.
struct Formats {
    head: Format,
    date: Format,
    wrapped: Format,
    mark: Format,
}

impl Formats {
    fn new(lang: Lang) -> Self {
        Formats {
            head: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color("#EEF3FA"),
            date: Format::new().set_num_format(match lang {
                Lang::Fr => "dd/mm/yyyy hh:mm",
                Lang::En => "yyyy-mm-dd hh:mm",
            }),
            wrapped: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            mark: Format::new().set_align(FormatAlign::Center),
        }
    }
}

/// Writes one sheet, its rows as they come, with its print setup; says which cells were cut
/// to Excel's limit. The sheet keeps in memory only the row being written: its rows go to a
/// temporary file (rust_xlsxwriter's constant memory mode), so that a workbook of 100,000
/// applications does not hold them all twice.
fn write_sheet(
    book: &mut Workbook,
    sheet: &Sheet,
    rows: impl Iterator<Item = Vec<Cell>>,
    formats: &Formats,
    lang: Lang,
    cuts: &mut Vec<String>,
) -> Result<(), XlsxError> {
    let ws = book.add_worksheet_with_constant_memory()?;
    ws.set_name(&sheet.name)?;
    for (c, h) in sheet.head.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &formats.head)?;
    }
    let mut longest = vec![0usize; sheet.head.len()];
    let mut written = 0u32;
    for (r, row) in rows.enumerate() {
        let r = r as u32 + 1;
        written = r;
        for (c, cell) in row.iter().enumerate() {
            if let Some(l) = longest.get_mut(c) {
                *l = (*l).max(shown_chars(cell));
            }
            let kind = sheet.kinds.get(c).copied().unwrap_or(Kind::Fit);
            let c = c as u16;
            match cell {
                Cell::Text(t) => {
                    let shown = crate::text::printable(t);
                    let (text, cut) = within_limit(&shown);
                    if let Some(n) = cut {
                        let column = sheet.head.get(usize::from(c)).map_or("", String::as_str);
                        cuts.push(crate::i18n::catalogue::xlsx_text_cut(
                            crate::i18n::messages(),
                            &sheet.name,
                            r + 1,
                            column,
                            n,
                            MOST_CHARS,
                        ));
                    }
                    // Text is written as text: a candidate's `=…` never becomes a formula.
                    match kind {
                        Kind::Wrapped => {
                            ws.write_string_with_format(r, c, text, &formats.wrapped)?
                        }
                        Kind::Mark => ws.write_string_with_format(r, c, text, &formats.mark)?,
                        Kind::Fit => ws.write_string(r, c, text)?,
                    };
                }
                Cell::Number(n) if kind == Kind::Mark => {
                    ws.write_number_with_format(r, c, *n, &formats.mark)?;
                }
                Cell::Number(n) => {
                    ws.write_number(r, c, *n)?;
                }
                Cell::Date(d) => {
                    ws.write_datetime_with_format(r, c, d, &formats.date)?;
                }
                Cell::Empty => {}
            }
        }
    }
    for (c, (kind, head)) in sheet.kinds.iter().zip(&sheet.head).enumerate() {
        ws.set_column_width(c as u16, width(*kind, head, longest[c]))?;
    }
    ws.set_freeze_panes(1, 0)?;
    if !sheet.head.is_empty() {
        ws.autofilter(0, 0, written, sheet.head.len() as u16 - 1)?;
    }
    // Landscape A4, as wide as the page, the header on every page, pages numbered.
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    ws.set_footer(match lang {
        Lang::Fr => "&L&A&RPage &P sur &N",
        Lang::En => "&L&A&RPage &P of &N",
    });
    Ok(())
}

/// A requirement's outcome for people: ✓, ✗ or ?.
fn mark(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "✓",
        Outcome::Fail => "✗",
        Outcome::Unknown => "?",
    }
}

/// What a workbook's rows are made of: one screening, seen in one language.
struct Rows<'a, 'p> {
    s: &'a Screening<'p>,
    lang: Lang,
    several: bool,
    details: explain::Details,
}

impl Rows<'_, '_> {
    fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    fn file(&self, e: &Entry) -> Cell {
        Self::text(
            self.s
                .inputs
                .get(e.file())
                .map(|f| f.path.display().to_string())
                .unwrap_or_default(),
        )
    }

    fn submitted(&self, e: &Entry) -> Cell {
        let p = self.s.posting;
        match explain::submitted(p, e) {
            Some(t) if t.date_only => Cell::Date(t.day.and_time(chrono::NaiveTime::MIN)),
            Some(t) => Cell::Date(p.meta.timezone.local(t.at)),
            None => Cell::Empty,
        }
    }

    fn contact(&self, e: &Entry, kind: FieldType) -> Cell {
        let p = self.s.posting;
        Self::text(explain::contact_of(p, e, self.s.view.blind, kind, false).unwrap_or_default())
    }

    fn name(&self, e: &Entry) -> Cell {
        Self::text(explain::name(
            self.s.posting,
            e,
            self.s.view.blind,
            self.several,
        ))
    }

    /// Each rule's outcome and points, requirements first (none for an unreadable row).
    fn scored(&mut self, e: &Entry) -> Vec<crate::engine::Scored> {
        match e {
            Entry::Candidate { cells, .. } => self.details.outcomes(&self.s.engine, cells),
            Entry::Unreadable { .. } => Vec::new(),
        }
    }

    /// Each requirement's mark, then each preference's points.
    fn outcomes(&mut self, e: &Entry) -> Vec<Cell> {
        let scored = self.scored(e);
        self.outcome_cells(&scored)
    }

    /// [`Rows::outcomes`] from the outcomes already known.
    fn outcome_cells(&self, scored: &[crate::engine::Scored]) -> Vec<Cell> {
        let p = self.s.posting;
        let n_requirements = p.requirements.len();
        let n = n_requirements + p.preferences.len();
        let mut out: Vec<Cell> = scored
            .iter()
            .copied()
            .enumerate()
            .map(|(k, (o, points))| {
                if k < n_requirements {
                    Cell::Text(mark(o).into())
                } else {
                    Cell::Number(points)
                }
            })
            .collect();
        out.resize(n, Cell::Empty);
        out
    }

    /// The reasons of entry `i`, from its row and outcomes already known.
    fn reasons(&mut self, i: usize, e: &Entry, scored: &[crate::engine::Scored]) -> Cell {
        let n_requirements = self.s.posting.requirements.len();
        let requirements = &scored[..n_requirements.min(scored.len())];
        Self::text(explain::reasons_from(self.s, i, e, requirements, &mut self.details).join("\n"))
    }
}

/// Builds the workbook of a screening, and says which cells were cut to Excel's limit.
pub fn build(s: &Screening) -> Result<(Vec<u8>, Vec<String>), XlsxError> {
    let mut rows = Rows {
        s,
        lang: s.view.lang,
        several: s.inputs.len() > 1,
        details: explain::Details::new(s.posting, s.view.lang),
    };
    let lang = s.view.lang;
    let formats = Formats::new(lang);
    let mut book = Workbook::new();
    // A fast deflate level: at the default, a fifth of the time of 100,000 candidates went
    // to compression; level 3 takes 2.5 s instead of 3.0 s for a file 23% larger.
    book.set_zip_compression_level(3);
    let mut cuts = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    for (sheet, group_rows) in shortlist_sheets(&mut rows) {
        write_sheet(
            &mut book,
            &sheet,
            group_rows.into_iter(),
            &formats,
            lang,
            &mut cuts,
        )?;
        taken.push(sheet.name);
    }
    let all = all_sheet(&rows, &taken);
    let order = s.listed_all();
    let all_rows = order.into_iter().map(|i| all_row(&mut rows, i));
    write_sheet(&mut book, &all, all_rows, &formats, lang, &mut cuts)?;
    taken.push(all.name);
    let review = review_sheet(lang, &taken);
    let review_rows = (0..s.len())
        .filter(|&i| s.decisions[i].status == Status::Review)
        .map(|i| review_row(&mut rows, i));
    write_sheet(&mut book, &review, review_rows, &formats, lang, &mut cuts)?;
    taken.push(review.name);
    let (rules, rule_rows) = rules_sheet(s, &taken);
    write_sheet(
        &mut book,
        &rules,
        rule_rows.into_iter(),
        &formats,
        lang,
        &mut cuts,
    )?;
    Ok((book.save_to_buffer()?, cuts))
}

/// The shortlist: one sheet, or one per group, in rank order, with each preference's points.
fn shortlist_sheets(rows: &mut Rows) -> Vec<(Sheet, Vec<Vec<Cell>>)> {
    let s = rows.s;
    let p = s.posting;
    let lang = rows.lang;
    let mut head: Vec<String> = [
        lang.pick("Rang", "Rank"),
        lang.pick("Ligne", "Row"),
        lang.pick("Nom", "Name"),
        "E-mail",
        lang.pick("Téléphone", "Phone"),
        lang.pick("Score", "Score"),
        lang.pick("Score maximal", "Maximum score"),
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    let mut kinds = vec![Kind::Fit; head.len()];
    if rows.several {
        head.insert(2, lang.pick("Fichier", "File").into());
        kinds.push(Kind::Fit);
    }
    head.extend(p.preferences.iter().map(|r| label(r).to_string()));
    kinds.extend(p.preferences.iter().map(|_| Kind::Mark));
    let zone = when::zone_name(&p.meta.timezone, lang);
    head.push(match lang {
        Lang::Fr => format!("Reçue le ({zone})"),
        Lang::En => format!("Received ({zone})"),
    });
    kinds.push(Kind::Fit);
    let mut ranked: Vec<usize> = (0..s.len())
        .filter(|&i| s.decisions[i].status == Status::Shortlisted)
        .collect();
    ranked.sort_by_key(|&i| (s.group(i).map(crate::text::fold), s.decisions[i].rank));
    let n_requirements = p.requirements.len();
    let mut groups: Vec<(Option<String>, Vec<Vec<Cell>>)> = Vec::new();
    for i in ranked {
        let d = &s.decisions[i];
        let e = s.entry(i);
        let mut row = vec![
            d.rank.map_or(Cell::Empty, |r| Cell::Number(f64::from(r))),
            Cell::Number(e.row() as f64),
            rows.name(&e),
            rows.contact(&e, FieldType::Email),
            rows.contact(&e, FieldType::Phone),
            Cell::Number(d.score),
            Cell::Number(p.score_max()),
        ];
        if rows.several {
            row.insert(2, rows.file(&e));
        }
        row.extend(rows.outcomes(&e).into_iter().skip(n_requirements));
        row.push(rows.submitted(&e));
        match groups.last_mut() {
            Some((g, r)) if g.as_deref() == s.group(i) => r.push(row),
            _ => groups.push((s.group(i).map(str::to_string), vec![row])),
        }
    }
    let title = lang.pick("Liste restreinte", "Shortlist");
    if p.shortlist.per.is_none() || groups.is_empty() {
        let rows = groups.into_iter().flat_map(|(_, r)| r).collect();
        let sheet = Sheet {
            name: sheet_name(title, &[]),
            head,
            kinds,
        };
        return vec![(sheet, rows)];
    }
    let mut sheets: Vec<(Sheet, Vec<Vec<Cell>>)> = Vec::new();
    for (g, group_rows) in groups {
        let taken: Vec<String> = sheets.iter().map(|(s, _)| s.name.clone()).collect();
        let g = g
            .filter(|g| !g.is_empty())
            .unwrap_or_else(|| lang.pick("non renseigné", "not given").into());
        let sheet = Sheet {
            name: sheet_name(&format!("{} – {g}", lang.pick("Liste", "List")), &taken),
            head: head.clone(),
            kinds: kinds.clone(),
        };
        sheets.push((sheet, group_rows));
    }
    sheets
}

/// Every application with the matrix: a mark per requirement, points per preference.
fn all_sheet(rows: &Rows, taken: &[String]) -> Sheet {
    let p = rows.s.posting;
    let lang = rows.lang;
    let zone = when::zone_name(&p.meta.timezone, lang);
    let mut head = crate::output::csv::people_columns(lang, &zone);
    let mut kinds = vec![Kind::Fit; head.len()];
    let rules = p.requirements.iter().chain(&p.preferences);
    head.extend(rules.clone().map(|r| label(r).to_string()));
    kinds.extend(rules.map(|_| Kind::Mark));
    head.push(lang.pick("Raisons", "Reasons").into());
    kinds.push(Kind::Wrapped);
    Sheet {
        name: sheet_name(
            lang.pick("Toutes les candidatures", "All applications"),
            taken,
        ),
        head,
        kinds,
    }
}

/// Entry `i` in the sheet of every application.
fn all_row(rows: &mut Rows, i: usize) -> Vec<Cell> {
    let s = rows.s;
    let p = s.posting;
    let d = &s.decisions[i];
    let e = s.entry(i);
    let mut row = vec![
        rows.file(&e),
        Cell::Number(e.row() as f64),
        Rows::text(s.group(i).unwrap_or_default()),
        d.rank.map_or(Cell::Empty, |r| Cell::Number(f64::from(r))),
        Cell::Text(d.status.label(rows.lang).into()),
        Cell::Number(d.score),
        Cell::Number(p.score_max()),
        rows.name(&e),
        rows.contact(&e, FieldType::Email),
        rows.contact(&e, FieldType::Phone),
        rows.submitted(&e),
    ];
    let scored = rows.scored(&e);
    row.extend(rows.outcome_cells(&scored));
    row.push(rows.reasons(i, &e, &scored));
    row
}

/// The rows to review: what to verify in each.
fn review_sheet(lang: Lang, taken: &[String]) -> Sheet {
    let head: Vec<String> = [
        lang.pick("Fichier", "File"),
        lang.pick("Ligne", "Row"),
        lang.pick("Nom", "Name"),
        "E-mail",
        lang.pick("Téléphone", "Phone"),
        lang.pick("À vérifier", "To review"),
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    let mut kinds = vec![Kind::Fit; head.len() - 1];
    kinds.push(Kind::Wrapped);
    Sheet {
        name: sheet_name(lang.pick("À vérifier", "To review"), taken),
        head,
        kinds,
    }
}

/// Entry `i` in the sheet of the rows to review.
fn review_row(rows: &mut Rows, i: usize) -> Vec<Cell> {
    let e = rows.s.entry(i);
    let scored = rows.scored(&e);
    vec![
        rows.file(&e),
        Cell::Number(e.row() as f64),
        rows.name(&e),
        rows.contact(&e, FieldType::Email),
        rows.contact(&e, FieldType::Phone),
        rows.reasons(i, &e, &scored),
    ]
}

/// The rules: in plain words, with their points and counts.
fn rules_sheet(s: &Screening, taken: &[String]) -> (Sheet, Vec<Vec<Cell>>) {
    let p = s.posting;
    let lang = s.view.lang;
    let counts = crate::output::json::rule_counts(s);
    let head: Vec<String> = [
        lang.pick("Type", "Kind"),
        lang.pick("Règle", "Rule"),
        lang.pick("En clair", "In plain words"),
        lang.pick("Points", "Points"),
        lang.pick("Remplie", "Met"),
        lang.pick("Non remplie", "Not met"),
        lang.pick("À vérifier", "To review"),
        lang.pick("Identifiant", "Identifier"),
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    let kinds = vec![
        Kind::Fit,
        Kind::Wrapped,
        Kind::Wrapped,
        Kind::Mark,
        Kind::Mark,
        Kind::Mark,
        Kind::Mark,
        Kind::Fit,
    ];
    let out = p
        .requirements
        .iter()
        .map(|r| (r, lang.pick("exigence", "requirement")))
        .chain(
            p.preferences
                .iter()
                .map(|r| (r, lang.pick("préférence", "preference"))),
        )
        .zip(counts)
        .map(|((r, kind), (pass, fail, unknown))| {
            vec![
                Cell::Text(kind.into()),
                Cell::Text(label(r).into()),
                Cell::Text(crate::output::words::rule_words(p, &r.rule, lang)),
                r.weight.map_or(Cell::Empty, Cell::Number),
                Cell::Number(pass as f64),
                Cell::Number(fail as f64),
                Cell::Number(unknown as f64),
                Cell::Text(r.id.clone()),
            ]
        })
        .collect();
    let sheet = Sheet {
        name: sheet_name(lang.pick("Règles", "Rules"), taken),
        head,
        kinds,
    };
    (sheet, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_what_excel_accepts() {
        assert_eq!(sheet_name("Liste – Bougouni", &[]), "Liste – Bougouni");
        assert_eq!(sheet_name("a/b:c*d?[e]", &[]), "a b c d  e");
        assert_eq!(sheet_name("  ''  ", &[]), "—");
        let long = "Liste – Région de Tombouctou et environs";
        let first = sheet_name(long, &[]);
        assert_eq!(first.chars().count(), MOST_NAME_CHARS);
        let second = sheet_name(long, std::slice::from_ref(&first));
        assert!(second.ends_with(" (2)") && second.chars().count() <= MOST_NAME_CHARS);
        assert_eq!(sheet_name("liste", &["Liste".into()]), "liste (2)");
    }

    #[test]
    fn a_text_past_excels_limit_is_cut_and_said() {
        let long = "x".repeat(MOST_CHARS + 5);
        let (text, cut) = within_limit(&long);
        assert_eq!(cut, Some(MOST_CHARS + 5));
        assert_eq!(text.chars().count(), MOST_CHARS);
        assert!(text.ends_with('…'));
        assert_eq!(within_limit("court").1, None);
    }
}
