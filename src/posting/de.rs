//! A serde deserializer over [`Node`], so raw posting structs get positions in their errors.
//!
//! Types come from the schema, not from the YAML resolver: `2024` is text where text is
//! expected and a number where a number is, and `no` is a boolean only where a boolean is.
//! A scalar is accepted where a list is expected, as a list of one. [`Spanned`] captures the
//! position of any value.

use super::yaml::Node;
use crate::diag::Pos;
use crate::i18n::catalogue as msg;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// A deserialization problem and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// Where it is, once known.
    pub pos: Option<Pos>,
    /// What went wrong.
    pub kind: ErrorKind,
}

/// The kinds of deserialization problems callers tell apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A key that the schema does not have, with the keys it does.
    UnknownKey(String, &'static [&'static str]),
    /// A value outside a fixed list, with that list.
    UnknownVariant(String, &'static [&'static str]),
    /// A required key is absent.
    MissingKey(&'static str),
    /// Anything else, already worded.
    Other(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::UnknownKey(k, _) => write!(f, "unknown key `{k}`"),
            ErrorKind::UnknownVariant(v, exp) => {
                write!(
                    f,
                    "`{v}` is not one of {}",
                    list(crate::i18n::Lang::En, exp)
                )
            }
            ErrorKind::MissingKey(k) => write!(f, "missing key `{k}`"),
            ErrorKind::Other(m) => f.write_str(m),
        }
    }
}

/// `` `a`, `b` or `c` `` in `lang`.
pub fn list(lang: crate::i18n::Lang, items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("`{s}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!(
            "{} {} {last}",
            rest.join(", "),
            crate::i18n::catalogue::or(lang)
        ),
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error {
            pos: None,
            kind: ErrorKind::Other(msg.to_string()),
        }
    }

    fn invalid_type(unexp: de::Unexpected, exp: &dyn de::Expected) -> Self {
        let lang = crate::i18n::messages();
        de::Error::custom(msg::expected_found(
            lang,
            &exp.to_string(),
            &describe(lang, unexp),
        ))
    }

    fn invalid_value(unexp: de::Unexpected, exp: &dyn de::Expected) -> Self {
        de::Error::invalid_type(unexp, exp)
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Error {
            pos: None,
            kind: ErrorKind::UnknownKey(field.to_string(), expected),
        }
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error {
            pos: None,
            kind: ErrorKind::UnknownVariant(variant.to_string(), expected),
        }
    }

    fn missing_field(field: &'static str) -> Self {
        Error {
            pos: None,
            kind: ErrorKind::MissingKey(field),
        }
    }
}

fn describe(lang: crate::i18n::Lang, u: de::Unexpected) -> String {
    match u {
        de::Unexpected::Str(s) => format!("`{s}`"),
        de::Unexpected::Seq => msg::a_list(lang),
        de::Unexpected::Map => msg::a_mapping(lang),
        de::Unexpected::Unit => msg::nothing(lang),
        other => other.to_string(),
    }
}

/// What a value should have been, in the messages' language.
type Wanted = fn(crate::i18n::Lang) -> String;

/// A value of the wrong kind at `pos`: `wanted`, and what was found there.
fn wrong(pos: Pos, wanted: Wanted, found: Wanted) -> Error {
    let lang = crate::i18n::messages();
    err_at(pos, msg::expected_found(lang, &wanted(lang), &found(lang)))
}

/// A value of the wrong kind at `pos`: `wanted`, and the text found there.
fn wrong_text(pos: Pos, wanted: Wanted, text: &str) -> Error {
    let lang = crate::i18n::messages();
    err_at(
        pos,
        msg::expected_found(lang, &wanted(lang), &format!("`{text}`")),
    )
}

trait At<T> {
    fn at(self, pos: Pos) -> Result<T, Error>;
}

impl<T> At<T> for Result<T, Error> {
    fn at(self, pos: Pos) -> Result<T, Error> {
        self.map_err(|mut e| {
            e.pos.get_or_insert(pos);
            e
        })
    }
}

/// Deserializes `T` from a node.
pub fn from_node<'de, T: Deserialize<'de>>(node: &'de Node) -> Result<T, Error> {
    T::deserialize(NodeDe(node))
}

/// A value with the position it was written at.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    /// Where the value starts.
    pub pos: Pos,
    /// The value.
    pub value: T,
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

const SPANNED: &str = "$shortlist::Spanned";
const SPANNED_FIELDS: &[&str] = &["$line", "$col", "$value"];

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Spanned<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value with a position")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let line: usize = match map.next_key::<de::IgnoredAny>()? {
                    Some(_) => map.next_value()?,
                    None => return Err(de::Error::custom("position missing")),
                };
                let col: usize = match map.next_key::<de::IgnoredAny>()? {
                    Some(_) => map.next_value()?,
                    None => return Err(de::Error::custom("position missing")),
                };
                let value: T = match map.next_key::<de::IgnoredAny>()? {
                    Some(_) => map.next_value()?,
                    None => return Err(de::Error::custom("value missing")),
                };
                Ok(Spanned {
                    pos: Pos::new(line, col),
                    value,
                })
            }
        }
        d.deserialize_struct(SPANNED, SPANNED_FIELDS, V(std::marker::PhantomData))
    }
}

