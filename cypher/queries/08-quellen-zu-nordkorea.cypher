// title: Welche Sätze belegen die Fakten über Nordkorea? (Which sentences back the facts about North Korea?)
// description: Every fact about North Korea with the German sentence it comes from and how the article qualifies it. Each row reads in the relationship's direction: von → beziehung → zu.
MATCH (a)-[r]->(b)
WHERE (a.uid = 'nordkorea' OR b.uid = 'nordkorea') AND label(r) <> 'MENTIONS'
RETURN a.name AS von, label(r) AS beziehung, b.name AS zu, r.qualification AS einordnung, r.sentence AS quelle, a, r, b
ORDER BY beziehung, von, zu
