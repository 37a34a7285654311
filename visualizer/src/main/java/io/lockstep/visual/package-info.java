/**
 * Pictures, charts, the interactive viewer and report.html. The input model ({@link io.lockstep.visual.Scene},
 * {@link io.lockstep.visual.ReportModel}, {@link io.lockstep.visual.LineChart.Series}) is independent of Neo4j and of
 * the detection internals; GraphStream is used only behind {@link io.lockstep.visual.GraphDrawing} and in
 * {@link io.lockstep.visual.SceneViewer}; every Java2D chart starts from the same canvas set-up.
 */
package io.lockstep.visual;
