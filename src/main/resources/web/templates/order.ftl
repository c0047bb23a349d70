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
<#if operates && ops??>
<h2>登记或撤回更正</h2>
<#list ops as o>
<#assign link = "/corrections?no=" + o.orderNo()?url('UTF-8') + "&channel=" + o.channel()?url('UTF-8')>
<p><a class="button correct-link" href="${link}">登记更正：${o.channel()} 工单 ${o.orderNo()}</a></p>
<ul class="withdraw-links">
<#list o.assignments() as a><#list a.corrections() as e><#if !e.withdrawn()>
<li><a class="withdraw-link" href="${link}#c${e.correction().getId()?c}">撤回更正 #${e.correction().getId()?c}</a>（${a.unit()}：${e.correction().getField()}由“${e.correction().getOldValue()}”改为“${e.correction().getNewValue()}”）</li>
</#if></#list></#list>
</ul>
</#list>
</#if>
</#if>
</@l.page>
