// title: Was sagen die verlinkten Artikel? (What do the linked articles say?)
// description: The two headlines linked at the end of the article and the actors and facts their titles name.
MATCH (main:Article)-[l:LINKS_TO]->(linked:Article)-[m:MENTIONS]->(x)
OPTIONAL MATCH (x)-[f]->(y)
WHERE f.article = linked.uid
RETURN linked.title AS artikel, linked.time AS uhrzeit, x.name AS nennt, main, l, linked, m, x, f, y
ORDER BY uhrzeit, nennt
