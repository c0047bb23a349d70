<#import "layout.ftl" as l>
<@l.page title="找单位">
<h1>找单位</h1>
<form class="inline" method="get" action="/units/search">
  <label>名称或别名 <input name="q" value="${q}" required></label>
  <button type="submit">找</button>
</form>
<#if q != "">
<#if units?size == 0>
<p class="note">没有名称或别名含“${q}”的单位<#if !seesAll>（单位账号只能找到本单位）</#if>。</p>
<#else>
<p class="note">名称或别名含“${q}”的单位共 ${units?size} 个<#if latestRun??>，链接到最近一次运行（#${latestRun}）里的单位页</#if>：</p>
<ul class="units-found">
<#list units as u><li><#if latestRun??><a href="/runs/${latestRun}/units/${u.id}">${u.name}</a><#else>${u.name}</#if><#if u.aliases?size gt 0>（别名：<#list u.aliases as a>${a}<#sep>、</#list>）</#if></li></#list>
</ul>
</#if>
</#if>
</@l.page>
