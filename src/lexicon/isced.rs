//! Fields of study after ISCED-F 2013, UNESCO's fields of education and training: broad (two
//! digits), narrow (three) and detailed (four) fields, with finer subjects of the lexicon's own
//! below some detailed fields. Each has its French and English names, usual word forms, and
//! the diplomas that imply it. [`named`] finds the fields a diploma text names.

use super::{word_matches, words};
use rustc_hash::FxHashMap;

/// One field of the tree.
pub struct Field {
    /// The ISCED-F code (`0912`), or the parent's code and a letter for a finer subject.
    pub code: &'static str,
    /// The field above, by code; none for a broad field.
    pub parent: Option<&'static str>,
    /// French name, English name, then word forms and diplomas that imply the field.
    pub names: &'static [&'static str],
}

const fn field(
    code: &'static str,
    parent: Option<&'static str>,
    names: &'static [&'static str],
) -> Field {
    Field {
        code,
        parent,
        names,
    }
}

/// The tree, broad fields first within each branch. Broad fields have no parent; a narrow
/// field's parent is its broad field, a detailed field's its narrow one. The codes and names
/// are ISCED-F 2013's; "not elsewhere classified" and inter-disciplinary fields are left out.
#[rustfmt::skip]
pub const FIELDS: &[Field] = &[
    // 00 Generic programmes and qualifications.
    field("00", None, &["programmes génériques", "generic programmes"]),
    field("001", Some("00"), &["programmes de base", "basic programmes and qualifications"]),
    // General secondary certificates: their holders studied no field of their own.
    field("0011", Some("001"), &["formation de base", "basic programmes", "DEF", "diplôme d'études fondamentales", "BEPC", "CEP", "baccalauréat", "bac", "bac général", "high school", "high school diploma", "secondary school"]),
    field("002", Some("00"), &["alphabétisation et calcul", "literacy and numeracy"]),
    field("0021", Some("002"), &["alphabétisation", "literacy", "numeracy"]),
    field("003", Some("00"), &["développement personnel", "personal skills and development"]),
    field("0031", Some("003"), &["compétences personnelles", "personal skills"]),
    // 01 Education.
    field("01", None, &["éducation", "education"]),
    field("011", Some("01"), &["sciences de l'éducation et formation des enseignants", "education"]),
    field("0111", Some("011"), &["sciences de l'éducation", "education science", "pédagogie", "pedagogy", "didactique"]),
    field("0112", Some("011"), &["éducation préscolaire", "training for pre-school teachers", "éducatrice de jeunes enfants"]),
    field("0113", Some("011"), &["formation des enseignants", "teacher training", "instituteur", "enseignement fondamental", "ENSup", "école normale"]),
    field("0114", Some("011"), &["formation des professeurs", "teacher training with subject specialisation", "professorat"]),
    // 02 Arts and humanities.
    field("02", None, &["arts et humanités", "arts and humanities", "sciences humaines", "humanities"]),
    field("021", Some("02"), &["arts", "arts"]),
    field("0211", Some("021"), &["techniques audiovisuelles", "audio-visual techniques and media production", "audiovisuel", "multimédia"]),
    field("0212", Some("021"), &["design", "fashion, interior and industrial design", "stylisme"]),
    field("0213", Some("021"), &["beaux-arts", "fine arts", "arts plastiques"]),
    field("0214", Some("021"), &["artisanat", "handicrafts"]),
    field("0215", Some("021"), &["musique et arts du spectacle", "music and performing arts", "musique", "music", "théâtre"]),
    field("022", Some("02"), &["lettres et sciences humaines", "humanities except languages"]),
    field("0221", Some("022"), &["religion et théologie", "religion and theology", "théologie", "theology", "sciences islamiques"]),
    field("0222", Some("022"), &["histoire et archéologie", "history and archaeology", "histoire", "history", "archéologie"]),
    field("0223", Some("022"), &["philosophie", "philosophy", "éthique", "ethics"]),
    field("023", Some("02"), &["langues", "languages"]),
    field("0231", Some("023"), &["apprentissage des langues", "language acquisition", "anglais", "english", "langue anglaise", "traduction", "translation", "interprétariat"]),
    field("0232", Some("023"), &["lettres et linguistique", "literature and linguistics", "lettres", "lettres modernes", "littérature", "literature", "linguistique", "linguistics"]),
    // 03 Social sciences, journalism and information.
    field("03", None, &["sciences sociales, journalisme et information", "social sciences, journalism and information"]),
    field("031", Some("03"), &["sciences sociales", "social sciences", "social science", "sciences sociales et du comportement", "social and behavioural sciences"]),
    field("0311", Some("031"), &["économie", "economics", "sciences économiques", "économiste", "économie du développement"]),
    field("0312", Some("031"), &["sciences politiques", "political sciences", "political science", "science politique", "relations internationales", "international relations"]),
    field("0313", Some("031"), &["psychologie", "psychology", "psychologue"]),
    field("0314", Some("031"), &["sociologie et études culturelles", "sociology and cultural studies", "études culturelles", "cultural studies"]),
    field("0314a", Some("0314"), &["sociologie", "sociology", "sociologue", "socio"]),
    field("0314b", Some("0314"), &["anthropologie", "anthropology", "anthropologue", "ethnologie"]),
    field("0314c", Some("0314"), &["démographie", "demography", "études de population", "population studies"]),
    field("0314d", Some("0314"), &["géographie", "geography", "géographe", "aménagement du territoire"]),
    field("0314e", Some("0314"), &["études de genre", "gender studies", "genre et développement"]),
    field("032", Some("03"), &["journalisme et information", "journalism and information"]),
    field("0321", Some("032"), &["journalisme", "journalism and reporting", "journalism", "communication", "sciences de la communication", "communication for development"]),
    field("0322", Some("032"), &["bibliothéconomie et archivistique", "library, information and archival studies", "documentation", "archivistique"]),
    // 04 Business, administration and law.
    field("04", None, &["commerce, administration et droit", "business, administration and law"]),
    field("041", Some("04"), &["commerce et administration", "business and administration"]),
    field("0411", Some("041"), &["comptabilité et fiscalité", "accounting and taxation", "comptabilité", "comptable", "sciences comptables", "gestion comptable", "accounting", "accountancy", "fiscalité", "taxation", "audit", "contrôle de gestion", "expertise comptable", "DESCF", "DECF", "DEC", "CCA"]),
    field("0412", Some("041"), &["finance, banque et assurance", "finance, banking and insurance", "finance", "finances", "financière", "gestion financière", "banque", "banking", "assurance", "insurance", "microfinance"]),
    field("0413", Some("041"), &["gestion et administration", "management and administration", "gestion", "management", "administration des affaires", "business administration", "gestion des entreprises", "gestion des ressources humaines", "ressources humaines", "human resources", "GRH", "gestion de projets", "gestion des projets", "project management", "administration publique", "public administration", "logistique", "logistics", "MBA"]),
    field("0414", Some("041"), &["marketing et publicité", "marketing and advertising", "marketing", "publicité", "advertising"]),
    field("0415", Some("041"), &["secrétariat et travail de bureau", "secretarial and office work", "secrétariat", "secretarial", "bureautique", "assistant de direction"]),
    field("0416", Some("041"), &["commerce de gros et de détail", "wholesale and retail sales", "commerce", "vente"]),
    field("0417", Some("041"), &["compétences professionnelles", "work skills"]),
    field("042", Some("04"), &["droit", "law"]),
    field("0421", Some("042"), &["droit", "law", "sciences juridiques", "juriste", "droit public", "droit privé", "droit des affaires", "legal studies"]),
    // 05 Natural sciences, mathematics and statistics.
    field("05", None, &["sciences naturelles, mathématiques et statistiques", "natural sciences, mathematics and statistics"]),
    field("051", Some("05"), &["sciences biologiques", "biological and related sciences"]),
    field("0511", Some("051"), &["biologie", "biology", "sciences naturelles", "biologie animale", "biologie végétale"]),
    field("0512", Some("051"), &["biochimie", "biochemistry"]),
    field("052", Some("05"), &["environnement", "environment"]),
    field("0521", Some("052"), &["sciences de l'environnement", "environmental sciences", "environmental science", "environnement"]),
    field("0522", Some("052"), &["milieux naturels et faune sauvage", "natural environments and wildlife", "faune", "wildlife"]),
    field("053", Some("05"), &["sciences physiques", "physical sciences"]),
    field("0531", Some("053"), &["chimie", "chemistry"]),
    field("0532", Some("053"), &["sciences de la terre", "earth sciences", "géologie", "geology", "hydrogéologie", "hydrogeology"]),
    field("0533", Some("053"), &["physique", "physics"]),
    field("054", Some("05"), &["mathématiques et statistiques", "mathematics and statistics"]),
    field("0541", Some("054"), &["mathématiques", "mathematics", "maths"]),
    field("0542", Some("054"), &["statistiques", "statistics", "statistique", "statisticien", "biostatistique", "biostatistics"]),
    // 06 Information and Communication Technologies.
    field("06", None, &["technologies de l'information et de la communication", "information and communication technologies", "TIC", "ICT"]),
    field("061", Some("06"), &["informatique", "computer science", "informatics"]),
    field("0611", Some("061"), &["utilisation de l'ordinateur", "computer use"]),
    field("0612", Some("061"), &["bases de données et réseaux", "database and network design and administration", "réseaux informatiques", "networks", "bases de données"]),
    field("0613", Some("061"), &["développement de logiciels", "software and applications development and analysis", "génie logiciel", "software engineering", "programmation", "programming"]),
    // 07 Engineering, manufacturing and construction.
    field("07", None, &["ingénierie, industries de transformation et construction", "engineering, manufacturing and construction"]),
    field("071", Some("07"), &["ingénierie et techniques apparentées", "engineering and engineering trades", "engineering"]),
    field("0711", Some("071"), &["génie chimique", "chemical engineering and processes", "chemical engineering"]),
    field("0712", Some("071"), &["technologies de protection de l'environnement", "environmental protection technology", "génie de l'environnement", "environmental engineering", "eau et assainissement", "water and sanitation", "WASH", "eau hygiène et assainissement", "EHA"]),
    field("0712a", Some("0712"), &["hydraulique", "hydraulics", "water engineering", "génie hydraulique", "hydrologie", "hydrology", "ressources en eau", "water resources"]),
    field("0713", Some("071"), &["électricité et énergie", "electricity and energy", "électricité", "électrotechnique", "énergie", "energy", "énergies renouvelables"]),
    field("0714", Some("071"), &["électronique et automatisation", "electronics and automation", "électronique", "electronics", "automatisme", "télécommunications", "telecommunications"]),
    field("0715", Some("071"), &["mécanique et métallurgie", "mechanics and metal trades", "mécanique", "mechanical engineering", "génie mécanique"]),
    field("0716", Some("071"), &["véhicules à moteur, navires et aéronefs", "motor vehicles, ships and aircraft", "mécanique automobile", "automotive"]),
    field("072", Some("07"), &["industries de transformation", "manufacturing and processing"]),
    field("0721", Some("072"), &["industries alimentaires", "food processing", "technologie alimentaire", "food technology"]),
    field("0722", Some("072"), &["matériaux", "materials"]),
    field("0723", Some("072"), &["textile", "textiles", "couture"]),
    field("0724", Some("072"), &["mines et extraction", "mining and extraction", "mines", "mining", "génie minier"]),
    field("073", Some("07"), &["architecture et construction", "architecture and construction"]),
    field("0731", Some("073"), &["architecture et urbanisme", "architecture and town planning", "architecture", "urbanisme", "town planning"]),
    field("0732", Some("073"), &["bâtiment et génie civil", "building and civil engineering", "génie civil", "civil engineering", "bâtiment", "travaux publics", "BTP", "génie rural"]),
    // 08 Agriculture, forestry, fisheries and veterinary.
    field("08", None, &["agriculture, sylviculture, halieutique et sciences vétérinaires", "agriculture, forestry, fisheries and veterinary"]),
    field("081", Some("08"), &["agriculture", "agriculture", "agronomie", "agronomy", "agronome", "développement rural", "rural development"]),
    field("0811", Some("081"), &["production agricole et animale", "crop and livestock production", "élevage", "livestock", "zootechnie", "production animale", "production végétale"]),
    field("0812", Some("081"), &["horticulture", "horticulture", "maraîchage"]),
    field("082", Some("08"), &["sylviculture", "forestry"]),
    field("0821", Some("082"), &["foresterie", "forestry", "eaux et forêts"]),
    field("083", Some("08"), &["pêche", "fisheries"]),
    field("0831", Some("083"), &["halieutique", "fisheries", "pêche", "aquaculture"]),
    field("084", Some("08"), &["sciences vétérinaires", "veterinary"]),
    field("0841", Some("084"), &["médecine vétérinaire", "veterinary medicine", "vétérinaire", "veterinary", "sciences vétérinaires", "docteur vétérinaire", "DVM"]),
    // 09 Health and welfare.
    field("09", None, &["santé et protection sociale", "health and welfare"]),
    field("091", Some("09"), &["santé", "health", "sciences de la santé", "health sciences"]),
    field("0911", Some("091"), &["études dentaires", "dental studies", "chirurgie dentaire", "odontologie", "odonto-stomatologie", "dentistry", "chirurgien dentiste"]),
    field("0912", Some("091"), &["médecine", "medicine", "médical", "medical", "médecin", "médecine générale", "MD", "MBBS"]),
    field("0913", Some("091"), &["soins infirmiers et obstétrique", "nursing and midwifery"]),
    field("0913a", Some("0913"), &["soins infirmiers", "nursing", "infirmier", "infirmière", "infirmier d'état", "sciences infirmières"]),
    field("0913b", Some("0913"), &["sage-femme", "midwifery", "midwife", "obstétrique", "maïeutique", "sage femme"]),
    field("0914", Some("091"), &["technologie médicale de diagnostic et de traitement", "medical diagnostic and treatment technology", "biologie médicale", "analyses biomédicales", "laboratoire", "laborantin", "technicien de laboratoire", "radiologie", "imagerie médicale", "medical laboratory"]),
    field("0915", Some("091"), &["thérapie et réadaptation", "therapy and rehabilitation", "kinésithérapie", "physiothérapie", "physiotherapy", "rééducation", "orthophonie", "nutrition", "diététique", "dietetics", "nutritionniste"]),
    field("0916", Some("091"), &["pharmacie", "pharmacy", "pharmacien", "doctorat en pharmacie", "sciences pharmaceutiques"]),
    field("0917", Some("091"), &["médecine traditionnelle", "traditional and complementary medicine and therapy", "traditional medicine", "pharmacopée"]),
    field("0919", Some("091"), &["santé, autres", "health not elsewhere classified"]),
    field("0919a", Some("0919"), &["santé publique", "public health", "MPH", "master of public health", "épidémiologie", "epidemiology", "santé publique et épidémiologie"]),
    field("0919b", Some("0919"), &["santé communautaire", "community health", "santé de la reproduction", "reproductive health", "santé maternelle et infantile", "maternal and child health"]),
    field("0919c", Some("0919"), &["technicien supérieur de santé", "senior health technician", "TSS", "technicien supérieur en santé"]),
    field("092", Some("09"), &["protection sociale", "welfare"]),
    field("0921", Some("092"), &["soins aux personnes âgées et handicapées", "care of the elderly and of disabled adults", "gérontologie"]),
    field("0922", Some("092"), &["services à l'enfance et à la jeunesse", "child care and youth services", "petite enfance", "animation jeunesse", "youth work"]),
    field("0923", Some("092"), &["travail social et orientation", "social work and counselling", "travail social", "social work", "assistant social", "assistante sociale", "action sociale", "service social", "counselling", "conseil psychosocial"]),
    field("0923a", Some("0923"), &["développement communautaire", "community development", "animation communautaire", "développement local", "local development"]),
    // 10 Services.
    field("10", None, &["services", "services"]),
    field("101", Some("10"), &["services aux particuliers", "personal services"]),
    field("1011", Some("101"), &["services domestiques", "domestic services"]),
    field("1012", Some("101"), &["coiffure et soins de beauté", "hair and beauty services", "coiffure", "esthétique"]),
    field("1013", Some("101"), &["hôtellerie et restauration", "hotel, restaurants and catering", "hôtellerie", "restauration", "catering"]),
    field("1014", Some("101"), &["sports", "sports", "sport", "éducation physique", "STAPS", "physical education"]),
    field("1015", Some("101"), &["voyages, tourisme et loisirs", "travel, tourism and leisure", "tourisme", "tourism"]),
    field("102", Some("10"), &["hygiène et santé au travail", "hygiene and occupational health services"]),
    field("1021", Some("102"), &["assainissement", "community sanitation", "sanitation", "hygiène et assainissement", "hygiène", "hygiene", "génie sanitaire", "salubrité"]),
    field("1022", Some("102"), &["santé et sécurité au travail", "occupational health and safety", "hygiène sécurité environnement", "HSE", "QHSE"]),
    field("103", Some("10"), &["services de sécurité", "security services"]),
    field("1031", Some("103"), &["défense", "military and defence", "military"]),
    field("1032", Some("103"), &["protection des personnes et des biens", "protection of persons and property", "sécurité", "protection civile"]),
    field("104", Some("10"), &["services de transport", "transport services"]),
    field("1041", Some("104"), &["transport", "transport services", "transport et logistique"]),
];