/// Feeds a node's position, then the node itself, to [`Spanned`]'s visitor.
struct SpannedAccess<'a> {
    node: &'a Node,
    step: u8,
}

impl<'de> de::MapAccess<'de> for SpannedAccess<'de> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match SPANNED_FIELDS.get(usize::from(self.step)) {
            Some(name) => seed.deserialize((*name).into_deserializer()).map(Some),
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let pos = self.node.pos();
        self.step += 1;
        match self.step {
            1 => seed.deserialize(pos.line.into_deserializer()),
            2 => seed.deserialize(pos.col.into_deserializer()),
            _ => seed.deserialize(NodeDe(self.node)),
        }
    }
}

struct NodeDe<'a>(&'a Node);

impl<'a> NodeDe<'a> {
    fn scalar(&self, what: Wanted) -> Result<&'a str, Error> {
        match self.0 {
            Node::Scalar { text, .. } => Ok(text),
            Node::Seq { pos, .. } => Err(wrong(*pos, what, msg::a_list)),
            Node::Map { pos, .. } => Err(wrong(*pos, what, msg::a_mapping)),
        }
    }

    fn number<T: std::str::FromStr>(&self, what: Wanted) -> Result<T, Error> {
        let text = self.scalar(what)?;
        let t = text.trim();
        let t = match t {
            ".inf" | ".Inf" | ".INF" | "+.inf" => "inf",
            "-.inf" | "-.Inf" | "-.INF" => "-inf",
            ".nan" | ".NaN" | ".NAN" => "NaN",
            _ => t,
        };
        t.parse().map_err(|_| wrong_text(self.0.pos(), what, text))
    }
}

fn err_at(pos: Pos, msg: impl Into<String>) -> Error {
    Error {
        pos: Some(pos),
        kind: ErrorKind::Other(msg.into()),
    }
}

/// A plain scalar read as YAML 1.2's core schema would, for untyped positions.
fn resolve<'de, V: Visitor<'de>>(text: &str, v: V) -> Result<V::Value, Error> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => v.visit_unit(),
        "true" | "True" | "TRUE" => v.visit_bool(true),
        "false" | "False" | "FALSE" => v.visit_bool(false),
        _ => {
            if let Ok(i) = text.parse::<i64>() {
                v.visit_i64(i)
            } else if let (true, Ok(f)) = (
                text.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.'),
                text.parse::<f64>(),
            ) {
                v.visit_f64(f)
            } else {
                v.visit_str(text)
            }
        }
    }
}

macro_rules! numbers {
    ($($method:ident $visit:ident $ty:ty, $what:path;)*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            let n: $ty = self.number($what)?;
            v.$visit(n).at(self.0.pos())
        }
    )*};
}

