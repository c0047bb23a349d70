-- 政府网站栏目登记（附件4的单位与顺序）
create sequence website_column_seq start with 1 increment by 50;
create table website_column (
  id            bigint primary key,
  seq           int          not null,
  unit_id       bigint       not null references unit(id),
  name_written  varchar(100) not null,
  constraint uk_website_column_unit unique (unit_id)
);

-- 政府网站监测：每次监测每个单位一行
create sequence website_check_seq start with 1 increment by 50;
create table website_check (
  id                   bigint primary key,
  check_date           date         not null,
  unit_id              bigint       not null references unit(id),
  unit_spelling        varchar(100) not null,
  stale_days           int          not null,
  empty_columns        int          not null,
  unanswered_messages  int          not null,
  reachable            boolean      not null,
  published            int          not null,
  constraint uk_website_check unique (check_date, unit_id)
);

-- 政务新媒体账号登记（附件5的账号与顺序）
create sequence media_account_seq start with 1 increment by 50;
create table media_account (
  id               bigint primary key,
  seq              int          not null,
  platform         varchar(30)  not null,
  name             varchar(100) not null,
  owner_spelling   varchar(100) not null,
  owner_unit_id    bigint       not null references unit(id),
  status           varchar(20)  not null,
  cancel_deadline  date,
  constraint uk_media_account unique (platform, name)
);

-- 政务新媒体监测
create sequence media_check_seq start with 1 increment by 50;
create table media_check (
  id               bigint primary key,
  check_date       date    not null,
  account_id       bigint  not null references media_account(id),
  days_since_post  int     not null,
  posts            int     not null,
  forwarded        boolean not null,
  reminders        int     not null,
  constraint uk_media_check unique (check_date, account_id)
);

-- 在线访谈
create sequence interview_seq start with 1 increment by 50;
create table interview (
  id              bigint primary key,
  interview_date  date          not null,
  unit_id         bigint        not null references unit(id),
  unit_spelling   varchar(100)  not null,
  topic           varchar(500)  not null,
  constraint uk_interview unique (interview_date, unit_id, topic)
);

-- 运行结果：每个网站栏目单位、每个新媒体账号的合格/不合格与问题、备注
create sequence run_check_result_seq start with 1 increment by 50;
create table run_check_result (
  id           bigint primary key,
  run_id       bigint        not null references assessment_run(id),
  kind         varchar(20)   not null,
  seq          int           not null,
  platform     varchar(30),
  subject      varchar(100)  not null,
  owner_label  varchar(100)  not null,
  unit_id      bigint        not null references unit(id),
  result       varchar(20)   not null,
  problems     varchar(2000) not null,
  remark       varchar(1000) not null
);
create index ix_run_check_result_run on run_check_result (run_id);

-- 运行结果：正文中由规则决定是否出现的句子
create sequence run_note_seq start with 1 increment by 50;
create table run_note (
  id         bigint primary key,
  run_id     bigint        not null references assessment_run(id),
  scope      varchar(50)   not null,
  note_key   varchar(100)  not null,
  text       varchar(1000) not null,
  rule_name  varchar(200)  not null,
  reason     varchar(1000) not null
);
