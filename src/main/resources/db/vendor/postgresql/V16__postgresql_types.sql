-- 只在 PostgreSQL 上执行（db/vendor/postgresql）。
-- 指纹列在共用脚本里是 char(64)：PostgreSQL 报告为 bpchar（JDBC 类型 CHAR），与实体的字符串映射（VARCHAR）对不上，
-- Hibernate 校验不通过。指纹总是 64 个十六进制字符，改为 varchar(64) 不改变任何取值。H2 旧库不受影响。
alter table run_rule_file drop constraint if exists run_rule_file_sha256_fkey;
alter table rule_blob alter column sha256 type varchar(64);
alter table run_rule_file alter column sha256 type varchar(64);
alter table run_rule_file add constraint run_rule_file_sha256_fkey foreign key (sha256) references rule_blob(sha256);
alter table import_batch alter column file_sha256 type varchar(64);
alter table assessment_run alter column rules_fingerprint type varchar(64);
alter table assessment_run alter column data_fingerprint type varchar(64);
-- blob、clob 两个域只为让共用脚本执行；表里改用 PostgreSQL 自己的类型（审计块 bytea，规则文件与单位列表 text），
-- 驱动按 bytea、text 读写，Hibernate 按 text 校验规则文件内容（见 cn.gov.assess.db.PostgresDialect）。
alter table run_trail alter column payload type bytea;
alter table run_trail alter column unit_ids type text;
alter table rule_blob alter column content type text;
