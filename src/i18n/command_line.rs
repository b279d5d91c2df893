//! The command line in the messages' language: `--help` of every command and option, and
//! clap's usage errors. English is clap's, from the doc comments of [`crate::cli`]; French is
//! here, one text per command and per option, and a test fails when one is missing.

use super::Lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The French help of a command (`""` for the tool itself) or of one of its arguments.
fn french(command: &str, arg: Option<&str>) -> Option<&'static str> {
    Some(match (command, arg) {
        ("", None) => {
            "Trie les candidatures à un poste selon les exigences de l'annonce, avec une raison pour chaque décision."
        }
        ("validate", None) => {
            "Vérifie des annonces : syntaxe, schéma et sens, tous les problèmes d'un coup avec leur ligne."
        }
        ("screen", None) => {
            "Trie les fichiers de candidatures selon une annonce et affiche la liste restreinte classée, ou l'écrit avec -o FICHIER / --format."
        }
        ("report", None) => {
            "Écrit le rapport complet : résumé, entonnoir, résultats par règle, liste restreinte, chaque décision avec ses raisons, audit d'équité et provenance, en HTML, Markdown ou xlsx (-o FICHIER)."
        }
        ("explain", None) => {
            "Montre le résultat de chaque règle pour un candidat, avec les cellules lues."
        }
        ("inspect", None) => {
            "Montre comment un fichier de candidatures est lu : encodage, séparateur, lignes, valeurs et type de chaque colonne, avec un bloc fields: prêt à coller dans une annonce."
        }
        ("review", None) => {
            "Écrit la feuille des cellules à vérifier et des doublons possibles (.xlsx ou .csv), à remplir puis à redonner avec --verified."
        }
        ("review", Some("output")) => {
            "La feuille à écrire : .xlsx, ou .csv (les doublons possibles à côté)."
        }
        ("review", Some("lang")) => {
            "Langue de la feuille : fr ou en (par défaut : le champ language de l'annonce)."
        }
        ("review", Some("verified")) => {
            "Les feuilles déjà remplies : ce qu'elles ont réglé n'est plus demandé."
        }
        ("review", Some("quiet")) => "Rien sur la sortie d'erreur que les erreurs.",
        ("intake", None) => {
            "Fait d'une boîte de recrutement (mbox, Maildir, dossier de fichiers .eml) un fichier de candidatures, les pièces jointes enregistrées par candidat, les autres messages listés à part."
        }
        ("intake", Some("mailboxes")) => {
            "Les boîtes : fichiers mbox, dossiers Maildir, dossiers de fichiers .eml, fichiers .eml."
        }
        ("intake", Some("output")) => {
            "Le fichier de candidatures à écrire : .csv (les autres messages à côté) ou .xlsx."
        }
        ("intake", Some("attachments")) => {
            "Où enregistrer les pièces jointes (par défaut : à côté du fichier, NOM-pieces/)."
        }
        ("intake", Some("to")) => {
            "L'adresse du recrutement : ses propres messages ne sont pas des candidatures, ni les messages qui ne lui sont pas adressés."
        }
        ("intake", Some("posting")) => {
            "Une annonce dont les champs lisent ces colonnes : ses autres colonnes sont ajoutées vides, et «\u{a0}à compléter\u{a0}» dit quelles lignes valent la peine d'être saisies."
        }
        ("intake", Some("ocr")) => {
            "Lire la première page des scans et des images avec tesseract, s'il est installé."
        }
        ("intake", Some("lang")) => {
            "Langue des colonnes : fr ou en (par défaut : celle des colonnes de l'offre, sinon celle du système)."
        }
        ("intake", Some("quiet")) => "Rien sur la sortie d'erreur que les erreurs.",
        ("help", None) => "Affiche l'aide de la commande donnée, ou celle-ci.",
        ("help", Some(_)) => "La commande dont afficher l'aide.",
        (_, Some("help")) => "Affiche l'aide",
        (_, Some("version")) => "Affiche la version",
        (_, Some("posting")) => "L'annonce (YAML).",
        ("validate", Some("postings")) => "Les annonces (YAML).",
        ("inspect", Some("candidates")) => "Le fichier de candidatures (CSV ou classeur).",
        (_, Some("candidates")) => {
            "Les fichiers de candidatures, aux mêmes colonnes (CSV ou classeur .xlsx, .xls, .ods)."
        }
        (_, Some("top")) => {
            "Combien retenir (par groupe avec shortlist.per), au lieu du nombre de l'annonce."
        }
        ("report", Some("format")) => {
            "Format du rapport : html, markdown ou xlsx (par défaut : d'après l'extension de -o)."
        }
        (_, Some("format")) => {
            "Format de sortie : table, csv, json, markdown, html ou xlsx (par défaut : d'après l'extension de -o, sinon un tableau)."
        }
        (_, Some("output")) => {
            "Écrit dans ce fichier au lieu du terminal (d'un coup ; jamais sur un fichier lu)."
        }
        ("inspect", Some("lang")) => {
            "Langue des libellés : fr ou en (par défaut : celle du système)."
        }
        ("validate", Some("lang")) => {
            "Langue du résumé : fr ou en (par défaut : le champ language de chaque annonce)."
        }
        (_, Some("lang")) => {
            "Langue des libellés et des raisons : fr ou en (par défaut : le champ language de l'annonce)."
        }
        (_, Some("blind")) => {
            "Remplace les noms et les coordonnées par C-<ligne> dans toutes les sorties."
        }
        (_, Some("all")) => "Liste tous les candidats, pas seulement la liste restreinte.",
        (_, Some("excel")) => {
            "CSV pour Excel en français : UTF-8 avec BOM, séparateur ;, fins de ligne CRLF, virgule décimale."
        }
        (_, Some("no_color")) => "Sans couleurs (de même quand NO_COLOR est défini).",
        (_, Some("wide")) => {
            "Dans le terminal, montre les raisons entières, quelle que soit la largeur des lignes."
        }
        (_, Some("quiet")) => {
            "Rien sur la sortie d'erreur que les erreurs : ni barre de progression, ni avertissement, ni résumé."
        }
        (_, Some("single_thread")) => "Lit et trie sur un seul fil : plus lent, même résultat.",
        (_, Some("as_of")) => {
            "L'instant dont parle le tri (par défaut : la date limite, sinon la dernière candidature)."
        }
        (_, Some("audit_by")) => {
            "Taux de sélection par groupe de cette colonne ou de ce champ (jamais utilisé pour le score)."
        }
        (_, Some("row")) => {
            "Le numéro de ligne du candidat dans le tableur (l'en-tête est la ligne 1)."
        }
        (_, Some("email")) => "L'adresse e-mail du candidat.",
        (_, Some("against")) => {
            "Vérifie aussi que chaque colonne de l'annonce est dans l'en-tête de ce fichier de candidatures, et compte ce que chaque exigence retient."
        }
        (_, Some("delimiter")) => {
            "Le séparateur des fichiers CSV : , ; | ou tab (par défaut : détecté)."
        }
        (_, Some("encoding")) => {
            "L'encodage des fichiers CSV : utf-8, windows-1252, utf-16le… (par défaut : détecté)."
        }
        (_, Some("sheet")) => "La feuille d'un classeur (par défaut : la première).",
        (_, Some("verified")) => {
            "Les cellules et les doublons possibles vérifiés : une feuille de shortlist review, remplie (.xlsx ou .csv ; l'option peut être répétée)."
        }
        _ => return None,
    })
}