/// Words of a diploma text that name neither a field nor a level, yet are understood: they
/// leave the fields the text names as they are.
#[rustfmt::skip]
const UNDERSTOOD: &[&str] = &[
    "diplome", "diplomes", "diploma", "degree", "titulaire", "holder", "option", "options",
    "specialite", "specialisation", "specialization", "specialty", "filiere", "parcours",
    "mention", "universite", "university", "faculte", "faculty", "ecole", "school", "institut",
    "institute", "obtenu", "obtained", "etudes", "studies", "superieures", "superieur",
    "superieure", "professionnel", "professionnelle", "professional", "recherche", "research",
    "generale", "general", "appliquee", "appliquees", "applied", "science", "sciences",
    "domaine", "technicien", "technician", "certificat", "certificate", "brevet", "bachelor",
    "bachelors", "master", "masters", "maitrise", "licence", "license", "doctorat", "docteur",
    "doctor", "phd", "bac", "baccalaureat", "bts", "dut", "deug", "dess", "dea", "msc", "bsc",
    "ba", "ma", "mba", "ingenieur", "engineer", "engineering", "l1", "l2", "l3", "m1", "m2",
    "i", "ii", "iii", "ou", "or", "with", "avec", "a", "au", "aux", "pour", "for", "on", "sur",
    "niveau", "level", "cours", "encours", "non", "acheve", "inacheve", "progress", "ongoing",
    "pending", "candidat", "preparation", "medecin", "docteur", "pharmacien", "md",
];

