// The knowledge graph of one article: "Nordkoreanische Unterstützung verstärkt russischen
// Militäreinsatz in der Ukraine" (Berlin, 18 November 2024), and the two articles it links to.
// Runs on the embedded engine and on Neo4j. Nodes are merged on uid; every relationship
// carries its provenance: the verbatim German sentence, how the article qualifies it
// (stated, reported, alleged, claimed, possible), who claims it, and which article says so.

// ---- Articles -------------------------------------------------------------------------
MERGE (a:Article {uid: 'article-2024-11-18-nordkorea-russland'})
SET a.name = 'Nordkoreanische Unterstützung verstärkt russischen Militäreinsatz in der Ukraine',
    a.title = 'Nordkoreanische Unterstützung verstärkt russischen Militäreinsatz in der Ukraine',
    a.name_en = 'North Korean support strengthens Russian military operation in Ukraine',
    a.aliases = ['Hauptartikel', 'main article'],
    a.description = 'Nachrichtenartikel über nordkoreanische Truppen und Munition für Russland, iranische Drohnen, Lawrows Aussagen und die Folgen für die NATO.',
    a.date = date('2024-11-18'), a.place = 'Berlin', a.language = 'de', a.source = 'shared/seed/article-de.txt';

MERGE (a:Article {uid: 'article-2024-11-18-kim-atomare-expansion'})
SET a.name = 'Kim Jong Un treibt Nordkoreas atomare Expansion unbegrenzt voran',
    a.title = 'Kim Jong Un treibt Nordkoreas atomare Expansion unbegrenzt voran',
    a.name_en = 'Kim Jong Un pushes North Korea\'s nuclear expansion without limit',
 a.description = 'Verlinkte Schlagzeile am Ende des Hauptartikels.',
    a.date = date('2024-11-18'), a.time = '18:56', a.language = 'de';

MERGE (a:Article {uid: 'article-2024-11-18-taurus-flugabwehr'})
SET a.name = 'Deutschland und die Ukraine: Debatte um \'Taurus\' und Flugabwehr eskaliert',
    a.title = 'Deutschland und die Ukraine: Debatte um \'Taurus\' und Flugabwehr eskaliert',
    a.name_en = 'Germany and Ukraine: debate over \'Taurus\' and air defence escalates',
 a.description = 'Verlinkte Schlagzeile am Ende des Hauptartikels.',
    a.date = date('2024-11-18'), a.time = '16:39', a.language = 'de';

// ---- Actors ---------------------------------------------------------------------------
MERGE (n:Country {uid: 'nordkorea'})
SET n.name = 'Nordkorea', n.name_en = 'North Korea',
    n.aliases = ['North Korea', 'DPRK', 'DVRK', 'Demokratische Volksrepublik Korea', 'Democratic People\'s Republic of Korea'],
    n.description = 'Unterstützt Russland mit Truppen und angeblich mit Munition.';
MERGE (n:Country {uid: 'russland'})
SET n.name = 'Russland', n.name_en = 'Russia', n.aliases = ['Russia', 'Russische Föderation', 'Russian Federation'],
    n.description = 'Führt Krieg gegen die Ukraine und sucht Unterstützung bei Ländern, die nicht mit dem Westen verbündet sind.';
MERGE (n:Country {uid: 'iran'})
SET n.name = 'Iran', n.name_en = 'Iran', n.aliases = ['Islamische Republik Iran', 'Islamic Republic of Iran', 'Persia'],
    n.description = 'Liefert Meldungen zufolge Drohnen an Russland.';
MERGE (n:Country {uid: 'ukraine'})
SET n.name = 'Ukraine', n.name_en = 'Ukraine',
    n.description = 'Wird von Russland angegriffen.';
MERGE (n:Country {uid: 'deutschland'})
SET n.name = 'Deutschland', n.name_en = 'Germany', n.aliases = ['Germany', 'Bundesrepublik Deutschland'],
    n.description = 'Debattiert mit der Ukraine über Taurus und Flugabwehr (verlinkte Schlagzeile).';

MERGE (n:Person {uid: 'lawrow'})
SET n.name = 'Lawrow', n.name_en = 'Sergei Lavrov',
    n.aliases = ['Sergej Lawrow', 'Sergei Lavrov', 'Sergey Lavrov', 'Lavrov', 'Sergej Wiktorowitsch Lawrow'],
    n.role = 'Außenminister Russlands', n.description = 'Russlands Außenminister.';
MERGE (n:Person {uid: 'kim-jong-un'})
SET n.name = 'Kim Jong Un', n.name_en = 'Kim Jong Un', n.aliases = ['Kim Jong-un', 'Kim Dschong Un'],
    n.role = 'Machthaber Nordkoreas', n.description = 'Treibt laut verlinkter Schlagzeile Nordkoreas atomare Expansion voran.';

MERGE (n:Organization {uid: 'nato'})
SET n.name = 'NATO', n.name_en = 'NATO', n.aliases = ['North Atlantic Treaty Organization', 'Nordatlantikpakt', 'OTAN'],
    n.description = 'Steht durch die Partnerschaft zwischen Russland und Nordkorea vor neuen Herausforderungen.';

