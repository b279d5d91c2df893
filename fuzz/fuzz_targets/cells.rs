//! Every cell parser on arbitrary text: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shortlist::cells::{self, Context, dates};
use shortlist::lexicon::{Term, level_of};
use shortlist::posting::FieldType;

fuzz_target!(|text: &str| {
    let zone = dates::Zone::default();
    let known = [Term::new("lettre de motivation", &[])];
    for order in [dates::Order::DayFirst, dates::Order::MonthFirst] {
        let cx = Context {
            phone_country: "223",
            known_items: &known,
            separator: None,
            order,
            zone: &zone,
        };
        for kind in [
            FieldType::Text,
            FieldType::Email,
            FieldType::Phone,
            FieldType::Years,
            FieldType::Datetime,
            FieldType::YesNo,
            FieldType::List,
            FieldType::Number,
            FieldType::Degree,
        ] {
            let _ = cells::read(kind, text, &cx);
        }
    }
    let _ = dates::parse_deadline(text, &zone);
    let _ = dates::Zone::parse(text);
    let _ = level_of(text);
    let _ = Term::new(text, &[]);
});
