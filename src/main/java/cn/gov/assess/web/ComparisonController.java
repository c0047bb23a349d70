package cn.gov.assess.web;

import io.javalin.config.RoutesConfig;

final class ComparisonController implements WebServer.Controller {
    private final WebServer web;

    ComparisonController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
    }
}
