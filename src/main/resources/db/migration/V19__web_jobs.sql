-- issue 15：网页的后台任务（导入、考核、更正后重新考核），服务重启后任务页仍在。提交时写一行，开始与结束时各更新一次；
-- 进行中的进度只在内存里。不存上传文件的内容。错误表最多存前 200 处（problem_count 是总数）：其中可能有上传文件里
-- 某一格的值，那正是用户改文件要看的。来源地址与操作记录（audit_log.remote）相同。
create table web_job (
  id             varchar(32)   primary key,
  kind           varchar(10)   not null,
  title          varchar(2000) not null,
  owner          varchar(100)  not null,
  remote         varchar(100)  not null,
  created_at     timestamp     not null,
  started_at     timestamp,
  finished_at    timestamp,
  elapsed_ms     bigint,
  state          varchar(10)   not null,
  phase          varchar(200)  not null,
  done_count     bigint        not null,
  total_count    bigint        not null,
  summary        varchar(2000) not null,
  run_id         bigint,
  next_url       varchar(500),
  next_label     varchar(200),
  rules          varchar(500)  not null,
  files          clob,
  failure        varchar(4000) not null,
  problem_count  int           not null,
  problems       clob
);
create index web_job_created on web_job(created_at);
