-- 规则表做的名单可按小数（如综合得分）排名：名次的取值另存文字（精确的十进制），rank_value 仍存整数取值供旧代码读。
alter table run_justification add column rank_text varchar(60);
