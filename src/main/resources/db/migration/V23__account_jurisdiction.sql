-- issue 28：账号都在登记表所在的 schema 里，单位账号绑定的却是它所属辖区（jurisdiction_id）里的单位，那个单位表在辖区自己的
-- schema 里。unit_id 因此不再引用本 schema 的单位表：外键去掉（列重建，两种库都不必知道外键的名字），由程序按账号的辖区核对单位。
alter table app_user add column unit_ref bigint;
update app_user set unit_ref = unit_id;
alter table app_user drop column unit_id;
alter table app_user rename column unit_ref to unit_id;
