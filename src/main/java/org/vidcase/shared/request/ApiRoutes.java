package org.vidcase.shared.request;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The routes our resources declare: path template, HTTP method and accepted body types. Errors
 * raised before a resource method is chosen (wrong method, wrong content type) use it to say what
 * the path does accept, which the REST layer does not always tell.
 */
@ApplicationScoped
public class ApiRoutes {

    /** One resource method. {@code consumes} is empty when the method takes any or no body. */
    record Route(String template, Pattern pattern, String method, Set<String> consumes) {
    }

    private volatile List<Route> routes;

    /** Methods declared for paths matching this one, with HEAD beside GET; empty for an unknown path. */
    public Set<String> allowedMethods(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route r : routes()) {
            if (r.pattern().matcher(normalise(path)).matches()) {
                allowed.add(r.method());
                if (r.method().equals("GET")) {
                    allowed.add("HEAD");
                }
            }
        }
        return allowed;
    }

    /** Body media types the routes for this path and method accept; empty when unknown. */
    public Set<String> acceptedTypes(String method, String path) {
        Set<String> accepted = new LinkedHashSet<>();
        for (Route r : routes()) {
            if (r.method().equalsIgnoreCase(method) && r.pattern().matcher(normalise(path)).matches()) {
                accepted.addAll(r.consumes());
            }
        }
        return accepted;
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = scan();
            routes = known;
        }
        return known;
    }

    private static List<Route> scan() {
        List<Route> found = new ArrayList<>();
        for (InjectableBean<?> bean : Arc.container().beanManager().getBeans(Object.class,
                jakarta.enterprise.inject.Any.Literal.INSTANCE).stream()
                .filter(InjectableBean.class::isInstance).map(b -> (InjectableBean<?>) b).toList()) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null || !type.getName().startsWith("org.vidcase.")) {
                continue;
            }
            for (Method m : type.getMethods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                Path methodPath = m.getAnnotation(Path.class);
                String template = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                Consumes consumes = m.getAnnotation(Consumes.class) != null ? m.getAnnotation(Consumes.class)
                        : type.getAnnotation(Consumes.class);
                Set<String> types = consumes == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(consumes.value()));
                found.add(new Route(template, compile(template), http, types));
            }
        }
        return List.copyOf(found);
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** {@code /api/cases/{caseId}} to a pattern where each parameter is one path segment. */
    static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            regex.append(Pattern.quote(template.substring(i, open)));
            int close = template.indexOf('}', open);
            regex.append("[^/]+");
            i = close + 1;
        }
        return Pattern.compile(regex.toString());
    }

    private static String normalise(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
