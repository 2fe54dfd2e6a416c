package org.vidcase.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs a load: virtual officers (one thread each, a closed loop) working for a fixed time on one or
 * more replicas while a hash-set import and a clustering job run, after a baseline of single
 * requests of each kind on the idle server. Afterwards every officer's import is awaited and every
 * case checked against what its officer was told. Nothing keeps running when {@link #run} returns.
 */
public final class LoadDriver {

    private static final Logger LOG = Logger.getLogger(LoadDriver.class);
    /** The background work starts once the officers have filed something to work on. */
    private static final double HASH_SET_AT = 0.10;
    private static final double CLUSTERING_AT = 0.30;
    private static final Duration AFTER_LOAD_LIMIT = Duration.ofMinutes(6);

    private LoadDriver() {
    }

    public static LoadResult run(LoadSettings settings) throws InterruptedException {
        return run(settings, Probe.NONE);
    }

    /** As {@link #run(LoadSettings)}, telling {@code probe} when the load window opens and closes. */
    public static LoadResult run(LoadSettings settings, Probe probe) throws InterruptedException {
        String runTag = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        OfficerTokens tokens = new OfficerTokens(client, settings.tokenEndpoint());
        LoadHttp http = new LoadHttp(client, settings.replicas(), tokens);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(settings.officers() + 2, r -> {
            Thread t = new Thread(r, "load-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            return run(settings, runTag, http, threads, probe);
        } finally {
            threads.shutdownNow();
            if (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.warn("Load threads still running a minute after the run");
            }
        }
    }

    private static LoadResult run(LoadSettings settings, String runTag, LoadHttp http, ExecutorService threads,
                                  Probe probe) throws InterruptedException {
        long began = System.nanoTime();
        double loadAverageBefore = loadAverage();
        ImagePool pool = ImagePool.generate(settings.seed(), settings.scenes());
        double poolSeconds = seconds(began);
        LOG.infof("Load %s: %d pictures generated in %.1f s", runTag, pool.size(), poolSeconds);

        Measurements setup = new Measurements("set-up");
        List<VirtualOfficer> officers = new ArrayList<>();
        for (int i = 0; i < settings.officers(); i++) {
            officers.add(new VirtualOfficer(String.format(Locale.ROOT, "officer-%02d", i + 1), LoadSettings.account(i),
                    runTag, http, pool, settings.seed() * 1_000 + i));
        }
        VirtualOfficer idle = new VirtualOfficer("baseline", LoadSettings.ACCOUNTS.get(0), runTag, http, pool,
                settings.seed() * 1_000 - 1);
        List<Callable<Boolean>> openings = new ArrayList<>();
        for (VirtualOfficer o : officers) {
            openings.add(() -> o.open(setup));
        }
        openings.add(() -> idle.open(setup));
        boolean allOpen = all(threads.invokeAll(openings), setup);
        double setupSeconds = seconds(began);
        BackgroundWork background = new BackgroundWork(http, runTag, settings.seed());
        Measurements baseline = new Measurements("baseline");
        Measurements load = new Measurements("load");
        Measurements after = new Measurements("after the load");
        List<BackgroundWork.Outcome> outcomes = new ArrayList<>();
        double window = 0;
        double baselineSeconds = 0;
        double afterSeconds = 0;
        double loadAverageAfter = -1;
        if (!allOpen) {
            setup.error(RequestType.HOUSEKEEPING, "not every officer could open a case; no load was sent");
        } else {
            long baselineStart = System.nanoTime();
            runBaseline(settings, idle, background, baseline, outcomes);
            baselineSeconds = seconds(baselineStart);
            LOG.infof("Load %s: baseline done; %d officers for %d s on %s", runTag, settings.officers(),
                    settings.duration().toSeconds(), settings.replicas());
            probe.loadStarting();
            long start = System.nanoTime();
            long deadline = start + settings.duration().toNanos();
            // Background jobs may be followed past the window: those polls count after it.
            load.closeAt(deadline, after);
            List<Future<?>> working = new ArrayList<>();
            for (VirtualOfficer o : officers) {
                working.add(threads.submit(() -> work(o, load, deadline, settings.thinkTime())));
            }
            long durationNanos = settings.duration().toNanos();
            // The background work goes on for the whole window: one hash-set import after another, and
            // the clustering of one officer's case after another (each case larger than at the start).
            Future<List<BackgroundWork.Outcome>> hashSets = threads.submit(() -> oneAfterAnother(
                    start + (long) (durationNanos * HASH_SET_AT), deadline,
                    n -> background.importHashSet(load, "under load", settings.hashSetEntries())));
            Future<List<BackgroundWork.Outcome>> clusterings = threads.submit(() -> oneAfterAnother(
                    start + (long) (durationNanos * CLUSTERING_AT), deadline,
                    n -> background.cluster(load, officers.get(n % officers.size()))));
            for (Future<?> f : working) {
                join(f, settings.duration().plus(AFTER_LOAD_LIMIT), load);
            }
            window = seconds(start);
            probe.loadEnded();
            loadAverageAfter = loadAverage();
            long afterStart = System.nanoTime();
            List<Callable<Boolean>> finishing = new ArrayList<>();
            for (VirtualOfficer o : officers) {
                finishing.add(() -> {
                    o.finishImport(after, Duration.ofMinutes(2));
                    return true;
                });
            }
            all(threads.invokeAll(finishing), after);
            outcomes.addAll(Objects.requireNonNullElse(join(hashSets, AFTER_LOAD_LIMIT, after), List.of()));
            outcomes.addAll(Objects.requireNonNullElse(join(clusterings, AFTER_LOAD_LIMIT, after), List.of()));
            List<Callable<Boolean>> checks = new ArrayList<>();
            for (VirtualOfficer o : officers) {
                checks.add(() -> {
                    o.verify(after, Duration.ofMinutes(2));
                    return true;
                });
            }
            checks.add(() -> {
                idle.verify(after, Duration.ofMinutes(2));
                return true;
            });
            all(threads.invokeAll(checks), after);
            afterSeconds = seconds(afterStart);
        }
        long uploaded = 0;
        long imported = 0;
        long locations = 0;
        long categorised = 0;
        for (VirtualOfficer o : officers) {
            VirtualOfficer.Tally t = o.tally();
            uploaded += t.uploadedItems();
            imported += t.importedItems();
            locations += t.locations();
            categorised += t.categorised();
        }
        OfficerTokens tokens = http.tokens();
        return new LoadResult(settings, runTag, new LoadResult.Timings(poolSeconds, setupSeconds, baselineSeconds,
                window, afterSeconds, loadAverageBefore, loadAverageAfter), List.of(setup, baseline, load, after),
                outcomes.stream().filter(o -> o != null).toList(), new VirtualOfficer.Tally(uploaded, imported,
                locations, categorised), tokens.signIns(), tokens.refreshes(), pool.size());
    }

    /**
     * Each kind of request a few times, one after the other, by an officer of its own on the idle
     * server; imports and the hash-set import are followed to their end.
     */
    private static void runBaseline(LoadSettings settings, VirtualOfficer idle, BackgroundWork background,
                                    Measurements baseline, List<BackgroundWork.Outcome> outcomes)
            throws InterruptedException {
        for (VirtualOfficer.Action action : VirtualOfficer.Action.values()) {
            for (int i = 0; i < settings.baselineRounds(); i++) {
                idle.perform(action, baseline);
                if (action == VirtualOfficer.Action.VICS_IMPORT) {
                    idle.finishImport(baseline, Duration.ofMinutes(2));
                }
            }
        }
        outcomes.add(background.importHashSet(baseline, "idle", settings.hashSetEntries()));
    }

    private static void work(VirtualOfficer officer, Measurements load, long deadline, Duration think) {
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            try {
                officer.step(load);
                if (!think.isZero()) {
                    Thread.sleep(think.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                load.error(RequestType.HOUSEKEEPING, officer.name() + ": the client failed: " + e);
            }
        }
    }

    /**
     * Runs {@code work} (numbered from 0) from {@code first}, again as soon as it ends, until {@code deadline}
     * has passed; stops at the first that fails.
     */
    private static List<BackgroundWork.Outcome> oneAfterAnother(long first, long deadline, Background work)
            throws InterruptedException {
        sleepUntil(first);
        List<BackgroundWork.Outcome> done = new ArrayList<>();
        do {
            BackgroundWork.Outcome outcome = work.run(done.size());
            done.add(outcome);
            if (!outcome.succeeded()) {
                break;
            }
        } while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted());
        return done;
    }

    /** The n-th piece of a run of background work. */
    private interface Background {
        BackgroundWork.Outcome run(int n) throws InterruptedException;
    }

    private static <T> T join(Future<T> future, Duration within, Measurements m) throws InterruptedException {
        try {
            return future.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            m.error(RequestType.HOUSEKEEPING, "the client failed: " + e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            m.error(RequestType.HOUSEKEEPING, "still working " + within.toSeconds() + " s after it was due to end");
        }
        return null;
    }

    private static boolean all(List<Future<Boolean>> futures, Measurements m) throws InterruptedException {
        boolean all = true;
        for (Future<Boolean> f : futures) {
            try {
                all &= f.get();
            } catch (ExecutionException e) {
                m.error(RequestType.HOUSEKEEPING, "the client failed: " + e.getCause());
                all = false;
            }
        }
        return all;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Told when the load window opens and when every officer has stopped: for measurements of a benchmark's own. */
    public interface Probe {

        Probe NONE = new Probe() {
            @Override
            public void loadStarting() {
            }

            @Override
            public void loadEnded() {
            }
        };

        void loadStarting();

        void loadEnded();
    }

    /** The machine's load average over the last minute (-1 where the system does not tell). */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
