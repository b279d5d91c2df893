//! A small YAML loader that keeps the position of every node.
//!
//! Postings are edited by hand, so every problem must point at a line. This loader builds a
//! tree of [`Node`]s from the events of `saphyr-parser` (a YAML 1.2 parser that checks the
//! whole grammar), keeping each node's position, and enforces what a posting needs and a
//! hostile file must not get past: one document, a mapping at the top, no duplicate keys,
//! aliases expanded within a bound on the whole tree (no "billion laughs"), no custom tags, a
//! bounded size and nesting depth.
//!
//! Scalars stay text here; [`super::de`] gives them a type from the schema, so `no` is a
//! boolean only where a boolean is expected.

use crate::diag::Pos;
use crate::i18n::catalogue as msg;
use saphyr_parser::{Event, Parser, ScalarStyle, Span};

/// The largest posting file accepted, in bytes.
pub const MAX_BYTES: usize = 1024 * 1024;
/// The deepest nesting of mappings and lists accepted.
pub const MAX_DEPTH: usize = 64;
/// The most nodes a posting may hold once its aliases are expanded.
pub const MAX_NODES: usize = 10_000;

/// A YAML node with its position.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// A scalar: its text, and whether it was written plain (unquoted).
    Scalar {
        /// The scalar's value.
        text: String,
        /// Plain (unquoted, not a block scalar): its type depends on the schema.
        plain: bool,
        /// Where it starts.
        pos: Pos,
    },
    /// A list.
    Seq {
        /// The items.
        items: Vec<Node>,
        /// Where it starts.
        pos: Pos,
    },
    /// A mapping, in file order.
    Map {
        /// Keys (always scalars) and values.
        entries: Vec<(Key, Node)>,
        /// Where it starts.
        pos: Pos,
    },
}

/// A mapping key.
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    /// The key's text.
    pub text: String,
    /// Where it is written.
    pub pos: Pos,
}

impl Node {
    /// Where the node starts.
    pub fn pos(&self) -> Pos {
        match self {
            Node::Scalar { pos, .. } | Node::Seq { pos, .. } | Node::Map { pos, .. } => *pos,
        }
    }

    /// Whether the node is a YAML null (`~`, `null`, or nothing at all).
    pub fn is_null(&self) -> bool {
        matches!(self, Node::Scalar { text, plain: true, .. }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The value under `key`, if this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Map { entries, .. } => entries.iter().find(|(k, _)| k.text == key).map(|e| &e.1),
            _ => None,
        }
    }
}

/// Why a text could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// Where the problem is, when known.
    pub pos: Option<Pos>,
    /// What the problem is.
    pub message: String,
}

impl LoadError {
    fn at(pos: Pos, message: impl Into<String>) -> Self {
        LoadError {
            pos: Some(pos),
            message: message.into(),
        }
    }
}

fn pos_of(span: &Span) -> Pos {
    Pos::new(span.start.line(), span.start.col() + 1)
}

/// A list or mapping being read, with the anchor that names it (0 for none).
enum Frame {
    Seq(Vec<Node>, Pos, usize),
    Map(Vec<(Key, Node)>, Pos, Option<Key>, usize),
}

/// The nodes of a tree, itself included.
fn size(node: &Node) -> usize {
    1 + match node {
        Node::Scalar { .. } => 0,
        Node::Seq { items, .. } => items.iter().map(size).sum(),
        Node::Map { entries, .. } => entries.iter().map(|(_, v)| 1 + size(v)).sum(),
    }
}

/// The message for a posting over [`MAX_BYTES`].
pub fn too_big() -> String {
    msg::posting_too_big(crate::i18n::messages(), MAX_BYTES)
}

