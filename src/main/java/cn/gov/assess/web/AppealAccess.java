package cn.gov.assess.web;

import cn.gov.assess.io.InputException;
import cn.gov.assess.issuance.Appeal;

/**
 * 申诉的权限，网页与命令行共用同一套判断和中文说明：单位账号只就本单位提出、只看本单位的申诉；经办可以决定，
 * 也可以代单位登记纸质申诉；其余能看全县的角色（查看、审核……）只能看。
 */
public final class AppealAccess {
    private AppealAccess() {
    }

    /** 账号能否提出（或代为登记）这个单位的申诉。 */
    public static boolean mayFile(Accounts.Account a, long unitId) {
        return a.active() && (a.role() == Role.经办 || a.role() == Role.单位 && a.unitId() != null && a.unitId() == unitId);
    }

    /** 账号能否看这份申诉（及其附件）。 */
    public static boolean maySee(Accounts.Account a, Appeal appeal) {
        return a.role().seesAll() || a.unitId() != null && a.unitId() == appeal.getUnitId();
    }

    public static boolean mayDecide(Accounts.Account a) {
        return a.active() && a.role().operates();
    }

    public static void requireFile(Accounts.Account a, long unitId, String unitName) {
        if (!mayFile(a, unitId)) {
            throw new InputException("账号“" + a.name() + "”（" + a.role() + "）不能提出" + unitName
                    + "的申诉：只有该单位自己的账号，或经办代为登记纸质申诉");
        }
    }

    public static void requireDecide(Accounts.Account a) {
        if (!mayDecide(a)) {
            throw new InputException("账号“" + a.name() + "”（" + a.role() + "）不能决定申诉：只有经办可以同意或不同意申诉");
        }
    }
}
