import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Command throughput over HTTP: `java bench/LoadSmoke.java <baseUrl> <commands> <clients>` submits that many
 * service-point applications (each a new aggregate) from that many concurrent clients and prints commands/s
 * and latency percentiles. Single-file source program: runs with a plain JDK 17, no build.
 */
public class LoadSmoke {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int commands = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("staff:staff-demo".getBytes(StandardCharsets.UTF_8));

        // warm-up: JIT, connection pools, bcrypt cache
        for (int i = 0; i < 50; i++) {
            post(http, base, auth, "warm-" + run + "-" + i);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long[] latencies = new long[commands];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < commands; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    int status = post(http, base, auth, "bench-" + run + "-" + i);
                    latencies[i] = System.nanoTime() - t0;
                    if (status != 201) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf("commands=%d clients=%d failures=%d seconds=%.2f commands/s=%.0f p50=%.1fms p95=%.1fms p99=%.1fms%n",
                commands, clients, failures.get(), seconds, commands / seconds, latencies[commands / 2] / 1e6,
                latencies[(int) (commands * 0.95)] / 1e6, latencies[(int) (commands * 0.99)] / 1e6);
    }

    static int post(HttpClient http, String base, String auth, String id) {
        String body = """
                {"servicePointId":"%s","institution":{"name":"佛山市禅城区第一小学","kind":"SCHOOL",
                 "unifiedSocialCreditCode":"91440604MA4UABCD1T","address":{"district":"禅城区","street":"祖庙路1号"}},
                 "plan":{"expectedReaders":800,"wantedCategories":["I","K","Z"],"borrowingSchedule":"每学期初整批借阅",
                  "plannedFirstBorrowing":"2027-02-20","plannedReturn":"2028-01-15"},
                 "contact":{"name":"李老师","phone":"13800138000"},
                 "space":{"areaSquareMetres":60,"shelves":12,"safekeepingMeasures":"专用阅览室，门禁"},
                 "qualification":{"type":"SCHOOL_LICENCE","reference":"教民144060470000001号"}}
                """.formatted(id);
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/service-points"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
