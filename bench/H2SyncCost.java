import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;

/**
 * What forcing each acknowledged webhook to disk costs on the embedded H2 file database: N single-row inserts (as
 * {@code webhook_events} takes them, WRITE_DELAY=0, auto-commit), once plain and once each followed by
 * {@code CHECKPOINT SYNC}. Run with the H2 jar from the local Maven repository:
 * <pre>
 * java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar bench/H2SyncCost.java 300
 * </pre>
 */
public class H2SyncCost {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path dir = Files.createTempDirectory("h2-sync-cost-");
        for (boolean sync : new boolean[]{false, true}) {
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(sync ? "sync" : "plain")
                    + ";MODE=PostgreSQL;WRITE_DELAY=0", "sa", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id VARCHAR(64) PRIMARY KEY, payload TEXT)");
                PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?) ON CONFLICT DO NOTHING");
                String payload = "x".repeat(600);
                long[] nanos = new long[n];
                for (int i = 0; i < n; i++) {
                    long start = System.nanoTime();
                    insert.setString(1, "evt_" + i);
                    insert.setString(2, payload);
                    insert.executeUpdate();
                    if (sync) {
                        s.execute("CHECKPOINT SYNC");
                    }
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                System.out.printf("%-22s n=%d  p50 %.2f ms  p99 %.2f ms  mean %.2f ms%n",
                        sync ? "insert + CHECKPOINT SYNC" : "insert (WRITE_DELAY=0)", n, nanos[n / 2] / 1e6,
                        nanos[(int) (n * 0.99)] / 1e6, Arrays.stream(nanos).average().orElse(0) / 1e6);
            }
        }
    }
}
