<#-- 规则表（指标、名单与名单条件、否决与扣分）编译成的 DRL 的形状；数据由 policy.TableDrl 从表格各行整理好。
     规则名不含行号（表里插一行不改变规则名），行号写在规则上方的注释里。改这里就改了全部生成规则的写法：
     GoldenFixtureTest、PolicyTablesTest、RuleExamplesTest 守着它们的行为。 -->
<#function q s><#return "\"" + s?replace("\\", "\\\\")?replace("\"", "\\\"") + "\""></#function>
<#function quoted xs><#local out = []><#list xs as x><#local out = out + [q(x)]></#list><#return out?join(", ")></#function>
<#function channelsIn chs><#return chs?has_content?then(", name in (" + quoted(chs) + ")", "")></#function>
<#function collected iv><#return (iv.n > 0)?then("$ivs" + iv.n, "java.util.Collections.emptyList()")></#function>
<#function scope s>
  <#if s.all><#return ""></#if>
  <#if !s.named?has_content><#return s.others?then(", group == null", "")></#if>
  <#return s.others?then(", group == null || group in (" + quoted(s.named) + ")", ", group in (" + quoted(s.named) + ")")>
</#function>
<#-- 收集本单位用到的指标取值（没有要收集的时不写） -->
<#macro inputs iv>
<#if (iv.n > 0)>
    accumulate( $iv${iv.n} : IndicatorValue( unitId == $uid, indicator in (${quoted(iv.names)})<#if iv.sameChannel>, channel == $ch<#else>, channel == ${q(all)}<#if iv.deductions?has_content> || indicator in (${quoted(iv.deductions)})</#if></#if> ); $ivs${iv.n} : collectList($iv${iv.n}) )
</#if>
</#macro>
<#-- 按渠道的规则：每个渠道、每个单位的汇总 -->
<#macro perChannel channels>
    ChannelInfo( $ch : name${channelsIn(channels)} )
    $t : Tally( channel == $ch, unitId != null, $uid : unitId )
</#macro>
package rules.tables

<#list ["Tally", "UnitInfo", "ChannelInfo", "Candidate", "ListEntry", "Disqualification", "Evaluation", "Placing", "IndicatorValue"] as c>
import cn.gov.assess.facts.${c}
</#list>
import cn.gov.assess.facts.Policy

// 本文件由规则表（${sources}）生成，不要手改：改表即可。

<#if cross>
rule "规则表：各渠道合计"
salience 30
when
    $u : UnitInfo( $uid : id )
    accumulate( $x : Tally( unitId == $uid, channel != ${q(all)} ); $ts : collectList($x); $ts.size() > 0 )
then
    insertLogical(Policy.sum($uid, $ts));
end

</#if>
<#list penalties as p>
// ${p.file} 第 ${p.line} 行：${p.comment}
rule ${q(p.rule)}
salience 25
when
<@perChannel p.channels/>
    $u : UnitInfo( id == $uid )
<#if p.deduction>
then
    insertLogical(Policy.deduction(drools.getRule().getName(), ${q(p.name)}, $ch, $u, $t, ${q(p.field)}, ${q(p.op)}, ${q(p.value)}, ${q(p.perItem)}));
end
<#else>
    eval( Policy.holds($t, ${q(p.field)}, ${q(p.op)}, ${q(p.value)}) )
then
    insertLogical(Policy.veto(drools.getRule().getName(), $u, $t, ${q(p.field)}, ${q(p.op)}, ${q(p.value)}, ${q(p.effect)}));
end
</#if>

</#list>
<#list indicators as i>
// ${i.file} 第 ${i.line} 行：${i.comment}
rule ${q(i.rule)}
salience 20
when
<#if i.perChannel>
<@perChannel i.channels/>
    $u : UnitInfo( id == $uid )
<#else>
    $u : UnitInfo( $uid : id )
<#if i.sum>
    $t : Tally( channel == ${q(all)}, unitId == $uid )
<#else>
    accumulate( $x : Tally( unitId == $uid, channel != ${q(all)}<#if i.channels?has_content>, channel in (${quoted(i.channels)})</#if> ); $t : collectList($x); $t.size() > 0 )
</#if>
</#if>
<@inputs i.inputs/>
then
    insertLogical(Policy.indicator(drools.getRule().getName(), ${q(i.name)}, <#if i.perChannel>$ch<#else>${q(all)}</#if>, $u, $t, ${collected(i.inputs)}, ${q(i.formula)}, ${i.scale}, ${q(i.rounding)}, ${q(i.zero)}));
end

</#list>
<#list lists as l>
// ${l.file} 第 ${l.line} 行：${l.comment}
rule ${q(l.prefix + "逐项比较")}
salience 10
when
<#if l.cross>
    $t : Tally( channel == ${q(all)}, $uid : unitId, $ch : channel )
<#else>
<@perChannel l.channels/>
</#if>
    $u : UnitInfo( id == $uid${scope(l.scope)} )
<#if l.veto>
    accumulate( $dq : Disqualification( unitId == $uid ); $vetoes : collectList($dq) )
</#if>
<@inputs l.inputs/>
then
    insertLogical(Policy.evaluate(drools.getRule().getName(), ${q(l.name)}, $ch, $u, $t, ${collected(l.inputs)}, <#if l.veto>$vetoes<#else>java.util.Collections.emptyList()</#if>, ${l.veto}<#list l.conditions as c>, ${q(c.field)}, ${q(c.op)}, ${q(c.value)}</#list>));
end

<#if !l.ranked>
rule ${q(l.prefix + "入选")}
when
    $e : Evaluation( list == ${q(l.name)}, passed, $ch : channel, $uid : unitId )
    $u : UnitInfo( id == $uid )
    $t : Tally( channel == $ch, unitId == $uid )
then
    insertLogical(new ListEntry(${q(l.name)}, $ch, $u, $t.getHandled(), 0, drools.getRule().getName(), $e.summary()));
end

<#else>
rule ${q(l.prefix + "候选")}
when
    $e : Evaluation( list == ${q(l.name)}, passed, $ch : channel, $uid : unitId )
    $u : UnitInfo( id == $uid )
    $t : Tally( channel == $ch, unitId == $uid )
<@inputs l.keyInputs/>
    $k : java.math.BigDecimal() from Policy.key(${q(l.rankBy)}, $t, ${collected(l.keyInputs)})
then
    insertLogical(new Candidate(${q(l.name)}, $ch, $u, Policy.volume(${q(l.rankBy)}, $t, $k), $e.summary(), $k));
end

<#assign group = l.perGroup?then("$g", "null")>
rule ${q(l.prefix + l.perGroup?then("组内排名", "排名"))}
when
    $c : Candidate( list == ${q(l.name)}, $ch : channel, $g : group, $v : key )
    accumulate( Candidate( list == ${q(l.name)}, channel == $ch<#if l.perGroup>, group == $g</#if>, key ${l.descending?then(">", "<")} $v ); $better : count(1) )
then
    insertLogical(new Placing(drools.getRule().getName(), ${q(l.name)}, $ch, $c.getUnit(), ${group}, ${q(l.rankBy)}, $v, $better + 1, Policy.quota(${q(l.quota)}, ${group})));
end

rule ${q(l.prefix + "入选")}
when
    $r : Placing( list == ${q(l.name)}, selected, $ch : channel, $uid : unitId )
    $c : Candidate( list == ${q(l.name)}, channel == $ch, unitId == $uid )
then
    insertLogical(new ListEntry(${q(l.name)}, $ch, $c.getUnit(), $c.getVolume(), $r.getPlace(), drools.getRule().getName(), Policy.reason($c.getReason(), $r.text())));
end

</#if>
</#list>
