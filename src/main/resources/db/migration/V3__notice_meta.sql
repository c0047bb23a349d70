-- 通报的文头文尾信息（每个考核期一份）：发文机关、文号、主送、成文日期、抄送、印发
create table notice_meta (
  period  varchar(10)   not null,
  field   varchar(50)   not null,
  content varchar(2000) not null,
  primary key (period, field)
);

-- 运行时的文头文尾信息快照，旧运行的通报不随后来的修改而变
create table run_meta (
  run_id  bigint        not null references assessment_run(id),
  field   varchar(50)   not null,
  content varchar(2000) not null,
  primary key (run_id, field)
);
