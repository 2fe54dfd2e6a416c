package org.vidcase.exchange.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The payload's JSON: written in canonical form (object members sorted by name, no whitespace,
 * members without a value and empty arrays left out, integers only), read strictly (duplicate
 * members, unknown members and values of the wrong JSON type are refused with their JSON pointer).
 * A payload is accepted only if writing what was read gives back exactly the same bytes.
 */
public final class PackageJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper READER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private PackageJson() {
    }

    /** The canonical form of a package's payload, as UTF-8. */
    public static byte[] canonical(HashPackage p) {
        Map<String, Object> root = new TreeMap<>();
        root.put("format", HashPackage.FORMAT);
        root.put("version", HashPackage.VERSION);
        root.put("packageId", p.packageId() == null ? null : p.packageId().toString());
        root.put("issuingCountry", p.issuingCountry());
        root.put("created", text(p.created()));
        root.put("entries", p.entries().stream().map(PackageJson::entry).toList());
        root.put("feedback", p.feedback().stream().map(PackageJson::feedback).toList());
        root.put("revocations", p.revocations().stream().map(PackageJson::revocation).toList());
        root.put("identifications", p.identifications().stream().map(PackageJson::identification).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + p.entries().size() * 400);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a payload, refusing what the format does not allow.
     *
     * @throws PackageRejectedException MALFORMED (not JSON, wrong types, unknown members) or
     *                                  NOT_CANONICAL (valid, but not the bytes its canonical form gives)
     */
    public static HashPackage read(byte[] json) throws PackageRejectedException {
        JsonNode tree;
        try {
            tree = READER.readTree(json);
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
            throw new PackageRejectedException(PackageRejectedException.Reason.MALFORMED,
                    "The payload is not well-formed JSON: " + what.lines().findFirst().orElse(what));
        } catch (IOException e) {
            throw new PackageRejectedException(PackageRejectedException.Reason.MALFORMED, "The payload cannot be read");
        }
        List<Violation> violations = new ArrayList<>();
        if (tree == null || !tree.isObject()) {
            throw new PackageRejectedException(PackageRejectedException.Reason.MALFORMED,
                    "The payload must be a JSON object", List.of(new Violation("", "must be a JSON object")));
        }
        Fields root = new Fields((ObjectNode) tree, "", violations, Set.of("format", "version", "packageId",
                "issuingCountry", "created", "entries", "feedback", "revocations", "identifications"));
        String format = root.text("format", true);
        Long version = root.integer("version", true);
        if (format != null && !format.equals(HashPackage.FORMAT)) {
            violations.add(new Violation("/format", "must be \"" + HashPackage.FORMAT + "\""));
        }
        if (version != null && version != HashPackage.VERSION) {
            violations.add(new Violation("/version", "format version " + version + " is not supported; this hub reads "
                    + HashPackage.VERSION));
        }
        UUID id = root.uuid("packageId", true);
        String country = root.text("issuingCountry", true);
        LocalDate created = root.date("created", true);
        List<PackageEntry> entries = root.list("entries", PackageJson::readEntry);
        List<Feedback> feedback = root.list("feedback", PackageJson::readFeedback);
        List<Revocation> revocations = root.list("revocations", PackageJson::readRevocation);
        List<IdentificationCount> counts = root.list("identifications", PackageJson::readIdentification);
        root.refuseUnknown();
        if (!violations.isEmpty()) {
            throw new PackageRejectedException(PackageRejectedException.Reason.MALFORMED,
                    "The payload does not match format version " + HashPackage.VERSION + ": " + violations.get(0)
                            + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""),
                    violations);
        }
        HashPackage read = new HashPackage(id, country, created, entries, feedback, revocations, counts);
        if (!java.util.Arrays.equals(canonical(read), json)) {
            throw new PackageRejectedException(PackageRejectedException.Reason.NOT_CANONICAL,
                    "The payload is not in canonical form (members sorted by name, no whitespace, no null members or "
                            + "empty arrays, no escapes other than \\\" and \\\\): see docs/exchange-protocol.md");
        }
        return read;
    }

    private static PackageEntry readEntry(Fields f) {
        return new PackageEntry(f.text("md5", false), f.text("sha1", false), f.text("sha256", false),
                f.text("pdq", false), f.integerValue("pdqQuality"), f.text("photoDna", false),
                f.list("vpdq", PackageJson::readFrame), f.text("category", true), Boolean.TRUE.equals(f.bool("baseline", true)),
                f.text("series", false), f.bool("victimIdentified", false), f.bool("offenderIdentified", false),
                f.bool("distributed", false), f.enumValue("mediaType", MediaKind.class, true), f.date("submitted", true),
                f.text("submittingCountry", true));
    }

    private static VpdqFrame readFrame(Fields f) {
        Long frame = f.integer("frame", true);
        Long quality = f.integer("quality", true);
        Long millis = f.integer("millis", true);
        return new VpdqFrame(frame == null ? 0 : frame, f.text("pdq", true), quality == null ? 0 : quality.intValue(),
                millis == null ? 0 : millis);
    }

    private static Feedback readFeedback(Fields f) {
        return new Feedback(f.text("md5", false), f.text("sha1", false), f.text("sha256", false),
                f.text("category", true), Boolean.TRUE.equals(f.bool("agree", true)), f.text("proposed", false));
    }

    private static Revocation readRevocation(Fields f) {
        return new Revocation(f.uuid("packageId", false), f.text("md5", false), f.text("sha1", false),
                f.text("sha256", false), f.enumValue("reason", RevocationReason.class, true));
    }

    private static IdentificationCount readIdentification(Fields f) {
        Long year = f.integer("year", true);
        Long count = f.integer("count", true);
        return new IdentificationCount(f.enumValue("kind", IdentificationCount.Kind.class, true),
                year == null ? 0 : year.intValue(), count == null ? 0 : count.intValue());
    }

    private static Map<String, Object> entry(PackageEntry e) {
        Map<String, Object> m = new TreeMap<>();
        m.put("md5", e.md5());
        m.put("sha1", e.sha1());
        m.put("sha256", e.sha256());
        m.put("pdq", e.pdq());
        m.put("pdqQuality", e.pdqQuality());
        m.put("photoDna", e.photoDna());
        m.put("vpdq", e.vpdq().stream().map(PackageJson::frame).toList());
        m.put("category", e.category());
        m.put("baseline", e.baseline());
        m.put("series", e.series());
        m.put("victimIdentified", e.victimIdentified());
        m.put("offenderIdentified", e.offenderIdentified());
        m.put("distributed", e.distributed());
        m.put("mediaType", e.mediaType() == null ? null : e.mediaType().name());
        m.put("submitted", text(e.submitted()));
        m.put("submittingCountry", e.submittingCountry());
        return m;
    }

    private static Map<String, Object> frame(VpdqFrame f) {
        Map<String, Object> m = new TreeMap<>();
        m.put("frame", f.frame());
        m.put("pdq", f.pdq());
        m.put("quality", f.quality());
        m.put("millis", f.millis());
        return m;
    }

    private static Map<String, Object> feedback(Feedback f) {
        Map<String, Object> m = new TreeMap<>();
        m.put("md5", f.md5());
        m.put("sha1", f.sha1());
        m.put("sha256", f.sha256());
        m.put("category", f.category());
        m.put("agree", f.agree());
        m.put("proposed", f.proposed());
        return m;
    }

    private static Map<String, Object> revocation(Revocation r) {
        Map<String, Object> m = new TreeMap<>();
        m.put("packageId", r.packageId() == null ? null : r.packageId().toString());
        m.put("md5", r.md5());
        m.put("sha1", r.sha1());
        m.put("sha256", r.sha256());
        m.put("reason", r.reason() == null ? null : r.reason().name());
        return m;
    }

    private static Map<String, Object> identification(IdentificationCount c) {
        Map<String, Object> m = new TreeMap<>();
        m.put("kind", c.kind() == null ? null : c.kind().name());
        m.put("year", c.year());
        m.put("count", c.count());
        return m;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object v = e.getValue();
                if (v == null || (v instanceof List<?> list && list.isEmpty())) {
                    continue;
                }
                g.writeFieldName((String) e.getKey());
                write(g, v);
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else {
            throw new IllegalArgumentException("not a payload value: " + value.getClass().getSimpleName());
        }
    }

    /** The members of one JSON object, read with their pointers; what is wrong goes into the violation list. */
    private static final class Fields {
        private final ObjectNode node;
        private final String pointer;
        private final List<Violation> violations;
        private final Set<String> allowed;

        Fields(ObjectNode node, String pointer, List<Violation> violations, Set<String> allowed) {
            this.node = node;
            this.pointer = pointer;
            this.violations = violations;
            this.allowed = allowed;
        }

        private JsonNode value(String name, boolean required) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                if (required) {
                    violations.add(new Violation(pointer + "/" + name, "is required"));
                } else if (v != null) {
                    violations.add(new Violation(pointer + "/" + name, "must be left out rather than null"));
                }
                return null;
            }
            return v;
        }

        String text(String name, boolean required) {
            JsonNode v = value(name, required);
            if (v == null) {
                return null;
            }
            if (!v.isTextual()) {
                violations.add(new Violation(pointer + "/" + name, "must be a string"));
                return null;
            }
            return v.textValue();
        }

        Long integer(String name, boolean required) {
            JsonNode v = value(name, required);
            if (v == null) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                violations.add(new Violation(pointer + "/" + name, "must be an integer"));
                return null;
            }
            return v.longValue();
        }

        Integer integerValue(String name) {
            Long v = integer(name, false);
            if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
                violations.add(new Violation(pointer + "/" + name, "is out of range"));
                return null;
            }
            return v == null ? null : v.intValue();
        }

        Boolean bool(String name, boolean required) {
            JsonNode v = value(name, required);
            if (v == null) {
                return null;
            }
            if (!v.isBoolean()) {
                violations.add(new Violation(pointer + "/" + name, "must be true or false"));
                return null;
            }
            return v.booleanValue();
        }

        UUID uuid(String name, boolean required) {
            String v = text(name, required);
            if (v == null) {
                return null;
            }
            try {
                UUID id = UUID.fromString(v);
                if (!id.toString().equals(v)) {
                    throw new IllegalArgumentException();
                }
                return id;
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(pointer + "/" + name, "must be a UUID in lower-case 8-4-4-4-12 form"));
                return null;
            }
        }

        LocalDate date(String name, boolean required) {
            String v = text(name, required);
            if (v == null) {
                return null;
            }
            try {
                if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    throw new DateTimeParseException("", v, 0);
                }
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                violations.add(new Violation(pointer + "/" + name, "must be a date as YYYY-MM-DD"));
                return null;
            }
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required) {
            String v = text(name, required);
            if (v == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(pointer + "/" + name, "must be one of "
                        + java.util.Arrays.toString(type.getEnumConstants())));
                return null;
            }
        }

        <T> List<T> list(String name, Function<Fields, T> reader) {
            JsonNode v = value(name, false);
            if (v == null) {
                return List.of();
            }
            if (!v.isArray()) {
                violations.add(new Violation(pointer + "/" + name, "must be an array"));
                return List.of();
            }
            List<T> out = new ArrayList<>(v.size());
            int i = 0;
            for (JsonNode item : (ArrayNode) v) {
                String at = pointer + "/" + name + "/" + i++;
                if (!item.isObject()) {
                    violations.add(new Violation(at, "must be an object"));
                    continue;
                }
                Fields fields = new Fields((ObjectNode) item, at, violations, allowedIn(name));
                out.add(reader.apply(fields));
                fields.refuseUnknown();
            }
            return out;
        }

        void refuseUnknown() {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    violations.add(new Violation(pointer + "/" + escape(name), "is not a member of this format version"));
                }
            }
        }

        private static Set<String> allowedIn(String list) {
            return switch (list) {
                case "entries" -> Set.of("md5", "sha1", "sha256", "pdq", "pdqQuality", "photoDna", "vpdq", "category",
                        "baseline", "series", "victimIdentified", "offenderIdentified", "distributed", "mediaType",
                        "submitted", "submittingCountry");
                case "vpdq" -> Set.of("frame", "pdq", "quality", "millis");
                case "feedback" -> Set.of("md5", "sha1", "sha256", "category", "agree", "proposed");
                case "revocations" -> Set.of("packageId", "md5", "sha1", "sha256", "reason");
                case "identifications" -> Set.of("kind", "year", "count");
                default -> throw new IllegalArgumentException(list);
            };
        }

        private static String escape(String name) {
            String shown = name.length() > 60 ? name.substring(0, 60) + "..." : name;
            return shown.replace("~", "~0").replace("/", "~1");
        }
    }
}
