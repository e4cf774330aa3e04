// title: Die Partnerschaft Russland–Nordkorea (The Russia–North Korea partnership)
// description: Who is party to the partnership and the security agreement, what they challenge, and what Lawrow says of them. Each row reads in the relationship's direction: von → beziehung → zu.
MATCH (a)-[r]->(b)
WHERE (a.uid IN ['partnerschaft-russland-nordkorea', 'sicherheitsabkommen-russland-nordkorea'] OR b.uid IN ['partnerschaft-russland-nordkorea', 'sicherheitsabkommen-russland-nordkorea']) AND label(r) <> 'MENTIONS'
RETURN a.name AS von, label(r) AS beziehung, b.name AS zu, r.qualification AS einordnung, a, r, b
ORDER BY beziehung, von, zu
