-- 运行时看到的监测记录（网站栏目、网站监测、新媒体账号与监测、在线访谈），旧运行据此重放解释，不受后来导入的影响
create table run_monitoring (
  run_id   bigint        not null references assessment_run(id),
  seq      int           not null,
  kind     varchar(30)   not null,
  payload  varchar(2000) not null,
  primary key (run_id, seq)
);
