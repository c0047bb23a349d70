-- 规则自定义的计数（如“严重逾期件数”），格式：名称=数;名称=数
alter table run_tally add column extras varchar(2000) not null default '';
