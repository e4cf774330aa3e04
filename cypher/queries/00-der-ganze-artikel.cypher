// title: Der ganze Artikelgraph (The whole article graph)
// description: Every node and relationship of the article's graph; what the explorer shows first.
MATCH (a)-[r]->(b)
RETURN a, r, b
