// title: Wer beliefert Russland, womit? (Who supplies Russia, and with what?)
// description: Every country that supplies Russia with materiel or troops, what it sends, and how sure the article is (alleged, reported).
MATCH (s:Country)-[r:SUPPLIES|SENDS_TROOPS_TO]->(ru:Country {uid: 'russland'})
RETURN s.name AS lieferant, coalesce(r.item, 'Truppen') AS gut, r.qualification AS einordnung, r.sentence AS quelle, s, r, ru
ORDER BY lieferant, gut
