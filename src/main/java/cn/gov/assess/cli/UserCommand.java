package cn.gov.assess.cli;


import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.web.Accounts;
import cn.gov.assess.web.AuditLog;
import cn.gov.assess.web.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"网页工作台的账号。", "Accounts of the web workbench."},
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Unlock.class, UserCommand.Reset.class,
                UserCommand.ChangeRole.class})
final class UserCommand implements Runnable {
    @ParentCommand
    Main main;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"新建账号。密码从终端读入（不回显），或用 --password-stdin 从标准输入读一行。",
                    "第一个管理员只能这样创建：bin/assess user add 张三 --role 管理员"})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Parameters(paramLabel = "NAME", description = "账号名（登录时输入）")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "角色：查看、单位、经办、规则管理、审核、管理员")
        String role;

        @Option(names = "--unit", paramLabel = "UNIT", description = "“单位”角色所属的单位（名称或别名，在 --jurisdiction 所指辖区的单位表里找）")
        String unit;

        @Option(names = "--password-stdin", description = "从标准输入读密码（一行），供脚本使用")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Role r;
            try {
                r = Role.parse(role);
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage());
            }
            char[] password = readPassword(passwordStdin, name);
            try (Registry reg = new Registry(parent.main)) {
                Database db = reg.db;
                Long jurisdiction = reg.jurisdiction(parent.main.jurisdiction);
                Accounts.Account a = reg.accounts().add(name, r, jurisdiction, unit, password);
                String where = jurisdiction == null ? "" : "，辖区 " + reg.name(jurisdiction);
                new AuditLog(db).record(operator(), "新建账号",
                        a.name() + "，角色 " + a.role() + (a.unitName() == null ? "" : "，单位 " + a.unitName()) + where, "本机");
                parent.main.spec.commandLine().getOut().printf("已创建账号“%s”（%s%s%s）。%n", a.name(), a.role(),
                        a.unitName() == null ? "" : "，单位 " + a.unitName(), where);
            } finally {
                Arrays.fill(password, '\0');
            }
            return 0;
        }
    }

    /** 从标准输入（一行）或终端（不回显，输两次）读密码。 */
    static char[] readPassword(boolean passwordStdin, String name) throws IOException {
        if (passwordStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new InputException("标准输入里没有密码");
            }
            return line.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new InputException("没有终端可以输入密码：请在终端里运行，或用 --password-stdin 从标准输入给出密码");
        }
        char[] first = console.readPassword("账号“%s”的密码（至少 %d 个字符）：", name, Accounts.MIN_PASSWORD);
        char[] second = console.readPassword("再输入一次：");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new InputException("两次输入的密码不一致，没有执行");
        }
        Arrays.fill(second, '\0');
        return first;
    }

    static Accounts.Account account(Accounts accounts, String name) {
        return accounts.find(name == null ? "" : name.strip())
                .orElseThrow(() -> new InputException("没有账号“" + name + "”（bin/assess user list 列出全部账号）"));
    }

    static String operator() {
        return "命令行（" + System.getProperty("user.name", "") + "）";
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = {"解除账号的登录限制（输错密码过多之后）。正在运行的网页服务下一次登录时就认。"})
    static final class Unlock implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Parameters(paramLabel = "NAME", description = "账号名")
        String name;

        @Override
        public Integer call() {
            try (Registry reg = new Registry(parent.main)) {
                Database db = reg.db;
                Accounts accounts = reg.accounts();
                Accounts.Account a = account(accounts, name);
                accounts.unlock(a.id());
                new AuditLog(db).record(operator(), "解除登录限制", a.name(), "本机");
                parent.main.spec.commandLine().getOut().printf("已解除账号“%s”的登录限制。%n", a.name());
            }
            return 0;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = {"重置账号的密码（临时密码）：对方下次登录必须先改密码；对方正在用的网页会话在服务重启或下次登录时失效。",
                    "密码从终端读入（不回显），或用 --password-stdin 从标准输入读一行。"})
    static final class Reset implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Parameters(paramLabel = "NAME", description = "账号名")
        String name;

        @Option(names = "--password-stdin", description = "从标准输入读密码（一行），供脚本使用")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            try (Registry reg = new Registry(parent.main)) {
                Database db = reg.db;
                Accounts accounts = reg.accounts();
                Accounts.Account a = account(accounts, name);
                char[] password = readPassword(passwordStdin, a.name());
                try {
                    accounts.setPassword(a.id(), password, true);
                } finally {
                    Arrays.fill(password, '\0');
                }
                new AuditLog(db).record(operator(), "重置密码", a.name() + "（下次登录须先修改密码）", "本机");
                parent.main.spec.commandLine().getOut().printf("已重置账号“%s”的密码：下次登录必须先改密码。%n", a.name());
            }
            return 0;
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = {"修改账号的角色（改为“单位”时用 --unit 给出单位）。"})
    static final class ChangeRole implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Parameters(paramLabel = "NAME", description = "账号名")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "角色：查看、单位、经办、规则管理、审核、管理员")
        String role;

        @Option(names = "--unit", paramLabel = "UNIT", description = "“单位”角色所属的单位（名称或别名，在 --jurisdiction 所指辖区的单位表里找）")
        String unit;

        @Override
        public Integer call() {
            Role r;
            try {
                r = Role.parse(role);
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage());
            }
            try (Registry reg = new Registry(parent.main)) {
                Database db = reg.db;
                Accounts accounts = reg.accounts();
                Accounts.Account before = account(accounts, name);
                Accounts.Account a = accounts.setRole(before.id(), r, unit);
                new AuditLog(db).record(operator(), "修改角色", a.name() + "：" + before.role() + " → " + a.role()
                        + (a.unitName() == null ? "" : "（" + a.unitName() + "）"), "本机");
                parent.main.spec.commandLine().getOut().printf("账号“%s”的角色已改为 %s%s（正在用的网页会话重新登录后生效）。%n", a.name(),
                        a.role(), a.unitName() == null ? "" : "，单位 " + a.unitName());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"列出账号。"})
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Override
        public Integer call() {
            try (Registry reg = new Registry(parent.main)) {
                var out = parent.main.spec.commandLine().getOut();
                Accounts accounts = reg.accounts();
                for (Accounts.Account a : accounts.all()) {
                    out.printf("%s\t%s%s%s%s%s%n", a.name(), a.role(), a.unitName() == null ? "" : "\t" + a.unitName(), a.active() ? "" : "\t（已停用）",
                            a.mustChange() ? "\t（下次登录须改密码）" : "",
                            a.jurisdictionId() == null ? "" : "\t辖区 " + reg.name(a.jurisdictionId()));
                }
                accounts.caseClashes().forEach(c -> parent.main.spec.commandLine().getErr().println("注意：" + c));
            }
            return 0;
        }
    }

    /** 账号都在登记库（--db 本身）里，一个登录页服务整个部署；其他辖区的单位在各自的库里（用到时打开，命令结束时关闭）。 */
    static final class Registry implements AutoCloseable {
        final Database db;
        private final cn.gov.assess.db.Jurisdictions jurisdictions;
        private final java.util.Map<Long, Database> opened = new java.util.HashMap<>();

        Registry(Main main) {
            this.db = Database.open(main.registryUrl());
            this.jurisdictions = new cn.gov.assess.db.Jurisdictions(db);
        }

        Accounts accounts() {
            return new Accounts(db, id -> opened.computeIfAbsent(id, k -> jurisdictions.open(jurisdictions.all().stream()
                    .filter(j -> j.id() == k).findFirst().orElseThrow(() -> new InputException("没有编号为 " + k + " 的辖区")))));
        }

        /** --jurisdiction 所指的辖区；不指定或就是登记库自己的辖区时为空（与旧账号一样）。 */
        Long jurisdiction(String name) {
            if (name == null) {
                return null;
            }
            cn.gov.assess.db.Jurisdictions.Jurisdiction j = jurisdictions.require(name);
            return j.schema().equals(jurisdictions.home().schema()) ? null : j.id();
        }

        /** 账号所属辖区的编号，登记库自己的辖区记作空（与 {@link #jurisdiction} 的回答可比）。 */
        Long normalize(Long id) {
            if (id == null) {
                return null;
            }
            try {
                return id == jurisdictions.home().id() ? null : id;
            } catch (IllegalStateException e) {
                return id; // 库里没有自己的登记行：单一办公室
            }
        }

        /** 辖区的名称（空 = 登记库自己的辖区）。 */
        String label(Long id) {
            if (id != null) {
                return name(id);
            }
            try {
                return jurisdictions.home().name();
            } catch (IllegalStateException e) {
                return "本库";
            }
        }

        String name(long id) {
            return jurisdictions.all().stream().filter(j -> j.id() == id).map(cn.gov.assess.db.Jurisdictions.Jurisdiction::name)
                    .findFirst().orElse("（编号 " + id + "）");
        }

        @Override
        public void close() {
            opened.values().forEach(Database::close);
            db.close();
        }
    }
}
