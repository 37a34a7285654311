/**
 * Archive formats, without a database: one {@link io.lockstep.importer.RecordParser} per
 * {@link io.lockstep.importer.Format} into a common row model ({@link io.lockstep.importer.AccountRow},
 * {@link io.lockstep.importer.PostRow}, {@link io.lockstep.importer.EdgeRow}) handed to a
 * {@link io.lockstep.importer.RowSink}; {@link io.lockstep.importer.FormatDetector}; and two readers that need no
 * store: {@link io.lockstep.importer.ArchiveFiles} (files straight into an in-memory {@code Activity}) and
 * {@link io.lockstep.importer.EdgeFiles} (edge lists for {@code communities}). Writing rows into Neo4j is the
 * store module's job; this module cannot see Neo4j.
 */
package io.lockstep.importer;
