-- 派单记录里出现过的渠道。导入时据此判断“这个渠道在库里已有工单、要逐批查重”，不再去工单表里按渠道探一行
-- （PostgreSQL 上工单表的唯一索引改为先按工单编号，见 db/vendor/postgresql/V20_1，按渠道探就不能用索引了）。
create table order_channel (
  channel  varchar(50) primary key
);
insert into order_channel (channel) select distinct channel from work_order;
