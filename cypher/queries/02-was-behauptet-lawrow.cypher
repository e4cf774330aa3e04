// title: Was behauptet Lawrow, über wen? (What does Lawrow claim, about whom?)
// description: Lawrow's claims as Claim nodes and what each one is about, with the sentence it comes from.
MATCH (p:Person {uid: 'lawrow'})-[c:CLAIMS]->(claim:Claim)-[a:ABOUT]->(subject)
RETURN claim.name AS behauptung, subject.name AS ueber, c.sentence AS quelle, p, c, claim, a, subject
ORDER BY behauptung, ueber
