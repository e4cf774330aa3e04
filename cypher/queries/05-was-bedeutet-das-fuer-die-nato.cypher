// title: Was bedeutet das für die NATO? (What does this mean for NATO?)
// description: Everything the article says about NATO and its allies: challenges, possible measures, strategy.
MATCH (x)-[r]-(nato)
WHERE nato.uid IN ['nato', 'nato-verbuendete'] AND label(r) <> 'MENTIONS'
RETURN x.name AS wer, label(r) AS beziehung, nato.name AS betrifft, r.qualification AS einordnung, r.sentence AS quelle, x, r, nato
ORDER BY betrifft, beziehung, wer
