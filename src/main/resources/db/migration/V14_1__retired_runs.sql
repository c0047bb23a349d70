-- issue 16：运行可以标为作废（不删除）：何时、谁、为什么
alter table assessment_run add column retired_at timestamp;
alter table assessment_run add column retired_by varchar(100);
alter table assessment_run add column retired_reason varchar(500);
