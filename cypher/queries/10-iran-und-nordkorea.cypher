// title: Was haben Iran und Nordkorea gemeinsam? (What do Iran and North Korea have in common?)
// description: Targets both countries have a relationship of the same type with.
MATCH (i:Country {uid: 'iran'})-[r1]->(x)<-[r2]-(n:Country {uid: 'nordkorea'})
WHERE label(r1) = label(r2)
RETURN label(r1) AS beziehung, x.name AS ziel, i, r1, x, r2, n
ORDER BY beziehung, ziel
