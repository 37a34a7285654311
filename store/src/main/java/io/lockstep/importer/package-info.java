/**
 * Loading archives into the store (the store module's half of {@code io.lockstep.importer}; the formats are the
 * importers module's half): {@link io.lockstep.importer.ArchiveImporter} drives the parsers into the transactional
 * {@link io.lockstep.importer.Neo4jWriter} or, for an empty embedded store, the {@link io.lockstep.importer.BulkLoader}
 * (Neo4j's own importer on staged CSV), resumably; {@link io.lockstep.importer.GraphExport} writes the graph for
 * Gephi; {@link io.lockstep.importer.StoreStatistics} counts what the store holds. All their Cypher is parameterised.
 */
package io.lockstep.importer;
