// Constraints for Neo4j: every node's uid is unique within its label, and indexes on the
// naming properties keep search fast. Neo4j needs no declared schema otherwise.

CREATE CONSTRAINT country_uid IF NOT EXISTS FOR (n:Country) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT person_uid IF NOT EXISTS FOR (n:Person) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT organization_uid IF NOT EXISTS FOR (n:Organization) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT group_uid IF NOT EXISTS FOR (n:`Group`) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT alliance_uid IF NOT EXISTS FOR (n:Alliance) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT agreement_uid IF NOT EXISTS FOR (n:Agreement) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT conflict_uid IF NOT EXISTS FOR (n:Conflict) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT weapon_uid IF NOT EXISTS FOR (n:Weapon) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT program_uid IF NOT EXISTS FOR (n:Program) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT debate_uid IF NOT EXISTS FOR (n:Debate) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT motive_uid IF NOT EXISTS FOR (n:Motive) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT claim_uid IF NOT EXISTS FOR (n:Claim) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT article_uid IF NOT EXISTS FOR (n:Article) REQUIRE n.uid IS UNIQUE;
