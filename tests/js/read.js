// Reads a GEXF or GraphML file with graphology's parsers (the ones Gephi Lite uses) and prints the graph
// as JSON: {type, multi, nodes: [{key, attributes}], edges: [{key, source, target, attributes}]}.
// Usage: node read.js gexf|graphml FILE   (tests/test_export_readers.py runs it)
'use strict';
const fs = require('fs');
const {MultiGraph} = require('graphology');
const gexf = require('graphology-gexf');
const graphml = require('graphology-graphml');

const [format, file] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const parser = {gexf, graphml}[format];
if (!parser) {
  console.error(`unknown format ${format}: gexf or graphml`);
  process.exit(2);
}
const graph = parser.parse(MultiGraph, text, {addMissingNodes: false});
const out = {type: graph.type, multi: graph.multi, nodes: [], edges: []};
graph.forEachNode((key, attributes) => out.nodes.push({key, attributes}));
graph.forEachEdge((key, attributes, source, target) => out.edges.push({key, source, target, attributes}));
process.stdout.write(JSON.stringify(out));
