package cn.gov.assess.web;

/** 运行页下载链接上的中文说明；网址与保存的文件名不变（与 report 命令写出的文件名相同）。 */
final class Downloads {
    private Downloads() {
    }

    static String label(String file) {
        if (file.matches("annex-\\d+\\.csv")) {
            return "附件" + file.replaceAll("\\D", "") + "（CSV 表格）";
        }
        return switch (file) {
            case "通报.docx" -> "通报（Word 文档）";
            case "附件.xlsx" -> "全部附件（Excel 表格）";
            case "通报.md" -> "通报全文（纯文本）";
            case "sections.md" -> "正文各节（纯文本）";
            case "lists.csv" -> "各名单（CSV 表格）";
            case "totals.csv" -> "各渠道合计（CSV 表格）";
            default -> file.endsWith(".csv") ? "表格（CSV）" : file.endsWith(".md") ? "文本" : "文件";
        };
    }
}
