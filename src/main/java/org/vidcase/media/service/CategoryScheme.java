package org.vidcase.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import org.vidcase.shared.error.RuleViolationException;

/** The active categorisation scheme; refuses codes it does not define. */
@ApplicationScoped
public class CategoryScheme {

    private final String profile;
    private final Map<String, String> codes;

    public CategoryScheme(CategoryConfig config) {
        CategoryConfig.Profile active = config.profiles().get(config.profile());
        if (active == null) {
            throw new IllegalArgumentException("vidcase.categories.profile names an undefined profile: " + config.profile());
        }
        this.profile = config.profile();
        this.codes = new TreeMap<>(active.codes());
    }

    public String profile() {
        return profile;
    }

    public Map<String, String> codes() {
        return codes;
    }

    public boolean defines(String code) {
        return codes.containsKey(code);
    }

    public String require(String code) {
        if (code != null && !defines(code)) {
            throw new RuleViolationException("Category " + code + " is not defined in the " + profile + " scheme "
                    + codes.keySet());
        }
        return code;
    }
}
