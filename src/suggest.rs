//! "Did you mean" suggestions by edit distance.

/// The candidate closest to `word`, if it is close enough to be a likely misspelling.
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = word.to_lowercase();
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

/// The candidate most like `text` among longer free texts such as column headers, comparing
/// folded text: one contains the other, or they are close by Jaro-Winkler similarity.
pub fn closest_text<'a, I>(text: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let want = crate::text::fold(text);
    candidates
        .into_iter()
        .map(|c| {
            let f = crate::text::fold(c);
            let contained =
                !want.is_empty() && !f.is_empty() && (f.contains(&want) || want.contains(&f));
            let score = strsim::jaro_winkler(&want, &f).max(if contained { 0.9 } else { 0.0 });
            (score, c)
        })
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// A key of the schema as a message shows it: the schema's keys are ASCII, so any other
/// character is shown as its code (`t\u{456}tle`), and a look-alike letter is seen.
pub fn escaped(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c.to_string()
            } else {
                format!("\\u{{{:x}}}", u32::from(c))
            }
        })
        .collect()
}

/// `"; did you mean `x`?"` in `lang`, when a candidate is near enough.
pub fn hint<'a, I>(lang: crate::i18n::Lang, word: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    closest(word, candidates).map(|near| crate::i18n::catalogue::did_you_mean(lang, near))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_look_alike_letters_by_their_code() {
        assert_eq!(escaped("t\u{456}tle"), "t\\u{456}tle");
        assert_eq!(escaped("title"), "title");
        assert_eq!(escaped("a\tb"), "a\\u{9}b");
    }

    #[test]
    fn finds_near_words_only() {
        let keys = ["min_level", "subjects", "field", "also"];
        assert_eq!(closest("min_levle", keys), Some("min_level"));
        assert_eq!(closest("subject", keys), Some("subjects"));
        assert_eq!(closest("Field", keys), Some("field"));
        assert_eq!(closest("completely_else", keys), None);
        use crate::i18n::Lang;
        assert_eq!(
            hint(Lang::En, "fild", keys).as_deref(),
            Some("; did you mean `field`?")
        );
        assert_eq!(
            hint(Lang::Fr, "fild", keys).as_deref(),
            Some(" ; vouliez-vous dire `field` ?")
        );
        assert_eq!(hint(Lang::En, "zzzzzz", keys), None);
    }

    #[test]
    fn finds_near_headers() {
        let headers = [
            "Horodateur",
            "Expérience pro",
            "Diplôme le plus élevé",
            "Nom",
        ];
        assert_eq!(closest_text("Expérience", headers), Some("Expérience pro"));
        assert_eq!(
            closest_text("diplome le plus eleve", headers),
            Some("Diplôme le plus élevé")
        );
        assert_eq!(closest_text("Horodatage", headers), Some("Horodateur"));
        assert_eq!(closest_text("Téléphone", headers), None);
    }
}
