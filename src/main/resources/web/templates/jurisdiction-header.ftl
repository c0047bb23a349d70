<#-- 页头的辖区（issue 28）：本辖区名称；市级账号可切换去只读查看一个下级辖区（服务器核对只许直接下级） -->
<#if jurisdictionHeader.choices?has_content>
<form class="jurisdiction" method="post" action="/jurisdictions/view">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>辖区 <select name="id">
    <option value=""<#if !jurisdictionHeader.viewing> selected</#if>>${jurisdictionHeader.ownName}（本级）</option>
    <#list jurisdictionHeader.choices as c><option value="${c.id?c}"<#if c.selected> selected</#if>>${c.name}（只读）</option></#list>
  </select></label>
  <button type="submit">切换</button>
  <a href="/jurisdictions/compare">辖区对比</a>
</form>
<#else>
<span class="jurisdiction">${jurisdictionHeader.name!""}</span>
</#if>
