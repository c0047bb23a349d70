package cn.gov.assess.cli;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.Jurisdictions;
import cn.gov.assess.intake.CityImport;
import cn.gov.assess.intake.Importer;
import cn.gov.assess.policy.RuleSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** import 的市级导出（有区县列的派单文件）：分到各区县导入（{@link CityImport}）。 */
final class CityImports {
    private CityImports() {
    }

    /** 有要按区县分的文件时导入全部文件并返回 true；没有时什么也不做（照常导入）。 */
    static boolean importRouted(Main main, List<Path> inputs) {
        RuleSet rules = RuleSet.load(main.rulesDir());
        List<Path> files = Importer.expand(inputs);
        List<Path> routed = files.stream().filter(f -> CityImport.routes(f, rules)).toList();
        if (routed.isEmpty()) {
            return false;
        }
        try (Database registry = Database.open(main.registryUrl())) {
            Jurisdictions all = new Jurisdictions(registry);
            Jurisdictions.Jurisdiction here = main.jurisdiction == null ? all.home() : all.require(main.jurisdiction);
            CityImport city = new CityImport(all, here, rules);
            var out = main.spec.commandLine().getOut();
            List<Path> others = files.stream().filter(f -> !routed.contains(f)).toList();
            if (!others.isEmpty()) {
                // 单位表、监测文件等照常导入本辖区（在分派之前：分派要按各区县的单位表认单位）
                try (Database db = all.open(here)) {
                    print(out, here.name(), new Importer(db, rules).importPaths(others));
                }
            }
            Path work = Files.createTempDirectory("assess-city-import");
            try {
                for (CityImport.Part p : city.importFiles(routed, work)) {
                    print(out, p.jurisdiction().name(), p.files());
                }
            } finally {
                try (var walk = Files.walk(work)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    private static void print(java.io.PrintWriter out, String where, List<Importer.FileResult> results) {
        for (Importer.FileResult r : results) {
            out.printf("已导入 %s（%s，%s）到 %s：读取 %d 行，新增 %d 行%n", r.file(), r.kind(), r.encoding(), where,
                    r.rowsRead(), r.rowsAdded());
        }
    }
}
