-- 审计记录：每次运行中每条转办的分类（规则名、当时的时限与办结时间、逾期天数），与运行在同一事务写入
create table run_assignment (
  run_id         bigint       not null references assessment_run(id),
  assignment_id  bigint       not null,
  channel        varchar(50)  not null,
  order_no       varchar(100) not null,
  unit_id        bigint       not null,
  received_at    timestamp    not null,
  deadline       timestamp    not null,
  completed_at   timestamp,
  status         varchar(20)  not null,
  days_late      int          not null,
  rule_name      varchar(200) not null,
  primary key (run_id, assignment_id)
);
create index ix_run_assignment_unit on run_assignment (run_id, unit_id, channel);

-- 审计记录：第二步（否决、名单、监测）每一次规则触发：规则名、匹配的事实、比较的取值
create sequence run_firing_seq start with 1 increment by 100;
create table run_firing (
  id         bigint primary key,
  run_id     bigint        not null references assessment_run(id),
  seq        int           not null,
  rule_name  varchar(200)  not null,
  unit_id    bigint,
  channel    varchar(50),
  facts      varchar(2000) not null,
  vals       varchar(2000) not null
);
create index ix_run_firing_run on run_firing (run_id, unit_id);
