package io.lockstep.visual;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {
    static final long T0 = 1_709_370_000L; // 2024-03-02 09:00 UTC
    static Path html;
    static Document doc;

    static ReportModel model() {
        Scene accounts = Scenes.twoCommunities();
        int[] posts = new int[30], coord = new int[30];
        for (int i = 0; i < 30; i++) {
            posts[i] = 2 + i % 3;
        }
        posts[10] = 12;
        coord[10] = 9;
        Map<String, String> thresholds = new LinkedHashMap<>();
        thresholds.put("co-retweet window", "60 s");
        thresholds.put("minimum cluster size", "3");
        return new ReportModel("Lockstep report <demo>", T0,
                new ReportModel.Summary("demo archive", 8, 120, 5, 1, T0, T0 + 1800, 2, 1, 3, 1),
                OverviewBuilder.communityGraph(accounts, "Overview"),
                List.of(new ReportModel.Campaign("vote", T0, T0 + 1800, List.of("alice_0"), List.of("alice_1", "alice_2"), 0.42)),
                List.of(new ReportModel.Cluster(7, "co-retweet", 3, 0.9, List.of("co-retweet"), List.of("vote"), T0 + 600, T0 + 660,
                        List.of("alice_0", "alice_1", "alice_2"), new ReportModel.MinuteSeries(T0, posts, coord),
                        OverviewBuilder.cluster(accounts, 7, 3, "Cluster 7"))),
                List.of(new ReportModel.Account("alice_0", "a0", 0.9, 7, List.of("co-retweet"), List.of("shared 5 retweets within 30 s with alice_1 & alice_2"))),
                new ReportModel.Method("Co-retweet detection.\n\nClusters are connected components.", thresholds));
    }

    @BeforeAll
    static void write(@TempDir Path dir) throws Exception {
        html = dir.resolve("out/report.html");
        new ReportWriter().write(model(), html);
        doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(html.toFile());
    }

    @Test
    void reportIsWellFormedXhtmlWithAllSections() {
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Lockstep report <demo>");
        List<String> sections = new ArrayList<>();
        NodeList list = doc.getElementsByTagName("section");
        for (int i = 0; i < list.getLength(); i++) {
            sections.add(((Element) list.item(i)).getAttribute("id"));
        }
        assertThat(sections).containsExactly("summary", "overview", "campaigns", "clusters", "accounts", "method");
        assertThat(doc.getElementsByTagName("style").item(0).getTextContent()).contains("@media print");
    }

    @Test
    void imagesAreInlinePngsThatDecode() throws Exception {
        NodeList imgs = doc.getElementsByTagName("img");
        assertThat(imgs.getLength()).isEqualTo(3); // overview, cluster picture, timeline
        List<int[]> sizes = new ArrayList<>();
        for (int i = 0; i < imgs.getLength(); i++) {
            String src = ((Element) imgs.item(i)).getAttribute("src");
            assertThat(src).startsWith("data:image/png;base64,");
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
            sizes.add(new int[]{img.getWidth(), img.getHeight()});
        }
        assertThat(sizes).containsExactly(new int[]{1000, 640}, new int[]{900, 560}, new int[]{900, 220});
        String text = Files.readString(html);
        assertThat(text).doesNotContain("src=\"http", "href=", "<link", "<script");
    }

    @Test
    void tablesCarryTheFacts() {
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("#vote", "42.0%", "2024-03-02 09:00 UTC", "alice_1, alice_2",
                "shared 5 retweets within 30 s with alice_1 & alice_2", "co-retweet window", "60 s",
                "Clusters are connected components.");
        assertThat(doc.getElementsByTagName("article").getLength()).isEqualTo(1);
    }
}
