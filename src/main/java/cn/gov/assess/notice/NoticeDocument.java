package cn.gov.assess.notice;

import java.util.List;

/** 通报全文的内存模型：按顺序排列的块（文头、标题、正文段落、附件表格、版记），三种输出都由它生成。 */
public record NoticeDocument(List<Block> blocks) {

    public NoticeDocument {
        blocks = List.copyOf(blocks);
    }

    /** 文字块的种类；name 是模板里写的标记名，如【标题】。 */
    public enum Kind {
        ISSUER_MARK("发文机关标志"),
        DOC_NO("发文字号"),
        TITLE("标题"),
        ADDRESSEE("主送机关"),
        HEADING1("一级标题"),
        HEADING2("二级标题"),
        PARAGRAPH("正文"),
        ANNEX_LIST("附件说明"),
        SIGNATURE("署名"),
        DATE("成文日期"),
        CC("抄送"),
        PRINTED("印发");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        public String tag() { return tag; }

        public static Kind byTag(String tag) {
            for (Kind k : values()) {
                if (k.tag.equals(tag)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** 全文中的一块。 */
    public sealed interface Block permits Text, Annex {
    }

    /** 一块文字；多行时各行的含义见 rules/README.md（标题分行、附件说明每个附件一行、印发机关与印发日期各一行）。 */
    public record Text(Kind kind, List<String> lines) implements Block {
        public Text {
            lines = List.copyOf(lines);
        }

        public String joined(String separator) { return String.join(separator, lines); }
    }

    /** 一个附件：标签（附件 1）、标题、标题下的说明（如监测时间）与统计表（第一行是表头）。 */
    public record Annex(int no, String label, String title, List<String> notes, List<String> header,
                        List<List<String>> rows) implements Block {
        public Annex {
            notes = List.copyOf(notes);
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    public List<Annex> annexes() {
        return blocks.stream().filter(b -> b instanceof Annex).map(b -> (Annex) b).toList();
    }

    /** 第一种 kind 的文字块，没有时为 null。 */
    public Text first(Kind kind) {
        return blocks.stream().filter(b -> b instanceof Text t && t.kind() == kind).map(b -> (Text) b)
                .findFirst().orElse(null);
    }

    /** 标题各行连成一行（用于文件属性）。 */
    public String title() {
        Text t = first(Kind.TITLE);
        return t == null ? "" : t.joined("");
    }
}
