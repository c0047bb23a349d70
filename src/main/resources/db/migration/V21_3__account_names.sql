-- issue 27：账号名不分大小写唯一；管理员重置密码后下次登录必须改密码；管理员（网页或命令行）解除登录限制的时间。
-- name_key 是小写的账号名，由程序写入并建唯一索引（H2 不支持在表达式上建索引，两种库因此用同一列）。
-- 已有只差大小写的账号（如 locktest 与 LOCKTEST）不在这里失败：最早建的那个得到 name_key，其余的 name_key 后面加
-- “#编号”，照常能登录；账号页与 user list 用中文列出这些冲突，请管理员停用或改名其中一个。
alter table app_user add column name_key varchar(130);
alter table app_user add column must_change boolean default false not null;
alter table app_user add column unlocked_at timestamp;
update app_user set name_key = lower(name)
  where id = (select min(v.id) from app_user v where lower(v.name) = lower(app_user.name));
update app_user set name_key = lower(name) || '#' || cast(id as varchar(20)) where name_key is null;
alter table app_user alter column name_key set not null;
create unique index app_user_name_key on app_user (name_key);