/// Loads one YAML document whose top level is a mapping.
pub fn load(text: &str) -> Result<Node, LoadError> {
    let lang = crate::i18n::messages();
    if text.len() > MAX_BYTES {
        return Err(LoadError {
            pos: None,
            message: too_big(),
        });
    }
    if text.trim().is_empty() {
        return Err(LoadError {
            pos: None,
            message: msg::posting_empty(lang),
        });
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0usize;
    // Anchored nodes by id, with their size, and the nodes of the tree so far.
    let mut anchors: std::collections::HashMap<usize, (Node, usize)> = Default::default();
    let mut nodes = 0usize;
    for item in Parser::new_from_str(text) {
        let (event, span) = item.map_err(|e| scan_error(text, &e))?;
        let pos = pos_of(&span);
        let node = match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => continue,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(LoadError::at(pos, msg::second_document(lang)));
                }
                continue;
            }
            Event::Alias(id) => {
                let Some((node, n)) = anchors.get(&id) else {
                    return Err(LoadError::at(pos, msg::alias_without_anchor(lang)));
                };
                nodes += n;
                if nodes > MAX_NODES {
                    return Err(too_many_nodes(pos));
                }
                push(&mut stack, &mut root, node.clone())?;
                continue;
            }
            Event::SequenceStart(_, tag) | Event::MappingStart(_, tag) if tag.is_some() => {
                return Err(LoadError::at(pos, msg::yaml_tags(lang)));
            }
            Event::SequenceStart(anchor, _) => {
                open(&mut stack, Frame::Seq(Vec::new(), pos, anchor), pos)?;
                continue;
            }
            Event::MappingStart(anchor, _) => {
                open(&mut stack, Frame::Map(Vec::new(), pos, None, anchor), pos)?;
                continue;
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq(items, start, anchor)) => {
                    let node = Node::Seq { items, pos: start };
                    nodes += 1;
                    remember(&mut anchors, anchor, &node);
                    node
                }
                _ => return Err(LoadError::at(pos, msg::unbalanced_list(lang))),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map(entries, start, None, anchor)) => {
                    nodes += 1 + entries.len();
                    let node = Node::Map {
                        entries,
                        pos: start,
                    };
                    remember(&mut anchors, anchor, &node);
                    node
                }
                _ => return Err(LoadError::at(pos, msg::unbalanced_mapping(lang))),
            },
            Event::Scalar(value, style, anchor, tag) => {
                let mut plain = style == ScalarStyle::Plain;
                if let Some(tag) = tag {
                    if tag.handle == "!!" && tag.suffix == "str" {
                        plain = false;
                    } else {
                        return Err(LoadError::at(pos, msg::yaml_tags(lang)));
                    }
                }
                let node = Node::Scalar {
                    text: value.into_owned(),
                    plain,
                    pos,
                };
                remember(&mut anchors, anchor, &node);
                node
            }
        };
        if nodes > MAX_NODES {
            return Err(too_many_nodes(pos));
        }
        push(&mut stack, &mut root, node)?;
    }
    match root {
        Some(node @ Node::Map { .. }) => Ok(node),
        Some(node) => Err(LoadError::at(node.pos(), msg::top_level_sections(lang))),
        None => Err(LoadError {
            pos: None,
            message: msg::no_document(lang),
        }),
    }
}

/// Keeps a node that an anchor names, for the aliases that follow.
fn remember(
    anchors: &mut std::collections::HashMap<usize, (Node, usize)>,
    anchor: usize,
    node: &Node,
) {
    if anchor != 0 {
        anchors.insert(anchor, (node.clone(), size(node)));
    }
}

fn too_many_nodes(pos: Pos) -> LoadError {
    LoadError::at(
        pos,
        msg::too_many_values(crate::i18n::messages(), MAX_NODES),
    )
}

fn open(stack: &mut Vec<Frame>, frame: Frame, pos: Pos) -> Result<(), LoadError> {
    if stack.len() >= MAX_DEPTH {
        let lang = crate::i18n::messages();
        return Err(LoadError::at(pos, msg::too_deep(lang, MAX_DEPTH)));
    }
    if let Some(Frame::Map(_, _, None, _)) = stack.last() {
        let lang = crate::i18n::messages();
        return Err(LoadError::at(pos, msg::key_not_plain(lang)));
    }
    stack.push(frame);
    Ok(())
}

