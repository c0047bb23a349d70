package cn.gov.assess.audit;

import cn.gov.assess.io.InputException;

/**
 * 解释与核对认单位用的单位表：按名称或别名查单位、查不到时最接近的名称、编号对应的名称。由调用方从库里读好交给
 * {@link Explainer} 与 {@link Reconciler}（audit 只读已存的运行，不自己开库）。
 */
public interface Units {
    record Ref(long id, String name) {
    }

    /** 按名称或别名查单位；查不到为 null。 */
    Ref find(String nameOrAlias);

    /** 最接近的已知单位的正式名称；没有单位时为 null。 */
    String closest(String name);

    /** 编号对应的单位名称；不认识的编号为 null。 */
    String name(long id);

    /** 按名称或别名查单位，查不到时报错并给出最接近的名称。 */
    default Ref require(String name) {
        Ref r = find(name);
        if (r == null) {
            throw new InputException("未知单位“" + name + "”，最接近的已知单位是“" + closest(name) + "”");
        }
        return r;
    }

    /** 名称，不认识的编号写成编号本身。 */
    default String label(long id) {
        String n = name(id);
        return n != null ? n : String.valueOf(id);
    }
}