/// Words that name an institution: what follows them is its name.
#[rustfmt::skip]
const INSTITUTIONS: &[&str] = &[
    "universite", "university", "faculte", "faculty", "ecole", "school", "institut",
    "institute", "college", "lycee", "centre", "obtenu", "obtained", "delivre", "awarded",
];

/// The index in [`FIELDS`] of the field with `code`.
fn index_of(code: &str) -> Option<usize> {
    FIELDS.iter().position(|f| f.code == code)
}

/// Whether field `a` is field `b` or below it.
pub fn at_or_below(a: usize, b: usize) -> bool {
    let mut at = Some(a);
    // The tree is at most five deep; the bound keeps a bad table from looping.
    for _ in 0..8 {
        match at {
            Some(i) if i == b => return true,
            Some(i) => at = FIELDS.get(i).and_then(|f| f.parent).and_then(index_of),
            None => return false,
        }
    }
    false
}

/// The words of every name of every field, worked out once.
fn name_words() -> &'static [Vec<Vec<String>>] {
    static WORDS: std::sync::OnceLock<Vec<Vec<Vec<String>>>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        FIELDS
            .iter()
            .map(|f| f.names.iter().map(|n| words(n)).collect())
            .collect()
    })
}

/// The field a posting's subject names: one whose name or word form it is, word for word.
pub fn field_of(subject: &str) -> Option<usize> {
    let own = words(subject);
    if own.is_empty() {
        return None;
    }
    // The most precise field of that name: `sociologie` is the finer subject, not 0314.
    name_words()
        .iter()
        .enumerate()
        .filter(|(_, names)| names.contains(&own))
        .map(|(i, _)| i)
        .max_by_key(|&i| depth(i))
}

