<#import "layout.ftl" as l>
<@l.page title="工单历史">
<h1>工单历史</h1>
<form class="inline" method="get" action="/orders">
  <label>工单编号 <input name="no" value="${no}" required></label>
  <label>渠道
    <select name="channel"><option value="">任一渠道</option><#list channels as c><option value="${c}"<#if c == channel> selected</#if>>${c}</option></#list></select>
  </label>
  <button type="submit">查看</button>
</form>
<#if lines??>
<h2>${no}：原始记录、更正与撤回</h2>
<div class="lines history"><#list lines as line>${line}
</#list></div>
</#if>
</@l.page>
