-- issue 16：派单导出里有就保存的可选字段（只存日期、类别与计数，从不存姓名、电话或诉求内容）
alter table assignment add column signed_at timestamp;
alter table assignment add column sign_deadline timestamp;
alter table assignment add column satisfaction varchar(8);
alter table assignment add column return_count integer;
alter table assignment add column reopened boolean;
