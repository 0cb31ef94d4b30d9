package dev.taskline.http.javalin.headers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorsSettingsTest {

    @Test
    void parse_keepsEachOrigin_inLowerCase() {
        CorsSettings settings = CorsSettings.parse(" https://App.Example.com , http://localhost:5173,, ");

        assertThat(settings.allowedOrigins()).containsExactlyInAnyOrder("https://app.example.com", "http://localhost:5173");
        assertThat(settings.allows("https://app.example.com")).isTrue();
        assertThat(settings.allows("HTTPS://APP.EXAMPLE.COM")).isTrue();
        assertThat(settings.allows("http://localhost:5173")).isTrue();
        assertThat(settings.allows("http://localhost:5174")).isFalse();
        assertThat(settings.allows("https://app.example.com.evil.com")).isFalse();
        assertThat(settings.allows(null)).isFalse();
    }

    @Test
    void noneByDefault() {
        assertThat(CorsSettings.none().isEmpty()).isTrue();
        assertThat(CorsSettings.parse("").isEmpty()).isTrue();
        assertThat(CorsSettings.none().allows("https://app.example.com")).isFalse();
    }

    @Test
    void parse_refusesWildcardsAndWhatIsNotAnOrigin() {
        for (String bad : new String[] {"*", "null", "app.example.com", "https://app.example.com/", "https://app.example.com/path",
                "https://app.example.com?x=1", "ftp://app.example.com", "https://user@app.example.com", "https://", "https://*.example.com"}) {
            assertThatThrownBy(() -> CorsSettings.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
