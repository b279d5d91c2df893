//! Property tests: no input makes the posting loader panic, and a posting it returns is one
//! it found no error in.

use proptest::prelude::*;
use shortlist::posting;

const SEEDS: [&str; 3] = [
    include_str!("../../postings/jigi-district-officer.yaml"),
    include_str!("../../postings/care-an-ka-jiko-engagement-communautaire.yaml"),
    include_str!("../fixtures/postings/many-problems.yaml"),
];

fn check(bytes: &[u8]) {
    let loaded = posting::parse(bytes);
    let has_error = loaded.diagnostics.iter().any(|d| d.is_error());
    assert_eq!(loaded.posting.is_some(), !has_error);
    for d in &loaded.diagnostics {
        assert!(!d.message.is_empty());
    }
}

/// One edit of a text: a cut, an insertion of YAML-significant text, or a line moved.
#[derive(Debug, Clone)]
enum Edit {
    Cut(usize, usize),
    Insert(usize, String),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Replace(usize, char),
}

fn edit() -> impl Strategy<Value = Edit> {
    let snippet = prop_oneof![
        Just(":".to_string()),
        Just("- ".to_string()),
        Just("\t".to_string()),
        Just("  ".to_string()),
        Just("[".to_string()),
        Just("{".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("&a ".to_string()),
        Just("*a".to_string()),
        Just("!!str ".to_string()),
        Just("\n".to_string()),
        Just("---\n".to_string()),
        Just("weight: -1".to_string()),
        Just("any_of: []".to_string()),
        Just("not: {}".to_string()),
        "[a-z_]{1,8}: [a-z0-9+]{0,6}",
        any::<String>(),
    ];
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(a, n)| Edit::Cut(a, n)),
        (any::<usize>(), snippet).prop_map(|(a, s)| Edit::Insert(a, s)),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (any::<usize>(), any::<char>()).prop_map(|(a, c)| Edit::Replace(a, c)),
    ]
}

fn apply(text: &str, e: &Edit) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| if chars.is_empty() { 0 } else { i % chars.len() };
    match e {
        Edit::Cut(a, n) => {
            let a = at(*a);
            let b = (a + n).min(chars.len());
            chars[..a].iter().chain(&chars[b..]).collect()
        }
        Edit::Insert(a, s) => {
            let a = at(*a);
            let mut out: String = chars[..a].iter().collect();
            out.push_str(s);
            out.extend(&chars[a..]);
            out
        }
        Edit::Replace(a, c) => {
            let mut v = chars.clone();
            if !v.is_empty() {
                let a = at(*a);
                v[a] = *c;
            }
            v.into_iter().collect()
        }
        Edit::DuplicateLine(a) | Edit::SwapLines(a, _) => {
            let mut lines: Vec<&str> = text.lines().collect();
            if lines.is_empty() {
                return text.to_string();
            }
            let i = a % lines.len();
            match e {
                Edit::SwapLines(_, b) => {
                    let j = b % lines.len();
                    lines.swap(i, j);
                }
                _ => lines.insert(i, lines[i]),
            }
            lines.join("\n")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes);
    }

    #[test]
    fn arbitrary_yaml_like_text_never_panics(text in "[a-z_:{}\\[\\],&*!|>'\" \n\t#-]{0,400}") {
        check(text.as_bytes());
    }

    #[test]
    fn mutated_postings_never_panic(seed in 0usize..3, edits in proptest::collection::vec(edit(), 1..6)) {
        let mut text = SEEDS[seed].to_string();
        for e in &edits {
            text = apply(&text, e);
        }
        check(text.as_bytes());
    }
}
