-- 转办表上按单位的索引没有查询使用，却让每次导入多维护一棵树
drop index ix_assignment_unit;