fn push(stack: &mut [Frame], root: &mut Option<Node>, node: Node) -> Result<(), LoadError> {
    match stack.last_mut() {
        None => {
            *root = Some(node);
            Ok(())
        }
        Some(Frame::Seq(items, ..)) => {
            items.push(node);
            Ok(())
        }
        Some(Frame::Map(entries, _, pending, _)) => match pending.take() {
            Some(key) => {
                entries.push((key, node));
                Ok(())
            }
            None => {
                let lang = crate::i18n::messages();
                let Node::Scalar { text, pos, .. } = node else {
                    return Err(LoadError::at(node.pos(), msg::key_not_plain(lang)));
                };
                if let Some((first, _)) = entries.iter().find(|(k, _)| k.text == text) {
                    let message = msg::duplicate_key(lang, &text, first.pos.line);
                    return Err(LoadError::at(pos, message));
                }
                *pending = Some(Key { text, pos });
                Ok(())
            }
        },
    }
}

fn scan_error(text: &str, e: &saphyr_parser::ScanError) -> LoadError {
    let lang = crate::i18n::messages();
    let m = e.marker();
    let mut pos = Pos::new(m.line(), m.col() + 1);
    let info = e.info();
    // A tab in the indentation is the most common hand-editing mistake: say so plainly.
    if let Some((n, line)) = text
        .lines()
        .enumerate()
        .skip(m.line().saturating_sub(2))
        .take(2)
        .find(|(_, l)| l.trim_start_matches(' ').starts_with('\t'))
        .filter(|_| info.contains("tab"))
    {
        pos = Pos::new(n + 1, line.find('\t').map_or(1, |i| i + 1));
        return LoadError::at(pos, msg::tab_indentation(lang));
    }
    if info.contains("recursion limit") {
        return LoadError::at(pos, msg::too_deep(lang, MAX_DEPTH));
    }
    LoadError::at(pos, msg::invalid_yaml(lang, info))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> LoadError {
        load(text).expect_err("should fail")
    }

    #[test]
    fn keeps_positions_and_plainness() {
        let node = load("a: 1\nb:\n  - 'x'\n  - y\n").expect("valid");
        assert_eq!(node.get("a").map(Node::pos), Some(Pos::new(1, 4)));
        let Some(Node::Seq { items, .. }) = node.get("b") else {
            panic!("b is a list")
        };
        assert!(matches!(&items[0], Node::Scalar { plain: false, .. }));
        assert!(
            matches!(&items[1], Node::Scalar { plain: true, pos, .. } if *pos == Pos::new(4, 5))
        );
    }

    #[test]
    fn rejects_what_postings_must_not_hold() {
        assert!(err("").message.contains("empty"));
        assert!(
            err("a: 1\na: 2\n")
                .message
                .contains("duplicate key `a` (first written at line 1)")
        );
        assert_eq!(err("a: 1\na: 2\n").pos, Some(Pos::new(2, 1)));
        // Aliases are expanded, and a tree that grows past the bound is refused.
        let node = load("a: &x [1, 2]\nb: *x\n").expect("aliases expand");
        let Node::Map { entries, .. } = &node else {
            panic!("a mapping")
        };
        assert_eq!(entries[0].1, entries[1].1);
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (k, prev) in ["b", "c", "d", "e", "f"]
            .iter()
            .zip(["a", "b", "c", "d", "e"])
        {
            bomb.push_str(&format!("{k}: &{k} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        let e = err(&bomb);
        assert!(e.message.contains("10000 values"), "{}", e.message);
        assert_eq!(e.pos.map(|p| p.line), Some(4));
        assert!(
            err("a: 1\n---\nb: 2\n")
                .message
                .contains("second YAML document")
        );
        assert!(
            err("- 1\n- 2\n")
                .message
                .contains("top level must be a mapping")
        );
        assert!(err("a: !custom 1\n").message.contains("tags"));
        assert!(err("a:\n\tb: 1\n").message.contains("tab"));
        assert!(err("a: [1, 2\n").message.starts_with("invalid YAML"));
    }

    #[test]
    fn bounds_nesting_depth() {
        let deep = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
        assert!(err(&deep).message.contains("nesting deeper than 64"));
    }
}
