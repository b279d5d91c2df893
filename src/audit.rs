//! The fairness audit: selection rates by a declared group (sex, cercle…), the impact ratio
//! of each group's rate to the highest group's, flagged under 0.8 (the four-fifths rule), and
//! the same for every requirement on its own, so the rule causing an imbalance shows. The
//! audit column is read for this only, never for scoring. Pure: no I/O.

use crate::engine::Outcome;
use crate::posting::NamedRule;
use crate::rank::{Decision, Status};
use crate::text::fold;
use serde::Serialize;

/// Impact ratios under this are flagged.
pub const FOUR_FIFTHS: f64 = 0.8;
/// Groups with fewer applicants than this are too small for the ratio to mean much.
pub const SMALL_GROUP: usize = 10;

/// One group's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupStats {
    /// The group as first written (blank: an empty string).
    pub group: String,
    /// Applicants: readable rows that are not duplicates.
    pub applicants: usize,
    /// Of them, eligible (shortlisted included).
    pub eligible: usize,
    /// Of them, shortlisted.
    pub shortlisted: usize,
    /// Shortlisted / applicants.
    pub selection_rate: f64,
    /// This group's rate over the highest group's rate.
    pub impact_ratio: Option<f64>,
    /// The ratio is under 0.8.
    pub flagged: bool,
    /// Too few applicants for the ratio to mean much.
    pub small_sample: bool,
}

/// One requirement's pass rates by group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RequirementAudit {
    /// The requirement.
    pub id: String,
    /// Per group: applicants, passes, pass rate, impact ratio, flag.
    pub groups: Vec<RequirementGroup>,
}

/// One group's figures for one requirement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RequirementGroup {
    /// The group.
    pub group: String,
    /// Applicants of the group.
    pub applicants: usize,
    /// Those who pass the requirement.
    pub pass: usize,
    /// pass / applicants.
    pub pass_rate: f64,
    /// This group's pass rate over the highest group's.
    pub impact_ratio: Option<f64>,
    /// The ratio is under 0.8.
    pub flagged: bool,
}

/// The audit of a screening by one column.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Audit {
    /// The column audited.
    pub column: String,
    /// Figures per group, largest group first.
    pub groups: Vec<GroupStats>,
    /// Pass rates per requirement and group.
    pub requirements: Vec<RequirementAudit>,
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

fn impact(rate: f64, best: f64) -> Option<f64> {
    (best > 0.0).then(|| (rate / best * 1000.0).round() / 1000.0)
}

/// Audits the `decisions` of a screening by `column`, whose cell of entry `i` is `cell(i)`,
/// requirement by requirement.
pub fn audit<'a>(
    column: &str,
    requirements: &[NamedRule],
    decisions: &[Decision],
    cell: impl Fn(usize) -> Option<&'a str>,
) -> Audit {
    // Applicants by group, keyed by folded value, shown as first written.
    let mut keys: Vec<(String, String)> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    // Each group's place by its key: one lookup per applicant, however many groups.
    let mut place: rustc_hash::FxHashMap<String, usize> = Default::default();
    for (i, d) in decisions.iter().enumerate() {
        let Some(value) = cell(i) else {
            continue;
        };
        if d.status == Status::Unreadable {
            continue;
        }
        if d.status == Status::Duplicate {
            continue;
        }
        let shown = value.trim().to_string();
        let key = fold(&shown);
        match place.get(&key) {
            Some(&g) => members[g].push(i),
            None => {
                place.insert(key.clone(), keys.len());
                keys.push((key, shown));
                members.push(vec![i]);
            }
        }
    }
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| {
        members[b]
            .len()
            .cmp(&members[a].len())
            .then(keys[a].0.cmp(&keys[b].0))
    });
    let count = |g: usize, f: &dyn Fn(usize) -> bool| members[g].iter().filter(|&&i| f(i)).count();
    let rates: Vec<f64> = (0..keys.len())
        .map(|g| {
            ratio(
                count(g, &|i| decisions[i].status == Status::Shortlisted),
                members[g].len(),
            )
        })
        .collect();
    let best = rates.iter().copied().fold(0.0, f64::max);
    let groups = order
        .iter()
        .map(|&g| {
            let applicants = members[g].len();
            let eligible = count(g, &|i| {
                matches!(decisions[i].status, Status::Eligible | Status::Shortlisted)
            });
            let shortlisted = count(g, &|i| decisions[i].status == Status::Shortlisted);
            let impact_ratio = impact(rates[g], best);
            GroupStats {
                group: keys[g].1.clone(),
                applicants,
                eligible,
                shortlisted,
                selection_rate: (rates[g] * 1000.0).round() / 1000.0,
                impact_ratio,
                flagged: impact_ratio.is_some_and(|r| r < FOUR_FIFTHS),
                small_sample: applicants < SMALL_GROUP,
            }
        })
        .collect();
    let requirements = requirements
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let passes: Vec<usize> = (0..keys.len())
                .map(|g| count(g, &|i| decisions[i].requirement(k) == Some(Outcome::Pass)))
                .collect();
            let rates: Vec<f64> = (0..keys.len())
                .map(|g| ratio(passes[g], members[g].len()))
                .collect();
            let best = rates.iter().copied().fold(0.0, f64::max);
            RequirementAudit {
                id: r.id.clone(),
                groups: order
                    .iter()
                    .map(|&g| {
                        let impact_ratio = impact(rates[g], best);
                        RequirementGroup {
                            group: keys[g].1.clone(),
                            applicants: members[g].len(),
                            pass: passes[g],
                            pass_rate: (rates[g] * 1000.0).round() / 1000.0,
                            impact_ratio,
                            flagged: impact_ratio.is_some_and(|r| r < FOUR_FIFTHS),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Audit {
        column: column.to_string(),
        groups,
        requirements,
    }
}
