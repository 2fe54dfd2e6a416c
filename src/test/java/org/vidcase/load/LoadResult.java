package org.vidcase.load;

import java.util.ArrayList;
import java.util.List;

/** What a load run measured and found, for its report and for the test that asserts on it. */
public final class LoadResult {

    final LoadSettings settings;
    final String runTag;
    final double poolSeconds;
    final double setupSeconds;
    final double baselineSeconds;
    final double windowSeconds;
    final double afterSeconds;
    final double loadAverageBefore;
    final double loadAverageAfter;
    final List<Measurements> phases;
    final List<BackgroundWork.Outcome> background;
    final VirtualOfficer.Tally filed;
    final int signIns;
    final int refreshes;
    final int pictures;

    LoadResult(LoadSettings settings, String runTag, Timings seconds, List<Measurements> phases,
               List<BackgroundWork.Outcome> background, VirtualOfficer.Tally filed,
               int signIns, int refreshes, int pictures) {
        this.settings = settings;
        this.runTag = runTag;
        this.poolSeconds = seconds.pool();
        this.setupSeconds = seconds.setup();
        this.baselineSeconds = seconds.baseline();
        this.windowSeconds = seconds.window();
        this.afterSeconds = seconds.after();
        this.loadAverageBefore = seconds.loadAverageBefore();
        this.loadAverageAfter = seconds.loadAverageAfter();
        this.phases = List.copyOf(phases);
        this.background = List.copyOf(background);
        this.filed = filed;
        this.signIns = signIns;
        this.refreshes = refreshes;
        this.pictures = pictures;
    }

    Measurements phase(String name) {
        return phases.stream().filter(p -> p.phase().equals(name)).findFirst().orElseThrow();
    }

    Measurements load() {
        return phase("load");
    }

    Measurements baseline() {
        return phase("baseline");
    }

    /** Errors of every phase: set-up, baseline, load and the checks after it. */
    public int errors() {
        return phases.stream().mapToInt(Measurements::errorCount).sum();
    }

    /** The errors kept with their detail (the first 200 of each phase). */
    public List<String> errorDetails() {
        List<String> out = new ArrayList<>();
        phases.forEach(p -> p.errors().forEach(e -> out.add(e.toString())));
        return out;
    }

    /** Requests of this type sent during the load window. */
    public int requestsUnderLoad(RequestType type) {
        return load().summary(type).count();
    }

    /** One line per piece of background work: what, its job, how it ended. */
    public List<String> backgroundWork() {
        return background.stream().map(o -> o.what() + ": job " + o.jobId() + " " + o.state()
                + String.format(java.util.Locale.ROOT, " after %.1f s", o.seconds())).toList();
    }

    /** At least one hash-set import and one clustering ran under load, and every one of them succeeded. */
    public boolean backgroundUnderLoadSucceeded() {
        List<BackgroundWork.Outcome> underLoad = background.stream().filter(o -> o.phase().equals("load")).toList();
        return underLoad.stream().anyMatch(o -> o.kind() == JobKind.HASH_SET_IMPORT)
                && underLoad.stream().anyMatch(o -> o.kind() == JobKind.CLUSTERING)
                && underLoad.stream().allMatch(BackgroundWork.Outcome::succeeded);
    }

    /** Every request sent during the load window (tokens included). */
    public int totalRequestsUnderLoad() {
        return load().totalRequests();
    }

    public double windowSeconds() {
        return windowSeconds;
    }

    /**
     * How long the phases took, in seconds: the picture pool, the set-up (pool included), the
     * baseline, the load, the checks; and the machine's one-minute load average before the run and
     * at the end of the load (others' work on a shared machine shows here).
     */
    record Timings(double pool, double setup, double baseline, double window, double after, double loadAverageBefore,
                   double loadAverageAfter) {
    }
}