MERGE (n:`Group` {uid: 'der-westen'})
SET n.name = 'Der Westen', n.name_en = 'The West', n.aliases = ['westliche Mächte', 'Western powers', 'the West'],
    n.description = 'Von Nordkorea als gemeinsamer Feind betrachtet; Russland will seinen Einfluss verringern.';
MERGE (n:`Group` {uid: 'nordkoreanische-truppen'})
SET n.name = 'Nordkoreanische Truppen', n.name_en = 'North Korean troops',
    n.aliases = ['nordkoreanische Soldaten', 'North Korean soldiers', 'DPRK troops'],
    n.description = 'Berichten zufolge entsandt, um Russland im Kampf gegen die Ukraine zu unterstützen.';
MERGE (n:`Group` {uid: 'westliche-militaerberater'})
SET n.name = 'Westliche Militärberater', n.name_en = 'Western military advisers',
    n.aliases = ['Militärberater', 'Western military advisors', 'military advisers'],
    n.description = 'Laut Lawrow heimlich in der Ukraine tätig.';
MERGE (n:`Group` {uid: 'ukrainische-streitkraefte'})
SET n.name = 'Ukrainische Streitkräfte', n.name_en = 'Ukrainian armed forces',
    n.aliases = ['lokale Streitkräfte', 'local forces', 'Armed Forces of Ukraine'],
    n.description = 'Die lokalen Streitkräfte, denen westliche Militärberater laut Lawrow helfen.';
MERGE (n:`Group` {uid: 'nato-verbuendete'})
SET n.name = 'Verbündete der NATO', n.name_en = 'NATO allies', n.aliases = ['NATO-Verbündete', 'NATO allies'],
    n.description = 'Die Verbündeten der NATO, die möglicherweise zusätzliche Maßnahmen erwägen müssen.';
MERGE (n:`Group` {uid: 'nicht-westlich-verbuendete-laender'})
SET n.name = 'Länder, die nicht mit dem Westen verbündet sind', n.name_en = 'Countries not allied with the West',
    n.aliases = ['nicht mit dem Westen verbündete Länder', 'non-Western-aligned countries'],
    n.description = 'Länder, bei denen Russland militärische Unterstützung und Partnerschaften sucht.';

MERGE (n:Alliance {uid: 'partnerschaft-russland-nordkorea'})
SET n.name = 'Partnerschaft zwischen Russland und Nordkorea', n.name_en = 'Russia–North Korea partnership',
    n.aliases = ['Allianz', 'alliance', 'Russia-North Korea alliance', 'Bündnis Russland–Nordkorea'],
    n.description = 'Von Lawrow als von geringer Bedeutung bezeichnet; laut Artikel bedeutsam.';
MERGE (n:Agreement {uid: 'sicherheitsabkommen-russland-nordkorea'})
SET n.name = 'Sicherheitsabkommen zwischen Russland und Nordkorea', n.name_en = 'Russia–North Korea security agreement',
    n.aliases = ['Sicherheitsabkommen', 'security agreement', 'security pact'],
    n.description = 'Besteht laut Lawrow.';
MERGE (n:Conflict {uid: 'krieg-in-der-ukraine'})
SET n.name = 'Ukraine-Konflikt', n.name_en = 'War in Ukraine',
    n.aliases = ['Krieg in der Ukraine', 'war in Ukraine', 'Ukraine conflict', 'russischer Militäreinsatz in der Ukraine'],
    n.description = 'Russlands Krieg gegen die Ukraine.';

MERGE (n:Weapon {uid: 'westliche-waffen'})
SET n.name = 'Westliche Waffen', n.name_en = 'Western weapons', n.aliases = ['Western weapons'],
    n.description = 'Waffen, bei deren Einsatz westliche Militärberater laut Lawrow helfen.';
MERGE (n:Weapon {uid: 'taurus'})
SET n.name = 'Taurus', n.name_en = 'Taurus cruise missile', n.aliases = ['Taurus KEPD 350', 'Marschflugkörper Taurus'],
    n.description = 'Gegenstand der Debatte zwischen Deutschland und der Ukraine (verlinkte Schlagzeile).';
MERGE (n:Weapon {uid: 'flugabwehr'})
SET n.name = 'Flugabwehr', n.name_en = 'Air defence', n.aliases = ['air defense', 'Luftverteidigung'],
    n.description = 'Gegenstand der Debatte zwischen Deutschland und der Ukraine (verlinkte Schlagzeile).';
MERGE (n:Program {uid: 'nordkoreas-atomprogramm'})
SET n.name = 'Nordkoreas atomare Expansion', n.name_en = 'North Korea\'s nuclear expansion',
    n.aliases = ['Atomprogramm', 'nuclear programme', 'nuclear program'],
    n.description = 'Wird laut verlinkter Schlagzeile unbegrenzt vorangetrieben.';
MERGE (n:Debate {uid: 'debatte-taurus-flugabwehr'})
SET n.name = 'Debatte um Taurus und Flugabwehr', n.name_en = 'Debate over Taurus and air defence',
    n.aliases = ['Taurus-Debatte', 'Taurus debate'], n.description = 'Eskaliert laut verlinkter Schlagzeile.';

