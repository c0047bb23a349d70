package cn.gov.assess.workorder;

import cn.gov.assess.io.Place;

import cn.gov.assess.io.RowSource;

/** 错误位置：文件、（工作表、）行、列号或列字母、列名（文件里的写法，括注标准列名）。 */
final class Cols {
    final RowSource in;
    final ColumnProfiles.Mapping m;

    Cols(RowSource in, ColumnProfiles.Mapping m) {
        this.in = in;
        this.m = m;
    }

    Place at(int line, String standard) {
        int i = m.index(standard);
        if (i < 0) {
            return Place.row(in.fileName(), line, in.fileName() + " 第 " + line + " 行（" + standard + "取自文件名）");
        }
        String name = in.header().get(i).strip();
        return in.place(line, i, name.equals(standard) ? standard : name + "，即" + standard);
    }
}
