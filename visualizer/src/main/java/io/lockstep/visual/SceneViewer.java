package io.lockstep.visual;

import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.ui.graphicGraph.GraphicElement;
import org.graphstream.ui.swing_viewer.SwingViewer;
import org.graphstream.ui.swing_viewer.ViewPanel;
import org.graphstream.ui.view.Viewer;
import org.graphstream.ui.view.util.InteractiveElement;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSlider;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;

/**
 * The interactive viewer: GraphStream's Swing viewer on our own layout (no GraphStream auto-layout), with a side
 * panel for search by screen name, signal and score filters, the evidence of the clicked node, and export of the
 * current view to PNG (what is on screen) or SVG (the visible nodes, re-drawn). Labels follow {@link AccountNames}
 * (screen names, or ids cut to 8 characters); those of the largest nodes that do not overlap are always shown, the
 * others appear at the zoom (mouse wheel) where they no longer overlap. Needs a display.
 */
public final class SceneViewer {
    /** Layout box for the viewer, in graph units (pixels at zoom 1). */
    static final int LAYOUT_W = 1400, LAYOUT_H = 900;
    static final String ALL_SIGNALS = "all signals";

    private final Scene scene;
    private final Placement placement;
    private final Map<String, Integer> index;
    private Graph graph;
    private SwingViewer viewer;
    private ViewPanel view;
    private JFrame frame;
    private JTextArea evidence;
    private JTextField search;
    private JComboBox<String> signal;
    private JSlider threshold;
    private final CountDownLatch closed = new CountDownLatch(1);

    public SceneViewer(Scene scene) {
        this.scene = scene;
        this.placement = SceneLayout.forScene(scene).place(scene, LAYOUT_W, LAYOUT_H);
        this.index = scene.indexById();
    }

    /** Opens the window (on the Swing thread) and returns once it is shown. */
    public void open() {
        if (GraphicsEnvironment.isHeadless()) {
            throw new HeadlessException("the viewer needs a display (set DISPLAY, or use 'lockstep render')");
        }
        System.setProperty("org.graphstream.ui", "swing");
        onEdt(this::build);
    }

