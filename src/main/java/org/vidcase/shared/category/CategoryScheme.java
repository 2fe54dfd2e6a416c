package org.vidcase.shared.category;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.vidcase.shared.error.RuleViolationException;

/** The active categorisation scheme; refuses codes it does not define. */
@ApplicationScoped
public class CategoryScheme {

    /** One code of the scheme, as an officer chooses it. */
    public record Category(String code, String label, String description, boolean alert) {
    }

    private final String profile;
    private final Map<String, String> codes;
    private final List<Category> categories;

    public CategoryScheme(CategoryConfig config) {
        CategoryConfig.Profile active = config.profiles().get(config.profile());
        if (active == null) {
            throw new IllegalArgumentException("vidcase.categories.profile names an undefined profile: " + config.profile());
        }
        this.profile = config.profile();
        this.codes = new TreeMap<>(active.codes());
        Set<String> alert = new TreeSet<>(active.alert().orElse(Set.of()));
        Set<String> unknown = new TreeSet<>(alert);
        unknown.removeAll(codes.keySet());
        unknown.addAll(active.descriptions().keySet().stream().filter(c -> !codes.containsKey(c)).toList());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("vidcase.categories.profiles." + profile
                    + " gives alert flags or descriptions for codes it does not define: " + unknown);
        }
        this.categories = codes.entrySet().stream()
                .map(e -> new Category(e.getKey(), e.getValue(), active.descriptions().get(e.getKey()),
                        alert.contains(e.getKey())))
                .toList();
    }

    public String profile() {
        return profile;
    }

    public Map<String, String> codes() {
        return codes;
    }

    /** Every category of the scheme, ordered by code. */
    public List<Category> categories() {
        return categories;
    }

    /** Whether the code is one the scheme counts as an alert (illegal or pertinent material). */
    public boolean isAlert(String code) {
        return code != null && categories.stream().anyMatch(c -> c.alert() && c.code().equals(code));
    }

    public boolean defines(String code) {
        return codes.containsKey(code);
    }

    public String require(String code) {
        if (code != null && !defines(code)) {
            throw new RuleViolationException("Category '" + code + "' is not defined in the " + profile
                    + " scheme; use one of " + listing() + " (GET /api/categories)");
        }
        return code;
    }

    /** Codes with their labels, e.g. {@code 0 (Uncategorised), 1 (Child abuse material)}. */
    private String listing() {
        Map<String, String> ordered = new LinkedHashMap<>(codes);
        return ordered.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }
}
