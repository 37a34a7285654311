package io.lockstep.activity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlsTest {

    @Test
    void lowerCasesSchemeAndHostButNotPath() {
        assertThat(Urls.normalize("HTTPS://Example.COM/Some/Path")).isEqualTo("https://example.com/Some/Path");
    }

    @Test
    void dropsWwwTrailingSlashFragmentAndDefaultPort() {
        assertThat(Urls.normalize("http://www.example.com:80/a/b/#top")).isEqualTo("http://example.com/a/b");
        assertThat(Urls.normalize("https://www.example.com/")).isEqualTo("https://example.com");
        assertThat(Urls.normalize("https://example.com:8443/x")).isEqualTo("https://example.com:8443/x");
    }

    @Test
    void dropsOnlyUtmParametersAndKeepsTheOthersInOrder() {
        assertThat(Urls.normalize("https://example.com/a/?utm_source=tw&id=7&UTM_Medium=x&b=2"))
                .isEqualTo("https://example.com/a?id=7&b=2");
        assertThat(Urls.normalize("https://example.com/a?utm_source=tw")).isEqualTo("https://example.com/a");
    }

    @Test
    void twoSpellingsOfOneUrlBecomeEqual() {
        assertThat(Urls.normalize(" https://WWW.Example.com/a/?utm_source=x "))
                .isEqualTo(Urls.normalize("https://example.com/a"));
    }

    @Test
    void schemelessHostsGetHttpAndJunkIsKeptTrimmed() {
        assertThat(Urls.normalize("www.Example.com/x")).isEqualTo("http://example.com/x");
        assertThat(Urls.normalize("  not a url ")).isEqualTo("not a url");
        assertThat(Urls.normalize("   ")).isNull();
        assertThat(Urls.normalize(null)).isNull();
    }
}
