/**
 * The application layer: {@link io.lockstep.analysis.AnalysisPipeline} runs one analysis, driven by one
 * {@link io.lockstep.analysis.AnalysisParams} record (import, read the activity, communities, influence, coordination,
 * output files, pictures, write-back), with the files ({@link io.lockstep.analysis.AnalysisFiles}), the pictures
 * ({@link io.lockstep.analysis.AnalysisVisuals}) and the write-back ({@code AnalysisWriteBack}) as its steps; and
 * {@link io.lockstep.analysis.StoreScenes}, which maps the store's records for {@code render} and {@code view} onto
 * the visualizer's scenes. Knows nothing of picocli; reaches Neo4j only through the store module's API.
 */
package io.lockstep.analysis;
