// title: Was bedeutet das für die NATO? (What does this mean for NATO?)
// description: Everything the article says about NATO and its allies: challenges, possible measures, strategy. Each row reads in the relationship's direction: von → beziehung → zu.
MATCH (a)-[r]->(b)
WHERE (a.uid IN ['nato', 'nato-verbuendete'] OR b.uid IN ['nato', 'nato-verbuendete']) AND label(r) <> 'MENTIONS'
RETURN a.name AS von, label(r) AS beziehung, b.name AS zu, r.qualification AS einordnung, r.sentence AS quelle, a, r, b
ORDER BY beziehung, von, zu
