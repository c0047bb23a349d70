package cn.gov.assess.workorder;

/** 同一文件里连续的最多 5000 行，按列存放。 */
final class Chunk {
    /** 每块的行数。 */
    static final int CHUNK = 5000;

    final int fileIdx;
    int n;
    final long[] orderId = new long[CHUNK];
    final boolean[] newOrder = new boolean[CHUNK];
    final String[] channel = new String[CHUNK];
    final String[] orderNo = new String[CHUNK];
    final long[] unitId = new long[CHUNK];
    final String[] spelling = new String[CHUNK];
    final String[] unitName = new String[CHUNK];
    final long[] received = new long[CHUNK];
    final long[] deadline = new long[CHUNK];
    final long[] completed = new long[CHUNK];
    final int[] line = new int[CHUNK];
    final long[] signed = new long[CHUNK];
    final long[] signDeadline = new long[CHUNK];
    final String[] satisfaction = new String[CHUNK];
    final Integer[] returns = new Integer[CHUNK];
    final Boolean[] reopened = new Boolean[CHUNK];
    /** 这个文件有哪些可选列（重复导入时只比较文件里有的列）。 */
    final ColumnProfiles.Mapping mapping;

    Chunk(int fileIdx, ColumnProfiles.Mapping mapping) {
        this.fileIdx = fileIdx;
        this.mapping = mapping;
    }

    void add(long order, boolean isNew, String ch, String no, long unit, String name, String sp, long rec,
             long dl, long done, int ln, long sg, long sgDl, String sat, Integer ret,
             Boolean reo) {
        signed[n] = sg;
        signDeadline[n] = sgDl;
        satisfaction[n] = sat;
        returns[n] = ret;
        reopened[n] = reo;
        orderId[n] = order;
        newOrder[n] = isNew;
        channel[n] = ch;
        orderNo[n] = no;
        unitId[n] = unit;
        spelling[n] = sp;
        unitName[n] = name;
        received[n] = rec;
        deadline[n] = dl;
        completed[n] = done;
        line[n] = ln;
        n++;
    }
}
