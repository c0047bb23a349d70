-- 只在 PostgreSQL 上执行（db/vendor/postgresql）：申诉附件用 PostgreSQL 自己的 bytea（共用脚本里是 blob 域），与审计块一样。
alter table appeal_attachment alter column content type bytea;
