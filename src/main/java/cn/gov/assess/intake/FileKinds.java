package cn.gov.assess.intake;

import cn.gov.assess.io.Problem;

import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.InputException;
import cn.gov.assess.io.RowSource;
import cn.gov.assess.monitoring.MonitoringImport;
import cn.gov.assess.unit.UnitImport;
import cn.gov.assess.workorder.ColumnProfiles;
import cn.gov.assess.workorder.NoticeMetaImport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * 认出每个要导入的文件是哪一种：派单导出（按规则目录的列名方案，只看表头，留到后面逐行读取）、通报信息、监测类文件、
 * 单位表；认不出的报错。派单以外的文件都不大，整个读入。
 */
final class FileKinds {
    final List<CsvTable> unitTables = new ArrayList<>();
    final List<Path> dispatchFiles = new ArrayList<>();
    final Map<CsvTable, MonitoringImport.Kind> monitoringTables = new LinkedHashMap<>();
    final List<CsvTable> metaTables = new ArrayList<>();
    /** 整个读入的文件的字节（算指纹用）。 */
    final Map<CsvTable, byte[]> raw = new LinkedHashMap<>();

    /** 展开目录：只取目录下一层的 .csv 文件，单位表先于派单记录。 */
    static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.list(in)) {
                    s.filter(p -> Files.isRegularFile(p) && cn.gov.assess.io.RowSource.tabular(p)
                                    && !p.getFileName().toString().startsWith("~$"))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new InputException(in + "：无法读取目录：" + e.getMessage());
                }
            } else if (Files.isRegularFile(in)) {
                files.add(in);
            } else {
                throw new InputException(in + "：文件或目录不存在");
            }
        }
        return files;
    }

    /** 逐个文件认种类；认不出或表头缺列的记进 problems。 */
    static FileKinds sort(List<Path> files, ColumnProfiles profiles, List<Problem> problems) {
        FileKinds k = new FileKinds();
        for (Path f : files) {
            CsvTable t;
            byte[] bytes;
            try {
                // 派单记录可达千万行：只看表头，留到后面逐行读取
                boolean excel = !f.getFileName().toString().toLowerCase().endsWith(".csv");
                try (RowSource head = RowSource.open(f)) {
                    if (profiles.looksLikeDispatch(head.header())) {
                        k.dispatchFiles.add(f);
                        continue;
                    }
                    bytes = Files.readAllBytes(f);
                    t = excel ? CsvTable.of(head) : CsvTable.parse(f.toString(), bytes);
                }
            } catch (IOException e) {
                problems.add(Problem.inFile(f.toString(), "无法读取：" + e.getMessage()));
                continue;
            } catch (InputException e) {
                problems.addAll(e.located());
                continue;
            }
            k.raw.put(t, bytes);
            MonitoringImport.Kind mk = MonitoringImport.Kind.detect(t);
            if (NoticeMetaImport.looksLike(t)) {
                k.metaTables.add(t);
            } else if (mk != null) {
                requireColumns(t, mk.columns, problems);
                k.monitoringTables.put(t, mk);
            } else if (t.has("单位名称")) {
                requireColumns(t, UnitImport.COLUMNS, problems);
                k.unitTables.add(t);
            } else {
                problems.add(t.at(1).problem("无法识别的表头“" + String.join(",", t.header())
                        + "”。派单记录须有列：" + String.join("、", Importer.DISPATCH_COLUMNS) + "（或规则目录 导入列名.csv 里的其他写法）；单位表须有列："
                        + String.join("、", Importer.UNIT_COLUMNS) + "、别名；监测类文件见 README"));
            }
        }
        return k;
    }

    private static void requireColumns(CsvTable t, List<String> required, List<Problem> problems) {
        for (String c : required) {
            if (!t.has(c)) {
                problems.add(t.at(1).problem("缺少列“" + c + "”（表头为：" + String.join(",", t.header()) + "）"));
            }
        }
    }
}
