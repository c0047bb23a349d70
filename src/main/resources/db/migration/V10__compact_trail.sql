-- 审计记录按块压缩保存：每块（约 2 万条转办）一行，内容见 cn.gov.assess.assessment.TrailCodec。
-- 100 万条转办逐行写入 run_assignment 要 53 秒（两棵 B 树、百万次插入），按块写入不到 2 秒；
-- 解释命令按单位查找时解开该次运行的各块筛选。V10 之前的运行仍在 run_assignment 中，照常可查。
create table run_trail (
  run_id   bigint  not null,
  seq      int     not null,
  row_count int    not null,
  payload  blob    not null,
  primary key (run_id, seq)
);
