package org.vidcase.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The UI's own files hold nothing the content security policy would refuse or that would turn
 * case data into markup: no inline script or style, no event-handler attributes, no eval, no HTML
 * parsing of strings, and no token in browser storage.
 */
class WebUiSourcesTest {

    private static final Path UI = Paths.get("src/main/resources/META-INF/resources");

    @Test
    void noInlineScriptsOrStylesInThePages() throws IOException {
        List<Path> pages = files(".html");
        assertThat(pages).isNotEmpty();
        for (Path page : pages) {
            String html = Files.readString(page);
            assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find()).as("inline script in %s", page).isFalse();
            assertThat(html).as(page.toString()).doesNotContain("<style", " style=", "javascript:");
            assertThat(Pattern.compile("\\son[a-z]+=").matcher(html).find()).as("event-handler attribute in %s", page).isFalse();
        }
    }

    @Test
    void scriptsNeverParseTextAsHtmlOrCode() throws IOException {
        List<Path> scripts = files(".js");
        assertThat(scripts).hasSizeGreaterThan(5);
        Pattern forbidden = Pattern.compile("\\binnerHTML\\b|\\bouterHTML\\b|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\("
                + "|setAttribute\\('style'|\\.style\\.cssText|localStorage|setTimeout\\('|setInterval\\('");
        for (Path script : scripts) {
            var matcher = forbidden.matcher(Files.readString(script));
            boolean found = matcher.find();
            assertThat(found).as("%s uses %s", script, found ? matcher.group() : "").isFalse();
        }
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(UI)) {
            return all.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
