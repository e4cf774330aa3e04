// title: Die Partnerschaft Russland–Nordkorea (The Russia–North Korea partnership)
// description: Who is party to the partnership and the security agreement, who challenges whom, and what Lawrow says of them.
MATCH (x)-[r]-(p)
WHERE p.uid IN ['partnerschaft-russland-nordkorea', 'sicherheitsabkommen-russland-nordkorea'] AND label(r) <> 'MENTIONS'
RETURN x.name AS wer, label(r) AS beziehung, p.name AS partnerschaft, r.qualification AS einordnung, x, r, p
ORDER BY partnerschaft, beziehung, wer