MERGE (n:Motive {uid: 'motiv-diplomatische-beziehungen'})
SET n.name = 'Diplomatische Beziehungen stärken', n.name_en = 'Strengthen diplomatic relations',
    n.description = 'Nordkorea möchte seine Verbindung zu Russland intensivieren, um wirtschaftliche und militärische Unterstützung zu erhalten.';
MERGE (n:Motive {uid: 'motiv-gegen-den-westen'})
SET n.name = 'Gegen den Westen', n.name_en = 'Against the West',
    n.description = 'Durch die Annäherung an Russland stellt sich Nordkorea gegen westliche Mächte.';
MERGE (n:Motive {uid: 'motiv-militaerische-erfahrung'})
SET n.name = 'Militärische Erfahrung nutzen', n.name_en = 'Gain military experience', n.aliases = ['Kampferfahrung', 'combat experience'],
    n.description = 'Nordkoreanische Truppen sollen Kampferfahrung sammeln und militärische Stärke demonstrieren.';

MERGE (n:Claim {uid: 'claim-allianz-geringe-bedeutung'})
SET n.name = 'Die Allianz sei von geringer Bedeutung', n.name_en = 'The alliance is of little significance',
 n.text = 'dass die Allianz von geringer Bedeutung sei',
    n.description = 'Behauptung Lawrows über die Partnerschaft zwischen Russland und Nordkorea.';
MERGE (n:Claim {uid: 'claim-westliche-militaerberater'})
SET n.name = 'Westliche Militärberater sind heimlich in der Ukraine tätig', n.name_en = 'Western military advisers work secretly in Ukraine',
 n.text = 'dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen',
    n.description = 'Frühere Behauptung Lawrows, die er wiederholt.';
MERGE (n:Claim {uid: 'claim-sicherheitsabkommen-besteht'})
SET n.name = 'Ein Sicherheitsabkommen zwischen Russland und Nordkorea besteht', n.name_en = 'A security agreement between Russia and North Korea exists',
 n.text = 'dass ein Sicherheitsabkommen zwischen Russland und Nordkorea besteht',
    n.description = 'Von Lawrow eingeräumt.';

