/**
 * Loading archives into the store: {@link io.lockstep.store.load.ArchiveImporter} drives the importers module's
 * parsers into the transactional {@link io.lockstep.store.load.Neo4jWriter} or, for an empty embedded store, the
 * {@link io.lockstep.store.load.BulkLoader} (Neo4j's own importer, fed staged binary files through its Input API, or
 * staged CSV), resumably, and reports per file in an {@link io.lockstep.store.load.ImportReport}. All their Cypher is
 * parameterised. Uses {@code io.lockstep.store} and the formats of {@code io.lockstep.importer}; nothing in
 * {@code io.lockstep.store} uses this package.
 */
package io.lockstep.store.load;
