package org.vidcase.search.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java side of the index's text: documents and queries must meet through the same tokens. */
class SearchTextTest {

    @Test
    void foldsAccentsLigaturesAndCase() {
        assertThat(SearchText.fold("Ålesund Straße")).isEqualTo("alesund strasse");
        assertThat(SearchText.fold("ÉCOLE ﬁnale")).isEqualTo("ecole finale");
        assertThat(SearchText.fold(null)).isEmpty();
    }

    @Test
    void indexesWholeRunsAndTheirParts() {
        assertThat(SearchText.indexTokens("HolidayPics2019.JPG"))
                .contains("holidaypics2019", "holiday", "pics", "2019", "jpg");
        assertThat(SearchText.indexTokens("IMG_0042.jpg")).contains("img", "0042", "42", "jpg");
        assertThat(SearchText.indexTokens("Café Noël")).contains("cafe", "noel");
    }

    @Test
    void everyQueryTokenIsAmongTheDocumentsTokens() {
        for (String text : List.of("IMG0042.JPG", "HolidayPics2019", "WhatsApp Image 2021-03-04 at 10.15.33.jpeg",
                "Ålesund_Straße-7", "DSC_0001 (2).JPG", "snapchat-1234567890")) {
            assertThat(SearchText.indexTokens(text)).as(text).containsAll(SearchText.queryTokens(text));
        }
        assertThat(SearchText.queryTokens("IMG0042")).containsExactly("img", "0042");
    }

    @Test
    void fileNamesExtensionsAndFolders() {
        assertThat(SearchText.fileNameKey("Photo É.JPG")).isEqualTo("photo e.jpg");
        assertThat(SearchText.fileNameKey(null)).isNull();
        assertThat(SearchText.extension("archive.tar.gz")).isEqualTo("gz");
        assertThat(SearchText.extension("IMG_1.JPEG")).isEqualTo("jpeg");
        assertThat(SearchText.extension(".bashrc")).isNull();
        assertThat(SearchText.extension("README")).isNull();
        assertThat(SearchText.folders("C:\\Users\\Bob\\")).containsExactly("c:", "c:/users", "c:/users/bob");
        assertThat(SearchText.folders("//DCIM///100APPLE")).containsExactly("/dcim", "/dcim/100apple");
        assertThat(SearchText.folders("/")).isEmpty();
        assertThat(SearchText.folders("  ")).isEmpty();
        assertThat(SearchText.folderKey("/DCIM/100APPLE/")).isEqualTo("/dcim/100apple");
    }

    @Test
    void parsesRequiredPrefixAndExcludedWords() {
        SearchText.Query q = SearchText.parseQuery("Beach IMG00* -Draft");
        assertThat(q.required()).contains("beach", "img").doesNotContain("draft");
        assertThat(q.prefixes()).containsExactly("00");
        assertThat(q.excluded()).containsExactly("draft");
        SearchText.Query quoted = SearchText.parseQuery("\"-not excluded\"");
        assertThat(quoted.excluded()).isEmpty();
        assertThat(quoted.required()).contains("not", "excluded");
        assertThat(SearchText.parseQuery("   ")).isNull();
        assertThat(SearchText.parseQuery(null)).isNull();
    }

    @Test
    void refusesQueriesThatCannotBeAnswered() {
        assertThatThrownBy(() -> SearchText.parseQuery("x".repeat(501))).hasMessageStartingWith("q: ");
        assertThatThrownBy(() -> SearchText.parseQuery("a*")).hasMessageStartingWith("q: ");
        assertThatThrownBy(() -> SearchText.parseQuery("--- ***")).hasMessageStartingWith("q: ");
        StringBuilder distinct = new StringBuilder();
        for (int i = 0; i < 33; i++) {
            distinct.append("w").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
        }
        assertThatThrownBy(() -> SearchText.parseQuery(distinct.toString())).hasMessageStartingWith("q: ");
    }
}
