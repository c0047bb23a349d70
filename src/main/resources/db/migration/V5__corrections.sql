-- 更正：与原始记录并存、只增不改；撤回也是一条记录（withdraws_id 指向被撤回的更正）
create sequence correction_seq start with 1 increment by 1;
create table correction (
  id             bigint primary key,
  created_at     timestamp     not null,
  assignment_id  bigint        references assignment(id),
  channel        varchar(50)   not null,
  order_no       varchar(100)  not null,
  unit_name      varchar(100)  not null,
  field          varchar(20)   not null,
  old_value      varchar(100)  not null,
  new_value      varchar(100)  not null,
  reason         varchar(1000) not null,
  requested_by   varchar(100)  not null,
  withdraws_id   bigint        references correction(id),
  file_name      varchar(500)  not null
);
create index ix_correction_assignment on correction (assignment_id);

-- 运行看到的更正截至哪一条（按编号），用于比较两次运行时找出其间的更正
alter table assessment_run add column correction_seq bigint not null default 0;
