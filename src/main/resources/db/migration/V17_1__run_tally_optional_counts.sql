-- 汇总的可选计数（签收、回访满意度、回退、重办；导出有这些列时才不为 0）随运行保存，模板、附件表与指标才能读到。
-- 写法：signDue=3;signedOnTime=2;…；早于本列的运行为空，读作 0。
alter table run_tally add column optional_counts varchar(300);
