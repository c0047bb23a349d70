-- 理由作为数据：规则触发时记下的逐项比较（名单考核范围内每个单位、每项条件的取值与是否成立）与排名（每个候选的名次与名额）。
-- 每次运行另有一行 kind = '记录' 作标记：没有这一行的运行早于逐项记录。
create table run_justification (
    run_id bigint not null,
    seq int not null,
    kind varchar(10) not null,
    list_name varchar(100) not null,
    channel varchar(100),
    unit_id bigint not null,
    unit_group varchar(20),
    rule_name varchar(200) not null,
    passed boolean not null,
    place int,
    quota int,
    rank_key varchar(50),
    rank_value bigint,
    checks varchar(20000),
    primary key (run_id, seq)
);
create index run_justification_unit on run_justification (run_id, unit_id);
