//! The demo circle's contact points: the workers with an account, and the people around
//! Sarah who have none (a school, an employer, a lawyer, a mosque).

use crate::contacts::{service, ContactKind, NewContact};
use crate::db::Tx;
use crate::error::AppError;
use std::collections::HashMap;

/// (worker's username or "", kind, name, organisation, role, why involved, what they
/// decide, phone, office hours, languages, stand-in)
type DemoContact = (
    &'static str,
    ContactKind,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const SARAH_CONTACTS: &[DemoContact] = &[
    (
        "lotte",
        ContactKind::Service,
        "Lotte",
        "Justitiehuis Antwerpen",
        "je justitieassistent",
        "Zij volgt je voorwaarden op tijdens de voorwaardelijke invrijheidstelling en schrijft de verslagen voor de strafuitvoeringsrechtbank.",
        "Zij beslist niet zelf over je voorwaarden, maar haar verslag weegt mee bij de rechtbank.",
        "03 000 00 01",
        "ma–vr 9:00–12:00",
        "Nederlands, Frans, Engels",
        "De permanentie van het justitiehuis, 03 000 00 00",
    ),
    (
        "ahmed",
        ContactKind::Service,
        "Ahmed",
        "Jeugdhulp Antwerpen",
        "jeugdhulp",
        "Hij begeleidt de stappen naar het samenleven met Amira en Noah.",
        "Hij stelt samen met jou en het gezin de volgende stap voor; de jeugdrechter beslist.",
        "03 000 00 02",
        "ma, di en do 13:00–17:00",
        "Nederlands, Arabisch",
        "Zijn collega van dienst, via het onthaal van Jeugdhulp",
    ),
    (
        "karim",
        ContactKind::Service,
        "Karim",
        "Vrijwilligerswerking De Brug",
        "je buddy",
        "Hij helpt bij praktische dingen: papieren, werk zoeken, een luisterend oor.",
        "Hij beslist niets over je traject.",
        "0470 00 00 03",
        "na afspraak, ook 's avonds",
        "Nederlands, Arabisch, Engels",
        "",
    ),
    (
        "",
        ContactKind::School,
        "Juf Els",
        "Basisschool De Linde",
        "de juf van Amira",
        "Zij houdt je op de hoogte van hoe het met Amira op school gaat.",
        "Zij beslist over de schoolzaken van Amira, samen met de ouders.",
        "03 000 00 04",
        "schooldagen na 15:30",
        "Nederlands",
        "De directie van de school",
    ),
    (
        "",
        ContactKind::Lawyer,
        "Meester Claes",
        "Advocatenkantoor Claes",
        "je advocaat",
        "Zij staat je bij voor de strafuitvoeringsrechtbank.",
        "Zij beslist niets, maar verdedigt jouw belang bij de rechtbank.",
        "03 000 00 05",
        "ma–vr 9:00–17:00, na afspraak",
        "Nederlands, Frans",
        "Haar kantoorgenoot, meester Peeters",
    ),
    (
        "",
        ContactKind::Employer,
        "Dirk",
        "Bakkerij Het Korenaar",
        "je werkgever",
        "Je werkt er drie dagen per week; werk is een van je voorwaarden.",
        "Hij beslist over je uurrooster.",
        "03 000 00 06",
        "werkdagen 6:00–14:00",
        "Nederlands",
        "",
    ),
    (
        "",
        ContactKind::Community,
        "Imam Yassin",
        "Moskee Al-Ihsan",
        "gesprekspartner over geloof",
        "Je kunt bij hem terecht voor gesprekken over geloof en zingeving, als je dat wilt.",
        "Hij beslist niets over je traject.",
        "",
        "na het vrijdaggebed",
        "Arabisch, Nederlands",
        "",
    ),
];

pub async fn load(tx: &mut Tx<'_>, case_id: i64, ids: &HashMap<&str, i64>, author: i64) -> Result<(), AppError> {
    for (worker, kind, name, organisation, role, why, decides, phone, hours, languages, stand_in) in SARAH_CONTACTS {
        let contact = NewContact {
            member_user_id: ids.get(worker).copied(),
            kind: *kind,
            name: name.to_string(),
            organisation: organisation.to_string(),
            role: role.to_string(),
            why_involved: why.to_string(),
            decides: decides.to_string(),
            phone: phone.to_string(),
            office_hours: hours.to_string(),
            languages: languages.to_string(),
            stand_in: stand_in.to_string(),
        };
        service::insert_in(tx, case_id, author, &contact).await?;
    }
    Ok(())
}
