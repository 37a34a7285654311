package io.lockstep.visual;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {
    static final long T0 = 1_709_370_000L; // 2 Mar 2024 09:00 UTC
    static final String HASHED = "2MwG/P5EaZu6OXqoYL6YBQN/OsZfBX62y82QzyQa/cg=";
    static Path html;
    static String text;
    static Document doc;

    static ReportModel.Name name(String id) {
        return new ReportModel.Name(id, id.startsWith("alice") ? id : null);
    }

    static List<ReportModel.Name> names(String prefix, int n) {
        List<ReportModel.Name> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ReportModel.Name(prefix + i, prefix + i));
        }
        return out;
    }

    static ReportModel model() {
        Scene accounts = Scenes.twoCommunities();
        int[] posts = new int[30], coord = new int[30];
        for (int i = 0; i < 30; i++) {
            posts[i] = 2 + i % 3;
        }
        posts[10] = 12;
        coord[10] = 9;
        ReportModel.MinuteSeries series = new ReportModel.MinuteSeries(T0, posts, coord);
        Map<String, String> thresholds = new LinkedHashMap<>();
        thresholds.put("co-retweet window", "60 s");
        // #vote: 12 hourly bursts with 30 amplifiers each; 12 more hashtags with one burst
        List<ReportModel.Burst> voteBursts = new ArrayList<>();
        for (int b = 0; b < 12; b++) {
            voteBursts.add(new ReportModel.Burst(T0 + b * 3600L, T0 + (b + 1) * 3600L, 100, 0.5,
                    List.of(new ReportModel.Name(HASHED, HASHED)), names("amp", 30)));
        }
        List<ReportModel.Campaign> campaigns = new ArrayList<>();
        campaigns.add(new ReportModel.Campaign("vote", voteBursts, series, 31, 3, List.of(7)));
        for (int k = 0; k < 12; k++) {
            campaigns.add(new ReportModel.Campaign("tag" + k, List.of(new ReportModel.Burst(T0, T0 + 3600, 20 - k, 0.4,
                    List.of(name("alice_0")), List.of(name("alice_1")))), null, 2, 0, List.of()));
        }
        List<ReportModel.Cluster> clusters = List.of(
                new ReportModel.Cluster(7, "botnet", 3, 0.9, true, List.of("co-retweet"), List.of("vote"), List.of("example.org/news"),
                        T0 + 600, T0 + 660, List.of(name("alice_0"), name("alice_1"), name("alice_2")),
                        List.of("All 3 members retweeted the same 5 posts within 60 s of each other."), series,
                        OverviewBuilder.cluster(accounts, 7, 3, "Cluster 7")),
                new ReportModel.Cluster(9, "follower-farm", 40, 0.3, false, List.of("lockstep-follow"), List.of(), List.of(),
                        Long.MIN_VALUE, Long.MIN_VALUE, names("farm", 40), List.of("All 40 members follow the same 12 accounts."), null, null));
        List<ReportModel.Account> flagged = new ArrayList<>();
        flagged.add(new ReportModel.Account(new ReportModel.Name(HASHED, HASHED), 0.9, 7, List.of("co-retweet"),
                List.of("co-retweet with @alice_1: 5 shared")));
        for (int i = 0; i < 14; i++) {
            flagged.add(new ReportModel.Account(new ReportModel.Name("acct" + i, "acct" + i), 0.8, 7, List.of("co-retweet"), List.of()));
        }
        return new ReportModel("Lockstep report <demo>", T0,
                new ReportModel.Summary("demo archive", 8, 120, 5, 1, T0, T0 + 1800, 2, 2, 15, 24, 0.5),
                OverviewBuilder.communityGraph(accounts, "Overview"), campaigns, clusters, flagged.subList(0, 3), flagged,
                new ReportModel.Method("Co-retweet detection.\n\nClusters come from Leiden.", thresholds));
    }

    @BeforeAll
    static void write(@TempDir Path dir) throws Exception {
        html = dir.resolve("out/report.html");
        new ReportWriter().write(model(), html);
        text = Files.readString(html);
        doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(html.toFile());
    }

    static List<Element> elements(String tag) {
        List<Element> out = new ArrayList<>();
        NodeList list = doc.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static Element byId(String id) {
        for (String tag : List.of("p", "section", "article", "tr")) {
            for (Element e : elements(tag)) {
                if (id.equals(e.getAttribute("id"))) {
                    return e;
                }
            }
        }
        throw new AssertionError("no element #" + id);
    }

    @Test
    void sectionsComeFindingsFirstAndPrintOnA4() {
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(elements("title").get(0).getTextContent()).isEqualTo("Lockstep report <demo>");
        assertThat(elements("section").stream().map(e -> e.getAttribute("id")).toList())
                .containsExactly("findings", "campaigns", "clusters", "accounts", "method", "appendix");
        assertThat(elements("style").get(0).getTextContent()).contains("@media print", "size: A4", "break-before: page",
                "a.ext::after", "@media screen and (max-width: 760px)");
    }

    @Test
    void findingsSayInWordsWhatWasFound() {
        String lead = byId("findings-lead").getTextContent();
        assertThat(lead).isEqualTo("Lockstep found 2 coordinated clusters among 8 accounts and 120 posts (2 Mar 2024 09:00–09:30 UTC): "
                + "1 botnet and 1 follower farm. 1 of them reaches the suspicion threshold, 3 accounts in all; the evidence is strong for 1. "
                + "The largest is cluster 9, a follower farm of 40 accounts (score 0.30, weak evidence, not flagged).");
        String findings = byId("findings").getTextContent();
        assertThat(findings).contains("Cluster 7, a botnet of 3 accounts — score 0.90, strong evidence. All 3 members retweeted the same 5 posts "
                        + "within 60 s of each other. Pushed #vote and example.org/news, 2 Mar 2024 09:10–09:11 UTC.",
                "1 cluster scores below the threshold of 0.50",
                "13 hashtags were pushed in 24 coordinated bursts; the strongest are #vote (12 bursts, 50 % of 1,200 posts coordinated, by cluster 7)");
        // the overview picture sits beside the text, in the same section
        assertThat(byId("findings").getElementsByTagName("svg").getLength()).isEqualTo(1);
    }

    @Test
    void picturesAreInlineSvgWithATooltipPerAccountAndNothingExternal() {
        // overview, cluster picture, cluster timeline, campaign timeline of #vote
        assertThat(elements("svg")).hasSize(4);
        assertThat(elements("img")).isEmpty();
        Element cluster = byId("cluster-7");
        List<String> tips = new ArrayList<>();
        NodeList circles = cluster.getElementsByTagName("circle");
        for (int i = 0; i < circles.getLength(); i++) {
            NodeList t = ((Element) circles.item(i)).getElementsByTagName("title");
            if (t.getLength() > 0) {
                tips.add(t.item(0).getTextContent());
            }
        }
        assertThat(tips).contains("alice_0 (id a0)\nscore 0.90, suspicious, cluster 7\nsignals: co-retweet");
        assertThat(text).doesNotContain("src=\"http", "<link", "<script", "<img");
        assertThat(text).contains("<a class=\"ext\" rel=\"nofollow noopener noreferrer\" href=\"https://example.org/news\">");
    }

    @Test
    void campaignsAreOneCardPerHashtagAndLongListsAreCollapsed() {
        List<Element> cards = elements("article").stream().filter(a -> a.getAttribute("class").contains("campaign")).toList();
        assertThat(cards).hasSize(ReportWriter.CAMPAIGN_CARDS);
        assertThat(cards.get(0).getAttribute("id")).isEqualTo("campaign-vote");
        // 12 bursts of #vote: 10 rows shown, 2 in a collapsed list
        Element vote = cards.get(0);
        NodeList tables = vote.getElementsByTagName("table");
        assertThat(tables.getLength()).isEqualTo(2);
        assertThat(rows((Element) tables.item(0))).isEqualTo(10);
        assertThat(rows((Element) tables.item(1))).isEqualTo(2);
        assertThat(tables.item(1).getParentNode().getNodeName()).isEqualTo("details");
        // the three campaigns beyond the ten cards are listed in a collapsed table
        Element campaigns = byId("campaigns");
        Element rest = (Element) campaigns.getElementsByTagName("details").item(campaigns.getElementsByTagName("details").getLength() - 1);
        assertThat(rest.getElementsByTagName("summary").item(0).getTextContent()).isEqualTo("3 more campaigns");
        // no cell names more than 10 accounts: 30 amplifiers become 5 names and "and 26 more"
        for (Element td : elements("td")) {
            assertThat(td.getElementsByTagName("span").getLength()).isLessThanOrEqualTo(ReportWriter.NAMES_PER_CELL);
        }
        assertThat(vote.getTextContent()).contains("@amp0, @amp1", "and 26 more", "3 of its 31 accounts are flagged, in cluster 7.");
        assertThat(cards.get(1).getTextContent()).contains("None of its 2 accounts is in a flagged cluster");
    }

    static int rows(Element table) {
        return table.getElementsByTagName("tbody").item(0) instanceof Element b ? b.getElementsByTagName("tr").getLength() : 0;
    }

    @Test
    void hashedIdsAreShortenedWithTheFullIdInATooltipAndTheAppendix() {
        assertThat(text).contains("<span class=\"acct\" title=\"" + HASHED + "\">2MwG/P5E…</span>");
        assertThat(text).doesNotContain(">" + HASHED + "</span></td><td class=\"num\" data-label=\"Score\"");
        Element appendix = byId("appendix");
        assertThat(appendix.getTextContent()).contains(HASHED, "All 15 flagged accounts are in accounts.csv.");
        // the 20 accounts the report names (seed, 4 amplifiers, alice_0-2, 10 farm members, top accounts acct0-1):
        // 10 rows shown, 10 collapsed
        NodeList tables = appendix.getElementsByTagName("table");
        assertThat(rows((Element) tables.item(0))).isEqualTo(10);
        assertThat(rows((Element) tables.item(1))).isEqualTo(10);
        assertThat(tables.item(1).getParentNode().getNodeName()).isEqualTo("details");
    }

    @Test
    void clusterCardsCarryKindScoreEvidenceAndBoundedMembers() {
        Element farm = byId("cluster-9");
        assertThat(farm.getTextContent()).contains("Cluster 9: follower farm of 40 accounts", "score 0.30 · weak evidence, not flagged",
                "All 40 members follow the same 12 accounts.", "and 30 more");
        assertThat(farm.getElementsByTagName("span").getLength()).isLessThanOrEqualTo(ReportWriter.NAMES_PER_CELL + 1);
        assertThat(byId("method").getTextContent()).contains("co-retweet window", "Clusters come from Leiden.");
    }
}
