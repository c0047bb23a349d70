<#import "layout.ftl" as l>
<@l.page title="预览：${title}">
<h1>预览：${title}</h1>
<p class="note">用草稿规则与现行规则各对 ${period} 的已存数据考核一次，比较两边的结果。预览不保存任何运行，也不改变默认运行。</p>
<#if errors?size gt 0>
<section class="preview-errors">
<h2>草稿未通过检查，没有预览结果</h2>
<ul><#list errors as e><li>${e}</li></#list></ul>
</section>
<#else>
<section id="summary">
<h2>汇总</h2>
<p>考核期 ${period}，截至 ${cutoff}；同一批数据：工单 ${r.orders()} 个，转办 ${r.assignments()} 条；预览用时 ${seconds} 秒。</p>
<#if r.assignments() == 0>
<p class="preview-none">注意：数据库中没有这个考核期（截至时点以前受理）的工单，两边都是空的考核；请确认考核期，或先导入数据。</p>
</#if>
<#if r.unchanged()>
<p class="preview-none">没有变化：按草稿考核，各单位的数字、名单和通报全文都与现行规则相同。</p>
<#else>
<ul>
<li>${changedUnits} 个单位（含渠道合计、监测对象）有变化</li>
<li>${r.lists()?size} 个名单有变化</li>
<li>通报全文 ${changedLines} 行有改动</li>
</ul>
</#if>
<#if r.ruleFiles()?size gt 0>
<h3>两份规则不同的文件</h3>
<ul class="preview-files"><#list r.ruleFiles() as f><li>${f}</li></#list></ul>
<#else>
<p>两份规则的文件完全相同。</p>
</#if>
</section>
<#if !r.unchanged()>
<section id="lists">
<h2>名单变化</h2>
<#if r.lists()?size == 0><p>名单没有变化。</p></#if>
<#list r.lists() as c>
<h3>${c.label()}</h3>
<ul class="preview-members">
<#list c.entering() as m><li class="enter">新进入：<strong>${m.unit()}</strong>（第 ${m.position()} 位）<span class="why">${m.reason()}</span></li></#list>
<#list c.leaving() as m><li class="leave">不再列入：<strong>${m.unit()}</strong>（原第 ${m.position()} 位）<span class="why">${m.reason()}</span></li></#list>
</ul>
<p class="note">现在的名单：<#if c.after()?size == 0>（无）<#else>${c.after()?join("、")}</#if></p>
</#list>
</section>
<section id="units">
<h2>单位变化</h2>
<#if r.units()?size == 0><p>各单位的数字没有变化。</p><#else>
<table class="grid">
<thead><tr><th>单位</th><th>范围</th><th>项目</th><th>变化</th></tr></thead>
<tbody>
<#list r.units() as u>
<#if u?index gte 2000><#break></#if>
<tr><td>${u.unit()}</td><td>${u.scope()}</td><td>${u.kind()}</td><td>${u.what()}</td></tr>
</#list>
</tbody>
</table>
<#if r.units()?size gt 2000><p class="note">共 ${r.units()?size} 处变化，这里列出前 2000 处；完整清单用命令 assess rules preview 查看。</p></#if>
</#if>
</section>
</#if>
<section id="notice">
<h2>通报全文</h2>
<p class="note">${r.notice().file()}，按草稿规则排出；<ins>新增</ins>、<del>删去</del>的文字已标出。</p>
<#macro segs list><#list list as s><#if s.inserted()><ins>${s.text()}</ins><#elseif s.deleted()><del>${s.text()}</del><#else>${s.text()}</#if></#list></#macro>
<div class="preview-notice">
<#list doc as b>
<#if b.kind() == "h">
<p class="h${b.level()} ${b.css()}"><@segs b.lines()[0]/></p>
<#elseif b.kind() == "p">
<p class="${b.css()}"><#list b.lines() as line><@segs line/><#sep><br></#sep></#list></p>
<#elseif b.kind() == "page">
<hr class="page-break">
<#elseif b.kind() == "table">
<table class="grid notice-table">
<#list b.rows() as row>
<tr class="${row.css()}"><#list row.cells() as c><#if row.header()><th class="${row.cellCss()[c?index]}"><@segs c/></th><#else><td class="${row.cellCss()[c?index]}"><@segs c/></td></#if></#list></tr>
</#list>
</table>
</#if>
</#list>
</div>
</section>
</#if>
</@l.page>