// ---- Relationships, each with its provenance -------------------------------------------
MATCH (a:Country {uid: 'nordkorea'}), (b:Country {uid: 'russland'})
MERGE (a)-[r:SUPPORTS]->(b)
SET r.sentence = 'Nordkorea intensiviert seine Beteiligung an Russlands militärischen Aktionen in der Ukraine.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'nordkorea'}), (b:Conflict {uid: 'krieg-in-der-ukraine'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r.sentence = 'Nordkorea intensiviert seine Beteiligung an Russlands militärischen Aktionen in der Ukraine.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'russland'}), (b:Country {uid: 'ukraine'})
MERGE (a)-[r:WAGES_WAR_AGAINST]->(b)
SET r.sentence = 'Nordkorea intensiviert seine Beteiligung an Russlands militärischen Aktionen in der Ukraine.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'nordkorea'}), (b:Country {uid: 'russland'})
MERGE (a)-[r:SENDS_TROOPS_TO]->(b)
SET r.sentence = 'Obwohl das Land normalerweise isoliert bleibt, gibt es Berichte, dass Nordkorea nun Truppen entsandt hat, um Russland im Kampf gegen die Ukraine zu unterstützen.', r.qualification = 'reported', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:`Group` {uid: 'nordkoreanische-truppen'}), (b:Country {uid: 'nordkorea'})
MERGE (a)-[r:BELONGS_TO]->(b)
SET r.sentence = 'Obwohl das Land normalerweise isoliert bleibt, gibt es Berichte, dass Nordkorea nun Truppen entsandt hat, um Russland im Kampf gegen die Ukraine zu unterstützen.', r.qualification = 'reported', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:`Group` {uid: 'nordkoreanische-truppen'}), (b:Country {uid: 'russland'})
MERGE (a)-[r:FIGHTS_FOR]->(b)
SET r.sentence = 'Obwohl das Land normalerweise isoliert bleibt, gibt es Berichte, dass Nordkorea nun Truppen entsandt hat, um Russland im Kampf gegen die Ukraine zu unterstützen.', r.qualification = 'reported', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'nordkorea'}), (b:Country {uid: 'russland'})
MERGE (a)-[r:SEEKS_CLOSER_TIES_WITH]->(b)
SET r.sentence = 'Dieses Vorgehen passt zu Nordkoreas Bestrebungen, die Beziehung zu Russland zu festigen.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'nordkorea'}), (b:Motive {uid: 'motiv-diplomatische-beziehungen'})
MERGE (a)-[r:HAS_MOTIVE]->(b)
SET r.sentence = 'Diplomatische Beziehungen stärken: Nordkorea möchte seine Verbindung zu Russland intensivieren, um wirtschaftliche und militärische Unterstützung zu erhalten.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'nordkorea'}), (b:Motive {uid: 'motiv-gegen-den-westen'})
MERGE (a)-[r:HAS_MOTIVE]->(b)
SET r.sentence = 'Gegen den Westen: Durch die Annäherung an Russland stellt sich Nordkorea gegen westliche Mächte, die es als gemeinsamen Feind betrachtet.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'nordkorea'}), (b:Motive {uid: 'motiv-militaerische-erfahrung'})
MERGE (a)-[r:HAS_MOTIVE]->(b)
SET r.sentence = 'Militärische Erfahrung nutzen: Teilnahme an ausländischen Konflikten bietet nordkoreanischen Truppen die Chance, Kampferfahrung zu sammeln und militärische Stärke zu demonstrieren.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'nordkorea'}), (b:`Group` {uid: 'der-westen'})
MERGE (a)-[r:OPPOSES]->(b)
SET r.sentence = 'Gegen den Westen: Durch die Annäherung an Russland stellt sich Nordkorea gegen westliche Mächte, die es als gemeinsamen Feind betrachtet.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'nordkorea'}), (b:Country {uid: 'russland'})
MERGE (a)-[r:SUPPLIES]->(b)
SET r.sentence = 'Nordkorea beliefert Russland angeblich mit erheblichen Mengen an Munition, was es Russland ermöglicht, seinen langen Militäreinsatz fortzusetzen.', r.qualification = 'alleged', r.article = 'article-2024-11-18-nordkorea-russland', r.item = 'Munition', r.item_en = 'ammunition', r.quantity = 'erhebliche Mengen';
MATCH (a:Country {uid: 'russland'}), (b:`Group` {uid: 'nicht-westlich-verbuendete-laender'})
MERGE (a)-[r:SEEKS_SUPPORT_FROM]->(b)
SET r.sentence = 'Dies ist Teil der Bemühungen Russlands, militärische Unterstützung von Ländern zu erhalten, die nicht mit dem Westen verbündet sind.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'russland'}), (b:Country {uid: 'nordkorea'})
MERGE (a)-[r:SEEKS_SUPPORT_FROM]->(b)
SET r.sentence = 'Dies ist Teil der Bemühungen Russlands, militärische Unterstützung von Ländern zu erhalten, die nicht mit dem Westen verbündet sind.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'russland'}), (b:Country {uid: 'iran'})
MERGE (a)-[r:SEEKS_SUPPORT_FROM]->(b)
SET r.sentence = 'Meldungen zufolge liefert auch der Iran Drohnen an Russland, was dieses Muster deutlich unterstreicht.', r.qualification = 'reported', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'nordkorea'}), (b:`Group` {uid: 'nicht-westlich-verbuendete-laender'})
MERGE (a)-[r:MEMBER_OF]->(b)
SET r.sentence = 'Dies ist Teil der Bemühungen Russlands, militärische Unterstützung von Ländern zu erhalten, die nicht mit dem Westen verbündet sind.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'iran'}), (b:`Group` {uid: 'nicht-westlich-verbuendete-laender'})
MERGE (a)-[r:MEMBER_OF]->(b)
SET r.sentence = 'Meldungen zufolge liefert auch der Iran Drohnen an Russland, was dieses Muster deutlich unterstreicht.', r.qualification = 'reported', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'iran'}), (b:Country {uid: 'russland'})
MERGE (a)-[r:SUPPLIES]->(b)
SET r.sentence = 'Meldungen zufolge liefert auch der Iran Drohnen an Russland, was dieses Muster deutlich unterstreicht.', r.qualification = 'reported', r.article = 'article-2024-11-18-nordkorea-russland', r.item = 'Drohnen', r.item_en = 'drones';
MATCH (a:Person {uid: 'lawrow'}), (b:Country {uid: 'russland'})
MERGE (a)-[r:FOREIGN_MINISTER_OF]->(b)
SET r.sentence = 'Russlands Außenminister, Sergej Lawrow, betont, dass die Allianz von geringer Bedeutung sei.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Person {uid: 'lawrow'}), (b:Claim {uid: 'claim-allianz-geringe-bedeutung'})
MERGE (a)-[r:CLAIMS]->(b)
SET r.sentence = 'Russlands Außenminister, Sergej Lawrow, betont, dass die Allianz von geringer Bedeutung sei.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Claim {uid: 'claim-allianz-geringe-bedeutung'}), (b:Alliance {uid: 'partnerschaft-russland-nordkorea'})
MERGE (a)-[r:ABOUT]->(b)
SET r.sentence = 'Russlands Außenminister, Sergej Lawrow, betont, dass die Allianz von geringer Bedeutung sei.', r.qualification = 'claimed', r.claimed_by = 'lawrow', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Person {uid: 'lawrow'}), (b:Agreement {uid: 'sicherheitsabkommen-russland-nordkorea'})
MERGE (a)-[r:ACKNOWLEDGES]->(b)
SET r.sentence = 'Er räumt ein, dass ein Sicherheitsabkommen zwischen Russland und Nordkorea besteht, bleibt jedoch vage, was Details zu nordkoreanischen Soldaten in der Region betrifft.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Person {uid: 'lawrow'}), (b:Claim {uid: 'claim-sicherheitsabkommen-besteht'})
MERGE (a)-[r:CLAIMS]->(b)
SET r.sentence = 'Er räumt ein, dass ein Sicherheitsabkommen zwischen Russland und Nordkorea besteht, bleibt jedoch vage, was Details zu nordkoreanischen Soldaten in der Region betrifft.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Claim {uid: 'claim-sicherheitsabkommen-besteht'}), (b:Country {uid: 'russland'})
MERGE (a)-[r:ABOUT]->(b)
SET r.sentence = 'Er räumt ein, dass ein Sicherheitsabkommen zwischen Russland und Nordkorea besteht, bleibt jedoch vage, was Details zu nordkoreanischen Soldaten in der Region betrifft.', r.qualification = 'claimed', r.claimed_by = 'lawrow', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Claim {uid: 'claim-sicherheitsabkommen-besteht'}), (b:Country {uid: 'nordkorea'})
MERGE (a)-[r:ABOUT]->(b)
SET r.sentence = 'Er räumt ein, dass ein Sicherheitsabkommen zwischen Russland und Nordkorea besteht, bleibt jedoch vage, was Details zu nordkoreanischen Soldaten in der Region betrifft.', r.qualification = 'claimed', r.claimed_by = 'lawrow', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'russland'}), (b:Agreement {uid: 'sicherheitsabkommen-russland-nordkorea'})
MERGE (a)-[r:PARTY_TO]->(b)
SET r.sentence = 'Er räumt ein, dass ein Sicherheitsabkommen zwischen Russland und Nordkorea besteht, bleibt jedoch vage, was Details zu nordkoreanischen Soldaten in der Region betrifft.', r.qualification = 'claimed', r.claimed_by = 'lawrow', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'nordkorea'}), (b:Agreement {uid: 'sicherheitsabkommen-russland-nordkorea'})
MERGE (a)-[r:PARTY_TO]->(b)
SET r.sentence = 'Er räumt ein, dass ein Sicherheitsabkommen zwischen Russland und Nordkorea besteht, bleibt jedoch vage, was Details zu nordkoreanischen Soldaten in der Region betrifft.', r.qualification = 'claimed', r.claimed_by = 'lawrow', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Person {uid: 'lawrow'}), (b:`Group` {uid: 'nordkoreanische-truppen'})
MERGE (a)-[r:IS_VAGUE_ABOUT]->(b)
SET r.sentence = 'Er räumt ein, dass ein Sicherheitsabkommen zwischen Russland und Nordkorea besteht, bleibt jedoch vage, was Details zu nordkoreanischen Soldaten in der Region betrifft.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Person {uid: 'lawrow'}), (b:Claim {uid: 'claim-westliche-militaerberater'})
MERGE (a)-[r:CLAIMS]->(b)
SET r.sentence = 'Lawrow wiederholt außerdem seine frühere Behauptung, dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Claim {uid: 'claim-westliche-militaerberater'}), (b:`Group` {uid: 'westliche-militaerberater'})
MERGE (a)-[r:ABOUT]->(b)
SET r.sentence = 'Lawrow wiederholt außerdem seine frühere Behauptung, dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen.', r.qualification = 'claimed', r.claimed_by = 'lawrow', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Claim {uid: 'claim-westliche-militaerberater'}), (b:Country {uid: 'ukraine'})
MERGE (a)-[r:ABOUT]->(b)
SET r.sentence = 'Lawrow wiederholt außerdem seine frühere Behauptung, dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen.', r.qualification = 'claimed', r.claimed_by = 'lawrow', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Claim {uid: 'claim-westliche-militaerberater'}), (b:`Group` {uid: 'ukrainische-streitkraefte'})
MERGE (a)-[r:ABOUT]->(b)
SET r.sentence = 'Lawrow wiederholt außerdem seine frühere Behauptung, dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen.', r.qualification = 'claimed', r.claimed_by = 'lawrow', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Claim {uid: 'claim-westliche-militaerberater'}), (b:Weapon {uid: 'westliche-waffen'})
MERGE (a)-[r:ABOUT]->(b)
SET r.sentence = 'Lawrow wiederholt außerdem seine frühere Behauptung, dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen.', r.qualification = 'claimed', r.claimed_by = 'lawrow', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:`Group` {uid: 'westliche-militaerberater'}), (b:Country {uid: 'ukraine'})
MERGE (a)-[r:OPERATES_IN]->(b)
SET r.sentence = 'Lawrow wiederholt außerdem seine frühere Behauptung, dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen.', r.qualification = 'claimed', r.claimed_by = 'lawrow', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:`Group` {uid: 'westliche-militaerberater'}), (b:`Group` {uid: 'ukrainische-streitkraefte'})
MERGE (a)-[r:ASSISTS]->(b)
SET r.sentence = 'Lawrow wiederholt außerdem seine frühere Behauptung, dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen.', r.qualification = 'claimed', r.claimed_by = 'lawrow', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:`Group` {uid: 'ukrainische-streitkraefte'}), (b:Weapon {uid: 'westliche-waffen'})
MERGE (a)-[r:USES]->(b)
SET r.sentence = 'Lawrow wiederholt außerdem seine frühere Behauptung, dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen.', r.qualification = 'claimed', r.claimed_by = 'lawrow', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:`Group` {uid: 'ukrainische-streitkraefte'}), (b:Country {uid: 'ukraine'})
MERGE (a)-[r:BELONGS_TO]->(b)
SET r.sentence = 'Lawrow wiederholt außerdem seine frühere Behauptung, dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'russland'}), (b:Alliance {uid: 'partnerschaft-russland-nordkorea'})
MERGE (a)-[r:PARTY_TO]->(b)
SET r.sentence = 'Die Partnerschaft zwischen Russland und Nordkorea ist bedeutsam.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'nordkorea'}), (b:Alliance {uid: 'partnerschaft-russland-nordkorea'})
MERGE (a)-[r:PARTY_TO]->(b)
SET r.sentence = 'Die Partnerschaft zwischen Russland und Nordkorea ist bedeutsam.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'russland'}), (b:Conflict {uid: 'krieg-in-der-ukraine'})
MERGE (a)-[r:PARTY_TO]->(b)
SET r.sentence = 'Sie verdeutlicht Veränderungen in den globalen Bündnissen während des Ukraine-Konflikts.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'ukraine'}), (b:Conflict {uid: 'krieg-in-der-ukraine'})
MERGE (a)-[r:PARTY_TO]->(b)
SET r.sentence = 'Sie verdeutlicht Veränderungen in den globalen Bündnissen während des Ukraine-Konflikts.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Alliance {uid: 'partnerschaft-russland-nordkorea'}), (b:Organization {uid: 'nato'})
MERGE (a)-[r:CHALLENGES]->(b)
SET r.sentence = 'Dies bringt neue Herausforderungen für die NATO und deren Verbündete, die möglicherweise zusätzliche Maßnahmen gegen beide Länder in Betracht ziehen müssen.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Alliance {uid: 'partnerschaft-russland-nordkorea'}), (b:`Group` {uid: 'nato-verbuendete'})
MERGE (a)-[r:CHALLENGES]->(b)
SET r.sentence = 'Dies bringt neue Herausforderungen für die NATO und deren Verbündete, die möglicherweise zusätzliche Maßnahmen gegen beide Länder in Betracht ziehen müssen.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:`Group` {uid: 'nato-verbuendete'}), (b:Organization {uid: 'nato'})
MERGE (a)-[r:ALLIED_WITH]->(b)
SET r.sentence = 'Dies bringt neue Herausforderungen für die NATO und deren Verbündete, die möglicherweise zusätzliche Maßnahmen gegen beide Länder in Betracht ziehen müssen.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Organization {uid: 'nato'}), (b:Country {uid: 'russland'})
MERGE (a)-[r:MAY_TAKE_MEASURES_AGAINST]->(b)
SET r.sentence = 'Dies bringt neue Herausforderungen für die NATO und deren Verbündete, die möglicherweise zusätzliche Maßnahmen gegen beide Länder in Betracht ziehen müssen.', r.qualification = 'possible', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Organization {uid: 'nato'}), (b:Country {uid: 'nordkorea'})
MERGE (a)-[r:MAY_TAKE_MEASURES_AGAINST]->(b)
SET r.sentence = 'Dies bringt neue Herausforderungen für die NATO und deren Verbündete, die möglicherweise zusätzliche Maßnahmen gegen beide Länder in Betracht ziehen müssen.', r.qualification = 'possible', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:`Group` {uid: 'nato-verbuendete'}), (b:Country {uid: 'russland'})
MERGE (a)-[r:MAY_TAKE_MEASURES_AGAINST]->(b)
SET r.sentence = 'Dies bringt neue Herausforderungen für die NATO und deren Verbündete, die möglicherweise zusätzliche Maßnahmen gegen beide Länder in Betracht ziehen müssen.', r.qualification = 'possible', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:`Group` {uid: 'nato-verbuendete'}), (b:Country {uid: 'nordkorea'})
MERGE (a)-[r:MAY_TAKE_MEASURES_AGAINST]->(b)
SET r.sentence = 'Dies bringt neue Herausforderungen für die NATO und deren Verbündete, die möglicherweise zusätzliche Maßnahmen gegen beide Länder in Betracht ziehen müssen.', r.qualification = 'possible', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'russland'}), (b:`Group` {uid: 'der-westen'})
MERGE (a)-[r:SEEKS_TO_REDUCE_INFLUENCE_OF]->(b)
SET r.sentence = 'Russland bemüht sich darum, den Einfluss des Westens zu verringern, indem es Partnerschaften mit Ländern eingeht, die normalerweise nicht mit dem Westen verbündet sind.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Country {uid: 'russland'}), (b:`Group` {uid: 'nicht-westlich-verbuendete-laender'})
MERGE (a)-[r:PARTNERS_WITH]->(b)
SET r.sentence = 'Russland bemüht sich darum, den Einfluss des Westens zu verringern, indem es Partnerschaften mit Ländern eingeht, die normalerweise nicht mit dem Westen verbündet sind.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Organization {uid: 'nato'}), (b:Alliance {uid: 'partnerschaft-russland-nordkorea'})
MERGE (a)-[r:MAY_RECONSIDER_STRATEGY_ON]->(b)
SET r.sentence = 'Aus diesem Grund könnte die NATO ihre Strategien überdenken müssen, um auf diese Veränderungen zu reagieren.', r.qualification = 'possible', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:`Group` {uid: 'nicht-westlich-verbuendete-laender'}), (b:`Group` {uid: 'der-westen'})
MERGE (a)-[r:QUESTIONS_DOMINANCE_OF]->(b)
SET r.sentence = 'Einige Länder sind bereit, neue Partnerschaften einzugehen, um das zu hinterfragen, was sie als Dominanz des Westens betrachten.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Person {uid: 'kim-jong-un'}), (b:Program {uid: 'nordkoreas-atomprogramm'})
MERGE (a)-[r:DRIVES]->(b)
SET r.sentence = 'Kim Jong Un treibt Nordkoreas atomare Expansion unbegrenzt voran', r.qualification = 'stated', r.article = 'article-2024-11-18-kim-atomare-expansion';
MATCH (a:Country {uid: 'nordkorea'}), (b:Program {uid: 'nordkoreas-atomprogramm'})
MERGE (a)-[r:PURSUES]->(b)
SET r.sentence = 'Kim Jong Un treibt Nordkoreas atomare Expansion unbegrenzt voran', r.qualification = 'stated', r.article = 'article-2024-11-18-kim-atomare-expansion';
MATCH (a:Country {uid: 'deutschland'}), (b:Debate {uid: 'debatte-taurus-flugabwehr'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r.sentence = 'Deutschland und die Ukraine: Debatte um \'Taurus\' und Flugabwehr eskaliert', r.qualification = 'stated', r.article = 'article-2024-11-18-taurus-flugabwehr';
MATCH (a:Country {uid: 'ukraine'}), (b:Debate {uid: 'debatte-taurus-flugabwehr'})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r.sentence = 'Deutschland und die Ukraine: Debatte um \'Taurus\' und Flugabwehr eskaliert', r.qualification = 'stated', r.article = 'article-2024-11-18-taurus-flugabwehr';
MATCH (a:Debate {uid: 'debatte-taurus-flugabwehr'}), (b:Weapon {uid: 'taurus'})
MERGE (a)-[r:CONCERNS]->(b)
SET r.sentence = 'Deutschland und die Ukraine: Debatte um \'Taurus\' und Flugabwehr eskaliert', r.qualification = 'stated', r.article = 'article-2024-11-18-taurus-flugabwehr';
MATCH (a:Debate {uid: 'debatte-taurus-flugabwehr'}), (b:Weapon {uid: 'flugabwehr'})
MERGE (a)-[r:CONCERNS]->(b)
SET r.sentence = 'Deutschland und die Ukraine: Debatte um \'Taurus\' und Flugabwehr eskaliert', r.qualification = 'stated', r.article = 'article-2024-11-18-taurus-flugabwehr';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Article {uid: 'article-2024-11-18-kim-atomare-expansion'})
MERGE (a)-[r:LINKS_TO]->(b)
SET r.sentence = 'Kim Jong Un treibt Nordkoreas atomare Expansion unbegrenzt voran', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Article {uid: 'article-2024-11-18-taurus-flugabwehr'})
MERGE (a)-[r:LINKS_TO]->(b)
SET r.sentence = 'Deutschland und die Ukraine: Debatte um \'Taurus\' und Flugabwehr eskaliert', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';

