"""Reads every export back with tools the project did not write and prints what they found, as JSON.

usage: python3 read-back.py DIR   (DIR holds graph.graphml, graph.gexf, csv/, neo4j/, graph.cyjs)
"""
import csv
import json
import sys

import networkx as nx

folder = sys.argv[1]
result = {"networkx": nx.__version__}

graphml = nx.read_graphml(f"{folder}/graph.graphml")
result["graphml"] = {
    "nodes": graphml.number_of_nodes(),
    "edges": graphml.number_of_edges(),
    "labels": {node: data.get("label") for node, data in graphml.nodes(data=True)},
    "kinds": {node: data.get("kind") for node, data in graphml.nodes(data=True)},
    "sources": {node: data.get("sources") for node, data in graphml.nodes(data=True)},
    "x": {node: data.get("x") for node, data in graphml.nodes(data=True)},
}

gexf = nx.read_gexf(f"{folder}/graph.gexf", version="1.3")
result["gexf"] = {
    "nodes": gexf.number_of_nodes(),
    "edges": gexf.number_of_edges(),
    "labels": {node: data.get("label") for node, data in gexf.nodes(data=True)},
    "colors": {node: data.get("viz", {}).get("color") for node, data in gexf.nodes(data=True)},
}


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


nodes = rows(f"{folder}/csv/nodes.csv")
edges = rows(f"{folder}/csv/edges.csv")
result["csv"] = {"nodes": len(nodes), "edges": len(edges), "columns": list(nodes[0].keys()), "edgeColumns": list(edges[0].keys()), "labels": {row["Id"]: row["Label"] for row in nodes}}
neo_nodes = rows(f"{folder}/neo4j/nodes.csv")
neo_edges = rows(f"{folder}/neo4j/relationships.csv")
result["neo4j"] = {"nodes": len(neo_nodes), "edges": len(neo_edges), "columns": list(neo_nodes[0].keys()), "edgeColumns": list(neo_edges[0].keys()), "labels": {row["id:ID"]: row["name"] for row in neo_nodes}}

with open(f"{folder}/graph.cyjs", encoding="utf-8") as handle:
    cy = nx.cytoscape_graph({"data": {}, "directed": True, "multigraph": True, "elements": json.load(handle)["elements"]}, name="label", ident="id")
result["cytoscape"] = {"nodes": cy.number_of_nodes(), "edges": cy.number_of_edges()}

json.dump(result, sys.stdout)
