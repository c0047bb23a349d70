package cn.gov.assess.web;

import cn.gov.assess.db.Database;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 手动基准（平时跳过）：100 万条转办的运行（`bin/assess bench --sizes 1000000:5000 --work DIR` 建的库）的单位页，
 * 服务器用时（Server-Timing）第一次与热的中位数。用法：
 * {@code mvn -o test -Dtest=BigRunUnitPageBench -Dassess.bench.db=DIR/1000000x5000/db/assess}，结果写到 target/big-unit-page.txt。
 */
class BigRunUnitPageBench {
    static final String ADMIN = "测速查看";
    static final String PASSWORD = "correct-horse-1";

    @Test
    void unitPageOfAMillionAssignmentRun() throws Exception {
        String file = System.getProperty("assess.bench.db");
        Assumptions.assumeTrue(file != null && !file.isBlank(), "没有给 -Dassess.bench.db，跳过");
        try (Database db = Database.open(Database.shared(Database.fileUrl(Path.of(file))))) {
            Accounts accounts = new Accounts(db);
            if (accounts.find(ADMIN).isEmpty()) {
                accounts.add(ADMIN, Role.查看, null, PASSWORD.toCharArray());
            }
            long run = longs(db, "select max(id) from assessment_run").get(0);
            List<Long> units = longs(db, "select unit_id from assignment group by unit_id order by count(*) desc, unit_id");
            WebServer server = new WebServer(db, cn.gov.assess.TestSupport.rulesDir()).start("127.0.0.1", 0);
            try {
                WebClient c = new WebClient("http://127.0.0.1:" + server.port());
                c.login(ADMIN, PASSWORD);
                StringBuilder out = new StringBuilder("| 单位页（转办条数） | 第一次（毫秒） | 热，5 次中位数（毫秒） | 最慢的热（毫秒） |\n|---|---:|---:|---:|\n");
                List<long[]> picks = new ArrayList<>();
                for (int i : new int[]{0, units.size() / 2, units.size() - 1}) {
                    picks.add(new long[]{units.get(i)});
                }
                for (long[] u : picks) {
                    for (String q : new String[]{"", "?page=3", "?status=" + WebFixture.enc("逾期办结")}) {
                        String path = "/runs/" + run + "/units/" + u[0] + q;
                        long n = longs(db, "select count(*) from assignment where unit_id = " + u[0]).get(0);
                        double cold = ms(c, path);
                        List<Double> warm = new ArrayList<>();
                        for (int k = 0; k < 5; k++) {
                            warm.add(ms(c, path));
                        }
                        Collections.sort(warm);
                        out.append(String.format(java.util.Locale.ROOT, "| %s（%d） | %.0f | %.1f | %.1f |%n", path, n, cold, warm.get(2),
                                warm.get(4)));
                    }
                }
                Files.writeString(cn.gov.assess.TestSupport.root().resolve("target/big-unit-page.txt"), out);
                System.out.println(out);
            } finally {
                server.close();
            }
        }
    }

    private static List<Long> longs(Database db, String sql) {
        return db.read(c -> {
            List<Long> out = new ArrayList<>();
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    private static double ms(WebClient c, String path) {
        HttpResponse<byte[]> r = c.getBytes(path);
        assertEquals(200, r.statusCode(), path);
        return Double.parseDouble(r.headers().firstValue("Server-Timing").orElseThrow().replaceAll(".*dur=([0-9.]+).*", "$1"));
    }
}
