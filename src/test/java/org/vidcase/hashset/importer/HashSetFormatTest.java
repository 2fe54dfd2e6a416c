package org.vidcase.hashset.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashSetFormatTest {

    private static final byte[] ICSE = ("MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;"
            + "Offender identified;Series name;Investigation name;Agency;Number of submissions;File Available;"
            + "Media Type;Baseline\n" + "a".repeat(32) + ";;;;;1;Y;N;N;;;;1;True;Image;No\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] VICS = "{\"odata.metadata\": \"http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases\", \"value\": []}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAIN = ("# list\n" + "a".repeat(32) + "\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] SQLITE = "SQLite format 3\0rest of the header".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void eachFormatRecognisesItsOwnFilesOnly() {
        assertThat(HashSetFormat.ICSE.recognise(ICSE)).isNull();
        assertThat(HashSetFormat.VICS.recognise(VICS)).isNull();
        assertThat(HashSetFormat.PLAIN.recognise(PLAIN)).isNull();
        assertThat(HashSetFormat.NSRL.recognise(SQLITE)).isNull();

        assertThat(HashSetFormat.ICSE.recognise(PLAIN)).contains("Not an ICSE hash-set export");
        assertThat(HashSetFormat.ICSE.recognise(VICS)).isNotNull();
        assertThat(HashSetFormat.VICS.recognise(ICSE)).isNotNull();
        assertThat(HashSetFormat.PLAIN.recognise(VICS)).contains("Not a plain hash list");
        assertThat(HashSetFormat.PLAIN.recognise(SQLITE)).contains("SQLite");
        assertThat(HashSetFormat.NSRL.recognise(PLAIN)).contains("not a SQLite database");
        assertThat(HashSetFormat.ICSE.recognise(new byte[0])).contains("empty");
    }
}
