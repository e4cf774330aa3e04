// title: Welche Sätze belegen die Fakten über Nordkorea? (Which sentences back the facts about North Korea?)
// description: Every fact about North Korea with the German sentence it comes from and how the article qualifies it.
MATCH (n:Country {uid: 'nordkorea'})-[r]-(x)
WHERE label(r) <> 'MENTIONS'
RETURN label(r) AS beziehung, x.name AS mit, r.qualification AS einordnung, r.sentence AS quelle, n, r, x
ORDER BY beziehung, mit
