package cn.gov.assess.web;

/** 给用户看的错误：HTTP 状态与一句中文。正文里不放任何被拒绝的内容。 */
final class WebError extends RuntimeException {
    final int status;

    WebError(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 写操作被拒：说清是角色不许，而不是页面不存在。 */
    static WebError notAllowed(Role role) {
        return new WebError(403, "无权执行这项操作：您的账号角色“" + role + "”只能" + role.description() + "。");
    }

    static WebError forbidden() {
        return new WebError(403, "无权查看：这个页面不属于您的账号可以查看的范围。");
    }

    static WebError notFound(String what) {
        return new WebError(404, what);
    }
}