// ---- What each article mentions (first sentence that names it) --------------------------
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Country {uid: 'nordkorea'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Nordkorea intensiviert seine Beteiligung an Russlands militärischen Aktionen in der Ukraine.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Country {uid: 'russland'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Nordkorea intensiviert seine Beteiligung an Russlands militärischen Aktionen in der Ukraine.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Country {uid: 'ukraine'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Nordkorea intensiviert seine Beteiligung an Russlands militärischen Aktionen in der Ukraine.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Country {uid: 'iran'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Meldungen zufolge liefert auch der Iran Drohnen an Russland, was dieses Muster deutlich unterstreicht.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Person {uid: 'lawrow'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Russlands Außenminister, Sergej Lawrow, betont, dass die Allianz von geringer Bedeutung sei.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Organization {uid: 'nato'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Dies bringt neue Herausforderungen für die NATO und deren Verbündete, die möglicherweise zusätzliche Maßnahmen gegen beide Länder in Betracht ziehen müssen.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:`Group` {uid: 'der-westen'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Gegen den Westen: Durch die Annäherung an Russland stellt sich Nordkorea gegen westliche Mächte, die es als gemeinsamen Feind betrachtet.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:`Group` {uid: 'nordkoreanische-truppen'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Obwohl das Land normalerweise isoliert bleibt, gibt es Berichte, dass Nordkorea nun Truppen entsandt hat, um Russland im Kampf gegen die Ukraine zu unterstützen.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:`Group` {uid: 'westliche-militaerberater'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Lawrow wiederholt außerdem seine frühere Behauptung, dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:`Group` {uid: 'ukrainische-streitkraefte'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Lawrow wiederholt außerdem seine frühere Behauptung, dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:`Group` {uid: 'nato-verbuendete'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Dies bringt neue Herausforderungen für die NATO und deren Verbündete, die möglicherweise zusätzliche Maßnahmen gegen beide Länder in Betracht ziehen müssen.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:`Group` {uid: 'nicht-westlich-verbuendete-laender'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Dies ist Teil der Bemühungen Russlands, militärische Unterstützung von Ländern zu erhalten, die nicht mit dem Westen verbündet sind.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Alliance {uid: 'partnerschaft-russland-nordkorea'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Die Partnerschaft zwischen Russland und Nordkorea ist bedeutsam.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Agreement {uid: 'sicherheitsabkommen-russland-nordkorea'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Er räumt ein, dass ein Sicherheitsabkommen zwischen Russland und Nordkorea besteht, bleibt jedoch vage, was Details zu nordkoreanischen Soldaten in der Region betrifft.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Conflict {uid: 'krieg-in-der-ukraine'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Sie verdeutlicht Veränderungen in den globalen Bündnissen während des Ukraine-Konflikts.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Weapon {uid: 'westliche-waffen'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Lawrow wiederholt außerdem seine frühere Behauptung, dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Motive {uid: 'motiv-diplomatische-beziehungen'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Diplomatische Beziehungen stärken: Nordkorea möchte seine Verbindung zu Russland intensivieren, um wirtschaftliche und militärische Unterstützung zu erhalten.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Motive {uid: 'motiv-gegen-den-westen'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Gegen den Westen: Durch die Annäherung an Russland stellt sich Nordkorea gegen westliche Mächte, die es als gemeinsamen Feind betrachtet.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Motive {uid: 'motiv-militaerische-erfahrung'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Militärische Erfahrung nutzen: Teilnahme an ausländischen Konflikten bietet nordkoreanischen Truppen die Chance, Kampferfahrung zu sammeln und militärische Stärke zu demonstrieren.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Claim {uid: 'claim-allianz-geringe-bedeutung'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Russlands Außenminister, Sergej Lawrow, betont, dass die Allianz von geringer Bedeutung sei.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Claim {uid: 'claim-westliche-militaerberater'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Lawrow wiederholt außerdem seine frühere Behauptung, dass westliche Militärberater heimlich in der Ukraine tätig sind, um den lokalen Streitkräften beim Einsatz von westlichen Waffen zu helfen.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-nordkorea-russland'}), (b:Claim {uid: 'claim-sicherheitsabkommen-besteht'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Er räumt ein, dass ein Sicherheitsabkommen zwischen Russland und Nordkorea besteht, bleibt jedoch vage, was Details zu nordkoreanischen Soldaten in der Region betrifft.', r.qualification = 'stated', r.article = 'article-2024-11-18-nordkorea-russland';
MATCH (a:Article {uid: 'article-2024-11-18-kim-atomare-expansion'}), (b:Person {uid: 'kim-jong-un'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Kim Jong Un treibt Nordkoreas atomare Expansion unbegrenzt voran', r.qualification = 'stated', r.article = 'article-2024-11-18-kim-atomare-expansion';
MATCH (a:Article {uid: 'article-2024-11-18-kim-atomare-expansion'}), (b:Country {uid: 'nordkorea'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Kim Jong Un treibt Nordkoreas atomare Expansion unbegrenzt voran', r.qualification = 'stated', r.article = 'article-2024-11-18-kim-atomare-expansion';
MATCH (a:Article {uid: 'article-2024-11-18-kim-atomare-expansion'}), (b:Program {uid: 'nordkoreas-atomprogramm'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Kim Jong Un treibt Nordkoreas atomare Expansion unbegrenzt voran', r.qualification = 'stated', r.article = 'article-2024-11-18-kim-atomare-expansion';
MATCH (a:Article {uid: 'article-2024-11-18-taurus-flugabwehr'}), (b:Country {uid: 'deutschland'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Deutschland und die Ukraine: Debatte um \'Taurus\' und Flugabwehr eskaliert', r.qualification = 'stated', r.article = 'article-2024-11-18-taurus-flugabwehr';
MATCH (a:Article {uid: 'article-2024-11-18-taurus-flugabwehr'}), (b:Country {uid: 'ukraine'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Deutschland und die Ukraine: Debatte um \'Taurus\' und Flugabwehr eskaliert', r.qualification = 'stated', r.article = 'article-2024-11-18-taurus-flugabwehr';
MATCH (a:Article {uid: 'article-2024-11-18-taurus-flugabwehr'}), (b:Debate {uid: 'debatte-taurus-flugabwehr'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Deutschland und die Ukraine: Debatte um \'Taurus\' und Flugabwehr eskaliert', r.qualification = 'stated', r.article = 'article-2024-11-18-taurus-flugabwehr';
MATCH (a:Article {uid: 'article-2024-11-18-taurus-flugabwehr'}), (b:Weapon {uid: 'taurus'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Deutschland und die Ukraine: Debatte um \'Taurus\' und Flugabwehr eskaliert', r.qualification = 'stated', r.article = 'article-2024-11-18-taurus-flugabwehr';
MATCH (a:Article {uid: 'article-2024-11-18-taurus-flugabwehr'}), (b:Weapon {uid: 'flugabwehr'})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sentence = 'Deutschland und die Ukraine: Debatte um \'Taurus\' und Flugabwehr eskaliert', r.qualification = 'stated', r.article = 'article-2024-11-18-taurus-flugabwehr';
