-- 单位、别名
create sequence unit_seq start with 1 increment by 50;
create table unit (
  id          bigint primary key,
  name        varchar(100) not null,
  kind        varchar(20)  not null,
  sort_order  int          not null,
  constraint uk_unit_name unique (name)
);
create table unit_alias (
  alias    varchar(100) primary key,
  unit_id  bigint not null references unit(id)
);

-- 导入批次：每个文件一行，记录文件指纹
create sequence import_batch_seq start with 1 increment by 1;
create table import_batch (
  id           bigint primary key,
  file_name    varchar(500) not null,
  file_sha256  char(64)     not null,
  kind         varchar(20)  not null,
  imported_at  timestamp    not null,
  rows_read    int          not null,
  rows_added   int          not null
);

-- 工单（每个渠道的工单编号唯一）与转办（一个工单派给一个单位）
create sequence work_order_seq start with 1 increment by 1000;
create table work_order (
  id           bigint primary key,
  channel      varchar(50)  not null,
  order_no     varchar(100) not null,
  received_at  timestamp    not null,
  batch_id     bigint       not null references import_batch(id),
  constraint uk_work_order unique (channel, order_no)
);
create index ix_work_order_received on work_order (received_at);

create sequence assignment_seq start with 1 increment by 1000;
create table assignment (
  id             bigint primary key,
  order_id       bigint       not null references work_order(id),
  unit_id        bigint       not null references unit(id),
  unit_spelling  varchar(100) not null,
  deadline       timestamp    not null,
  completed_at   timestamp,
  batch_id       bigint       not null references import_batch(id),
  constraint uk_assignment unique (order_id, unit_id)
);
create index ix_assignment_unit on assignment (unit_id);

-- 考核运行：只增不改
create sequence assessment_run_seq start with 1 increment by 1;
create table assessment_run (
  id                 bigint primary key,
  period             varchar(10)  not null,
  period_start       date         not null,
  period_end         date         not null,
  cutoff             timestamp    not null,
  created_at         timestamp    not null,
  rules_fingerprint  char(64)     not null,
  data_fingerprint   char(64)     not null,
  order_count        int          not null,
  assignment_count   int          not null
);

-- 规则文件快照（按内容寻址，相同内容只存一份）
create table rule_blob (
  sha256   char(64) primary key,
  content  clob     not null
);
create table run_rule_file (
  run_id  bigint       not null references assessment_run(id),
  path    varchar(300) not null,
  sha256  char(64)     not null references rule_blob(sha256),
  primary key (run_id, path)
);

-- 汇总：unit_id 为空的一行是渠道合计（按不重复工单计）
create sequence run_tally_seq start with 1 increment by 50;
create table run_tally (
  id                 bigint primary key,
  run_id             bigint       not null references assessment_run(id),
  channel            varchar(50)  not null,
  unit_id            bigint       references unit(id),
  unit_label         varchar(100) not null,
  unit_sort_order    int          not null,
  due                int          not null,
  handled            int          not null,
  unhandled          int          not null,
  overdue_completed  int          not null,
  overdue_unhandled  int          not null,
  open_count         int          not null,
  overdue_days       bigint       not null,
  monthly_overdue    varchar(500) not null,
  overdue_unhandled_orders varchar(2000) not null
);
create index ix_run_tally_run on run_tally (run_id);

-- 名单成员，每条带产生它的规则名与理由
create sequence run_list_entry_seq start with 1 increment by 50;
create table run_list_entry (
  id          bigint primary key,
  run_id      bigint        not null references assessment_run(id),
  list_name   varchar(100)  not null,
  channel     varchar(50)   not null,
  unit_id     bigint        not null references unit(id),
  unit_label  varchar(100)  not null,
  unit_group  varchar(20)   not null,
  position    int           not null,
  rank_no     int           not null,
  volume      int           not null,
  rule_name   varchar(200)  not null,
  reason      varchar(1000) not null
);
create index ix_run_list_entry_run on run_list_entry (run_id);

-- 一票否决
create sequence run_disqualification_seq start with 1 increment by 50;
create table run_disqualification (
  id         bigint primary key,
  run_id     bigint        not null references assessment_run(id),
  unit_id    bigint        not null references unit(id),
  channel    varchar(50)   not null,
  rule_name  varchar(200)  not null,
  reason     varchar(1000) not null,
  order_nos  varchar(2000) not null
);
