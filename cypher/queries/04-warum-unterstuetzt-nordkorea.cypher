// title: Warum unterstützt Nordkorea Russland? (Why does North Korea support Russia?)
// description: The motives the article gives for North Korea's support, each with its sentence.
MATCH (n:Country {uid: 'nordkorea'})-[r:HAS_MOTIVE]->(m:Motive)
RETURN m.name AS motiv, m.name_en AS motive, r.sentence AS quelle, n, r, m
ORDER BY motiv