impl<'de> Deserializer<'de> for NodeDe<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let pos = self.0.pos();
        match self.0 {
            Node::Scalar {
                text, plain: true, ..
            } => resolve(text, v),
            Node::Scalar { text, .. } => v.visit_str(text),
            Node::Seq { .. } => self.deserialize_seq(v),
            Node::Map { .. } => self.deserialize_map(v),
        }
        .at(pos)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let text = self.scalar(msg::yes_or_no)?;
        let b = match text.trim().to_lowercase().as_str() {
            "true" | "yes" | "y" | "on" | "oui" | "vrai" => true,
            "false" | "no" | "n" | "off" | "non" | "faux" => false,
            _ => {
                return Err(wrong_text(self.0.pos(), msg::yes_or_no, text));
            }
        };
        v.visit_bool(b).at(self.0.pos())
    }

    numbers! {
        deserialize_i8 visit_i8 i8, msg::a_whole_number;
        deserialize_i16 visit_i16 i16, msg::a_whole_number;
        deserialize_i32 visit_i32 i32, msg::a_whole_number;
        deserialize_i64 visit_i64 i64, msg::a_whole_number;
        deserialize_u8 visit_u8 u8, msg::a_whole_number_not_negative;
        deserialize_u16 visit_u16 u16, msg::a_whole_number_not_negative;
        deserialize_u32 visit_u32 u32, msg::a_whole_number_not_negative;
        deserialize_u64 visit_u64 u64, msg::a_whole_number_not_negative;
        deserialize_f32 visit_f32 f32, msg::a_number;
        deserialize_f64 visit_f64 f64, msg::a_number;
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let text = self.scalar(msg::text)?;
        v.visit_borrowed_str(text).at(self.0.pos())
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if self.0.is_null() {
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if self.0.is_null() {
            v.visit_unit()
        } else {
            let lang = crate::i18n::messages();
            Err(err_at(self.0.pos(), msg::nothing_expected(lang)))
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let pos = self.0.pos();
        match self.0 {
            Node::Seq { items, .. } => v.visit_seq(SeqAccess(items.iter())).at(pos),
            Node::Map { .. } => Err(wrong(pos, msg::a_list, msg::a_mapping)),
            node if node.is_null() => Err(wrong(pos, msg::a_list, msg::nothing)),
            // A lone scalar where a list is expected is a list of one.
            node => v
                .visit_seq(SeqAccess(std::slice::from_ref(node).iter()))
                .at(pos),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let pos = self.0.pos();
        match self.0 {
            Node::Map { entries, .. } => v
                .visit_map(MapAccess {
                    iter: entries.iter(),
                    value: None,
                })
                .at(pos),
            Node::Seq { .. } => Err(wrong(pos, msg::a_mapping, msg::a_list)),
            node if node.is_null() => Err(wrong(pos, msg::a_mapping, msg::nothing)),
            Node::Scalar { text, .. } => Err(wrong_text(pos, msg::a_mapping, text)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        if name == SPANNED {
            return v.visit_map(SpannedAccess {
                node: self.0,
                step: 0,
            });
        }
        self.deserialize_map(v)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        let text = self.scalar(msg::a_name)?;
        v.visit_enum(text.trim().into_deserializer())
            .at(self.0.pos())
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char bytes byte_buf unit_struct tuple tuple_struct
    }
}

struct SeqAccess<'a>(std::slice::Iter<'a, Node>);

impl<'de> de::SeqAccess<'de> for SeqAccess<'de> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.0.next() {
            Some(node) => seed.deserialize(NodeDe(node)).at(node.pos()).map(Some),
            None => Ok(None),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct MapAccess<'a> {
    iter: std::slice::Iter<'a, (super::yaml::Key, Node)>,
    value: Option<&'a Node>,
}

impl<'de> de::MapAccess<'de> for MapAccess<'de> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.iter.next() {
            Some((key, value)) => {
                self.value = Some(value);
                let d: de::value::BorrowedStrDeserializer<'de, Error> =
                    de::value::BorrowedStrDeserializer::new(&key.text);
                seed.deserialize(d).at(key.pos).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(node) => seed.deserialize(NodeDe(node)).at(node.pos()),
            None => Err(de::Error::custom("value without a key")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::yaml;
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Probe {
        name: String,
        n: Option<Spanned<u32>>,
        w: Option<f64>,
        flag: Option<bool>,
        #[serde(default)]
        list: Vec<String>,
    }

    fn probe(text: &str) -> Result<Probe, Error> {
        let node = yaml::load(text).expect("valid yaml");
        from_node(&node)
    }

    #[test]
    fn types_come_from_the_schema() {
        let p = probe("name: 2024\nn: 3\nw: 1.5\nflag: no\nlist: one\n").expect("ok");
        assert_eq!(p.name, "2024");
        assert_eq!(p.n.as_ref().map(|n| n.value), Some(3));
        assert_eq!(p.n.map(|n| n.pos), Some(Pos::new(2, 4)));
        assert_eq!(p.w, Some(1.5));
        assert_eq!(p.flag, Some(false));
        assert_eq!(p.list, ["one"]);
    }

    #[test]
    fn errors_carry_positions() {
        let e = probe("name: x\nnn: 3\n").expect_err("unknown key");
        assert_eq!(e.pos, Some(Pos::new(2, 1)));
        assert!(matches!(e.kind, ErrorKind::UnknownKey(ref k, _) if k == "nn"));
        let e = probe("name: x\nn: -1\n").expect_err("negative");
        assert_eq!(e.pos, Some(Pos::new(2, 4)));
        assert_eq!(
            e.to_string(),
            "expected a whole number, 0 or more, found `-1`"
        );
        let e = probe("n: 1\n").expect_err("missing");
        assert_eq!(e.to_string(), "missing key `name`");
        let e = probe("name: [a]\n").expect_err("list");
        assert_eq!(e.to_string(), "expected text, found a list");
        let e = probe("name: x\nflag: maybe\n").expect_err("bool");
        assert_eq!(e.to_string(), "expected yes or no, found `maybe`");
    }

    #[test]
    fn untyped_values_follow_yaml_core() {
        let node = yaml::load("a: 1\nb: x\nc: ~\nd: '1'\n").expect("yaml");
        let m: BTreeMap<String, serde_json_like::Value> = from_node(&node).expect("ok");
        assert_eq!(m["a"], serde_json_like::Value::Int(1));
        assert_eq!(m["b"], serde_json_like::Value::Str("x".into()));
        assert_eq!(m["c"], serde_json_like::Value::Null);
        assert_eq!(m["d"], serde_json_like::Value::Str("1".into()));
    }

    mod serde_json_like {
        use serde::Deserialize;
        #[derive(Debug, PartialEq, Deserialize)]
        #[serde(untagged)]
        pub enum Value {
            Null,
            Int(i64),
            Str(String),
        }
    }
}
