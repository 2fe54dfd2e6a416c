package org.vidcase.media.vics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.CharConversionException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Streams the media of a Project VIC (VICS) JSON export, versions 1.1-1.3 and 2.0, one Media object at a time;
 * memory use does not depend on the file size.
 *
 * <p>Accepted layouts: the root object's metadata key ({@code odata.metadata} in 1.x, {@code @odata.context} in
 * 2.0), preceded by nothing but plain values, then a {@code value} array holding either case objects, each with a
 * {@code Media} array (case exports), or Media objects directly (hash sets); which one is told by each object's
 * content, not by the URL. The metadata key must come before {@code value}, as every VICS exporter writes it:
 * checking it first is what lets a wrong file be rejected before any record is delivered, without buffering.
 * Other root and case properties (case numbers, agency, examiner) are never kept.
 *
 * <p>Property names are matched without regard to case and unknown ones are ignored. A Media object with a bad
 * value (wrong type, malformed hash, unreadable date) is reported as a {@link RecordError} and skipped.
 */
public final class VicsReader implements ImportedMediaSource {

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            // A single string longer than this is not a hash or a path: refuse it instead of buffering it.
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 20).build())
            .build();

    private enum Position { IN_VALUE, IN_CASE, IN_MEDIA, DONE }

    private final JsonParser parser;
    private final String version;
    private final VicsMediaParser media = new VicsMediaParser();
    private Position position = Position.IN_VALUE;
    private long delivered;

    private VicsReader(JsonParser parser, String version) {
        this.parser = parser;
        this.version = version;
    }

    /**
     * Reads the file's header, up to the start of its {@code value} array.
     *
     * @throws NotVicsException if the stream is not a VICS export
     */
    public static VicsReader open(InputStream in) throws IOException {
        JsonParser parser = JSON.createParser(in);
        try {
            return new VicsReader(parser, readHeader(parser));
        } catch (JsonProcessingException e) {
            parser.close();
            throw new NotVicsException("not a VICS export: the file is not JSON (" + e.getOriginalMessage() + ")");
        } catch (CharConversionException e) {
            parser.close();
            throw new NotVicsException("not a VICS export: the file is not text (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** The VICS data model version named by the metadata URL, e.g. "1.3" or "2.0". */
    public String version() {
        return version;
    }

    @Override
    public boolean next(Consumer<ImportedMedia> onRecord, Consumer<RecordError> onError) throws IOException {
        try {
            return readNext(onRecord, onError);
        } catch (JsonProcessingException | EOFException e) {
            position = Position.DONE;
            throw new MalformedExportException("the VICS export is damaged after " + delivered + " records at "
                    + describe(parser) + ": " + (e instanceof JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage()));
        }
    }

    @Override
    public void close() throws IOException {
        position = Position.DONE;
        parser.close();
    }

    private static String readHeader(JsonParser p) throws IOException {
        JsonToken root = p.nextToken();
        if (root != JsonToken.START_OBJECT) {
            throw new NotVicsException("not a VICS export: " + (root == null ? "the file is empty"
                    : "the JSON document is " + JsonValues.describe(root) + ", not an object"));
        }
        String version = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (VicsDataModel.isMetadataKey(name) && version == null) {
                if (value != JsonToken.VALUE_STRING || !VicsDataModel.isProjectVicModel(p.getText())) {
                    throw new NotVicsException("not a VICS export: '" + name + "' does not name a Project VIC data"
                            + " model");
                }
                version = VicsDataModel.version(name, p.getText());
            } else if (name.equalsIgnoreCase("value")) {
                if (version == null) {
                    throw new NotVicsException("not a VICS export: the 'value' array is not preceded by '"
                            + VicsDataModel.V1_KEY + "' or '" + VicsDataModel.V2_KEY + "'");
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new NotVicsException("not a VICS export: 'value' is " + JsonValues.describe(value)
                            + ", not an array");
                }
                return version;
            } else if (version == null && value.isStructStart()) {
                // Skipping it could mean reading a whole unrelated file before saying no.
                throw new NotVicsException("not a VICS export: '" + name + "' comes before '"
                        + VicsDataModel.V1_KEY + "' or '" + VicsDataModel.V2_KEY + "'");
            } else {
                p.skipChildren();
            }
        }
        throw new NotVicsException(version == null
                ? "not a VICS export: the JSON object has no '" + VicsDataModel.V1_KEY + "' or '"
                        + VicsDataModel.V2_KEY + "' key"
                : "not a VICS export: there is no 'value' array");
    }

    private boolean readNext(Consumer<ImportedMedia> onRecord, Consumer<RecordError> onError) throws IOException {
        while (true) {
            switch (position) {
                case DONE -> {
                    return false;
                }
                case IN_VALUE -> {
                    JsonToken token = next(parser);
                    if (token == JsonToken.END_ARRAY) {
                        position = Position.DONE;
                    } else if (deliver(token, true, onRecord, onError)) {
                        return true;
                    }
                }
                case IN_CASE -> {
                    // The rest of a case after its Media array: totals, application name, nothing to import.
                    if (next(parser) == JsonToken.END_OBJECT) {
                        position = Position.IN_VALUE;
                    } else {
                        next(parser);
                        parser.skipChildren();
                    }
                }
                case IN_MEDIA -> {
                    JsonToken token = next(parser);
                    if (token == JsonToken.END_ARRAY) {
                        position = Position.IN_CASE;
                    } else if (deliver(token, false, onRecord, onError)) {
                        return true;
                    }
                }
            }
        }
    }

    /** Returns false when the element turned out to be a case, whose media are delivered by later calls. */
    private boolean deliver(JsonToken token, boolean mayBeCase, Consumer<ImportedMedia> onRecord,
                            Consumer<RecordError> onError) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            JsonStreamContext array = token.isStructStart() ? parser.getParsingContext().getParent()
                    : parser.getParsingContext();
            RecordError error = new RecordError(array.getCurrentIndex(), array.pathAsPointer().toString(),
                    "expected a Media object, found " + JsonValues.describe(token));
            parser.skipChildren();
            onError.accept(error);
            return true;
        }
        switch (media.read(parser, mayBeCase)) {
            case RECORD -> {
                delivered++;
                onRecord.accept(media.record());
                return true;
            }
            case ERROR -> {
                onError.accept(media.error());
                return true;
            }
            case CASE -> position = Position.IN_MEDIA;
            case EMPTY -> {
                // A case without media has nothing to import.
            }
        }
        return false;
    }

    private static JsonToken next(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        if (token == null) {
            throw new EOFException("unexpected end of file");
        }
        return token;
    }

    private static String describe(JsonParser p) {
        return "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
    }
}
