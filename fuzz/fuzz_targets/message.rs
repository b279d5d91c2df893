//! One e-mail file from arbitrary bytes, read by `intake`: never a panic, a hang or a file
//! written outside the attachments folder; each message is an application or a listed reject.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shortlist::intake::{Options, read};

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let eml = dir.path().join("message.eml");
    if std::fs::write(&eml, data).is_err() {
        return;
    }
    let attachments = dir.path().join("pieces");
    let options = Options {
        to: Some("recrutement@example.org".into()),
        attachments: Some(attachments.clone()),
        ..Options::default()
    };
    let paths = std::slice::from_ref(&eml);
    let intake = read(paths, &options);
    // A file that starts as an mbox does is read as one: it may hold several messages.
    let held = shortlist::intake::mailbox::messages(paths).count();
    assert_eq!(intake.messages(), held, "every message is accounted for");
    // Everything written is a file in an applicant's folder, one level down.
    for entry in std::fs::read_dir(dir.path()).into_iter().flatten().flatten() {
        let name = entry.file_name();
        assert!(name == "message.eml" || name == "pieces", "{name:?} outside the folder");
    }
    for folder in std::fs::read_dir(&attachments).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(folder.path()).into_iter().flatten().flatten() {
            assert!(file.path().is_file(), "{:?} is a file", file.path());
        }
    }
});
