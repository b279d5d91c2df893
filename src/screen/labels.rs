//! Interning the texts rows name for grouping and auditing (duty stations, sexes): each
//! distinct text numbered once per worker, then once for the whole screening.

use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Texts a worker's rows name (group and audit cells), each distinct one numbered once in
/// the order the worker meets them.
#[derive(Default)]
pub(super) struct Labels {
    pub(super) index: FxHashMap<Box<str>, u32>,
    pub(super) all: Vec<Arc<str>>,
    /// How many were handed to the merging.
    pub(super) sent: usize,
    /// The label of each distinct cell of a table's column (plus one; 0 for not yet),
    /// and the table's serial number.
    pub(super) by_cell: Vec<u32>,
    pub(super) serial: u64,
}

impl Labels {
    /// The number of `text`.
    pub(super) fn id(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.index.get(text) {
            return id;
        }
        let id = self.all.len() as u32;
        self.all.push(Arc::from(text));
        self.index.insert(text.into(), id);
        id
    }

    /// The number of the text of distinct cell `cell` of the table numbered `serial`: the
    /// text is looked up once per cell.
    pub(super) fn of_cell<'t>(
        &mut self,
        serial: u64,
        cell: u32,
        text: impl FnOnce() -> &'t str,
    ) -> u32 {
        if serial != self.serial {
            self.by_cell.clear();
            self.serial = serial;
        }
        let cell = cell as usize;
        if let Some(&known) = self.by_cell.get(cell).filter(|l| **l != 0) {
            return known - 1;
        }
        let id = self.id(text());
        if self.by_cell.len() <= cell {
            self.by_cell.resize(cell + 1, 0);
        }
        self.by_cell[cell] = id + 1;
        id
    }

    /// The labels numbered since the last call, in order.
    pub(super) fn numbered_since(&mut self) -> Vec<Arc<str>> {
        let new = self.all.get(self.sent..).unwrap_or_default().to_vec();
        self.sent = self.all.len();
        new
    }
}

/// A worker's label as the merging knows it: its text, and the group and audit cell it
/// stands for once looked up.
pub(super) struct Label {
    pub(super) text: Arc<str>,
    pub(super) group: Option<u32>,
    pub(super) audit: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_text_is_numbered_once_in_the_order_met() {
        let mut labels = Labels::default();
        assert_eq!(labels.id("Sikasso"), 0);
        assert_eq!(labels.id("Bamako"), 1);
        assert_eq!(labels.id("Sikasso"), 0);
        let sent: Vec<String> = labels
            .numbered_since()
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(sent, ["Sikasso", "Bamako"]);
        assert_eq!(labels.id("Kayes"), 2);
        let sent: Vec<String> = labels
            .numbered_since()
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(sent, ["Kayes"]);
        assert!(labels.numbered_since().is_empty());
    }

    #[test]
    fn a_cell_is_looked_up_once_per_store() {
        let mut labels = Labels::default();
        assert_eq!(labels.of_cell(1, 5, || "Sikasso"), 0);
        assert_eq!(labels.of_cell(1, 5, || unreachable!("known already")), 0);
        assert_eq!(labels.of_cell(1, 2, || "Bamako"), 1);
        // Another store numbers its cells afresh: cell 5 is another text there.
        assert_eq!(labels.of_cell(2, 5, || "Bamako"), 1);
        assert_eq!(labels.of_cell(2, 6, || "Sikasso"), 0);
    }
}
