package vn.lgsp.hub.it.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load generator: requests arrive at a fixed rate whatever the system under test does, as users of a
 * public service do. Request {@code i} is due at {@code t0 + i / rate}; one scheduler thread sends it at that moment
 * with {@link HttpClient#sendAsync}, without waiting for earlier answers, so a slow answer does not hold back the next
 * request (a closed loop would: its clients wait, the arrival rate drops and the queueing is hidden).
 *
 * <p>Latency is measured from the request's <b>intended</b> send time, not from the moment it actually left: if the
 * generator (or anything it waits on) falls behind, the delay counts against the response time, which is the
 * correction for coordinated omission. The latency from the actual send ("service time") is recorded too, to show the
 * difference. Both go into HdrHistograms (1 µs to 60 s, 3 significant digits).
 *
 * <p>The generator reports whether it kept up: the lag of each actual send behind its intended time, and the
 * achieved rate. A run with a large lag measured the generator, not the system.
 *
 * <p>The first {@code warmupSeconds} of the schedule run at the same rate and are not recorded; the measured phase
 * follows without a pause, so it starts in the steady state. A run ends when every request has been answered or has
 * timed out.
 */
final class OpenLoad {

    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(60);

    private OpenLoad() {
    }

    /** What one measured phase gave. Latencies are in nanoseconds; only successful answers are in the histograms. */
    record Result(String target, int rate, double seconds, long sent, long ok, long errors, long notSent,
                  double achievedRate, Histogram latency, Histogram serviceTime, Histogram lag, long maxInFlight) {

        double ms(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }

        double maxMs() {
            return latency.getMaxValue() / 1e6;
        }

        double serviceMs(double percentile) {
            return serviceTime.getValueAtPercentile(percentile) / 1e6;
        }

        double lagMs(double percentile) {
            return lag.getValueAtPercentile(percentile) / 1e6;
        }

        double maxLagMs() {
            return lag.getMaxValue() / 1e6;
        }

        /**
         * The generator kept up: 99% of sends within {@code maxLagMs} of their time, the measured rate within 2% of
         * the rate asked for, and no request left unsent.
         */
        boolean keptUp(double maxLagMs) {
            return lagMs(99) < maxLagMs && achievedRate >= 0.98 * rate && notSent == 0;
        }
    }

    /** Told of each request as it is sent: its index and its intended send time ({@link System#nanoTime()}). */
    @FunctionalInterface
    interface SendListener {
        void sent(int index, long intendedNanos, boolean measured);
    }

    static Result run(String target, HttpClient http, int rate, int warmupSeconds, int seconds,
                      IntFunction<HttpRequest> requests, Predicate<HttpResponse<String>> success, int maxInFlight)
            throws InterruptedException {
        return run(target, http, rate, warmupSeconds, seconds, requests, success, maxInFlight, (i, t, m) -> { });
    }

    /**
     * Runs {@code warmupSeconds + seconds} of requests at {@code rate} per second and records the last
     * {@code seconds}.
     *
     * @param requests    the i-th request (i counts from 0 over the whole schedule, warm-up included)
     * @param success     whether an answer counts as a success (status, content); asked of every answer, warm-up
     *                    included, from the client's threads
     * @param maxInFlight a request due while this many are unanswered is not sent and counts as not sent (an error):
     *                    a guard against a saturated target eating every socket of the machine
     * @param listener    told of each request sent, with its intended send time (e.g. to time its end-to-end path)
     */
    static Result run(String target, HttpClient http, int rate, int warmupSeconds, int seconds,
                      IntFunction<HttpRequest> requests, Predicate<HttpResponse<String>> success, int maxInFlight,
                      SendListener listener) throws InterruptedException {
        long total = (long) rate * (warmupSeconds + seconds);
        long firstMeasured = (long) rate * warmupSeconds;
        double periodNanos = 1e9 / rate;
        Histogram latency = new ConcurrentHistogram(1_000, MAX_NANOS, 3);
        Histogram service = new ConcurrentHistogram(1_000, MAX_NANOS, 3);
        Histogram lag = new Histogram(1, MAX_NANOS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong firstError = new AtomicLong(-1);
        AtomicInteger inFlight = new AtomicInteger();
        long notSent = 0;
        long maxSeenInFlight = 0;
        long sent = 0;
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long measuredStart = t0 + Math.round(firstMeasured * periodNanos);
        for (long i = 0; i < total; i++) {
            long intended = t0 + Math.round(i * periodNanos);
            long now = awaitDue(intended);
            boolean measured = i >= firstMeasured;
            if (measured) {
                lag.recordValue(Math.min(MAX_NANOS, Math.max(1, now - intended)));
            }
            int flying = inFlight.get();
            if (flying >= maxInFlight) {
                if (measured) {
                    notSent++;
                }
                continue;
            }
            maxSeenInFlight = Math.max(maxSeenInFlight, flying + 1);
            inFlight.incrementAndGet();
            HttpRequest request = requests.apply((int) i);
            listener.sent((int) i, intended, measured);
            long actual = System.nanoTime();
            if (measured) {
                sent++;
            }
            CompletableFuture<HttpResponse<String>> f = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            f.whenComplete((response, failure) -> {
                long end = System.nanoTime();
                inFlight.decrementAndGet();
                // asked of warm-up answers too: a caller may note there which requests went through
                boolean good = failure == null && success.test(response);
                if (!measured) {
                    return;
                }
                if (good) {
                    latency.recordValue(Math.min(MAX_NANOS, end - intended));
                    service.recordValue(Math.min(MAX_NANOS, Math.max(1_000, end - actual)));
                    ok.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                    if (firstError.compareAndSet(-1, 0)) {
                        BenchSupport.log(target + ": first failed call: " + (failure != null ? failure
                                : "status " + response.statusCode() + " " + abbreviate(response.body())));
                    }
                }
            });
        }
        long scheduleEnd = System.nanoTime();
        // wait for the stragglers: every request has a timeout, so this ends
        while (inFlight.get() > 0) {
            Thread.sleep(5);
        }
        // from the first measured request's due time to one period after the last one was sent
        double measuredSeconds = (scheduleEnd - measuredStart + periodNanos) / 1e9;
        return new Result(target, rate, measuredSeconds, sent, ok.get(), errors.get(), notSent,
                sent / Math.max(1e-9, measuredSeconds), latency, service, lag, maxSeenInFlight);
    }

    /**
     * Waits until {@code due} ({@link System#nanoTime()}): parks while more than 0.2 ms are left, then spins, so that
     * a request leaves within microseconds of its intended time. Returns the time it actually went on.
     */
    static long awaitDue(long due) {
        long now;
        while ((now = System.nanoTime()) < due) {
            long left = due - now;
            if (left > 200_000) {
                LockSupport.parkNanos(left - 100_000);
            } else {
                Thread.onSpinWait();
            }
        }
        return now;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
