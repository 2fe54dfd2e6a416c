package org.vidcase.shared.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What counts as text the server keeps as sent: in JSON strings, in request targets, in UTF-8 bodies. */
class TextStrictnessTest {

    @Test
    void storableTextHasNoNulAndNoUnpairedSurrogate() {
        assertThat(StorableText.isStorable("plain, \u00e9, \uD83D\uDCF7, \t\r\n\u001B, =HYPERLINK()")).isTrue();
        assertThat(StorableText.isStorable(null)).isTrue();
        assertThat(StorableText.isStorable("a\u0000b")).isFalse();
        assertThat(StorableText.isStorable("lone \uD800 high")).isFalse();
        assertThat(StorableText.isStorable("lone \uDC00 low")).isFalse();
        assertThat(StorableText.isStorable("ends high \uD83D")).isFalse();
        assertThat(StorableText.isStorable("reversed \uDCF7\uD83D")).isFalse();
    }

    @Test
    void requestTargetsMustDecodeToUtf8WithoutNul() {
        assertThat(RequestTargetHandler.isText("IMG_0001.jpg", true)).isTrue();
        assertThat(RequestTargetHandler.isText("M%C3%A4dchen+1.jpg", true)).isTrue();
        assertThat(RequestTargetHandler.isText("%F0%9F%93%B7", true)).isTrue();
        assertThat(RequestTargetHandler.isText("a%00b", true)).isFalse();
        assertThat(RequestTargetHandler.isText("M%E4dchen", true)).as("Latin-1").isFalse();
        assertThat(RequestTargetHandler.isText("%C0%AF", true)).as("overlong /").isFalse();
        assertThat(RequestTargetHandler.isText("%ED%A0%80", true)).as("a surrogate").isFalse();
        assertThat(RequestTargetHandler.isText("%E2%82", true)).as("cut short").isFalse();
        assertThat(RequestTargetHandler.isText("%zz", true)).as("not an escape").isFalse();
        assertThat(RequestTargetHandler.isText("50%", true)).as("a bare percent").isFalse();
        assertThat(RequestTargetHandler.isText("a\u00ffb", false)).as("a raw byte 0xFF").isFalse();
    }

    @Test
    void strictUtf8RefusesWhatJacksonWouldLetThrough() throws IOException {
        assertThat(passes("{\"a\": \"M\u00e4dchen \uD83D\uDCF7\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(passes(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'})).as("overlong /").isFalse();
        assertThat(passes(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF})).as("overlong, 3 bytes").isFalse();
        assertThat(passes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).as("a surrogate").isFalse();
        assertThat(passes(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).as("above U+10FFFF").isFalse();
        assertThat(passes(new byte[] {'a', (byte) 0x80})).as("a stray continuation").isFalse();
        assertThat(passes(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).as("cut short at the end").isFalse();
        assertThat(passes(new byte[] {(byte) 0xFF})).isFalse();
        assertThatThrownBy(() -> new StrictUtf8InputStream(new ByteArrayInputStream(new byte[] {'a', 'b', (byte) 0xC0,
                (byte) 0xAF})).readAllBytes()).hasMessage("not UTF-8 text at byte 2");
    }

    private static boolean passes(byte[] bytes) throws IOException {
        try (StrictUtf8InputStream in = new StrictUtf8InputStream(new ByteArrayInputStream(bytes))) {
            in.readAllBytes();
            return true;
        } catch (StrictUtf8InputStream.NotUtf8Exception e) {
            return false;
        }
    }
}