/// How many fields stand from field `i` up to its broad field, both counted.
fn depth(i: usize) -> usize {
    let mut d = 0;
    let mut at = Some(i);
    while let Some(here) = at.filter(|_| d < 8) {
        d += 1;
        at = FIELDS.get(here).and_then(|f| f.parent).and_then(index_of);
    }
    d
}

/// What a diploma text says of its fields of study.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Named {
    /// The fields it names, by index in [`FIELDS`]; a name inside a longer one counts only as
    /// the longer (`médecine vétérinaire` is veterinary, not medicine).
    pub fields: Vec<u16>,
    /// Whether some word is neither a field, a level nor a word of diplomas.
    pub unread: bool,
}

/// A field's name found in a text: the field, and the first word and the word after the
/// last that it covers.
type Span = (usize, usize, usize);

/// The names of the fields, indexed by their first word: a text's words are looked up rather
/// than every name tried at every place. A word with a typo is found through its one-letter
/// deletions (a word one edit away shares one with it, or is one).
struct Index {
    /// For each first word of a name: the field and the name's words.
    by_first: FxHashMap<&'static str, Vec<(usize, &'static [String])>>,
    /// For each first word of five letters or more, and each of its one-letter deletions: the
    /// first words they come from.
    deletions: FxHashMap<String, Vec<&'static str>>,
}

fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut by_first: FxHashMap<&'static str, Vec<(usize, &'static [String])>> =
            FxHashMap::default();
        for (i, spellings) in name_words().iter().enumerate() {
            for s in spellings {
                if let Some(first) = s.first() {
                    by_first
                        .entry(first.as_str())
                        .or_default()
                        .push((i, s.as_slice()));
                }
            }
        }
        let mut deletions: FxHashMap<String, Vec<&'static str>> = FxHashMap::default();
        for &first in by_first.keys() {
            if first.chars().count() >= 5 {
                for d in std::iter::once(first.to_string()).chain(one_deleted(first)) {
                    deletions.entry(d).or_default().push(first);
                }
            }
        }
        Index {
            by_first,
            deletions,
        }
    })
}

/// The word with each of its letters left out in turn.
fn one_deleted(w: &str) -> impl Iterator<Item = String> + '_ {
    w.char_indices()
        .map(move |(i, c)| format!("{}{}", &w[..i], &w[i + c.len_utf8()..]))
}

/// Every place a field's name stands in `text`: the field and the span of words it covers.
fn matches(text: &[String]) -> Vec<(usize, usize, usize)> {
    let ix = index();
    let mut found = Vec::new();
    for (start, word) in text.iter().enumerate() {
        // The first words this word may be: itself, and, from five letters, those one edit away.
        let mut firsts: Vec<&str> = Vec::new();
        if ix.by_first.contains_key(word.as_str()) {
            firsts.push(word);
        }
        if word.chars().count() >= 5 {
            for d in std::iter::once(word.clone()).chain(one_deleted(word)) {
                for &f in ix.deletions.get(&d).into_iter().flatten() {
                    if !firsts.contains(&f) && word_matches(f, word) {
                        firsts.push(f);
                    }
                }
            }
        }
        for first in firsts {
            for &(field, name) in ix.by_first.get(first).into_iter().flatten() {
                let Some(here) = text.get(start..start + name.len()) else {
                    continue;
                };
                if name.iter().zip(here).all(|(a, b)| word_matches(a, b)) {
                    found.push((field, start, start + name.len()));
                }
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// [`matches`] by trying every name at every place: the plain twin of the index.
#[cfg(test)]
fn matches_plainly(text: &[String]) -> Vec<(usize, usize, usize)> {
    let mut found = Vec::new();
    for (i, spellings) in name_words().iter().enumerate() {
        for s in spellings {
            for start in 0..text.len() {
                let Some(here) = text.get(start..start + s.len()) else {
                    continue;
                };
                if !s.is_empty() && s.iter().zip(here).all(|(a, b)| word_matches(a, b)) {
                    found.push((i, start, start + s.len()));
                }
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// The fields a text (as [`words`]) names, and whether anything is left unread.
pub fn named(text: &[String]) -> Named {
    let found = matches(text);
    let inside = |a: &(usize, usize, usize), b: &(usize, usize, usize)| {
        b.1 <= a.1 && a.2 <= b.2 && (b.2 - b.1) > (a.2 - a.1)
    };
    // `Bac + 3` is a level, not the general baccalauréat.
    let level = |m: &(usize, usize, usize)| {
        FIELDS.get(m.0).is_some_and(|f| f.code == "0011")
            && text
                .get(m.2)
                .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    };
    let kept: Vec<&(usize, usize, usize)> = found
        .iter()
        .filter(|a| !found.iter().any(|b| inside(a, b)) && !level(a))
        .collect();
    // Two names that share words without one holding the other (`X Y` and `Y Z` in `X Y Z`):
    // the text may be read either way, so neither is taken.
    let crossing = |a: &(usize, usize, usize), b: &(usize, usize, usize)| {
        a.1 < b.2 && b.1 < a.2 && (a.1, a.2) != (b.1, b.2)
    };
    let (kept, ambiguous): (Vec<&Span>, Vec<&Span>) = kept
        .iter()
        .partition(|a| !kept.iter().any(|b| crossing(a, b)));
    let mut fields: Vec<u16> = kept.iter().map(|m| m.0 as u16).collect();
    fields.sort_unstable();
    fields.dedup();
    let covered = |k: usize| kept.iter().any(|m| m.1 <= k && k < m.2);
    // What follows the name of an institution is its name: `Université de Bamako`.
    let institution = text
        .iter()
        .position(|w| INSTITUTIONS.contains(&w.as_str()))
        .unwrap_or(text.len());
    let unread = !ambiguous.is_empty()
        || text.iter().enumerate().take(institution).any(|(k, w)| {
            !covered(k)
                && !UNDERSTOOD.contains(&w.as_str())
                && !w.bytes().all(|b| b.is_ascii_digit())
                && !super::DIPLOMAS
                    .iter()
                    .any(|(d, _)| d.split(' ').any(|dw| dw == w))
        });
    Named { fields, unread }
}

/// How a text's fields stand against a required field: at or below it, only above it (less
/// precise), or elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// A field named is the required one or below it.
    Within,
    /// No field named is within, but one is above it: `santé` for `santé publique`.
    Above,
    /// Every field named is in another branch.
    Elsewhere,
}

/// How the fields named stand against the required field `want`.
pub fn standing(named: &[u16], want: usize) -> Standing {
    let named = named.iter().map(|&f| usize::from(f));
    if named.clone().any(|f| at_or_below(f, want)) {
        Standing::Within
    } else if named.clone().any(|f| at_or_below(want, f)) {
        Standing::Above
    } else {
        Standing::Elsewhere
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_holds_together() {
        for (i, f) in FIELDS.iter().enumerate() {
            assert_eq!(
                FIELDS.iter().filter(|g| g.code == f.code).count(),
                1,
                "{} twice",
                f.code
            );
            match f.parent {
                None => assert_eq!(f.code.len(), 2, "{}", f.code),
                Some(p) => {
                    assert!(index_of(p).is_some(), "{}: no parent {p}", f.code);
                    assert!(f.code.starts_with(p), "{} under {p}", f.code);
                }
            }
            assert!(
                f.names.len() >= 2,
                "{} has a French and an English name",
                f.code
            );
            assert!(at_or_below(i, i));
        }
        let detailed = FIELDS.iter().filter(|f| f.code.len() == 4).count();
        assert!(detailed >= 75, "{detailed} detailed fields");
        assert_eq!(FIELDS.iter().filter(|f| f.code.len() == 2).count(), 11);
    }

    /// Every field is found by each of its names, and a subject naming it resolves to it or
    /// to a field of the same name.
    #[test]
    fn each_field_is_found_by_each_of_its_names() {
        for (i, f) in FIELDS.iter().enumerate() {
            for name in f.names {
                let got = named(&words(name));
                let same = |g: usize| FIELDS[g].names.iter().any(|n| words(n) == words(name));
                assert!(
                    got.fields
                        .iter()
                        .any(|&g| usize::from(g) == i || same(usize::from(g))),
                    "{} `{name}`: {:?}",
                    f.code,
                    got.fields
                        .iter()
                        .map(|&g| FIELDS[usize::from(g)].code)
                        .collect::<Vec<_>>()
                );
                let resolved = field_of(name).map(same);
                assert_eq!(resolved, Some(true), "{} `{name}`", f.code);
            }
        }
    }

    fn codes(text: &str) -> Vec<&'static str> {
        named(&words(text))
            .fields
            .iter()
            .map(|&g| FIELDS[usize::from(g)].code)
            .collect()
    }

    #[test]
    fn names_the_most_precise_field_a_text_holds() {
        for (text, want) in [
            ("Médecine vétérinaire", vec!["0841"]),
            ("Doctorat en médecine", vec!["0912"]),
            ("Master en santé publique", vec!["0919a"]),
            ("Licence en sociolgie", vec!["0314a"]),
            ("Socio-anthropologie", vec!["0314a", "0314b"]),
            (
                "Maîtrise en gestion financière et comptable",
                vec!["0411", "0412"],
            ),
            ("Sciences comptables", vec!["0411"]),
            ("DESCF", vec!["0411"]),
            ("TSS", vec!["0919c"]),
            ("Technicien de santé", vec!["091"]),
            ("Santé", vec!["091"]),
            ("MPH", vec!["0919a"]),
            ("Licence", vec![]),
            ("Bac + 3", vec![]),
            ("Baccalauréat", vec!["0011"]),
            ("DEF", vec!["0011"]),
            ("Géographie", vec!["0314d"]),
        ] {
            assert_eq!(codes(text), want, "{text}");
        }
        assert!(!named(&words("Licence en sociologie, Université de Bamako 2015")).unread);
        assert!(named(&words("Licence en zorglubologie")).unread);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// The index finds what trying every name everywhere finds, typos included.
        #[test]
        fn the_index_finds_what_every_name_tried_finds(
            picks in proptest::collection::vec((0usize..2000, 0usize..12, proptest::bool::ANY), 1..5),
        ) {
            let all: Vec<&str> = FIELDS.iter().flat_map(|f| f.names.iter().copied()).collect();
            let mut text = Vec::new();
            for (k, cut, typo) in picks {
                for w in words(all[k % all.len()]) {
                    // A letter left out now and then: one edit.
                    let w = match w.char_indices().nth(cut) {
                        Some((i, c)) if typo => format!("{}{}", &w[..i], &w[i + c.len_utf8()..]),
                        _ => w,
                    };
                    text.push(w);
                }
            }
            proptest::prop_assert_eq!(matches(&text), matches_plainly(&text));
        }
    }

    #[test]
    fn stands_within_above_or_elsewhere() {
        let f = |s: &str| field_of(s).expect(s);
        let cell = |t: &str| named(&words(t)).fields;
        assert_eq!(
            standing(&cell("Soins infirmiers"), f("santé")),
            Standing::Within
        );
        assert_eq!(
            standing(&cell("Santé"), f("santé publique")),
            Standing::Above
        );
        assert_eq!(
            standing(&cell("Santé communautaire"), f("santé publique")),
            Standing::Elsewhere
        );
        assert_eq!(
            standing(&cell("Médecine vétérinaire"), f("médecine")),
            Standing::Elsewhere
        );
        assert_eq!(
            standing(&cell("Sociologie"), f("sciences sociales")),
            Standing::Within
        );
    }
}
