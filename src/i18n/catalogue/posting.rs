//! The problems of a posting file, as `validate` and every command that loads a posting tell
//! them. Keys, field types and rule kinds stay as the YAML writes them, in backticks.

messages! {
    /// `"; did you mean `x`?"`, after a message about a near word.
    fn did_you_mean(near: &str) ["title"] {
        fr: " ; vouliez-vous dire `{near}` ?",
        en: "; did you mean `{near}`?",
    }

    /// The last link of a list of choices: `` `a`, `b` or `c` ``.
    fn or() [] {
        fr: "ou",
        en: "or",
    }

    /// A key the schema does not have at this place.
    fn unknown_key(key: &str, context: &str, hint: &str) ["titel", "`posting`", ""] {
        fr: "clé inconnue `{key}` dans {context}{hint}",
        en: "unknown key `{key}` in {context}{hint}",
    }

    /// The keys the schema has at this place, after an unknown key no key looks like.
    fn expected_keys(keys: &str) ["`id` or `title`"] {
        fr: " ; les clés possibles sont {keys}",
        en: "; expected {keys}",
    }

    /// A value outside a fixed list.
    fn unknown_value(value: &str, context: &str, hint: &str) ["yeras", "field `x`", ""] {
        fr: "`{value}` n'est pas une valeur possible dans {context}{hint}",
        en: "`{value}` is not a valid value in {context}{hint}",
    }

    /// The values of the fixed list, after a value none looks like.
    fn expected_values(values: &str) ["`text` or `years`"] {
        fr: " ; les valeurs possibles sont {values}",
        en: "; expected {values}",
    }

    /// A key the schema needs is absent.
    fn missing_key(key: &str, context: &str) ["column", "field `x`"] {
        fr: "il manque la clé `{key}` dans {context}",
        en: "missing key `{key}` in {context}",
    }

    /// Where a value of the wrong kind is: `context: problem`.
    fn in_context(context: &str, problem: &str) ["field `x`", "expected text, found a list"] {
        fr: "{context} : {problem}",
        en: "{context}: {problem}",
    }

    /// A value of the wrong kind: what was expected and what was found.
    fn expected_found(what: &str, found: &str) ["a number", "`x`"] {
        fr: "il faut {what}, pas {found}",
        en: "expected {what}, found {found}",
    }

    /// What was expected or found: a whole number.
    fn a_whole_number() [] {
        fr: "un nombre entier",
        en: "a whole number",
    }

    /// What was expected: a whole number, 0 or more.
    fn a_whole_number_not_negative() [] {
        fr: "un nombre entier, 0 ou plus",
        en: "a whole number, 0 or more",
    }

    /// What was expected: a number.
    fn a_number() [] {
        fr: "un nombre",
        en: "a number",
    }

    /// What was expected: text.
    fn text() [] {
        fr: "du texte",
        en: "text",
    }

    /// What was expected: yes or no.
    fn yes_or_no() [] {
        fr: "oui ou non (`yes` ou `no`)",
        en: "yes or no",
    }

    /// What was expected: a name.
    fn a_name() [] {
        fr: "un nom",
        en: "a name",
    }

    /// What was expected or found: a list.
    fn a_list() [] {
        fr: "une liste",
        en: "a list",
    }

    /// What was expected or found: a YAML mapping.
    fn a_mapping() [] {
        fr: "des paires clé : valeur",
        en: "a mapping",
    }

    /// What was found: nothing.
    fn nothing() [] {
        fr: "rien",
        en: "nothing",
    }

    /// A value where none may be.
    fn nothing_expected() [] {
        fr: "il ne faut rien ici",
        en: "expected nothing here",
    }

    /// The context of a problem inside a field's declaration.
    fn context_field(name: &str) ["years"] {
        fr: "le champ `{name}`",
        en: "field `{name}`",
    }

    /// The context of a problem inside a rule.
    fn context_rule(id: &str) ["master"] {
        fr: "la règle `{id}`",
        en: "rule `{id}`",
    }

    /// The context of a problem inside a rule without an id.
    fn context_rule_without_id() [] {
        fr: "une règle sans `id`",
        en: "a rule without `id`",
    }

    /// The context of a problem inside the synonyms of a term.
    fn context_synonyms(term: &str) ["licence"] {
        fr: "les synonymes de `{term}`",
        en: "synonyms of `{term}`",
    }

    /// The file is larger than a posting may be.
    fn posting_too_big(most: usize) [1048576] {
        fr: "le fichier fait plus des {most} octets (1 Mio) qu'une annonce peut avoir",
        en: "the file is more than the {most} bytes (1 MiB) a posting may have",
    }

    /// The file is not UTF-8 text.
    fn posting_not_utf8() [] {
        fr: "le fichier n'est pas du texte UTF-8 ; est-ce bien une annonce ? (enregistrez-la en UTF-8)",
        en: "the file is not UTF-8 text; is it a posting? (save it as UTF-8)",
    }

    /// The file holds a NUL byte.
    fn posting_nul_byte() [] {
        fr: "un octet NUL : le fichier n'est pas un texte YAML",
        en: "a NUL byte: the file is not a YAML text file",
    }

    /// The file is empty.
    fn posting_empty() [] {
        fr: "le fichier est vide ; une annonce a besoin au moins de `posting:`, `fields:` et d'une règle",
        en: "the file is empty; a posting needs at least `posting:`, `fields:` and one rule",
    }

    /// A second YAML document in the file.
    fn second_document() [] {
        fr: "un second document YAML commence ici ; un fichier d'annonce n'en contient qu'un",
        en: "a second YAML document starts here; a posting file holds one document",
    }

    /// An alias without its anchor.
    fn alias_without_anchor() [] {
        fr: "cet alias ne renvoie à aucune ancre",
        en: "this alias names no anchor",
    }

    /// A YAML tag.
    fn yaml_tags() [] {
        fr: "les étiquettes YAML (`!tag`) ne sont pas acceptées dans une annonce",
        en: "YAML tags are not supported in postings",
    }

    /// A list that does not close.
    fn unbalanced_list() [] {
        fr: "liste mal fermée",
        en: "unbalanced list",
    }

    /// A mapping that does not close.
    fn unbalanced_mapping() [] {
        fr: "suite de clés mal fermée",
        en: "unbalanced mapping",
    }

    /// The top of the file is not a mapping of sections.
    fn top_level_sections() [] {
        fr: "le premier niveau du fichier doit être fait de sections : `posting:`, `fields:`, `requirements:` …",
        en: "the top level must be a mapping with `posting:`, `fields:`, `requirements:` …",
    }

    /// The file holds no YAML document.
    fn no_document() [] {
        fr: "le fichier ne contient aucun document YAML",
        en: "the file holds no YAML document",
    }

    /// Aliases expand to more values than a posting may hold.
    fn too_many_values(most: usize) [10000] {
        fr: "une fois ses alias développés, l'annonce contient plus de {most} valeurs",
        en: "the posting holds more than {most} values once its aliases are expanded",
    }

    /// Lists and mappings nested too deep.
    fn too_deep(most: usize) [64] {
        fr: "une imbrication de plus de {most} niveaux n'est pas acceptée",
        en: "nesting deeper than {most} levels is not supported",
    }

    /// A key that is a list or a mapping.
    fn key_not_plain() [] {
        fr: "une clé doit être un simple texte",
        en: "a mapping key must be plain text",
    }

    /// The same key twice in one mapping.
    fn duplicate_key(key: &str, line: usize) ["title", 3] {
        fr: "la clé `{key}` figure deux fois (d'abord à la ligne {line})",
        en: "duplicate key `{key}` (first written at line {line})",
    }

    /// A tab in the indentation.
    fn tab_indentation() [] {
        fr: "une tabulation sert à l'indentation ; en YAML, on indente avec des espaces seulement",
        en: "a tab is used for indentation; YAML indents with spaces only",
    }

    /// What the YAML reader could not read, in its own words.
    fn invalid_yaml(why: &str) ["did not find expected key"] {
        fr: "YAML invalide (le lecteur YAML dit : « {why} »)",
        en: "invalid YAML: {why}",
    }

    /// The top level of a readable YAML file is not a mapping.
    fn top_level_mapping() [] {
        fr: "le premier niveau doit être fait de paires clé : valeur",
        en: "the top level must be a mapping",
    }

    /// A top-level key that is no section.
    fn unknown_section(section: &str, hint: &str) ["field", ""] {
        fr: "section inconnue `{section}`{hint}",
        en: "unknown section `{section}`{hint}",
    }

    /// The sections there are, after an unknown one no section looks like.
    fn sections_are(sections: &str) ["`posting` or `fields`"] {
        fr: " ; les sections sont {sections}",
        en: "; sections are {sections}",
    }

    /// No `posting` section.
    fn missing_posting() [] {
        fr: "il manque la section `posting` (avec au moins `id` et `title`)",
        en: "missing section `posting` (with at least `id` and `title`)",
    }

    /// No `fields` section.
    fn missing_fields() [] {
        fr: "il manque la section `fields` : les colonnes que lisent les règles",
        en: "missing section `fields`: the columns the rules read",
    }

    /// More rules than a posting may have.
    fn too_many_rules(count: usize, most: usize) [120, 100] {
        fr: "l'annonce a {count} exigences et préférences, plus que les {most} qu'une annonce peut avoir",
        en: "the posting has {count} requirements and preferences, more than the {most} a posting may have",
    }

    /// Neither requirements nor preferences.
    fn no_rule() [] {
        fr: "une annonce a besoin d'au moins une règle sous `requirements` ou `preferences`",
        en: "a posting needs at least one rule under `requirements` or `preferences`",
    }

    /// An `on_time` rule in a posting without a deadline.
    fn on_time_without_deadline() [] {
        fr: "`on_time` compare avec `posting.deadline`, mais l'annonce n'a pas de date limite",
        en: "`on_time` compares with `posting.deadline`, but the posting has no deadline",
    }

    /// An empty `posting.id` or `posting.title`.
    fn posting_key_empty(key: &str) ["title"] {
        fr: "`posting.{key}` est vide",
        en: "`posting.{key}` is empty",
    }

    /// `openings: 0`.
    fn openings_zero() [] {
        fr: "`openings` doit valoir au moins 1",
        en: "`openings` must be at least 1",
    }

    /// A language the tool does not speak.
    fn bad_language(value: &str) ["de"] {
        fr: "`language` vaut `fr` ou `en`, pas `{value}`",
        en: "`language` is `fr` or `en`, not `{value}`",
    }

    /// A deadline whose date does not exist.
    fn deadline_not_a_date(value: &str) ["2024-02-30"] {
        fr: "`deadline` : le `{value}` n'existe pas au calendrier",
        en: "`deadline`: `{value}` is not a real date",
    }

    /// A deadline whose time of day does not exist.
    fn deadline_not_a_time(value: &str) ["25:00"] {
        fr: "`deadline` : `{value}` n'est pas une heure qui existe",
        en: "`deadline`: `{value}` is not a real time of day",
    }

    /// A deadline that cannot be read.
    fn deadline_form(value: &str) ["demain"] {
        fr: "`deadline` : `{value}` ne se lit pas comme une date ; écrivez `2024-02-23` ou `2024-02-23T12:00:00Z`",
        en: "`deadline`: cannot read `{value}`; write `2024-02-23` or `2024-02-23T12:00:00Z`",
    }

    /// A phone country code no numbering plan has.
    fn bad_phone_country(value: &str) ["+999"] {
        fr: "`phone_country` est un indicatif de pays comme `+223`, pas `{value}`",
        en: "`phone_country` is a country calling code such as `+223`, not `{value}`",
    }

    /// A time zone that is neither an IANA name nor an offset.
    fn bad_zone(value: &str, hint: &str) ["Bamako", ""] {
        fr: "`{value}` n'est pas un fuseau horaire ; écrivez un nom IANA comme `Africa/Bamako`, ou un décalage comme `UTC` ou `+01:00`{hint}",
        en: "`{value}` is not a time zone; write an IANA name such as `Africa/Bamako`, or an offset such as `UTC` or `+01:00`{hint}",
    }

    /// `fields` that is not a mapping.
    fn fields_not_mapping() [] {
        fr: "`fields` associe à chaque nom de champ sa colonne et son type : nom -> {{ column, type }}",
        en: "`fields` must be a mapping: name -> {{ column, type }}",
    }

    /// `fields` without a field.
    fn fields_empty() [] {
        fr: "`fields` est vide : déclarez les colonnes que lisent les règles",
        en: "`fields` is empty: declare the columns the rules read",
    }

    /// A field name of several words.
    fn field_name_spaces(name: &str) ["years field"] {
        fr: "le nom de champ `{name}` doit être un seul mot, sans espace (par exemple `annees_terrain`)",
        en: "field name `{name}` must be one word, without spaces (e.g. `years_field`)",
    }

    /// A field whose `column` is empty.
    fn column_empty(name: &str) ["years"] {
        fr: "champ `{name}` : `column` est vide",
        en: "field `{name}`: `column` is empty",
    }

    /// An option of one field type on a field of another.
    fn option_for_type(name: &str, key: &str, wants: &str, kind: &str) ["years", "separator", "list", "years"] {
        fr: "champ `{name}` : `{key}` s'applique aux champs de type `{wants}`, et `{name}` est de type `{kind}`",
        en: "field `{name}`: `{key}` applies to `{wants}` fields, and `{name}` is `{kind}`",
    }

    /// A list field whose separator is empty.
    fn separator_empty(name: &str) ["languages"] {
        fr: "champ `{name}` : `separator` est vide",
        en: "field `{name}`: `separator` is empty",
    }

    /// `blank: yes` on a yes/no field.
    fn blank_only_no(name: &str) ["moto"] {
        fr: "champ `{name}` : `blank` ne peut valoir que `no` (une case non cochée se lit non)",
        en: "field `{name}`: `blank` can only be `no` (a blank checkbox reads no)",
    }

    /// A rule or section that names a field no one declared.
    fn undeclared_field(what: &str, field: &str, hint: &str) ["`years`", "annees", ""] {
        fr: "{what} lit le champ `{field}`, qui n'est pas déclaré dans `fields`{hint}",
        en: "{what} reads field `{field}`, which is not declared in `fields`{hint}",
    }

    /// A rule or section that names a field of a type it cannot read.
    fn wrong_field_type(what: &str, types: &str, field: &str, kind: &str, line: usize)
        ["`years`", "`years`", "degree", "degree", 12]
    {
        fr: "{what} demande un champ de type {types}, mais `{field}` est de type `{kind}` (ligne {line})",
        en: "{what} needs a field of type {types}, but `{field}` is of type `{kind}` (line {line})",
    }

    /// `duplicates.by` without a field.
    fn duplicates_by_empty() [] {
        fr: "`duplicates.by` ne nomme aucun champ",
        en: "`duplicates.by` names no field",
    }

    /// `duplicates` without the submission time it orders by.
    fn duplicates_without_submitted_at() [] {
        fr: "`duplicates` garde la candidature la plus récente ou la plus ancienne, ce qui demande `candidate.submitted_at`",
        en: "`duplicates` keeps the latest or earliest submission, which needs `candidate.submitted_at`",
    }

    /// `requirements` or `preferences` that is not a list.
    fn rules_not_list(section: &str) ["requirements"] {
        fr: "`{section}` doit être une liste de règles (`- id: …`)",
        en: "`{section}` must be a list of rules (`- id: …`)",
    }

    /// A rule whose `id` is empty.
    fn rule_id_empty() [] {
        fr: "l'`id` de la règle est vide",
        en: "rule `id` is empty",
    }

    /// A top-level rule without `id`.
    fn rule_without_id() [] {
        fr: "cette règle n'a pas d'`id` ; chaque règle de premier niveau en a besoin",
        en: "this rule has no `id`; every top-level rule needs one",
    }

    /// A requirement with points.
    fn requirement_with_weight(id: &str) ["master"] {
        fr: "l'exigence `{id}` a un `weight` ; une exigence doit être remplie et ne donne pas de points (déplacez-la dans `preferences`)",
        en: "requirement `{id}` has a `weight`; requirements must pass and carry no points (move it to `preferences`)",
    }

    /// A preference without points.
    fn preference_without_weight(id: &str) ["wash"] {
        fr: "la préférence `{id}` a besoin d'un `weight` (ses points)",
        en: "preference `{id}` needs a `weight` (its points)",
    }

    /// A preference whose points are not positive.
    fn weight_not_positive(id: &str, weight: f64) ["wash", -1.0] {
        fr: "préférence `{id}` : `weight` doit être un nombre positif, pas {weight}",
        en: "preference `{id}`: `weight` must be a positive number, not {weight}",
    }

    /// Two rules with one id.
    fn duplicate_rule_id(id: &str, line: usize) ["master", 20] {
        fr: "l'identifiant de règle `{id}` est déjà pris (ligne {line})",
        en: "duplicate rule id `{id}` (first used at line {line})",
    }

    /// Points on a rule inside a preference.
    fn weight_inside(context: &str) ["rule `wash`"] {
        fr: "{context} : `weight` se met sur la préférence elle-même, pas sur une règle qu'elle contient",
        en: "{context}: `weight` goes on the preference itself, not on a rule inside it",
    }

    /// A rule without its kind.
    fn no_rule_kind(context: &str, kinds: &str) ["rule `wash`", "`years` or `degree`"] {
        fr: "{context} n'a pas de type de règle ; ajoutez-en un : {kinds}",
        en: "{context} has no rule kind; add one of {kinds}",
    }

    /// A rule of two kinds.
    fn two_rule_kinds(context: &str, a: &str, b: &str) ["rule `wash`", "years", "degree"] {
        fr: "{context} a deux types de règle, `{a}` et `{b}` ; une règle en a exactement un (combinez des règles avec `all_of` ou `any_of`)",
        en: "{context} has two rule kinds, `{a}` and `{b}`; a rule has exactly one (combine rules with `all_of` or `any_of`)",
    }

    /// A rule kind written as a YAML 1.1 yes.
    fn rule_kind_yes(key: &str, context: &str) ["yes", "rule `moto`"] {
        fr: "`{key}` n'est pas un type de règle dans {context} ; écrivez `is_yes: CHAMP` (les outils YAML 1.1 lisent `{key}` comme un booléen)",
        en: "`{key}` is not a rule kind in {context}; write `is_yes: FIELD` (YAML 1.1 tools read `{key}` as a boolean)",
    }

    /// A rule kind written as a YAML 1.1 no.
    fn rule_kind_no(key: &str, context: &str) ["no", "rule `moto`"] {
        fr: "`{key}` n'est pas un type de règle dans {context} ; écrivez `is_no: CHAMP` (les outils YAML 1.1 lisent `{key}` comme un booléen)",
        en: "`{key}` is not a rule kind in {context}; write `is_no: FIELD` (YAML 1.1 tools read `{key}` as a boolean)",
    }

    /// A rule kind written as a YAML 1.1 on or off.
    fn rule_kind_on(key: &str, context: &str) ["on", "rule `delai`"] {
        fr: "`{key}` n'est pas un type de règle dans {context} ; vouliez-vous dire `on_time` ? (les outils YAML 1.1 lisent `{key}` comme un booléen)",
        en: "`{key}` is not a rule kind in {context}; did you mean `on_time`? (YAML 1.1 tools read `{key}` as a boolean)",
    }

    /// A rule kind the schema does not have.
    fn unknown_rule_kind(key: &str, context: &str, hint: &str) ["yaers", "rule `x`", ""] {
        fr: "type de règle inconnu `{key}` dans {context}{hint}",
        en: "unknown rule kind `{key}` in {context}{hint}",
    }

    /// The rule kinds there are, after an unknown one none looks like.
    fn rule_kinds_are(kinds: &str) ["`years` or `degree`"] {
        fr: " ; les types de règle sont {kinds}",
        en: "; rule kinds are {kinds}",
    }

    /// A degree level that does not exist.
    fn bad_level(value: &str, levels: &str) ["doctorat2", "`bac` or `licence`"] {
        fr: "`{value}` n'est pas un niveau de diplôme ; les niveaux sont {levels}, ou un nom de diplôme comme `licence`",
        en: "`{value}` is not a degree level; levels are {levels}, or a diploma name such as `licence`",
    }

    /// A `degree` rule that checks nothing.
    fn degree_needs() [] {
        fr: "`degree` demande `min_level`, `subjects`, ou les deux",
        en: "`degree` needs `min_level`, `subjects`, or both",
    }

    /// `full_at` below `min`.
    fn full_at_below_min(full_at: f64, min: f64) [2.0, 3.0] {
        fr: "`full_at` ({full_at}) est inférieur à `min` ({min}) ; les points croissent de `min` jusqu'à `full_at`",
        en: "`full_at` ({full_at}) is below `min` ({min}); credit grows from `min` up to `full_at`",
    }

    /// `full_at` in a requirement.
    fn full_at_in_requirement() [] {
        fr: "`full_at` donne des points partiels aux préférences ; dans une exigence, il est sans effet",
        en: "`full_at` gives partial credit to preferences; it has no effect in a requirement",
    }

    /// A `number` rule without bounds.
    fn number_needs() [] {
        fr: "`number` demande `min`, `max`, ou les deux",
        en: "`number` needs `min`, `max`, or both",
    }

    /// A `number` rule whose bounds cross.
    fn min_above_max(min: f64, max: f64) [5.0, 3.0] {
        fr: "`number` : `min` ({min}) est supérieur à `max` ({max})",
        en: "`number`: `min` ({min}) is above `max` ({max})",
    }

    /// `all_of` or `any_of` without rules.
    fn empty_rule_list(context: &str) ["rule `x`"] {
        fr: "{context} : la liste de règles est vide",
        en: "{context}: the list of rules is empty",
    }

    /// A negative or infinite amount.
    fn not_an_amount(what: &str, value: f64) ["`years.min`", -1.0] {
        fr: "{what} doit être un nombre, 0 ou plus, pas {value}",
        en: "{what} must be a number, 0 or more, not {value}",
    }

    /// More years than any cell reads.
    fn too_many_years(what: &str, years: f64, most: f64) ["`years.min`", 90.0, 60.0] {
        fr: "{what} vaut {years} : aucune cellule n'est lue comme plus de {most} ans",
        en: "{what} is {years}: no cell is read as more than {most} years",
    }

    /// An empty text in a list of texts.
    fn empty_text(what: &str) ["`one_of.values`"] {
        fr: "{what} contient un texte vide",
        en: "{what} holds an empty text",
    }

    /// An empty list.
    fn empty_list(what: &str) ["`one_of.values`"] {
        fr: "{what} est vide",
        en: "{what} is empty",
    }

    /// `shortlist.size: 0`.
    fn shortlist_size_zero() [] {
        fr: "`shortlist.size` doit valoir au moins 1",
        en: "`shortlist.size` must be at least 1",
    }

    /// A `tie_break` entry of more than two words.
    fn tie_break_form(entry: &str) ["score up down"] {
        fr: "l'entrée `{entry}` de `tie_break` n'est pas de la forme `CLÉ asc` ou `CLÉ desc`",
        en: "`tie_break` entry `{entry}` is not `KEY asc` or `KEY desc`",
    }

    /// A `tie_break` order that is neither `asc` nor `desc`.
    fn tie_break_order(order: &str) ["up"] {
        fr: "`tie_break` : l'ordre est `asc` ou `desc`, pas `{order}`",
        en: "`tie_break`: the order is `asc` or `desc`, not `{order}`",
    }

    /// `synonyms` that is not a mapping.
    fn synonyms_not_mapping() [] {
        fr: "`synonyms` associe à chaque terme ses autres graphies : terme -> [autres graphies]",
        en: "`synonyms` must be a mapping: term -> [other spellings]",
    }

    /// An unquoted word that YAML 1.1 reads as a boolean, used as text.
    fn yaml11_boolean(text: &str) ["no"] {
        fr: "`{text}` sans guillemets se lit ici comme du texte, mais les outils YAML 1.1 le lisent comme un booléen ; mettez-le entre guillemets : `'{text}'`",
        en: "unquoted `{text}` is read as the text \"{text}\", but YAML 1.1 tools read it as a boolean; quote it: `'{text}'`",
    }

    /// A posting with errors, given to a command that uses it.
    fn posting_invalid(path: &str, errors: &str) ["p.yaml", "2 errors"] {
        fr: "{path} : l'annonce n'est pas valide ({errors}) ; shortlist validate {path} en donne le détail",
        en: "{path}: the posting is invalid ({errors}); shortlist validate {path} gives the details",
    }

    /// A column a field reads that the header of the file given with `--against` lacks.
    fn column_not_in_header(column: &str, field: &str, path: &str, hint: &str) ["Diplome", "degree", "c.csv", ""] {
        fr: "la colonne `{column}` du champ `{field}` n'est pas dans l'en-tête de {path}{hint}",
        en: "column `{column}` of field `{field}` is not in the header of {path}{hint}",
    }

    /// A requirement that no row of the file given with `--against` passes.
    fn requirement_passes_no_row(id: &str, path: &str) ["master", "c.csv"] {
        fr: "aucune ligne de {path} ne remplit l'exigence `{id}` : vérifiez son seuil",
        en: "requirement `{id}` passes no row of {path}: check its threshold",
    }
}
