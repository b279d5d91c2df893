//! The README's examples print what the README shows: every `shortlist …` command followed by
//! the output it prints (a `text` block with nothing left out) is run and compared whole.

use crate::common::shortlist;

/// `pattern`'s files when it holds a `*` (as the shell expands it, sorted), else itself.
fn expand(pattern: &str) -> Vec<String> {
    let Some((dir, name)) = pattern.rsplit_once('/') else {
        return vec![pattern.to_string()];
    };
    let Some((before, after)) = name.split_once('*') else {
        return vec![pattern.to_string()];
    };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found: Vec<String> = std::fs::read_dir(root)
        .expect("the folder of a README example")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| f.starts_with(before) && f.ends_with(after))
        .map(|f| format!("{dir}/{f}"))
        .collect();
    found.sort();
    found
}

#[test]
fn the_readme_examples_print_what_it_shows() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let blocks: Vec<(&str, &str)> = readme
        .split("```")
        .skip(1)
        .step_by(2)
        .filter_map(|b| b.split_once('\n'))
        .collect();
    let mut checked = 0;
    for pair in blocks.windows(2) {
        let [(kind, command), (next, shown)] = pair else {
            continue;
        };
        let lines: Vec<&str> = command.lines().collect();
        if *kind != "sh" || *next != "text" || lines.len() != 1 || shown.contains('…') {
            continue;
        }
        let Some(args) = lines[0].strip_prefix("shortlist ") else {
            continue;
        };
        let args: Vec<String> = args.split_whitespace().flat_map(expand).collect();
        let out = shortlist().args(&args).output().expect("runs");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            *shown,
            "README: shortlist {}",
            args.join(" ")
        );
        checked += 1;
    }
    assert!(checked >= 2, "README examples checked: {checked}");
}
