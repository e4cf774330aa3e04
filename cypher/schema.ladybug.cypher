// Schema of the article graph for the embedded engine (LadybugDB). The engine needs every
// node label and relationship type declared with typed properties before data is loaded.
// Every node table shares the naming columns (uid, name, name_en, aliases, description), so
// that search and captions work the same on every label. Every relationship table carries
// the provenance columns: sentence (verbatim German), qualification, claimed_by, article.

CREATE NODE TABLE IF NOT EXISTS Country(uid STRING PRIMARY KEY, name STRING, name_en STRING, aliases STRING[], description STRING);
CREATE NODE TABLE IF NOT EXISTS Person(uid STRING PRIMARY KEY, name STRING, name_en STRING, aliases STRING[], description STRING, role STRING);
CREATE NODE TABLE IF NOT EXISTS Organization(uid STRING PRIMARY KEY, name STRING, name_en STRING, aliases STRING[], description STRING);
CREATE NODE TABLE IF NOT EXISTS `Group`(uid STRING PRIMARY KEY, name STRING, name_en STRING, aliases STRING[], description STRING);
CREATE NODE TABLE IF NOT EXISTS Alliance(uid STRING PRIMARY KEY, name STRING, name_en STRING, aliases STRING[], description STRING);
CREATE NODE TABLE IF NOT EXISTS Agreement(uid STRING PRIMARY KEY, name STRING, name_en STRING, aliases STRING[], description STRING);
CREATE NODE TABLE IF NOT EXISTS Conflict(uid STRING PRIMARY KEY, name STRING, name_en STRING, aliases STRING[], description STRING);
CREATE NODE TABLE IF NOT EXISTS Weapon(uid STRING PRIMARY KEY, name STRING, name_en STRING, aliases STRING[], description STRING);
CREATE NODE TABLE IF NOT EXISTS Program(uid STRING PRIMARY KEY, name STRING, name_en STRING, aliases STRING[], description STRING);
CREATE NODE TABLE IF NOT EXISTS Debate(uid STRING PRIMARY KEY, name STRING, name_en STRING, aliases STRING[], description STRING);
CREATE NODE TABLE IF NOT EXISTS Motive(uid STRING PRIMARY KEY, name STRING, name_en STRING, aliases STRING[], description STRING);
CREATE NODE TABLE IF NOT EXISTS Claim(uid STRING PRIMARY KEY, name STRING, name_en STRING, aliases STRING[], description STRING, text STRING);
CREATE NODE TABLE IF NOT EXISTS Article(uid STRING PRIMARY KEY, name STRING, name_en STRING, aliases STRING[], description STRING, title STRING, date DATE, time STRING, place STRING, language STRING, source STRING);

CREATE REL TABLE IF NOT EXISTS SUPPORTS(FROM Country TO Country, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS SENDS_TROOPS_TO(FROM Country TO Country, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS SUPPLIES(FROM Country TO Country, sentence STRING, qualification STRING, claimed_by STRING, article STRING, item STRING, item_en STRING, quantity STRING);
CREATE REL TABLE IF NOT EXISTS WAGES_WAR_AGAINST(FROM Country TO Country, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS SEEKS_CLOSER_TIES_WITH(FROM Country TO Country, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS SEEKS_SUPPORT_FROM(FROM Country TO Country, FROM Country TO `Group`, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS OPPOSES(FROM Country TO `Group`, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS HAS_MOTIVE(FROM Country TO Motive, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS SEEKS_TO_REDUCE_INFLUENCE_OF(FROM Country TO `Group`, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS PARTNERS_WITH(FROM Country TO `Group`, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS MEMBER_OF(FROM Country TO `Group`, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS PARTY_TO(FROM Country TO Agreement, FROM Country TO Alliance, FROM Country TO Conflict, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS PARTICIPATES_IN(FROM Country TO Conflict, FROM Country TO Debate, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS FOREIGN_MINISTER_OF(FROM Person TO Country, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS CLAIMS(FROM Person TO Claim, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS ABOUT(FROM Claim TO Alliance, FROM Claim TO `Group`, FROM Claim TO Country, FROM Claim TO Weapon, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS ACKNOWLEDGES(FROM Person TO Agreement, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS IS_VAGUE_ABOUT(FROM Person TO `Group`, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS BELONGS_TO(FROM `Group` TO Country, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS FIGHTS_FOR(FROM `Group` TO Country, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS OPERATES_IN(FROM `Group` TO Country, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS ASSISTS(FROM `Group` TO `Group`, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS USES(FROM `Group` TO Weapon, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS ALLIED_WITH(FROM `Group` TO Organization, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS CHALLENGES(FROM Alliance TO Organization, FROM Alliance TO `Group`, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS QUESTIONS_DOMINANCE_OF(FROM `Group` TO `Group`, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS MAY_TAKE_MEASURES_AGAINST(FROM Organization TO Country, FROM `Group` TO Country, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS MAY_RECONSIDER_STRATEGY_ON(FROM Organization TO Alliance, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS PURSUES(FROM Country TO Program, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS DRIVES(FROM Person TO Program, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS CONCERNS(FROM Debate TO Weapon, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS MENTIONS(FROM Article TO Country, FROM Article TO Person, FROM Article TO Organization, FROM Article TO `Group`, FROM Article TO Alliance, FROM Article TO Agreement, FROM Article TO Conflict, FROM Article TO Weapon, FROM Article TO Program, FROM Article TO Debate, FROM Article TO Motive, FROM Article TO Claim, sentence STRING, qualification STRING, claimed_by STRING, article STRING);
CREATE REL TABLE IF NOT EXISTS LINKS_TO(FROM Article TO Article, sentence STRING, qualification STRING, claimed_by STRING, article STRING);

// Neo4j habits that the embedded engine lacks, as macros: type(r) and elementId(x).
// (labels(n) exists but returns one string, not a list.)
CREATE MACRO type(x) AS label(x);
CREATE MACRO elementId(x) AS cast(id(x) AS STRING);
