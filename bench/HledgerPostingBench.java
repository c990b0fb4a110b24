import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postings per second against hledger-web, JDK only: {@code java bench/HledgerPostingBench.java MODE ...}.
 *
 * <ul>
 *   <li>{@code raw URL COUNT CONCURRENCY}: PUT /add straight to hledger-web, reporting the rate per window of 250
 *       as the journal grows, the failures by status, and what one GET /transactions (the hub's lookup) costs.</li>
 *   <li>{@code hub HUB_URL API_TOKEN PROGRESS COUNT}: POST /api/invoices to a running hub and time its postings.
 *       PROGRESS is hledger-web's journal file (HUB_ACCOUNTING_KIND=hledger; the file, not hledger-web's
 *       GET /transactions, which can lag behind its last write), or {@code report:ADMIN_PASSWORD} to count
 *       {@code ok} rows of the hub's reconciliation CSV (any ledger, e.g. the sandbox).</li>
 * </ul>
 */
public class HledgerPostingBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int WINDOW = 250;

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("raw")) {
            raw(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else if (args.length >= 5 && args[0].equals("hub")) {
            hub(args[1], args[2], args[3], Integer.parseInt(args[4]));
        } else {
            System.err.println("usage: raw URL COUNT CONCURRENCY | hub HUB_URL API_TOKEN PROGRESS COUNT");
            System.exit(2);
        }
    }

    static void raw(String url, int count, int concurrency) throws Exception {
        String run = "B" + Long.toString(System.nanoTime(), 36);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        long[] finishedAt = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    int status = put(url, transaction(run + "-" + i + ":post-invoice", 12500 + i));
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    finishedAt[i] = System.nanoTime();
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("raw PUT /add, concurrency %d: %d requests in %.2f s = %.1f/s; statuses %s%n",
                concurrency, count, total, count / total, statuses);
        long windowStart = start;
        for (int end = WINDOW; end <= count; end += WINDOW) {
            long windowEnd = 0;
            for (int i = end - WINDOW; i < end; i++) {
                windowEnd = Math.max(windowEnd, finishedAt[i]);
            }
            double seconds = (windowEnd - windowStart) / 1e9;
            System.out.printf("  postings %5d-%5d: %6.1f/s (%.1f ms each)%n", end - WINDOW + 1, end,
                    WINDOW / seconds, seconds * 1000 / WINDOW);
            windowStart = windowEnd;
        }
        long t0 = System.nanoTime();
        HttpResponse<String> all = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/transactions")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("GET /transactions (read by a lookup): %d KiB, %.0f ms%n", all.body().length() / 1024,
                (System.nanoTime() - t0) / 1e6);
    }

    /**
     * Posts {@code count} invoices to the hub and reports, per window, when their {@code post-invoice} postings
     * landed: in hledger-web's journal file ({@code progress} = a path), or — for the sandbox ledger — as {@code ok}
     * rows of the reconciliation CSV ({@code progress} = {@code report:ADMIN_PASSWORD}).
     */
    static void hub(String hubUrl, String token, String progress, int count) throws Exception {
        String run = "BH" + Long.toString(System.nanoTime(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "{\"invoiceId\":\"" + run + "-" + i + "\",\"customer\":{\"id\":\"C\",\"name\":\"Bench\"},"
                    + "\"currency\":\"USD\",\"amountMinor\":" + (12500 + i) + ",\"description\":\"bench\"}";
            posts.add(pool.submit(() -> HTTP.send(HttpRequest.newBuilder(URI.create(hubUrl + "/api/invoices"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        pool.shutdown();
        int landed = 0;
        int reported = 0;
        double windowStart = 0;
        long slowestRead = 0;
        while (landed < count) {
            Thread.sleep(500);
            long t0 = System.nanoTime();
            landed = landed(progress, hubUrl, run);
            slowestRead = Math.max(slowestRead, System.nanoTime() - t0);
            double seconds = (System.nanoTime() - start) / 1e9;
            while (landed >= reported + WINDOW || (landed == count && reported < count)) {
                int upTo = Math.min(reported + WINDOW, count);
                System.out.printf("  postings %5d-%5d landed by %6.1f s: %6.1f/s%n", reported + 1, upTo, seconds,
                        (upTo - reported) / (seconds - windowStart));
                reported = upTo;
                windowStart = seconds;
            }
            if (seconds > 1800) {
                throw new IllegalStateException("gave up after 30 minutes");
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        for (Future<Integer> f : posts) {
            if (f.get() != 202) {
                throw new IllegalStateException("POST /api/invoices answered " + f.get());
            }
        }
        System.out.printf("hub: %d invoices accepted and posted in %.2f s = %.1f postings/s%s%n", count, total,
                count / total, progress.startsWith("report:") ? String.format(
                        " (slowest reconciliation report: %.0f ms)", slowestRead / 1e6) : "");
    }

    private static int landed(String progress, String hubUrl, String run) throws Exception {
        if (!progress.startsWith("report:")) {
            return count(java.nio.file.Files.readString(java.nio.file.Path.of(progress)), "(" + run + "-");
        }
        String basic = java.util.Base64.getEncoder().encodeToString(("admin:" + progress.substring(7)).getBytes());
        String csv = HTTP.send(HttpRequest.newBuilder(URI.create(hubUrl + "/admin/reconciliation?format=csv"))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        return (int) csv.lines().filter(l -> l.startsWith(run + "-") && l.endsWith(",ok")).count();
    }

    static int put(String url, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/add")).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The same JSON shape the hub's HledgerLedger sends. */
    static String transaction(String tcode, long minor) {
        String major = minor / 100 + "." + String.format("%02d", minor % 100);
        return "{\"tdate\":\"2026-01-15\",\"tdate2\":null,\"tstatus\":\"Unmarked\",\"tcode\":\"" + tcode + "\","
                + "\"tdescription\":\"bench\",\"tcomment\":\"\",\"ttags\":[],\"tprecedingcomment\":\"\",\"tindex\":0,"
                + "\"tsourcepos\":[" + POS + "," + POS + "],\"tpostings\":["
                + posting("assets:receivable", minor, major) + ","
                + posting("revenue:sales", -minor, "-" + major) + "]}";
    }

    private static final String POS = "{\"sourceName\":\"\",\"sourceLine\":1,\"sourceColumn\":1}";

    private static String posting(String account, long mantissa, String floating) {
        return "{\"pdate\":null,\"pdate2\":null,\"pstatus\":\"Unmarked\",\"paccount\":\"" + account + "\","
                + "\"pamount\":[{\"acommodity\":\"USD\",\"aquantity\":{\"decimalMantissa\":" + mantissa
                + ",\"decimalPlaces\":2,\"floatingPoint\":" + floating + "},\"aprice\":null,\"astyle\":"
                + "{\"ascommodityside\":\"R\",\"ascommodityspaced\":true,\"asprecision\":2,\"asdecimalpoint\":\".\","
                + "\"asdigitgroups\":null}}],\"pcomment\":\"\",\"ptype\":\"RegularPosting\",\"ptags\":[],"
                + "\"pbalanceassertion\":null,\"ptransaction_\":null,\"poriginal\":null}";
    }
}
