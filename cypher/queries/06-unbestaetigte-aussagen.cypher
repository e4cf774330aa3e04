// title: Was ist nur berichtet, angeblich oder behauptet? (What is only reported, alleged or claimed?)
// description: Every fact the article does not state as certain, with its qualification and who claims it.
MATCH (a)-[r]->(b)
WHERE r.qualification IN ['reported', 'alleged', 'claimed', 'possible']
RETURN a.name AS von, label(r) AS beziehung, b.name AS zu, r.qualification AS einordnung, r.claimed_by AS behauptet_von, r.sentence AS quelle, a, r, b
ORDER BY einordnung, von, beziehung
