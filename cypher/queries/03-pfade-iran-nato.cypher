// title: Alle Pfade von Iran zur NATO (Every path from Iran to NATO)
// description: How Iran connects to NATO through the facts of the article: every trail of up to three relationships, in either direction, article mentions left out.
MATCH p = (i:Country {uid: 'iran'})-[* TRAIL 1..3 (r, n | WHERE label(r) <> 'MENTIONS' AND label(r) <> 'LINKS_TO')]-(nato:Organization {uid: 'nato'})
RETURN p, length(p) AS laenge
ORDER BY laenge
