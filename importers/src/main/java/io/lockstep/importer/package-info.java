/**
 * Archive importers: one {@link io.lockstep.importer.RecordParser} per {@link io.lockstep.importer.Format} into a
 * common row model ({@link io.lockstep.importer.AccountRow}, {@link io.lockstep.importer.PostRow},
 * {@link io.lockstep.importer.EdgeRow}), {@link io.lockstep.importer.FormatDetector}, one batched Neo4j writer,
 * and the entry points {@link io.lockstep.importer.ArchiveImporter} (files into the store, resumable),
 * {@link io.lockstep.importer.EdgeFiles} (edge lists without a database), {@link io.lockstep.importer.GraphExport}
 * and {@link io.lockstep.importer.StoreStatistics}.
 */
package io.lockstep.importer;