    private void build() {
        graph = GraphStreamDrawing.toGraph(placement, true);
        viewer = new SwingViewer(graph, Viewer.ThreadingModel.GRAPH_IN_ANOTHER_THREAD);
        viewer.disableAutoLayout();
        viewer.setCloseFramePolicy(Viewer.CloseFramePolicy.CLOSE_VIEWER);
        view = (ViewPanel) viewer.addDefaultView(false);
        view.setPreferredSize(new Dimension(1100, 760));
        view.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                GraphicElement element = view.findGraphicElementAt(EnumSet.of(InteractiveElement.NODE), e.getX(), e.getY());
                if (element != null && index.containsKey(element.getId())) {
                    showEvidence(element.getId());
                }
            }
        });
        view.addMouseWheelListener(e -> {
            double p = view.getCamera().getViewPercent();
            view.getCamera().setViewPercent(Math.max(0.02, Math.min(2, p * (e.getWheelRotation() > 0 ? 1.15 : 1 / 1.15))));
        });

        JPanel side = new JPanel();
        side.setLayout(new BoxLayout(side, BoxLayout.Y_AXIS));
        side.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        side.setPreferredSize(new Dimension(330, 760));

        search = new JTextField();
        search.addActionListener(e -> search(search.getText()));
        JButton find = new JButton("Find");
        find.addActionListener(e -> search(search.getText()));
        side.add(label("Search screen name"));
        JPanel searchRow = new JPanel(new BorderLayout(4, 0));
        searchRow.add(search, BorderLayout.CENTER);
        searchRow.add(find, BorderLayout.EAST);
        side.add(left(searchRow));

        TreeSet<String> signals = new TreeSet<>();
        scene.nodes().forEach(n -> signals.addAll(n.signals()));
        List<String> choices = new ArrayList<>();
        choices.add(ALL_SIGNALS);
        choices.addAll(signals);
        signal = new JComboBox<>(choices.toArray(String[]::new));
        signal.addActionListener(e -> applyFilters());
        side.add(Box.createVerticalStrut(8));
        side.add(label("Signal"));
        side.add(left(signal));

        threshold = new JSlider(0, 100, 0);
        threshold.setMajorTickSpacing(25);
        threshold.setPaintTicks(true);
        threshold.setPaintLabels(true);
        threshold.addChangeListener(e -> {
            if (!threshold.getValueIsAdjusting()) {
                applyFilters();
            }
        });
        side.add(Box.createVerticalStrut(8));
        side.add(label("Minimum score (%)"));
        side.add(left(threshold));

        JButton png = new JButton("Export PNG");
        png.addActionListener(e -> chooseFile(".png").ifPresent(this::exportPng));
        JButton svg = new JButton("Export SVG");
        svg.addActionListener(e -> chooseFile(".svg").ifPresent(this::exportSvg));
        JPanel exportRow = new JPanel();
        exportRow.add(png);
        exportRow.add(svg);
        side.add(Box.createVerticalStrut(8));
        side.add(left(exportRow));

        evidence = new JTextArea(20, 28);
        evidence.setEditable(false);
        evidence.setLineWrap(true);
        evidence.setWrapStyleWord(true);
        evidence.setText("Click a node to see its evidence.");
        side.add(Box.createVerticalStrut(8));
        side.add(label("Evidence"));
        side.add(left(new JScrollPane(evidence)));

        frame = new JFrame("Lockstep — " + scene.title());
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                viewer.close();
                closed.countDown();
            }
        });
        frame.getContentPane().add(view, BorderLayout.CENTER);
        frame.getContentPane().add(side, BorderLayout.EAST);
        frame.pack();
        frame.setLocationRelativeTo(null);
        frame.setVisible(true);
    }

    private static JLabel label(String text) {
        JLabel l = new JLabel(text);
        l.setAlignmentX(Component.LEFT_ALIGNMENT);
        return l;
    }

    private static Component left(JComponent c) {
        c.setAlignmentX(Component.LEFT_ALIGNMENT);
        c.setMaximumSize(new Dimension(Integer.MAX_VALUE, c.getPreferredSize().height));
        return c;
    }

    /**
     * Finds a node by screen name or id (exact, then prefix, ignoring case; a shortened id as shown works too),
     * centres on it and shows its evidence.
     */
    public Optional<String> search(String name) {
        String q = name.trim().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
        if (q.isEmpty()) {
            return Optional.empty();
        }
        Optional<SceneNode> hit = scene.nodes().stream().filter(n -> n.label().toLowerCase(Locale.ROOT).equals(q)
                || n.id().toLowerCase(Locale.ROOT).equals(q)).findFirst();
        if (hit.isEmpty()) {
            String prefix = q.endsWith("…") ? q.substring(0, q.length() - 1) : q;
            hit = scene.nodes().stream().filter(n -> n.label().toLowerCase(Locale.ROOT).startsWith(prefix)
                    || n.id().toLowerCase(Locale.ROOT).startsWith(prefix)).findFirst();
        }
        hit.ifPresentOrElse(n -> {
            int i = index.get(n.id());
            onEdt(() -> {
                view.getCamera().setViewCenter(placement.x()[i], placement.height() - placement.y()[i], 0);
                view.getCamera().setViewPercent(0.5);
                showEvidence(n.id());
            });
        }, () -> onEdt(() -> evidence.setText("No account named '" + name.trim() + "'.")));
        return hit.map(SceneNode::id);
    }

    /** The evidence text shown for node {@code id}. */
    static String evidenceText(SceneNode n) {
        StringBuilder b = new StringBuilder();
        String name = AccountNames.label(n.label());
        b.append(name.equals(AccountNames.shortId(n.id())) ? "" : "@").append(name).append("  (").append(n.id()).append(")\n");
        b.append("community: ").append(n.community() == SceneNode.NONE ? "-" : Integer.toString(n.community()));
        b.append(", cluster: ").append(n.cluster() == SceneNode.NONE ? "-" : Integer.toString(n.cluster())).append('\n');
        b.append(String.format(Locale.ROOT, "score: %.2f%s%n", n.score(), n.suspicious() ? " — SUSPICIOUS" : ""));
        b.append("signals: ").append(n.signals().isEmpty() ? "-" : String.join(", ", n.signals())).append('\n');
        if (!n.evidence().isEmpty()) {
            b.append('\n');
            n.evidence().forEach(line -> b.append("• ").append(line).append('\n'));
        }
        return b.toString();
    }

    private void showEvidence(String id) {
        SceneNode n = scene.nodes().get(index.get(id));
        evidence.setText(evidenceText(n));
        evidence.setCaretPosition(0);
        for (Node node : graph) {
            node.removeAttribute("ui.selected");
        }
        graph.getNode(id).setAttribute("ui.selected");
    }

    /** The text of the evidence panel. */
    public String evidenceShown() {
        String[] out = new String[1];
        onEdt(() -> out[0] = evidence.getText());
        return out[0];
    }

    /** Sets the filters as the controls do: a signal (or null for all) and a minimum score in [0, 1]. */
    public void setFilters(String signalName, double minScore) {
        onEdt(() -> {
            signal.setSelectedItem(signalName == null ? ALL_SIGNALS : signalName);
            threshold.setValue((int) Math.round(minScore * 100));
            applyFilters();
        });
    }

    /** Ids of the nodes that pass the filters. */
    public List<String> visibleIds() {
        return visibleScene().nodes().stream().map(SceneNode::id).toList();
    }

    private Scene visibleScene() {
        String sig = signal == null ? ALL_SIGNALS : (String) signal.getSelectedItem();
        double min = threshold == null ? 0 : threshold.getValue() / 100.0;
        return scene.filter(scene.title(), n -> n.score() >= min && (ALL_SIGNALS.equals(sig) || n.signals().contains(sig)));
    }

    private void applyFilters() {
        Scene visible = visibleScene();
        Set<String> keep = new HashSet<>();
        visible.nodes().forEach(n -> keep.add(n.id()));
        for (SceneNode n : scene.nodes()) {
            Node node = graph.getNode(n.id());
            if (keep.contains(n.id())) {
                node.removeAttribute("ui.hide");
            } else {
                node.setAttribute("ui.hide");
            }
        }
        graph.edges().forEach(e -> {
            if (keep.contains(e.getNode0().getId()) && keep.contains(e.getNode1().getId())) {
                e.removeAttribute("ui.hide");
            } else {
                e.setAttribute("ui.hide");
            }
        });
    }

    /** What the window shows right now (graph and side panel). */
    public BufferedImage snapshot() {
        BufferedImage[] out = new BufferedImage[1];
        onEdt(() -> {
            Component c = frame.getContentPane();
            BufferedImage img = new BufferedImage(Math.max(1, c.getWidth()), Math.max(1, c.getHeight()), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            c.paint(g);
            g.dispose();
            out[0] = img;
        });
        return out[0];
    }

    /** Writes the current graph view (as on screen) to a PNG file. */
    public void exportPng(Path file) {
        BufferedImage[] out = new BufferedImage[1];
        onEdt(() -> {
            BufferedImage img = new BufferedImage(Math.max(1, view.getWidth()), Math.max(1, view.getHeight()), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            view.paint(g);
            g.dispose();
            out[0] = img;
        });
        try {
            ImageIO.write(out[0], "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes the nodes that pass the filters, with title and legend, to an SVG file. */
    public void exportSvg(Path file) {
        new SceneRenderer().renderSvg(visibleScene(), file, SceneRenderer.WIDTH, SceneRenderer.HEIGHT);
    }

    private Optional<Path> chooseFile(String extension) {
        JFileChooser chooser = new JFileChooser();
        chooser.setSelectedFile(new File("lockstep-view" + extension));
        if (chooser.showSaveDialog(frame) != JFileChooser.APPROVE_OPTION) {
            return Optional.empty();
        }
        Path p = chooser.getSelectedFile().toPath();
        if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension)) {
            p = p.resolveSibling(p.getFileName() + extension);
        }
        return Optional.of(p);
    }

    /** Blocks until the user closes the window. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Closes the window. */
    public void close() {
        onEdt(() -> {
            if (frame != null) {
                frame.dispose();
            }
        });
    }

    private static void onEdt(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
            return;
        }
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
    }
}