/// French names of values in the usage lines.
fn french_value_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "POSTING.yaml" => "ANNONCE.yaml",
        "CANDIDATES" => "CANDIDATURES",
        "FILE" => "FICHIER",
        "COLUMN" => "COLONNE",
        "DATETIME" => "DATE",
        "CHAR" => "CARACTÈRE",
        "NAME" => "NOM",
        "ADDR" | "ADDRESS" => "ADRESSE",
        "LANG" => "LANGUE",
        "COMMAND" => "COMMANDE",
        "MAILBOX" => "BOÎTE",
        "DIR" => "DOSSIER",
        _ => return None,
    })
}

fn in_french_args(cmd: clap::Command, name: &str) -> clap::Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = cmd
        .help_template("{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("Commandes")
        .subcommand_value_name("COMMANDE");
    if let Some(about) = french(name, None) {
        cmd = cmd.about(about);
    }
    for id in ids {
        let help = french(name, Some(&id));
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let names: Option<Vec<&'static str>> = a
                .get_value_names()
                .and_then(|v| v.iter().map(|n| french_value_name(n.as_str())).collect());
            // The values an option takes are named in its French help, not in English.
            let a = match help {
                Some(h) => a.help(h).long_help(None::<&str>).hide_possible_values(true),
                None => a,
            };
            match names {
                Some(n) => a.value_names(n),
                None => a,
            }
        });
    }
    cmd
}

/// The command line of the tool, its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = <crate::cli::Cli as clap::CommandFactory>::command();
    match lang {
        Lang::En => cmd,
        Lang::Fr => {
            // Built first, so that the help and version options are there to translate.
            let mut cmd = cmd;
            cmd.build();
            let mut cmd = in_french_args(cmd, "");
            let names: Vec<String> = cmd
                .get_subcommands()
                .map(|s| s.get_name().to_string())
                .collect();
            for name in names {
                cmd = cmd.mut_subcommand(name.as_str(), |s| in_french_args(s, &name));
            }
            cmd
        }
    }
}

/// The language asked for with `--lang` on the command line, if any.
pub fn lang_of_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut args = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = args.next() {
        if a == "--lang" {
            return args.next()?.parse().ok();
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return v.parse().ok();
        }
    }
    None
}

/// A usage error in French, in clap's words otherwise; the text ends with a line end.
pub fn usage_error(e: &clap::Error, lang: Lang) -> String {
    let prefix = super::catalogue::error_prefix(lang);
    if lang == Lang::En {
        return e.render().to_string().replacen("error:", &prefix, 1);
    }
    let text = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut out = match e.kind() {
        ErrorKind::InvalidValue => {
            let mut m = format!("valeur « {value} » invalide pour {arg}");
            if let Some(valid) = text(ContextKind::ValidValue) {
                m.push_str(&format!(" ; valeurs possibles : {valid}"));
            }
            m
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| format!(" : {s}"))
                .unwrap_or_default();
            format!("valeur « {value} » invalide pour {arg}{why}")
        }
        ErrorKind::UnknownArgument => format!("argument inconnu : {arg}"),
        ErrorKind::InvalidSubcommand => {
            let sub = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("commande inconnue : {sub}")
        }
        ErrorKind::MissingRequiredArgument => format!("il manque : {arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "il manque la commande : validate, screen, report, explain, inspect, review ou intake"
                .to_string()
        }
        ErrorKind::ArgumentConflict => {
            let other = text(ContextKind::PriorArg).unwrap_or_default();
            format!("{arg} ne va pas avec {other}")
        }
        ErrorKind::TooManyValues => {
            format!("{arg} est donné plus d'une fois ou avec trop de valeurs")
        }
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg} attend une valeur")
        }
        _ => return e.render().to_string().replacen("error:", &prefix, 1),
    };
    if let Some(suggested) =
        text(ContextKind::SuggestedArg).or_else(|| text(ContextKind::SuggestedSubcommand))
    {
        out.push_str(&format!(" ; vouliez-vous dire {suggested} ?"));
    }
    let usage = text(ContextKind::Usage)
        .or_else(|| match e.get(ContextKind::Usage) {
            Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
            _ => None,
        })
        .map(|u| u.replacen("Usage:", "Utilisation :", 1))
        .unwrap_or_default();
    let mut text = format!("{prefix} {out}\n");
    if !usage.is_empty() {
        text.push('\n');
        text.push_str(usage.trim_end());
        text.push('\n');
    }
    text.push_str("\nPour en savoir plus : --help\n");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and every option has its French help, and it is not the English one.
    #[test]
    fn every_command_and_option_has_its_french_help() {
        let mut english = command(Lang::En);
        english.build();
        let mut missing = Vec::new();
        let mut check = |name: &str, cmd: &clap::Command| {
            if french(name, None).is_none() {
                missing.push(format!("command `{name}`"));
            }
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                match french(name, Some(id)) {
                    Some(fr) if Some(fr) != a.get_help().map(|h| h.to_string()).as_deref() => {}
                    _ => missing.push(format!("`{name} {id}`")),
                }
            }
        };
        check("", &english);
        for s in english.get_subcommands() {
            check(s.get_name(), s);
        }
        assert!(missing.is_empty(), "no French help: {missing:?}");
    }

    #[test]
    fn lang_is_found_among_the_arguments() {
        let args = |a: &[&str]| -> Vec<std::ffi::OsString> { a.iter().map(|s| s.into()).collect() };
        assert_eq!(
            lang_of_args(&args(&["screen", "--lang", "fr"])),
            Some(Lang::Fr)
        );
        assert_eq!(
            lang_of_args(&args(&["screen", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(lang_of_args(&args(&["screen", "a.yaml"])), None);
    }
}
